"""Structured fields of records: education ranks and places (Chongqing districts)."""
import re

from .text import CHONGQING_DISTRICTS, fold

__all__ = ["EDUCATION_RANK", "education_rank", "education_levels_in", "place_tokens", "stated_places",
           "CHONGQING_DISTRICTS", "ANYWHERE"]

# DESIGN.md order; vocational (中专/技校) ranks with high_school for minimum checks.
EDUCATION_RANK = {
    "none": 0,
    "junior_high": 1,
    "high_school": 2,
    "vocational": 2,
    "associate": 3,
    "bachelor": 4,
    "master": 5,
    "doctorate": 6,
}
_EDUCATION_WORDS = {
    "无": "none", "不限": "none", "小学": "none", "初中": "junior_high", "高中": "high_school",
    "中专": "vocational", "技校": "vocational", "职高": "vocational", "中技": "vocational",
    "大专": "associate", "专科": "associate", "本科": "bachelor", "学士": "bachelor",
    "硕士": "master", "研究生": "master", "博士": "doctorate",
}
EDUCATION_LABELS = {
    "none": ("不限", "no formal education"),
    "junior_high": ("初中", "junior high school"),
    "high_school": ("高中", "high school"),
    "vocational": ("中专/技校", "vocational school"),
    "associate": ("大专", "associate degree"),
    "bachelor": ("本科", "bachelor's degree"),
    "master": ("硕士", "master's degree"),
    "doctorate": ("博士", "doctorate"),
}


def education_rank(value):
    """Rank of an education value (API code or Chinese word), ``-1`` when unknown.

    Examples
    --------
    >>> education_rank("vocational") == education_rank("high_school") == education_rank("中专")
    True
    >>> education_rank(None)
    -1
    """
    if not value:
        return -1
    folded = fold(value).replace(" ", "_")
    if folded in EDUCATION_RANK:
        return EDUCATION_RANK[folded]
    for word, level in _EDUCATION_WORDS.items():
        if word in folded:
            return EDUCATION_RANK[level]
    return -1


def education_code(value):
    """The API education code for a value, or ``None``."""
    if not value:
        return None
    folded = fold(value).replace(" ", "_")
    if folded in EDUCATION_RANK:
        return folded
    for word, level in _EDUCATION_WORDS.items():
        if word in folded:
            return level
    return None


# A level of schooling in free text (a resume, a posting's description), by its own words.
_LEVEL_WORDS = [(re.compile(pattern), level) for pattern, level in [
    (r"博士(?!后)|读博|ph\.?d\b|doctorate|doctoral", "doctorate"),
    (r"硕士|研究生(?!院)|\bmba\b|\bm\.?sc\b|\bm\.?eng\b|master'?s (?:degree|in|of)|\bmaster of", "master"),
    (r"本科|学士|bachelor|\bb\.?a\.? (?:in |of )?(?!at\b|for\b|with\b|role\b|job\b|team\b)[a-z]|\bb\.?sc\b|\bb\.?eng\b"
     r"|大[一二三四]", "bachelor"),
    (r"大专|专科|高职|associate degree|junior college|higher vocational", "associate"),
    (r"中专|技校|中职|职高|中技|职业高中|vocational (?:high )?school|technical (?:secondary )?school|secondary vocational",
     "vocational"),
    (r"高中|senior high|high school", "high_school"),
    (r"初中|junior high|middle school", "junior_high"),
    (r"小学(?:文化|毕业|学历)|没上过学|文盲|primary school only", "none"),
]]
_SOMEONE_ELSES = re.compile(r"(?:孩子|儿子|女儿|小孩|学生|child|kids?|son|daughter)\S{0,3}$")  # 孩子上初中
# A teacher's post or licence: 初中数学老师, 高中/初中教师资格证, 初中及以上数学教师资格, high school teacher.
_TEACHES_THERE = re.compile(r"^\S{0,4}?(?:老师|教师|教资|teacher)|^[^,，。;\s]{0,8}?教师资格")


def education_levels_in(text):
    """``(start, level)`` of each level of schooling ``text`` (folded) names by its own words (学历：大专, 初中毕业,
    BA Economics), in order; not a child's (孩子上初中) nor a teacher's post (初中数学老师).

    Examples
    --------
    >>> education_levels_in("大专及以上学历，本科优先")
    [(0, 'associate'), (8, 'bachelor')]
    >>> education_levels_in("招聘初中数学老师")
    []
    """
    found = [(match.start(), level) for pattern, level in _LEVEL_WORDS for match in pattern.finditer(text)
             if not _SOMEONE_ELSES.search(text[:match.start()]) and not _TEACHES_THERE.match(text[match.end():])]
    return sorted(found)


