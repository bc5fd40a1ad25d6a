"""Plain-words explanations (Chinese and English) of each scoring factor.

Each factor has three functions of the posting-side and seeker-side profiles
of one pair and the factor score: a *key* naming everything its words depend
on (a score only as the whole percent shown), the *words* ``(text, parts)``
(kept per key: pages and fairs repeat titles, skill sets, salaries, places
and levels), and the *reason* built from the words and the profiles.

Reasons themselves repeat too (same query, same candidate fields, same
score), so :func:`explain_page` keeps each reason it builds in a
:class:`ReasonCache` and hands out the same object whenever it recurs.
Shared reasons are read-only (:class:`FrozenDict`, :class:`FrozenList`:
a dict and a list for ``==``, ``isinstance`` and JSON encoders, but any
change raises ``TypeError``), so no caller can alter another's reasons;
``dict(reason)`` gives a private, mutable copy.
"""
import math
from operator import attrgetter

import numpy as np

from .occupations import english_names
from .profile import EDUCATION_LABELS
from .skills import is_credential, skill_label

__all__ = ["FrozenDict", "FrozenList", "N_PARTS", "ReasonCache", "explain_page", "reason_parts"]


def _zh(items):
    return "、".join(map(str, items))


def _en(items):
    return ", ".join(map(str, items))


def number(value):
    """JSON-friendly number: ``None`` for NaN, int when whole."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return int(value) if float(value).is_integer() else float(value)


class FrozenDict(dict):
    """A dict that refuses changes: reasons are shared between matches and calls."""

    __slots__ = ()

    def _read_only(self, *args, **kwargs):
        raise TypeError("reasons are shared and read-only; change a copy (dict(reason))")

    __setitem__ = __delitem__ = __ior__ = clear = pop = popitem = setdefault = update = _read_only

    def __reduce__(self):
        return type(self), (dict(self),)


class FrozenList(list):
    """A list that refuses changes (see :class:`FrozenDict`)."""

    __slots__ = ()

    def _read_only(self, *args, **kwargs):
        raise TypeError("reasons are shared and read-only; change a copy (list(items))")

    __setitem__ = __delitem__ = __iadd__ = __imul__ = append = clear = extend = insert = pop = remove = reverse = \
        sort = _read_only

    def __reduce__(self):
        return type(self), (list(self),)


# Read-only lists of the tuples that reasons show, kept per tuple (and per way of listing it):
# fewer objects to build and for the garbage collector to visit.
_LISTS = {}
_MAX_LISTS = 65536


def _listed(items, make=FrozenList):
    """A read-only list of the tuple ``items`` (``make`` builds it), the same object each time."""
    known = _LISTS.get(make)
    if known is None:
        known = _LISTS[make] = {}
    found = known.get(items)
    if found is None:
        if len(known) >= _MAX_LISTS:
            known.clear()
        found = known[items] = make(items)
    return found


def _percent(score):
    """``score`` as the whole percent its words show (``f"{score:.0%}"`` rounds the same way)."""
    return round(score * 100)


def _title_key(posting, seeker, score):
    return posting.raw_titles, seeker.raw_titles, seeker.titles_from_text, _percent(score)


def _from_resume(seeker):
    """What the seeker's titles add when they were read from the resume: (Chinese, English)."""
    return ("（据简历）", " (from the resume)") if seeker.titles_from_text else ("", "")


def _title_words(posting, seeker, score):
    wanted = _zh(seeker.raw_titles) or "未填写"
    offered = _zh(posting.raw_titles) or "未填写"
    zh_source, en_source = _from_resume(seeker)
    return (
        f"职位名称相似度 {score:.0%}：{offered} ↔ {wanted}{zh_source}",
        f"Title similarity {score:.0%}: {_en(posting.raw_titles) or 'not given'} vs "
        f"{_en(seeker.raw_titles) or 'not given'}{en_source}",
        None,
    )


def _title_reason(score, weight, words, posting, seeker):
    return FrozenDict(factor="title", score=score, weight=weight, text=words[0],
                      required=_listed(posting.raw_titles), actual=_listed(seeker.raw_titles))


