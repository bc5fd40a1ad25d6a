"""fairmatch matching: occupation normalisation and hybrid ranking of seekers and postings.

Pure library code: numpy, scipy, scikit-learn, rapidfuzz and jieba only.
"""
from .index import DEFAULT_SHORTLIST_WEIGHTS, DEFAULT_WEIGHTS, Match, MatchIndex, extract
from .occupations import NotFittedError, Occupation, OccupationNormalizer, default_normalizer, normalize_title
from .skills import canonical_skill
from .text import clean_title

__all__ = [
    "DEFAULT_SHORTLIST_WEIGHTS",
    "DEFAULT_WEIGHTS",
    "Match",
    "MatchIndex",
    "NotFittedError",
    "Occupation",
    "OccupationNormalizer",
    "canonical_skill",
    "clean_title",
    "default_normalizer",
    "extract",
    "normalize_title",
]
