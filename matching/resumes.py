"""Which jobs a resume says its seeker does, as a recruiter reads it: the job of the current or longest
career first, then the others, then the jobs the seeker says they want.

A resume is read clause by clause (lines, sentences, Chinese commas, and where a line turns to another
time: 之前, 后来, then).  A clause about schooling or certificates names no job; one saying what the
seeker wants (求职意向, 想找, objective) names jobs wanted.  In any other, a job is a name of the
occupation table that plainly names a person at work, or a phrase that ends as a worker's title does
(装配工, 安全部经理, 包点师傅) where the clause states it as a job: a token of a work-history line
(2016.03-至今 重庆XX物业 秩序维护员), after a verb of holding a job (担任, 做, 当, worked as) or before
a length of time (9年装配工工作经验).  Not a name that says whom the seeker worked with (对接司机,
协助店长) or a certificate (焊工证).  Each clause's time is its date range (until today where it runs
至今) or its length (5年, 21个月, 3 yrs), and it is current where it runs to today or says so (至今,
现任, 目前, present); what a line says came before another (之前, 曾) or after it (后来, then) is
earlier.  Jobs done are ranked current first (unless a stint of months beside a career of years),
then by length, then in order of appearance; a past stint of months beside a job of a year or more
is left out.
"""
import re
from datetime import date

from .text import amount, fold, has_han, word_ends

__all__ = ["jobs_in_text", "read_jobs"]

# Longest name or alias looked for in free text (official names run to 40 characters; ad titles do not),
# in Chinese characters and in Latin letters ("warehouse supervisor", "kindergarten teacher").
_LONGEST_TITLE_IN_TEXT = 16
_LONGEST_LATIN_TITLE_IN_TEXT = 40
# Two-character Chinese aliases that name a person: by their last character, or these words.
_PERSON_ENDINGS = frozenset("师员工长手生士家匠官警医者嫂姆")
_PERSON_WORDS = frozenset({"司机", "会计", "出纳", "保安", "门卫", "保镖", "保洁", "前台", "秘书", "文秘", "导游",
                           "导购", "空姐", "帮厨", "收银", "销售", "客服", "仓管", "采购", "白案", "内操", "货代",
                           "代驾", "看门"})
# How a phrase the table does not know ends when it is a worker's title (安全部经理, 物流跟单员, 包点师傅).
_TITLE_ENDINGS = (*_PERSON_WORDS, "经理", "助理", "主管", "主任", "总监", "顾问", "代表", "学徒", "领班", "师傅", "库管")
_PLACES = ("院", "厂", "公司", "店", "馆", "中心", "站", "场", "所", "部", "队", "室", "园", "区", "学", "校")  # 养老院, 服装店
_NOT_A_JOB = ("员工", "职工", "打工", "务工", "零工", "学生", "毕业生", "实习生", "应届生")

# English aliases that name the work, not the worker: a kiosk entry means the job ("cooking"), a resume's
# prose often does not ("C1 driving licence", "good at CAD", "graphic design tools").
_LATIN_WORK_WORDS = frozenset({
    "cad", "design", "graphic design", "research", "engineering", "factory", "hospitality", "administration",
    "reception", "supply chain", "metalwork", "chemical plant", "coffee shop", "home care", "manual labour",
    "car repair", "computer repair", "phone repair", "private lessons", "photography", "translation",
    "carpentry", "masonry", "weld", "elderly care",
})

# Where a clause ends: a sentence, a comma (fold makes ，one; not one between an English title and its
# dates: Site Engineer at X, 2013-2022), or a turn to another time of the career (之前, 后来, then).
_CLAUSE_BREAK = re.compile(r"[。;!！?？]+|,(?!\s*\d)|(?<![a-z]),"
                           r"|(?<=[^\s到至])\s*(?=之前|之后|以前|后来|然后|此前|早期|现在|目前|现任|现为|这两年|这几年|如今|转做|转行)"
                           r"|\.(?:\s+|$)|,?\s+(?=(?:then|now|later|before that|earlier|previously)\b)")
_WANTED = re.compile(r"求职|意向|应聘|期望|想找|想做|想学|想开|想从事|想重新|希望|愿意|可以做|能做|都可以|objective"
                     r"|looking for|seeking|\bwant|would like")