def _occupation_key(posting, seeker, score):
    return (posting.occupations[:1], posting.occupation_names[:1], seeker.occupations[:1], seeker.occupation_names[:1],
            seeker.titles_from_text, score)


def _occupation_words(posting, seeker, score):
    if not posting.occupations or not seeker.occupations:
        return "职业类别未知", "Occupation unknown", None
    offered, wanted = posting.occupation_names[0], seeker.occupation_names[0]
    offered_en, wanted_en = (_occupation_en(code, name) for code, name in (
        (posting.occupations[0], offered), (seeker.occupations[0], wanted)))
    zh_source, en_source = _from_resume(seeker)
    if score >= 0.85:
        return f"职业类别一致：{offered}{zh_source}", f"Same occupation: {offered_en}{en_source}", None
    if score >= 0.6:
        zh, en = "职业同属一个小类", "Closely related occupation"
    elif score >= 0.4:
        zh, en = "职业同属一个中类", "Occupation in the same group"
    elif score >= 0.2:
        zh, en = "职业同属一个大类", "Occupation in the same broad field"
    else:
        zh, en = "职业不同", "Different occupation"
    return f"{zh}：{offered} / {wanted}{zh_source}", f"{en}: {offered_en} / {wanted_en}{en_source}", None


def _occupation_en(code, name):
    """"welder (焊工)"; the Chinese name alone where no English one is known (a code tells a reader nothing)."""
    english = english_names().get(code)
    return f"{english} ({name})" if english else name


def _occupation_list(codes_and_names):
    codes, names = codes_and_names
    return FrozenList([FrozenDict(code=code, name=name) for code, name in zip(codes, names)])


def _occupations(codes, names):
    return _listed((codes, names), _occupation_list)


def _skill_names(skills):
    return FrozenList([name for _, name in skills])


def _occupation_reason(score, weight, words, posting, seeker):
    return FrozenDict(factor="occupation", score=score, weight=weight, text=words[0],
                      required=_occupations(posting.occupations, posting.occupation_names),
                      actual=_occupations(seeker.occupations, seeker.occupation_names))


def _skills_key(posting, seeker, score):
    held = seeker.skill_keys
    return posting.skills, seeker.has_skills, tuple([key in held for key, _ in posting.skills])


def _skills_words(posting, seeker, score):
    required = dict(posting.skills)
    held = seeker.skill_keys
    matched = tuple(name for key, name in required.items() if key in held)
    missing = tuple(name for key, name in required.items() if key not in held)
    credentials = tuple(name for key, name in required.items() if key not in held and is_credential(key))
    parts = (_listed(matched), _listed(missing), _listed(tuple(required.values())), _listed(credentials))
    if not required:
        return "岗位未列出技能要求", "The posting lists no required skills", parts
    matched_en = [skill_label(key, name)[1] for key, name in required.items() if key in held]
    missing_en = [skill_label(key, name)[1] for key, name in required.items() if key not in held]
    if seeker.has_skills:
        zh = f"技能匹配：{_zh(matched) or '无'}" + (f"；缺少：{_zh(missing)}" if missing else "")
        en = f"Skills matched: {_en(matched_en) or 'none'}" + (f"; missing: {_en(missing_en)}" if missing else "")
    else:
        # Nothing listed is not the same as lacking every skill: the factor scores it as unknown.
        zh = f"求职者未列出技能；岗位要求：{_zh(missing)}"
        en = f"No skills listed by the seeker; the posting asks for: {_en(missing_en)}"
    if credentials:
        credentials_en = [skill_label(key, name)[1] for key, name in required.items() if name in credentials]
        zh += f"（必需证照未见：{_zh(credentials)}）"
        en += f" (required licence or certificate not shown: {_en(credentials_en)})"
    return zh, en, parts


def _skills_reason(score, weight, words, posting, seeker):
    text, (matched, missing, required, credentials) = words
    return FrozenDict(factor="skills", score=score, weight=weight, text=text,
                      matched=matched, missing=missing, required=required,
                      actual=_listed(seeker.skills, _skill_names), missing_credentials=credentials)


