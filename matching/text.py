"""Text preparation shared by the normaliser and the scorer.

Everything here is deterministic and idempotent: ``clean_title(clean_title(t))
== clean_title(t)`` and the same for :func:`fold`.
"""
import re
import unicodedata

__all__ = ["fold", "clean_title", "char_ngrams", "text_features", "tokenize"]

_SPACES = re.compile(r"\s+")


def fold(text):
    """Unicode-normalise (full width to half width), lower-case and squeeze spaces.

    Examples
    --------
    >>> fold("  ＣＮＣ　操作工 ")
    'cnc 操作工'
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", str(text)).lower()
    return _SPACES.sub(" ", text).strip()


# Bracketed asides in ad titles are locations, shifts or perks: 销售代表（曹县市场）.
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|<[^<>]*>|「[^「」]*」|〔[^〔〕]*〕|《[^《》]*》")
_UNCLOSED_BRACKET = re.compile(r"[(\[【<「〔《][^)\]】>」〕》]*$")
_NUMBER = r"\d+(?:\.\d+)?"
_SALARY = re.compile(
    rf"(?:综合|月|年|日|时)?(?:薪资|薪水|工资|底薪|月薪|年薪|日薪|时薪|收入|保底|到手|月入|年入|提成)?"
    rf"{_NUMBER}\s*(?:[-~～至到]\s*{_NUMBER})?\s*"
    rf"(?:k|w|千|万|元|块|rmb|年|/h|/小时|/天|/月|每小时|一天|一小时|一月|小时|天|/日|起|以上|左右|\+)+"
    rf"(?:/(?:月|天|日|时|小时|h|年))?"
)
_BARE_NUMBER = re.compile(rf"(?<![a-z0-9]){_NUMBER}(?![a-z0-9])")
# Perks, urgency and recruiting verbs that say nothing about the occupation.
_NOISE_WORDS = (
    "包吃包住", "包吃住", "包食宿", "包住宿", "包住", "包吃", "管吃住", "五险一金", "六险一金", "五险", "社保",
    "双休", "单休", "大小周", "长白班", "长白", "白班", "夜班", "两班倒", "倒班", "坐岗", "站岗",
    "急招", "急需", "高薪", "直招", "热招", "诚招",
    "日结", "周结", "月结", "可借支", "借支", "0元入职", "免费入职", "入职", "可兼职", "兼职", "全职",
    "月入过万", "过万", "上万", "综合薪资", "薪资", "工资", "底薪", "提成", "高提成", "年终奖", "奖金",
    "无经验", "经验不限", "可小白", "小白", "学历不限", "不限", "可培训", "带薪培训", "包培训",
    "优先", "待遇优厚", "待遇好", "福利好", "环境好", "轻松", "稳定", "正式工", "临时工", "小时工",
    "工作轻松", "多劳多得", "男女不限", "男女", "18-45岁", "包车", "厂车", "宿舍",
)
_NOISE = re.compile("|".join(sorted(map(re.escape, _NOISE_WORDS), key=len, reverse=True)))
_RECRUITING_VERBS = ("招聘", "诚聘", "急聘", "直聘", "招募")
_LEADING_VERB = re.compile(r"^(?:招聘|诚聘|急聘|直聘|招募)(?!专员|主管|经理|助理|顾问|总监|官|师)(?=.{2})")
_SEPARATORS = re.compile(r"[+＋/|｜丨、,，;；:：!！~～·•*#＃&＆\-—_=\s]+")


def _strip_brackets(text):
    previous = None
    while previous != text:
        previous, text = text, _BRACKETS.sub(" ", text)
    return _UNCLOSED_BRACKET.sub(" ", text)


def clean_title(title):
    """Strip salary, perk, bracket and company-name noise from a job-ad title.

    Returns the folded remainder with parts separated by single spaces; the
    result is a fixed point (cleaning it again changes nothing).

    Examples
    --------
    >>> clean_title("普工+包吃包住+综合薪资5-6k+汽车厂")
    '普工 汽车厂'
    >>> clean_title("明安保安招聘保安")
    '保安'
    """
    text = fold(title)
    # Removing one kind of noise can expose another ("c0~k" -> "c0 k"): clean to a fixed point.
    while True:
        cleaned = _clean_once(text)
        if cleaned == text:
            return cleaned
        text = cleaned


def _clean_once(text):
    if not text:
        return ""
    text = _strip_brackets(text)
    # "<company>招聘<title>": the title is what follows the recruiting verb;
    # a bare "招聘专员" is a title of its own (recruiting specialist).
    for verb in _RECRUITING_VERBS:
        head, sep, tail = text.rpartition(verb)
        if sep and head and tail.strip(" +/|-") and not _SEPARATORS.fullmatch(head[-1:]):
            text = tail
            break
    text = _LEADING_VERB.sub("", text)
    text = _SALARY.sub(" ", text)
    text = _NOISE.sub(" ", text)
    text = _BARE_NUMBER.sub(" ", text)
    text = _SEPARATORS.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def char_ngrams(text, ngram_range=(1, 2)):
    """Character n-grams of folded text; spaces are kept out of the grams.

    Latin words contribute whole-word grams as well so that "java" and
    "python" do not only match through their letters.

    Examples
    --------
    >>> char_ngrams("叉车司机", (2, 2))
    ['叉车', '车司', '司机']
    """
    low, high = ngram_range
    grams = []
    for chunk in fold(text).split(" "):
        length = len(chunk)
        for size in range(low, high + 1):
            grams.extend(chunk[start:start + size] for start in range(length - size + 1))
        if chunk.isascii() and length > high:
            grams.append(chunk)
    return grams


_RUNS = re.compile(r"[a-z0-9][a-z0-9+#.]*|[\u3400-\u9fff]+")


def text_features(text):
    """Features of free text for the text factor: Chinese character bigrams, Latin words.

    A lone Chinese character counts as itself; digits and punctuation split runs.

    Examples
    --------
    >>> text_features("熟悉Python3，会开叉车")
    ['熟悉', 'python3', '会开', '开叉', '叉车']
    """
    features = []
    for run in _RUNS.findall(fold(text)):
        if run[0] <= "z":
            if len(run) > 1:
                features.append(run)
        elif len(run) == 1:
            features.append(run)
        else:
            features.extend(run[start:start + 2] for start in range(len(run) - 1))
    return features


_JIEBA = None


def _jieba():
    """Import and initialise jieba once, quietly (it logs to stderr)."""
    global _JIEBA
    if _JIEBA is None:
        import logging
        import warnings

        with warnings.catch_warnings():
            # jieba 0.42 imports pkg_resources, deprecated in recent setuptools.
            warnings.simplefilter("ignore")
            import jieba
        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        _JIEBA = jieba
    return _JIEBA


def tokenize(text):
    """Word tokens of folded text: jieba for Chinese, whole words for Latin script.

    Examples
    --------
    >>> tokenize("熟练使用Python开发")
    ['熟练', '使用', 'python', '开发']
    """
    text = fold(text)
    if not text:
        return []
    return [token for token in _jieba().lcut(text) if token.strip() and not _SEPARATORS.fullmatch(token)]
