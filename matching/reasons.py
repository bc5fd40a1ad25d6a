"""Plain-words explanations (Chinese and English) of each scoring factor.

A factor's reason depends on the score and a few fields of each side of the
pair (in :data:`_FACTORS`: a record's *part* for that factor).  What a part
contributes to any reason (read-only lists of its titles or places, their
names joined for the text, labels, numbers as shown) is worked out once per
distinct part, as its *pieces*: an index keeps them per part id
(:class:`ReasonParts`, filled at upsert), so that a page's new reasons are
little more than formatting the pieces of each pair with the score.

Reasons themselves repeat too (same query, same candidate fields, same
score), so :func:`explain_page` keeps each reason it builds in a
:class:`ReasonCache` and hands out the same object whenever it recurs.
Shared reasons are read-only (:class:`FrozenDict`, :class:`FrozenList`:
a dict and a list for ``==``, ``isinstance`` and JSON encoders, but any
change raises ``TypeError``), so no caller can alter another's reasons;
``dict(reason)`` gives a private, mutable copy.
"""
import math
from functools import lru_cache
from operator import attrgetter

import numpy as np

from .occupations import english_names
from .profile import EDUCATION_LABELS, PLACE_CREDIT, education_rank
from .skills import WELL_PREFIX, alternatives, holds, is_credential, parts_of, skill_label, years_of_parts

__all__ = ["FrozenDict", "FrozenList", "N_PARTS", "ReasonCache", "ReasonParts", "explain_page"]


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


def _from_resume(titles_from_text):
    """What the seeker's titles add when they were read from the resume: (Chinese, English)."""
    return ("（据简历）", " (from the resume)") if titles_from_text else ("", "")


def _title_pieces(raw_titles, titles_from_text):
    zh_source, en_source = _from_resume(titles_from_text)
    return _listed(raw_titles), (_zh(raw_titles) or "未填写") + zh_source, (_en(raw_titles) or "not given") + en_source


def _title_reason(score, weight, posting, seeker, mask):
    offered, offered_zh, offered_en = posting
    wanted, wanted_zh, wanted_en = seeker
    percent = f"{score:.0%}"
    text = FrozenDict(zh=f"职位名称相似度 {percent}：{offered_zh} ↔ {wanted_zh}",
                      en=f"Title similarity {percent}: {offered_en} vs {wanted_en}")
    return FrozenDict(factor="title", score=score, weight=weight, text=text, required=offered, actual=wanted)


def _occupation_list(codes_and_names):
    codes, names = codes_and_names
    return FrozenList([FrozenDict(code=code, name=name) for code, name in zip(codes, names)])


def _occupation_pieces(codes, names, titles_from_text):
    listed = _listed((codes, names), _occupation_list)
    if not codes:
        return listed, None
    return (listed, names[0], _occupation_en(codes[0], names[0]), *_from_resume(titles_from_text))


def _occupation_en(code, name):
    """"welder (焊工)"; the Chinese name alone where no English one is known (a code tells a reader nothing)."""
    english = english_names().get(code)
    return f"{english} ({name})" if english else name


_UNKNOWN_OCCUPATION = FrozenDict(zh="职业类别未知", en="Occupation unknown")


@lru_cache(maxsize=4096)
def _same_occupation(offered, offered_en, zh_source, en_source):
    """Kept: these words name the posting's occupation alone, the same for every seeker who has it."""
    return FrozenDict(zh=f"职业类别一致：{offered}{zh_source}", en=f"Same occupation: {offered_en}{en_source}")


def _occupation_text(score, posting, seeker):
    if posting[1] is None or seeker[1] is None:
        return _UNKNOWN_OCCUPATION
    _, offered, offered_en, _, _ = posting
    _, wanted, wanted_en, zh_source, en_source = seeker
    if score >= 0.85:
        return _same_occupation(offered, offered_en, zh_source, en_source)
    if score >= 0.6:
        zh, en = "职业同属一个小类", "Closely related occupation"
    elif score >= 0.4:
        zh, en = "职业同属一个中类", "Occupation in the same group"
    elif score >= 0.2:
        zh, en = "职业同属一个大类", "Occupation in the same broad field"
    else:
        zh, en = "职业不同", "Different occupation"
    return FrozenDict(zh=f"{zh}：{offered} / {wanted}{zh_source}", en=f"{en}: {offered_en} / {wanted_en}{en_source}")


def _occupation_reason(score, weight, posting, seeker, mask):
    return FrozenDict(factor="occupation", score=score, weight=weight, text=_occupation_text(score, posting, seeker),
                      required=posting[0], actual=seeker[0])


