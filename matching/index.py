"""The incremental hybrid match index: postings against seekers and back.

Each side (seekers, postings) is a set of slots.  Dense per-slot arrays hold
the structured fields (education rank, years, salary, occupation code at each
level, title ids); sparse *inverted* matrices (feature x slot) hold hashed
character n-grams, canonical skills and place tokens.  A query is scored
against every live slot with array operations only: a handful of
``np.bincount`` calls over the posting lists of the query's features, one
``rapidfuzz.process.cdist`` over the side's distinct titles and element-wise
numpy for the rest.  Reasons are built only for the returned page.

Updates are incremental: an upsert writes a new slot (the old one becomes a
tombstone) and lands in a small *pending* segment; pending rows merge into
the main inverted matrices when they exceed a fraction of them, and dead
slots are compacted away when they exceed a fraction of all slots, so the
cost is amortised.
"""
import math
import threading
from typing import NamedTuple

import numpy as np
import scipy.sparse as sp
from rapidfuzz import fuzz, process
from sklearn.feature_extraction.text import HashingVectorizer

from .occupations import code_levels, default_normalizer
from .profile import ANYWHERE, EDUCATION_LABELS, education_code, education_rank, place_tokens
from .skills import canonical_skill, expand_licences, is_credential, skill_label, skills_in_text
from .text import char_ngrams, clean_title, fold

__all__ = ["Match", "MatchIndex", "DEFAULT_WEIGHTS", "extract"]


class Match(NamedTuple):
    """One ranked candidate: its record id, score in [0, 1] and the reasons."""

    id: int
    score: float
    reasons: list


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
# Neutral value of a factor when the candidate did not give the data.
_UNKNOWN = 0.6
# Score multiplier when a required licence/certificate is missing: known
# missing (the candidate listed skills) or possibly missing (listed none).
_MISSING_CREDENTIAL = 0.7
_UNKNOWN_CREDENTIAL = 0.85
_TEXT_FEATURES = 2**20
_MAX_TITLES = 3
_OCCUPATION_CREDIT = (1.0, 0.75, 0.5, 0.25)  # same 细类, 小类, 中类, 大类
# A seeker lists desired titles in order of preference: later ones count a little less.
_PREFERENCE = np.array([1.0, 0.85, 0.8], dtype=np.float32)


def _text_analyzer(text):
    return char_ngrams(text, (1, 2))


_HASHER = HashingVectorizer(
    analyzer=_text_analyzer,
    n_features=_TEXT_FEATURES,
    alternate_sign=False,
    norm=None,
    dtype=np.float32,
)


class _Inverted:
    """A growing feature x slot sparse matrix: a main CSR plus pending rows."""

    def __init__(self):
        self.main = sp.csr_matrix((0, 0), dtype=np.float32)
        self.pending = {}  # slot -> (feature indices, values)
        self._pending_matrix = None

    def add(self, slot, indices, values):
        self.pending[slot] = (np.asarray(indices, dtype=np.int32), np.asarray(values, dtype=np.float32))
        self._pending_matrix = None

    def _pending_csr(self):
        if self._pending_matrix is None:
            slots = np.fromiter(self.pending, dtype=np.int64, count=len(self.pending))
            parts = list(self.pending.values())
            lengths = np.fromiter((len(p[0]) for p in parts), dtype=np.int64, count=len(parts))
            features = np.concatenate([p[0] for p in parts]) if parts else np.zeros(0, np.int32)
            values = np.concatenate([p[1] for p in parts]) if parts else np.zeros(0, np.float32)
            columns = np.repeat(slots, lengths)
            height = int(features.max()) + 1 if len(features) else 0
            self._pending_matrix = sp.csr_matrix(
                (values, (features, columns)), shape=(height, int(slots.max()) + 1 if len(slots) else 0)
            )
        return self._pending_matrix

    def merge(self, width):
        """Fold pending rows into the main matrix (columns up to ``width``)."""
        if not self.pending:
            return
        pending = self._pending_csr()
        height = max(self.main.shape[0], pending.shape[0])
        main = self.main
        main.resize((height, width))
        pending.resize((height, width))
        self.main = (main + pending).tocsr()
        self.main.sum_duplicates()
        self.pending = {}
        self._pending_matrix = None

    def remap(self, keep, width):
        """Keep only columns ``keep`` (old slot numbers, in order) after merging."""
        self.merge(max(width, self.main.shape[1]))
        self.main = self.main[:, keep].tocsr() if self.main.shape[0] else sp.csr_matrix((0, len(keep)), dtype=np.float32)

    def dot(self, features, weights, width):
        """Sum over the query features of weight x value, for every slot (dense)."""
        total = np.zeros(width, dtype=np.float32)
        for matrix in (self.main, self._pending_csr() if self.pending else None):
            if matrix is None or not len(features):
                continue
            inside = features < matrix.shape[0]
            if not inside.any():
                continue
            rows = matrix[features[inside]]
            repeated = np.repeat(np.asarray(weights, dtype=np.float32)[inside], np.diff(rows.indptr))
            total[: rows.shape[1]] += np.bincount(rows.indices, weights=repeated * rows.data, minlength=rows.shape[1])[
                :width
            ].astype(np.float32)
        return total


