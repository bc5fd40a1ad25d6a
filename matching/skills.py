"""Skill names to canonical keys, tolerant of the ways people write them.

叉车证 / 叉车操作证 / forklift licence all become ``forklift``; Python /
python3 become ``python``; driving licences become ``licence:C1`` and a
holder's licence covers the lower classes the Chinese rules allow (an A1
holder may drive what A3, B1, B2, C1 to C4 and M cover).  The table
(``data/skills.tsv``) gives each key its names, the broader keys it implies
and whether it is a licence or certificate a job cannot do without.  A narrower
certificate or skill is its own key and implies the broader one: a 塔吊证
(tower crane) holder meets a posting that asks for any 起重证, not one that
asks for a 行车证 (overhead crane).  A posting's 电工证/焊工证 or C1或B2驾照 asks
for either: its key (``either:electrician|welder``) is held by a seeker who
holds any of them; a seeker who lists it holds them all.  电工证优先 (preferred)
counts like a skill, never as a hard requirement (``preferred:electrician``).
"""
import csv
import re
from datetime import date
from functools import lru_cache
from importlib import resources

from rapidfuzz.distance import OSA

from .majors import MAJOR_PREFIX, about_studies, is_major, major_asked, major_label, majors_held
from .text import amount, fold, has_han, is_a_word, longest_first, on_a_word_boundary, word_ends

__all__ = ["canonical_skill", "skill_label", "skill_items", "expand_held", "held_skills", "skills_in_text",
           "is_credential", "alternatives", "holds", "parts_of", "years_of_parts", "LICENCE_COVERS"]

# Which classes a driving licence class also permits (公安部令第162号, 2022): a number of the C class
# (C5 adapted for disabled drivers, C6 light trailers), motorcycles (D three-wheeled, E two-wheeled, F
# mopeds), M wheeled machinery, N trolleybuses and P trams.
LICENCE_COVERS = {
    "A1": ("A1", "A3", "B1", "B2", "C1", "C2", "C3", "C4", "M"),
    "A2": ("A2", "B1", "B2", "C1", "C2", "C3", "C4", "C6", "M"),
    "A3": ("A3", "C1", "C2", "C3", "C4"),
    "B1": ("B1", "C1", "C2", "C3", "C4", "M"),
    "B2": ("B2", "C1", "C2", "C3", "C4", "M"),
    "C1": ("C1", "C2", "C3", "C4"),
    "C2": ("C2",),
    "C3": ("C3", "C4"),
    "C4": ("C4",),
    "C5": ("C5",),
    "C6": ("C6",),
    "D": ("D", "E", "F"),
    "E": ("E", "F"),
    "F": ("F",),
    "M": ("M",),
    "N": ("N",),
    "P": ("P",),
}
_LICENCE_WORDS = r"(?:驾照|驾招|驾驶证|驾驶执照|驾驶本|准驾车型|牌照|本|照|(?:driving |driver'?s? )?licen[cs]e(?![a-z]))"  # not licensed
_ABOVE = r"(?:及以上|或以上|以上|\s*or above|\s*and above)?"
_NUMBERED_CLASS = r"a[1-3]|b[12]|c[1-6]"
# A class of one letter only beside the licence's name: D驾照, E证, M证, class D licence (alone, a C or an M is
# anything but a licence).
_LETTER_CLASS = r"[defmnp]"
_LICENCE = re.compile(
    rf"^(?:持有|持|有|具备)?(?:class\s*)?(?:(?:{_LICENCE_WORDS}\s*)?(?:class\s*)?({_NUMBERED_CLASS})\s*(?:类|级)?\s*{_ABOVE}\s*"
    rf"(?:{_LICENCE_WORDS}|证)?|{_LICENCE_WORDS}\s*({_LETTER_CLASS})\s*(?:类|级)?\s*{_ABOVE}\s*(?:{_LICENCE_WORDS}|证)?"
    rf"|({_LETTER_CLASS})\s*(?:类|级)?\s*{_ABOVE}\s*(?:{_LICENCE_WORDS}|证)){_ABOVE}$"
)
# The vehicles each class is for, as 公安部令第162号 names them: A3城市公交车驾照, 大货车驾照, 重型牵引挂车驾驶证.
_VEHICLES = {"大型客车": "A1", "大客车": "A1", "大客": "A1", "重型牵引挂车": "A2", "牵引车": "A2", "城市公交车": "A3", "公交车": "A3",
             "半挂车": "A2", "重型半挂车": "A2", "中型客车": "B1", "大型货车": "B2", "大货车": "B2", "小型汽车": "C1", "小车": "C1", "手动挡": "C1",
             "小型自动挡汽车": "C2", "自动挡": "C2", "低速载货汽车": "C3", "三轮汽车": "C4", "轻型牵引挂车": "C6",
             "普通三轮摩托车": "D", "三轮摩托车": "D", "普通二轮摩托车": "E", "二轮摩托车": "E", "轻便摩托车": "F",
             "轮式自行机械车": "M", "无轨电车": "N", "有轨电车": "P", "大巴": "A1", "公交": "A3", "中巴": "B1", "大货": "B2"}
_VEHICLE = re.compile("|".join(sorted(map(re.escape, _VEHICLES), key=len, reverse=True)))
# A seeker who drives a vehicle for a living holds its class (公交司机, 开大客车, 旅游大巴5年, 半挂 跑长途 said as
# 半挂司机): the vehicle with a word of driving before it or after it, or the years driven.
_DRIVEN = _VEHICLES | {"半挂": "A2", "挂车": "A2", "甩挂": "A2", "集卡": "A2"}
_DRIVES = re.compile(
    rf"(开过|开|驾驶|跑)?({'|'.join(sorted(map(re.escape, _DRIVEN), key=len, reverse=True))})"
    r"(司机|驾驶员|驾驶|师傅|开了|开过|\s*(?:\d{1,2}|[一二两三四五六七八九十]{1,3})\s*多?\s*年)?"
)
# Exams reported as a score: IELTS 6.5 or above is met by 7.0 (``score:ielts:6.5``); their steps.
_EXAMS = {"ielts": "ielts", "雅思": "ielts", "toefl": "toefl", "托福": "toefl", "toeic": "toeic", "托业": "toeic",
          "驾龄": "driving_years", "driving experience": "driving_years",
          "cet-4": "cet4", "cet 4": "cet4", "cet4": "cet4", "英语四级": "cet4", "四级": "cet4",
          "cet-6": "cet6", "cet 6": "cet6", "cet6": "cet6", "英语六级": "cet6", "六级": "cet6"}
_SCORE_STEPS = {"ielts": 0.5, "toefl": 1, "toeic": 5, "driving_years": 1, "cet4": 1, "cet6": 1, "typing": 1}
_SCORE_MAXIMA = {"ielts": 9, "toefl": 120, "toeic": 990, "driving_years": 70, "cet4": 710, "cet6": 710, "typing": 300}
_SCORE_NAMES = {"ielts": ("雅思", "IELTS"), "toefl": ("托福", "TOEFL"), "toeic": ("托业", "TOEIC"),
                "driving_years": ("驾龄", "years of driving"),  # 驾龄 is shown in years
                "cet4": ("英语四级", "CET-4"), "cet6": ("英语六级", "CET-6"), "typing": ("打字", "typing")}
# A score proves its exam (the table's key of that name) only from the pass mark: CET-4 410 is no CET-4.
_PASS_MARKS = {"cet4": 425, "cet6": 425}
_SCORED = re.compile(rf"^({'|'.join(_EXAMS)})\s*(?:考试)?\s*(\d{{1,3}}(?:\.\d)?)\s*(?:分|年|years?)?\s*{_ABOVE}\+?$")
_SCORED_AFTER = re.compile(rf"^(\d{{1,3}}(?:\.\d)?\s*(?:分|年)?)\s*{_ABOVE}\s*(驾龄)\s*{_ABOVE}$")
_SCORE_PREFIX = "score:"
# Typing speed in characters (or words) a minute: 打字速度60字/分以上, 五笔打字80字每分钟, typing 50 wpm.
_TYPING_SPEED = re.compile(r"^\D*?(?:打字|录入|五笔|拼音|typing)\D*?(\d{1,3})\s*(?:字|个字|wpm|words?)?\s*(?:/|每|per\s*)?"
                           r"\s*(?:分钟|分|min(?:ute)?|wpm)?\s*(?:以上|及以上|\+)?$")
# The qualification code on a pressure-equipment welder's certificate: process, then metal, position...
_PRESSURE_WELDER_CODE = re.compile(r"^(?:smaw|gtaw|gmaw|fcaw|saw|paw)\s*-\s*(?:fe|al|cu|ni|ti)")
# How long, said around a skill: 房产销售3年, 做过2年出纳, 有3年叉车经验, 驾龄5年 (a score of its own).
_HOW_LONG = r"(?:(?<!\d)\d{1,2}(?!\d)|[一二两三四五六七八九十半]+)\s*(?:年(?!级)半?|个月)(?:以上|及以上)?(?:的)?(?:工作|作业)?(?:经验|经历)?"
_DURATION = re.compile(rf"^(?:做过|从事过?|干过|有)?\s*{_HOW_LONG}\s*(?!.*年)(?!(?:以上|及以上|的|工作|作业|经验|经历)+$)(.+)$"
                       rf"|^(?!驾龄)(.*?[^\d\s.])\s*(?:工作了?|干了|做了|从事)?\s*{_HOW_LONG}$")  # not 2015年: a year
# How long a skill is asked for or held, as a key: years:java:3 (3年以上java开发, java开发3年). A seeker who names a
# skill without saying how long holds it for as long as a posting asks (years:java:?): the experience factor
# compares their years; only years said against years asked tell a shorter time apart.
_DURATION_EN = re.compile(r"^([a-z].*?)\s*,?\s*(\d{1,2})\s*\+?\s*(?:yrs?|years?)(?:\s+(?:of\s+)?experience)?$"
                          r"|^(\d{1,2})\s*\+?\s*(?:yrs?|years?)\s+(?:of\s+)?(?:experience\s+(?:in|with|as)\s+)?"
                          r"([a-z].*?)(?:\s+experience)?$")
_YEARS_PREFIX = "years:"
_A_PHRASE = re.compile(r"[\u4e00-\u9fff]{2,12}|[a-z][a-z0-9.+#&-]*(?: [a-z0-9][a-z0-9.+#&-]*){0,3}")  # as a stretch is
_YEARS_UNSAID = "?"
_YEARS_AS_A_SCORE = {"driving": "driving_years"}
_MOST_YEARS = 10  # asked or held, more counts as this many
_YEARS_SAID = re.compile(r"(?<![\d.])(\d{1,2}(?:\.\d)?|[一二两三四五六七八九十]{1,3}|半)\s*(?:多|几)?\s*(年(?!级)|个月)"
                         r"|(?<![\d.])(\d{1,2}(?:\.\d)?)\s*\+?\s*(years?|yrs?|months?)\b"
                         r"|(?<!\d)((?:19|20)\d\d)\s*(?:[.年/]\s*(\d{1,2})\s*月?|年)?\s*(?:[-–~至到]\s*(?!今)|(?=至今))"
                         r"(?:((?:19|20)\d\d)(?:\s*[.年/]\s*(\d{1,2}))?(?!\d)|(至今|今|现在|now|present))")
_OBTAINED = re.compile(r"^(?:\d{4}\s*年\s*)?已?(?:取得|考取|获得)[了过]?\s*(.+)$")
_OBTAINED_AFTER = re.compile(r"^(.+?)\s*(?:\d{2,4}\s*年\s*(?:\d{1,2}\s*月\s*)?)?已?(?:取得|获得|考取|取证|拿证)$")
_CERTIFICATE_HELD = re.compile(r"^(.+?)\s*已?持证$")
# An umbrella certificate named before the operation it covers.
_UMBRELLA = re.compile(r"^(?:特种设备作业人员证|特种设备作业证|特种作业操作证|特种作业证)\s*[:\-]?\s*(.+)$"
                       r"|^(.+?)(?:特种设备作业人员证|特种作业操作证|特种作业证)$")


def _score_text(score):
    return f"{score:.1f}" if isinstance(score, float) else str(score)