def _skills_pieces(skills, has_skills):
    return skills, has_skills, _listed(tuple([name for _, name in skills]))


@lru_cache(maxsize=16384)
def _skills_words(skills, has_skills, mask):
    """Text and read-only lists of a posting's ``skills`` when the seeker holds those in ``mask`` (bit i: i-th).

    Kept: pairs repeat which of a posting's skills the seeker holds.
    """
    held = [mask >> position & 1 for position in range(len(skills))]
    matched = tuple([name for (_, name), has in zip(skills, held) if has])
    missing = tuple([name for (_, name), has in zip(skills, held) if not has])
    credentials = tuple([name for (key, name), has in zip(skills, held) if not has and is_credential(key)])
    lists = (_listed(matched), _listed(missing), _listed(tuple([name for _, name in skills])), _listed(credentials))
    if not skills:
        return FrozenDict(zh="岗位未列出技能要求", en="The posting lists no required skills"), lists
    matched_en = [skill_label(key, name)[1] for (key, name), has in zip(skills, held) if has]
    missing_en = [skill_label(key, name)[1] for (key, name), has in zip(skills, held) if not has]
    if has_skills:
        zh = f"技能匹配：{_zh(matched) or '无'}" + (f"；缺少：{_zh(missing)}" if missing else "")
        en = f"Skills matched: {_en(matched_en) or 'none'}" + (f"; missing: {_en(missing_en)}" if missing else "")
    else:
        # Nothing listed is not the same as lacking every skill: the factor scores it as unknown.
        zh = f"求职者未列出技能；岗位要求：{_zh(missing)}"
        en = f"No skills listed by the seeker; the posting asks for: {_en(missing_en)}"
    if credentials:
        credentials_en = [skill_label(key, name)[1] for key, name in skills if name in credentials]
        zh += f"（必需证照未见：{_zh(credentials)}）"
        en += f" (required licence or certificate not shown: {_en(credentials_en)})"
    return FrozenDict(zh=zh, en=en), lists


def _skills_reason(score, weight, posting, seeker, mask):
    text, (matched, missing, required, credentials) = _skills_words(posting[0], seeker[1], mask)
    return FrozenDict(factor="skills", score=score, weight=weight, text=text,
                      matched=matched, missing=missing, required=required,
                      actual=seeker[2], missing_credentials=credentials)


def _text_pieces(has_free_text):
    return has_free_text


@lru_cache(maxsize=1024)
def _text_words(percent, seeker_has_text, posting_has_text):
    """Kept per whole percent shown: text scores rarely repeat, their words do."""
    if seeker_has_text and posting_has_text:
        return FrozenDict(zh=f"简历与岗位描述的文字相似度 {percent}%",
                          en=f"Resume and job description text similarity {percent}%")
    # Without a resume or a description the texts hold only titles and skills.
    absent_zh = "、".join(word for word, absent in (("简历", not seeker_has_text),
                                                   ("岗位描述", not posting_has_text)) if absent)
    absent_en = " or ".join(word for word, absent in (("resume", not seeker_has_text),
                                                     ("job description", not posting_has_text)) if absent)
    return FrozenDict(zh=f"职位名称与技能的文字相似度 {percent}%（无{absent_zh}）",
                      en=f"Title and skills text similarity {percent}% (no {absent_en})")


def _text_reason(score, weight, posting, seeker, mask):
    # ``f"{score:.0%}"`` rounds as round(score * 100) does (half to even on the same double).
    return FrozenDict(factor="text", score=score, weight=weight, text=_text_words(round(score * 100), seeker, posting))


# Words of a factor the query could not be compared on, for every candidate alike.
_NOT_COMPARED = {
    "text": FrozenDict(
        zh="简历与岗位描述几乎没有共同用词（语言不同？），文字相似度按中性计",
        en="Resume and job description share almost no words (different languages?): text counted as neutral",
    ),
}


def _notes(seeker_read, posting_read):
    return (("据简历；" if seeker_read else "", "，据岗位描述" if posting_read else "", "（据岗位描述）" if posting_read else ""),
            ("from the resume; " if seeker_read else "", ", from the description" if posting_read else "",
             " (from the description)" if posting_read else ""))


# What a reason says of facts read from free text, (Chinese, English), by (the seeker's, the posting's): inside its
# bracket, before the requirement (the seeker's, read from the resume) and after it (the posting's, read from its
# description); and alone, after a posting's requirement.  Made once: reasons are built by the hundred per page.
_READ_NOTES = {(seeker, posting): _notes(seeker, posting) for seeker in (False, True) for posting in (False, True)}


