"""The incremental hybrid match index: postings against seekers and back.

Each side (seekers, postings) is a set of *slots*.  Dense per-slot numpy
arrays hold the structured fields as small codes and the id of the slot's
group (its titles and occupations, as ids into per-side tables of distinct
values); inverted lists (feature -> slots) hold text bigrams and canonical
skills, and slots share ids of distinct place sets.

Scoring a query against a side never loops over candidates in Python:

* title: one ``rapidfuzz.process.cdist`` against the side's *distinct*
  titles, then a gather into the side's title-and-occupation *groups*;
* occupation: agreement along the CSCO code hierarchy computed for the
  side's distinct codes, then a gather into the groups;
* skills, credentials, places, text: sums over the posting lists of the
  query's features (``np.bincount``), text weighted by the side's IDF and
  with very common features left out (and not compared at all when the
  side's texts hold too little of the query's, e.g. another language);
* education, experience, salary: per-query tables over small codes.

Every factor enters the total through a small pre-weighted table (per group,
fact code, salary code, place set) or a sparse sum, so the full-size work per
query is a handful of gathers and adds.  Factor values and reasons are
computed only for the returned page.

An upsert writes a new slot (the old one becomes dead) into the pending
segment of the inverted lists; pending slots are merged when they exceed a
fraction of the main segment and dead slots are compacted away when they
exceed a fraction of all slots, so the cost of updates is amortised.
"""
import math
import threading
from array import array
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

import numpy as np
from rapidfuzz import fuzz, process

from ._columns import Inverted, Vocabulary, grow
from .occupations import code_levels, default_normalizer
from .profile import ANYWHERE, PLACE_CREDIT, education_code, education_rank, place_tokens, stated_places
from .reasons import N_PARTS, ReasonCache, ReasonParts, explain_page
from .requirements import read_blank_fields
from .resumes import read_education, read_experience
from .skills import (LOW_PREFIX, WELL_PREFIX, alternatives, canonical_skill, held_skills, holds, is_credential,
                     parts_of, skill_items, years_of_parts)
from .text import clean_title, fold, has_han, latin_words, text_features

__all__ = ["Match", "MatchIndex", "DEFAULT_WEIGHTS", "DEFAULT_SHORTLIST_WEIGHTS", "extract"]


class Match(NamedTuple):
    """One ranked candidate: its record id, score in [0, 1] and the reasons."""

    id: int
    score: float
    reasons: list


# Recommendations (a seeker's postings) lead with the occupation, as a careers adviser would.
DEFAULT_WEIGHTS = {
    "title": 0.20,
    "occupation": 0.25,
    "skills": 0.20,
    "text": 0.12,
    "education": 0.06,
    "experience": 0.06,
    "salary": 0.05,
    "location": 0.06,
}
# Shortlists (a posting's seekers) weigh the posting's stated requirements (education, years,
# salary, place) as much as the occupation match: a recruiter screens on them next.  Those four
# at three times their recommendation weights, before normalising (bench/quality.py, recruiter relevance).
DEFAULT_SHORTLIST_WEIGHTS = {
    "title": 0.20,
    "occupation": 0.25,
    "skills": 0.20,
    "text": 0.12,
    "education": 0.18,
    "experience": 0.18,
    "salary": 0.15,
    "location": 0.18,
}
# Value of a factor when the candidate did not give the data: neutral, not zero.
_UNKNOWN = 0.6
# Score multiplier when a required licence/certificate is missing: known
# missing (the candidate listed skills) or possibly missing (listed none).
_MISSING_CREDENTIAL = 0.7
_UNKNOWN_CREDENTIAL = 0.85
_MAX_TITLES = 3
# Desired titles are listed in order of preference: later ones count a little less.
_PREFERENCE = np.array([1.0, 0.85, 0.8], dtype=np.float32)
_OCCUPATION_CREDIT = (0.25, 0.5, 0.75, 1.0)  # same 大类, 中类, 小类, 细类
_FIRST_WORD_CODE = 0x10000  # words as characters beyond the basic plane: about a million distinct ones,
_WORD_CODES = 0x110000 - _FIRST_WORD_CODE  # then reused (two words alike), never an error
_TRANSLATED_TITLE = 0.9  # title similarity through the other title's occupation names in the query's script
# Text scoring sums at most this many posting-list entries (rarest features first),
# and weighs a feature by log(1 + _IDF_SCALE / document frequency).
_TEXT_BUDGET = 100_000
_IDF_SCALE = 10_000.0
# Texts are compared only when the side's texts hold at least this share of the query's text (by weight).
_TEXT_COMPARABLE = 0.15
_FIT_EDUCATION = np.array([1.0, 0.5, 0.1], dtype=np.float32)  # gap 0, 1, >= 2 levels below
_UPSERT_CHUNK = 8192
_PENDING_ENTRIES = 1024  # text entries worth a merge at the least
_OCCUPATION_ROWS = 4096
_TITLE_CELLS = 4_000_000  # similarities kept per side (16 MB), as rows per query title
_GROUP_CELLS = 2_000_000  # title and occupation rows over groups kept per side (16 MB), per query titles
_MAX_YEAR_CODE = 120  # half years, up to 60
_SALARY_STEP = 50  # CNY a month per salary code: salaries are given in whole fifties, so the score sees what the words say
_MAX_SALARY_CODE = 2000  # up to 100k a month
_SAMPLE_SIZE = 1024  # scores sampled to bound a page's threshold from below
_SAMPLE_SHARE = 16  # ... when the page holds less than this fraction of the slots


class _Profile(NamedTuple):
    """What a record brings to scoring, derived once per upsert."""

    id: int
    titles: tuple  # cleaned titles (posting: one; seeker: desired titles)
    raw_titles: tuple
    occupations: tuple  # codes, in preference order
    occupation_names: tuple
    skills: tuple  # (canonical key, name as written) of the listed skills
    skill_keys: frozenset  # listed + found in free text (+ covered licences for seekers)
    education: str  # API code or None
    education_rank: int
    experience: float  # nan when unknown
    salary_low: float  # seeker: the expectation
    salary_high: float
    places: frozenset
    wished_places: frozenset  # the places' own tokens (profile.stated_places): where a seeker would work
    place_names: tuple
    text: str  # titles, listed skills and the free text (resume or description)
    has_free_text: bool
    titles_from_text: bool = False  # a seeker who gave no titles: the ones their resume names
    # Facts the record did not give, read from its free text: the resume's, or the posting's description.
    experience_from_text: bool = False
    education_from_text: bool = False
    salary_from_text: bool = False  # postings only
    location_from_text: bool = False  # postings only

    @property
    def has_skills(self):
        """Listed or found in the free text: without any, the skills factor is unknown, not failed."""
        return bool(self.skill_keys)


# Profile fields whose values repeat across records (interned to save memory).
_SHAREABLE = frozenset({
    "titles", "raw_titles", "occupations", "occupation_names", "skills", "skill_keys", "places", "wished_places",
    "place_names", "education",
})


@lru_cache(maxsize=65536)
def _ranked_title(title):
    """``title`` as compared: cleaned, or folded when cleaning leaves nothing.

    Kept per title: a fair's titles repeat, and cleaning to a fixed point
    takes a dozen regular expressions per pass.
    """
    return clean_title(title) or fold(title)


