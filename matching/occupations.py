"""Occupation normalisation: job titles (Chinese or English) to CSCO 2022 codes.

The 2022 Chinese occupational classification (职业分类大典) codes occupations
as ``大类-中类-小类-细类``, e.g. ``6-30-05-01`` 起重装卸机械操作工.  A title is
cleaned (:func:`matching.text.clean_title`), split into its parts, and each
part is matched against the aliases of every occupation: exact alias, longest
alias contained in the part, and nearest alias by character n-gram TF-IDF.
Labelled ad titles, when given to :meth:`OccupationNormalizer.fit`, join the
aliases as examples (a nearest-neighbour layer).
"""
import csv
import threading
from importlib import resources
from typing import NamedTuple

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from .text import char_ngrams, clean_title, fold

__all__ = [
    "Occupation",
    "OccupationNormalizer",
    "NotFittedError",
    "load_occupations",
    "default_normalizer",
    "normalize_title",
    "code_levels",
]


class NotFittedError(ValueError, AttributeError):
    """Raised when a normaliser is used before :meth:`OccupationNormalizer.fit`."""


class Occupation(NamedTuple):
    """A CSCO occupation a title was mapped to, with the match score in [0, 1]."""

    code: str
    name: str
    score: float


def code_levels(code):
    """The code's prefixes at 大类, 中类, 小类 and 细类 level (coarse levels padded).

    Examples
    --------
    >>> code_levels("6-30-05-01")
    ('6', '6-30', '6-30-05', '6-30-05-01')
    >>> code_levels("4-02-02-00")
    ('4', '4-02', '4-02-02', None)
    """
    parts = str(code).split("-")
    parts += ["00"] * (4 - len(parts))
    levels = []
    for depth in range(4):
        if depth and parts[depth] == "00":
            levels.append(None)
        else:
            levels.append("-".join(parts[: depth + 1]))
    # A coarse code has no finer levels even if a later part is non-zero.
    for depth in range(1, 4):
        if levels[depth - 1] is None:
            levels[depth] = None
    return tuple(levels)


