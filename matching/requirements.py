"""What a posting's description requires, as an HR clerk fills the form from it: the minimum schooling, the
minimum years of experience and the monthly pay.

A description is read clause by clause (lines, sentences, commas; fields a booth sign separates by spaces).
A clause saying a thing is preferred (本科优先, experience a plus) requires nothing.  Schooling is the lowest
level a clause requires (大专及以上学历, 高中/中专以上; 学历不限 is ``none``); years are the first length of
experience required (3年以上焊接工作经验, 经验1-3年, 5+ years), not a licence's (5年以上驾龄), and none where
the posting takes newcomers (经验不限, 应届生亦可, no experience needed); pay is the first monthly amount
stated as pay (月薪5000-8000, 综合6-8k, 底薪3000+提成: 3000 and more, 年薪12-18万: a twelfth), not pay by the
hour, day or piece.
"""
import functools
import re
from typing import NamedTuple

from .profile import EDUCATION_RANK, education_levels_in
from .text import CHONGQING_DISTRICTS, amount, fold

__all__ = ["Requirements", "read_requirements", "read_location", "read_blank_fields"]


class Requirements(NamedTuple):
    """A posting's requirements read from its description; ``None`` where it states none."""

    education_min: str = None  # an API education code
    experience_min_years: int = None
    salary_min: int = None  # yuan a month
    salary_max: int = None


# Clauses of a line once folded (a Chinese comma is split before folding: 985/211优先 is one clause, 6,000 one number).
_CLAUSE = re.compile(r"[。;；!！?？\n|｜]+|,(?!\d{3}(?!\d))|(?<=[\u4e00-\u9fff\d+])\s+(?=[\u4e00-\u9fff【])|\s+\d[.、)]\s+"
                     r"|(?<=[a-z\d\u4e00-\u9fff)])\.\s+")
_PREFERRED = re.compile(r"优先|为佳|更佳|者佳|加分|preferred|a plus|is a plus|an? advantage|desirable|ideally|nice to have"
                        r"|bonus points")
_ANY_SCHOOLING = re.compile(r"(?:学历|文化程度|文化)\s*[:：]?\s*(?:要求)?\s*(?:均|都)?\s*(?:不限|无要求|不作要求)|学历经验均不限|不限学历"
                            r"|不要求学历|无学历要求|no (?:degree|education)(?: or experience)? (?:required|requirement|needed)"
                            r"|(?:degree|education)[^.;]{0,24}not required|education: any")
# A degree of no named level, in English: a bachelor's (a degree in Early Childhood Education).
_A_DEGREE = re.compile(r"\b(?:a |university |college )?degree\b")
# A bachelor's of a named kind: 985/211院校.
_NAMED_BACHELOR = re.compile(r"(?:985|211)(?:\s*/\s*(?:985|211))?\s*(?:院校|高校|大学|毕业|工程)")

_NEWCOMERS = re.compile(r"(?:经验|教龄|工作年限)\s*[:：]?\s*(?:要求)?\s*(?:均|都)?\s*(?:不限|无要求|不要求)|学历经验均不限|不限经验"
                        r"|无经验(?:者)?(?:可|也可|亦可|均可)|有无经验|接受无经验|无需经验|不需要经验|不要求经验|零基础|新手可"
                        r"|可接受新手|学徒可带|可带学徒|包教会|(?<!不)(?<!不接受)(?:应届|届毕业生|在校生)"
                        r"|no (?:education or |degree or )?(?:prior |work )?experience(?: is)?"
                        r" (?:required|needed|necessary|ok|okay)"
                        r"|experience[^.;]{0,20}not (?:required|necessary|needed)"
                        r"|\b(?:beginners?|newcomers?|fresh graduates?|graduates?|new teachers|newly [a-z]+ teachers)"
                        r"(?: are)? welcome"
                        r"|entry[- ]level|will train")