@lru_cache(maxsize=16384)
def _place_parts(place):
    """The tokens of ``place`` and those it names itself (profile.stated_places).

    Kept per place as written: a fair's places repeat, and tokens take a
    scan of every district name.
    """
    tokens = place_tokens(place)
    return frozenset(tokens), frozenset(stated_places(tokens))


def _number(value):
    try:
        return float(value) if value is not None and value != "" else math.nan
    except (TypeError, ValueError):
        return math.nan


def _occupation_codes(record, titles, normalizer):
    given = record.get("occupations")
    if given is None and "occupation" in record:
        given = [record["occupation"]] if record["occupation"] else []
    codes, names = [], []
    for item in given or ():
        if isinstance(item, dict) and item.get("code") and item["code"] not in codes:
            codes.append(str(item["code"]))
            names.append(item.get("name") or "")
    if not codes:
        for title in titles:
            found = normalizer.normalize(title)
            if found and found.code not in codes:
                codes.append(found.code)
                names.append(found.name)
    return tuple(codes[:_MAX_TITLES]), tuple(names[:_MAX_TITLES])


def _posting_requirements(record):
    """A posting's ``(years, education, least pay, most pay, location)`` and which of years, education, pay and
    location were read from its description: an employer who leaves the form's fields blank often writes them
    there (the location in the title too: 工艺工程师（长寿化工园区）)."""
    stated = read_blank_fields(record)
    read = tuple(field in stated for field in ("experience_min_years", "education_min", "salary_min", "location"))
    record = {**record, **stated}
    experience = _number(record.get("experience_min_years"))
    education = education_code(record.get("education_min"))
    low, high = _number(record.get("salary_min")), _number(record.get("salary_max"))
    location = str(record["location"]) if record.get("location") else None
    return (experience, education, low, high, location), read


def _profile(record, kind, normalizer):
    """Derive a profile from a posting (``kind="posting"``) or seeker record."""
    experience_from_text = education_from_text = salary_from_text = location_from_text = False
    if kind == "posting":
        raw_titles = (str(record["title"]),) if record.get("title") else ()
        free_text = record.get("description") or ""
        (experience, education, low, high, location), read = _posting_requirements(record)
        experience_from_text, education_from_text, salary_from_text, location_from_text = read
        if math.isnan(high) and not math.isnan(low):
            high = low * 1.3
        if math.isnan(low) and not math.isnan(high):
            low = high * 0.7
        places_raw = (location,) if location else ()
    else:
        raw_titles = tuple(str(t) for t in (record.get("desired_titles") or ()) if t)[:_MAX_TITLES]
        low = high = _number(record.get("salary_expectation"))
        places_raw = tuple(str(p) for p in (record.get("locations") or ()) if p)
        experience = _number(record.get("experience_years"))
        education = education_code(record.get("education"))
        free_text = record.get("resume_text") or ""
    listed = [item for name in (record.get("skills") or ()) if name for item in skill_items(str(name))]
    skills = {}
    for name in listed:
        key = canonical_skill(name)
        if key and key not in skills:
            skills[key] = name
    keys = held_skills(listed, free_text) if kind == "seeker" else set(skills)
    skills = tuple(skills.items())
    places, wished_places = set(), set()
    for place in places_raw:
        tokens, stated = _place_parts(place)
        places |= tokens
        wished_places |= stated
    text = " ".join([*raw_titles, *listed, free_text])
    # A seeker who names no job but whose resume does is matched on the jobs it names.
    titles_from_text = kind == "seeker" and not raw_titles and bool(free_text)
    if titles_from_text:
        raw_titles = tuple(normalizer.titles_in_text(free_text, limit=_MAX_TITLES))
        titles_from_text = bool(raw_titles)
    codes, names = _occupation_codes(record, raw_titles, normalizer)
    # Likewise the years of work and the schooling a resume states, for a seeker who typed none.
    if kind == "seeker" and math.isnan(experience) and free_text:
        experience = read_experience(free_text)
        experience_from_text = experience is not None
        experience = math.nan if experience is None else experience
    if kind == "seeker" and education is None and free_text:
        education = read_education(free_text)
        education_from_text = education is not None
    return _Profile(
        id=int(record["id"]),
        titles=tuple(map(_ranked_title, raw_titles)),
        raw_titles=raw_titles,
        occupations=codes,
        occupation_names=names,
        skills=skills,
        skill_keys=frozenset(keys),
        education=education,
        education_rank=education_rank(education),
        experience=experience,
        salary_low=low,
        salary_high=high,
        places=frozenset(places),
        wished_places=frozenset(wished_places),
        place_names=places_raw,
        text=text,
        has_free_text=bool(free_text.strip()),
        titles_from_text=titles_from_text,
        experience_from_text=experience_from_text,
        education_from_text=education_from_text,
        salary_from_text=salary_from_text,
        location_from_text=location_from_text,
    )


# Role suffixes that end most Chinese job titles (焊工, 文员, 厨师), and their English counterparts.
# Two titles that share only these are different jobs: WRatio found 焊工 and 普工 50 % alike,
# 仓库叉车工 and 焊工 60 %, software engineer and civil engineer 69 %.
_ROLE_CHARACTERS = frozenset("工员师")
_ROLE_WORDS = frozenset({"worker", "staff", "clerk", "attendant", "officer", "operator", "specialist", "engineer",
                         "technician", "assistant", "manager"})


def _title_keys(text):
    """What titles are compared by: the characters of ``text`` (any whitespace as one, as WRatio's token
    ratios join words with a space), or the words of a title in Latin script alone (letters are always
    shared: welder and wedding planner were 60 % alike), but role suffixes, unless it has no other
    (员工 still meets 员工)."""
    if has_han(text):
        characters = {" " if character.isspace() else character for character in text}
        return characters - _ROLE_CHARACTERS or characters
    words = latin_words(text.lower())
    return words - _ROLE_WORDS or words


def _index_characters(by_character, texts, first_id):
    """Add ``texts`` (ids from ``first_id`` on) to ``by_character``: key (:func:`_title_keys`) -> ids of the texts
    that have it."""
    for text_id, text in enumerate(texts, first_id):
        for character in _title_keys(text):
            found = by_character.get(character)
            if found is None:
                found = by_character[character] = array("i")
            found.append(text_id)


def _sharing_a_character(by_character, text, size, start):
    """Ids from ``start`` to ``size`` of the texts indexed in ``by_character`` that share a key with ``text``."""
    shares = np.zeros(size, dtype=bool)
    for character in _title_keys(text):
        found = by_character.get(character)
        if found:
            shares[np.frombuffer(found, dtype=np.int32)] = True
    return np.flatnonzero(shares[start:]) + start