# Names that mean any of several keys: any of them meets a posting's, and a seeker who lists one holds
# each. Licences of a kind rather than a class (摩托车驾照 is a D, E or F licence; a C照 a C1 or C2) ...
_EITHER_NAMES = dict.fromkeys(
    ["摩托车驾照", "摩托车驾驶证", "摩托车证", "摩托证", "摩托车本", "motorcycle licence", "motorcycle license"],
    "either:licence:D|licence:E|licence:F",
) | dict.fromkeys(["c照", "c本", "c类驾照", "c驾照", "c牌驾照"], "either:licence:C1|licence:C2") \
    | dict.fromkeys(["a照", "a本", "a类驾照", "a驾照"], "either:licence:A1|licence:A2|licence:A3") \
    | dict.fromkeys(["b照", "b本", "b类驾照", "b驾照"], "either:licence:B1|licence:B2")
# ... and a certificate naming two kinds of crane covers both (桥门式: bridge and gantry).
_EITHER_NAMES |= dict.fromkeys(["桥门式起重机证", "桥门式起重机司机", "桥门式起重机司机证", "桥门式起重机", "q2桥门式起重机司机", "桥门式"],
                                "either:gantry_crane|overhead_crane")
_LICENCE_IN_TEXT = re.compile(
    rf"(?<![a-z0-9])({_NUMBERED_CLASS}|{_LETTER_CLASS})(?![0-9])\s*(?:类|级)?\s*(?:{_VEHICLE.pattern})?\s*"
    r"(?:及以上|或以上|以上)?\s*"
    r"(?:驾照|驾驶证|驾驶执照|本|照|(?:driving |driver'?s? )?licen[cs]e)"
    # ... and the class after the licence's name: 驾照：C1, 驾驶证（C1）, 准驾车型C1, driving licence: C1.
    rf"|(?:驾照|驾驶证|准驾车型|licen[cs]e(?![a-z]))(?:类型|类别)?\s*[:()]?\s*({_NUMBERED_CLASS}|{_LETTER_CLASS})(?![a-z0-9])"
)
# Between names of a posting's alternatives (电工证/焊工证, C1或B2驾照); not 、 or ，, which separate skills
# that are all required (the pages split items on them).
_OR = r"/|\||或者|或|\bor\b"
_EITHER = re.compile(rf"\s*(?:{_OR})\s*")
# "Any of these": 电工证、焊工证均可 lists alternatives with 、 too.
_ANY_OF = re.compile(rf"^(.+?)\s*(?:均可|皆可|任一|任选其一|之一|其一|至少会一种|至少一种|会其一|任意一种|"
                     rf"(?:{_OR}|,)?\s*either(?: one)?|(?:{_OR}|,)?\s*any one)$")
_RATE_UNITS = frozenset({"分", "分钟", "min", "小时", "h", "天", "月", "年", "次"})
_ANY_OF_SEPARATORS = re.compile(rf"\s*(?:{_OR}|、|,|，)\s*")
_EITHER_PREFIX = "either:"
# What a posting would like but does not require: 电工证优先, 有焊工证者优先, CAD a plus.
_PREFERRED = re.compile(r"^(.+?)(?:者|的)?(?:优先考虑|优先|更佳|加分)$|^(.+?)\s+(?:preferred|is a plus|a plus)$")
_PREFERRED_PREFIX = "preferred:"
_MET_BY_OTHERS = (_EITHER_PREFIX, _PREFERRED_PREFIX, _YEARS_PREFIX)
# A posting asking for a known skill done well (精通excel, 熟练使用cad, fluent english) is not met by a seeker
# who says it low (excel 一般): the seeker holds the skill and a low mark of it.
WELL_PREFIX = "well:"
LOW_PREFIX = "low:"
_WELL = re.compile(r"精通|熟练|流利|proficien|fluent|skilled|expert")
# Vocational skill levels (职业技能等级), lowest first: 中级电工证 is an 电工证 at level 2 (``electrician@2``).
_LEVEL_NAMES = {1: ("初级", "junior level"), 2: ("中级", "intermediate level"), 3: ("高级", "senior level"),
                4: ("技师", "technician level"), 5: ("高级技师", "senior technician level")}
# 五级 is 初级 and 一级 高级技师 (the national levels count down).
_LEVELS = {zh: level for level, (zh, _) in _LEVEL_NAMES.items()} | {"五级": 1, "四级": 2, "三级": 3, "二级": 4, "一级": 5}
_LEVEL_WORDS = "高级技师|技师|高级工|中级工|初级工|高级|中级|初级|[一二三四五]级"
_LEVELLED = re.compile(rf"^(?:国家)?({_LEVEL_WORDS})(?:及以上|或以上|以上)?(.+?)(?:证书|证)?$"
                       rf"|^(.+?)\s*\(?({_LEVEL_WORDS})(?:\s*[/、]\s*(?:{_LEVEL_WORDS}))?\)?(?:证书|证)?$")  # (三级/高级工)
# The same in English: an electrician level 3 (三级, senior) or intermediate certificate, a senior welder.
_EN_LEVELS = {"junior": 1, "primary": 1, "elementary": 1, "intermediate": 2, "senior": 3, "advanced": 3,
              "technician": 4, "senior technician": 5} | {f"level {number}": 6 - number for number in range(1, 6)}
_EN_LEVEL_WORDS = "senior technician|technician|junior|primary|elementary|intermediate|senior|advanced"
_LEVELLED_EN = re.compile(
    rf"^(?:({_EN_LEVEL_WORDS})\s+(.+?)|(.+?)\s+(level\s*[1-5]|(?:{_EN_LEVEL_WORDS})(?:\s+level)?))"
    r"(?:\s+(?:certificate|certification|licen[cs]e|cert))?$"
)
_AT_LEAST = re.compile(r"^(.+?)\s*(?:及以上|或以上|以上|or above|and above|or higher)(?:职称|资格|证书|证|学历)?$")
# A trade whose level certificate may be named though the table does not know it (化工总控工中级);
# not 工程师, whose 高级 is a professional title.
_LEVELLED_TRADE = re.compile(r"^[\u4e00-\u9fff]+[工员]$")
_GENERIC_CERT = re.compile(r"(?:职业资格|执业资格|从业资格|岗位资格|操作|作业|上岗|资格|从业|执业|职业技能等级|职业|司机|驾驶员)?"
                           r"(?:证书|证)$|资格$")  # 高中数学教师资格 is that certificate
_AROUND = 4  # characters around a known name in an item that still names a kind of it
_GENERIC_CERT_EN = re.compile(r"\s+(?:certificate|certification|certified|cert|licen[cs]e|card)$")
# python3, nx12.0, coreldraw x8 (not ts16949: a standard's number is no version)
_VERSION = re.compile(r"^(.*?[^\d\s.])\s*(?:v|(?<=\s)x)?\d{1,4}(?:\.\d+)*$")
_DASHED = re.compile(r"^(.+?)\s*[-—–:]\s*(.+)$")
# A class or kind in brackets narrows a certificate, it does not rename it: 叉车证(n1), 电工证(低压); unless
# the certificate is the umbrella one and the brackets name the trade: 特种作业操作证(低压电工).
_QUALIFIER = re.compile(r"\s*\(([^()]*)\)\s*")
# What brackets say besides a kind: a skill asked (会...), a certificate asked (持证), alternatives or a floor
# (均可, 以上); and what names a skill-level certificate.
_CAN = re.compile(r"会|能|懂|熟悉|熟练|掌握|精通")
_CERTIFIED = frozenset({"持证", "持证上岗", "有证", "需持证", "须持证", "持证优先", "需有证", "certified"})
_ANY_KIND = re.compile(r"不限专业|专业不限|不限方向|不限")
_ANY_WORDS = re.compile(r"(?:均可|皆可|都可以|都可|都行|任一|之一|其一|及以上|或以上|以上)$")
_SKILL_LEVEL = re.compile(r"技能等级|职业资格证")
# What brackets say when they name a discipline of a qualification (and not a level, a validity or a wish).
_KIND_SEPARATORS = re.compile(r"[·,，、;；]")
_DISCIPLINE = re.compile(r"专业|方向|工程|安全|土建|土木|建筑|安装|市政|交通|水利|机电|公路|铁路|矿|冶金|内科|外科|儿科|妇产|"
                         r"口腔|中医|西医|药学|中药|财政|税收|金融|人力|工商|房地产|会计|审计|轮机|驾驶部|甲板|供配电|发输变电|暖通|给水排水|"
                         r"动力|岩土")
# How well, said around a skill, and holding it: excel熟练, 熟练使用cad, 精通solidworks, 会用excel, 持焊工证.
_PROFICIENCY = re.compile(
    r"^(?:持有效|持有|持|有效|有|具备|熟练掌握|熟练|精通|熟悉|掌握|会用|会说|会|能看懂|看懂|能|"
    r"(?:proficient|proficiency|experienced|experience|skilled|fluent|good) (?:in|with|at) |"
    r"familiar with |knowledge of )?"
    r"(?:使用|运用|操作)?"
    r"(.+?)(?:熟练使用|使用熟练|熟练操作|操作熟练|熟练|精通|流利|标准|工作经验|作业经验|经验|经历|操作|上岗|"
    r" experience| skills?| proficiency| required| needed| is a must| a must)?$"
)