def _education_pieces(education, education_from_text):
    return (education, -1, None, None, education_from_text) if education is None else \
        (education, education_rank(education), *EDUCATION_LABELS[education], education_from_text)


def _education_words(posting, seeker):
    _, need_rank, need_zh, need_en, posting_read = posting
    _, have_rank, have_zh, have_en, seeker_read = seeker
    (zh_before, zh_after, zh_alone), (en_before, en_after, en_alone) = _READ_NOTES[seeker_read, posting_read]
    if need_rank < 0:
        return "岗位不限学历" + zh_alone, "No minimum education" + en_alone
    if have_rank < 0:
        return f"学历要求{need_zh}{zh_alone}，求职者未填写", f"Requires {need_en}{en_alone}; the seeker did not say"
    if have_rank >= need_rank:
        return (f"学历符合：{have_zh}（{zh_before}要求{need_zh}{zh_after}）",
                f"Education meets the minimum: {have_en} ({en_before}requires {need_en}{en_after})")
    return (f"学历低于要求：{have_zh}（{zh_before}要求{need_zh}{zh_after}）",
            f"Education below the minimum: {have_en} ({en_before}requires {need_en}{en_after})")


def _education_reason(score, weight, posting, seeker, mask):
    zh, en = _education_words(posting, seeker)
    return FrozenDict(factor="education", score=score, weight=weight, text=FrozenDict(zh=zh, en=en),
                      required=posting[0], actual=seeker[0])


def _years_en(years):
    return f"{years} year" if years == 1 else f"{years} years"


def _experience_pieces(experience, experience_from_text):
    return number(experience), experience_from_text


def _experience_words(need, posting_read, have, seeker_read):
    (zh_before, zh_after, zh_alone), (en_before, en_after, en_alone) = _READ_NOTES[seeker_read, posting_read]
    if need is None or need <= 0:
        return "岗位不要求工作经验" + zh_alone, "No experience required" + en_alone
    if have is None:
        return (f"要求{need}年经验{zh_alone}，求职者未填写",
                f"Requires {_years_en(need)} of experience{en_alone}; the seeker did not say")
    if have >= need:
        return (f"经验符合：{have}年（{zh_before}要求{need}年{zh_after}）",
                f"Experience meets the minimum: {_years_en(have)} ({en_before}requires {need}{en_after})")
    return (f"经验不足：{have}年（{zh_before}要求{need}年{zh_after}）",
            f"Less experience than required: {_years_en(have)} ({en_before}requires {need}{en_after})")


def _experience_reason(score, weight, posting, seeker, mask):
    (need, posting_read), (have, seeker_read) = posting, seeker
    zh, en = _experience_words(need, posting_read, have, seeker_read)
    return FrozenDict(factor="experience", score=score, weight=weight, text=FrozenDict(zh=zh, en=en),
                      required=need, actual=have)


def _salary_range(low_and_high):
    low, high = low_and_high
    return FrozenDict(min=low, max=high)


def _salary_pieces(low, high, salary_from_text):
    low, high = number(low), number(high)
    # The numbers as words show them.
    return low, high, _listed((low, high), _salary_range), f"{low}", f"{high}", salary_from_text


def _salary_words(posting, seeker):
    _, high, _, low_text, high_text, posting_read = posting
    want, _, _, want_text, _, _ = seeker  # a seeker's salary parts are the expectation twice
    (_, zh_after, zh_alone), (_, en_after, en_alone) = _READ_NOTES[False, posting_read]
    if high is None:
        return "岗位未标明薪资", "The posting gives no salary"
    if want is None:
        return (f"薪资{low_text}–{high_text}元{zh_alone}，求职者未填写期望",
                f"Pays {low_text}–{high_text} CNY{en_alone}; the seeker gave no expectation")
    if want <= high:
        return (f"期望薪资{want_text}元在范围内（{low_text}–{high_text}元{zh_after}）",
                f"Expected salary {want_text} CNY fits the range {low_text}–{high_text} CNY{en_alone}")
    return (f"期望薪资{want_text}元高于岗位上限{high_text}元{zh_alone}",
            f"Expected salary {want_text} CNY is above the maximum {high_text} CNY{en_alone}")


def _salary_reason(score, weight, posting, seeker, mask):
    zh, en = _salary_words(posting, seeker)
    return FrozenDict(factor="salary", score=score, weight=weight, text=FrozenDict(zh=zh, en=en),
                      required=posting[2], actual=seeker[0])


