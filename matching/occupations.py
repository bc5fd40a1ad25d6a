"""Occupation normalisation: job titles (Chinese or English) to CSCO 2022 codes.

The 2022 Chinese occupational classification (职业分类大典) codes occupations
as ``大类-中类-小类-细类``, e.g. ``6-30-05-01`` 起重装卸机械操作工.  A title is
cleaned (:func:`matching.text.clean_title`) and the evidence for every
occupation is gathered: an exact official name or alias, the nearest aliases
and the nearest labelled ad titles by character n-gram TF-IDF, and the margin
of a linear classifier trained on the labelled titles given to
:meth:`OccupationNormalizer.fit` (and, more lightly, on the names and aliases
of the occupations they are labelled with).  A fixed linear blend, fitted on
out-of-fold evidence for titles-dev.csv (``bench/tune_occupations.py``), decides.
"""
import csv
import functools
import threading
from importlib import resources
from typing import NamedTuple

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

from .resumes import jobs_in_text
from .text import char_ngrams, clean_title, fold, has_han, latin_words, tokenize

__all__ = [
    "Occupation",
    "OccupationNormalizer",
    "NotFittedError",
    "load_occupations",
    "load_labelled_titles",
    "curated_aliases",
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
    """The packaged CSCO 2022 table as ``(code, name, aliases)`` rows, with the project's own aliases.

    Examples
    --------
    >>> rows = load_occupations()
    >>> ("6-18-02-04", "焊工") in [(code, name) for code, name, _ in rows]
    True
    """
    data = resources.files("matching") / "data"
    extra = _project_aliases("zh_aliases.tsv") + _project_aliases("en_aliases.tsv")
    # The project's own aliases override the derived ones: a derived alias the project gives to
    # another occupation is dropped (else the exact hit would go to whichever code comes first).
    claimed = {fold(alias): code for code, alias in extra}
    rows = {}
    with (data / "csco2022.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            aliases = [
                alias for alias in row["aliases"].split("|")
                if alias == row["name"] or claimed.get(fold(alias), row["code"]) == row["code"]
            ]
            rows[row["code"]] = (row["code"], row["name"], aliases)
    listed = {code: {fold(alias) for alias in aliases} for code, _, aliases in rows.values()}
    for code, alias in extra:
        # An alias listed twice for one occupation would count twice (nearest aliases, classifier).
        if fold(alias) not in listed[code]:
            listed[code].add(fold(alias))
            rows[code][2].append(alias)
    return list(rows.values())


@functools.cache
def _project_aliases(name):
    """``(code, alias)`` rows of one of the project's alias tables (``zh_aliases.tsv``, ``en_aliases.tsv``)."""
    with (resources.files("matching") / "data" / name).open(encoding="utf-8") as handle:
        return [(row["code"], row["alias"]) for row in csv.DictReader(handle, delimiter="\t")]


@functools.cache
def curated_aliases():
    """The Chinese aliases the project wrote by hand (``zh_aliases.tsv``), folded: unlike the aliases derived
    from the classification's descriptions, each was checked against its occupation.

    Examples
    --------
    >>> "翻砂工" in curated_aliases()
    True
    """
    return frozenset(fold(alias) for _, alias in _project_aliases("zh_aliases.tsv"))


@functools.cache
def english_names():
    """Each occupation's English name, where the project's English aliases give one: ``{code: name}``.

    The first English alias listed for a code is its name (CSCO publishes Chinese names only).

    Examples
    --------
    >>> english_names()["6-18-02-04"]
    'welder'
    """
    names = {}
    with (resources.files("matching") / "data" / "en_aliases.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            names.setdefault(row["code"], row["alias"])
    return names


def load_labelled_titles():
    """The packaged labelled ad titles as ``(titles, codes)`` lists.

    Examples
    --------
    >>> titles, codes = load_labelled_titles()
    >>> len(titles) == len(codes) > 1000
    True
    """
    titles, codes = [], []
    with (resources.files("matching") / "data" / "titles_labelled.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            titles.append(row["title"])
            codes.append(row["code"])
    return titles, codes


def _encode(text, analyzer, vocabulary, idf):
    """Sublinear TF-IDF, l2-normalised, of one text: (feature ids, weights), as TfidfVectorizer does."""
    ids = [found for found in map(vocabulary.get, analyzer(text)) if found is not None]
    if not ids:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    features, counts = np.unique(np.asarray(ids, dtype=np.int64), return_counts=True)
    weights = (1.0 + np.log(counts)).astype(np.float32) * idf[features]
    return features, weights / np.float32(np.sqrt((weights**2).sum()))


def _sparse_dot(matrix, features, weights, width):
    """``weights @ matrix[features]`` for a feature-major CSR matrix, as a dense vector."""
    if not len(features):
        return np.zeros(width, dtype=np.float32)
    rows = matrix[features]
    repeated = np.repeat(weights, np.diff(rows.indptr))
    return np.bincount(rows.indices, weights=repeated * rows.data, minlength=width).astype(np.float32)


def _analyzer(text):
    return char_ngrams(text, (1, 3))


def _word_analyzer(text):
    grams = char_ngrams(text, (1, 2)) + ["w:" + word for word in tokenize(text)]
    # A Chinese title's head noun is at the end of each part (销售经理, 叉车司机), its qualifier at the start.
    for part in fold(text).split(" "):
        grams.extend(f"s{size}:{part[-size:]}" for size in range(1, min(len(part), 4) + 1))
        grams.extend(f"p{size}:{part[:size]}" for size in range(2, min(len(part), 3) + 1))
    return grams


# Weights of the blend of evidence per occupation, in the order of the rows
# of OccupationNormalizer._evidence: classifier margin and its hinge, nearest
# labelled titles (sum, best), nearest aliases (sum, best), Chinese alias hit,
# decisive hit, label prior, coarse code, prior where neighbours agree, and a
# Chinese alias hit on an occupation no labelled title taught the classifier.
# Fitted by bench/tune_occupations.py (conditional logit, then coordinate
# ascent on exact accuracy) on 5-fold out-of-fold evidence for titles-dev.csv;
# its nested (leave-one-fold-out) estimate is the honest figure.  The two
# exact-hit weights (_HAND_SET_ROWS) are set by hand: decisive, and a Chinese
# alias as strong as CV allows without losing more than a few titles (an
# alias of an unlabelled occupation must outweigh the classifier's margin).
_BLEND = np.array([11.94, 1.268, -0.27, 1.049, 0.031, 0.698, 0.5, 100.0, 0.02, 0.175, 0.277, 15.0], dtype=np.float32)
_HAND_SET_ROWS = (6, 7, 11)
# Without labelled titles (no classifier, no prior) the nearest aliases weigh more: the
# previous blend's weights, which score the table alone best on titles-dev.csv.
_TABLE_BLEND = np.array([0.0, 0.0, -0.308, 1.446, 0.433, 0.84, 0.5, 100.0, -0.193, 0.093, 0.187, 0.0], dtype=np.float32)


# Titles that say who is hired, not for what (an intern or an apprentice of any trade), and entries that
# name no trade at all.  The nearest occupation would be a guess (学徒 was 社会体育指导员, 实习生
# 电子商务服务人员), shown as a reason.
# CSCO lists some as aliases (学徒工, 管理培训生), and those stay.
_NOT_AN_OCCUPATION = frozenset({
    "实习生", "实习", "学徒", "实习学徒", "见习生", "培训生", "管培生", "储备干部", "储备人才",
    "intern", "internship", "trainee", "apprentice", "management trainee", "graduate trainee",
    # What a seeker with no trade in mind types at a kiosk (都可以 was 焊工, 随便 起重装卸机械操作工).
    "随便", "都可以", "都行", "什么都可以", "什么都行", "什么都能干", "什么都能做", "不限", "无", "暂无", "待定",
    "工资高", "工资高的", "包吃住", "包吃住的", "离家近", "离家近的", "有力气", "打零工", "零工", "公益岗",
    "应届生", "应届毕业生", "毕业生", "全职妈妈", "宝妈", "年纪大能做", "年纪大能做的", "师傅", "工作", "上班",
    "找工作", "找份工作", "想找份工作", "打下手", "做散工", "打短工", "短期工", "暑假工", "寒假工", "学生兼职", "兼职",
    "周末兼职", "全职", "晚上的工作", "半天班", "计件的", "坐着的工作", "不累的", "室内工作", "夫妻工", "退休返聘",
    "能吃苦", "能上夜班", "能出差", "想做生意", "长寿本地的工作", "长寿经开区", "在屋头做", "在家做",
    # Schooling says how far someone studied, not a trade (初中文化 was 初级中学教师).
    "研究生", "本科", "大专", "中专", "高中", "初中", "小学", "本科毕业", "大专毕业", "中专毕业", "高中毕业",
    "初中毕业", "初中文化", "高中文化", "小学文化",
    "anything", "any job", "job", "jobs", "work", "good salary", "high salary", "work from home", "remote work",
    "looking for a job", "part time", "part-time", "full time", "full-time",
})


class OccupationNormalizer:
    """Map job titles to occupation codes, in the style of a scikit-learn estimator.

    The evidence per occupation (nearest aliases and nearest labelled titles by
    character n-gram TF-IDF cosine, exact official name or alias, how often the
    occupation was labelled, and, when labelled titles were given to
    :meth:`fit`, the margin of a linear classifier trained on them and on the
    names and aliases of their occupations) is blended linearly with weights
    fitted by cross-validation.  An exact alias of an occupation the labelled
    titles never name outweighs the classifier, which cannot know it, and so
    does a curated alias that no labelled title spells.  A title
    in Latin script alone maps only to occupations with a Latin-script alias
    that shares a whole word with it: the labelled titles are Chinese.  A title
    that says who is hired but not for what (学徒, 实习生) maps to nothing.

    Parameters
    ----------
    min_score : float, keyword-only
        Below this confidence a title maps to ``None``.
    n_neighbors : int, keyword-only
        How many nearest examples vote.
    classifier_weight : float, keyword-only
        Scale of the classifier's weights in the blend (1 as fitted, 0 disables the classifier).
    C : float, keyword-only
        Regularisation of the linear classifier (``sklearn.svm.LinearSVC``).
    alias_weight : float, keyword-only
        Sample weight of a name or alias of a labelled occupation as a training document
        of the classifier (a labelled title weighs 1).
    prune : float, keyword-only
        Classifier weights smaller than this in magnitude are dropped (memory, speed).

    Examples
    --------
    >>> normalizer = OccupationNormalizer().fit(load_occupations())
    >>> normalizer.normalize("叉车司机").code
    '6-30-05-01'
    """

    def __init__(self, *, min_score=0.1, n_neighbors=10, classifier_weight=1.0, C=1.0, alias_weight=0.3, prune=0.01):
        self.min_score = min_score
        self.prune = prune
        self.n_neighbors = n_neighbors
        self.classifier_weight = classifier_weight
        self.C = C
        self.alias_weight = alias_weight

    def fit(self, occupations, titles=None, codes=None, *, curated=()):
        """Learn from ``(code, name, aliases)`` rows and optional labelled titles.

        Parameters
        ----------
        occupations : iterable of (str, str, iterable of str)
        titles, codes : sequences of str of equal length, optional
            Labelled ad titles and their codes (codes must be in ``occupations``).
        curated : collection of str, keyword-only
            Chinese aliases among ``occupations``' that were checked by hand (:func:`curated_aliases`): a
            title that is one maps to its occupation unless a labelled title spells it too.  Other Chinese
            aliases are one piece of evidence.

        Returns
        -------
        self
        """
        occupations = [(code, name, list(aliases)) for code, name, aliases in occupations]
        titles = list(titles or ())
        codes = list(codes or ())
        if len(titles) != len(codes):
            raise ValueError(f"titles and codes differ in length: {len(titles)} != {len(codes)}")
        self.codes_ = [code for code, _, _ in occupations]
        self.names_ = [name for _, name, _ in occupations]
        position = {code: index for index, code in enumerate(self.codes_)}
        texts, example_codes, exact, words_by_code, latin_aliases, han_aliases = [], [], {}, {}, {}, {}
        for code, name, aliases in occupations:
            for alias in [name, *aliases]:
                folded = fold(alias)
                if not folded:
                    continue
                texts.append(folded)
                example_codes.append(position[code])
                # The official name owns its string; otherwise the first alias wins.
                if folded not in exact or alias == name:
                    exact[folded] = position[code]
                if has_han(folded):
                    han_aliases.setdefault(position[code], []).append(folded)
                else:
                    latin_aliases.setdefault(position[code], []).append(folded)
                    words_by_code.setdefault(position[code], set()).update(latin_words(folded))
        labelled, labels = [], []
        for title, code in zip(titles, codes):
            if code not in position:
                raise ValueError(f"unknown occupation code {code!r} for title {title!r}")
            cleaned = clean_title(title)
            if cleaned and cleaned not in _NOT_AN_OCCUPATION:  # 管培生 labelled 雷管制造工 teaches nothing true
                labelled.append(cleaned)
                labels.append(position[code])
        self.exact_ = exact
        # Curated aliases decide, but where the labelled titles spell them: those learn their own labels.
        self.decisive_aliases_ = frozenset(fold(alias) for alias in curated) - set(labelled)
        # Per occupation: the words of its Latin-script aliases ("forklift", "driver", "pmc").
        self.latin_words_ = {code: frozenset(words) for code, words in words_by_code.items()}
        # Per occupation: its names in Latin script and in Chinese characters (translations of a title).
        self.aliases_by_script_ = {
            code: (tuple(dict.fromkeys(latin_aliases.get(code, ()))), tuple(dict.fromkeys(han_aliases.get(code, ()))))
            for code in position.values()
        }
        self.code_index_ = position
        self.official_ = {fold(name) for name in self.names_}
        self.longest_alias_ = max(map(len, exact), default=0)
        self.alias_prefixes_ = frozenset(alias[:2] for alias in exact)  # where a scan of free text may find one
        vectorizer = TfidfVectorizer(analyzer=_analyzer, sublinear_tf=True, dtype=np.float32)
        self.examples_t_ = vectorizer.fit_transform(texts + labelled).T.tocsr()
        self.vocabulary_, self.idf_ = vectorizer.vocabulary_, vectorizer.idf_.astype(np.float32)
        self.example_codes_ = np.asarray(example_codes + labels, dtype=np.int32)
        self.n_aliases_ = len(example_codes)
        # How often each occupation was seen labelled: a prior for the blend.
        self.prior_ = np.log1p(np.bincount(np.asarray(labels, dtype=np.int64), minlength=len(self.codes_))).astype(np.float32)
        self.coarse_ = np.asarray([code.endswith("-00") for code in self.codes_], dtype=np.float32)
        self.classes_ = None
        if self.classifier_weight and len(set(labels)) >= 2:
            # The names and aliases of the labelled occupations are extra (lighter) training documents.
            seen = set(labels)
            documents, targets = list(labelled), list(labels)
            for text, code in zip(texts, example_codes):
                if code in seen:
                    documents.append(text)
                    targets.append(code)
            targets = np.asarray(targets, dtype=np.int64)
            sample_weight = np.where(np.arange(len(documents)) < len(labelled), 1.0, self.alias_weight)
            vectorizer = TfidfVectorizer(analyzer=_word_analyzer, sublinear_tf=True, dtype=np.float32)
            matrix = vectorizer.fit_transform(documents)
            self.classifier_vocabulary_ = vectorizer.vocabulary_
            self.classifier_idf_ = vectorizer.idf_.astype(np.float32)
            self.coef_t_, self.intercept_, self.classes_ = self._linear(matrix, targets, sample_weight)
        self.unlabelled_ = np.ones(len(self.codes_), dtype=np.float32)
        if self.classes_ is not None:
            self.unlabelled_[self.classes_] = 0.0
        self.blend_ = _BLEND.copy() if labels else _TABLE_BLEND.copy()
        self.blend_[:2] *= self.classifier_weight
        # Ad titles repeat a lot; normalise each distinct one once.
        self._cache = {}
        return self

    def _linear(self, matrix, targets, sample_weight):
        """A LinearSVC's weights, feature-major and without the negligible ones: (coef_t, intercept, classes)."""
        classifier = LinearSVC(C=self.C).fit(matrix, targets, sample_weight=sample_weight)
        coef = classifier.coef_.astype(np.float32)
        intercept = classifier.intercept_.astype(np.float32)
        if len(classifier.classes_) == 2:
            # A binary LinearSVC keeps one row, the second class's margin; the first class's is its negative.
            coef, intercept = np.vstack([-coef, coef]), np.concatenate([-intercept, intercept])
        coef[np.abs(coef) < self.prune] = 0.0
        return sp.csr_matrix(coef.T), intercept, np.asarray(classifier.classes_, dtype=np.int64)

    def _check_fitted(self):
        if not hasattr(self, "examples_t_"):
            raise NotFittedError(
                "This OccupationNormalizer is not fitted yet; call fit(occupations) first "
                "or use normalize_title() for the packaged default."
            )

    def _evidence(self, title):
        """Evidence per occupation (rows as weighted by ``_BLEND``) and a confidence in [0, 1], or ``None``."""
        folded = fold(title)
        cleaned = clean_title(title)
        names_no_trade = not cleaned or cleaned in _NOT_AN_OCCUPATION or folded in _NOT_AN_OCCUPATION
        if names_no_trade and folded not in self.exact_:
            return None
        size = len(self.codes_)
        margin = np.full(size, -1.5, dtype=np.float32)
        alias_hit = np.zeros(size, dtype=np.float32)
        decisive_hit = np.zeros(size, dtype=np.float32)
        confidence = np.zeros(size, dtype=np.float32)
        for text in (folded, cleaned):
            if text in self.exact_:
                # An official name is decisive, and so are an English alias (the labelled titles that teach
                # the rest of the blend are Chinese) and a curated one no labelled title spells: the
                # classifier had overruled 1,381 of the 7,689 (翻砂工 read as 翻译, 支护工 as 医疗护理员).
                # Any other Chinese alias is one piece of evidence.
                decisive = text in self.official_ or not has_han(text) or text in self.decisive_aliases_
                (decisive_hit if decisive else alias_hit)[self.exact_[text]] = 1.0
                confidence[self.exact_[text]] = 1.0
                break
        # Nearest aliases and nearest labelled titles vote separately: sum and best similarity per occupation.
        near = np.zeros((4, size), dtype=np.float32)
        if cleaned:
            features, weights = _encode(cleaned, _analyzer, self.vocabulary_, self.idf_)
            similarity = _sparse_dot(self.examples_t_, features, weights, len(self.example_codes_))
            for row, (low, high) in enumerate([(self.n_aliases_, len(similarity)), (0, self.n_aliases_)]):
                part = similarity[low:high]
                count = min(self.n_neighbors, len(part))
                if not count:
                    continue
                nearest = np.argpartition(-part, count - 1)[:count]
                nearest = nearest[part[nearest] > 0]
                codes = self.example_codes_[low:high][nearest]
                np.add.at(near[2 * row], codes, part[nearest])
                np.maximum.at(near[2 * row + 1], codes, part[nearest])
            np.maximum(confidence, near[1], out=confidence)
            np.maximum(confidence, near[3], out=confidence)
        if cleaned and self.classes_ is not None:
            features, weights = _encode(cleaned, _word_analyzer, self.classifier_vocabulary_, self.classifier_idf_)
            margin[self.classes_] = self.intercept_ + _sparse_dot(self.coef_t_, features, weights, len(self.classes_))
            # A positive margin is as telling as a close alias.
            np.maximum(confidence, np.clip(0.5 + margin, 0.0, 1.0), out=confidence)
        evidence = np.stack([
            margin, np.maximum(margin + 1.0, 0.0), *near, alias_hit, decisive_hit,
            self.prior_, self.coarse_, self.prior_ * ((near[0] + near[2]) > 0), alias_hit * self.unlabelled_,
        ])
        return evidence, confidence

    def extract(self, title, *, limit=5):
        """The best ``limit`` occupations for one title, best first.

        Examples
        --------
        >>> normalizer = default_normalizer()
        >>> [o.code for o in normalizer.extract("明安保安招聘保安", limit=1)]
        ['4-07-05-01']
        """
        self._check_fitted()
        found = self._evidence(title)
        if found is None:
            return []
        evidence, confidence = found
        votes = self.blend_ @ evidence
        folded = fold(title)
        if not has_han(folded) and folded not in self.exact_:
            # The labelled titles are Chinese, so letter n-grams are all that would match a Latin
            # title ("butcher" ~ "teacher"): only occupations sharing a whole word with it may answer.
            words = latin_words(folded)
            related = [code for code, known in self.latin_words_.items() if words & known]
            unrelated = np.ones(len(votes), dtype=bool)
            unrelated[related] = False
            votes[unrelated] = -np.inf
            confidence = np.where(unrelated, 0.0, confidence)
        order = np.argsort(-votes, kind="stable")[:limit]
        return [
            Occupation(self.codes_[code], self.names_[code], round(float(min(confidence[code], 1.0)), 4))
            for code in order
            if confidence[code] > 0
        ]

    def normalize(self, title):
        """The best occupation for ``title``, or ``None`` when nothing scores ``min_score``.

        Examples
        --------
        >>> default_normalizer().normalize("welder").code
        '6-18-02-04'
        """
        self._check_fitted()
        # The result depends on the folded title only through an exact alias or an entry naming no trade,
        # else on the cleaned title.
        key = fold(title)
        if key not in self.exact_ and key not in _NOT_AN_OCCUPATION:
            key = "\0" + clean_title(title)
        if key not in self._cache:
            found = self.extract(title, limit=1)
            if len(self._cache) >= 100_000:
                self._cache.clear()
            self._cache[key] = found[0] if found and found[0].score >= self.min_score else None
        return self._cache[key]

    def other_script_names(self, title):
        """The names of ``title``'s occupation in the other script: English ones for a Chinese title,
        Chinese ones for a title in Latin script alone; empty when the title maps to nothing.

        Examples
        --------
        >>> default_normalizer().other_script_names("叉车司机")[:2]
        ('forklift driver', 'forklift operator')
        """
        found = self.normalize(title)
        if found is None:
            return ()
        latin, han = self.aliases_by_script_[self.code_index_[found.code]]
        return latin if has_han(fold(title)) else han

    def titles_in_text(self, text, *, limit=3):
        """The jobs free text (a resume) names, as :mod:`matching.resumes` reads them: the current or
        longest career first, then the other jobs it says were done, then the jobs it says are wanted.

        Examples
        --------
        >>> default_normalizer().titles_in_text("5年叉车司机工作经验，曾做过仓库管理员")
        ['叉车司机', '仓库管理员']
        >>> default_normalizer().titles_in_text("做过2年冲压工。14年装配工工作经验，做过3个月电工")
        ['装配工', '冲压工']
        >>> default_normalizer().titles_in_text("2013.05-2016.02 永辉超市 理货员；2016.03-至今 重庆XX物业 秩序维护员")
        ['秩序维护员', '理货员']
        >>> default_normalizer().titles_in_text("Eight years as a welder, then forklift driver.")
        ['forklift driver', 'welder']
        """
        self._check_fitted()
        return jobs_in_text(self, text, limit=limit)

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
    """The packaged normaliser (table, English aliases, labelled titles), fitted once on first use."""
    global _DEFAULT
    if _DEFAULT is None:
        with _DEFAULT_LOCK:
            if _DEFAULT is None:
                _DEFAULT = OccupationNormalizer().fit(load_occupations(), *load_labelled_titles(),
                                                      curated=curated_aliases())
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