_ENGLISH_DISTRICTS = {
    "yuzhong": "渝中", "jiangbei": "江北", "nan'an": "南岸", "nanan": "南岸", "jiulongpo": "九龙坡",
    "shapingba": "沙坪坝", "dadukou": "大渡口", "yubei": "渝北", "banan": "巴南", "beibei": "北碚",
    "liangjiang": "两江新区", "bishan": "璧山", "jiangjin": "江津", "hechuan": "合川", "yongchuan": "永川",
    "changshou": "长寿", "fuling": "涪陵", "wanzhou": "万州", "qijiang": "綦江", "dazu": "大足",
    "tongliang": "铜梁", "rongchang": "荣昌", "nanchuan": "南川", "kaizhou": "开州",
}
# Main urban districts (主城都市区) are one commuting area.
_CORE = {"渝中", "江北", "南岸", "九龙坡", "沙坪坝", "大渡口", "渝北", "巴南", "北碚", "两江新区", "高新区", "经开区", "西部科学城"}
ANYWHERE = "*"
# Every district has its development zones; the main city's 经开区 and 高新区 are the ones no district names
# (长寿经开区 is Changshou's).
_ZONES = ("高新区", "经开区")
_A_DISTRICTS_ZONE = re.compile(rf"(?:{'|'.join(d for d in CHONGQING_DISTRICTS if d not in _ZONES)})[区县]?(?:{'|'.join(_ZONES)})")
# Location credit by the finest place a posting and a seeker share (:func:`place_tokens`' kinds):
# a district (or a place named alike), the main urban area (one commuting area), the city.
PLACE_CREDIT = {"district": 1.0, "place": 1.0, "area": 0.7, "city": 0.5}
_ANY_WORDS = ("不限", "均可", "都可以", "any", "anywhere", "全国")
_CITY = re.compile(r"([\u4e00-\u9fff]{2,3}?)(?:市|省)")


def place_tokens(text):
    """Tokens describing a place: ``city:重庆``, ``district:渝北``, ``area:重庆主城``, or ``*``.

    Examples
    --------
    >>> sorted(place_tokens("重庆市渝北区"))
    ['area:重庆主城', 'city:重庆', 'district:渝北']
    >>> sorted(place_tokens("Jiangbei, Chongqing"))
    ['area:重庆主城', 'city:重庆', 'district:江北']
    >>> place_tokens("不限")
    {'*'}
    >>> sorted(place_tokens("长寿经开区"))
    ['city:重庆', 'district:长寿']
    """
    folded = fold(text)
    if not folded:
        return set()
    if any(word in folded for word in _ANY_WORDS):
        return {ANYWHERE}
    tokens = set()
    for english, district in _ENGLISH_DISTRICTS.items():
        if english in folded:
            folded += district
    if "chongqing" in folded:
        folded += "重庆"
    for district in CHONGQING_DISTRICTS:
        if district in folded and not (district in _ZONES and _A_DISTRICTS_ZONE.search(folded)):
            tokens.add("district:" + district)
            tokens.add("city:重庆")
            if district in _CORE:
                tokens.add("area:重庆主城")
    if "重庆" in folded:
        tokens.add("city:重庆")
        if "主城" in folded:
            tokens.add("area:重庆主城")
    for match in _CITY.finditer(folded):
        tokens.add("city:" + match.group(1))
    if not tokens:
        tokens.add("place:" + folded)
    return tokens


def stated_places(tokens):
    """The tokens of one place (:func:`place_tokens`) that it names itself, not through a finer one.

    A district stands for itself, not for its whole city; a seeker who gives
    only the city (or 重庆主城) would work anywhere in it.

    Examples
    --------
    >>> sorted(stated_places(place_tokens("重庆市渝北区")))
    ['district:渝北']
    >>> sorted(stated_places(place_tokens("重庆主城")))
    ['area:重庆主城']
    >>> sorted(stated_places(place_tokens("重庆")))
    ['city:重庆']
    """
    districts = {token.split(":", 1)[1] for token in tokens if token.startswith("district:")}
    implied = set()
    if districts or "area:重庆主城" in tokens:
        implied.add("city:重庆")
    if districts & _CORE:
        implied.add("area:重庆主城")
    return set(tokens) - implied