_LATER = re.compile(r"^\s*(?:之后|后来|然后|这两年|这几年|如今|转做|转行|then|later)")
# Time at home is no job (2015-2023 在家带孩子, 全职妈妈5年).
_AT_HOME = re.compile(r"在家|家里|全职妈妈|全职太太|家庭主妇|待业|homemaker|housewife|stay-at-home")
_SCHOOLING = re.compile(r"大学|学院|技校|技工学校|职业学校|职高|中专|专业|在校|在读|校内|学生会|社团|毕业于|届|学历|university"
                        r"|college|b\.?eng|bachelor"
                        r"|master'?s|msc|mba|degree|major\b|class of|graduat|student|studying|dissertation|education:")
_CREDENTIALS_LINE = re.compile(r"^\s*(?:证书|资格证书|持有|持证|技能证书|(?:certificates?|licen[cs]es?)\s*:)")
_CERTIFICATE_AFTER = re.compile(r"^\s*(?:\(?[一二三四五]级\)?|\(?(?:初级|中级|高级)\)?)?\s*"
                                r"(?:证|资格|执照|上岗证|操作证|作业证|licen[cs]e|cert)")
# Whom the seeker worked with, not what they were: 对接司机, 协助店长, 负责月嫂培训, coordinated engineers.
_WITH_SOMEONE = re.compile(r"(?:对接|协助|配合|跟踪|带领|带过|管理|培训|指导|接送|联系|给|帮|负责|服务|跟着|"
                           r"managing|managed|coordinated|with)\s*(?:各项目|各|着)?\s*$")
# A verb of holding a job, and the job after it (担任大客车驾驶员至今, 当保安4年, worked as a welder).
_HELD = re.compile(r"(?:担任|出任|任职|任|转做|转行做|升为|调到|做|当|干|从事|是一名)(?:了|过)?\s*"
                   r"(?:\d{1,2}|[一二两三四五六七八九十几]{1,3}|半)?\s*(?:年|个月)?半?(?:多|的)?\s*"
                   r"([\u4e00-\u9fffa-z]{2,12}?)(?=至今|到现在|\d|[一二两三四五六七八九十几]+年|工作|岗位|$|[,。;\s(])"
                   r"|(?:worked|working|work|employed|been|served) as (?:an? )?([a-z][a-z &/-]{2,38}?)"
                   r"(?=$|[.,;(]| at | in | for | with | since | from | and | \d)")
# A length of time before the words of a job: 9年装配工工作经验, 4 years of experience as a recruiter.
_YEARS_OF = re.compile(r"(?:\d{1,2}(?:\.\d)?|[一二两三四五六七八九十]{1,3}|半)\s*(?:多|余)?\s*(?:年|个月)半?(?:多|以上|左右)?的?"
                       r"([\u4e00-\u9fffa-z]{2,16}?)的?(?:工作|从业)?(?:经验|经历)"
                       r"|(?:years?|yrs?|months?) (?:of (?:work )?experience )?as (?:an? )?([a-z][a-z &/-]{2,38}?)"
                       r"(?=$|[.,;(]| at | in | for | with | and )")
_AROUND_A_TITLE = re.compile(r"^.*?(?:做|当|干|任)(?:了|过)?(?=[\u4e00-\u9fff]{2})|(?:的)?(?:工作|岗位|经验|经历)+$"
                             r"|^(?:之前|之后|以前|后来|然后|此前|早期|现在|目前|现任|现为|曾经|曾|一直|也)+")
_LENGTH_BEFORE = re.compile(r"^(?:[一二两三四五六七八九十几]{1,3}|半)(?:多|余)?(?:年|个月)半?(?:多|的)?"
                            r"|(?:[一二两三四五六七八九十几]{1,3}|半)(?:多|余)?(?:年|个月)半?(?:多|了)*$")  # 送外卖三年了
_BOTH = re.compile(r"和|及|与|或|以及|、|兼")
_ABOUT_SOMEONE = re.compile(r"(?:对接|协助|配合|跟踪|带领|接送|联系|负责)[\u4e00-\u9fff]{2}")  # 负责对接司机, not 负责人
_WORKPLACE = re.compile(r"^.*(?:公司|集团|工厂|厂|店|医院|酒店|银行|超市|商场|学校|小区|工地|项目部|物业|馆)(?=[\u4e00-\u9fff]{2})")
_IN_A_COMPANY_NAME = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:有限|公司|集团|股份)")  # 重庆XX保安服务有限公司
_FIELDS = re.compile(r"[\s,、/|()]+")
_A_FIELD = re.compile(r"[a-z]*[\u4e00-\u9fff]+")  # 保安, smt技术员; not 重庆xx物业 or 2019.03
_ENTRY_SCORE = 0.5  # how sure the normaliser must be of an entry's first word of work (注塑 3年) that is no title
_PROSE = re.compile(r"[年月的在]|毕业")  # an entry's first word is no sentence (在抖音直播卖货一年多, 中学毕业)
_WORK_DONE = re.compile(r"(?:做|干|开|跑|送|卖|修|从事)(?:了|过)?\s*(?:\d{1,2}|[一二两三四五六七八九十几]{1,3}|半)?\s*(?:年|个月)?半?(?:多|的)?"
                        r"([\u4e00-\u9fff]{2,6}?)(?=$|[,。;\s]|\d|[一二两三四五六七八九十几]+年|至今|到现在|了)")