class _Profile(NamedTuple):
    """What a record brings to scoring, derived once per upsert."""

    id: int
    titles: tuple  # cleaned titles (posting: one; seeker: desired titles)
    raw_titles: tuple
    occupations: tuple  # codes
    occupation_names: tuple
    skills: dict  # canonical key -> name as written (listed skills only)
    skill_keys: frozenset  # listed + found in free text (+ covered licences for seekers)
    education: str  # API code or None
    education_rank: int
    experience: float  # nan when unknown
    salary_low: float
    salary_high: float
    places: frozenset
    place_names: tuple
    text: str


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
        if isinstance(item, dict) and item.get("code"):
            codes.append(item["code"])
            names.append(item.get("name") or "")
    if not codes:
        for title in titles:
            found = normalizer.normalize(title)
            if found and found.code not in codes:
                codes.append(found.code)
                names.append(found.name)
    return tuple(codes[:_MAX_TITLES]), tuple(names[:_MAX_TITLES])


def _profile(record, kind, normalizer):
    """Derive a profile from a posting (``kind="posting"``) or seeker record."""
    if kind == "posting":
        raw_titles = (record.get("title") or "",) if record.get("title") else ()
        low, high = _number(record.get("salary_min")), _number(record.get("salary_max"))
        if math.isnan(high) and not math.isnan(low):
            high = low * 1.3
        if math.isnan(low) and not math.isnan(high):
            low = high * 0.7
        places_raw = (record.get("location"),) if record.get("location") else ()
        experience = _number(record.get("experience_min_years"))
        education = education_code(record.get("education_min"))
        free_text = record.get("description") or ""
    else:
        raw_titles = tuple(t for t in (record.get("desired_titles") or ()) if t)[:_MAX_TITLES]
        low = high = _number(record.get("salary_expectation"))
        places_raw = tuple(p for p in (record.get("locations") or ()) if p)
        experience = _number(record.get("experience_years"))
        education = education_code(record.get("education"))
        free_text = record.get("resume_text") or ""
    titles = tuple(clean_title(t) or fold(t) for t in raw_titles)
    occupations, occupation_names = _occupation_codes(record, raw_titles, normalizer)
    skills = {}
    for name in record.get("skills") or ():
        key = canonical_skill(name)
        if key and key not in skills:
            skills[key] = str(name)
    keys = set(skills)
    if kind == "seeker":
        keys |= skills_in_text(free_text)
        keys = expand_licences(keys)
    places = set()
    for place in places_raw:
        places |= place_tokens(place)
    text = " ".join([*raw_titles, *(record.get("skills") or ()), free_text])
    return _Profile(
        id=int(record["id"]),
        titles=titles,
        raw_titles=raw_titles,
        occupations=occupations,
        occupation_names=occupation_names,
        skills=skills,
        skill_keys=frozenset(keys),
        education=education,
        education_rank=education_rank(education),
        experience=experience,
        salary_low=low,
        salary_high=high,
        places=frozenset(places),
        place_names=places_raw,
        text=text,
    )


class _Vocabulary(dict):
    """String -> dense id, growing."""

    def id(self, key):
        found = self.get(key)
        if found is None:
            found = self[key] = len(self)
        return found