def _load_table():
    variants, labels, implies, credentials, commonly = {}, {}, {}, set(), {}
    with (resources.files("matching") / "data" / "skills.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            labels[row["key"]] = (row["zh"], row["en"])
            for variant in row["variants"].split("|"):
                variants[fold(variant)] = row["key"]
            if row["implies"]:
                implies[row["key"]] = tuple(row["implies"].split("|"))
            if row["credential"]:
                credentials.add(row["key"])
            if row["commonly"]:
                commonly[row["key"]] = row["commonly"]
    return variants, labels, implies, frozenset(credentials), commonly


# Spelling -> key; key -> (Chinese, English) label; key -> the broader keys holding it proves
# (高压电工证 is an 电工证, which proves 电工 as a skill); the keys that are licences and certificates
# a job legally or practically cannot do without (hard requirements); the narrower key a seeker who names
# a key plainly commonly holds (电工证: a 低压电工证, which a 高压电工证 or a skill level is not).
_VARIANTS, _LABELS, _IMPLIES, _CREDENTIALS, _COMMONLY = _load_table()
_NARROWER = {}  # a key -> the keys that imply it (高中教师资格证 -> 高中语文教师资格证, ...)
for _narrower, _broader in _IMPLIES.items():
    for _key in _broader:
        _NARROWER.setdefault(_key, []).append(_narrower)
_CERTIFYING = {}  # a skill -> the certificates that prove it directly (安检 -> 安检员证)
_UNSAID = {key: f"{_YEARS_PREFIX}{key}:{_YEARS_UNSAID}" for key in _LABELS}  # held as long as asked: no years said
for _certificate in sorted(_CREDENTIALS):
    for _skill in _IMPLIES.get(_certificate, ()):
        if _skill not in _CREDENTIALS:
            _CERTIFYING.setdefault(_skill, []).append(_certificate)


def _years_said(folded):
    """The whole years every duration in ``folded`` says, in order (1年半: 1, 18个月: 1, 半年: 0, 3 yrs: 3,
    2019-2023: 4, 2019.04-至今: until today); not a year of the calendar (2015年)."""
    said = []
    for match in _YEARS_SAID.finditer(folded):
        number, unit, latin_number, latin_unit, since, since_month, until, until_month, now = match.groups()
        if now:
            today = date.today()
            until, until_month = today.year, today.month
        if since:  # 2019-2023: four years; 2022.3-2023.1: ten months
            months = (int(until) - int(since)) * 12 + int(until_month or 1) - int(since_month or 1)
            said.append(max(months // 12, 0))
            continue
        number, unit = (number, unit) if number else (latin_number, latin_unit)
        count = amount(number)
        said.append(int(count / 12 if unit.startswith(("个月", "month")) else count))
    return said


def _for_years(key, years, *, asked=False):
    """``key`` asked for or held for ``years``: a table row's key, or a phrase a posting asks for (5年以上开发经验;
    a seeker holds its words for as long as an item says, :func:`held_skills`); else the key as written."""
    if key in _LABELS or (asked and years > 0 and _A_PHRASE.fullmatch(key)):
        return f"{_YEARS_PREFIX}{key}:{min(years, _MOST_YEARS)}"
    return key


def _years_of_a_phrase(key):
    """Whether ``key`` asks for years of a phrase the table does not know (5年以上开发经验)."""
    return key.startswith(_YEARS_PREFIX) and _years_of(key)[0] not in _LABELS


def _years_of(key):
    """``(key, years)`` of a key held or asked for some years (``years:java:3``: ``("java", "3")``)."""
    named, _, years = key[len(_YEARS_PREFIX):].rpartition(":")
    return named, years


def canonical_skill(name):
    """The canonical key of a skill name (folded name if it is not in the table); of a known skill asked to be
    done well (精通excel), a key a seeker who says it low (excel 一般) does not meet.

    Examples
    --------
    >>> canonical_skill("叉车操作证"), canonical_skill("Forklift licence")
    ('forklift', 'forklift')
    >>> canonical_skill("Python3"), canonical_skill("C1驾照"), canonical_skill("C1驾驶证")
    ('python', 'licence:C1', 'licence:C1')
    >>> canonical_skill("精通Excel"), holds(held_skills(["excel 一般"]), "well:excel")
    ('well:excel', False)
    """
    key = _canonical_skill(name)
    return WELL_PREFIX + key if key in _LABELS and not is_credential(key) and _WELL.search(fold(name)) else key


@lru_cache(maxsize=65536)
def _canonical_skill(name):
    """The canonical key of a skill name, as a seeker holds it and as the table's own reading needs it."""
    folded = fold(name)
    if not folded:
        return ""
    if _RESERVED.search(folded):
        # Typed text never passes for one of the keys made here (excel@99999999, score:toeic:1e9).
        folded = folded.replace("@", "＠").replace(":", "：")
    licence = _licence_class(folded)
    if licence:
        return "licence:" + licence
    obtained = _OBTAINED.match(folded) or _OBTAINED_AFTER.match(folded)
    if obtained:
        return _canonical_skill(obtained.group(1))  # 取得数控车工高级工证书, 人力资源管理师 三级 2019年取得
    examples = _EXAMPLES_IN_BRACKETS.search(folded)
    if examples and folded[:examples.start()].strip():  # 国产数据库（达梦、人大金仓等）: any of its kind
        return _canonical_skill(folded[:examples.start()] + folded[examples.end():])
    for_years = _YEARS_IN_BRACKETS.match(folded)
    if for_years:
        return _canonical_skill(for_years.group(1) + for_years.group(2))  # 叉车司机（3年以上）: as 叉车司机3年以上
    held = _CERTIFICATE_HELD.match(folded)
    if held and is_credential(_canonical_skill(held.group(1))):
        return _canonical_skill(held.group(1))  # acca持证 (挖机3年 持证 holds the trade's certificate besides)
    if folded in _VARIANTS:
        return _VARIANTS[folded]
    if folded in _EITHER_NAMES:
        return _EITHER_NAMES[folded]
    major = major_asked(folded)
    if major:
        return major  # 机械类专业, 会计、财务相关专业
    spaced = _KIND_AFTER_A_SPACE.match(folded)
    if spaced and _ANY_KIND.fullmatch(spaced.group(2)):
        return _canonical_skill(spaced.group(1))  # 二级建造师 不限专业
    narrowed = spaced and _narrowed(spaced.group(1), spaced.group(2))
    if narrowed:
        return narrowed  # 中式烹调师 五级, 焊工证 压力焊作业
    for respelt in (folded.replace(" ", "") if " " in folded and has_han(folded) else None,  # t 电梯修理
                    folded[:-1] + "证" if folded.endswith(_SOUNDS_LIKE_CERTIFICATE) else None,  # 叉车正
                    _LETTERS_THEN_NUMBER.sub("", folded)):  # iso 14001
        if respelt in _VARIANTS:
            return _VARIANTS[respelt]
    typing = _TYPING_SPEED.match(folded)
    if typing and int(typing.group(1)) <= _SCORE_MAXIMA["typing"]:
        return f"{_SCORE_PREFIX}typing:{int(typing.group(1))}"  # 打字60字/分 (not 60字 or 分 as alternatives)
    if _PRESSURE_WELDER_CODE.match(folded):
        return "pressure_welder_cert"  # gtaw-feii-6g-3/60-fefs-02/10/12: a welder qualified under TSG Z6002
    scored_after = _SCORED_AFTER.match(folded)
    if scored_after:
        return _canonical_skill(scored_after.group(2) + scored_after.group(1))  # 3年以上驾龄 is 驾龄3年(以上)
    timed_en = _DURATION_EN.match(folded)
    if timed_en:  # warehouse management 3yrs, 3+ years of welding experience
        named = _canonical_skill(timed_en.group(1) or timed_en.group(4))
        return _for_years(named, int(timed_en.group(2) or timed_en.group(3)), asked=True)
    timed = _DURATION.match(folded)
    if timed:
        # 房产销售3年, 做过2年出纳, 3年以上焊工经验: what, for how long.
        named, said = _canonical_skill(timed.group(1) or timed.group(2)), _years_said(folded)
        return _for_years(named, said[0], asked=True) if said else named
    umbrella = _UMBRELLA.match(folded)
    if umbrella:
        named = _canonical_skill(umbrella.group(1) or umbrella.group(2))
        if named in _LABELS and is_credential(named):
            return named  # 特种设备作业人员证g3, 特种作业操作证低压电工
    scored = _SCORED.match(folded)
    if scored and float(scored.group(2)) <= _SCORE_MAXIMA[_EXAMS[scored.group(1)]]:
        exam = _EXAMS[scored.group(1)]
        step = _SCORE_STEPS[exam]
        return f"{_SCORE_PREFIX}{exam}:{_score_text(round(float(scored.group(2)) / step) * step)}"
    # 初级会计及以上 asks for 初级会计: every higher level proves the lower ones.
    at_least = _AT_LEAST.match(folded)
    if at_least:
        lowest = _canonical_skill(at_least.group(1))
        if _in_table(lowest):
            return lowest
    certified = _GENERIC_CERT.sub("", folded)
    if certified != folded and is_credential(_VARIANTS.get(certified, "")):
        return _VARIANTS[certified]  # 初级会计资格证书: the 初级会计 the table names, not an 会计证 at a level
    composed = _levelled(folded) or _levelled_en(folded) or _preferred(folded) or _either(folded)
    if composed:
        return composed
    versioned = _VERSION.match(folded)
    if versioned:
        unversioned = _canonical_skill(versioned.group(1))
        if unversioned in _LABELS:
            return unversioned  # python3, word2016, 广联达gtj2021
    dashed = _DASHED.match(folded)
    if dashed:
        named = _canonical_skill(dashed.group(2))
        if named in _LABELS and is_credential(named):
            return named  # 冶金生产安全作业-煤气作业 names its certificate last
    unqualified = _QUALIFIER.sub("", folded)
    if unqualified and unqualified != folded:
        outside = _canonical_skill(unqualified)
        kinds = [part.strip() for kind in _QUALIFIER.findall(folded)
                 for part in _KIND_SEPARATORS.split(kind) if part.strip()]
        # 起重机司机(限流动式), (中级·监控方向), 执业药师(西药或中药均可), 会plc(三菱或西门子)
        stem = _PROFICIENCY.match(unqualified).group(1)
        level_only = None  # 消防设施操作员(中级·监控方向): the direction names more than the level
        # 土建方向 is 土建, 人力资源管理专业 人力资源管理.
        kinds = [kind.removesuffix("方向").removesuffix("专业").removesuffix("学科") or kind for kind in kinds
                 if not _ANY_KIND.fullmatch(kind)]
        if not kinds:
            return outside  # 二级建造师(不限专业)
        for kind in [_ANY_WORDS.sub("", kind.removeprefix("限")) for kind in kinds]:
            # Kinds to choose from, each of the thing outside: 工业机器人操作(发那科/abb), 执业药师(西药或中药).
            either = _kinds_of(kind, stem, outside)
            if either:
                return either
            # A kind with a key of its own: 电工证(高压) is a 高压电工证, 高级工(车工) a 车工 at that level,
            # 计算机二级(python) a 计算机二级python.
            narrower = _canonical_skill(kind + stem)
            if not _in_table(narrower):
                narrower = _canonical_skill(stem + kind)
            either_proves = narrower.startswith(_EITHER_PREFIX) and \
                all(outside in _proves(key) for key in alternatives(narrower))
            if _level_of(narrower)[1] and _level_of(narrower)[0] == _level_of(outside)[0]:
                level_only = level_only or narrower  # 焊工职业技能等级证书(四级)
                continue
            proves_outside = narrower in _LABELS and outside in _proves(narrower)
            if proves_outside or (_level_of(narrower)[1] and not _in_table(outside)) or either_proves:
                return narrower
            # ... or the one narrower key whose name has the kind (高级中学教师资格证(语文): 高中语文教师资格证).
            named_kind = [key for key in _NARROWER.get(outside, ()) if kind in _LABELS[key][0]]
            if len(named_kind) == 1:
                return named_kind[0]
            # ... or the brackets name the narrower thing itself (化学分析(滴定) is 滴定), or its operator
            # (Q2起重机司机(桥式起重机) is a 桥式起重机司机).
            for named in (_canonical_skill(kind), _canonical_skill(kind + "司机")):
                if named != outside and _in_table(named) \
                        and (outside in _proves(named) or named in alternatives(outside)):
                    return named  # 摩托车驾照(e证): of the classes a motorcycle's licence may be, the e
        if level_only:
            return level_only
        if any(kind in _CERTIFIED for kind in kinds):
            certificate = _canonical_skill(unqualified + "证")
            if _in_table(certificate) and is_credential(certificate):
                return certificate  # 焊工(持证上岗) asks for the 焊工证
        if outside not in _LABELS:
            for trade in kinds:
                named = (_canonical_skill(trade + suffix) for suffix in ("证", "作业证", ""))
                certified = next((key for key in named if key in _LABELS and is_credential(key)), None)
                if certified:
                    return certified
        elif is_credential(outside):
            # A discipline we do not know narrows a known certificate: 一级造价工程师(安装) is not (土建).
            disciplines = [kind for kind in kinds if _DISCIPLINE.search(kind) and not _EITHER.search(kind)
                           and not _in_table(_canonical_skill(kind))]  # not 建造师(建筑或市政): any of them
            if disciplines:
                return f"{outside}({'/'.join(disciplines)})"
        if len(kinds) == 1 and (_CAN.match(kinds[0]) or not (_in_table(outside) or is_credential(outside)
                                                             or _around_a_known_name(outside))):
            # 电工(会看电气图纸) asks for the drawings; of 生鲜(会分割肉) we know only what the brackets ask.
            named = _canonical_skill(kinds[0])
            if _in_table(named):
                return named
        return outside
    proficient = _PROFICIENCY.match(folded).group(1)
    if proficient != folded:
        # Only when what is left is a known skill: else 会计 would lose its 会, 有机化学 its 有.
        known = _canonical_skill(proficient)
        if known in _LABELS or known.startswith("licence:"):
            return known
    # 某某操作证 / 某某证书 / 某某上岗证 are the same certificate as 某某证; the certificate of a skill
    # is that trade's certificate (焊工上岗证 is a 焊工证, not the skill 焊工).
    stem = _GENERIC_CERT.sub("", folded)
    if stem != folded and stem:
        certificate = stem + "证"
        levelled = _levelled(stem)
        if levelled:
            return levelled  # 电工四级职业技能等级证书
        for candidate in (certificate, stem):
            if candidate in _VARIANTS:
                key = _VARIANTS[candidate]
                # A skill-level certificate (电工职业技能等级证书) is the trade's at the lowest level, not its licence.
                skill_level = _SKILL_LEVEL.search(folded) and is_credential(key) and not _level_of(key)[1]
                return f"{key}@1" if skill_level else key
        return certificate
    stem = _GENERIC_CERT_EN.sub("", folded)
    if stem != folded and stem:
        for candidate in (stem + " certificate", stem + " licence", stem):
            if candidate in _VARIANTS:
                return _VARIANTS[candidate]
    if " " in folded and has_han(folded) and not _NOT_ONE_NAME.search(folded):
        joined = _canonical_skill(folded.replace(" ", ""))
        if joined in _LABELS or _level_of(joined)[0] in _LABELS:
            return joined  # 电工 职业技能等级证书 三级, 会计专业技术资格 初级
    core = _core(folded)
    if core != folded:
        return _canonical_skill(core)  # 装配工 is 装配, 熟悉热处理 热处理
    for after in ("工作经验", "工作", "经验"):
        if folded.endswith(after) and folded[:-len(after)] in _VARIANTS:
            return _VARIANTS[folded[:-len(after)]]  # 会计工作: jieba's one word, the table's 会计
    done_to = _done_to(folded)
    if done_to:
        return _canonical_skill(done_to)  # 写8d报告 asks for 8d报告, 做竣工资料 for 竣工资料
    if folded.isascii():
        stem = folded
        while (shorter := _WORDS_AROUND_EN.sub("", stem, count=1)) != stem and shorter:
            stem, key = shorter, _canonical_skill(shorter)
            if _in_table(key):
                return key  # crane operator cert, sap mm module, esd knowledge, valid passport
    if proficient != folded and proficient.isascii():
        return _canonical_skill(proficient)  # google ads experience: what a resume's google ads meets
    # An unknown standard is as a resume spells it: iso 14001 is iso14001.
    return _misspelt(folded) or _LETTERS_THEN_NUMBER.sub("", folded)


_WORDS_AROUND_EN = re.compile(r"^(?:valid|basic|good|strong|solid|hands-on)\s+"
                              r"|\s+(?:knowledge|operation|operator|module|skills?|experience|cert|certificate|"
                              r"certification|certified|qualification|maintenance|process|work)$")
_DOING = frozenset("写做用开调修画编看算贴批打装测拆管跑搞干教剪拍查接")


def _done_to(folded):
    """What an unknown item that starts with a verb of one character does it to, else None."""
    if folded[0] not in _DOING or not has_han(folded) or _NOT_ONE_NAME.search(folded):
        return None
    first = _words(folded)[0]
    return folded[1:] if len(first) == 1 and len(folded) >= 3 else None


def _misspelt(folded):
    """The key of the one Latin name of five letters or more that ``folded`` misspells by a letter
    (exel, soildworks: one left out, added, changed or two swapped), else None."""
    if not _A_LATIN_WORD.fullmatch(folded):
        return None
    near = {_VARIANTS[name] for name in _LATIN_NAMES.get(folded[0], ())
            if abs(len(name) - len(folded)) <= 1 and OSA.distance(folded, name, score_cutoff=1) <= 1}
    return near.pop() if len(near) == 1 else None


# Words around what an item the table does not know names, which a recruiter reads past: 会做账报税 asks
# for 做账报税, 文员经验 for 文员, 熟悉热处理 for 热处理; and a trade's person is the trade (防损员, 钢筋工).
_WORDS_BEFORE = frozenset({"会", "能", "可", "懂", "有", "用", "熟悉", "熟练", "掌握", "精通", "了解", "具备", "具有", "使用",
                           "会用", "能用", "能够", "可以", "相关", "从事", "从事过", "做过", "干过", "有过", "学过", "用过",
                           "通过", "已通过"})
_WORDS_AFTER = frozenset({"经验", "工作经验", "经历", "工作", "能力", "知识", "技能", "基础", "者", "相关", "职称", "熟手",
                          "流程", "行业", "系统"})
_DRIVING = frozenset({"操作", "驾驶"})
_DONE_TO_A_MACHINE = frozenset("调操开关停换修上试")
_MACHINES = frozenset("机车吊梯")
_PERSONS = ("人员", "师傅", "驾驶员", "操作手", "司机", "机手", "员", "工")  # who drives a machine too (泵车司机)
_NOT_ONE_NAME = re.compile(r"[()/、,，;；|+&]")
_FIRST_CHARACTERS_BEFORE = frozenset(word[0] for word in _WORDS_BEFORE)
_LAST_CHARACTERS_AFTER = frozenset(word[-1] for word in (*_WORDS_AFTER, *_PERSONS))
_LAST_CHARACTERS_OF_PERSONS = frozenset(person[-1] for person in _PERSONS)  # 机 among them (司机, 吹膜机)


def _words(folded):
    cuts = [0, *sorted(word_ends(folded))]
    return [folded[start:end] for start, end in zip(cuts, cuts[1:])]


def _strip_words(words, around, order):
    """Take from ``words`` the first (or, ``order`` reversed, last) one to three that spell a word of ``around``
    (做|过 is 做过), leaving at least one; whether any were taken."""
    ordered = words[order]
    for count in (3, 2, 1):
        if len(ordered) > count and "".join(ordered[:count][order]) in around:
            if order.step == -1:
                del words[-count:]
            else:
                del words[:count]
            return True
    return False


def _names_nothing(folded):
    """Whether ``folded`` is only words around a skill (有经验, 相关经验)."""
    return _only_words_around(_words(folded))


def _only_words_around(words):
    return all(word in _WORDS_BEFORE or word in _WORDS_AFTER for word in words)


def _core(folded):
    """What an unknown Chinese item names, without the words around it and a trade's person: a posting's
    防损员 and a seeker's 防损 agree (words are jieba's dictionary words, so 会计 keeps its 会)."""
    if not has_han(folded) or _NOT_ONE_NAME.search(folded):
        return folded  # brackets, lists and alternatives are read apart, before this
    if folded[0] not in _FIRST_CHARACTERS_BEFORE and folded[-1] not in _LAST_CHARACTERS_AFTER:
        return folded  # nothing to take away: no need to segment it
    words = _words(folded)
    if _only_words_around(words):
        return folded
    forward, backward = slice(None, None), slice(None, None, -1)
    while _strip_words(words, _WORDS_BEFORE, forward) or _strip_words(words, _WORDS_AFTER, backward):
        pass
    if len(words) > 1 and words[-1] in _DRIVING and words[-2][-1] in _MACHINES:
        del words[-1]  # 压路机操作 asks for a 压路机 driven, as 压路机司机 does
    last = words[-1]
    for person in _PERSONS:
        # The person as a word of its own (防损|员) or after one (导购员), not inside a word (文员, 柜员).
        trade = last.removesuffix(person)
        if last.endswith(person) and (not trade or (len(trade) >= 2 and is_a_word(trade))):
            words[-1] = trade
            break
    core = _work_of_a_machine("".join(words))
    return core if len(core) >= 2 else folded


def _as_asked(stretch):
    """A seeker's stretch and what a posting's words for it name: 营业员 is also 营业, 吹膜机 吹膜 (:func:`_core`)."""
    if stretch[-1] not in _LAST_CHARACTERS_OF_PERSONS:
        return (stretch,)
    trade = next((stretch[:-len(person)] for person in _PERSONS if stretch.endswith(person)), "")
    return {stretch, _work_of_a_machine(stretch), *([trade] if len(trade) >= 2 else [])}


def _work_of_a_machine(words):
    """The work a machine does, for the machine (吹膜机: 吹膜): who runs one does it, and a posting asking
    for either asks for that work."""
    if len(words) < 3 or words[-1] != "机" or not has_han(words[-3]) or words[-2] in _DONE_TO_A_MACHINE:
        return words  # 调机, 操机: what is done to a machine, not one
    # Not a machine the table knows by name, however qualified (51单片机, 华为交换机, 石场装载机).
    return words if any(words[cut:] in _VARIANTS for cut in range(len(words) - 2)) else words[:-1]


_KIND_AFTER_A_SPACE = re.compile(r"^(\S+)\s+(\S{1,8})$")
_LETTERS_THEN_NUMBER = re.compile(r"(?<=[a-z]) (?=\d)")
_EXAMPLES_IN_BRACKETS = re.compile(r"\s*\((?:如|例如|比如|e\.g\.,?)\s*[^()]*\)|\s*\([^()]*等\)")  # examples of a kind
_YEARS_IN_BRACKETS = re.compile(rf"^([^()]+?)\s*\(\s*({_HOW_LONG})\s*\)$")
_SOUNDS_LIKE_CERTIFICATE = ("正", "政", "症")  # typed for 证 (zheng) with pinyin
_RESERVED = re.compile(r"@|^(?:licence|score|either|preferred|years|major|well|low):")


def _licence_class(folded):
    """The class a licence item names (``"B2"``), by its code, its vehicle or both (B1中型客车); else None."""
    licence = _LICENCE.match(folded)
    if licence:
        return next(filter(None, licence.groups())).upper()
    vehicle = _VEHICLE.search(folded)
    if vehicle:
        grade = _VEHICLES[vehicle.group(0)]
        # 手动挡小车驾照: every vehicle named is of that class
        rest = _VEHICLE.sub(lambda named: "" if _VEHICLES[named.group(0)] == grade else named.group(0), folded).strip()
        # The vehicle with its class, or with a licence's name: not 大货车 alone (a seeker's wish, a job).
        licence = _LICENCE.match(rest) if rest else None
        if rest.upper() == grade or (licence and next(filter(None, licence.groups())).upper() == grade):
            return grade  # M轮式自行机械车, B1中型客车
        if re.fullmatch(rf"(?:{_LICENCE_WORDS}|驾驶)+", rest):
            return grade  # 大货车驾照, 牵引车驾驶
    return None


def _around_a_known_name(key):
    """The key of a known name that ends or starts an unknown key with little around it, else None.

    A kind of a known thing (五轴加工中心, 欧姆龙PLC, 小学语文教师资格证) or the person doing it
    (收银员, 清洁工, 仓管员): holding it proves the known thing, while asking for it asks for more.
    The longest name at the end first, then at the start; a level we do not read proves the trade
    alone (钳工一级), a licence of a class we do not read nothing (摩托车驾照, C6驾照).
    """
    if _in_table(key):
        return None
    ends = [key[cut:] for cut in range(1, len(key))]
    starts = [key[:cut] for cut in range(len(key) - 1, 0, -1)]
    for name in ends + starts:
        known = _VARIANTS.get(name)
        if not known or len(key) - len(name) > _AROUND or len(name) < (2 if has_han(name) else 3):
            continue
        if (key.startswith(name) and _DENIED_AFTER.match(key, len(name))) \
                or (key.endswith(name) and _negated_before(key, len(key) - len(name))):
            return None  # 没有叉车证, 在考电工证, solidworks不会 (nor its shorter solidwork)
        if not (key.startswith(name) and (_AN_ORGANISATION.match(key, len(name))  # 电焊条厂包装
                                          or _AN_ASSISTANT.match(key, len(name)))):  # 店长助理
            return None if known == _ANY_LICENCE else known
    return None


def _negated_before(text, at):
    """Whether a negation ends at ``at`` in ``text`` (陪练 没|教练证, 在考|电工证)."""
    return any(match.end() == at for match in _NEGATION.finditer(text, 0, at))


_LEVEL_CERTIFICATE_WORDS = re.compile(r"\s*(?:职业技能等级证书|职业技能等级证|职业资格证书|职业资格证|技能等级证书|等级证书)\s*$")


def _levelled(folded):
    """``electrician@2`` for 中级电工证, 电工四级 or 焊工（高级）; None when no level of a known trade is named."""
    levelled = _LEVELLED.match(folded)
    if not levelled or (levelled.group(1) and "(" in levelled.group(2)):
        return None  # 二级建造师(机电): a grade and a discipline, read with the brackets
    word, trade = levelled.group(1) or levelled.group(4), levelled.group(2) or levelled.group(3)
    trade = _LEVEL_CERTIFICATE_WORDS.sub("", trade) or trade  # 电工职业技能等级证书三级: of 电工
    level = _LEVELS[word.removesuffix("工")]
    # The trade's certificate at that level (中级焊工 holds a 焊工证), else its skill (高级钳工); a
    # numbered level only of a certificate (计算机二级, where two is above one, is no trade's level).
    # (电工职业技能等级证 is itself the certificate at the lowest level.)
    certificate, skill = _level_of(_canonical_skill(trade + "证"))[0], _canonical_skill(trade)
    if certificate not in _LABELS and trade + "师证" in _VARIANTS:
        certificate = _VARIANTS[trade + "师证"]  # 中式烹调技师: of the 中式烹调师
    if is_credential(certificate) and (certificate in _LABELS or _LEVELLED_TRADE.search(trade)):
        return f"{certificate}@{level}"
    if skill in _LABELS and (word[0] not in "一二三四五" or _LEVELLED_TRADE.search(trade) or trade.endswith("师")):
        return f"{skill}@{level}"  # 钳工二级, 企业人力资源管理师三级, not 计算机二级
    return None


def _levelled_en(folded):
    """``electrician@3`` for electrician level 3 or senior electrician certificate; None unless a known
    certificate's trade is named."""
    levelled = _LEVELLED_EN.match(folded)
    if not levelled:
        return None
    word = (levelled.group(1) or levelled.group(4)).removesuffix(" level").replace("level", "level ")
    trade = levelled.group(2) or levelled.group(3)
    certificate = _canonical_skill(trade + " certificate")
    if certificate in _LABELS and is_credential(certificate):
        return f"{certificate}@{_EN_LEVELS[' '.join(word.split())]}"
    return None


def _preferred(folded):
    """``preferred:electrician`` for 电工证优先 or 有电工证者优先; None unless the item states a preference."""
    preferred = _PREFERRED.match(folded)
    if not preferred:
        return None
    wanted = preferred.group(1) or preferred.group(2)
    if _names_nothing(fold(wanted)):
        return None  # 有经验者优先
    # Known or not (ICU经验优先 prefers icu, which a seeker may have written): a preference, never a requirement.
    return _PREFERRED_PREFIX + _canonical_skill(wanted)


def _either(folded):
    """``either:electrician|welder`` for 电工证/焊工证 or 电工证、焊工证均可; None unless an alternative is known
    (TCP/IP and B/S are one thing each; CMA或CPA and Office/WPS name two)."""
    if "(" in folded:
        return None  # 二建(建筑或市政): the alternatives are in the brackets, read with them
    for name in _SLASHED_NAMES if "/" in folded else ():
        folded = folded.replace(name, name.replace("/", _SLASH))  # ug或pro/e: pro/e is one name
    any_of = _ANY_OF.match(folded)
    parts = [part.replace(_SLASH, "/") for part in
             (_ANY_OF_SEPARATORS.split(any_of.group(1)) if any_of else _EITHER.split(folded)) if part]
    if len(parts) < 2 or any(part in _RATE_UNITS for part in parts):
        return None  # 80字/分钟 is a rate
    named = set()
    for part in parts:
        key = _alternative(part, max(parts, key=len))
        key = key if _in_table(key) else _known_start(key) or key  # (power bi或tableau)数据分析, pr/ae剪辑
        named.update(alternatives(key) if key.startswith(_EITHER_PREFIX) else (key,))  # A照或B照: any A or B class
    if not any(_is_known(key) or key.startswith(_SCORE_PREFIX) for key in named):
        return None  # 雅思6.5或托福90 names two scores
    return _EITHER_PREFIX + "|".join(sorted(named)) if len(named) > 1 else named.pop()


def _kinds_of(kind, stem, outside):
    """``either:`` the keys of the alternatives a bracket lists, each named before ``stem``, when each is a kind
    of ``outside``; else None."""
    named = [part for part in _ANY_OF_SEPARATORS.split(kind) if part]
    if len(named) < 2 or "(" in kind:
        return None
    keys = set()
    for part in named:
        key = _canonical_skill(part + stem)
        key = key if _in_table(key) else _known_start(key)
        if not key or key == outside or outside not in _proves(key):
            return None
        keys.add(key)
    return _EITHER_PREFIX + "|".join(sorted(keys)) if len(keys) > 1 else keys.pop()


def _known_start(key):
    """The key of the longest known name ``key`` starts with (tableau数据分析: tableau), else None."""
    for cut in range(len(key) - 1, 1, -1):
        if key[:cut] in _VARIANTS:
            return _VARIANTS[key[:cut]]
    return None


_SHARED_AT_MOST = 4


def _alternative(part, longest):
    """The key of one of a posting's alternatives, which may share the longest one's head or tail.

    安全员B证或C证: C证 is an 安全员C证 (not the language C); 高压或低压电工证: 高压 is an 高压电工证.
    """
    alone = _canonical_skill(part)
    # Only a short alternative shares the longest one's head or tail (and trying is a look-up per cut).
    if len(part) < len(longest) and len(part) <= _SHARED_AT_MOST and not is_credential(alone) \
            and not alone.startswith(_SCORE_PREFIX):
        shared = [longest[:cut] + part for cut in range(1, len(longest))] + \
            [part + longest[cut:] for cut in range(1, len(longest))]
        for whole in shared:
            key = _canonical_skill(whole)
            # 西门子或三菱PLC: 西门子 alone is nothing known, 西门子PLC is PLC.
            if key in _LABELS and (is_credential(key) or alone not in _LABELS):
                return key
    return alone


# Between skills one item lists as all held or all required: 叉车证+电工证, Excel和Word, forklift and welding.
_BOTH = re.compile(r"\s*(?:\+|&|和|及|以及|与|、|,|，|;|；|\band\b)\s*")


def skill_items(name):
    """The skills one listed item names: 叉车证+电工证 is two (both held, or both required); one otherwise.

    Only known skills are split out, so 制冷与空调作业证 and 安全与环保 stay whole.

    Examples
    --------
    >>> skill_items("叉车证+电工证"), skill_items("Excel和Word"), skill_items("安全与环保")
    (('叉车证', '电工证'), ('Excel', 'Word'), ('安全与环保',))
    """
    classes = _TWO_CLASSES.match(name.strip())
    if classes:
        # C1D驾驶证, B2E: a C1 and a D licence, a B2 and an E
        return tuple(grade + (classes.group(3) or "驾照") for grade in classes.group(1, 2))
    both_voltages = _HIGH_AND_LOW.match(name.strip())
    if both_voltages:  # 高低压电工证: the high-voltage and the low-voltage certificate
        return tuple(voltage + both_voltages.group(1) for voltage in ("高压", "低压"))
    asks = _AND_CAN.match(name.strip())
    asked = asks and tuple(part for part in asks.groups() if part)
    if asks and all(_in_table(_canonical_skill(part)) for part in asked) \
            and _canonical_skill(asked[0]) not in _proves(_canonical_skill(asked[1])):
        return asked  # 汽车喷漆(会调色), 水电工(需电工证): the trade and, besides, what the brackets ask
    whole = _canonical_skill(name)
    if _in_table(whole) and not _an_unknown_preference(whole):
        return (name,)
    major_and_level = _MAJOR_THEN_LEVEL.match(name.strip())
    if major_and_level and is_major(_canonical_skill(major_and_level.group(1))):
        return major_and_level.groups()  # 化工相关专业大专: the major and the level of study
    parts = tuple(part for part in _BOTH.split(name.strip()) if part)
    if len(parts) > 1 and all(_is_known(key) or key.startswith(("licence:", _SCORE_PREFIX))
                              for key in map(_canonical_skill, parts)):  # C1驾照，3年以上驾龄: a class and a score
        return parts
    # Or a space, or where a code meets Chinese, between names the table knows: C1 驾龄5年, C1驾龄3年以上.
    for between in (_SPACE, _CODE_THEN_CHINESE, _BEFORE_DRIVING_YEARS):
        parts = tuple(part for part in between.split(name.strip(), maxsplit=1 if between is _CODE_THEN_CHINESE else 0)
                      if part)
        if len(parts) > 1 and all(_in_table(_canonical_skill(part)) for part in parts):
            return parts
    return (name,)


def _an_unknown_preference(key):
    """Whether ``key`` prefers a phrase the table does not know (持保安证 退伍军人优先: two items, read apart)."""
    return key.startswith(_PREFERRED_PREFIX) and not _in_table(key[len(_PREFERRED_PREFIX):])


_SPACE = re.compile(r"\s+")
_MAJOR_THEN_LEVEL = re.compile(r"^(.+?专业)\s*((?:全日制)?(?:本科|大专|专科|硕士|研究生|博士|中专|高职)(?:及以上|或以上|以上)?"
                               r"(?:学历|学位)?)$")
_HIGH_AND_LOW = re.compile(r"^(?:高低压|低高压)(电工.*)$")
_TWO_CLASSES = re.compile(r"^(?![Cc]4[Dd]$)([ABCabc][1-6])([DEFMNPdefmnp])\s*(驾驶证|驾照|驾驶执照|证)?$")  # not C4D alone
_AND_CAN = re.compile(r"^(.+?)\s*[(（]\s*((?:会|能|懂|熟悉|熟练|掌握|精通)[^()（）]+?)\s*[)）]$"
                      r"|^(.+?)\s*[(（]\s*(?:需|须|需要|要求|必须)持?有?\s*([^()（）]+?证书?)\s*[)）]$")
_CODE_THEN_CHINESE = re.compile(r"(?<=[A-Za-z0-9])(?=[\u4e00-\u9fff])")
_BEFORE_DRIVING_YEARS = re.compile(r"(?<=[^\d年上])(?=驾龄)|(?<=[照证本])(?=\d{1,2}\s*年(?:以上|及以上)?\s*驾龄)")  # B2驾照驾龄5年以上


def _is_known(key):
    return key in _LABELS or is_credential(key) or is_major(key)


def _in_table(key):
    """Whether the table names ``key``: a row's key, a licence class, or a key made of those (either,
    preferred, levelled)."""
    if _years_of_a_phrase(key):
        return False  # 开了1年, 驾照驾龄5年以上: words, for some years
    return key in _LABELS or key.startswith(("licence:", _SCORE_PREFIX, MAJOR_PREFIX, *_MET_BY_OTHERS)) \
        or bool(_level_of(key)[1]) \
        or (bool(_discipline_of(key)[1]) and _discipline_of(key)[0] in _LABELS)


def _discipline_of(key):
    """``(qualification key, discipline)`` of a key narrowed by a discipline (``cost_engineer_1(安装)``);
    ``(key, "")`` for any other."""
    if key.endswith(")") and "(" in key:
        return key[:key.index("(")], key[key.index("(") + 1:-1]
    return key, ""


def _level_of(key):
    """``(certificate key, level)`` of a levelled key (``electrician@2``); ``(key, 0)`` for any other."""
    base, at, level = key.rpartition("@")
    return (base, int(level)) if at and base and len(level) == 1 and level in "12345" else (key, 0)


def skill_label(key, original=None):
    """``(zh, en)`` display names of a canonical key; ``original`` when unknown.

    Examples
    --------
    >>> skill_label("forklift")
    ('叉车证', 'forklift licence')
    >>> skill_label("licence:B2")
    ('B2驾照', 'class B2 driving licence')
    """
    if key.startswith(_SCORE_PREFIX):
        _, exam, score = key.split(":")
        zh, en = _SCORE_NAMES[exam]
        if exam == "driving_years":
            return original or f"驾龄{score}年", f"{score} {en}"
        if exam == "typing":
            return original or f"打字{score}字/分", f"typing {score} a minute"
        return original or f"{zh}{score}分", f"{en} {score}"
    if is_major(key):
        zh, en = major_label(key)
        return original or zh, en
    if key.startswith("licence:"):
        grade = key.split(":", 1)[1]
        return f"{grade}驾照", f"class {grade} driving licence"
    if key.startswith(_EITHER_PREFIX):
        labels = [skill_label(alternative) for alternative in alternatives(key)]
        return original or "或".join(zh for zh, _ in labels), " or ".join(en for _, en in labels)
    if key.startswith(_PREFERRED_PREFIX):
        zh, en = skill_label(key[len(_PREFERRED_PREFIX):])
        return original or f"{zh}优先", f"{en} (preferred)"
    if key.startswith(_YEARS_PREFIX):
        named, years = _years_of(key)
        zh, en = skill_label(named)
        return original or f"{zh}{years}年以上", f"{en}, {years}+ years"
    if key.startswith(WELL_PREFIX):
        zh, en = skill_label(key[len(WELL_PREFIX):])
        return original or f"熟练{zh}", f"{en}, proficient"
    base, discipline = _discipline_of(key)
    if discipline and base in _LABELS:
        zh, en = _LABELS[base]
        return original or f"{zh}（{discipline}）", f"{en} ({discipline})"
    base, level = _level_of(key)
    if level and base in _LABELS:
        (zh, en), (level_zh, level_en) = _LABELS[base], _LEVEL_NAMES[level]
        return original or level_zh + zh, f"{en}, {level_en}"
    if key in _LABELS:
        return _LABELS[key]
    text = original or key
    return text, text


_ANY_LICENCE = "driving_licence"  # 驾照 without a class: any class meets it


def is_credential(key):
    """Whether a canonical skill is a licence or certificate (a hard requirement).

    Examples
    --------
    >>> is_credential("licence:B2"), is_credential("forklift"), is_credential("压力容器证"), is_credential("excel")
    (True, True, True, False)
    """
    if key.startswith(_PREFERRED_PREFIX):
        return False
    if key.startswith(_EITHER_PREFIX):
        return all(map(is_credential, alternatives(key)))
    if key.startswith(_YEARS_PREFIX):
        return is_credential(_years_of(key)[0])
    base, level = _level_of(key)
    if level:
        return is_credential(base)
    base, discipline = _discipline_of(key)
    if discipline:
        return is_credential(base)
    return key.startswith("licence:") or key in _CREDENTIALS or key.endswith("证")


def alternatives(key):
    """The keys that meet an either key (电工证/焊工证), a preferred one (电工证优先), a years one (as many years
    said, or none: ``years:welding:3`` is met by ``years:welding:3`` and ``years:welding:?``) or a certificate's
    lowest level (初级社工证: the certificate, at whatever level); ``()`` for any other key.

    Examples
    --------
    >>> alternatives(canonical_skill("电工证/焊工证")), alternatives(canonical_skill("电工证优先"))
    (('electrician', 'welder'), ('electrician',))
    """
    if key.startswith(_PREFERRED_PREFIX):
        wanted = key[len(_PREFERRED_PREFIX):]
        return alternatives(wanted) or (wanted,)
    if key.startswith(_YEARS_PREFIX):
        named, years = _years_of(key)
        # As long, or for a time not said; a seeker holds a phrase for as long as said, no fewer years (a key, each).
        longer = () if named in _LABELS or not years.isdigit() else \
            tuple(f"{_YEARS_PREFIX}{named}:{more}" for more in range(int(years) + 1, _MOST_YEARS + 1))
        return key, *longer, f"{_YEARS_PREFIX}{named}:{_YEARS_UNSAID}"
    if key.startswith(_EITHER_PREFIX):
        return tuple(key[len(_EITHER_PREFIX):].split("|"))
    base, level = _level_of(key)
    return (key, base) if level == 1 and base in _CREDENTIALS else ()  # a certificate held is at its lowest level


def holds(keys, key):
    """Whether a seeker holding ``keys`` (expanded, :func:`expand_held`) meets ``key``; any of its keys meets an either
    or a preferred key.

    Examples
    --------
    >>> holds({"welder"}, canonical_skill("电工证或焊工证")), holds({"welder"}, "electrician")
    (True, False)
    """
    if key in keys or not keys.isdisjoint(alternatives(key)):
        return True
    if key.startswith(_YEARS_PREFIX):  # 光伏项目经理（3年以上）: each part of the phrase, for as long
        parts = years_of_parts(key)
        return bool(parts) and all(holds(keys, part) for part in parts)
    if key.startswith(WELL_PREFIX):
        named = key[len(WELL_PREFIX):]
        return LOW_PREFIX + named not in keys and holds(keys, named)
    parts = parts_of(key)
    return bool(parts) and all(holds(keys, part) for part in parts)


@lru_cache(maxsize=16384)
def years_of_parts(key):
    """What meets a key asking for years of a phrase the table does not know part by part: each part for as
    long (``years:光伏项目经理:3``: ``years:光伏:3`` and ``years:项目经理:3``); ``()`` for any other key.

    Examples
    --------
    >>> years_of_parts(canonical_skill("物流经理 5年以上"))
    ('years:物流:5', 'years:经理:5')
    """
    if not key.startswith(_YEARS_PREFIX):
        return ()
    named, years = _years_of(key)
    return tuple(f"{_YEARS_PREFIX}{part}:{years}" for part in parts_of(named))


@lru_cache(maxsize=16384)
def parts_of(key):
    """The parts that meet a posting's phrase the table does not know where a seeker has each: its words of two
    characters or more, as the table's keys where it knows them (医院保洁: 医院 and cleaning); ``()`` for any
    other key, or one with a word of one character (安川 is 安|川 to jieba: no part of it is a word).

    Examples
    --------
    >>> parts_of(canonical_skill("医院保洁经验")), holds(held_skills(["人民医院做保洁 一年多"]), "医院保洁")
    (('医院', 'cleaning'), True)
    """
    if _in_table(key) or not has_han(key) or _NOT_ONE_NAME.search(key) or key.startswith(_YEARS_PREFIX):
        return ()
    if " " in key:  # 拷边工 熟手, 注塑技术员 会调机: what each part between spaces names, as its words do
        spaced = key.split()
        named = [_canonical_skill(part) for part in spaced if not _names_nothing(part) and part not in _CERTIFIED]
        words = [word for part in named for word in (parts_of(part) or (part,))]
        if not _CERTIFIED.isdisjoint(spaced):  # 会开叉车 有证: the one certificate that proves a skill named
            words = [next(iter(_CERTIFYING[word])) if len(_CERTIFYING.get(word, ())) == 1 else word for word in words]
        return tuple(dict.fromkeys(words))
    words = [word for word in _named_runs(_single_characters_joined(_words(key))) if word.strip()
             and word not in _WORDS_BEFORE and word not in _WORDS_AFTER]
    if len(words) < 2 or any(len(word.strip()) < 2 for word in words):
        return ()
    return tuple(dict.fromkeys(known if _in_table(known := _canonical_skill(word.strip())) else word.strip()
                               for word in words))


def _single_characters_joined(words):
    """``words`` with each run of one-character Chinese words joined: a word jieba does not know (拓|客, 尽|调)."""
    joined, run = [], []
    for word in [*words, ""]:
        if len(word) == 1 and has_han(word):
            run.append(word)
            continue
        if run:
            joined.append("".join(run))
            run = []
        if word:
            joined.append(word)
    return joined


def _named_runs(words):
    """``words`` with each longest run of them that the table knows as one name joined, where a word of it names
    nothing alone (红外|光谱|鉴别: 红外光谱, 鉴别; not 基恩士|视觉, which asks for a 基恩士 one)."""
    joined, start = [], 0
    while start < len(words):
        end = next((end for end in range(len(words), start + 1, -1) if "".join(words[start:end]) in _VARIANTS
                    and not all(word in _VARIANTS for word in words[start:end])), start + 1)
        joined.append("".join(words[start:end]))
        start = end
    return joined


def expand_held(keys):
    """Add what holding ``keys`` also proves: the licence classes a class permits, the broader keys a narrower implies.

    A seeker who lists an either key (叉车证/电工证) holds each of its keys.

    Examples
    --------
    >>> sorted(expand_held({"licence:B2"}))
    ['driving', 'driving_licence', 'licence:B2', 'licence:C1', 'licence:C2', 'licence:C3', 'licence:C4', 'licence:M']
    >>> sorted(expand_held({"tower_crane"}))
    ['crane', 'tower_crane']
    >>> sorted(expand_held({canonical_skill("中级电工证")}))
    ['electrical_work', 'electrician', 'electrician@1', 'electrician@2']
    """
    expanded = set()
    for key in keys:
        expanded |= _proves(key)
    return expanded


@lru_cache(maxsize=65536)
def _proves(key):
    """What holding ``key`` alone proves, itself included (what a set proves is what its keys prove)."""
    proven, pending = set(), [key]
    while pending:  # to a closure: 高压电工证 proves an 电工证, which proves 电工 as a skill
        held = pending.pop()
        if held in proven:
            continue
        proven.add(held)
        if held.startswith(_YEARS_PREFIX):
            named, years = _years_of(held)
            if years != _YEARS_UNSAID and named not in _LABELS:
                pending.append(named)  # 商场导购3年: the words (a posting's years of them find the longer ones)
            elif years != _YEARS_UNSAID:  # the skill, fewer years of it, as many of what it proves
                pending.append(named)
                if named in _YEARS_AS_A_SCORE:  # 开车8年: eight years behind the wheel (驾龄)
                    pending.append(f"{_SCORE_PREFIX}{_YEARS_AS_A_SCORE[named]}:{years}")
                pending.extend(f"{_YEARS_PREFIX}{named}:{fewer}" for fewer in range(int(years)))
                pending.extend(_for_years(proven, int(years)) for proven in _proves(named))
            continue
        pending.extend(alternatives(held))
        pending.extend(_IMPLIES.get(held, ()))
        around = _around_a_known_name(held)
        if around:
            pending.append(around)
        if held.startswith("licence:"):
            pending.extend("licence:" + grade for grade in LICENCE_COVERS.get(held[8:], ()))
            if held[8] in "ABC":  # a posting's 驾照 means a car's, not a motorcycle's or a tram's
                pending.append(_ANY_LICENCE)
        base, discipline = _discipline_of(held)
        if discipline:
            pending.append(base)  # of a discipline: the qualification itself, and the lower ones in that discipline
            pending.extend(f"{lower}({discipline})" for lower in _IMPLIES.get(base, ()) if is_credential(lower))
        if held.startswith(_SCORE_PREFIX):
            _, exam, score = held.split(":")
            step = _SCORE_STEPS[exam]
            if float(score) >= _PASS_MARKS.get(exam, 0):
                pending.append(exam)  # and every lower score, a step at a time
            steps = round(float(score) / step)
            pending.extend(f"{_SCORE_PREFIX}{exam}:{_score_text(lower * step)}" for lower in range(steps))
        base, level = _level_of(held)
        if level:
            pending.extend([base, *(f"{base}@{lower}" for lower in range(1, level))])
        elif held.endswith("证") and len(held) > 2 and not _in_table(held):
            # A certificate we do not know proves its trade, as a posting names it: 农艺工证, 农艺工 and 农艺.
            pending.extend({held[:-1], _canonical_skill(held[:-1])})
    return frozenset(proven)


# Variants that are everyday English words in prose (spring 2023, Shell the oil company, a freehand sketch,
# a lab's flasks), employers' names (worked at Honeywell, 横河 is also a place), short forms inside other
# words (统一建设, 第二建筑, 提高会计), and a licence without its class: resumes say 无驾照 as often as
# 有驾照 (the class is read on its own), and 驾驶 is in 无驾驶证 and 叉车驾驶.
_NOT_IN_PROSE = frozenset({"spring", "shell", "sketch", "node", "arm", "pos", "go", "flask", "驾照", "驾驶证", "驾驶执照",
                           "机动车驾驶证", "驾驶本", "driving licence", "driving license", "driver's licence",
                           "driver's license", "drivers licence", "driver licence", "驾驶", "开车", "driving",
                           "honeywell", "霍尼韦尔", "和利时", "横河", "浙大中控", "yokogawa", "hollysys", "supcon",
                           "一建", "二建", "一造", "二造", "一消", "二消", "高会", "注安", "专四", "专八", "护资", "首检",
                           "黑带", "绿带", "西点", "电叉", "小车", "经济师", "opera"})


def _text_patterns():
    """The patterns of the names read in prose: one for Latin names, and per first two characters one for
    Chinese names.

    Latin names must stand as whole words and be at least 3 letters ("ps", "ai", "c" inside ordinary words
    would be noise), or two against a Chinese character (食品厂qc, ps熟练).  Chinese names (two characters or
    more) are looked for only where their first two characters are, each pair with its own small pattern: one
    pattern of all of them tries every first character in turn at every position (3.2 times slower on resumes,
    2,400 names; Latin and Chinese in one pattern slower still).
    """
    chinese, latin = {}, []
    for variant in _VARIANTS:
        if variant in _NOT_IN_PROSE:
            continue
        if variant.isascii():
            if len(variant) >= 3:
                latin.append(variant)
        elif len(variant) >= 2:
            chinese.setdefault(variant[:2], []).append(variant)
    # A digit after a Latin name ends it only where a duration starts: cad3年 (not s7 in s7-1200, nor sap2 in sap200).
    # Two letters are a name only against Chinese (做qc, ps熟练), and "ai" is now artificial intelligence there.
    short = [variant for variant in _VARIANTS if variant.isascii() and len(variant) == 2 and variant[0].isalpha()
             and variant not in _NOT_IN_PROSE and variant != "ai"]
    return (re.compile(rf"(?<![a-z0-9])(?:{longest_first(latin)})(?![a-z]|\d(?!\d*\s*(?:年|个月|yrs?\b|years?\b)))"
                       rf"|(?<=[\u4e00-\u9fff])(?:{longest_first(short)})(?![a-z0-9+#])"
                       rf"|(?<![a-z0-9])(?:{longest_first(short)})(?=[\u4e00-\u9fff])"),
            {pair: re.compile(longest_first(names)) for pair, names in chinese.items()})


_LATIN_IN_TEXT, _CHINESE_BY_PAIR = _text_patterns()
_SLASHED_NAMES = sorted((name for name in _VARIANTS if "/" in name), key=len, reverse=True)
_SLASH = "\x00"
_A_LATIN_WORD = re.compile(r"[a-z]{4,}")
_LATIN_NAMES = {}  # by first letter: the one-word Latin names a misspelling may be read as
for _name in _VARIANTS:
    if len(_name) >= 5 and _A_LATIN_WORD.fullmatch(_name) and _name not in _NOT_IN_PROSE:  # not sprint for spring
        _LATIN_NAMES.setdefault(_name[0], []).append(_name)
# A trade named as a person (高压电工, 中式烹调师, 桥式起重机司机) names a certificate in a skills list, and
# a job in a resume's prose, unless the name says it is a certificate, a level or a title.
_A_PERSON = re.compile(r"(?:工|员|司机|司炉|师|嫂)$")
_A_CERTIFICATE = re.compile(r"证|资格|执照|职称|级|注册|执业|会计师|护师")


_INSIDE_A_LATIN_WORD = re.compile(r"[a-z0-9][a-z0-9]")


def _names_in(folded):
    """``(start, end, name)`` of each name of the table in ``folded`` text: the Latin ones, then the Chinese
    ones, each script's leftmost and longest first."""
    for match in _LATIN_IN_TEXT.finditer(folded):
        yield match.start(), match.end(), match.group(0)
    position, patterns = 0, _CHINESE_BY_PAIR
    for start in range(len(folded) - 1):
        if start < position:
            continue  # inside the name just found
        pattern = patterns.get(folded[start:start + 2])
        if pattern is not None and not (start and _INSIDE_A_LATIN_WORD.match(folded, start - 1)):  # t证 in 没有ct证
            match = pattern.match(folded, start)
            if match is not None:
                position = match.end()
                yield start, position, match.group(0)


_AN_ASSISTANT = re.compile(r"助理")
_AN_ASSISTANT_EN = re.compile(r"\bassistant\s+(?:to\s+(?:the\s+)?)?$")
_LEADS_PEOPLE = re.compile(r"带(?:领|过)?\s*(?:[2-9]|\d{2,3}|[两三四五六七八九十]{1,3})\s*(?:多)?\s*(?:个)?(?:人|名)")
_TEAM_MANAGEMENT = "team_management"
_SELLS = re.compile(r"(?<![买拍])卖(?:过|了)?(?=[\u4e00-\u9fff])(?!场|点|相)")
_SALES = "sales"
_OBTAINED_BEFORE = re.compile(r"(?:取得|考取|获得|拿到|持有|持)$")
_ABROAD = re.compile(r"(?:美国|英国|澳洲|澳大利亚|加拿大|新西兰|菲律宾|日本|韩国|新加坡|德国|法国|国外|海外|境外)$")
# Said right after a skill, the writer lacks it: solidworks不会, excel不熟.
_DENIED_AFTER = re.compile(r"\s*(?:(?:培训过|学过|见过)\s*)?(?:不会|不懂|不熟|没(?:实际)?用过|没学过|没(?:实际)?接触过|没(?:实际)?做过|"
                           r"没[搞干弄]过|没(?:实际)?操作过?|没上手|(?:已经?|早就?)过期|过期了|没有(?!过期|问题|到期)|听说过|[说骑开搞做]不来|(?:基本)?忘了)")
# After a name, a place it is part of (在叉车厂, 质检站, …有限公司); after a stretch of a seeker's item, only these.
_A_PLACE = re.compile(r"的?[\u4e00-\u9fff]?(?:厂|站|店)|有限|集团|股份")
# ... and, after a name, what else makes it no skill: a subject, a product, a school (电工学课程, 电焊条, 在iatf16949认证的公司).
_AN_ORGANISATION = re.compile(rf"(?:认证|体系)的?(?:公司|企业|单位|工厂|厂)|{_A_PLACE.pattern}|学(?!徒)|式|材料|专业(?!版)|"
                              r"学院|学校|师?事务所")


def skills_in_text(text):
    """Canonical keys of the known skills and licences mentioned in free text.

    Examples
    --------
    >>> sorted(skills_in_text("持B2驾照和叉车证，熟悉Excel"))
    ['excel', 'forklift', 'licence:B2']
    >>> sorted(skills_in_text("会开叉车，没有叉车证，正在考电工证"))
    ['forklift_operation']
    """
    return _skills_in_folded(fold(text))


def _skills_in_folded(folded):
    if not folded:
        return set()
    negated = _negated_positions(folded)
    found = set()
    for start, end, name in _names_in(folded):
        if start in negated or _DENIED_AFTER.match(folded, end) or _AN_ASSISTANT.match(folded, end) \
                or _AN_ASSISTANT_EN.search(folded, 0, start):
            continue  # 店长助理, assistant store manager: not the manager
        # A Chinese name counts where a word starts or ends with it: 木工 is not in 土木工程; and not where it
        # names a place or a subject (在叉车厂, 质检站, 电工学课程, 在iatf16949认证的公司).
        if (has_han(name[-1]) and not on_a_word_boundary(folded, start, end)) or _AN_ORGANISATION.match(folded, end):
            continue
        key = _VARIANTS[name]
        if _ABROAD.search(folded, max(start - 5, 0), start) and is_credential(key):
            continue  # 美国注册护士, 菲律宾注册护士: another country's licence is not China's
        if _A_PERSON.search(name) and not _A_CERTIFICATE.search(name) and is_credential(key) \
                and not _OBTAINED_BEFORE.search(folded, max(start - 3, 0), start):  # 取得中式烹调师: its certificate
            # 做过高压电工, 中式面点师: the job proves its skills, not its certificate (a skills list may say so).
            found.update(proven for proven in _proves(key) if not is_credential(proven))
            continue
        found.add(key)
    found.update("licence:" + (match.group(1) or match.group(2)).upper() for match in _LICENCE_IN_TEXT.finditer(folded)
                 if match.start() not in negated)
    if any(match.start() not in negated for match in _LEADS_PEOPLE.finditer(folded)):
        found.add(_TEAM_MANAGEMENT)  # 销售主管 带8人
    if any(match.start() not in negated for match in _SELLS.finditer(folded)):
        found.add(_SALES)  # 卖兽药3年, 农资店卖化肥农药
    return found


def _negated_positions(folded):
    """Where a negation ends, or inside it: a skill that starts there is one the writer lacks (one pass over the
    text): 没有叉车证, 不能上夜班 (能上夜班 starts inside 不能); not 无损检测, which starts where 无 does."""
    return {end for match in _NEGATION.finditer(folded) for end in range(match.start() + 1, match.end() + 1)}


def _licences_driven(folded, negated):
    """The licence classes of the vehicles ``folded`` says are driven (``negated``: where negations end)."""
    return {"licence:" + _DRIVEN[match.group(2)] for match in _DRIVES.finditer(folded)
            if (match.group(1) or match.group(3)) and match.start() not in negated}


def held_skills(items, text=""):
    """Every key a seeker holds who lists ``items`` and writes ``text`` (a resume), expanded (:func:`expand_held`).

    An item the table does not know as a whole is prose as much as a name (维修电工，能看懂电气原理图;
    超市防损2年): the names in it count as in ``text`` (:func:`skills_in_text`), and so does each
    stretch of it a posting may ask for in words the table does not know (:func:`_stretches`), clause
    by clause, none of a clause that says it is being learnt (python正在自学). An item that says its
    certificate lapsed or is not held yet (已过期, 没复审, 面试没过) proves what the certificate does,
    not the certificate.

    Examples
    --------
    >>> sorted(held_skills(["商场导购3年"]))
    ['years:商场:3', 'years:商场导购:3', 'years:导购:3', '商场', '商场导购', '导购']
    >>> holds(held_skills(["商场导购3年"]), canonical_skill("导购员"))
    True
    """
    keys, stretches, lapsed = set(), set(), set()
    items = [(item, fold(item)) for item in items]
    studied = any(about_studies(folded) for _, folded in items)  # 学前教育, 大专: the major of one's studies
    for item, folded in items:
        key = _canonical_skill(item)
        if not key:
            continue
        named = {key}
        unqualified = _QUALIFIER.sub("", folded)
        # Prose too where brackets said what the item names and the rest names nothing the table knows
        # (韵达分拨中心分拣员2年(夜班): night shifts, and the sorting).
        if not _in_table(key) or (unqualified != folded and not _in_table(_canonical_skill(unqualified))):
            clauses = [clause for clause in _CLAUSES.split(folded) if clause.strip()]
            learning = [bool(_LEARNING.search(clause)) for clause in clauses]
            if any(learning):
                named.discard(key)  # its own key would prove the name it starts with (python正在自学)
            for at in range(len(clauses) - 1):
                after = clauses[at + 1].strip()
                if (learning[at + 1] and len(after) <= _LONGEST_BARE_LEARNING) or _DENIED_AFTER.fullmatch(after):
                    learning[at] = True  # 电工证，在考; 培训过FMEA，没实际做过: said of the clause before
            said = set()
            for clause, being_learnt in zip(clauses, learning):
                if being_learnt:
                    continue  # python正在自学, 嵌入式培训班在读, 氩弧焊会一点: not held yet
                named |= _skills_in_folded(clause.strip())
                if _CERTIFIED_HERE.search(clause):  # 挖机3年 持证: the certificates of the trades it names
                    named |= {certificate for _, _, name in _names_in(clause) for certificate in _certificates_of(name)}
                # Between spaces a name stands alone, however short: gc 安捷伦7890, c1 开过4米2箱货.
                spaced = _SPACE.split(clause)
                parts = (_canonical_skill(part.removesuffix("有")) for before, part in zip(["", *spaced], spaced)
                         if not _NEGATION.fullmatch(before + " "))  # q2有: has a q2; not python, no sap
                named |= {part_key for part_key in parts if _in_table(part_key)}
                named |= _kinds_after_spaces(spaced)
                if not _HEDGED.search(clause):
                    said |= _stretches(clause)  # not 电脑一般般: whatever it names, not as a posting asks
            durations = _years_said(folded)
            if len(durations) == 1:  # 养老院护工 1年, java intern, 6 months: what it names, for that long
                named = {_for_years(name, durations[0]) for name in named}
            # How long, for the words a posting may ask for some years of (开发经验 4年 is not 5年以上开发经验).
            how_long = min(durations[0], _MOST_YEARS) if len(durations) == 1 else _YEARS_UNSAID
            stretches |= said | {f"{_YEARS_PREFIX}{stretch}:{how_long}" for stretch in said}
        elif _LEARNING.search(folded):
            named = set()  # pmp备考中, cfa二级候选人: being learnt, not held
        elif key == _canonical_skill(unqualified):
            # What a known item's brackets add is held too: Excel高级(vlookup、数据透视表), not where they
            # narrowed it (计算机二级(python) is no python).
            named |= _skills_in_folded(" ".join(_QUALIFIER.findall(folded)))
            spaced = [_canonical_skill(part) for part in _SPACE.split(folded)]
            if len(spaced) > 1 and all(part in _LABELS for part in spaced):
                named.update(spaced)  # 会用卡尺 千分尺, read whole as measuring tools: each name between spaces too
        named |= {major for clause in _CLAUSES.split(folded) if not _LEARNING.search(clause)
                  for major in majors_held(clause, studied=studied)}  # not 会计专业 大二在读
        # 公交司机5年, 旅游大巴5年: the class the vehicle takes. A listed item only: a resume's prose names
        # vehicles of work around them (a bus company's mechanic), and its licences by their class.
        for clause in _CLAUSES.split(folded):
            if not _LEARNING.search(clause):  # not 有轨电车司机培训中
                named |= _licences_driven(clause, _negated_positions(clause))
        driven = _driving_years_since(folded)
        taken = _A_CLASS_TAKEN.search(folded) if driven is not None else None
        if taken:
            named.add("licence:" + taken.group(1).upper())  # 2015年拿的c1: the class taken that year
        if driven is not None and (_A_LICENCE_NAMED.search(folded)
                                   or any(name.startswith("licence:") for name in named)):
            named |= {_ANY_LICENCE, f"{_SCORE_PREFIX}driving_years:{driven}"}  # 04年拿的驾照: a licence, 驾龄
        if _LAPSED.search(folded) or _expired(folded):
            # 健康证(已过期), 教资面试已过 未认定, cpa 已过3科: the skills, not the certificates.
            # A name it gives is no longer held unless a certificate proves it as a skill (pmp 已过期: no pmp;
            # 叉车证过期 会开叉车: driving a forklift).
            lapsed |= {proven for proven in expand_held(named)
                       if not is_credential(proven) and (proven not in named or proven in _CERTIFYING)}
        else:
            keys |= named
        if _HEDGED.search(folded):  # excel 一般, photoshop basics: held, not as a posting asking 精通 means
            keys |= {LOW_PREFIX + proven for proven in expand_held(named) if proven in _LABELS}
    folded_text = fold(text)
    keys |= _skills_in_folded(folded_text)
    # A resume's majors, where a clause is about studies (2015-2019 重庆大学 机械设计制造及其自动化 本科).
    if about_studies(folded_text):
        keys |= {major for clause in _CLAUSES.split(folded_text) if about_studies(clause)
                 and not _LEARNING.search(clause) for major in majors_held(clause, studied=True)}
    # What a plain name commonly means is held where it is named (not where a narrower key proves it) and
    # nothing narrower is (焊工证 压力焊作业 is a 压力焊 certificate).
    keys |= {_commonly(key) for key in keys if _named_key(key) in _COMMONLY
             and not any(_named_key(key) in _proves(other) for other in keys if other != key and _in_table(other)
                         and _named_key(other) != _named_key(key))}
    held = expand_held(keys)
    held |= expand_held({whole for whole, parts in _ALL_OF.items() if len(parts & held) >= len(parts) - 1}) | lapsed
    said = {_years_of(key)[0] for key in held if key.startswith(_YEARS_PREFIX)}
    held |= {_UNSAID[key] for key in held if key in _UNSAID and key not in said}
    # Stretches are words, not names: they prove nothing beyond themselves.
    return held | stretches


def _kinds_after_spaces(spaced):
    """What a known name narrowed by the part after it names (二建 机电工程 已注册, 消控证 中级): as if in brackets."""
    return {narrowed for name, kind in zip(spaced, spaced[1:]) if kind and (narrowed := _narrowed(name, kind))}


def _narrowed(name, kind):
    """The narrower key a known ``name`` names with ``kind`` as if in brackets (焊工证 压力焊作业), else None."""
    plain = _canonical_skill(name)
    if not _in_table(plain):
        return None
    bracketed = _canonical_skill(f"{name}({kind})")
    return bracketed if bracketed != plain and plain in _proves(bracketed) else None


# What a seeker holds who names (all but one of) its parts: APQP, PPAP, FMEA, SPC and MSA are the five core tools.
_ALL_OF = {"core_tools": frozenset({"apqp", "ppap", "fmea", "spc", "msa"})}


def _driving_years_since(folded):
    """The years of 驾龄 since the year ``folded`` says a licence was taken (c1 2015年拿证, 04年拿的驾照), counted
    from that year's end (a whole year may not have passed); None where it says no such year."""
    since = _LICENSED_SINCE.search(folded)
    if not since:
        return None
    taken, this_year = int(since.group(1)), date.today().year
    if taken < 100:
        taken += 2000 if 2000 + taken <= this_year else 1900
    years = this_year - taken - 1
    return years if 0 <= years <= _SCORE_MAXIMA["driving_years"] else None


def _named_key(key):
    """The key a years key is of (``years:cad:3``: ``cad``); any other key itself."""
    return _years_of(key)[0] if key.startswith(_YEARS_PREFIX) else key


def _commonly(key):
    """What a plain ``key`` commonly means, held as long as ``key`` is (cad画图 3年: three years of autocad)."""
    if key.startswith(_YEARS_PREFIX):
        named, years = _years_of(key)
        return _for_years(_COMMONLY[named], int(years))
    return _COMMONLY[key]


def _certificates_of(name):
    """The certificate of the trade ``name`` names: its own (挖机证), or the one certificate that proves it."""
    own = _canonical_skill(name + "证")
    if _in_table(own) and is_credential(own):
        return (own,)
    certifying = _CERTIFYING.get(_VARIANTS[name], ())
    return certifying if len(certifying) == 1 else ()


_CLAUSES = re.compile(r"[,;。；]")
_LONGEST_BARE_LEARNING = 4  # a clause of no more than a word of learning (在考, 还在考, 备考中) says it of the one before
# Said of a skill in a clause, it is one the writer is learning, barely has, has heard of or has forgotten.
_LEARNING = re.compile(r"培训中|培训班|正在培训|在报考|报考中|报考了|已报考|备考(?!班授课|班老师|班教学)|跟车学|模拟器|"
                       r"正在学|正在自学|自学中|学习中|在学(?!校)|在读|课程(?!顾问|销售|开发|研发|运营|规划)|"
                       r"明年考|今年考|下半年考|还差|会一点|了解一点|一点点|在自学|学过一点|学了一点|学校学过|课上?学过|只学过|"
                       r"没上过机|没实操|没有实操|候选人|candidate|(?<!新)概念|(?<!任职培训)结业(?!证)|只会简单|还没毕业|还有.{1,4}毕业|听说过|基本忘了|成绩未出|等成绩|"
                       r"(?:面试|笔试|实操|实验)?未考(?!证|核)|看过教程|看过视频|"
                       r"在考|正在考|考试中|报了?名|报了(?:笔试|考试)|下个?月考|准备考|打算考|计划考|评审中|待评审|在评|差[一两1-3]?[科门]|没去考|"
                       r"证(?:书)?(?:还)?没(?:发)?下来|还没发证|"
                       r"exam pending|in training|currently learning|studying|training\b|"
                       r"exam (?:next|this) (?:week|month|year)")
_HEDGED = re.compile(r"一般般|一般(?!纳税人)|不太会|不太熟|不熟练|不熟|有点口音|马马虎虎|凑合|略懂|不精通|入门|初学|"
                     r"(?<!客户)了解(?!客户)|\bbasics?\b|beginner|limited")
_VALID_UNTIL = re.compile(r"(?:有效期|有效|到期)\s*(?:至|到|截止)?\s*(\d{4})\s*年?|(?<!\d)(\d{2}|\d{4})\s*年\s*(?:\d{1,2}\s*月)?\s*"
                          r"(?:就|已经?)?到期")


def _expired(folded):
    """Whether ``folded`` gives a year of validity already past (安全员c证 有效期到2023年6月)."""
    until = _VALID_UNTIL.search(folded)
    if not until:
        return False
    year = int(until.group(1) or until.group(2))
    return (year + 2000 if year < 100 else year) < date.today().year  # 电工证16年到期了: 2016


_LICENSED_SINCE = re.compile(r"(?<!\d)((?:19|20)?\d\d)\s*年?\s*(?:\d{1,2}\s*月)?\s*(?:就|的)?\s*(?:拿|领|考|取得|获得)(?:的|到|了)?")
_A_LICENCE_NAMED = re.compile(r"驾照|驾驶证|驾驶本|驾驶执照")
_A_CLASS_TAKEN = re.compile(rf"(?:拿|领|考)(?:的|到|了)?\s*({_NUMBERED_CLASS}|{_LETTER_CLASS})(?![0-9a-z])")
_CERTIFIED_HERE = re.compile(r"持证|(?<![没无未])有证|已取证|证件齐全|执业证|certified")
# Said of a certificate in an item, it is one the writer does not hold (yet, or any longer), or one a factory
# issued itself (内部培训): not the official one.
_LAPSED = re.compile(r"过期|失效(?!模式)|临时证|吊销|注销|暂扣|扣押|内部培训|内部证|厂里发|厂内发|公司内部|(?:未|没|没有)去?(?:复审|年审|审)|"
                     r"[:：]\s*(?:无|没有|暂无)$|(?:没|未)续|未认定|没拿到证|(?:没|未)拿证|(?:无|没|没有)证|"
                     r"没考证|未考证|(?:没|未)考\S{1,6}证|还没考|面试没考|笔试没考|在读|面试已过|笔试已过|单科|"
                     r"没过|没通过|未通过|没考过|差几分|差\d+分|"
                     r"还?没(?:去)?办|(?:下周|下个?月|准备|要)去?办|在办|办理中|"
                     r"(?:已|考)?(?:过|通过|考)了?\s*[\d一二两三四五六七八九]\s*(?:科|门)|"
                     r"expired|lapsed|in progress|studying for|not certified|no certificate")
_UNBROKEN = re.compile(r"[^\s\d,;:、()/.+]+")  # a run between separators and numbers (3年, 2个月)
_LONGEST_STRETCH = 12
_LOWER = re.compile(r"初级|助理|准|候补")
_AS_A_TRAINEE = re.compile(r"实习|见习|学徒|应届|在校")  # or a student's (酒店管理专业应届)


def _stretches(folded):
    """The stretches of ``folded`` (a seeker's item) that start and end where its words do, none after a
    negation (没有ct证) or a lower grade (初级统计师 holds no 统计师), none in a trainee's words.

    As written, not read as names: a stretch the table knows (叉车经验) is read as prose is, and as a
    word it is one no posting asks for (a posting's 叉车经验 asks for the forklift key).
    """
    found = set()
    for run in _UNBROKEN.finditer(folded):
        text = run.group(0)
        if not has_han(text) or _AS_A_TRAINEE.search(text):
            continue  # 行政实习半年 is not 行政 as a posting asks for it
        negated = {end for pattern in (_NEGATION, _LOWER) for match in pattern.finditer(text)
                   for end in range(match.start() + 1, match.end() + 1)}  # after or inside: 不接受 holds no 接受
        cuts = [0, *sorted(word_ends(text))]
        for first, start in enumerate(cuts):
            if start in negated:
                continue
            for end in cuts[first + 1:]:
                if end - start > _LONGEST_STRETCH:
                    break
                if end - start >= 2 and text[start:end] not in _LABELS \
                        and not _A_PLACE.match(text, end):  # acca在读 is no acca, 在油漆厂 no 油漆
                    found.update(_as_asked(text[start:end]))
    negated = {match.end() for match in _NEGATION.finditer(folded)}
    for run in _LATIN_WORDS.finditer(folded):  # google ads certification holds google ads
        words = run.group().split()
        if run.start() in negated or _DENIED_AFTER.match(folded, run.end()):
            continue  # 不会sql, k8s没用过
        words = words[:next((at for at, word in enumerate(words) if word in _LATIN_NEGATIONS), len(words))]  # no sap
        spans = [(first, end) for first in range(len(words))
                 for end in range(first + 1, min(first + _LONGEST_LATIN_STRETCH, len(words)) + 1)]
        # A name is read as one, and no part of it is a stretch: cpa 过了4科, frm part i passed (no frm).
        named = {at for first, end in spans if " ".join(words[first:end]) in _VARIANTS for at in range(first, end)}
        found.update(" ".join(words[first:end]) for first, end in spans if named.isdisjoint(range(first, end))
                     and _A_LATIN_NAME_END.search(words[first]) and _A_LATIN_NAME_END.search(words[end - 1])
                     and words[end - 1] not in _LATIN_DURATIONS)  # pastry chef 2 yrs holds no 2, 2 yrs
    return found


_LATIN_WORDS = re.compile(r"[a-z][a-z0-9.+#&-]*(?: [a-z0-9][a-z0-9.+#&-]*)*")
_A_LATIN_NAME_END = re.compile(r"[a-z]")
_LATIN_DURATIONS = frozenset({"yr", "yrs", "year", "years", "month", "months"})
_LATIN_NEGATIONS = frozenset({"no", "not", "never", "without", "non"})
_LONGEST_LATIN_STRETCH = 4  # words


# Said right before a skill, it is one the writer lacks or has yet to get: 没有叉车证, 正在考电工证, no forklift licence.
_NEGATION = re.compile(
    r"(?:无|没有|没|未|不会|不懂|不熟悉|看不太?懂|不太懂|不上|不接受|不愿意?|暂无|尚无|还没有?|正在考|在考|准备考|计划考|"
    r"想[转学做干当]|打算学|希望学|"
    r"\bno\b|\bwithout\b|\bnot\b|"
    r"\bcannot\b|can't|don't have|do not have|working towards)"
    r"(?:\s*(?:持有|取得|考取|考过|考|拿到|办|用过|学过|做过|干过|当过|开过|接触过|(?:holding|having|use|any|a|an)\b)){0,2}\s*"
)