_WORK_SCORE = 0.6
# Skills, not jobs held: 会开叉车, can drive a forklift.
_CAN_DO = re.compile(r"(?:会|能|懂|可以|\bcan|able to)\s*$")
# The title that opens an English line of a work history (Licensed pharmacist at ..., 2019–present).
_EN_DATES = r"\d{4}(?:\.\d{1,2})?\s*[-–—~]\s*(?:\d{4}(?:\.\d{1,2})?|now|present|today)"
_EN_TITLE_FIRST = re.compile(r"^\s*(?:(?:then|now|later|earlier|previously|before that|since \d{4}|full-time|part-time|"
                             rf"freelance|{_EN_DATES})[\s,:]*)*"
                             r"([a-z][a-z &/'-]{1,40}?)"
                             r"(?=\s*(?:$|[,;(–—]| at | for | in | with | from | since | - |\d))")
_GRADE_EN = re.compile(r"^(?:(?:senior|junior|licensed|certified|experienced|qualified|registered|full-time|part-time"
                       r"|freelance|(?:at )?(?:the )?same (?:company|firm|factory|store|shop))\s+)+")
_NOT_A_TITLE_EN = re.compile(r"\bas\b|^(?:i|we|worked|working|work|was|am|is|have|has|had|did|do|drove|managed|taught|"
                             r"responsible|good|hard|looking|seeking|can)\b")
_A_PERSON_EN = re.compile(r"(?:er|or|ist|ian|ant|ent|ic|man|men|ess|nanny|clerk|chef|cook|guard|staff|agent|lead|"
                          r"nurse|doctor)$")
_THINGS_EN = frozenset({"center", "centre", "computer", "order", "water", "paper", "tower", "power", "number", "letter",
                        "corner", "manufacturer", "supplier", "container", "floor", "door", "motor", "elevator",
                        "sector", "customer", "client", "department", "restaurant", "plant"})  # that end as persons do

_MONTH_YEAR = r"((?:19|20)\d\d)(?:\s*[.年/-]\s*(\d{1,2})(?!\d)\s*月?)?"
_TODAY = r"至今|今|现在|目前|now|present|today|current"
_RANGE = re.compile(rf"{_MONTH_YEAR}\s*年?\s*起?\s*(?:[-–—~～至到]|to|till|until)\s*(?:{_MONTH_YEAR}年?|({_TODAY}))"
                    rf"|(?:since|from)\s+{_MONTH_YEAR}|{_MONTH_YEAR}\s*年?(?:起|开始)")
_LENGTH = re.compile(r"(?<![\d.])(\d{1,2}(?:\.\d)?|[一二两三四五六七八九十]{1,3}|半)\s*(?:多|余|几)?\s*(年(?!级|毕业|前)|个月)"
                     r"|(?<![\d.])(\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten)\s*\+?\s*"
                     r"(years?|yrs?|months?|mos?)\b")
_NOW = re.compile(r"至今|到现在|现在|目前|现任|现为|如今|这两年|这几年|一直|\bnow\b|present|current|till now|to date|since")
_BEFORE = re.compile(r"曾|以前|之前|此前|早期|原来|原在|原先|previously|earlier|before that|formerly|used to")
_A_YEAR = 12  # months
_EN_NUMBERS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
               "nine": "9", "ten": "10"}


def _names_a_person(alias, text, start):
    """Whether the table's ``alias``, found in ``text`` at ``start``, counts as a job title there."""
    if has_han(alias):
        return len(alias) > 2 or alias[-1] in _PERSON_ENDINGS or alias in _PERSON_WORDS
    if alias in _LATIN_WORK_WORDS or alias.endswith("ing"):
        return False
    end = start + len(alias)
    return len(alias) >= 3 and not text[start - 1:start].isalnum() and not text[end:end + 1].isalnum()