class _Side:
    """All slots of one kind of record (seekers or postings)."""

    _ARRAYS = {
        "ids": (np.int64, -1),
        "order": (np.int64, -1),
        "alive": (np.bool_, False),
        "education": (np.int8, -1),
        "experience": (np.float32, np.nan),
        "salary_low": (np.float32, np.nan),
        "salary_high": (np.float32, np.nan),
        "n_skills": (np.float32, 0),
        "n_listed": (np.float32, 0),
        "n_credentials": (np.float32, 0),
        "has_places": (np.bool_, False),
        "anywhere": (np.bool_, False),
    }
    _MATRICES = {"titles": np.int32, "occ1": np.int32, "occ2": np.int32, "occ3": np.int32, "occ4": np.int32}

    def __init__(self, kind):
        self.kind = kind
        self.size = 0  # slots used (live + dead)
        self.capacity = 0
        self.slot_of = {}
        self.profiles = []  # per slot, None when dead
        self.next_order = 0
        self.order_of = {}
        for name, (dtype, fill) in self._ARRAYS.items():
            setattr(self, name, np.full(0, fill, dtype=dtype))
        for name, dtype in self._MATRICES.items():
            setattr(self, name, np.full((0, _MAX_TITLES), -1, dtype=dtype))
        self.text = _Inverted()
        self.skills = _Inverted()
        self.places = _Inverted()
        self.document_frequency = np.zeros(_TEXT_FEATURES, dtype=np.int32)
        self.titles_text = []  # distinct cleaned titles seen on this side
        self.title_ids = _Vocabulary()

    @property
    def live(self):
        return len(self.slot_of)

    def _grow(self, needed):
        if needed <= self.capacity:
            return
        capacity = max(needed, 2 * self.capacity, 64)
        for name, (dtype, fill) in self._ARRAYS.items():
            array = np.full(capacity, fill, dtype=dtype)
            array[: self.size] = getattr(self, name)[: self.size]
            setattr(self, name, array)
        for name, dtype in self._MATRICES.items():
            array = np.full((capacity, _MAX_TITLES), -1, dtype=dtype)
            array[: self.size] = getattr(self, name)[: self.size]
            setattr(self, name, array)
        self.capacity = capacity