_NUMBER = r"(\d{1,2}(?:\.\d)?|[一二两三四五六七八九十]{1,3}|半)"
# A length of experience: N年 where the clause says it is one of experience, before it (经验1-3年, 教龄2年以上,
# 从事临床工作5年以上) or after it (3年以上焊接工作经验, 5+年火锅行业经验), or says a minimum (5年以上); in English,
# N years of what is not age, a licence or the company's history.
_YEARS = re.compile(rf"{_NUMBER}\s*(?:[-~～到至]\s*{_NUMBER}\s*)?\+?\s*(?:个)?\s*年(?!龄|薪|终|级|底|届)"
                    r"|(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:-\s*\d{1,2})?\s*\+?\s*"
                    r"(years?|yrs?|months?)\b")
_EXPERIENCE_AFTER = re.compile(r"^\s*(?:以上|及以上|或以上|左右|\+)?[^,，。;；\d]{0,14}?(?:经验|经历|从业|工龄|教龄)")
_A_MINIMUM_AFTER = re.compile(r"^\s*(?:以上|及以上|或以上|\+)")
_EXPERIENCE_BEFORE = re.compile(r"(?:经验|经历|从业|从事|工龄|教龄|工作年限)[^,，。;；\d]{0,10}$")
_NOT_EXPERIENCE = re.compile(r"驾龄|年龄|岁|工期|合同|驾照|驾驶证|成立|创立|licen[cs]e|driving|\bages?\b|\bolds?\b|founded"
                             r"|established|history|warranty|contract|ago\b")
_WITHIN = re.compile(r"(?:其中|含|including|with at least)\s*$")

_PAY_WORDS = re.compile(r"月薪|工资|薪资|薪酬|待遇|综合|底薪|保底|收入|月入|月均|月结|薪水|年薪|salary|pay|wage|income|rmb|元|¥|k\b")
# Pay by the hour, day, piece or lesson, said next to an amount (时薪20元, 200元/天; not an allowance's
# 30/day after a monthly range), and clauses of phone numbers.
_NOT_MONTHLY = re.compile(r"时薪|小时|/h\b|/hr|每小时|日结|日薪|/天|一天|每天|日工资|课时|/节|元/节|计件|按件|每件|/件|平米|平方|"
                          r"per (?:hour|day|piece|lesson)|/(?:hour|day)|an hour|a day|hourly|daily")
_PHONE = re.compile(r"电话|联系|\btel\b|call|phone")
_AMOUNT = re.compile(r"(?<![a-z\d.*-])(\d+(?:\.\d+)?)\s*(k|千|万|w)?\s*(?:元)?"
                     r"\s*(?:[-~～到至—]\s*(\d+(?:\.\d+)?)\s*(k|千|万|w)?)?"
                     r"\s*(元|rmb|yuan)?\s*(?:/|每|一个|per |a )?\s*(月|年|month|year)?\s*(以上|起|\+|左右|上下)?")
# What may follow a bare amount a clause states as pay without saying so (8000-10000, 4000包吃, 8000+).
_BARE_PAY_AFTER = re.compile(r"^\s*(?:$|元|/|每月|包|\+|以上|起|左右|上下|面|rmb|yuan|per month|a month|month)")
_YEARLY = re.compile(r"年薪|annual|per year|/year|a year|per annum|annually")
_FLOOR = re.compile(r"底薪|保底|基本工资|不低于|\bbase\b|\bbasic\b|guaranteed|minimum|at least")
_FLOOR_AFTER = re.compile(r"^\s*(?:\+|base\b|basic\b|底薪)")
_TOTAL_PAY = re.compile(r"综合|月入|月均|收入|到手|total|average|income")
_UNITS = {"k": 1000, "千": 1000, "万": 10000, "w": 10000}

# Where the work is: a labelled field (工作地点：, 地址：, Location:), else the first district named in a clause that is
# not about routes driven, customers' regions, travel or who is preferred (熟悉长寿区路况, 长寿本地人优先).
_LOCATION_FIELD = re.compile(r"(?:工作地点|上班地点|工作地址|办公地点|项目所在地|地点|地址|\b(?:work(?:ing)? |job )?location"
                             r"|\baddress|\bbased in)\s*(?:[:：]|在|is|at)?\s*([^,，。;；\n()（）]{2,40})")