def jobs_in_text(normalizer, text, *, limit=3):
    """The jobs ``text`` (a resume) names, as :mod:`matching.resumes` reads them, through ``normalizer`` (a
    fitted :class:`matching.occupations.OccupationNormalizer`): the jobs done, then the jobs wanted."""
    done, wanted = read_jobs(normalizer, text)
    return (done + [title for title in wanted if title not in done])[:limit]


def read_jobs(normalizer, text):
    """``(done, wanted)``: the jobs ``text`` says were done, ranked, and the jobs it says are wanted."""
    done, wanted = [], []  # done: [months, current, said to be past, title]
    for line in map(fold, text.splitlines()):  # folded line by line: folding joins lines
        if _CREDENTIALS_LINE.match(line):
            continue
        line_wanted = bool(_WANTED.match(line))
        line_start = len(done)
        for clause in filter(str.strip, _CLAUSE_BREAK.split(line)):
            # What a clause says of schooling (a part between spaces, or all of it) names no job done.
            clause = " ".join(part for part in clause.split(" ") if not _SCHOOLING.search(part))
            if _SCHOOLING.search(clause):
                continue
            titles = _titles_in_clause(normalizer, clause)
            if line_wanted or _WANTED.search(clause):
                wanted.extend(titles)
            elif titles and not _AT_HOME.search(clause):
                if _LATER.match(clause):  # 之后做KTV收银: what the line said before was earlier
                    for job in done[line_start:]:
                        job[2] = True
                months, current, past = _time_of(clause)
                done.extend([months, current, past, title] for title in titles)
    longest = max((months for months, _, _, _ in done), default=0)
    ranked = []  # (standing: 2 current, 1 unsaid, 0 earlier or a current stint; months; title)
    for months, current, past, title in done:
        stint = 0 < months < _A_YEAR <= longest
        if stint and not current:
            continue
        ranked.append(((0 if past or stint else 2) if current else (0 if past else 1), months, title))
    ranked.sort(key=lambda job: job[:2], reverse=True)  # stable: ties in order of appearance
    found = list(dict.fromkeys(title for _, _, title in ranked))
    return found, [title for title in dict.fromkeys(wanted) if title not in found]


def _time_of(clause):
    """``(months, current, past)`` of a clause: the length of its date range (until today where it runs to
    today) or the length it says (0 where it says none), whether it runs to today or says so, and whether
    it ended or is said to be before another."""
    found = _RANGE.search(clause)
    if found:
        since, since_month, until, until_month, _, since_2, since_month_2, since_3, since_month_3 = found.groups()
        since, since_month = since or since_2 or since_3, since_month or since_month_2 or since_month_3
        current = not until
        if current:
            until, until_month = date.today().year, date.today().month
        months = (int(until) - int(since)) * 12 + int(until_month or 12) - int(since_month or 1)
        return max(months, 1), current, not current
    past = bool(_BEFORE.search(clause))
    current = bool(_NOW.search(clause))
    found = _LENGTH.search(clause)
    if not found:
        return 0, current, past
    number, unit, latin_number, latin_unit = found.groups()
    number, unit = (number, unit) if number else (_EN_NUMBERS.get(latin_number, latin_number), latin_unit)
    return amount(number) * (1 if unit.startswith(("个月", "month", "mo")) else 12), current, past


def _titles_in_clause(normalizer, clause):
    """The jobs a clause names, in order: phrases it states as jobs, and the table's names of a person."""
    stated = []  # (start, end, title)
    for pattern in (_HELD, _YEARS_OF):
        for match in pattern.finditer(clause):
            group = 1 if match.group(1) else 2
            _add(stated, normalizer, match.start(group), match.group(group), done=True)
    timed = _RANGE.search(clause) or _LENGTH.search(clause)
    if timed or _NOW.search(clause):  # a line of a work history (2016.03-至今 XX物业 秩序维护员), an entry (叉车 5年)
        at = 0
        for number, field in enumerate(filter(None, _FIELDS.split(clause))):
            at = clause.index(field, at)
            if _A_FIELD.fullmatch(field):
                _add(stated, normalizer, at, field, done=False, entry=number == 0 and bool(timed))
        opening = _EN_TITLE_FIRST.match(clause)
        if opening:
            _add(stated, normalizer, opening.start(1), opening.group(1), done=False)
    if timed and not stated:  # a job said by the work done for a time (开了4年冲床, 做切配): where the normaliser is sure
        for match in _WORK_DONE.finditer(clause):
            if _CAN_DO.search(clause[:match.start()]):  # 会做饭: a skill
                continue
            found = normalizer.normalize(match.group(1))
            if found is not None and found.score >= _WORK_SCORE:
                stated.append((match.start(1), match.end(1), match.group(1)))
    for start, piece in _names_in(normalizer, clause):
        if not any(at <= start < end for at, end, _ in stated):
            stated.append((start, start + len(piece), piece))
    titles = []
    for start, end, title in sorted(stated):
        before = clause[:start]
        if not (_WITH_SOMEONE.search(before) or _CAN_DO.search(before) or _CERTIFICATE_AFTER.match(clause[end:])
                or title in titles):
            titles.append(title)
    return titles