class _Side:
    """All slots of one kind of record (seekers or postings)."""

    _ARRAYS = {
        "ids": (np.int64, -1),
        "order": (np.int64, -1),
        "alive": (np.bool_, False),
        # Structured fields as small codes (0 = not given) scored through per-query tables:
        # seekers' facts, postings' requirements (minimum education/years, top of the salary range).
        "salary": (np.intp, 0),
        "n_skill_keys": (np.int16, 0),
        "n_listed": (np.int16, 0),
        "n_credentials": (np.int16, 0),
        "place_set": (np.intp, -1),  # id into place_sets; -1 none given
        # Id of the slot's titles and occupations together (slots repeat them: score each group once).
        "group": (np.intp, 0),
        # Education, years and "no skills given" in one code: one table lookup per query.
        "facts": (np.intp, 0),
        # Ids of the fields each factor's reason depends on (in self.parts), one column per factor.
        "reason_parts": (np.int32, 0),
    }
    _WIDTHS = {"reason_parts": N_PARTS}  # two-dimensional arrays: columns per slot

    def __init__(self, kind):
        self.kind = kind
        self.size = 0  # slots used, live and dead
        self.slot_of = {}
        self.profiles = []  # per slot; None once dead
        self.order_of = {}  # record id -> first-insertion order (ties keep input order)
        self.next_order = 0
        for name, (dtype, fill) in self._ARRAYS.items():
            setattr(self, name, np.full((0, self._WIDTHS[name]) if name in self._WIDTHS else 0, fill, dtype=dtype))
        self.parts = ReasonParts()  # per factor: distinct fields its reasons depend on, and their pieces
        self.used_titles = self.used_codes = 1  # positions any slot has used
        # Per group: ids into title_text / code_levels of its first, second and third title; -1 none.
        self.groups = Vocabulary()
        self.group_titles = [np.full(0, -1, dtype=np.intp) for _ in range(_MAX_TITLES)]
        self.group_codes = [np.full(0, -1, dtype=np.intp) for _ in range(_MAX_TITLES)]
        self.group_rows = {}  # (query titles, occupations) -> title and occupation fit per group
        self.text = Inverted()
        self.skills = Inverted()
        # Slots share few distinct sets of places: score the sets, then gather.
        self.place_sets = Vocabulary()
        self.place_set_anywhere = np.zeros(0, dtype=bool)
        self.sets_with_token = {}  # place token id -> ids of the sets that contain it
        self.sets_wishing_token = {}  # place token id -> ids of the sets that name it themselves (wished_places)
        self.place_rows = {}  # (query places, its wished places) -> fit of each place set
        self.document_frequency = np.zeros(1024, dtype=np.int32)
        self.title_ids = Vocabulary()
        self.title_text = []
        # Names of each distinct title's occupation in the other script (translations), flattened,
        # with the title id each belongs to: an English title meets a Chinese one through them.
        # Kept apart by script (Chinese titles' English names, English titles' Chinese names), so a
        # query is compared only with the translations written like itself.
        self.title_translations = {True: [], False: []}  # written in Chinese characters? -> names
        # Titles and translations in Latin script alone as word strings (_Side.word_string); None for others.
        self.title_words = []
        self.translation_words = []  # one per title_translations[False]
        self.word_codes = {}
        self.translation_owner = {True: np.zeros(0, dtype=np.intp), False: np.zeros(0, dtype=np.intp)}
        # Per character: the distinct titles, and per script the translations, that have it.
        self.titles_with_char = {}
        self.translations_with_char = {True: {}, False: {}}
        self._title_rows = {}
        self.code_ids = Vocabulary()
        # Per distinct code: its level prefixes as global ids (大类, 中类, 小类, full code).
        self.code_levels = np.full((0, 4), -1, dtype=np.int32)
        self.occupation_rows = {}  # query occupations -> agreement with each distinct code
        self.reasons = ReasonCache()

    @property
    def live(self):
        return len(self.slot_of)

    def add_title(self, title, translations):
        """Register a new distinct title and its occupation's names in the other script."""
        _index_characters(self.titles_with_char, [title], len(self.title_text))
        self.title_text.append(title)
        script = not has_han(title)  # the translations are in the other script
        self.title_words.append(self.word_string(title) if script else None)
        _index_characters(self.translations_with_char[script], translations, len(self.title_translations[script]))
        self.title_translations[script].extend(translations)
        if not script:
            self.translation_words.extend(map(self.word_string, translations))
        owner = np.full(len(translations), len(self.title_text) - 1, dtype=np.intp)
        self.translation_owner[script] = np.concatenate([self.translation_owner[script], owner])

    def title_similarity(self, title):
        """WRatio/100 of ``title`` against every distinct title of this side, or against
        the title's translations where those come closer ("forklift driver" ~ 叉车司机).

        Titles at a fair repeat a lot, so the row is kept per query title and
        only extended with the distinct titles that arrived since.
        """
        known = self._title_rows.get(title)
        if known is None or len(known) < len(self.title_text):
            start = 0 if known is None else len(known)
            # WRatio and ratio are 0 for two strings without a common character (whitespace of any
            # kind counting as one), and titles sharing only a role suffix count as unlike: only the
            # titles and translations that share another key (_title_keys: a character, or a word of a
            # title in Latin script alone) with ``title`` are compared.
            fresh = np.zeros(len(self.title_text) - start, dtype=np.float32)
            compared = _sharing_a_character(self.titles_with_char, title, len(self.title_text), start)
            script = has_han(title)
            query, titles, names = title, self.title_text, self.title_translations[script]
            if not script:
                # Word by word, as Chinese titles are compared character by character: letters made
                # forklift driver and bus driver 85 % alike (叉车司机 and 公交司机: 50 %).
                query, titles, names = self.word_string(title), self.title_words, self.translation_words
                compared = compared[[titles[i] is not None for i in compared.tolist()]]
            if len(compared):
                fresh[compared - start] = process.cdist([query], [titles[i] for i in compared.tolist()],
                                                        scorer=fuzz.WRatio, dtype=np.float32, workers=1)[0]
            owner = self.translation_owner[script]
            first = np.searchsorted(owner, start)
            compared = _sharing_a_character(self.translations_with_char[script], title, len(names), first)
            if len(compared):
                # Plain ratio: WRatio's partial matches find "cfo" in "forklift driver". A translation
                # is a step away from the title itself, so it never quite equals the same title.
                translated = process.cdist([query], [names[i] for i in compared.tolist()], scorer=fuzz.ratio,
                                           dtype=np.float32, workers=1)[0] * np.float32(_TRANSLATED_TITLE)
                np.maximum.at(fresh, owner[compared] - start, translated)
            fresh /= np.float32(100.0)
            known = fresh if known is None else np.concatenate([known, fresh])
            if len(self._title_rows) * len(self.title_text) >= _TITLE_CELLS:
                self._title_rows.clear()
            self._title_rows[title] = known
        return known

    def word_string(self, text):
        """``text`` in Latin script alone as one character per distinct word, in a fixed order (any order of
        the words reads the same): RapidFuzz then weighs whole words as it weighs Chinese characters."""
        codes, words = self.word_codes, latin_words(text)
        for word in words:
            if word not in codes:
                codes[word] = chr(_FIRST_WORD_CODE + len(codes) % _WORD_CODES)
        return "".join(sorted(codes[word] for word in words))

    def group_id(self, title_ids, code_ids):
        """Id of a combination of title and code ids, registered on first sight."""
        key = (title_ids, code_ids)
        group = self.groups.get(key)
        if group is None:
            group = self.groups[key] = len(self.groups)
            if group >= len(self.group_titles[0]):
                capacity = max(64, 2 * group)
                self.group_titles = [grow(column, capacity, -1) for column in self.group_titles]
                self.group_codes = [grow(column, capacity, -1) for column in self.group_codes]
            for position, title_id in enumerate(title_ids):
                self.group_titles[position][group] = title_id
            for position, code_id in enumerate(code_ids):
                self.group_codes[position][group] = code_id
        return group

    def reserve(self, needed):
        capacity = len(self.ids)
        if needed <= capacity:
            return
        capacity = max(needed, 2 * capacity, 64)
        for name, (_, fill) in self._ARRAYS.items():
            setattr(self, name, grow(getattr(self, name), capacity, fill))

    def count_features(self, features, delta):
        if len(features) and features.max() >= len(self.document_frequency):
            self.document_frequency = grow(self.document_frequency, 2 * int(features.max()) + 1, 0)
        self.document_frequency[features] += delta