def _location_pieces(place_names, location_from_text):
    (_, _, zh_note), (_, _, en_note) = _READ_NOTES[False, location_from_text]
    return _listed(place_names), _zh(place_names) + zh_note, _en(place_names) + en_note


_NO_LOCATION = FrozenDict(zh="岗位未标明工作地点", en="The posting gives no location")


@lru_cache(maxsize=1024)
def _location_alone(where, where_en, seeker_gave_places):
    """Kept: where the place matches or the seeker named none, the words name the posting's place alone."""
    if seeker_gave_places:
        return FrozenDict(zh=f"工作地点相符：{where}", en=f"Location matches: {where_en}")
    return FrozenDict(zh=f"工作地点{where}，求职者未填写意向地点",
                      en=f"Works in {where_en}; the seeker gave no preferred place")


def _location_text(score, posting, seeker):
    listed, where, where_en = posting
    wanted, wanted_zh, wanted_en = seeker
    if not listed:
        return _NO_LOCATION
    if not wanted or score >= 0.85:
        return _location_alone(where, where_en, bool(wanted))
    # A shared urban area or only a shared city (Chongqing's spans 300 km): not "nearby".
    if score >= PLACE_CREDIT["area"]:
        return FrozenDict(zh=f"工作地点与意向同在主城区：{where}（意向：{wanted_zh}）",
                          en=f"Location in the preferred urban area: {where_en} (prefers {wanted_en})")
    if score > 0:
        return FrozenDict(zh=f"工作地点与意向同城：{where}（意向：{wanted_zh}）",
                          en=f"Location in the preferred city: {where_en} (prefers {wanted_en})")
    return FrozenDict(zh=f"工作地点不在意向范围：{where}（意向：{wanted_zh}）",
                      en=f"Location outside the preferred places: {where_en} (prefers {wanted_en})")


def _location_reason(score, weight, posting, seeker, mask):
    return FrozenDict(factor="location", score=score, weight=weight, text=_location_text(score, posting, seeker),
                      required=posting[0], actual=seeker[0])


# Per factor: the fields of each side its reason depends on (besides the score and weight, and for
# skills which of the posting's skills the seeker holds), what a part of those fields contributes
# to any reason (its pieces, from the fields' values), and the reason of a pair from the score,
# the weight shown, the posting's and the seeker's pieces and the held-skill mask.
_FACTORS = {
    "title": (("raw_titles", "titles_from_text"), _title_pieces, _title_reason),
    "occupation": (("occupations", "occupation_names", "titles_from_text"), _occupation_pieces, _occupation_reason),
    "skills": (("skills", "has_skills"), _skills_pieces, _skills_reason),
    "text": (("has_free_text",), _text_pieces, _text_reason),
    "education": (("education", "education_from_text"), _education_pieces, _education_reason),
    "experience": (("experience", "experience_from_text"), _experience_pieces, _experience_reason),
    "salary": (("salary_low", "salary_high", "salary_from_text"), _salary_pieces, _salary_reason),
    "location": (("place_names", "location_from_text"), _location_pieces, _location_reason),
}
_PART_INDEX = {factor: position for position, factor in enumerate(_FACTORS)}
N_PARTS = len(_FACTORS)
_PART_GETTERS = [[attrgetter(field) for field in fields] for fields, _, _ in _FACTORS.values()]
_PIECES = [pieces for _, pieces, _ in _FACTORS.values()]
_SCORE_CODES = 10_001  # scores are rounded to 4 decimals: 0..10000 once scaled


def _plain(value):
    # NaN never equals itself: "not given" must find its reasons again.
    return None if isinstance(value, float) and math.isnan(value) else value


def reason_parts(profile):
    """Per factor (in the order of ``_FACTORS``): the fields of ``profile`` its reasons depend on."""
    return tuple([tuple([_plain(get(profile)) for get in getters]) for getters in _PART_GETTERS])


@lru_cache(maxsize=4096)
def _query_pieces(parts):
    """The pieces of a query's parts (queries repeat: a page, its next page, the same posting again)."""
    return tuple([make(*part) for make, part in zip(_PIECES, parts)])