_DISTRICT = "|".join(sorted((d for d in CHONGQING_DISTRICTS if d not in ("高新区", "经开区")), key=len, reverse=True))
_PLACE = re.compile(rf"(?:重庆市?)?(?:{_DISTRICT})(?:区|县)?(?:[\u4e00-\u9fff]{{0,8}}?(?:街道|镇|乡|工业园区?|化工园区|园区"
                    rf"|经开区|经济技术开发区|高新区|城区|新城|片区|湖|大道|路))?|changshou(?: economic[a-z &-]*zone)?"
                    r"|(?<=in )chongqing|chongqing(?= office)|chongqing-based")
_NOT_THE_WORKPLACE = re.compile(r"路线|路况|道路|线路|跑|客户(?!经理|代表|服务|专员|主管|顾问)|区域|出差|差旅|熟悉|资源|本地人|户籍|优先"
                                r"|配送到|送往|route|clients?|customers?|travel|region|visit|transport|deliver|from .* to ")


def read_requirements(text):
    """The schooling, years and pay a posting's ``text`` requires, as :class:`Requirements`.

    Examples
    --------
    >>> read_requirements("大专及以上学历，3年以上仓储管理经验，月薪6000-8000，包吃住")
    Requirements(education_min='associate', experience_min_years=3, salary_min=6000, salary_max=8000)
    >>> read_requirements("本科优先；有经验者优先；C1驾照，5年以上驾龄；底薪3000+提成")
    Requirements(education_min=None, experience_min_years=None, salary_min=3000, salary_max=None)
    """
    clauses = _clauses(text)
    return Requirements(_education(clauses), _experience(clauses), *_pay(clauses))


def read_blank_fields(record):
    """The fields a posting ``record`` leaves blank (``education_min``, ``experience_min_years``, ``location``,
    and ``salary_min`` and ``salary_max`` where both are) that its description states (its title too, for the
    place), as ``{field: value}``: what an employer who skips the form's fields wrote instead.

    Examples
    --------
    >>> read_blank_fields({"title": "仓管", "description": "高中以上，月薪4000-5000", "salary_min": 4500})
    {'education_min': 'high_school'}
    """
    blank = tuple(field for field in ("education_min", "experience_min_years", "location")
                  if record.get(field) in (None, ""))
    if record.get("salary_min") in (None, "") and record.get("salary_max") in (None, ""):
        blank += ("salary_min", "salary_max")
    if not blank:
        return {}
    return dict(_read_fields(str(record.get("title") or ""), str(record.get("description") or ""), blank))


@functools.lru_cache(maxsize=4096)
def _read_fields(title, description, blank):
    # Kept: an index reads every posting again when it is built, and pages show the same postings again.
    stated = read_requirements(description)._asdict() if description else {}
    stated["location"] = read_location(f"{title}\n{description}")
    return tuple((field, stated[field]) for field in blank if stated.get(field) is not None)


def read_location(text):
    """Where the work of a posting ``text`` (title and description) is, as written, or ``None``.

    Examples
    --------
    >>> read_location("设备维修技术员\\n薪资：7000-9000元\\n地址：长寿区菩提街道")
    '长寿区菩提街道'
    >>> read_location("同城配送司机，C1驾照，熟悉长寿区路况") is None
    True
    """
    for line in text.splitlines():
        found = _LOCATION_FIELD.search(fold(line))
        if found and not _NOT_THE_WORKPLACE.search(found.group(1)):
            return found.group(1).strip()
    for clause in _clauses(text):
        found = None if _NOT_THE_WORKPLACE.search(clause) else _PLACE.search(clause)
        if found:
            return found.group(0)
    return None


def _clauses(text):
    """The folded clauses of ``text``, in order (a Chinese comma split before folding makes it a plain one)."""
    return [clause for line in text.splitlines() for part in line.split("，") for clause in _CLAUSE.split(fold(part))
            if clause and clause.strip()]


