"""Majors (专业): what a posting asks for (机械类专业, 会计、财务相关专业) and what a seeker studied.

``data/majors.tsv`` groups majors as recruiters read them, after the national
catalogues of undergraduate and vocational majors: a group of majors that
stand in for one another (会计学, 财务管理, 大数据与会计) within a class (财会类),
classes within a broad field (经管类, 理工科).  A posting that names a major
asks for its group; with 类 or 相关 (化工相关专业), for its class.  A seeker
who names a major holds its group and everything the group is within.
"""
import csv
import re
from functools import lru_cache
from importlib import resources

from .text import longest_first

MAJOR_PREFIX = "major:"


def _load_table():
    labels, keys_of_names, within = {}, {}, {}
    with (resources.files("matching") / "data" / "majors.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t", restval=""):
            labels[row["key"]] = (row["zh"], row["en"])
            within[row["key"]] = tuple(filter(None, row["within"].split("|")))
            for name in row["names"].split("|"):
                keys_of_names[name] = row["key"]
    return labels, keys_of_names, within


# Key -> (Chinese, English) label; a major's name (folded) -> its key; key -> the classes or fields it is within.
_LABELS, _KEYS_OF_NAMES, _WITHIN = _load_table()
_CLASSES = frozenset(parent for parents in _WITHIN.values() for parent in parents)
_FIELDS = frozenset(key for key, parents in _WITHIN.items() if not parents)  # 理工科, 经管类: never what 相关 means

_BROADLY = r"类|相关|及相关|等相关|或相关|及其相关|相近|等"
_ASKED = re.compile(rf"^(.+?)\s*({_BROADLY})?\s*专业$")
_ASKED_EN = re.compile(r"^(?:(?:a\s+)?(?:bachelor'?s?|master'?s?|college)?\s*(?:degree|major)\s+in\s+)(.+?)"
                       r"(\s+or (?:a )?related(?: fields?| majors?)?)?$"
                       r"|^(.+?)(\s+or related|\s+related)?\s+(?:major|degree)s?$")
_SEPARATORS = re.compile(r"\s*(?:/|、|,|或者|或|和|与|以及|及|&|\bor\b|\band\b)\s*")
# Where a seeker's line says it is about studies: then a shorter name is a major, not a job (会计 本科, not 会计3年).
# (The look-ahead at first characters makes the search three times faster on resumes, which mostly don't say.)
_STUDIED = re.compile(r"(?=[专师本大硕研博中高学毕届bdgm])(?:专业|师范|本科|大专|专科|硕士|研究生|博士|中专|中职|高职|学士|毕业|届|"
                      r"学历|学位|大学|学院|学校|\bmajor|degree|bachelor|master|b\.?sc|b\.?eng|graduated?\b)")
# A school's name says nothing of the major (四川化工职业技术学院 文秘专业, 电子科技大学 工商管理).
_A_SCHOOL = re.compile(r"大学|学院|学校|职校|技校|中学")
_SCHOOL = re.compile(r"[^\s,;:()/]*(?:大学|学院|学校|职校|技校|中学)")
_LONG_NAME = 5  # 机械设计制造及其自动化, 应用统计学: a major's whole name, cue or not; so is a discipline (土木工程, 会计学)
_A_DISCIPLINE = re.compile(r"^.{2,}(?:学|工程)$")
_SHORT_NAME = 4  # shorter ones count only just before 专业, a level of study, a bracket or a space (化工专业, 机械 本科)
_AFTER_A_SHORT_NAME = re.compile(r"\s|$|专业|类|本科|大专|专科|硕士|中专|学士|\(|\)")


def _name_pattern():
    latin = longest_first([name for name in _KEYS_OF_NAMES if name.isascii()])
    han = longest_first([name for name in _KEYS_OF_NAMES if not name.isascii()])
    first = re.escape("".join(sorted({name[0] for name in _KEYS_OF_NAMES})))
    return re.compile(rf"(?=[{first}])(?:(?<![a-z])(?:{latin})(?![a-z])|(?<!非)(?:{han}))")


_NAMES = _name_pattern()


def is_major(key):
    return key.startswith(MAJOR_PREFIX)


def major_label(key):
    """``(zh, en)`` of a major key."""
    return _LABELS[key[len(MAJOR_PREFIX):]]


def _broadly(key):
    """What 类 or 相关 after a major's name asks for: the classes its group is within (not a broad field)."""
    if key in _CLASSES:
        return (key,)
    return tuple(parent for parent in _WITHIN[key] if parent not in _FIELDS) or (key,)


def major_asked(folded):
    """The key a posting's item asking for a major gives (``major:...``, or ``either:`` several), or ``None``.

    Examples
    --------
    >>> major_asked("机械类专业"), major_asked("会计专业"), major_asked("电气自动化相关专业")
    ('major:mechanical', 'major:accounting', 'major:electrical')
    >>> major_asked("化工/应用化学相关专业")
    'either:major:chemical|major:chemistry'
    """
    found = _ASKED.match(folded)
    if found:
        names, broadly = found.groups()
    else:
        found = _ASKED_EN.match(folded)
        if not found:
            return None
        names, broadly = (found.group(1), found.group(2)) if found.group(1) else (found.group(3), found.group(4))
    whole = _KEYS_OF_NAMES.get(names.strip())
    keys = [whole] if whole else [_KEYS_OF_NAMES.get(name) for name in _SEPARATORS.split(names) if name]
    if not keys or None in keys:
        return None
    if broadly and broadly != "等":
        keys = [broader for key in keys for broader in _broadly(key)]
    keys = list(dict.fromkeys(MAJOR_PREFIX + key for key in keys))
    return keys[0] if len(keys) == 1 else "either:" + "|".join(keys)


@lru_cache(maxsize=4096)
def _with_broader(key):
    held, pending = set(), [key]
    while pending:
        key = pending.pop()
        if key not in held:
            held.add(key)
            pending.extend(_WITHIN[key])
    return frozenset(MAJOR_PREFIX + key for key in held)


def about_studies(folded):
    """Whether a seeker's line says it is about studies (a level, a school, 专业, 毕业)."""
    return bool(_STUDIED.search(folded))


def majors_held(folded, *, studied=None):
    """The major keys a seeker's line ``folded`` holds: each major it names, with what that is within.

    ``studied`` says whether the line (or the item it is part of) is about studies; by default, whether
    ``folded`` itself says so.

    Examples
    --------
    >>> sorted(majors_held("应用化工技术 专科"))
    ['major:chemical', 'major:chemical_engineering', 'major:science_engineering']
    >>> majors_held("在化工厂做了3年 本科"), majors_held("四川化工职业技术学院 文秘专业") == majors_held("文秘专业")
    (set(), True)
    """
    if studied is None:
        studied = about_studies(folded)
    held = set()
    text = _SCHOOL.sub(" ", folded) if _A_SCHOOL.search(folded) else folded
    for found in _NAMES.finditer(text):
        name = found.group()
        if len(name) < _LONG_NAME and not studied and not _A_DISCIPLINE.match(name):
            continue
        if len(name) < _SHORT_NAME and not name.isascii() and not _AFTER_A_SHORT_NAME.match(text, found.end()):
            continue
        held |= _with_broader(_KEYS_OF_NAMES[name])
    return held
