"""What a posting's description requires (matching.requirements), read as an HR clerk fills the form."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matching.requirements import Requirements, read_location, read_requirements


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("长寿经开区汽车零部件厂招普工20名\n要求：年龄18-45岁，初中以上文化，身体健康\n待遇：综合工资5000-7000元/月，包吃包住\n经验不限",
         Requirements("junior_high", 0, 5000, 7000)),
        # A preference requires nothing; the lowest of two levels is the minimum.
        ("物流园仓库急招叉车司机2名，1年以上叉车驾驶经验，高中以上学历优先。月薪6000-7500，联系电话13896xxxxxx",
         Requirements(None, 1, 6000, 7500)),
        ("化工厂操作工\n学历：高中/中专以上\n经验：不限，可接受应届毕业生\n薪资：5500-7000元/月", Requirements("high_school", 0, 5500, 7000)),
        ("本科优先，大专也可，有经验者优先", Requirements("associate", None, None, None)),
        # A licence's years and an age are not experience; the first length of experience is the minimum.
        ("招聘9.6米货车司机2名，A2驾照，5年以上驾龄，年龄45岁以下。月薪8000-12000", Requirements(None, None, 8000, 12000)),
        ("本科及以上学历；5年以上汽车零部件行业质量管理经验，其中2年以上主管经验。薪资：年薪12-18万",
         Requirements("bachelor", 5, 10000, 15000)),
        ("质检员 学历大专 经验1-3年 薪资4500-6000", Requirements("associate", 1, 4500, 6000)),
        ("铆工 2名，5年以上，看懂图，能独立放样下料，8000-10000", Requirements(None, 5, 8000, 10000)),
        # Pay: a floor, a stated total over a base, a year's a twelfth; not by the hour, day or piece.
        ("急招销售代表10名！学历不限，无经验可。底薪3000+提成+奖金，上不封顶", Requirements("none", 0, 3000, None)),
        ("冲压车间招操作工8人，初中文化即可。底薪2100+加班费+全勤，综合工资5000-6500元。", Requirements("junior_high", None, 5000, 6500)),
        ("电子厂普工，18-45岁，长白班，时薪20元，包吃包住", Requirements(None, None, None, None)),
        ("工地招钢筋工10人，熟手，日结350元，包住不包吃。2024年开工，距离地铁站500米", Requirements(None, None, None, None)),
        ("本店招面点师傅一名，工资面议。电话：138****6271", Requirements(None, None, None, None)),
        # English, and numbers written with separators.
        ("Requirements: Bachelor's degree or above; at least 2 years in export sales.\n"
         "Salary: RMB 6,000-10,000/month + commission",
         Requirements("bachelor", 2, 6000, 10000)),
        ("Age 22-40. Experience with injection molding machines required (minimum 3 years).\n"
         "Salary: guaranteed minimum RMB 7,000/month.", Requirements(None, 3, 7000, None)),
        ("Room Attendant. No experience needed - we train you. No education requirement.\nPay: RMB 3,800-4,500/month",
         Requirements("none", 0, 3800, 4500)),
        ("IATF16949, ISO 9001. Master's degree preferred. Plant founded 10 years ago.",
         Requirements(None, None, None, None)),
    ],
)
def test_what_a_description_requires(text, expected):
    assert read_requirements(text) == expected


# Pieces descriptions are made of: requirements, preferences, and numbers that are none.
STATING = ["大专及以上学历", "3年以上", "经验不限", "6000-8000", "底薪3000+提成", "年薪12-18万", "Bachelor's degree", "5+ years",
           "RMB 6,000/month"]
NOT_STATING = ["本科优先", "相关工作经验", "驾龄5年", "年龄18-45岁", "月薪", "时薪20元", "面议", "招10人", "电话138****6271",
               "，", "。", "\n", " ", "；"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(STATING + NOT_STATING), max_size=12).map("".join))
def test_requirements_read_are_in_the_forms_ranges_and_the_same_each_time(text):
    found = read_requirements(text)
    assert found == read_requirements(text)
    assert found.experience_min_years is None or 0 <= found.experience_min_years <= 60
    assert found.salary_min is None or 800 <= found.salary_min <= 200_000
    assert found.salary_max is None or (found.salary_min is not None and found.salary_max >= found.salary_min)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NOT_STATING), max_size=12).map("".join))
def test_nothing_is_read_from_a_description_that_states_no_requirement(text):
    assert read_requirements(text) == Requirements()


@pytest.mark.parametrize(
    ("text", "location"),
    [
        # A labelled field, else the first place a clause names as where the work is.
        ("化工厂操作工\n薪资：5500-7000元/月\n工作地点：重庆长寿经济技术开发区", "重庆长寿经济技术开发区"),
        ("工艺工程师（长寿化工园区）\n负责装置工艺运行管理", "长寿化工园区"),
        ("工地招钢筋工10人，熟手，日结350元。工地在长寿区晏家，长期有活。", "长寿区"),
        ("某银行长寿支行招聘客户经理", "长寿"),
        ("Front Desk Agent - 4-star hotel, Changshou District", "changshou"),
        ("DevOps Engineer (Remote-friendly, Chongqing office)", "chongqing"),
        # Routes, customers' regions, travel and who is preferred are not where the work is.
        ("同城配送司机，C1驾照，熟悉长寿区路况，月薪6000-7500", None),
        ("4.2米货车司机，主要跑长寿到主城的配送", None),
        ("出纳兼行政，有2年以上出纳经验，长寿本地人优先", None),
        ("医药代表：有长寿区医院资源者优先", None),
        ("Transport export containers from Changshou port to Chongqing Guoyuan Port", None),
        ("Front Office Manager 前厅经理\nOffice 365", None),
    ],
)
def test_where_the_work_is(text, location):
    assert read_location(text) == location