class MatchIndex:
    """Seekers and postings of one fair, ranked against each other.

    Parameters
    ----------
    weights : dict, keyword-only
        Factor weights (keys of :data:`DEFAULT_WEIGHTS`); normalised to sum 1.
    normalizer : OccupationNormalizer, keyword-only, optional
        Used for records that carry no occupation; defaults to the packaged one.
    merge_fraction, compact_fraction : float, keyword-only
        When pending rows exceed ``merge_fraction`` of the main segment they are
        merged; when dead slots exceed ``compact_fraction`` of all slots the
        side is compacted.

    Examples
    --------
    >>> index = MatchIndex()
    >>> index.upsert_seekers([{"id": 1, "desired_titles": ["叉车司机"], "skills": ["叉车证"]},
    ...                       {"id": 2, "desired_titles": ["会计"], "skills": ["Excel"]}])
    >>> [m.id for m in index.shortlist({"id": 9, "title": "叉车工", "skills": ["叉车操作证"]}, limit=1)]
    [1]
    """

    def __init__(self, *, weights=None, normalizer=None, merge_fraction=0.1, compact_fraction=0.3):
        self.weights = dict(DEFAULT_WEIGHTS if weights is None else weights)
        unknown = set(self.weights) - set(DEFAULT_WEIGHTS)
        if unknown:
            raise ValueError(f"unknown factor weights: {sorted(unknown)}; expected some of {sorted(DEFAULT_WEIGHTS)}")
        total = sum(self.weights.values())
        if total <= 0:
            raise ValueError("weights must have a positive sum")
        self.weights = {name: value / total for name, value in self.weights.items()}
        self.normalizer = normalizer
        self.merge_fraction = merge_fraction
        self.compact_fraction = compact_fraction
        self._codes = _Vocabulary()
        self._skill_ids = _Vocabulary()
        self._place_ids = _Vocabulary()
        self._seekers = _Side("seeker")
        self._postings = _Side("posting")
        self._lock = threading.RLock()

    # -- updates -----------------------------------------------------------

    def upsert_seekers(self, records):
        """Add or replace seekers (plain dicts with at least ``id``)."""
        self._upsert(self._seekers, records)

    def upsert_postings(self, records):
        """Add or replace postings; closed postings are removed instead."""
        records = list(records)
        closed = [r["id"] for r in records if r.get("status", "open") == "closed"]
        self._upsert(self._postings, [r for r in records if r.get("status", "open") != "closed"])
        self.remove_postings(closed)

    def remove_seekers(self, ids):
        """Forget seekers by id (unknown ids are ignored)."""
        self._remove(self._seekers, ids)

    def remove_postings(self, ids):
        """Forget postings by id (unknown ids are ignored)."""
        self._remove(self._postings, ids)

    @property
    def n_seekers(self):
        return self._seekers.live

    @property
    def n_postings(self):
        return self._postings.live

    def _normalizer(self):
        return self.normalizer or default_normalizer()

    def _upsert(self, side, records):
        records = list(records)
        if not records:
            return
        normalizer = self._normalizer()
        profiles = [_profile(record, side.kind, normalizer) for record in records]
        # The last version of a record in one batch wins.
        latest = {profile.id: profile for profile in profiles}
        profiles = list(latest.values())
        counts = _HASHER.transform([p.text for p in profiles]).tocsr()
        counts.data = 1.0 + np.log(counts.data)
        norms = np.sqrt(np.asarray(counts.multiply(counts).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        with self._lock:
            self._remove(side, [p.id for p in profiles], keep_order=True)
            side._grow(side.size + len(profiles))
            for row, profile in enumerate(profiles):
                slot = side.size
                side.size += 1
                order = side.order_of.get(profile.id)
                if order is None:
                    order = side.order_of[profile.id] = side.next_order
                    side.next_order += 1
                side.slot_of[profile.id] = slot
                side.profiles.append(profile)
                self._fill_slot(side, slot, profile, order)
                start, stop = counts.indptr[row], counts.indptr[row + 1]
                features = counts.indices[start:stop]
                side.text.add(slot, features, counts.data[start:stop] / norms[row])
                side.document_frequency[features] += 1
            self._maintain(side)

    def _fill_slot(self, side, slot, profile, order):
        side.ids[slot] = profile.id
        side.order[slot] = order
        side.alive[slot] = True
        side.education[slot] = profile.education_rank
        side.experience[slot] = profile.experience
        side.salary_low[slot] = profile.salary_low
        side.salary_high[slot] = profile.salary_high
        side.n_skills[slot] = len(profile.skill_keys)
        side.n_listed[slot] = len(profile.skills)
        side.n_credentials[slot] = sum(1 for key in profile.skills if is_credential(key))
        side.has_places[slot] = bool(profile.places)
        side.anywhere[slot] = ANYWHERE in profile.places
        for position, title in enumerate(profile.titles[:_MAX_TITLES]):
            title_id = side.title_ids.id(title)
            if title_id == len(side.titles_text):
                side.titles_text.append(title)
            side.titles[slot, position] = title_id
        for position, code in enumerate(profile.occupations[:_MAX_TITLES]):
            # The full code sits in the finest column, so equal coarse codes count as the same occupation.
            levels = code_levels(code)[:3] + (code,)
            for depth, name in enumerate(("occ1", "occ2", "occ3", "occ4")):
                if levels[depth] is not None:
                    getattr(side, name)[slot, position] = self._codes.id(levels[depth])
        skill_ids = [self._skill_ids.id(key) for key in sorted(profile.skill_keys)]
        side.skills.add(slot, skill_ids, np.ones(len(skill_ids)))
        place_ids = [self._place_ids.id(token) for token in sorted(profile.places) if token != ANYWHERE]
        side.places.add(slot, place_ids, np.ones(len(place_ids)))

    def _remove(self, side, ids, keep_order=False):
        with self._lock:
            for record_id in ids:
                slot = side.slot_of.pop(int(record_id), None)
                if slot is None:
                    continue
                if not keep_order:
                    side.order_of.pop(int(record_id), None)
                side.alive[slot] = False
                # Re-hashing the stored text is cheaper than slicing a column of the main matrix.
                features = _HASHER.transform([side.profiles[slot].text]).indices
                side.document_frequency[features] -= 1
                side.profiles[slot] = None
                for inverted in (side.text, side.skills, side.places):
                    if slot in inverted.pending:
                        del inverted.pending[slot]
                        inverted._pending_matrix = None
            if not keep_order:
                self._maintain(side)

    def _maintain(self, side):
        dead = side.size - side.live
        if dead > 1000 and dead > self.compact_fraction * side.size:
            self._compact(side)
            return
        main_width = side.text.main.shape[1]
        if len(side.text.pending) > max(256, self.merge_fraction * main_width):
            for inverted in (side.text, side.skills, side.places):
                inverted.merge(side.size)

    def _compact(self, side):
        keep = np.flatnonzero(side.alive[: side.size])
        for inverted in (side.text, side.skills, side.places):
            inverted.remap(keep, side.size)
        for name in list(side._ARRAYS) + list(side._MATRICES):
            array = getattr(side, name)
            setattr(side, name, array[keep].copy())
        side.capacity = side.size = len(keep)
        side.profiles = [side.profiles[slot] for slot in keep]
        side.slot_of = {profile.id: slot for slot, profile in enumerate(side.profiles)}

    # -- ranking -----------------------------------------------------------

    def shortlist(self, posting, *, limit=50, offset=0, exclude=()):
        """The seekers best matching ``posting`` (a posting record), best first.

        Parameters
        ----------
        posting : dict
            A posting record (DESIGN.md); it need not be in the index.
        limit, offset : int, keyword-only
            Page size and start.
        exclude : iterable of int, keyword-only
            Seeker ids to leave out.

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
        query = _profile(posting, "posting", self._normalizer())
        return self._rank(query, self._seekers, limit=limit, offset=offset, exclude=exclude)

    def recommend(self, seeker, *, limit=10, offset=0, exclude=()):
        """The open postings best matching ``seeker`` (a seeker record), best first.

        Examples
        --------
        >>> index = MatchIndex()
        >>> index.upsert_postings([{"id": 3, "title": "会计", "skills": ["Excel"]},
        ...                        {"id": 4, "title": "叉车司机", "skills": ["叉车证"]}])
        >>> [m.id for m in index.recommend({"id": 1, "desired_titles": ["出纳会计"]}, limit=1)]
        [3]
        """
        query = _profile(seeker, "seeker", self._normalizer())
        return self._rank(query, self._postings, limit=limit, offset=offset, exclude=exclude)

    def _rank(self, query, side, *, limit, offset, exclude):
        if limit < 0 or offset < 0:
            raise ValueError(f"limit and offset must be >= 0, got limit={limit}, offset={offset}")
        with self._lock:
            if not side.live or limit == 0:
                return []
            factors = self._factors(query, side)
            total = np.zeros(side.size, dtype=np.float32)
            weights = self._query_weights(query)
            for name, values in factors.items():
                total += weights.get(name, 0.0) * values
            total *= self._credential_fit(query, side)
            np.clip(total, 0.0, 1.0, out=total)
            total[~side.alive[: side.size]] = -1.0
            for record_id in exclude:
                slot = side.slot_of.get(int(record_id))
                if slot is not None:
                    total[slot] = -1.0
            slots = _top(total, side.order[: side.size], offset + limit)[offset:]
            return [
                Match(int(side.ids[slot]), round(float(total[slot]), 4), self._reasons(query, side, slot, factors, weights))
                for slot in slots
                if total[slot] >= 0
            ]

    def _factors(self, query, side):
        size = side.size
        seekers_are_candidates = side.kind == "seeker"
        factors = {}
        # Title: fuzzy similarity against the side's distinct titles.
        title_score = np.zeros(size, dtype=np.float32)
        if query.titles and side.titles_text:
            similarity = process.cdist(
                list(query.titles), side.titles_text, scorer=fuzz.WRatio, dtype=np.float32, workers=1
            )
            similarity = (similarity * _PREFERENCE[: len(query.titles), None]).max(axis=0)
            padded = np.append(similarity / 100.0, np.float32(0.0))
            title_score = (padded[side.titles[:size]] * _PREFERENCE).max(axis=1)
        factors["title"] = title_score
        # Occupation agreement along the code hierarchy.
        occupation = np.zeros(size, dtype=np.float32)
        for rank, code in enumerate(query.occupations):
            levels = code_levels(code)[:3] + (code,)
            discount = _PREFERENCE[rank]
            for depth in range(3, -1, -1):
                level_id = self._codes.get(levels[depth]) if levels[depth] else None
                if level_id is None:
                    continue
                column = getattr(side, ("occ1", "occ2", "occ3", "occ4")[depth])[:size]
                hit = ((column == level_id) * _PREFERENCE).max(axis=1)
                np.maximum(occupation, hit * (_OCCUPATION_CREDIT[3 - depth] * discount), out=occupation)
        if not query.occupations:
            occupation[:] = _UNKNOWN * 0.5
        factors["occupation"] = occupation
        # Skills: share of the requirement side's skills the candidate covers.
        skill_ids = np.fromiter(
            (self._skill_ids[k] for k in (query.skills if seekers_are_candidates else query.skill_keys) if k in self._skill_ids),
            dtype=np.int64,
        )
        matched = side.skills.dot(skill_ids, np.ones(len(skill_ids)), size)
        if seekers_are_candidates:
            if query.skills:
                skills = matched / len(query.skills)
                skills = np.where(side.n_skills[:size] == 0, _UNKNOWN * 0.5, skills)
            else:
                skills = np.full(size, 1.0, dtype=np.float32)
        else:
            required = side.n_listed[:size]
            skills = np.where(required > 0, matched / np.maximum(required, 1), 1.0)
            if not query.skill_keys:
                skills = np.where(required > 0, _UNKNOWN * 0.5, 1.0)
        factors["skills"] = np.clip(skills, 0.0, 1.0).astype(np.float32)
        # Text: cosine of hashed char n-grams, query weighted by the side's IDF.
        counts = _HASHER.transform([query.text])
        features = counts.indices.astype(np.int64)
        if len(features):
            frequency = side.document_frequency[features].astype(np.float32)
            idf = np.log1p((side.live - frequency + 0.5) / (frequency + 0.5))
            weights = (1.0 + np.log(counts.data)) * idf
            norm = float(np.sqrt((weights**2).sum())) or 1.0
            factors["text"] = np.clip(side.text.dot(features, weights / norm, size), 0.0, 1.0)
        else:
            factors["text"] = np.zeros(size, dtype=np.float32)
        # Structured fit: the posting states the minimums, the seeker the facts.
        if seekers_are_candidates:
            posting_edu = np.int8(query.education_rank)
            seeker_edu = side.education[:size]
            posting_exp, seeker_exp = np.float32(query.experience), side.experience[:size]
            low, high = np.float32(query.salary_low), np.float32(query.salary_high)
            expectation = side.salary_low[:size]
        else:
            posting_edu, seeker_edu = side.education[:size], np.int8(query.education_rank)
            posting_exp, seeker_exp = side.experience[:size], np.float32(query.experience)
            low, high = side.salary_low[:size], side.salary_high[:size]
            expectation = np.float32(query.salary_low)
        factors["education"] = _education_fit(posting_edu, seeker_edu, size)
        factors["experience"] = _experience_fit(posting_exp, seeker_exp, size)
        factors["salary"] = _salary_fit(low, high, expectation, size)
        factors["location"] = self._place_fit(query, side, size)
        return factors

    def _query_weights(self, query):
        """Factor weights for this query: without any title, text and skills carry the title's share."""
        if query.titles or query.occupations:
            return self.weights
        weights = dict(self.weights)
        freed = weights.pop("title", 0.0) + weights.pop("occupation", 0.0)
        weights["text"] = weights.get("text", 0.0) + 0.7 * freed
        weights["skills"] = weights.get("skills", 0.0) + 0.3 * freed
        return weights

    def _credential_fit(self, query, side):
        """Multiplier < 1 where the posting's required licences/certificates are not all held."""
        size = side.size
        if side.kind == "seeker":
            required = [key for key in query.skills if is_credential(key)]
            if not required:
                return np.ones(size, dtype=np.float32)
            ids = np.array([self._skill_ids.get(key, -1) for key in required], dtype=np.int64)
            held = side.skills.dot(ids[ids >= 0], np.ones(int((ids >= 0).sum())), size)
            missing = held < len(required)
            unknown = side.n_skills[:size] == 0
        else:
            held_keys = [key for key in query.skill_keys if is_credential(key) and key in self._skill_ids]
            ids = np.array([self._skill_ids[key] for key in held_keys], dtype=np.int64)
            # Postings list credentials once each, so the count of held ones tells.
            held = side.skills.dot(ids, np.ones(len(ids)), size)
            missing = held < side.n_credentials[:size]
            unknown = np.full(size, not query.skill_keys)
        return np.where(missing, np.where(unknown, _UNKNOWN_CREDENTIAL, _MISSING_CREDENTIAL), 1.0).astype(np.float32)

    def _place_fit(self, query, side, size):
        if not query.places:
            return np.full(size, 1.0 if side.kind == "posting" else _UNKNOWN, dtype=np.float32)
        if ANYWHERE in query.places:
            return np.full(size, 1.0, dtype=np.float32)
        fit = np.zeros(size, dtype=np.float32)
        credit = {"district": 1.0, "area": 0.7, "city": 0.5, "place": 1.0}
        for token in query.places:
            token_id = self._place_ids.get(token)
            if token_id is None:
                continue
            hits = side.places.dot(np.array([token_id]), np.ones(1), size) > 0
            np.maximum(fit, np.where(hits, credit[token.split(":", 1)[0]], 0.0), out=fit)
        fit[side.anywhere[:size]] = 0.9
        fit[~side.has_places[:size]] = _UNKNOWN if side.kind == "seeker" else 1.0
        return fit

    # -- reasons -----------------------------------------------------------

    def _reasons(self, query, side, slot, factors, weights):
        candidate = side.profiles[slot]
        posting, seeker = (query, candidate) if side.kind == "seeker" else (candidate, query)
        reasons = []

        def add(factor, zh, en, **details):
            reasons.append(
                {
                    "factor": factor,
                    "score": round(float(factors[factor][slot]), 4),
                    "weight": round(weights.get(factor, 0.0), 4),
                    "text": {"zh": zh, "en": en},
                    **details,
                }
            )

        title_score = float(factors["title"][slot])
        add(
            "title",
            f"职位名称相似度 {title_score:.0%}：{_join_zh(seeker.raw_titles) or '未填写'} ↔ {_join_zh(posting.raw_titles) or '未填写'}",
            f"Title similarity {title_score:.0%}: {_join_en(seeker.raw_titles) or 'not given'} vs {_join_en(posting.raw_titles) or 'not given'}",
            required=list(posting.raw_titles),
            actual=list(seeker.raw_titles),
        )
        add("occupation", *_occupation_text(posting, seeker, float(factors["occupation"][slot])),
            required=[{"code": c, "name": n} for c, n in zip(posting.occupations, posting.occupation_names)],
            actual=[{"code": c, "name": n} for c, n in zip(seeker.occupations, seeker.occupation_names)])
        required = posting.skills
        matched = [name for key, name in required.items() if key in seeker.skill_keys]
        missing = [name for key, name in required.items() if key not in seeker.skill_keys]
        matched_en = [skill_label(key, name)[1] for key, name in required.items() if key in seeker.skill_keys]
        missing_en = [skill_label(key, name)[1] for key, name in required.items() if key not in seeker.skill_keys]
        if not required:
            zh, en = "岗位未列出技能要求", "The posting lists no required skills"
        else:
            zh = f"技能匹配：{_join_zh(matched) or '无'}" + (f"；缺少：{_join_zh(missing)}" if missing else "")
            en = f"Skills matched: {_join_en(matched_en) or 'none'}" + (f"; missing: {_join_en(missing_en)}" if missing else "")
        credentials = [name for key, name in required.items() if key not in seeker.skill_keys and is_credential(key)]
        if credentials:
            zh += f"（必需证照未见：{_join_zh(credentials)}）"
            en += f" (required licence or certificate not shown: {_join_en(skill_label(canonical_skill(c), c)[1] for c in credentials)})"
        add("skills", zh, en, matched=matched, missing=missing, required=list(required.values()),
            actual=list(seeker.skills.values()), missing_credentials=credentials)
        text_score = float(factors["text"][slot])
        add("text", f"简历与岗位描述的文字相似度 {text_score:.0%}", f"Resume and job description text similarity {text_score:.0%}")
        add("education", *_education_text(posting, seeker), required=posting.education, actual=seeker.education)
        add("experience", *_experience_text(posting, seeker),
            required=_maybe_int(posting.experience), actual=_maybe_int(seeker.experience))
        add("salary", *_salary_text(posting, seeker),
            required={"min": _maybe_int(posting.salary_low), "max": _maybe_int(posting.salary_high)},
            actual=_maybe_int(seeker.salary_low))
        add("location", *_location_text(posting, seeker, float(factors["location"][slot])),
            required=list(posting.place_names), actual=list(seeker.place_names))
        return reasons


def _top(scores, order, count):
    """Slots of the ``count`` best scores, ties broken by insertion order."""
    count = min(count, len(scores))
    if count <= 0:
        return np.zeros(0, dtype=np.int64)
    if count < len(scores):
        threshold = np.partition(scores, len(scores) - count)[len(scores) - count]
        candidates = np.flatnonzero(scores >= threshold)
    else:
        candidates = np.arange(len(scores))
    ranked = candidates[np.lexsort((order[candidates], -scores[candidates]))]
    return ranked[:count]


def _education_fit(minimum, actual, size):
    minimum = np.broadcast_to(np.asarray(minimum, dtype=np.int16), (size,))
    actual = np.broadcast_to(np.asarray(actual, dtype=np.int16), (size,))
    gap = minimum - actual
    fit = np.where(gap <= 0, 1.0, np.where(gap == 1, 0.5, 0.1))
    fit = np.where(actual < 0, _UNKNOWN, fit)
    return np.where(minimum < 0, 1.0, fit).astype(np.float32)


def _experience_fit(minimum, actual, size):
    minimum = np.broadcast_to(np.asarray(minimum, dtype=np.float32), (size,))
    actual = np.broadcast_to(np.asarray(actual, dtype=np.float32), (size,))
    with np.errstate(invalid="ignore", divide="ignore"):
        fit = np.clip(actual / np.where(minimum > 0, minimum, 1.0), 0.0, 1.0)
    fit = np.where(np.isnan(actual), _UNKNOWN, fit)
    return np.where(np.isnan(minimum) | (minimum <= 0), 1.0, fit).astype(np.float32)


def _salary_fit(low, high, expectation, size):
    high = np.broadcast_to(np.asarray(high, dtype=np.float32), (size,))
    expectation = np.broadcast_to(np.asarray(expectation, dtype=np.float32), (size,))
    with np.errstate(invalid="ignore", divide="ignore"):
        # Asking within the range fits; every 10% above the top costs a quarter.
        fit = np.clip(1.0 - 2.5 * (expectation - high) / high, 0.0, 1.0)
    fit = np.where(np.isnan(expectation), _UNKNOWN, fit)
    return np.where(np.isnan(high), 1.0, fit).astype(np.float32)


def _join_zh(items):
    return "、".join(str(item) for item in items)


def _join_en(items):
    return ", ".join(str(item) for item in items)


def _maybe_int(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return int(value) if float(value).is_integer() else float(value)


def _occupation_text(posting, seeker, score):
    if not posting.occupations or not seeker.occupations:
        return "职业类别未知", "Occupation unknown"
    wanted = posting.occupation_names[0]
    if score >= 0.9:
        return f"职业类别一致：{wanted}", f"Same occupation: {wanted} ({posting.occupations[0]})"
    if score >= 0.7:
        return f"职业同属一个小类：{wanted} / {seeker.occupation_names[0]}", f"Closely related occupation: {posting.occupations[0]} / {seeker.occupations[0]}"
    if score >= 0.45:
        return f"职业同属一个中类：{wanted} / {seeker.occupation_names[0]}", f"Occupation in the same group: {posting.occupations[0]} / {seeker.occupations[0]}"
    if score >= 0.2:
        return f"职业同属一个大类：{wanted} / {seeker.occupation_names[0]}", f"Occupation in the same broad field: {posting.occupations[0]} / {seeker.occupations[0]}"
    return f"职业不同：{wanted} / {seeker.occupation_names[0]}", f"Different occupation: {posting.occupations[0]} / {seeker.occupations[0]}"


def _education_text(posting, seeker):
    if posting.education_rank < 0:
        return "岗位不限学历", "No minimum education"
    need_zh, need_en = EDUCATION_LABELS[posting.education]
    if seeker.education_rank < 0:
        return f"学历要求{need_zh}，求职者未填写", f"Requires {need_en}; the seeker did not say"
    have_zh, have_en = EDUCATION_LABELS[seeker.education]
    if seeker.education_rank >= posting.education_rank:
        return f"学历符合：{have_zh}（要求{need_zh}）", f"Education meets the minimum: {have_en} (requires {need_en})"
    return f"学历低于要求：{have_zh}（要求{need_zh}）", f"Education below the minimum: {have_en} (requires {need_en})"


def _experience_text(posting, seeker):
    if math.isnan(posting.experience) or posting.experience <= 0:
        return "岗位不要求工作经验", "No experience required"
    need = _maybe_int(posting.experience)
    if math.isnan(seeker.experience):
        return f"要求{need}年经验，求职者未填写", f"Requires {need} years of experience; the seeker did not say"
    have = _maybe_int(seeker.experience)
    if seeker.experience >= posting.experience:
        return f"经验符合：{have}年（要求{need}年）", f"Experience meets the minimum: {have} years (requires {need})"
    return f"经验不足：{have}年（要求{need}年）", f"Less experience than required: {have} years (requires {need})"


def _salary_text(posting, seeker):
    if math.isnan(posting.salary_high):
        return "岗位未标明薪资", "The posting gives no salary"
    low, high = _maybe_int(posting.salary_low), _maybe_int(posting.salary_high)
    if math.isnan(seeker.salary_low):
        return f"薪资{low}–{high}元，求职者未填写期望", f"Pays {low}–{high} CNY; the seeker gave no expectation"
    want = _maybe_int(seeker.salary_low)
    if seeker.salary_low <= posting.salary_high:
        return f"期望薪资{want}元在范围内（{low}–{high}元）", f"Expected salary {want} CNY fits the range {low}–{high} CNY"
    return f"期望薪资{want}元高于岗位上限{high}元", f"Expected salary {want} CNY is above the maximum {high} CNY"


def _location_text(posting, seeker, score):
    where = _join_zh(posting.place_names) or "未标明"
    wanted = _join_zh(seeker.place_names)
    if not posting.place_names:
        return "岗位未标明工作地点", "The posting gives no location"
    if not seeker.place_names:
        return f"工作地点{where}，求职者未填写意向地点", f"Works in {where}; the seeker gave no preferred place"
    if score >= 0.9:
        return f"工作地点相符：{where}", f"Location matches: {where}"
    if score > 0:
        return f"工作地点相近：{where}（意向：{wanted}）", f"Location nearby: {where} (prefers {_join_en(seeker.place_names)})"
    return f"工作地点不在意向范围：{where}（意向：{wanted}）", f"Location outside the preferred places: {where} (prefers {_join_en(seeker.place_names)})"


def extract(query, choices, *, limit=5, weights=None):
    """Rank ``choices`` for ``query`` like ``rapidfuzz.process.extract``.

    ``query`` is a posting (has ``title``) ranked against seeker records, or a
    seeker ranked against posting records.  Records need no ``id``: results
    are ``(choice, score, index)`` tuples, best first, ties in input order.

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
