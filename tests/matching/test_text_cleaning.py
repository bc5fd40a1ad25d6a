"""Title cleaning and text features: pure functions, Chinese and English."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from matching.text import clean_title, fold, text_features, to_simplified, tokenize


@pytest.mark.parametrize(
    ("title", "cleaned"),
    [
        ("普工+包吃包住+综合薪资5-6k+汽车厂", "普工 汽车厂"),
        ("明安保安招聘保安", "保安"),
        ("服装 卖手 3~5万", "服装 卖手"),
        ("直播运营 7-12K", "直播运营"),
        ("销售代表（曹县市场）", "销售代表"),
        # The field of an engineer's title is said before it, as in 机械研发工程师; a Latin title keeps none.
        ("研发工程师（机械）", "机械研发工程师"),
        ("开发工程师(Java)", "java开发工程师"),
        ("Engineer (Python)", "engineer"),
        ("新都石油大学三河场大丰直聘送餐员0元入职", "送餐员"),
        ("智能硬件工程师(J10623)", "智能硬件工程师"),
        ("招聘专员", "招聘专员"),
        ("招聘焊工", "焊工"),
        ("Forklift Driver", "forklift driver"),
        ("福建（闽北）区域经理", "区域经理"),
        ("注册会计师-福州市", "注册会计师"),
        ("浙江 销售", "销售"),
        ("上海", "上海"),  # a place alone stays: nothing else is left
        ("招司机", "司机"),
        ("招商经理", "招商经理"),
        ("招生老师", "招生老师"),
        ("聘炼钢工五险一金", "炼钢工"),  # a bare 聘 recruits too (was left on: no occupation)
        ("聘用专员", "聘用专员"),
        # How a seeker types the job they want at a kiosk, and what must stay:
        ("想找个看门的", "看门"),
        ("会开叉车", "开叉车"),
        ("可以做饭", "做饭"),
        ("希望从事会计工作", "会计"),
        ("想在超市上班", "超市"),
        ("会计", "会计"),
        ("会展策划", "会展策划"),
        ("社会工作", "社会工作"),
        ("的哥", "的哥"),
        ("湘伴法律加盟招募令", "湘伴法律加盟招募令"),  # 招募 followed by one character is no title
        ("會計稅務助理", "会计税务助理"),
        ("叉车司机2名", "叉车司机"),  # a headcount says how many, not what
        ("无责底薪4000+电话销售", "电话销售"),
        ("仓管员 可日结", "仓管员"),
        # These left the classifier alone with the noise: 平面设计师岗位 was 盲人医疗按摩人员, 诚聘平面设计师数名
        # 机动车检测工, 重庆某某化工有限公司包装工 市场营销专业人员.
        ("平面设计师岗位", "平面设计师"),
        ("诚聘平面设计师数名", "平面设计师"),
        ("焊工若干名", "焊工"),
        ("平面设计师/双休/年底双薪", "平面设计师"),
        ("平面设计师-晏家工业园", "平面设计师"),
        ("焊工 长寿经开区", "焊工"),
        ("焊工-长寿", "焊工"),
        ("焊工—渝北区", "焊工"),
        ("保安 龙山镇", "保安"),
        ("重庆某某化工有限公司包装工", "包装工"),
        ("社区 护士", "社区 护士"),  # a community is no place name
        ("门岗", "门岗"),  # a gate post is the job
        ("分公司经理", "分公司经理"),
        ("初级装配工", "装配工"),  # was 初级中学教师, a junior-middle-school teacher
        ("资深平面设计师", "平面设计师"),
        ("平面设计师—月薪6000", "平面设计师"),
        ("化工操作工 熟手", "化工操作工"),
        ("高级中学教师", "高级中学教师"),  # a school's level stays
        ("熟练工", "熟练工"),
        # English ads' words around a title (graphic designer wanted was 数字媒体艺术专业人员).
        ("Urgent hiring: welder x3 (night shift)", "welder"),
        ("We are hiring graphic designer / full time", "graphic designer"),
        ("Senior Java Developer", "java developer"),
        ("job coach", "job coach"),
    ],
)
def test_clean_title_strips_ad_noise(title, cleaned):
    assert clean_title(title) == cleaned


def test_clean_title_of_nothing_is_empty():
    assert clean_title(None) == ""
    assert clean_title("  ") == ""
    assert clean_title("包吃包住+五险一金") == ""


TITLE_ALPHABET = st.sampled_from(list("普工叉车司机焊电会计设计师招聘包吃住（）()【】+/-~ 0123456789kK万元javaCNC操作员"))


@given(st.text(alphabet=TITLE_ALPHABET, max_size=30))
def test_clean_title_is_idempotent(title):
    once = clean_title(title)
    assert clean_title(once) == once


@given(st.text(max_size=40))
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


def test_fold_unifies_width_and_case():
    assert fold("  ＣＮＣ　操作工 ") == "cnc 操作工"


def test_fold_simplifies_traditional_characters_once():
    from matching.text import _TRADITIONAL

    assert fold("電焊工 會計") == "电焊工 会计"
    # Every target is simplified already, so folding twice changes nothing.
    assert not set(_TRADITIONAL.values()) & {chr(source) for source in _TRADITIONAL}


def test_to_simplified_changes_names_character_for_character():
    assert to_simplified("姓名：張偉，劉麗") == "姓名：张伟，刘丽"
    assert to_simplified("张伟 Zhang Wei") == "张伟 Zhang Wei"


@given(st.text(alphabet=st.sampled_from(list("張偉劉麗會計张伟 aZ１")), max_size=30))
def test_to_simplified_keeps_every_position(text):
    # service/domain.py masks at the positions it finds a name in the simplified text.
    assert len(to_simplified(text)) == len(text)


def test_text_features_are_bigrams_and_words():
    assert text_features("熟悉Python3，会开叉车") == ["熟悉", "python3", "会开", "开叉", "叉车"]
    assert text_features("") == []


def test_tokenize_segments_chinese_with_jieba_quietly(capsys):
    assert tokenize("熟练使用Python开发") == ["熟练", "使用", "python", "开发"]
    assert capsys.readouterr().out == ""