class ReasonParts:
    """The distinct reason parts of one side's records, numbered, with their pieces.

    An index registers each record at upsert (:meth:`ids`), so that a page
    finds its reasons by integer keys and builds the new ones from pieces
    (profiles are read only for the skills a seeker holds).  Parts are only
    ever added: a slot's ids stay valid, and readers need no lock.
    """

    def __init__(self):
        self.numbers = [{} for _ in range(N_PARTS)]  # per factor: part -> id
        self.pieces = [[] for _ in range(N_PARTS)]  # per factor: id -> pieces

    def ids(self, profile):
        """Per factor: the id of ``profile``'s part, registered (with its pieces) on first sight."""
        found = []
        for numbers, pieces, make, part in zip(self.numbers, self.pieces, _PIECES, reason_parts(profile)):
            number_of_part = numbers.get(part)
            if number_of_part is None:
                pieces.append(make(*part))  # before the id is handed out: readers index by it
                number_of_part = numbers[part] = len(numbers)
            found.append(number_of_part)
        return found


def _held_masks(query, candidates, query_is_posting):
    """Per pair: bit i set when the seeker holds the posting's i-th listed skill."""
    if query_is_posting:
        held = [candidate.skill_keys for candidate in candidates]
        masks = [0] * len(candidates)
        for position, (key, _) in enumerate(query.skills):
            bit = 1 << position
            # A phrase (as written, or every part of it, for as long as asked) or a skill asked done well.
            if parts_of(key) or years_of_parts(key) or key.startswith(WELL_PREFIX):
                masks = [mask | bit if holds(keys, key) else mask for mask, keys in zip(masks, held)]
                continue
            accepted = alternatives(key) or (key,)  # an either or preferred key (电工证/焊工证): any of its keys
            masks = [mask if keys.isdisjoint(accepted) else mask | bit for mask, keys in zip(masks, held)]
        return masks
    held = query.skill_keys
    return [sum([1 << position for position, (key, _) in enumerate(candidate.skills) if holds(held, key)])
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


def explain_page(query, candidates, query_is_posting, factors, values, part_ids, pieces, weights, cache, *,
                 not_compared=()):
    """One list of JSON-ready reasons (one per factor, in the order of ``factors``) per candidate.

    ``values`` holds one row of scores per factor, one column per candidate,
    already rounded to 4 decimals for display; ``part_ids`` one row per
    candidate: the ids of its parts in the candidates' :class:`ReasonParts`,
    whose ``pieces`` are given.  ``weights`` maps factor names to their shown
    weights; ``not_compared`` names the factors the query could not be
    compared on (one neutral reason for all).

    A reason is built once per distinct query part, weight, candidate part
    and score, kept in ``cache`` (a :class:`ReasonCache`) and shared read-only
    by every pair it fits: a page costs an integer key and a look-up per pair
    and factor, plus formatting the pieces of the reasons not seen before.
    Nothing that receives reasons changes them (service/domain.py passes them
    on, service/web/exports.py reads ``text``, the JSON encoder reads all),
    and the read-only types make sure nothing can.
    """
    scores = values.tolist()
    parts = [_PART_INDEX[factor] for factor in factors]
    # One integer per pair and factor: the candidate's part id and the score.
    with np.errstate(invalid="ignore"):  # a NaN score (none is expected) gets a code of its own
        codes = np.rint(values * (_SCORE_CODES - 1)).astype(np.int64)
    chosen_ids = part_ids.T[parts]
    all_keys = (chosen_ids.astype(np.int64) * _SCORE_CODES + codes).tolist()
    chosen_ids = chosen_ids.tolist()
    query_parts = reason_parts(query)
    query_pieces = _query_pieces(query_parts)
    columns = []
    for row, factor in enumerate(factors):
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
        part = parts[row]
        known = cache.table((factor, weight, query_parts[part]))
        keys = all_keys[row]
        masks = None
        if factor == "skills":
            masks = _held_masks(query, candidates, query_is_posting)
            keys = list(zip(keys, masks))
        found = list(map(known.get, keys))
        if not all(found):
            reason_of = _FACTORS[factor][2]
            query_piece, known_pieces, column, ids = query_pieces[part], pieces[part], scores[row], chosen_ids[row]
            built = 0
            for position, reason in enumerate(found):
                if reason is None:
                    key = keys[position]
                    reason = known.get(key)  # an equal pair earlier in this page
                    if reason is None:
                        piece = known_pieces[ids[position]]
                        mask = masks[position] if masks is not None else 0
                        if query_is_posting:
                            reason = reason_of(column[position], weight, query_piece, piece, mask)
                        else:
                            reason = reason_of(column[position], weight, piece, query_piece, mask)
                        known[key] = reason
                        built += 1
                    found[position] = reason
            cache.size += built
        columns.append(found)
    return list(map(list, zip(*columns)))