def _education(clauses):
    """The lowest schooling a clause requires (高中/中专以上: high school), ``none`` where any will do."""
    required = []
    for clause in clauses:
        if _ANY_SCHOOLING.search(clause):
            return "none"
        if _PREFERRED.search(clause):
            continue
        levels = [level for _, level in education_levels_in(clause)]
        if not levels and (_NAMED_BACHELOR.search(clause) or _A_DEGREE.search(clause)):
            levels = ["bachelor"]
        required += levels
    return min(required, key=EDUCATION_RANK.get, default=None)


def _experience(clauses):
    """The first length of experience a clause requires, whole years; 0 where newcomers are taken."""
    if any(_NEWCOMERS.search(clause) for clause in clauses):
        return 0
    for clause in clauses:
        if _PREFERRED.search(clause) or _NOT_EXPERIENCE.search(clause):
            continue
        for found in _YEARS.finditer(clause):
            before, after = clause[:found.start()], clause[found.end():]
            if _WITHIN.search(before):
                continue
            if found.group(1):
                if _EXPERIENCE_AFTER.match(after) or _EXPERIENCE_BEFORE.search(before) or _A_MINIMUM_AFTER.match(after):
                    return int(amount(found.group(1)))
            else:
                years = int(amount(found.group(3)))
                return years // 12 if found.group(4).startswith("month") else years
    return None


def _pay(clauses):
    """``(least, most)`` monthly pay: a stated total's range before a base pay's floor (底薪2100+加班, 综合5000-6500),
    else the first amount stated as pay by the month or year (or, bare, as a booth sign does: 8000-10000)."""
    stated = []
    for clause in clauses:
        clause = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", clause)  # 6,000-8,000
        if _PHONE.search(clause):
            continue
        said_pay = bool(_PAY_WORDS.search(clause))
        for found in _AMOUNT.finditer(clause):
            near = clause[max(found.start() - 6, 0):found.end() + 6]
            if _NOT_MONTHLY.search(near):
                continue
            pay = _monthly(found, clause, said_pay)
            if pay is None or not (said_pay or _BARE_PAY_AFTER.match(clause[found.end():])):
                continue
            stated.append((pay, bool(_TOTAL_PAY.search(clause[:found.start()]))))
            break
    totals = [pay for pay, total in stated if total and pay[1] is not None and pay[0] != pay[1]]
    if totals and stated[0][0][1] is None:
        return totals[0]
    return stated[0][0] if stated else (None, None)


def _monthly(found, clause, said_pay):
    """``(least, most)`` monthly pay an amount ``_AMOUNT`` found in ``clause`` says, or ``None`` where it is none
    (a bare amount, in a clause that does not say it is pay, must be round: not 2019-2024 nor IATF 16949)."""
    low, low_unit, high, high_unit, _, per, more = found.groups()
    scale = _UNITS.get((high_unit or low_unit or "").lower(), 1)
    low_value = float(low) * _UNITS.get((low_unit or "").lower(), scale)
    high_value = float(high) * scale if high else None
    after = clause[found.end():]
    yearly = per in ("年", "year") or bool(_YEARLY.search(clause[:found.start()]) or _YEARLY.match(after.lstrip()))
    if yearly:
        low_value, high_value = low_value / 12, high_value / 12 if high_value else None
    if not 800 <= low_value <= 200_000 or (high_value is not None and high_value < low_value):
        return None
    if not said_pay and (low_value % 100 or (high_value or 0) % 100):
        return None
    least = _hundreds(low_value, yearly)
    if high_value is not None:
        return least, _hundreds(high_value, yearly)
    if more in ("以上", "起", "+") or _FLOOR.search(clause[:found.start()]) or _FLOOR_AFTER.match(after):
        return least, None
    return least, least


def _hundreds(value, yearly):
    """Monthly pay as the form takes it: a twelfth of a year's to the nearest hundred."""
    return int(round(value / 100) * 100) if yearly else int(round(value))
