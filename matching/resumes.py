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

from .profile import EDUCATION_RANK, education_levels_in
from .text import amount, fold, has_han, word_ends

__all__ = ["jobs_in_text", "read_jobs", "read_experience", "read_education"]

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
_AT_HOME = re.compile(r"在家|家里|回老家|全职妈妈|全职太太|家庭主妇|待业|没上班|没有?工作|未工作|homemaker|housewife"
                      r"|stay-at-home")
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
_LENGTH = re.compile(r"(?<![\d.])(\d{1,2}(?:\.\d)?|[一二两三四五六七八九十]{1,3}|半)\s*(多|余|几|来)?\s*"
                     r"(年(?!级|毕业|前(?!端|台|厅))|个月)(半|多)?"
                     r"|(?<![\d.])(\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten)\s*\+?\s*"
                     r"(years?|yrs?|months?|mos?)\b")
_NOW = re.compile(r"至今|到现在|现在|目前|现任|现为|如今|这两年|这几年|一直|\bnow\b|present|current|till now|to date|since")
_BEFORE = re.compile(r"曾|以前|之前|此前|早期|原来|原在|原先|previously|earlier|before that|formerly|used to")
_A_YEAR = 12  # months
# Clauses of time that is no work: internships (a student's), time back from abroad.
_NOT_WORK = re.compile(r"实习(?!转正)|intern\b|internship|back (?:in|from)|returned|回国")
# Words of schooling that the jobs read leave alone (a 中学 may be a workplace), but beside a date range
# make it a school's (2002-2005 XX中学 高中), unless the clause is of work there (a university
# hospital, a school canteen).
_SCHOOL_YEARS = re.compile(r"小学|初中|高中|中学|学校|专科|教育|education")
_AT_WORK = re.compile(r"医院|hospital|clinic|\blab\b|实验室|食堂|canteen|保安|保洁|后勤|宿管|员工|职工|staff|worked"
                      r"|工作|老师|教师|teacher|lecturer|机构|公司|company")
# What a length of no work is said with: 驾龄15年, 培训3个月, trained 6 months.
_LICENCE_OR_TRAINING = re.compile(r"(?:驾龄|驾照|驾驶证|培训|进修|学习|学了|trained|training|course|driving licen[cs]e)\W{0,3}$"
                                  r"|^(?:驾龄|培训|进修)")
_STOPPED = re.compile(r"无|没|关了|倒闭|离职|辞职|不做|closed|quit|left|unemployed|no job|not working")
_ASIDE = re.compile(r"兼职|业余|晚上|周末|part-time|side")
# A year work began, running to today: 2018年入职, 2010年毕业后进入, 2020年来重庆.
_STARTED = re.compile(r"((?:19|20)\d\d)\s*年\s*(?:(\d{1,2})\s*月)?\s*(?:毕业后|(?:毕业后)?(?:一直)?\s*"
                      r"(?:入职|进入|进|来|到|加入|开始|起))")
# A length of experience, a summary's: 8年焊工工作经验, 从业12年, 12 years of experience, Summary: 12 years.
_TOTAL_AFTER = re.compile(r"^[^\d,。;]{0,10}?(?:经验|经历|experience)")
_TOTAL_BEFORE = re.compile(r"(?:从业|工龄|累计|总共|共|in total)\W*$")
_SUMMARY = re.compile(r"^\s*(?:summary|profile|个人简介|简介|自我介绍)")
_SCHOOL_HEADING = re.compile(r"^\s*(?:education|教育|学历|学习经历)")
_WITHIN = re.compile(r"(?:最近|其中|期间|包括|含|recent|of which|including|incl\.?)\W{0,3}$")  # said before a length
_DONE = re.compile(r"干了|做了|干过|做过|当了|当过|从事|worked|did")
# Schools that imply a level where a resume states none (大学, 职业学院); they may be a workplace instead
# (重庆医科大学附属医院, 职业学院 辅导员).
_SCHOOL_WORDS = [(re.compile(pattern), level) for pattern, level in [
    (r"职业技术学院|职业学院|高等专科学校|vocational college|polytechnic", "associate"),
    (r"技工学校|技师学院|职业中学|卫校|卫生学校", "vocational"),
    (r"大学|(?<=[\u4e00-\u9fffa-z])学院|university|college", "bachelor"),  # not 学院 alone: 获奖：学院技能大赛
]]
_TEACHER_AT = re.compile(r"(?:teacher|teaching|taught) (?:at|in) (?:an? |the )?$")  # teacher at a middle school
_WORKS_AT_THE_SCHOOL = re.compile(r"医院|hospital|附属|affiliated|辅导员|助教|counsell?or|assistant|lab|后勤|食堂|保安|保洁"
                                  r"|宿管|老师|教师|teacher|lecturer|工作|职工|员工|staff|worked")