def _text_key(posting, seeker, score):
    return _percent(score), seeker.has_free_text, posting.has_free_text


def _text_words(posting, seeker, score):
    if seeker.has_free_text and posting.has_free_text:
        return (
            f"简历与岗位描述的文字相似度 {score:.0%}",
            f"Resume and job description text similarity {score:.0%}",
            None,
        )
    # Without a resume or a description the texts hold only titles and skills.
    absent_zh = "、".join(word for word, absent in (("简历", not seeker.has_free_text),
                                                   ("岗位描述", not posting.has_free_text)) if absent)
    absent_en = " or ".join(word for word, absent in (("resume", not seeker.has_free_text),
                                                     ("job description", not posting.has_free_text)) if absent)
    return (
        f"职位名称与技能的文字相似度 {score:.0%}（无{absent_zh}）",
        f"Title and skills text similarity {score:.0%} (no {absent_en})",
        None,
    )


def _text_reason(score, weight, words, posting, seeker):
    return FrozenDict(factor="text", score=score, weight=weight, text=words[0])


# Words of a factor the query could not be compared on, for every candidate alike.
_NOT_COMPARED = {
    "text": FrozenDict(
        zh="简历与岗位描述几乎没有共同用词（语言不同？），文字相似度按中性计",
        en="Resume and job description share almost no words (different languages?): text counted as neutral",
    ),
}


def _education_key(posting, seeker, score):
    return posting.education, seeker.education


def _education_words(posting, seeker, score):
    if posting.education_rank < 0:
        return "岗位不限学历", "No minimum education", None
    need_zh, need_en = EDUCATION_LABELS[posting.education]
    if seeker.education_rank < 0:
        return f"学历要求{need_zh}，求职者未填写", f"Requires {need_en}; the seeker did not say", None
    have_zh, have_en = EDUCATION_LABELS[seeker.education]
    if seeker.education_rank >= posting.education_rank:
        return (f"学历符合：{have_zh}（要求{need_zh}）",
                f"Education meets the minimum: {have_en} (requires {need_en})", None)
    return (f"学历低于要求：{have_zh}（要求{need_zh}）",
            f"Education below the minimum: {have_en} (requires {need_en})", None)


def _education_reason(score, weight, words, posting, seeker):
    return FrozenDict(factor="education", score=score, weight=weight, text=words[0],
                      required=posting.education, actual=seeker.education)


def _experience_key(posting, seeker, score):
    return posting.experience, seeker.experience


def _years_en(years):
    return f"{years} year" if years == 1 else f"{years} years"


def _experience_words(posting, seeker, score):
    need, have = number(posting.experience), number(seeker.experience)
    parts = (need, have)
    if need is None or need <= 0:
        return "岗位不要求工作经验", "No experience required", parts
    if have is None:
        return f"要求{need}年经验，求职者未填写", f"Requires {_years_en(need)} of experience; the seeker did not say", parts
    if have >= need:
        return (f"经验符合：{have}年（要求{need}年）",
                f"Experience meets the minimum: {_years_en(have)} (requires {need})", parts)
    return (f"经验不足：{have}年（要求{need}年）",
            f"Less experience than required: {_years_en(have)} (requires {need})", parts)


def _experience_reason(score, weight, words, posting, seeker):
    text, (need, have) = words
    return FrozenDict(factor="experience", score=score, weight=weight, text=text,
                      required=need, actual=have)


def _salary_key(posting, seeker, score):
    return _plain(posting.salary_low), _plain(posting.salary_high), _plain(seeker.salary_low)


def _salary_words(posting, seeker, score):
    low, high, want = number(posting.salary_low), number(posting.salary_high), number(seeker.salary_low)
    parts = (low, high, want)
    if high is None:
        return "岗位未标明薪资", "The posting gives no salary", parts
    if want is None:
        return f"薪资{low}–{high}元，求职者未填写期望", f"Pays {low}–{high} CNY; the seeker gave no expectation", parts
    if want <= high:
        return (f"期望薪资{want}元在范围内（{low}–{high}元）", f"Expected salary {want} CNY fits the range {low}–{high} CNY",
                parts)
    return f"期望薪资{want}元高于岗位上限{high}元", f"Expected salary {want} CNY is above the maximum {high} CNY", parts