def load_occupations():
    """The packaged CSCO 2022 table as ``(code, name, aliases)`` rows, plus English aliases.

    Examples
    --------
    >>> rows = load_occupations()
    >>> ("6-18-02-04", "焊工") in [(code, name) for code, name, _ in rows]
    True
    """
    data = resources.files("matching") / "data"
    rows = {}
    with (data / "csco2022.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            rows[row["code"]] = (row["code"], row["name"], row["aliases"].split("|"))
    with (data / "en_aliases.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            rows[row["code"]][2].append(row["alias"])
    return list(rows.values())


def _analyzer(text):
    return char_ngrams(text, (1, 3))


class OccupationNormalizer:
    """Map job titles to occupation codes, in the style of a scikit-learn estimator.

    Parameters
    ----------
    min_score : float, keyword-only
        Below this match score a title maps to ``None``.
    neighbor_weight : float, keyword-only
        Weight of labelled-title neighbours relative to table aliases (<= 1
        keeps an exact official alias ahead of a noisy label).

    Examples
    --------
    >>> normalizer = OccupationNormalizer().fit(load_occupations())
    >>> normalizer.normalize("叉车司机").code
    '6-30-05-01'
    """

    def __init__(self, *, min_score=0.3, neighbor_weight=1.0):
        self.min_score = min_score
        self.neighbor_weight = neighbor_weight

    def fit(self, occupations, titles=None, codes=None):
        """Learn aliases from ``(code, name, aliases)`` rows and optional labelled titles.

        Parameters
        ----------
        occupations : iterable of (str, str, iterable of str)
        titles, codes : sequences of str of equal length, optional
            Labelled ad titles and their codes (codes must be in ``occupations``).

        Returns
        -------
        self
        """
        titles = list(titles or ())
        codes = list(codes or ())
        if len(titles) != len(codes):
            raise ValueError(f"titles and codes differ in length: {len(titles)} != {len(codes)}")
        self.codes_ = []
        self.names_ = []
        position = {}
        texts, example_codes, weights = [], [], []
        exact = {}
        for code, name, aliases in occupations:
            position[code] = len(self.codes_)
            self.codes_.append(code)
            self.names_.append(name)
        for code, name, aliases in occupations:
            for alias in [name, *aliases]:
                folded = fold(alias)
                if not folded:
                    continue
                texts.append(folded)
                example_codes.append(position[code])
                weights.append(1.0)
                # The official name owns its string; otherwise the first alias wins.
                if folded not in exact or alias == name:
                    exact[folded] = position[code]
        label_votes = {}
        for title, code in zip(titles, codes):
            if code not in position:
                raise ValueError(f"unknown occupation code {code!r} for title {title!r}")
            cleaned = clean_title(title)
            if not cleaned:
                continue
            texts.append(cleaned)
            example_codes.append(position[code])
            weights.append(self.neighbor_weight)
            label_votes.setdefault(cleaned, []).append(position[code])
        for cleaned, votes in label_votes.items():
            if cleaned not in exact:
                exact[cleaned] = max(set(votes), key=votes.count)
        self.exact_ = exact
        # Substring aliases: longest first, at least two characters, no slashes.
        self.substrings_ = sorted(
            ((text, code) for text, code in exact.items() if len(text) >= 2 and "/" not in text and " " not in text),
            key=lambda item: -len(item[0]),
        )
        self.vectorizer_ = TfidfVectorizer(analyzer=_analyzer, sublinear_tf=True, dtype=np.float32)
        matrix = self.vectorizer_.fit_transform(texts)
        self.examples_t_ = matrix.T.tocsr()
        # Ad titles repeat a lot; normalise each distinct one once.
        self._cache = {}
        self.example_codes_ = np.asarray(example_codes, dtype=np.int32)
        self.example_weights_ = np.asarray(weights, dtype=np.float32)
        return self

    def _check_fitted(self):
        if not hasattr(self, "examples_t_"):
            raise NotFittedError(
                "This OccupationNormalizer is not fitted yet; call fit(occupations) first "
                "or use normalize_title() for the packaged default."
            )

    def _substring(self, text):
        for alias, code in self.substrings_:
            if alias in text:
                return code, 0.55 + 0.45 * len(alias) / len(text.replace(" ", ""))
        return None

    def _candidates(self, title):
        cleaned = clean_title(title)
        if not cleaned:
            return []
        parts = [cleaned] + [part for part in cleaned.split(" ") if part != cleaned]
        return parts

    def extract(self, title, *, limit=5):
        """The best ``limit`` occupations for one title, best first.

        Examples
        --------
        >>> normalizer = default_normalizer()
        >>> [o.code for o in normalizer.extract("明安保安招聘保安", limit=1)]
        ['4-07-05-01']
        """
        self._check_fitted()
        parts = self._candidates(title)
        if not parts:
            return []
        scores = {}

        def offer(code, score):
            if score > scores.get(code, 0.0):
                scores[code] = score

        # The whole cleaned title counts fully; a single part of it a little less.
        discounts = [1.0] + [0.95] * (len(parts) - 1)
        for part, discount in zip(parts, discounts):
            if part in self.exact_:
                offer(self.exact_[part], 1.0 * discount)
            found = self._substring(part)
            if found:
                offer(found[0], found[1] * discount)
        query = self.vectorizer_.transform(parts)
        similarity = (query @ self.examples_t_).toarray() * self.example_weights_
        for row, discount in zip(similarity, discounts):
            best = np.argsort(-row, kind="stable")[: max(limit, 5)]
            for example in best:
                if row[example] <= 0:
                    break
                offer(int(self.example_codes_[example]), float(row[example]) * discount)
        ranked = sorted(scores.items(), key=lambda item: -item[1])[:limit]
        return [Occupation(self.codes_[code], self.names_[code], round(min(score, 1.0), 4)) for code, score in ranked]

    def normalize(self, title):
        """The best occupation for ``title``, or ``None`` when nothing scores ``min_score``.

        Examples
        --------
        >>> default_normalizer().normalize("welder").code
        '6-18-02-04'
        """
        self._check_fitted()
        key = fold(title)
        if key not in self._cache:
            found = self.extract(title, limit=1)
            if len(self._cache) >= 100_000:
                self._cache.clear()
            self._cache[key] = found[0] if found and found[0].score >= self.min_score else None
        return self._cache[key]

    def predict(self, titles):
        """Codes for many titles (``None`` where nothing matches), in input order."""
        result = []
        for title in titles:
            found = self.normalize(title)
            result.append(found.code if found else None)
        return result


_DEFAULT = None
_DEFAULT_LOCK = threading.Lock()


def default_normalizer():
    """The packaged normaliser, fitted once on first use and shared."""
    global _DEFAULT
    if _DEFAULT is None:
        with _DEFAULT_LOCK:
            if _DEFAULT is None:
                _DEFAULT = OccupationNormalizer().fit(load_occupations())
    return _DEFAULT


def normalize_title(title, *, normalizer=None):
    """Map a job title to its CSCO 2022 occupation, or ``None``.

    Parameters
    ----------
    title : str
        A raw ad title or desired job, Chinese or English.
    normalizer : OccupationNormalizer, keyword-only, optional
        Defaults to the packaged one (:func:`default_normalizer`).

    Returns
    -------
    Occupation or None

    Examples
    --------
    >>> normalize_title("明安保安招聘保安")
    Occupation(code='4-07-05-01', name='保安员', score=1.0)
    >>> normalize_title("forklift driver").code
    '6-30-05-01'
    """
    return (normalizer or default_normalizer()).normalize(title)