# A level not yet under way (自考本科备考, 想读大专), and training, which is no level (trained at a vocational school).
_NO_LEVEL_YET = re.compile(r"自考|成考|备考|想读|想考|打算|preparing|plan to|培训|trained|training|course")


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
    line_start, last_line = 0, None
    for line, clause, clause_wanted, schooled in _clauses(text):
        if schooled == "all":
            continue
        if line != last_line:
            line_start, last_line = len(done), line
        titles = _titles_in_clause(normalizer, clause)
        if clause_wanted:
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


def _clauses(text):
    """``(line number, clause, wanted, schooled)`` of each clause of ``text`` not on a line of certificates:
    ``wanted`` where it says what the seeker wants; ``schooled`` is ``"all"`` where the clause is about
    schooling, ``"part"`` where parts of it were (they are left out: 2016.09-2020.06 重庆大学 本科), else ``""``."""
    for number, line in enumerate(map(fold, text.splitlines())):  # folded line by line: folding joins lines
        if _CREDENTIALS_LINE.match(line):
            continue
        line_wanted = bool(_WANTED.match(line))
        for clause in filter(str.strip, _CLAUSE_BREAK.split(line)):
            # What a clause says of schooling (a part between spaces, or all of it) names no job done.
            kept = " ".join(part for part in clause.split(" ") if not _SCHOOLING.search(part))
            schooled = "all" if _SCHOOLING.search(kept) else "part" if kept != clause else ""
            yield number, clause if schooled == "all" else kept, line_wanted or bool(_WANTED.search(clause)), schooled


def _time_of(clause):
    """``(months, current, past)`` of a clause: the length of its date range (until today where it runs to
    today) or the length it says (0 where it says none), whether it runs to today or says so, and whether
    it ended or is said to be before another."""
    found = _RANGE.search(clause)
    if found:
        since, until = _span(found, date.today())
        current = not found.group(3)  # no end year: runs to today
        return max(until - since, 1), current, not current
    found = _LENGTH.search(clause)
    return (_months(found) if found else 0), bool(_NOW.search(clause)), bool(_BEFORE.search(clause))


def _span(found, today):
    """``(first, after)`` month numbers of a date range ``_RANGE`` found: a stated last month counts whole, a
    range running to today ends today; an end without its month takes the other end's (2015-2020: 5 years)."""
    since, since_month, until, until_month, _, since_2, since_month_2, since_3, since_month_3 = found.groups()
    since, since_month = since or since_2 or since_3, since_month or since_month_2 or since_month_3
    stated_end = until_month is not None
    if not until:
        until, until_month = today.year, today.month
    since_month = int(since_month or until_month or 1)
    until_month = int(until_month or since_month)
    return int(since) * 12 + since_month - 1, int(until) * 12 + until_month - 1 + stated_end


def _months(found):
    """The months a length ``_LENGTH`` found says (十几年 12 years, 一年多 one and a half)."""
    number, more, unit, after, latin_number, latin_unit = found.groups()
    if not number:
        return amount(latin_number) * (1 if latin_unit.startswith("mo") else 12)
    quantity = amount(number)
    if more == "几":
        quantity += 2
    elif more in ("多", "余"):
        quantity += 1 if number.endswith("十") else 0.5
    if after:
        quantity += 0.5
    return quantity * (1 if unit == "个月" else 12)