def _salary_range(low_and_high):
    low, high = low_and_high
    return FrozenDict(min=low, max=high)


def _salary_reason(score, weight, words, posting, seeker):
    text, (low, high, want) = words
    return FrozenDict(factor="salary", score=score, weight=weight, text=text,
                      required=_listed((low, high), _salary_range), actual=want)


def _location_key(posting, seeker, score):
    return posting.place_names, seeker.place_names, score >= 0.85, score > 0


def _location_words(posting, seeker, score):
    where, wanted = _zh(posting.place_names), _zh(seeker.place_names)
    if not posting.place_names:
        return "岗位未标明工作地点", "The posting gives no location", None
    if not seeker.place_names:
        return f"工作地点{where}，求职者未填写意向地点", f"Works in {where}; the seeker gave no preferred place", None
    if score >= 0.85:
        return f"工作地点相符：{where}", f"Location matches: {where}", None
    if score > 0:
        return f"工作地点相近：{where}（意向：{wanted}）", f"Location nearby: {where} (prefers {_en(seeker.place_names)})", None
    return (f"工作地点不在意向范围：{where}（意向：{wanted}）",
            f"Location outside the preferred places: {where} (prefers {_en(seeker.place_names)})", None)


def _location_reason(score, weight, words, posting, seeker):
    return FrozenDict(factor="location", score=score, weight=weight, text=words[0],
                      required=_listed(posting.place_names), actual=_listed(seeker.place_names))


_FACTORS = {
    "title": (_title_key, _title_words, _title_reason),
    "occupation": (_occupation_key, _occupation_words, _occupation_reason),
    "skills": (_skills_key, _skills_words, _skills_reason),
    "text": (_text_key, _text_words, _text_reason),
    "education": (_education_key, _education_words, _education_reason),
    "experience": (_experience_key, _experience_words, _experience_reason),
    "salary": (_salary_key, _salary_words, _salary_reason),
    "location": (_location_key, _location_words, _location_reason),
}
# Per factor: key -> (text, parts); read-only values, shared by all indexes.
_WORDS = {factor: {} for factor in _FACTORS}
_MAX_WORDS = 16384
# What a factor's reason depends on besides the score and weight: these fields
# of each side (and, for skills, which of the posting's skills the seeker holds).
_PART_FIELDS = {
    "title": ("raw_titles", "titles_from_text"),
    "occupation": ("occupations", "occupation_names", "titles_from_text"),
    "skills": ("skills", "has_skills"),
    "text": ("has_free_text",),
    "education": ("education",),
    "experience": ("experience",),
    "salary": ("salary_low", "salary_high"),
    "location": ("place_names",),
}
_PART_INDEX = {factor: position for position, factor in enumerate(_PART_FIELDS)}
N_PARTS = len(_PART_FIELDS)
_PART_GETTERS = [[attrgetter(field) for field in fields] for fields in _PART_FIELDS.values()]
_SCORE_CODES = 10_001  # scores are rounded to 4 decimals: 0..10000 once scaled


def _plain(value):
    # NaN never equals itself: "not given" must find its reasons again.
    return None if isinstance(value, float) and math.isnan(value) else value


def reason_parts(profile):
    """Per factor (in the order of ``_PART_FIELDS``): the fields of ``profile`` its reasons depend on.

    An index numbers the distinct parts of its records once, at upsert, so
    that a page finds its reasons by integer keys without reading profiles.
    """
    return tuple([tuple([_plain(get(profile)) for get in getters]) for getters in _PART_GETTERS])


def _held_masks(query, candidates, query_is_posting):
    """Per pair: bit i set when the seeker holds the posting's i-th listed skill."""
    if query_is_posting:
        held = [candidate.skill_keys for candidate in candidates]
        masks = [0] * len(candidates)
        for position, (key, _) in enumerate(query.skills):
            bit = 1 << position
            masks = [mask | bit if key in keys else mask for mask, keys in zip(masks, held)]
        return masks
    held = query.skill_keys
    return [sum([1 << position for position, (key, _) in enumerate(candidate.skills) if key in held])
            for candidate in candidates]