class MatchIndex:
    """Seekers and postings of one fair, ranked against each other.

    Parameters
    ----------
    weights : dict, keyword-only
        Factor weights of recommendations (keys of :data:`DEFAULT_WEIGHTS`), and of
        shortlists unless ``shortlist_weights`` is given; normalised to sum 1.
    shortlist_weights : dict, keyword-only
        Factor weights of shortlists; defaults to ``weights`` when that is given,
        else to :data:`DEFAULT_SHORTLIST_WEIGHTS`.
    normalizer : OccupationNormalizer, keyword-only, optional
        Maps titles of records that carry no occupation; defaults to the packaged one.
    merge_fraction, compact_fraction : float, keyword-only
        Pending entries are merged into the main inverted lists when they exceed
        ``merge_fraction`` of them; dead slots are compacted away when they
        exceed ``compact_fraction`` of all slots.

    Examples
    --------
    >>> index = MatchIndex()
    >>> index.upsert_seekers([{"id": 1, "desired_titles": ["叉车司机"], "skills": ["叉车证"]},
    ...                       {"id": 2, "desired_titles": ["会计"], "skills": ["Excel"]}])
    >>> [m.id for m in index.shortlist({"id": 9, "title": "叉车工", "skills": ["叉车操作证"]}, limit=1)]
    [1]
    """

    def __init__(self, *, weights=None, shortlist_weights=None, normalizer=None, merge_fraction=0.05,
                 compact_fraction=0.3):
        if shortlist_weights is None:
            shortlist_weights = DEFAULT_SHORTLIST_WEIGHTS if weights is None else weights
        self.weights = _normalised(DEFAULT_WEIGHTS if weights is None else weights)
        self.shortlist_weights = _normalised(shortlist_weights)
        self.normalizer = normalizer
        self.merge_fraction = merge_fraction
        self.compact_fraction = compact_fraction
        self._features = Vocabulary()
        self._skill_ids = Vocabulary()
        # Per key: the either and preferred keys of postings (电工证/焊工证, 电工证优先) that holding it meets,
        # and the phrases it is a part of (医院: 医院保洁), met where every part is held.
        self._keys_met_by = {}
        self._phrases_with_part = {}
        self._place_ids = Vocabulary()
        self._level_ids = Vocabulary()
        self._shared = {}
        self._seekers = _Side("seeker")
        self._postings = _Side("posting")
        self._lock = threading.RLock()

    # -- updates -----------------------------------------------------------

    def upsert_seekers(self, records):
        """Add or replace seekers (plain dicts with at least ``id``)."""
        self._upsert(self._seekers, records)

    def upsert_postings(self, records):
        """Add or replace postings; a posting with ``status == "closed"`` is removed instead."""
        records = list(records)
        self._upsert(self._postings, [r for r in records if r.get("status", "open") != "closed"])
        self._remove(self._postings, [r["id"] for r in records if r.get("status", "open") == "closed"])

    def remove_seekers(self, ids):
        """Forget seekers by id (unknown ids are ignored)."""
        self._remove(self._seekers, ids)

    def remove_postings(self, ids):
        """Forget postings by id (unknown ids are ignored)."""
        self._remove(self._postings, ids)

    @property
    def n_seekers(self):
        """Number of seekers in the index."""
        return self._seekers.live

    @property
    def n_postings(self):
        """Number of open postings in the index."""
        return self._postings.live

    def _normalizer(self):
        return self.normalizer or default_normalizer()

    def _text_vector(self, text, *, grow_vocabulary, keep_unknown=False):
        """Feature ids and sublinear term frequencies of free text (id -1: a feature no record has had)."""
        counted = Counter(text_features(text))
        if grow_vocabulary:
            ids = [self._features.id(gram) for gram in counted]
        else:
            ids = [self._features.get(gram, -1) for gram in counted]
        features = np.asarray(ids, dtype=np.int32)
        counts = np.fromiter(counted.values(), dtype=np.float32, count=len(counted))
        known = features >= 0
        if not keep_unknown and not known.all():
            features, counts = features[known], counts[known]
        return features, 1.0 + np.log(counts)

    def _upsert(self, side, records):
        normalizer = self._normalizer()
        records = list(records)
        # Chunks bound the memory a bulk load holds at once.
        for start in range(0, len(records), _UPSERT_CHUNK):
            # The last version of a record in one batch wins.
            profiles = {}
            for record in records[start:start + _UPSERT_CHUNK]:
                profile = _profile(record, side.kind, normalizer)
                profiles[profile.id] = profile
            with self._lock:
                self._remove(side, list(profiles), keep_order=True)
                side.reserve(side.size + len(profiles))
                for profile in profiles.values():
                    self._add(side, profile)
        # Once per call: a bulk load merges its pending entries once, not per chunk.
        with self._lock:
            self._maintain(side)

    def _add(self, side, profile):
        slot = side.size
        side.size += 1
        order = side.order_of.get(profile.id)
        if order is None:
            order = side.order_of[profile.id] = side.next_order
            side.next_order += 1
        side.slot_of[profile.id] = slot
        profile = self._shared_parts(profile)
        side.profiles.append(profile)
        side.ids[slot] = profile.id
        side.order[slot] = order
        side.alive[slot] = True
        years = profile.experience
        years = 0 if math.isnan(years) else 1 + min(max(round(years * 2), 0), _MAX_YEAR_CODE)
        side.facts[slot] = _facts_code(profile.education_rank + 1, years, not profile.skill_keys)
        salary = profile.salary_low if side.kind == "seeker" else profile.salary_high
        side.salary[slot] = 0 if math.isnan(salary) else 1 + min(max(round(salary / _SALARY_STEP), 0), _MAX_SALARY_CODE)
        side.n_skill_keys[slot] = len(profile.skill_keys)
        side.n_listed[slot] = len(profile.skills)
        side.n_credentials[slot] = sum(1 for key, _ in profile.skills if is_credential(key))
        if profile.places:
            set_id = side.place_sets.id((profile.places, profile.wished_places))
            if set_id == len(side.place_set_anywhere):
                side.place_set_anywhere = np.append(side.place_set_anywhere, ANYWHERE in profile.places)
                for token in profile.places:
                    side.sets_with_token.setdefault(self._place_ids.id(token), []).append(set_id)
                for token in profile.wished_places:
                    side.sets_wishing_token.setdefault(self._place_ids.id(token), []).append(set_id)
            side.place_set[slot] = set_id
        title_ids = []
        for title in profile.titles:
            title_ids.append(side.title_ids.id(title))
            if title_ids[-1] == len(side.title_text):
                side.add_title(title, self._normalizer().other_script_names(title))
        code_ids = []
        for code in profile.occupations:
            code_ids.append(side.code_ids.id(code))
            if code_ids[-1] == len(side.code_levels):
                levels = code_levels(code)[:3] + (code,)
                row = [self._level_ids.id(level) if level else -1 for level in levels]
                side.code_levels = np.vstack([side.code_levels, np.asarray([row], dtype=np.int32)])
        side.used_titles = max(side.used_titles, len(title_ids))
        side.used_codes = max(side.used_codes, len(code_ids))
        side.group[slot] = side.group_id(tuple(title_ids), tuple(code_ids))
        side.reason_parts[slot] = side.parts.ids(profile)
        features, _ = self._text_vector(profile.text, grow_vocabulary=True)
        side.text.add(slot, features)
        side.count_features(features, 1)
        skill_ids = [self._skill_ids.id(key) for key in sorted(profile.skill_keys)]
        side.skills.add(slot, skill_ids)
        if side.kind == "posting":  # a recommendation finds the postings' either, preferred, years and well keys
            for key in profile.skill_keys:
                done_well = (key[len(WELL_PREFIX):],) if key.startswith(WELL_PREFIX) else ()
                for alternative in alternatives(key) or done_well:
                    self._keys_met_by.setdefault(alternative, set()).add(key)
                for part in parts_of(key):
                    self._phrases_with_part.setdefault(part, set()).add(key)
                for part in years_of_parts(key)[:1]:  # found by the first part (a seeker holds each), then checked
                    for alternative in alternatives(part):
                        self._phrases_with_part.setdefault(alternative, set()).add(key)

    def _shared_parts(self, profile):
        """The profile with equal titles, skill sets and places stored once across records."""
        shared = self._shared
        return profile._replace(**{
            name: shared.setdefault(value, value)
            for name, value in zip(profile._fields, profile)
            if name in _SHAREABLE
        })

    def _remove(self, side, ids, keep_order=False):
        with self._lock:
            for record_id in ids:
                slot = side.slot_of.pop(int(record_id), None)
                if slot is None:
                    continue
                if not keep_order:
                    side.order_of.pop(int(record_id), None)
                side.alive[slot] = False
                features, _ = self._text_vector(side.profiles[slot].text, grow_vocabulary=False)
                side.count_features(features, -1)
                side.profiles[slot] = None
            if not keep_order:
                self._maintain(side)

    def _maintain(self, side):
        dead = side.size - side.live
        if dead > 256 and dead > self.compact_fraction * side.size:
            self._compact(side)
        elif side.text.n_pending > max(_PENDING_ENTRIES, self.merge_fraction * side.text.n_main):
            for inverted in (side.text, side.skills):
                inverted.merge()

    def _compact(self, side):
        keep = np.flatnonzero(side.alive[: side.size])
        new_slot = np.full(side.size, -1, dtype=np.int64)
        new_slot[keep] = np.arange(len(keep))
        for inverted in (side.text, side.skills):
            inverted.compact(new_slot)
        for name, (_, fill) in side._ARRAYS.items():
            setattr(side, name, getattr(side, name)[keep].copy())
        side.size = len(keep)
        side.profiles = [side.profiles[slot] for slot in keep]
        side.slot_of = {profile.id: slot for slot, profile in enumerate(side.profiles)}

    # -- ranking -----------------------------------------------------------

    def shortlist(self, posting, *, limit=50, offset=0, exclude=(), only=None, reasons=True):
        """The seekers best matching ``posting``, best first, ties in insertion order.

        Parameters
        ----------
        posting : dict or int
            A posting record (DESIGN.md "Records"), which need not be in the
            index, or the id of a posting in the index (its indexed profile is
            used; ``KeyError`` if there is none).
        limit, offset : int, keyword-only
            Page size and start.
        exclude : iterable of int, keyword-only
            Seeker ids to leave out.
        only : iterable of int, keyword-only, optional
            Rank only these seeker ids (e.g. the ones who marked interest); ids not in the index are ignored.
        reasons : bool, keyword-only
            Explain each match (``False`` leaves ``Match.reasons`` empty: ranking only).

        Returns
        -------
        list of Match

        Examples
        --------
        >>> index = MatchIndex()
        >>> index.upsert_seekers([{"id": 7, "desired_titles": ["焊工"], "skills": ["焊工证"]}])
        >>> index.shortlist({"id": 1, "title": "电焊工", "skills": ["焊工证"]})[0].id
        7
        """
        query = self._query(posting, self._postings)
        return self._rank(query, self._seekers, limit=limit, offset=offset, exclude=exclude, only=only,
                          reasons=reasons)

    def recommend(self, seeker, *, limit=10, offset=0, exclude=(), only=None, reasons=True):
        """The open postings best matching ``seeker``, best first, ties in insertion order.

        Parameters
        ----------
        seeker : dict or int
            A seeker record (DESIGN.md "Records"), which need not be in the
            index, or the id of a seeker in the index (its indexed profile is
            used; ``KeyError`` if there is none).
        limit, offset : int, keyword-only
            Page size and start.
        exclude : iterable of int, keyword-only
            Posting ids to leave out.
        only : iterable of int, keyword-only, optional
            Rank only these posting ids (e.g. the ones a search found); ids not in the index are ignored.
        reasons : bool, keyword-only
            Explain each match (``False`` leaves ``Match.reasons`` empty: ranking only).

        Returns
        -------
        list of Match

        Examples
        --------
        >>> index = MatchIndex()
        >>> index.upsert_postings([{"id": 3, "title": "会计", "skills": ["Excel"]},
        ...                        {"id": 4, "title": "叉车司机", "skills": ["叉车证"]}])
        >>> [m.id for m in index.recommend({"id": 1, "desired_titles": ["出纳会计"]}, limit=1)]
        [3]
        """
        query = self._query(seeker, self._seekers)
        return self._rank(query, self._postings, limit=limit, offset=offset, exclude=exclude, only=only,
                          reasons=reasons)

    def _query(self, record, side):
        """The profile of a query record, or the indexed profile of the record with this id on ``side``."""
        if isinstance(record, dict):
            return _profile(record, side.kind, self._normalizer())
        # An indexed profile saves deriving it again (a resume's text features and skills).
        with self._lock:
            slot = side.slot_of.get(int(record))
            if slot is None:
                raise KeyError(f"no {side.kind} with id {record} in the index")
            return side.profiles[slot]

    def _rank(self, query, side, *, limit, offset, exclude, reasons, only=None):
        if limit < 0 or offset < 0:
            raise ValueError(f"limit and offset must be >= 0, got limit={limit}, offset={offset}")
        with self._lock:
            if not side.live or limit == 0:
                return []
            weights = self._query_weights(query, side)
            total, factors, not_compared = self._score(query, side, weights)
            np.clip(total, 0.0, 1.0, out=total)
            if side.live < side.size:
                total[~side.alive[: side.size]] = -1.0
            for record_id in exclude:
                slot = side.slot_of.get(int(record_id))
                if slot is not None:
                    total[slot] = -1.0
            if only is not None:
                kept = [slot for slot in map(side.slot_of.get, map(int, only)) if slot is not None]
                kept_scores = total[kept]
                total[:] = -1.0
                total[kept] = kept_scores
            slots = _top(total, side.order[: side.size], offset + limit)[offset:]
            slots = slots[total[slots] >= 0]
            ids = side.ids[slots].tolist()
            scores = np.round(total[slots].astype(np.float64), 4).tolist()
            if not reasons:
                return [Match(record_id, score, []) for record_id, score in zip(ids, scores)]
            values = np.array([at(slots) for at in factors.values()], dtype=np.float64).round(4)
            candidates = [side.profiles[slot] for slot in slots.tolist()]
            part_ids = side.reason_parts[slots]
            pieces = side.parts.pieces
        # Explaining needs only what was gathered above (profiles are never changed, only
        # replaced), so updates and other rankings need not wait for it.
        shown_weights = {name: round(weight, 4) for name, weight in weights.items()}
        explained = explain_page(query, candidates, side.kind == "seeker", list(factors), values,
                                 part_ids, pieces, shown_weights, side.reasons, not_compared=not_compared)
        return list(map(Match, ids, scores, explained))

    def _query_weights(self, query, side):
        """Factor weights for this query: without any title, text and skills carry the title's share."""
        weights = self.shortlist_weights if side.kind == "seeker" else self.weights
        if query.titles or query.occupations:
            return weights
        weights = dict(weights)
        freed = weights.pop("title", 0.0) + weights.pop("occupation", 0.0)
        weights["text"] = weights.get("text", 0.0) + 0.7 * freed
        weights["skills"] = weights.get("skills", 0.0) + 0.3 * freed
        return weights

    def _score(self, query, side, weights):
        """Every slot's weighted score, per factor a function giving its values at some slots, and
        the factors this query could not be compared on (they hold the neutral value).

        Each factor adds its weighted share through small pre-weighted tables
        (per group, fact code, salary code, place set) and sparse sums, so the
        full-size work is a few gathers and adds; factor values themselves are
        looked up only for the returned page.  Element-wise, not BLAS: a score
        must not depend on where its slot sits in memory, or equal profiles
        would tie-break by noise instead of insertion order.
        """
        size = side.size
        candidates_are_seekers = side.kind == "seeker"

        def weight(name):
            return np.float32(weights.get(name, 0.0))

        title, occupation = self._group_rows(query, side)
        share, listed, unlisted = self._skill_fit(query, side, size, candidates_are_seekers)
        fused = title * weight("title")
        fused += occupation * weight("occupation")
        groups, facts = side.group[:size], side.facts[:size]
        total = fused.take(groups)
        text = self._text_fit(query, side, size)
        total += weight("text") * (np.float32(_UNKNOWN) if text is None else text)
        if share is not None:
            total += share * weight("skills")
        salary_value = query.salary_high if candidates_are_seekers else query.salary_low
        query_facts = (
            candidates_are_seekers,
            query.education_rank,
            None if math.isnan(query.experience) else float(query.experience),
        )
        education, years = _education_table(*query_facts[:2]), _years_table(candidates_are_seekers, query_facts[2])
        salary = _salary_table(candidates_are_seekers, None if math.isnan(salary_value) else float(salary_value))
        # Candidates without skills get the skills factor through their fact code.
        skills_by_bit = (0.0 if share is not None else listed * weights.get("skills", 0.0),
                         unlisted * weights.get("skills", 0.0))
        total += _facts_table(*query_facts, weights.get("education", 0.0), weights.get("experience", 0.0),
                              skills_by_bit).take(facts)
        total += (salary * weight("salary")).take(side.salary[:size])
        places = self._place_fit(query, side)
        total += (places * weight("location")).take(side.place_set[:size])
        credential = self._credential_fit(query, side)
        if credential is not None:
            total *= credential
        factors = {
            "title": lambda slots: title.take(groups[slots]),
            "occupation": lambda slots: occupation.take(groups[slots]),
            "skills": lambda slots: np.where(facts[slots] % 2 == 1, np.float32(unlisted),
                                             np.float32(listed) if share is None else share[slots]),
            "text": (lambda slots: np.full(len(slots), _UNKNOWN, dtype=np.float32)) if text is None else
                    (lambda slots: text[slots]),
            "education": lambda slots: education.take(facts[slots] // (2 * _YEAR_CODES)),
            "experience": lambda slots: years.take(facts[slots] // 2 % _YEAR_CODES),
            "salary": lambda slots: salary.take(side.salary[slots]),
            "location": lambda slots: places.take(side.place_set[slots]),
        }
        return total, factors, frozenset() if text is not None else frozenset({"text"})

    def _group_rows(self, query, side):
        """Title similarity and occupation agreement of each group of the side (kept per query titles)."""
        n_groups = len(side.groups)
        key = (query.titles, query.occupations)
        rows = side.group_rows.get(key)
        if rows is None or len(rows[0]) < n_groups:
            rows = (self._title_fit(query, side, n_groups), self._occupation_fit(query, side, n_groups))
            for row in rows:
                row.flags.writeable = False
            if (len(side.group_rows) + 1) * n_groups > _GROUP_CELLS:
                side.group_rows.clear()
            side.group_rows[key] = rows
        return rows

    @staticmethod
    def _gather(per_distinct, columns, size, *, none=0.0):
        """Per row: best of ``per_distinct`` over its entries (one column each), later ones discounted.

        A row without any entry reads ``none``.
        """
        padded = np.append(per_distinct, np.float32(none))  # index -1 (no entry) reads the last value
        best = padded.take(columns[0][:size])
        if len(columns) > 1:
            padded[-1] = 0.0
            scratch = np.empty_like(best)
            for position, column in enumerate(columns[1:], 1):
                padded.take(column[:size], out=scratch)
                scratch *= _PREFERENCE[position]
                np.maximum(best, scratch, out=best)
        return best

    def _title_fit(self, query, side, n_groups):
        if not query.titles or not side.title_text:
            return np.zeros(n_groups, dtype=np.float32)
        per_title = side.title_similarity(query.titles[0])
        for rank, title in enumerate(query.titles[1:], 1):
            per_title = np.maximum(per_title, side.title_similarity(title) * _PREFERENCE[rank])
        return self._gather(per_title, side.group_titles[: side.used_titles], n_groups)

    def _occupation_fit(self, query, side, n_groups):
        if not query.occupations:
            return np.full(n_groups, _UNKNOWN * 0.5, dtype=np.float32)
        # Queries repeat their occupations; the row is redone only when the side saw new codes.
        per_code = side.occupation_rows.get(query.occupations)
        if per_code is None or len(per_code) < len(side.code_levels):
            per_code = np.zeros(len(side.code_levels), dtype=np.float32)
            for rank, code in enumerate(query.occupations):
                levels = code_levels(code)[:3] + (code,)
                for depth, level in enumerate(levels):
                    level_id = self._level_ids.get(level) if level else None
                    if level_id is None:
                        continue
                    hit = side.code_levels[:, depth] == level_id
                    np.maximum(per_code, hit * np.float32(_OCCUPATION_CREDIT[depth] * _PREFERENCE[rank]), out=per_code)
            if len(side.occupation_rows) >= _OCCUPATION_ROWS:
                side.occupation_rows.clear()
            side.occupation_rows[query.occupations] = per_code
        return self._gather(per_code, side.group_codes[: side.used_codes], n_groups, none=_UNKNOWN * 0.5)

    def _ids(self, vocabulary, keys):
        return np.fromiter((vocabulary[key] for key in keys if key in vocabulary), dtype=np.int64)

    def _skill_fit(self, query, side, size, candidates_are_seekers):
        """The skills factor as ``(share, listed, unlisted)``.

        A candidate without any skill reads ``unlisted``; one with skills reads
        its ``share`` (per slot), or ``listed`` when ``share`` is None.
        Seekers: share of the posting's listed skills the seeker has.
        Postings: share of each posting's listed skills the seeker has.
        """
        if candidates_are_seekers:
            if not query.skills:
                return None, 1.0, 1.0
            share = self._held_counts(side, [key for key, _ in query.skills], size)
            share /= np.float32(len(query.skills))
            return share, None, _UNKNOWN * 0.5
        if not query.skill_keys:
            return None, _UNKNOWN * 0.5, 1.0
        ids = self._ids(self._skill_ids, self._with_keys_met(query.skill_keys))
        held = side.skills.dot(ids, np.ones(len(ids)), size)
        return np.minimum(held / np.maximum(side.n_listed[:size], 1), np.float32(1.0)), None, 1.0

    def _held_counts(self, side, keys, size):
        """Per seeker slot: how many of a posting's ``keys`` it holds (an either or a preferred key once, by any
        of its keys)."""
        plain = [key for key in keys if not alternatives(key) and not parts_of(key) and not key.startswith(WELL_PREFIX)]
        ids = self._ids(self._skill_ids, plain)
        held = side.skills.dot(ids, np.ones(len(ids)), size)
        for key in keys:
            if key.startswith(WELL_PREFIX):  # held, and not said low (精通excel: not excel 一般)
                named = key[len(WELL_PREFIX):]
                held += np.maximum(self._hits(side, named, size) - self._hits(side, LOW_PREFIX + named, size), 0)
            elif years_of_parts(key):  # as written, or each part for as long (光伏EPC项目经理5年: 光伏项目经理3年以上)
                each_part = np.minimum.reduce([self._hits(side, part, size) for part in years_of_parts(key)])
                held += np.maximum(self._hits(side, key, size), each_part)
            elif alternatives(key):
                held += self._hits(side, key, size)
            elif parts_of(key):  # as written, or every part of it (人民医院做保洁 meets 医院保洁)
                each_part = np.minimum.reduce([self._hits(side, part, size) for part in parts_of(key)])
                held += np.maximum(self._hits(side, key, size), each_part)
        return held

    def _hits(self, side, key, size):
        """Per slot: 1 where the candidate holds ``key`` (any of its keys, for an either or a preferred key)."""
        ids = self._ids(self._skill_ids, alternatives(key) or (key,))
        return np.minimum(side.skills.dot(ids, np.ones(len(ids)), size), np.float32(1.0))

    def _with_keys_met(self, keys):
        """A seeker's keys and the postings' either and preferred keys that they meet."""
        # (A posting asking for a skill done well is not met by a seeker who said it low.)
        met = [either for key in keys for either in self._keys_met_by.get(key, ())
               if not either.startswith(WELL_PREFIX) or LOW_PREFIX + key not in keys]
        phrases = {phrase for key in keys for phrase in self._phrases_with_part.get(key, ())}
        met += [phrase for phrase in phrases if holds(keys, phrase)]
        return keys | frozenset(met) if met else keys

    def _text_fit(self, query, side, size):
        """IDF-weighted share of the query's text features that the candidate's text has.

        A candidate whose text holds every feature of the query scores 1, so an
        identical text is never outranked.  Only the rarest query features are
        summed, within a fixed budget of posting-list entries: common features
        are costly and tell little.  Weights depend on each feature's document
        frequency alone, so adding an unrelated record reorders nothing.

        ``None`` when the side's texts hold too little of the query's (an English
        resume among Chinese postings): the shares would rest on a few loanwords
        ("Excel"), so the texts are not compared.
        """
        features, values = self._text_vector(query.text, grow_vocabulary=False, keep_unknown=True)
        if not len(features):
            return np.zeros(size, dtype=np.float32)
        frequency = np.zeros(len(features), dtype=side.document_frequency.dtype)
        known = (features >= 0) & (features < len(side.document_frequency))
        frequency[known] = side.document_frequency[features[known]]
        present = frequency > 0
        # A feature no candidate has weighs as one that a single candidate has.
        everything = values * np.log1p(_IDF_SCALE / np.maximum(frequency, 1).astype(np.float32))
        if everything[present].sum() < _TEXT_COMPARABLE * everything.sum():
            return None
        features, values, frequency = features[present], values[present], frequency[present]
        rarest = np.lexsort((features, frequency))
        within = np.cumsum(frequency[rarest]) <= _TEXT_BUDGET
        within[0] = True  # the rarest feature always counts
        kept = rarest[within]
        weights = values[kept] * np.log1p(_IDF_SCALE / frequency[kept].astype(np.float32))
        share = side.text.dot(features[kept], weights / np.float32(weights.sum()), size)
        return np.minimum(share, np.float32(1.0), out=share)

    def _credential_fit(self, query, side):
        """Multiplier < 1 where the posting's required licences/certificates are not all held; None if none."""
        size = side.size
        if side.kind == "seeker":
            required = [key for key, _ in query.skills if is_credential(key)]
            if not required:
                return None
            missing = self._held_counts(side, required, size) < len(required)
            unknown = side.n_skill_keys[:size] == 0
        else:
            held = self._with_keys_met(query.skill_keys)
            ids = self._ids(self._skill_ids, [key for key in held if is_credential(key)])
            # A posting lists each credential once, so counting the held ones tells.
            missing = side.skills.dot(ids, np.ones(len(ids)), size) < side.n_credentials[:size]
            unknown = np.full(size, not query.skill_keys)
        penalty = np.where(unknown, np.float32(_UNKNOWN_CREDENTIAL), np.float32(_MISSING_CREDENTIAL))
        return np.where(missing, penalty, np.float32(1.0))

    def _place_fit(self, query, side):
        """Place fit per place set of the side; the last entry serves slots without places (index -1).

        Kept per query places: redone only when the side has seen new place sets.
        """
        key = (query.places, query.wished_places)
        per_set = side.place_rows.get(key)
        if per_set is None or len(per_set) != len(side.place_sets) + 1:
            per_set = self._place_row(query, side)
            per_set.flags.writeable = False
            if len(side.place_rows) >= _OCCUPATION_ROWS:
                side.place_rows.clear()
            side.place_rows[key] = per_set
        return per_set

    def _place_row(self, query, side):
        per_set = np.zeros(len(side.place_sets) + 1, dtype=np.float32)
        if not query.places:
            # A posting without a place fits anyone; a seeker without a preference is unknown.
            per_set[:] = 1.0 if side.kind == "seeker" else _UNKNOWN
            return per_set
        if ANYWHERE in query.places:
            per_set[:] = 1.0
            return per_set
        for token in query.places:
            sets = side.sets_with_token.get(self._place_ids.get(token))
            if sets:
                np.maximum.at(per_set, np.asarray(sets), np.float32(PLACE_CREDIT[token.split(":", 1)[0]]))
        # Where the posting lies within a place the seeker named (重庆 takes all its districts), it fits.
        if side.kind == "seeker":
            wished = [side.sets_wishing_token.get(self._place_ids.get(token)) for token in query.places]
        else:
            wished = [side.sets_with_token.get(self._place_ids.get(token)) for token in query.wished_places]
        for sets in wished:
            if sets:
                per_set[np.asarray(sets)] = 1.0
        per_set[:-1][side.place_set_anywhere] = 0.9
        per_set[-1] = _UNKNOWN if side.kind == "seeker" else 1.0
        return per_set


_YEAR_CODES = _MAX_YEAR_CODE + 2  # 0 = not given, then half years


def _normalised(weights):
    """Factor weights checked and scaled to sum 1."""
    weights = dict(weights)
    unknown = set(weights) - set(DEFAULT_WEIGHTS)
    if unknown:
        raise ValueError(f"unknown factor weights {sorted(unknown)}; expected some of {sorted(DEFAULT_WEIGHTS)}")
    total = sum(weights.values())
    if total <= 0 or min(weights.values()) < 0:
        raise ValueError("weights must be non-negative with a positive sum")
    return {name: value / total for name, value in weights.items()}


def _facts_code(education_code, years_code, no_skills):
    """One code for a slot's education code, years code and whether it gave no skills."""
    return (education_code * _YEAR_CODES + years_code) * 2 + int(no_skills)


@lru_cache(maxsize=4096)
def _facts_table(candidates_are_seekers, education, years, education_weight, years_weight, skills_by_bit):
    """Per fact code: weighted education and experience fit, plus the weighted skills factor by the no-skills bit.

    Arguments: the query's values as the fit tables take them, the two weights,
    and the skills share of candidates with (bit 0) and without (bit 1) skills.
    """
    table = (np.float32(education_weight) * _education_table(candidates_are_seekers, education))[:, None, None] \
        + (np.float32(years_weight) * _years_table(candidates_are_seekers, years))[None, :, None] \
        + np.asarray(skills_by_bit, dtype=np.float32)[None, None, :]
    return table.ravel()


# What each code stands for: education rank (-1 not given), years, CNY (NaN not given).
_CODE_VALUES = (
    np.arange(-1, 8, dtype=np.int16),
    np.concatenate([[np.nan], np.arange(_MAX_YEAR_CODE + 1) / 2.0]).astype(np.float32),
    np.concatenate([[np.nan], np.arange(_MAX_SALARY_CODE + 1) * float(_SALARY_STEP)]).astype(np.float32),
)


# Fit of every education, years and salary code against the query's value, kept per value: values repeat.
# Each table apart, so a query with a new salary reuses its education and years tables.
# ``None`` stands for a value not given (NaN would never hit the cache).
@lru_cache(maxsize=64)
def _education_table(candidates_are_seekers, rank):
    ranks = _CODE_VALUES[0]
    return _read_only(_education_fit(rank, ranks) if candidates_are_seekers else _education_fit(ranks, rank))


@lru_cache(maxsize=1024)
def _years_table(candidates_are_seekers, years):
    values, years = _CODE_VALUES[1], np.float32(np.nan if years is None else years)
    return _read_only(_years_fit(years, values) if candidates_are_seekers else _years_fit(values, years))


@lru_cache(maxsize=4096)
def _salary_table(candidates_are_seekers, salary):
    values, salary = _CODE_VALUES[2], np.float32(np.nan if salary is None else salary)
    return _read_only(_salary_fit(salary, values) if candidates_are_seekers else _salary_fit(values, salary))


def _read_only(table):
    table.flags.writeable = False
    return table


def _education_fit(minimum, actual):
    minimum, actual = np.broadcast_arrays(np.asarray(minimum, np.int16), np.asarray(actual, np.int16))
    fit = _FIT_EDUCATION[np.clip(minimum - actual, 0, 2)]
    fit = np.where(actual < 0, np.float32(_UNKNOWN), fit)
    return np.where(minimum < 0, np.float32(1.0), fit).astype(np.float32)


def _years_fit(minimum, actual):
    minimum, actual = np.broadcast_arrays(minimum, actual)
    with np.errstate(invalid="ignore", divide="ignore"):
        fit = np.minimum(actual / np.where(minimum > 0, minimum, np.float32(1.0)), 1.0)
    fit = np.where(np.isnan(actual), np.float32(_UNKNOWN), fit)
    return np.where(np.isnan(minimum) | (minimum <= 0), np.float32(1.0), fit).astype(np.float32)


def _salary_fit(high, expectation):
    high, expectation = np.broadcast_arrays(high, expectation)
    with np.errstate(invalid="ignore", divide="ignore"):
        # Asking within the range fits; every 10% above the top costs a quarter.
        fit = np.clip(1.0 - 2.5 * (expectation - high) / high, 0.0, 1.0)
    fit = np.where(np.isnan(expectation), np.float32(_UNKNOWN), fit)
    return np.where(np.isnan(high) | (high <= 0), np.float32(1.0), fit).astype(np.float32)


def _top(scores, order, count):
    """Slots of the ``count`` best scores, ties broken by insertion order."""
    count = min(count, len(scores))
    if count <= 0:
        return np.zeros(0, dtype=np.int64)
    candidates = None
    if count < len(scores) // _SAMPLE_SHARE:
        # A quantile of a strided sample is a cheap lower bound that usually leaves a few
        # times ``count`` slots above it; the exact selection then runs on those only.
        stride = max(1, len(scores) // _SAMPLE_SIZE)
        sample = scores[::stride]
        rank = min(len(sample), 3 * count // stride + 2)
        floor = np.partition(sample, len(sample) - rank)[len(sample) - rank]
        candidates = np.flatnonzero(scores >= floor)
        if len(candidates) < count:
            candidates = None  # the sample overshot: select over all
    if candidates is None:
        candidates = np.arange(len(scores))
    if count < len(candidates):
        values = scores[candidates]
        threshold = np.partition(values, len(values) - count)[len(values) - count]
        candidates = candidates[values >= threshold]
    ranked = candidates[np.lexsort((order[candidates], -scores[candidates]))]
    return ranked[:count]


def extract(query, choices, *, limit=5, weights=None):
    """Rank ``choices`` for ``query`` like ``rapidfuzz.process.extract``.

    ``query`` is a posting (it has ``title``) ranked against seeker records, or
    a seeker ranked against posting records.  Records need no ``id``.

    Returns
    -------
    list of (choice, score, index)
        Best first, ties in input order, at most ``limit``.

    Examples
    --------
    >>> seekers = [{"desired_titles": ["会计"]}, {"desired_titles": ["焊工"], "skills": ["焊工证"]}]
    >>> [(index, score > 0.5) for _, score, index in extract({"title": "电焊工", "skills": ["焊工证"]}, seekers, limit=1)]
    [(1, True)]
    """
    choices = list(choices)
    index = MatchIndex(weights=weights)
    records = [{**choice, "id": position} for position, choice in enumerate(choices)]
    if "title" in query:
        index.upsert_seekers(records)
        ranked = index.shortlist({**query, "id": -1}, limit=limit)
    else:
        index.upsert_postings(records)
        ranked = index.recommend({**query, "id": -1}, limit=limit)
    return [(choices[match.id], match.score, match.id) for match in ranked]