def _add(stated, normalizer, start, phrase, *, done, entry=False):
    """Add ``phrase`` (at ``start`` in its clause) to ``stated`` where it names a job, as far as it does;
    ``done`` where the clause says it was done (做了三年品检): the table's names of the work count; ``entry``
    for the first word of an entry with its time (注塑 3年): any word the normaliser is sure of."""
    if has_han(phrase):
        kept = _LENGTH_BEFORE.sub("", _WORKPLACE.sub("", _AROUND_A_TITLE.sub("", phrase)))
        if _BOTH.search(kept):  # 做过钢筋工和木工: each
            for part in _BOTH.split(kept):
                _add(stated, normalizer, start + phrase.find(part), part, done=done, entry=entry)
            return
        title = kept if _is_a_title(normalizer, kept, done=done, entry=entry) and not _ABOUT_SOMEONE.search(kept) \
            else None
        start += phrase.find(kept) if title else 0
    elif (len(phrase.split()) <= 4 and _A_PERSON_EN.search(phrase) and phrase.split()[-1] not in _THINGS_EN
          and not _NOT_A_TITLE_EN.search(phrase)):
        title = _GRADE_EN.sub("", phrase)  # accounting manager, team leader; senior welder: welder
        start += len(phrase) - len(title)
    else:  # the longest run of its last words that names a person (senior welder: welder, where unknown)
        words = phrase.split()
        title = next((" ".join(words[first:]) for first in range(len(words))
                      if " ".join(words[first:]) in normalizer.exact_
                      and _names_a_person(" ".join(words[first:]), " ".join(words[first:]), 0)), None)
        start += phrase.rfind(title) if title else 0
    if title is None or normalizer.normalize(title) is None:
        return
    end = start + len(title)
    if any(at <= start and end <= until for at, until, _ in stated):  # inside a job already read
        return
    stated[:] = [job for job in stated if not (start <= job[0] and job[1] <= end)]
    stated.append((start, end, title))


def _is_a_title(normalizer, phrase, *, done, entry):
    """Whether a phrase of Chinese characters stated as a job names one (an alias, or a worker's title)."""
    if phrase.endswith(_NOT_A_JOB + _PLACES) or not 2 <= len(phrase) <= _LONGEST_TITLE_IN_TEXT:
        return False
    if phrase in normalizer.exact_:
        return done or entry or _names_a_person(phrase, phrase, 0)
    if entry and not _PROSE.search(phrase):
        found = normalizer.normalize(phrase)
        return found is not None and found.score >= _ENTRY_SCORE
    return len(phrase) > 2 and (phrase[-1] in _PERSON_ENDINGS or phrase.endswith(_TITLE_ENDINGS))


def _names_in(normalizer, clause):
    """``(start, name)`` of the table's names in ``clause`` that plainly name a person at work, leftmost-longest:
    a Chinese name only where a word ends with it (jieba's: not 厂长 in 工厂长期, 车工 in 开车工作), a name in
    Latin script only as whole words of at least three letters."""
    found, start, size = [], 0, len(clause)
    ends = None  # where words end, found when a Chinese name is first seen
    while start < size:
        if clause[start:start + 2] not in normalizer.alias_prefixes_:
            start += 1
            continue
        latin = clause[start].isascii()
        longest = min(normalizer.longest_alias_, _LONGEST_LATIN_TITLE_IN_TEXT if latin else _LONGEST_TITLE_IN_TEXT)
        if not latin and ends is None:
            ends = word_ends(clause)
        for length in range(min(longest, size - start), 1, -1):
            piece = clause[start:start + length]
            if (piece in normalizer.exact_ and _names_a_person(piece, clause, start)
                    and (latin or start + length in ends) and not piece.endswith(_PLACES)
                    and not _IN_A_COMPANY_NAME.match(clause, start + length)):
                found.append((start, piece))
                start += length
                break
        else:
            start += 1
    return found