class ReasonCache:
    """Reasons already built, per query fields and weight, then candidate fields and score.

    One per side of an index, shared by the threads that rank on it without
    a lock: each step is one dict operation (atomic), so a race at worst
    builds a reason twice.  Bounded: it is emptied when it holds more than
    ``max_reasons``.
    """

    def __init__(self, max_reasons=16384):
        self.max_reasons = max_reasons
        self.tables = {}
        self.size = 0

    def table(self, key):
        found = self.tables.get(key)
        if found is None:
            if self.size > self.max_reasons:
                self.tables.clear()
                self.size = 0
            found = self.tables[key] = {}
        return found


def explain_page(query, candidates, query_is_posting, factors, values, part_ids, weights, cache, *,
                 not_compared=()):
    """One list of JSON-ready reasons (one per factor, in the order of ``factors``) per candidate.

    ``values`` holds one row of scores per factor, one column per candidate,
    already rounded to 4 decimals for display; ``part_ids`` one row per
    candidate: the index's ids of its :func:`reason_parts`.  ``weights``
    maps factor names to their shown weights; ``not_compared`` names the
    factors the query could not be compared on (one neutral reason for all).

    A reason is built once per distinct query fields, weight, candidate fields
    and score, kept in ``cache`` (a :class:`ReasonCache`) and shared read-only
    by every pair it fits: a page costs an integer key and a look-up per pair
    and factor, plus the reasons not seen before.  Nothing that receives
    reasons changes them (service/domain.py passes them on,
    service/web/exports.py reads ``text``, the JSON encoder reads all), and
    the read-only types make sure nothing can.
    """
    scores = values.tolist()
    parts = [_PART_INDEX[factor] for factor in factors]
    # One integer per pair and factor: the candidate's part id and the score.
    with np.errstate(invalid="ignore"):  # a NaN score (none is expected) gets a code of its own
        codes = np.rint(values * (_SCORE_CODES - 1)).astype(np.int64)
    all_keys = (part_ids.T[parts].astype(np.int64) * _SCORE_CODES + codes).tolist()
    query_parts = reason_parts(query)
    columns = []
    for row, factor in enumerate(factors):
        key_of, words_of, reason_of = _FACTORS[factor]
        words_known = _WORDS[factor]
        weight = weights.get(factor, 0.0)
        if factor in not_compared:
            known = cache.table((factor, weight, None))
            score = scores[row][0] if candidates else 0.0
            reason = known.get(score)
            if reason is None:
                reason = known[score] = FrozenDict(factor=factor, score=score, weight=weight,
                                                   text=_NOT_COMPARED[factor])
                cache.size += 1
            columns.append([reason] * len(candidates))
            continue
        known = cache.table((factor, weight, query_parts[parts[row]]))
        keys = all_keys[row]
        if factor == "skills":
            keys = list(zip(keys, _held_masks(query, candidates, query_is_posting)))
        found = list(map(known.get, keys))
        if not all(found):
            column, built = scores[row], 0
            for position, reason in enumerate(found):
                if reason is None:
                    key = keys[position]
                    reason = known.get(key)  # an equal pair earlier in this page
                    if reason is None:
                        candidate, score = candidates[position], column[position]
                        posting, seeker = (query, candidate) if query_is_posting else (candidate, query)
                        words_key = key_of(posting, seeker, score)
                        words = words_known.get(words_key)
                        if words is None:
                            if len(words_known) >= _MAX_WORDS:
                                words_known.clear()
                            zh, en, details = words_of(posting, seeker, score)
                            words = words_known[words_key] = (FrozenDict(zh=zh, en=en), details)
                        reason = known[key] = reason_of(score, weight, words, posting, seeker)
                        built += 1
                    found[position] = reason
            cache.size += built
        columns.append(found)
    return list(map(list, zip(*columns)))