def read_experience(text, *, today=None):
    """The years of work ``text`` (a resume) states, or ``None`` where it states none.

    Date ranges of work count once where they overlap, and run on to ``today`` where a later clause says the
    seeker still works (2009-2015 operator, then security guard till now); a year work began (2018年入职,
    2020年毕业后在) runs to today.  Lengths of work (焊工8年, 之前做过2年普工) add to them, but not those said
    to be within another (最近三年, recent 3 yrs) or beside it (晚上兼职代驾三年).  A length of experience
    (8年焊工经验, 从业12年) sums up the rest: the resume's summary of its history, not more of it, unless
    said to come before or after it.  Schooling, internships, time at home, training, licences' years (驾龄)
    and the jobs wanted are no work.
    """
    today = today or date.today()
    now = today.year * 12 + today.month - 1
    spans, stints, told_apart, total, carries_on = [], 0.0, 0.0, 0.0, False
    # Lines of schooling (Education: X College, Hotel Management, 2016-2019), all their parts.
    school_lines = {number for number, line in enumerate(map(fold, text.splitlines())) if _SCHOOL_HEADING.match(line)}
    for line, clause, wanted, schooled in _clauses(text):
        if schooled == "all" or _AT_HOME.search(clause) or _NOT_WORK.search(clause):
            continue
        dated = [_span(found, today) for found in _RANGE.finditer(clause)]
        dated += [(int(found.group(1)) * 12 + int(found.group(2) or today.month) - 1, now)
                  for found in _STARTED.finditer(clause)]
        if dated:
            at_school = (schooled and not _AT_WORK.search(clause)) or _SCHOOL_YEARS.search(clause)
            if not at_school and line not in school_lines:
                spans.extend(dated)
            continue
        said_wanted = _WANTED.search(clause) if wanted else None
        wanted_from = len(clause) if not wanted else said_wanted.start() if said_wanted else 0
        lengths = list(filter(None, (_of_work(clause, found, wanted_from) for found in _LENGTH.finditer(clause))))
        if not lengths:
            carries_on = carries_on or (not wanted and bool(_NOW.search(clause)) and not _STOPPED.search(clause))
            continue
        kept = [(months, kind) for months, kind in lengths if kind != "aside"] or [(lengths[0][0], "")]
        for months, kind in kept:
            if kind == "total":
                total = max(total, months)
            elif _BEFORE.search(clause) or _LATER.match(clause):
                told_apart += months
            else:
                stints += months
    if carries_on and spans:
        last = max(after for _, after in spans)
        spans.append((last, max(last, now)))
    worked, reached = 0, None
    for since, after in sorted(spans):
        since = since if reached is None else max(since, reached)
        if after > since:
            worked += after - since
            reached = after
    months = max(worked + stints, total) + told_apart
    return round(months / _A_YEAR, 1) if months else None


def read_education(text):
    """The highest schooling ``text`` (a resume) states, as an API education code, or ``None``.

    A level's own words count (学历：大专, 初中毕业, Bachelor of Commerce), unless said of a child or of a
    teacher's post (初中数学老师); a school implies its level (重庆XX职业技术学院: associate, XX大学: bachelor)
    where the clause states none and is not of work there.  A level only planned (想读大专, 自考本科备考) is
    none yet, and training none at all.

    Examples
    --------
    >>> read_education("学历：中专  2009.07-2013.12 重庆XX餐饮管理有限公司 服务员")
    'vocational'
    >>> read_education("2016.09-2020.06 重庆大学 化学工程与工艺"), read_education("在重庆医科大学附属医院做保安")
    ('bachelor', None)
    """
    found = []
    for line in text.splitlines():
        for clause in _CLAUSE_BREAK.split(fold(line)):
            if _NO_LEVEL_YET.search(clause):
                continue
            stated = [level for start, level in education_levels_in(clause) if not _TEACHER_AT.search(clause[:start])]
            found += stated
            # A school implies its level where the clause does not state one (Junior college (大专)).
            if not stated and not _WORKS_AT_THE_SCHOOL.search(clause):
                implied = next((level for pattern, level in _SCHOOL_WORDS if pattern.search(clause)), None)
                found += [implied] if implied else []
    return max(found, key=EDUCATION_RANK.get, default=None)


def _of_work(clause, found, wanted_from):
    """``(months, kind)`` where the length ``found`` in ``clause`` is time at work (not a licence's years or
    training, nor within another's: 最近三年; in a clause saying what is wanted, one said before it or said
    done: 家政 都可以 干了6年), else ``None``.  ``kind`` is ``"total"`` for a length of experience (8年焊工经验,
    从业12年), ``"aside"`` for a side job's (晚上兼职代驾三年), else ``""``."""
    before, after = clause[max(found.start() - 10, 0):found.start()], clause[found.end():found.end() + 12]
    if (_LICENCE_OR_TRAINING.search(before) or _LICENCE_OR_TRAINING.match(after.lstrip("的"))
            or _WITHIN.search(before) or (found.start() > wanted_from and not _DONE.search(before))):
        return None
    if _TOTAL_AFTER.match(after) or _TOTAL_BEFORE.search(before) or _SUMMARY.match(clause):
        return _months(found), "total"
    return _months(found), "aside" if _ASIDE.search(before) else ""


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
