"""Which jobs a resume names, and the years of work and schooling it states (matching.resumes), as a recruiter
reads them."""
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matching.occupations import default_normalizer
from matching.resumes import read_education, read_experience, read_jobs
from matching.text import fold


def titles(text):
    return default_normalizer().titles_in_text(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A work history: the job running to today first, then the longer one.
        ("2013.05-2016.02 永辉超市 理货员\n2016.03-至今 重庆XX物业服务有限公司 秩序维护员", ["秩序维护员", "理货员"]),
        ("2013年-2023年 XX水泥厂 中控员\n2023年-至今 XX水泥厂 生产部副经理", ["生产部副经理", "中控员"]),
        ("2016.07-2018.02 江津XX五金厂 普工\n2018.03-2023.06 重庆XX机械有限公司 数控车工", ["数控车工", "普工"]),
        ("Waiter at Hilton Chongqing 2019-2022, then bartender at a bar in Jiefangbei 2022-present",
         ["bartender", "waiter"]),
        ("Accountant 2015-2023 (8 yrs): general ledger, payroll. 2023-now: Accounting Manager at the same firm.",
         ["accounting manager", "accountant"]),
        # A current job of months beside a career of years is a stint; so is a past one.
        ("现在做门卫 半年 之前在XX厂做注塑工6年", ["注塑工", "门卫"]),
        ("2017.8-2019.3 XX汽车 装配工\n2019.4-2019.8 XX厂 叉车司机\n2019.9-至今 XX汽车 总装线班组长",
         ["总装线班组长", "装配工"]),
        # What a line says came later is the current job; what it says came before, earlier.
        ("KTV服务员 2年 之后做KTV收银 1年多到现在", ["ktv收银", "ktv服务员"]),
        ("服装店 店长 2年 之前导购 4年", ["店长", "导购"]),
        # Kiosk entries: the first word of work with its time, known to the normaliser.
        ("注塑 3年 会调机 会换模 能上夜班", ["注塑"]),
        ("保按 夜班 看监控 XX小区 保安 3年", ["保安"]),
        # A job said by the work done for a time, where the normaliser is sure of it; not any words.
        ("在汽配厂开了五年冲床 之前送过两年外卖", ["冲床", "外卖"]),
        ("做事认真 能吃苦 3年", []),
    ],
)
def test_the_current_or_longest_job_comes_first(text, expected):
    assert titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Certificates, schooling, company names and skills name no job held.
        ("持有焊工证、电工证、叉车证", []),
        ("有中式烹调师四级证 西式面点师证 目前在XX小区当保安4年", ["保安"]),
        ("2024届 重庆工业职业技术学院 机电一体化技术 应届毕业生\n熟悉PLC、CAD", []),
        ("我是学前教育专业的 在幼儿园当了四年配班老师", ["配班老师"]),
        ("2017-2024 重庆XX保安服务有限公司 行政文员 负责排班考勤", ["行政文员"]),
        ("本人会开叉车 有叉车证 之前在超市做收银5年", ["收银"]),
        ("Certificates: forklift license, low-voltage electrician, first aid", []),
        ("Software Engineer (Backend)\nHuawei Chongqing Research Center, 2018.07 – present", ["software engineer"]),
        # Whom the seeker worked with is not what they were.
        ("2021.03至今 XX供应链管理有限公司 调度员 负责对接司机、安排车辆", ["调度员"]),
        ("生产助理 3年 协助生产主管排产、跟进物料", ["生产助理"]),
        # Time at home is no job.
        ("2012-2015 重庆XX商场 服装导购\n2015-2023 在家带孩子", ["服装导购"]),
    ],
)
def test_what_names_no_job_held_is_left_out(text, expected):
    assert titles(text) == expected


def test_jobs_wanted_come_after_the_jobs_done_and_alone_are_the_titles():
    text = "求职意向：电工\n工作经历：2019年至今 重庆XX物业服务有限公司 保安\n证书：低压电工作业证"
    assert read_jobs(default_normalizer(), text) == (["保安"], ["电工"])
    assert titles(text) == ["保安", "电工"]
    # A seeker who states only what they want is matched on it.
    assert titles("高中毕业 没上过班 想找个服务员的工作") == ["服务员"]
    assert read_jobs(default_normalizer(), "全职妈妈5年 想重新工作 能做收银 文员") == ([], ["收银", "文员"])


# Pieces resumes are made of: jobs, times, places, certificates, schooling, wishes, noise.
PIECES = ["焊工", "装配工", "会计", "叉车司机", "保安", "安全部经理", "warehouse keeper", "team leader", "5年", "3个月",
          "2016.03-至今", "2012-2015", "重庆XX机械有限公司", "在家带孩子", "焊工证", "电工中级证", "重庆XX职业学院 数控专业",
          "求职意向：", "想找", "之前", "后来", "做了", "担任", "工作经验", "负责对接司机", "会开叉车", "Certificates:",
          "then", "since 2018", ",", "，", "。", " ", "\n", "worked as a", "present"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join), st.integers(1, 4))
def test_the_jobs_read_are_words_of_the_resume_at_most_limit_and_the_same_each_time(text, limit):
    normalizer = default_normalizer()
    found = normalizer.titles_in_text(text, limit=limit)
    assert len(found) <= limit and len(set(found)) == len(found)
    folded = " ".join(fold(line) for line in text.splitlines())
    assert all(title in folded for title in found)
    assert normalizer.titles_in_text(text, limit=limit) == found
    done, wanted = read_jobs(normalizer, text)
    assert found == (done + wanted)[:limit] and not set(done) & set(wanted)


TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # Date ranges: months as written, a last month counted whole, 至今 to today; years alone are whole years.
        ("2016.03-至今 重庆XX物业服务有限公司 秩序维护员", 10.7),
        ("2012-2016 warehouse clerk at Walmart DC; 2016-present warehouse supervisor at JD Logistics", 14.0),
        # Ranges that meet or overlap count once.
        ("2006.07-2010.05 XX五金制品厂 电焊工\n2010.06-2024.03 XX重工 焊工班长", 17.8),
        ("2015-2020 XX厂 普工\n2018-2021 XX厂 质检员", 6.0),
        # A year work began runs to today; so does a later clause saying the seeker still works.
        ("本人于2018年入职重庆XX机车厂，担任电机装配工，现任车间安全员", 8.0),
        ("worked in Guangzhou electronics factory as operator 2009-2015 then security guard at hospital till now",
         17.8),
        ("顺丰收派员 2016-2022\n现在 无", 6.0),
        # Lengths add up, with ranges too; vague ones as a recruiter reads them.
        ("焊工8年，之前做过2年普工", 10.0),
        ("产品经理 PM 2年（2022至今），之前做了3年前端开发（Vue）", 7.0),
        ("Purchasing assistant 1 yr, then buyer 2 yrs, procurement manager since 2019", 10.0),
        ("在建筑工地上干了十几年钢筋工", 12.0),
        ("奶茶店店员 一年多", 1.5),
        # A length of experience is the summary of the rest; a length within another or beside it adds nothing.
        ("8年焊工工作经验。2015-2023 XX钢构 焊工", 8.0),
        ("纹绣师 5年经验 之前美容院做美容师3年", 8.0),
        ("Cook for 9 years in Sichuan restaurants, recent 3 yrs head chef", 9.0),
        ("我白天在XX公司给领导开车六年 晚上兼职代驾三年", 6.0),
    ],
)
def test_the_years_of_work_a_resume_states(text, years):
    assert read_experience(text, today=TODAY) == years


@pytest.mark.parametrize(
    "text",
    [
        # Schooling, internships while studying, time at home, a licence's years, training and the jobs wanted.
        "2016.09-2020.06 重庆大学 化学工程与工艺 本科",
        "Education: Chongqing Tourism Vocational College, Hotel Management, 2016-2019",
        "应届毕业生\n实习：2023.07-2023.10 XX项目部 测量员",
        "结婚后一直在家照顾老人和小孩，已有8年没上班",
        "有C1驾照8年，驾驶技术熟练，求职意向：网约车司机",
        "I have welder certificate, trained 6 months at vocational school",
        "求职意向：焊工 希望5年内成为班长",
        "本人吃苦耐劳，服从安排",
    ],
)
def test_time_that_is_no_work_reads_as_none(text):
    assert read_experience(text, today=TODAY) is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
def test_the_years_read_are_never_negative_nor_beyond_the_dates_and_lengths_given(text):
    years = read_experience(text, today=TODAY)
    assert years is None or 0 < years <= 60
    assert read_experience(text, today=TODAY) == years
    # Nothing is read from a resume without a date or a length.
    stripped = text.replace("5年", "").replace("3个月", "").replace("2016.03-至今", "").replace("2012-2015", "")
    assert read_experience(stripped.replace("since 2018", ""), today=TODAY) is None


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # A level's own words, the highest where several are stated.
        ("姓名：李X 性别：女 学历：中专\n2015.09-2022.12 重庆XX焊接设备有限公司 会计", "vocational"),
        ("2015年初中毕业后跟着老乡去江苏一家电子厂当了两年普工", "junior_high"),
        ("中专 汽修专业，后来读了成人大专", "associate"),
        ("MBA candidate (class of 2025), CFA Level II candidate, BA Economics", "master"),
        ("Bachelor of Commerce, UNSW. Back in China since 2023", "bachelor"),
        # A school implies its level, where the clause states none.
        ("2021.09-2024.06 重庆XX科技职业学院 工业机器人技术", "associate"),
        ("2011.09-2014.06 重庆XX技工学校 数控专业", "vocational"),
        ("本人2016年毕业于重庆大学会计专业", "bachelor"),
        ("Education: Junior college (大专), 2023", "associate"),
        ("毕业院校：重庆XX职业学院\n获奖：学院烹饪技能大赛二等奖", "associate"),
    ],
)
def test_the_schooling_a_resume_states(text, level):
    assert read_education(text) == level


@pytest.mark.parametrize(
    "text",
    [
        # A child's schooling, a teacher's post, work at a school, training, a level only planned.
        "孩子上初中了，想找份白天的工作",
        "初中数学老师 8年",
        "Full-time Chinese teacher at a middle school (2012–present)",
        "在重庆医科大学附属医院做保安",
        "I have welder certificate, trained 6 months at vocational school",
        "想读大专 先找份工作",
        "2 yrs Uber Eats courier, then 3 yrs business analyst. Now BA at a fintech in Chongqing.",
    ],
)
def test_schooling_that_is_not_the_seekers_reads_as_none(text):
    assert read_education(text) is None
