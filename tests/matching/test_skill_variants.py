"""Skill spellings, certificates and driving-licence classes."""
import csv
import re
from datetime import date
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matching.skills import _years_said, alternatives, canonical_skill, expand_held, held_skills, holds, \
    is_credential, skill_items, skill_label, skills_in_text
from matching.text import fold, longest_first


@pytest.mark.parametrize(
    "variants",
    [
        ["叉车证", "叉车操作证", "叉车驾驶证", "Forklift licence"],
        ["Python", "python3", "Python 3", "PYTHON"],
        ["C1驾照", "C1驾驶证", "c1", "驾照C1", "C1 licence"],
        ["电工证", "电工证书"],
        ["电工操作证", "电工特种作业操作证", "电工证（特种作业）"],
        ["焊工证", "焊工证书", "电焊证"],
        ["CAD", "cad制图", "CAD绘图"],
        ["AutoCAD", "autocad drawing", "Auto CAD"],
        ["Excel", "excel表格", "MS Excel"],
        ["健康证", "健康证明", "health certificate"],
        # A class or kind in brackets, how well, or another name of the same certificate.
        ["叉车证", "叉车证（N1）", "叉车司机证", "特种设备作业人员证（叉车）"],
        ["低压电工证", "电工证（低压）", "低压电工作业证"],
        ["熔化焊接与热切割作业证", "焊工证（熔化焊）"],
        ["压力容器证", "压力容器证（R1）"],
        ["excel熟练", "熟练使用Excel", "精通Excel"],
        ["CAD", "使用CAD", "会CAD"],
        ["登高证", "高处作业证", "高空作业证"],
        ["塔吊证", "塔吊操作证", "塔式起重机司机证", "Tower crane licence"],
        ["行车证", "天车证", "天车操作证", "桥式起重机证"],
        ["B2驾照", "持B2驾驶证", "有B2驾照"],
        ["英语", "英文", "English"],
        ["英语口语流利", "英语流利", "Fluent English"],
        # The umbrella certificates, their trade in brackets.
        ["低压电工证", "特种作业操作证（低压电工）"],
        ["熔化焊接与热切割作业证", "特种作业操作证（熔化焊接与热切割）", "焊工特种作业操作证"],
        ["叉车证", "特种设备作业人员证（N1）", "特种设备操作证（叉车）", "叉车证N1"],
        ["起重证", "特种设备作业人员证（起重机）"],
        ["登高证", "特种作业证（登高）"],
        # As a fair's ads and seekers write them (each split from the first spelling before):
        ["焊工证", "焊工上岗证", "焊工资格证", "持焊工证", "电焊工证"],
        ["电工证", "电工资格证", "有电工证"],
        ["起重证", "起重证书", "起重机操作证", "起重机司机证"],
        ["行车证", "行车操作证", "行车工证"],
        ["高压电工证", "高压电工上岗证", "电工证（高压）", "特种作业操作证（高压电工）"],
        ["C++", "c++11", "CPP"],
        ["C语言", "C", "c99"],
        ["叉车证", "叉车资格证", "叉车工证", "场（厂）内专用机动车辆作业证"],
        ["健康证", "健康证书", "有健康证"],
        ["食品健康证", "餐饮健康证", "食品从业人员健康证"],
        ["C1驾照", "C1以上驾照", "C1及以上驾照"],
        ["Excel", "会用Excel", "掌握Excel"],
        ["普通话", "普通话标准", "Mandarin"],
        ["危险化学品作业证", "危化品证", "危化证", "特种作业操作证（危险化学品）"],
        ["司炉证", "锅炉证", "锅炉操作证"],
        ["设备维修", "机修", "设备维修经验"],
    ],
)
def test_variants_share_one_key(variants):
    keys = {canonical_skill(variant) for variant in variants}
    assert len(keys) == 1, keys


def test_an_umbrella_certificate_is_named_by_the_trade_it_certifies_not_by_any_skill_in_brackets():
    assert canonical_skill("特种作业操作证（Excel）") == canonical_skill("特种作业操作证") != canonical_skill("Excel")
    assert is_credential(canonical_skill("特种作业操作证（Excel）"))


def test_a_skill_that_starts_like_a_proficiency_word_keeps_it():
    assert canonical_skill("会展策划") == "会展策划"  # not 展策划
    assert canonical_skill("会计") == canonical_skill("accounting") != canonical_skill("计")
    assert canonical_skill("有机化学") == "有机化学"  # not 机化学
    assert is_credential(canonical_skill("叉车证（N1）")) and is_credential(canonical_skill("登高证"))


def test_unknown_certificates_fold_their_suffixes():
    assert canonical_skill("防腐保温操作证") == canonical_skill("防腐保温作业证") == canonical_skill("防腐保温证书") == "防腐保温证"


def test_the_certificate_of_a_skill_is_the_trades_certificate_not_the_skill():
    # 焊工上岗证 was the skill 焊接 (not a credential), so anyone who listed 电焊 met a posting that required it.
    for certificate, skill in (("焊工上岗证", "电焊"), ("电工资格证", "电工"), ("叉车资格证", "叉车")):
        assert canonical_skill(certificate) != canonical_skill(skill)
        assert is_credential(canonical_skill(certificate))
    assert is_credential(canonical_skill("危化品证")) and is_credential(canonical_skill("司炉证"))


def test_operating_a_forklift_is_not_holding_the_licence():
    assert canonical_skill("叉车") != canonical_skill("叉车证")
    assert not is_credential(canonical_skill("叉车"))
    assert is_credential(canonical_skill("叉车证"))


@pytest.mark.parametrize(
    ("held", "covered", "not_covered"),
    [
        ("A1", ["A3", "B1", "B2", "C1", "C2"], ["A2"]),
        ("A2", ["B1", "B2", "C1", "C2"], ["A1", "A3"]),
        ("B2", ["C1", "C2"], ["B1", "A1", "A2"]),
        ("C1", ["C2"], ["B2", "B1"]),
        ("C2", [], ["C1"]),
    ],
)
def test_higher_licence_classes_cover_lower_ones(held, covered, not_covered):
    expanded = expand_held({f"licence:{held}"})
    assert f"licence:{held}" in expanded
    assert {f"licence:{grade}" for grade in covered} <= expanded
    assert not {f"licence:{grade}" for grade in not_covered} & expanded


@pytest.mark.parametrize(
    ("narrower", "broader", "other"),
    [
        ("塔吊证", "起重证", "行车证"),  # a tower crane's licence is a crane licence, not an overhead crane's
        ("行车证", "起重证", "吊车证"),
        ("高压电工证", "电工证", None),
        ("安全员C证", "安全员证", "安全员B证"),
    ],
)
def test_a_narrower_certificate_or_skill_implies_the_broader_one_and_no_sibling(narrower, broader, other):
    held = expand_held({canonical_skill(narrower)})
    assert canonical_skill(narrower) != canonical_skill(broader)
    assert canonical_skill(broader) in held
    if other is not None:
        assert canonical_skill(other) not in held
        assert canonical_skill(narrower) not in expand_held({canonical_skill(other)})
    # Holding the broader one proves no particular kind of it.
    assert canonical_skill(narrower) not in expand_held({canonical_skill(broader)})
    assert is_credential(canonical_skill(narrower)) == is_credential(canonical_skill(broader))


def test_c_and_cpp_are_two_languages_and_c_slash_cpp_asks_for_either_and_claims_both():
    c, cpp, either = canonical_skill("C语言"), canonical_skill("C++"), canonical_skill("C/C++")
    assert len({c, cpp, either}) == 3
    assert cpp not in expand_held({c}) and c not in expand_held({cpp})
    assert holds(expand_held({c}), either) and holds(expand_held({cpp}), either)
    assert {c, cpp} <= expand_held({either})


@pytest.mark.parametrize("either", ["电工证/焊工证", "电工证或焊工证", "电工证／焊工证", "有焊工证或电工证",
                                    "electrician certificate or welding certificate"])
def test_alternatives_make_one_either_key_whatever_their_order_or_spelling(either):
    key = canonical_skill(either)
    assert set(alternatives(key)) == {canonical_skill("电工证"), canonical_skill("焊工证")}
    assert is_credential(key)
    assert holds({canonical_skill("焊工证")}, key) and not holds({canonical_skill("叉车证")}, key)
    assert {canonical_skill("电工证"), canonical_skill("焊工证")} <= expand_held({key})


def test_an_either_key_needs_a_known_alternative():
    assert canonical_skill("C1/B2驾照") == canonical_skill("B2或C1驾照")
    assert alternatives(canonical_skill("Excel/Word")) == ("excel", "word") and not is_credential(canonical_skill("Excel/Word"))
    assert canonical_skill("叉车证/叉车操作证") == canonical_skill("叉车证")  # two spellings of one licence
    assert alternatives(canonical_skill("C/C++")) == ("c", "cpp")  # not C++ twice: c, shorter, is a name of its own
    # A short alternative may share the longest one's head or tail, when that makes a known certificate.
    assert alternatives(canonical_skill("安全员B证或C证")) == ("safety_officer_b", "safety_officer_c")
    assert set(alternatives(canonical_skill("高压或低压电工证"))) == {canonical_skill("高压电工证"),
                                                                  canonical_skill("低压电工证")}
    assert canonical_skill("电工证、焊工证均可") == canonical_skill("电工证/焊工证")
    for unknown in ("3年/本科", "TCP/IP", "B/S架构"):
        assert not alternatives(canonical_skill(unknown)), unknown
    # One known name is enough: CMA, unknown to the table, still meets CMA或CPA.
    assert alternatives(canonical_skill("CMA或CPA")) == ("cma", "cpa")
    assert holds(expand_held({canonical_skill("CMA")}), canonical_skill("CMA或CPA"))
    assert skill_label(canonical_skill("C1或B2驾照"), "C1或B2驾照") == (
        "C1或B2驾照", "class B2 driving licence or class C1 driving licence")


@pytest.mark.parametrize(("preferred", "wanted"), [
    ("电工证优先", "电工证"), ("有焊工证者优先", "焊工证"), ("熟悉PLC者优先考虑", "PLC"), ("CAD preferred", "CAD"),
    ("持C1驾照优先", "C1驾照"), ("电工证或焊工证优先", "电工证/焊工证"),
])
def test_a_preferred_skill_is_met_by_the_skill_and_is_never_a_requirement(preferred, wanted):
    key, wanted_key = canonical_skill(preferred), canonical_skill(wanted)
    assert key != wanted_key and not is_credential(key)
    assert set(alternatives(key)) == (set(alternatives(wanted_key)) or {wanted_key})
    assert holds(expand_held({alternatives(wanted_key)[0] if alternatives(wanted_key) else wanted_key}), key)
    assert not holds({"excel"}, key)


def test_preferred_alone_or_a_preference_naming_no_skill_is_no_preference():
    assert canonical_skill("优先") == "优先"
    assert not alternatives(canonical_skill("有经验者优先")) and not alternatives(canonical_skill("有相关工作经验者优先"))


def test_an_unknown_skill_preferred_is_a_preference_a_seeker_who_wrote_it_holds():
    key = canonical_skill("ICU经验优先")
    assert not is_credential(key)
    assert holds(held_skills(["ICU护士3年"]), key) and not holds(held_skills(["急诊护士3年"]), key)


def test_a_certificate_at_a_skill_level_is_that_certificate_and_every_lower_level():
    key = canonical_skill("中级电工证")
    assert canonical_skill("电工中级证") == key and is_credential(key)
    held = expand_held({key})
    assert canonical_skill("电工证") in held and canonical_skill("初级电工证") in held
    assert canonical_skill("高级电工证") not in held
    assert key not in expand_held({canonical_skill("电工证")})  # an 电工证 proves no level
    assert skill_label(key) == ("中级电工证", "electrician certificate, intermediate level")
    assert canonical_skill("高级焊工证") in expand_held({canonical_skill("技师焊工证")})
    assert canonical_skill("中级会计") != canonical_skill("会计证")  # a title of its own, not a level of 会计证


def test_a_licence_without_a_class_is_met_by_any_class_but_not_read_from_prose():
    for spelling in ("驾照", "有驾照", "驾驶证", "driving licence"):
        assert canonical_skill(spelling) == canonical_skill("驾照") and is_credential(canonical_skill(spelling))
    assert canonical_skill("驾照") in expand_held({canonical_skill("C2驾照")})
    assert canonical_skill("C2驾照") not in expand_held({canonical_skill("驾照")})
    assert skills_in_text("无驾照") == skills_in_text("无驾驶证") == skills_in_text("No driving licence yet") == set()


@pytest.mark.parametrize(("required", "held", "meets"), [
    # A certificate proves the skill it certifies; the skill proves no certificate.
    ("电焊", "焊工证", True), ("焊工证", "电焊", False), ("会开叉车", "N1叉车证", True), ("电工", "高压电工证", True),
    # Levels written without 证, after the trade, or as the national numbers (四级 is 中级).
    ("中级焊工证", "高级焊工", True), ("电工中级证", "电工四级", True), ("中级电工证", "电工五级", False),
    ("钳工证", "钳工中级", True), ("初级育婴师", "中级育婴师", True), ("中级电工证", "低压电工证", False),
    # Other ways of naming a certificate.
    ("塔吊证", "塔机司机证", True), ("行车证", "桥式起重机司机证", True), ("准驾车型C1", "B1驾驶证", True),
    ("安全员C证", "C类安全员证", True), ("first aid certificate", "急救证", True), ("teacher certificate", "教师资格证", True),
    ("英语四级", "英语六级", True), ("英语六级", "CET-4", False), ("英语四级", "会英语", False),
    ("初级会计职称", "中级会计师", True), ("消防设施操作员证", "中控证", True), ("C#", "C Sharp", True),
    # Levels in brackets, and of a trade's certificate the table does not name.
    ("养老护理员证", "养老护理员（初级）", True), ("焊工证（四级）", "焊工三级", True),
    ("化工总控工中级", "化工总控工（高级）", True), ("化工总控工高级", "化工总控工中级", False),
    # Licences as forms and English write them.
    ("C1 or above", "B1", True), ("Class B2 licence", "A2", True), ("A2驾照", "持A2证", True), ("驾照不限", "C2", True),
    ("会开车", "C1驾照", True), ("会开车", "有驾照", True), ("C1驾照", "会开车", False),
    # Alternatives sharing a tail, special operations, a certificate's skill.
    ("西门子或三菱PLC", "三菱PLC", True), ("制冷证", "制冷与空调作业操作证", True), ("空调维修", "制冷证", True),
    ("养老护理员证", "养老护理员职业技能等级证书", True), ("hazardous chemicals operation certificate", "危化品作业证", True),
    ("普通话二甲", "普通话", False), ("普通话", "普通话二级甲等", True),
    # Brands a recruiter tells apart: each proves its family, not a sibling.
    ("用友", "金蝶K3", False), ("ERP", "用友U8", True), ("用友", "ERP", False), ("MySQL", "SQL Server", False),
    ("数据库", "MySQL", True), ("西门子PLC", "三菱PLC", False), ("PLC", "S7-1200", True), ("Word", "PPT", False),
    ("办公软件", "PPT", True), ("办公软件", "Excel", True),
    # CNC machines a setter tells apart, each a CNC machine.
    ("数控车床", "数控铣", False), ("加工中心", "数控车床", False), ("数控机床", "加工中心", True), ("CNC", "CNC lathe", True),
    # A kind of a known thing, or the person doing it, proves the thing; asking for the kind asks for more.
    ("加工中心", "五轴加工中心", True), ("五轴加工中心", "加工中心", False), ("PLC", "欧姆龙PLC", True),
    ("汇川PLC", "台达PLC", False), ("教师资格证", "小学语文教师资格证", True), ("小学语文教师资格证", "教师资格证", False),
    ("收银", "收银员", True), ("仓库管理", "仓管员", True),
    ("驾照", "摩托车驾照", False), ("C1驾照", "C6驾照", False),  # a class we do not read proves no licence
    ("钳工", "钳工一级", True), ("钳工一级", "钳工技师", False),  # a level we do not read proves the trade alone
])
def test_what_a_seeker_lists_meets_what_a_posting_asks_as_a_recruiter_reads_it(required, held, meets):
    assert holds(expand_held({canonical_skill(held)}), canonical_skill(required)) is meets


@pytest.mark.parametrize(("item", "items"), [
    ("叉车证+电工证", ("叉车证", "电工证")), ("焊工证及高处作业证", ("焊工证", "高处作业证")), ("Excel和Word", ("Excel", "Word")),
    ("forklift licence and welding certificate", ("forklift licence", "welding certificate")),
    # One skill whose name has 与 or 及 in it, alternatives, a licence class and what is not known stay whole.
    ("制冷与空调作业证", ("制冷与空调作业证",)), ("C1及以上驾照", ("C1及以上驾照",)), ("电工证、焊工证均可", ("电工证、焊工证均可",)),
    ("安全与环保", ("安全与环保",)),
])
def test_an_item_that_lists_several_known_skills_is_several_items(item, items):
    assert skill_items(item) == items


def test_every_implied_key_is_in_the_table():
    from matching.skills import _IMPLIES, _LABELS

    assert _IMPLIES and all(key in _LABELS for keys in _IMPLIES.values() for key in keys)


def test_skills_are_found_in_free_text_in_both_languages():
    assert skills_in_text("持B2驾照和叉车证，熟悉Excel") == {"licence:B2", "forklift", "excel"}
    assert skills_in_text("Holds a C1 licence, knows Python and AutoCAD") == {"licence:C1", "python", "autocad"}
    # The class after the licence's name, as resumes and forms write it.
    for text in ("驾照：C1，驾龄5年", "持有驾驶证（C1）", "准驾车型C1", "Driving licence: C1", "C1以上驾照",
                 "C1 driving licence, 5 years"):
        assert "licence:C1" in skills_in_text(text), text
    # Two-letter Latin words are too ambiguous to read from prose, and so are some everyday words.
    assert "photoshop" not in skills_in_text("ps: I am punctual")
    assert skills_in_text("Java developer since spring 2023, then at Shell") == {"java"}
    # The longest name wins: a 高压电工证 is not read as an 电工证, 天车证 names the overhead crane.
    assert skills_in_text("持高压电工证和天车证，熟悉C++") == {"electrician_hv", "overhead_crane", "cpp"}


@pytest.mark.parametrize(("text", "found"), [
    ("会开叉车，没有叉车证，正在考电工证", {"forklift_operation"}),
    ("5年焊工，持焊工证，无高处作业证", {"welder", "welding"}),
    ("暂无健康证", set()),
    ("没有经验但有叉车证", {"forklift"}),  # a negation says what it negates only right before it
    ("No forklift licence, but I can drive a forklift", {"forklift_operation"}),
    ("not holding a welding certificate; cannot use CAD", set()),
    ("无事故驾驶5年", {"driving_safety"}),  # 无 inside the skill's own name
])
def test_skills_a_resume_says_the_writer_lacks_are_not_read_as_held(text, found):
    # 没有叉车证 was read as holding one: the posting's certificate requirement was met by its absence.
    assert skills_in_text(text) == found


def test_labels_name_skills_in_both_languages():
    assert skill_label("forklift") == ("叉车证", "forklift licence")
    assert skill_label("licence:A2") == ("A2驾照", "class A2 driving licence")
    assert skill_label("手语", "手语") == ("手语", "手语")


@given(st.lists(st.text("叉车证操作工ab", min_size=1, max_size=5), min_size=1, max_size=8, unique=True),
       st.text("叉车证操作工ab 和", max_size=40))
def test_the_skill_trie_finds_what_the_longest_first_alternation_finds(words, text):
    alternation = re.compile("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)))
    trie = re.compile(longest_first(words))
    assert [m.group(0) for m in trie.finditer(text)] == [m.group(0) for m in alternation.finditer(text)]


def meets_as_the_index_reads(required, held):
    """Whether a seeker listing ``held`` meets a posting asking ``required``, items read as the index reads
    them: one that lists several skills (游标卡尺、千分尺) is several."""
    return all(holds(held_skills(skill_items(held)), canonical_skill(item)) for item in skill_items(required))


@pytest.mark.parametrize("required, held, meets", [
    # Every class of 公安部令第162号: A2 permits C6 and M, B2 M, D E and F; a motorcycle's is no car's licence.
    ("C6驾照", "A2驾照", True), ("M证", "B2驾照", True), ("E驾照", "D驾照", True), ("D驾照", "E驾照", False),
    ("摩托车驾照", "E证", True), ("C1驾照", "D驾照", False), ("驾照", "E驾照", False), ("C照", "C1驾照", True),
    ("C语言", "C6", False), ("C6", "A2", True),
    # Official operator names on the certificates, and the kinds of crane they name.
    ("龙门吊", "门式起重机司机", True), ("汽车吊司机证", "流动式起重机司机", True), ("塔吊证", "桥式起重机司机", False),
    ("桥式/门式起重机均可", "门式起重机司机证", True), ("司炉证", "G1工业锅炉司炉", True),
    ("G2电站锅炉司炉", "G1工业锅炉司炉", False),
    # The processes of 危险化学品安全作业, each a certificate of its own and each a 危化 certificate.
    ("危险化学品安全作业证", "氯碱电解工艺作业证", True), ("氯碱电解工艺作业证", "合成氨工艺作业证", False),
    ("氯碱电解工艺作业证", "特种作业操作证（氯碱电解工艺）", True),
    ("制冷与空调设备安装修理", "制冷与空调设备运行操作", False),
    ("消防证", "消防设施操作员（中级）", True), ("厨师证", "中式烹调师", True), ("厨师证", "中式面点师证", False),
    ("中式烹调师或中式面点师", "面点师证", True), ("幼师资格证", "幼儿园教师资格证", True),
    # At least a level, numbered levels of a trade, levels in English, a trade's level in brackets.
    ("初级会计及以上", "中级会计职称", True), ("电工中级及以上", "电工高级工", True), ("电工中级及以上", "电工初级", False),
    ("钳工二级", "钳工一级", True), ("钳工二级", "钳工三级", False), ("高级工（车工）", "车工二级", True),
    ("电工四级", "Electrician Level 3", True), ("Welder intermediate level", "焊工技师", True),
    ("Electrician intermediate certificate", "电工初级", False),
    # Constructors by grade and discipline.
    ("二级建造师（建筑）", "一级建造师（建筑工程）", True), ("二建（市政）", "二建（建筑）", False), ("二级建造师", "二建（市政）", True),
    # A certificate we do not know proves its trade; brackets may name the narrower thing itself.
    ("施工员", "施工员证（土建）", True), ("化工总控工", "化工总控工中级", True), ("滴定", "化学分析（滴定）", True),
    ("特种设备安全管理员", "A证（特种设备安全管理）", True),
    # Tools and methods a recruiter tells apart, each proving its family.
    ("FANUC系统", "发那科", True), ("三坐标", "CMM", True), ("气相色谱", "GC", True), ("气相色谱", "HPLC", False),
    ("化验", "化学检验员", True), ("SPC", "FMEA", False), ("质量工具", "FMEA", True), ("React", "Vue", False),
    ("前端开发", "Vue", True), ("Premiere", "剪映", False), ("视频剪辑", "剪映", True), ("3D建模", "SolidWorks", True),
    ("SolidWorks", "UG", False), ("Linux", "CentOS", True), ("博途", "TIA Portal", True), ("手工电弧焊", "焊条电弧焊", True),
    ("IQC", "来料检验", True), ("WMS系统", "仓库管理系统", True), ("仓库管理", "WMS", True), ("WMS", "仓库管理", False),
    ("Excel函数", "VLOOKUP", True), ("五轴", "五轴加工中心", True), ("五轴加工中心", "加工中心", False),
    # Languages and exams that count up or down.
    ("日语N2", "JLPT N1", True), ("日语N1", "日语N2", False), ("CET-6", "英语专业八级", True), ("粤语", "广东话", True),
    ("普通话二级甲等", "普通话二级乙等", False), ("普通话二级乙等", "普通话一级乙等", True), ("计算机一级", "计算机二级", True),
    ("计算机二级", "计算机一级", False), ("Kotlin或Java", "Java", True),
])
def test_names_a_chemical_and_steel_district_writes_meet_as_a_recruiter_reads_them(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


def test_resumes_name_licences_of_every_class():
    assert {"licence:E", "licence:C1"} <= skills_in_text("有E照和C1驾照，准驾车型D")
    assert "licence:D" in skills_in_text("准驾车型D")
    assert not any(key.startswith("licence:") for key in skills_in_text("会用PDF本地编辑，熟悉C语言"))


@pytest.mark.parametrize("required, held, meets", [
    # A class named by its vehicle, with or without its code; a vehicle alone is no licence.
    ("C1驾照", "A3城市公交车驾照", True), ("大货车驾照", "B1中型客车", False), ("B1中型客车", "A1大型客车", True),
    ("牵引车驾照A2", "重型牵引挂车驾驶证", True), ("Driving licence class B2", "B2驾照", True), ("B2驾照", "大货车", False),
    # Certificates named by their category or with their official prefix, after a dash, or limited in brackets.
    ("气割", "熔化焊接与热切割作业证", True), ("危化品特种作业证", "氧化工艺作业操作证", True),
    ("胺基化工艺作业", "氨基化工艺作业证", True), ("煤气作业证", "冶金（有色）生产安全作业-煤气作业", True),
    ("有限空间作业", "受限空间作业证", True), ("叉车证", "场（厂）内专用机动车辆作业N1", True),
    ("履带吊", "起重机司机（限流动式）", True), ("起重机司机（限桥门式）", "起重机司机（限流动式）", False),
    ("挖掘机操作证", "挖机驾驶员证", True),
    # Brands of a family, instruments, gauges and machines a setter tells apart.
    ("浙大中控DCS", "SUPCON JX-300XP", True), ("和利时DCS", "浙大中控DCS", False), ("DCS操作", "和利时", True),
    ("原子吸收光谱", "AAS", True), ("ICP-MS", "ICP-OES", False), ("千分尺", "游标卡尺", False), ("量具使用", "千分尺", True),
    ("慢走丝", "快走丝", False), ("线切割", "慢走丝", True), ("UG", "Siemens NX", True), ("鱼骨图", "QC七大手法", True),
    ("炼钢工", "转炉炼钢工", True), ("化工操作工", "化工总控工（中级）", True), ("仪表工", "仪器仪表维修工（高级）", True),
    # Titles and qualifications that count up, and disciplines that do not meet each other.
    ("造价员证", "二级造价工程师", True), ("二级造价工程师", "一级造价工程师（土木建筑）", True),
    ("注册安全工程师（化工安全）", "注册安全工程师（建筑施工安全）", False), ("二级注册消防工程师", "一级注册消防工程师", True),
    ("初级会计证", "中级会计师", True), ("会计从业资格证", "初级会计职称", True), ("高级会计师", "正高级会计师", True),
    ("中级经济师（财政税收）", "中级经济师（人力资源管理）", False), ("CFA一级", "CFA Level II", True),
    ("计算机一级", "计算机二级MS Office", True), ("护士执业证书", "护士资格证", False), ("护士资格证", "护士执业证书", True),
    ("初中教师资格证", "高中教师资格证", True), ("高中教师资格证", "初中教师资格证", False),
    ("执业助理医师", "执业医师", True), ("TOPIK 4级", "韩语TOPIK 6级", True), ("德语B1", "German B2", True),
    ("德语B2", "德语B1", False), ("BEC中级", "BEC Higher", True), ("CCNA", "CCNP", True), ("RHCSA", "RHCE", True),
    # Software a recruiter tells apart, and versions that do not rename it.
    ("Spring Boot", "Java", False), ("Java", "Spring Boot", True), ("Node.js", "JavaScript", False),
    ("Python", "Django", True), ("K8s", "Kubernetes", True), ("五笔打字", "拼音打字", False), ("打字", "五笔", True),
    ("财务软件", "金蝶云星空", True), ("广联达", "广联达GTJ2021", True), ("Excel", "Excel数据透视表", True),
    ("BIM", "Revit", True), ("First aid certificate", "急救员证", True), ("CPR", "急救证", True),
])
def test_names_of_a_second_hand_meet_as_a_recruiter_reads_them(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


def test_short_forms_and_employers_names_are_not_read_in_prose():
    assert skills_in_text("在统一建设公司做会计，提高会计水平") == {"accounting"}  # not 一建, not 高会
    assert skills_in_text("曾在霍尼韦尔工作，跆拳道黑带") == set()  # an employer, a black belt
    assert skills_in_text("持二级建造师证，有A3城市公交车驾照") >= {"constructor_2", "licence:A3"}


@pytest.mark.parametrize("required, held, meets", [
    # The person doing the work and the work; official names of construction and safety certificates.
    ("注塑机操作", "注塑工", True), ("冲压工", "冲床操作", True), ("理货", "理货员", True), ("收银", "超市收银员", True),
    ("挖掘机", "挖机操作证", True), ("铲车司机", "装载机操作", True), ("信号工", "建筑起重信号司索工", True),
    ("安全员C证", "专职安全生产管理人员证", True), ("安全员B证", "项目负责人安全生产考核合格证", True),
    ("施工员（土建）", "施工员（装饰装修）", False), ("施工员", "土建施工员证", True), ("架子工证", "建筑架子工（普通脚手架）", True),
    ("木工", "模板工", True), ("模板工", "木工", False), ("建造师（建筑或市政）", "二建市政", True),
    # Welding positions: 6G covers every position, 3G flat and vertical.
    ("3G立焊", "6G", True), ("4G", "3G", False), ("平焊", "3G立焊", True),
    # Teaching certificates by subject and level, nursing titles, pharmacists by discipline.
    ("初中数学教师资格证", "高中数学教师资格证", True), ("初中数学教师资格证", "高中语文教师资格证", False),
    ("小学教师资格证", "初中英语教师资格证", True), ("护士执业证", "主管护师", True),
    ("执业药师（中药）", "执业药师（药学）", False), ("社工证", "社会工作师（中级）", True),
    # Graded exams and scored ones count up; versions and brands stay apart where a recruiter keeps them apart.
    ("钢琴八级及以上", "钢琴十级", True), ("钢琴十级", "钢琴八级", False), ("雅思6.5", "IELTS 7.0", True),
    ("雅思7", "雅思6.5", False), ("TOEIC 750", "托业800", True), ("托福90", "TOEFL 100", True), ("英语", "托福100", True),
    ("企业人力资源管理师三级", "企业人力资源管理师二级", True), ("Spring Cloud", "Spring Boot", False),
    ("Office办公软件", "计算机二级MS Office", True), ("CMA", "美国注册管理会计师", True), ("会说四川话", "重庆话", True),
    ("内操", "外操", False), ("化工操作经验", "化工厂外操", True), ("UG编程", "NX编程", True),
    ("电工职业资格证（中级）", "高级电工证", True),
])
def test_names_of_a_third_hand_meet_as_a_recruiter_reads_them(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


def test_a_chinese_name_in_prose_counts_only_where_a_word_starts_or_ends_with_it():
    assert skills_in_text("土木工程专业毕业，机电工程学院实习") == set()  # no 木工, no 电工
    assert skills_in_text("做过钢筋工和木工") == {"carpentry"}
    assert skills_in_text("从事会计工作5年") == {"accounting"}  # 会计工作 is a word that starts with 会计
    assert skills_in_text("叉车工作经验3年") == {"forklift_operation"}


def test_a_trade_named_as_a_person_in_prose_is_the_job_not_its_certificate():
    assert skills_in_text("曾做过7个月高压电工") == {"electrical_work"}  # not the 高压电工证
    assert skills_in_text("14年中式面点师工作经验") == {"dough_work"}
    assert skills_in_text("持有高压电工证") == {"electrician_hv"}
    assert skills_in_text("助理会计师，主管护师") == {"junior_accountant", "nurse_supervisor"}  # titles held
    assert canonical_skill("高压电工") == canonical_skill("高压电工证")  # in a skills list, the certificate


@pytest.mark.parametrize("required, held, meets", [
    # How long is not what: 房产销售3年 is 销售, 驾龄 is compared in years.
    ("销售经验", "房产销售3年", True), ("出纳工作经验", "做过2年出纳", True), ("叉车操作", "有3年叉车经验", True),
    ("流水线作业经验", "电子厂流水线操作工3年", True), ("驾龄3年以上", "驾龄5年", True), ("驾龄5年以上", "驾龄3年", False),
    ("驾照", "驾龄5年", True),
    # Classes by kind and vehicle, umbrella certificates naming their operation, directions and kinds apart.
    ("A照或B照", "B2", True), ("A照或B照", "C1", False), ("M轮式自行机械车", "B2驾照", True),
    ("锅炉水处理证", "特种设备作业人员证G3", True), ("起重机指挥证", "Q1起重机指挥", True),
    ("高空蜘蛛人作业证", "特种作业操作证（高处安装、维护、拆除作业）", True),
    ("建筑架子工（附着升降脚手架）", "建筑架子工（普通脚手架）", False), ("架子工证", "建筑架子工（附着升降脚手架）", True),
    ("消防设施操作员（维保方向）", "消防设施操作员（监控方向）", False), ("消控证", "消防设施操作员证（监控）", True),
    ("二建（建筑或市政）", "二级建造师（市政公用工程）", True), ("二级建造师（机电）", "二建机电", True),
    ("二级建造师（建筑）", "二级建造师（市政）", False), ("安全员证", "三类人员C证", True),
    # Trades and tools by their everyday names.
    ("能熟练使用游标卡尺", "游标卡尺、千分尺熟练使用", True), ("会看机械图纸", "能看懂机械零件图", True),
    ("注塑机操作", "注塑机调机技术员", True), ("注塑机调机", "注塑机操作工", False), ("三坐标编程", "三坐标操作", False),
    ("工业机器人操作", "FANUC机器人示教编程", True), ("WMS系统", "会用仓储管理系统", True), ("用友U8", "用友T+", False),
    ("化工自动化控制仪表作业证", "仪表工（中级）", False), ("测量放线", "全站仪、水准仪放线", True),
    ("退伍军人优先", "退役军人", True), ("母婴护理员", "月嫂证", True), ("月嫂", "母婴护理员（中级）", True),
    ("会计师", "中级会计专业技术资格", True), ("Excel", "计算机二级MS Office高级应用", True), ("仓管员", "仓库保管员（中级）", True),
    ("外卖配送经验", "美团骑手2年", True), ("养老护理员初级", "养老护理员（三级/高级工）", True),
])
def test_everyday_names_of_a_fourth_hand_meet_as_a_recruiter_reads_them(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


def test_durations_alone_name_no_skill():
    assert canonical_skill("5年以上") == "5年以上" and canonical_skill("三年级") == "三年级"


@pytest.mark.parametrize("required, held, meets", [
    # A discipline we do not know narrows a qualification; a seeker's still proves the qualification.
    ("一级造价工程师(土建)", "一级造价工程师(安装)", False), ("一级造价工程师", "一级造价工程师(安装)", True),
    ("临床执业医师(内科专业)", "临床执业医师(外科专业)", False), ("临床执业医师", "中医执业医师", False),
    ("中级注册安全工程师(化工安全)", "中级注册安全工程师(建筑施工安全)", False), ("叉车证（有效期内）", "叉车证", True),
    # Kinds named in brackets, several at once, or by their operator; crane scopes apart.
    ("天车证", "Q2起重机司机(桥式起重机)", True), ("桥式起重机司机", "门式起重机司机证", False),
    ("龙门吊", "门式起重机司机", True), ("行车证", "桥门式起重机司机证", True), ("消控证", "消防设施操作员（中级，监控方向）", True),
    ("驾照C1", "Driver's license (C1)", True), ("牵引车驾驶", "A2", True),
    # Products, families and titles a recruiter tells apart or counts up.
    ("AutoCAD", "中望CAD", False), ("CAD", "AutoCAD", True), ("STM32", "51单片机", False), ("单片机", "STM32", True),
    ("计算机二级C语言", "计算机二级MS Office", False), ("广联达计价", "广联达土建算量", False), ("IATF16949", "IATF 16949内审员", True),
    ("超声检测二级", "超声检测三级", True), ("超声检测三级", "超声检测二级", False), ("药学初级(士)", "药师", True),
    ("放射技师", "放射医学技术(师)", True), ("康复医学治疗技术(师)", "康复医学治疗技术(士)", False),
    ("中小学一级教师", "中小学高级教师", True), ("银行从业(初级)", "银行业专业人员中级职业资格", True),
    ("程序员(软考初级)", "软件设计师(软考中级)", True), ("高中数学教师资格证", "高中数学教师资格", True),
    ("煤气作业证", "冶金煤气作业特种作业操作证", True), ("保育员证", "保育师四级", True), ("舞蹈", "中国舞考级7级", True),
    ("墩子", "切配工2年", True), ("打荷", "墩子", False), ("火锅底料炒制", "重庆火锅炒料师傅", True), ("BLS", "基础生命支持证书", True),
    ("Elderly care experience", "养老院护理3年", True), ("直播带货", "抖音主播1年", True),
])
def test_names_of_a_fifth_hand_meet_as_a_recruiter_reads_them(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # An item the table does not know as a whole is prose too: the names in it count, none after a negation.
    ("电工（会看电气图纸）", "维修电工，能看懂电气原理图", True), ("焊工（持证上岗）", "会电焊，没有证", False),
    ("聚合工艺", "聚合工艺作业证，PVC聚合3年", True), ("有叉车经验优先", "在仓库开过前移式叉车", True),
    # A posting's words the table does not know are met where a seeker wrote them, words around them aside.
    ("导购", "商场导购3年", True), ("防损员", "超市防损2年", True), ("文员经验", "前台文员1年", True),
    ("柜员（会点钞）", "银行柜员，会手工点钞", True), ("会做账报税", "独立做账报税3年（小规模、一般纳税人）", True),
    ("ICU经验优先", "ICU护士3年", True), ("导购", "导游3年", False), ("统计师", "初级统计师", False),
    ("工程师（中级职称）", "助理工程师", False), ("CT上岗证", "没有CT上岗证，在考", False),
    # What brackets ask for, and what a seeker's brackets add.
    ("生鲜（会分割肉）", "猪肉分割5年", True), ("Excel数据透视表", "Excel高级（VLOOKUP、数据透视表）", True),
    ("特种设备操作证（叉车）", "叉车证", True),
    # Either of two scores; names a recruiter reads as one.
    ("雅思6.5或托福90", "TOEFL 95", True), ("雅思6.5或托福90", "TOEFL 85", False), ("冷菜师傅", "凉菜厨师（卤菜）", True),
    ("传菜员", "上菜跑堂", True), ("护工", "医院陪护2年", True), ("安全员", "安全员C证", True),
    ("质量员", "质检员证（土建）", True), ("能适应两班倒", "能上夜班、接受倒班", True), ("工程师职称", "高级工程师", True),
    ("营养配餐员", "公共营养师", False), ("中式烹调师", "Western cuisine chef certificate", False),
])
def test_what_an_eighth_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # A plain 电工证 is commonly the low-voltage one, which a high-voltage one or a skill level is not.
    ("低压电工证", "电工证", True), ("低压电工证", "高压电工证", False), ("低压电工证", "中级电工职业技能等级证书", False),
    ("电工证", "高压电工证", True), ("电工证", "电工职业技能等级证书", True), ("中级电工证", "电工证", False),
    ("焊工特种作业操作证", "焊工职业技能等级证书（四级）", False), ("焊工证", "焊工职业技能等级证书（四级）", True),
    ("焊工证", "welding & thermal cutting operation certificate", True), ("消控证", "消防设施操作员证", True),
    # A letter or a sound mistyped, a space or none between names.
    ("Excel", "Exel", True), ("SolidWorks", "Soildworks", True), ("叉车证", "叉车正", True), ("电梯修理证", "T 电梯修理", True),
    ("C1驾龄3年以上", "C1 驾龄5年", True), ("C1驾龄3年以上", "C1 驾龄2年", False), ("B2驾照 3年驾龄", "A2驾照 驾龄6年", True),
    ("牵引车A2", "半挂车驾照", True),
    # English around a name; spoken English is more than an exam.
    ("Forklift licence required", "叉车证N1", True), ("Proficient in Excel", "Excel熟练 VLOOKUP", True),
    ("Good English communication", "英语口语流利 外贸3年", True), ("英语口语流利", "英语四级", False),
    # What has lapsed or is not passed yet proves the skill, not the certificate; 持证 proves it.
    ("持健康证", "健康证（已过期）", False), ("教师资格证", "教资面试已过 未认定", False), ("CPA优先", "CPA 已过3科", False),
    ("挖掘机操作证", "挖机3年经验 持证", True), ("英语四级", "CET-4 410分", False), ("英语四级", "CET-4 510分", True),
    ("英语四级", "CET-6 430分", True),
    # Alternatives in brackets, at-least titles, and names a recruiter reads as one or apart.
    ("会PLC（三菱或西门子）", "三菱Q系列PLC编程", True), ("PLC编程（西门子）", "三菱FX系列PLC", False),
    ("执业药师（西药或中药均可）", "执业中药师", True), ("会用财务软件（用友/金蝶）", "金蝶KIS专业版", True),
    ("护师及以上职称", "主管护师", True), ("中职教师资格证", "高中教师资格证", True), ("党员优先", "中共党员", True),
    ("电话销售经验", "电销1年", True), ("销售经验", "电话销售", True), ("新媒体运营", "小红书运营", True),
    ("熟练使用AutoCAD", "服装CAD（富怡）", False), ("Premiere", "PR剪辑", True), (".NET", "C# ASP.NET Core", True),
    ("计算机二级", "Computer Rank Exam Level 2 (NCRE)", True), ("JLPT N2", "日语能力考试二级", True),
    ("会点钞验钞", "手工点钞 机器验钞", True),
])
def test_what_a_ninth_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # What is not held yet is not held; what is held at a lower grade, or as a trainee, is not what is asked.
    ("ACCA", "ACCA在读(已过9门)", False), ("中级会计职称", "中级会计实务单科通过", False),
    ("会计初级职称", "初级会计职称(考试通过,未领证)", True), ("2年以上行政工作经验", "行政实习半年", False),
    ("人力资源管理师三级及以上", "HR二级证", True),
    # Alternatives by a name with a slash, at least one of several, a version after an x.
    ("UG或Pro/E均可", "Creo 7.0", True), ("PS、AI、CDR至少会一种", "CorelDRAW X8", True),
    # Names of offices, shops, clinics and classrooms.
    ("会简单英语(接待外宾)", "CET-4", True), ("商务英语口语流利", "fluent English, 3 yrs at a foreign trade company", True),
    ("UI设计(会Figma)", "Sketch 3年", False), ("SEM竞价推广", "百度竞价推广专员1年", True),
    ("熟悉Linux常用命令", "CentOS/Ubuntu日常运维", True), ("性能测试经验", "LoadRunner做过压测", True),
    ("熟悉Tableau或PowerBI", "Power BI做报表", True), ("计算机二级", "国二C语言", True), ("会修电脑装系统", "做过网管,会装系统布网线", True),
    ("熟悉EPLAN", "EPLAN P8 2.7", True), ("护士执业证书", "护士资格证(已注册)", True), ("有舞蹈基础", "学过民族舞5年", True),
    ("造价工程师", "一级造价师", True), ("安全员C证", "安全生产考核合格证书C3", True), ("AFP或CFP", "CFP国际金融理财师", True),
    ("审计", "内审专员2年", True), ("销售经验1年以上", "房产中介2年", True), ("银行柜员经验", "农商行柜员2年", True),
    ("酒店前厅经验", "做过酒店前台接待", True), ("有烘焙经验", "在蛋糕店做过裱花2年", True), ("裱花", "西点师", False),
    ("外贸业务经验", "阿里巴巴国际站运营2年", True), ("电商美工", "淘宝详情页设计", True), ("平面设计经验", "广告公司做了2年美工", True),
    ("熟悉劳动法律法规", "协助处理过劳动仲裁案件2起", True), ("会使用钉钉或企业微信", "用企业微信做审批打卡", True),
    ("熟悉银行对账", "每月编制银行余额调节表", True), ("会计电算化", "用友T3记账2年", True), ("有企业培训经验", "公司内训讲师2年", True),
])
def test_what_a_tenth_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Lapsed, failed or uncertified, said after the name.
    ("叉车司机证(N1)", "叉车证2016年考的 一直没复审", False), ("教师资格证", "教资笔试过了 面试没过", False),
    ("注册安全工程师", "中级注安 考过两科", False), ("高处作业证(外墙清洗)", "蜘蛛人5年 无证", False),
    ("安检员证", "地铁安检1年 有证", True),
    # A narrower certificate named beside the plain one; the special-operation electrician certificate.
    ("熔化焊接与热切割作业证", "焊工证 压力焊作业", False), ("电工证(特种作业)", "电工职业技能等级证 中级", False),
    ("电工证(特种作业)", "低压电工证", True), ("电工证(特种作业)", "电工证", True),
    # Levels after a space or with 以上 in brackets; brackets that narrow a key add no prose.
    ("中式烹调师(四级以上)", "中式烹调师 五级", False), ("中式烹调师(四级以上)", "中式烹调师 三级", True),
    ("Python开发经验2年", "计算机二级(Python)", False), ("二级造价工程师", "造价员证(2013年)", False),
    ("造价员证", "二级造价工程师", True), ("道路运输从业资格证(客运)", "货运从业资格证", False),
    # Short names between spaces, siblings a recruiter keeps apart, names of sites, hotels and shops.
    ("气相色谱仪操作", "GC 安捷伦7890", True), ("全站仪放线", "会水准仪抄平", False), ("喷粉工", "汽车4S店钣喷 喷漆", False),
    ("加工中心编程", "UG编程 三轴", True), ("熟悉QC七大手法", "懂QC七工具 做过柏拉图鱼骨图", True),
    ("数控折弯", "数控折弯机3年(AMADA)", True), ("建筑电工证", "住建厅建筑电工操作资格证", True),
    ("施工升降机司机", "人货电梯司机证", True), ("油工", "刮腻子刷乳胶漆5年", True), ("中央空调维保", "中央空调维修5年(约克 开利)", True),
    ("绿化养护", "园林绿化工 小区修剪草坪绿篱", True), ("客房做房经验", "酒店客房 做房铺床", True),
    ("美发师(会烫染)", "理发10年 烫染都会", True), ("救生员证", "游泳救生员国家职业资格证", True),
    ("初级以上会计职称", "CPA全科", True), ("会开发票", "会用税控盘开专票", True), ("会弹钢琴", "钢琴十级", True),
    ("心理咨询师证", "国家二级心理咨询师(2015年)", True),
])
def test_what_an_eleventh_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Typing speed is a score; a rate's slash names no alternatives.
    ("打字速度60字/分", "五笔打字80字每分钟", True), ("打字80字/分", "打字50字/分", False), ("打字60字/分钟", "会打字", False),
    ("打字60字/分以上", "五笔 80字/分钟", True),
    # Not passed yet, not renewed; a welder's qualification code; a discipline carried down the grades.
    ("初级会计职称", "初级会计 过了经济法,实务差几分", False), ("健康证", "健康证(2022年办的,没续)", False),
    ("资料员证", "资料员 报了名 下个月考", False), ("特种设备焊接作业证", "GTAW-FeII-6G持证", True),
    ("二级造价工程师(土木建筑工程)", "一级造价工程师(土木建筑工程)", True), ("B2驾照驾龄5年以上", "A2驾龄8年", True),
    # A platform, a shop or a brand named in brackets asks for it; a plain CAD is commonly AutoCAD.
    ("新媒体运营(小红书)", "公众号运营", False), ("木工(家具厂)", "建筑木工(支模)", False), ("支模木工", "模板工 5年(房建)", True),
    ("PLC编程(三菱或欧姆龙)", "欧姆龙CP1H编程", True), ("工业设计(Rhino)", "犀牛建模", True),
    ("数据分析(Power BI或Tableau)", "Tableau做过销售报表", True), ("熟练使用AutoCAD", "会用CAD画图", True),
    ("AutoCAD", "中望CAD", False), ("CAD制图", "中望CAD熟练", True), ("行车工(桥式起重机证)", "Q2起重机司机(限桥门式)", True),
    # Names of the fair's booths.
    ("厨房帮工", "后厨打荷1年", True), ("打荷", "墩子", False), ("普通话二级乙等", "普通话2甲", True),
    ("工程师职称(机械)", "机械工程师中级", True), ("起重指挥/司索", "Q1证", True), ("熟悉CAN总线", "CANoe做过总线测试", True),
    ("计算机二级MS Office", "计算机二级 office高级应用", True), ("精益生产(5S)", "推行过6S", True),
    ("熟悉外贸单证", "外贸单证员 2年", True), ("医学检验", "临床检验技士", True),
    ("危化企业安全管理人员证", "危化品生产单位安全管理人员合格证", True), ("会开发票", "开过增值税专票", True),
    ("流水线经验", "富士康组装线1年", True), ("汽车销售经验", "4S店销售顾问3年(长安)", True), ("冷链车司机", "冷藏车司机2年", True),
    ("熟悉GMP", "药厂QA 3年", True), ("Excel advanced", "精通Excel,会写VBA宏", True), ("班组长经验", "产线组长2年(管20人)", True),
    ("C#上位机", "C# WinForm上位机 3年", True), ("熟悉TCP/IP网络", "网管3年,交换机路由器配置", True),
])
def test_what_a_twelfth_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # A certification apart from knowing a standard; a certificate apart from the trade, and not sat.
    ("IPC-A-610认证", "熟悉IPC-A-610标准", False), ("保健按摩师证", "按摩干了五年 没考证", False),
    ("IATF16949体系经验", "熟悉TS16949,做过内审员", True), ("PLC (Siemens S7-1200)", "三菱FX PLC", False),
    ("Siemens TIA Portal", "博途V16", True), ("电工(中级工)", "电工四级职业技能等级证书", True),
    ("工业机器人示教编程", "ABB机器人示教 2年", True),
    # Names of the booths of a thirteenth hand.
    ("西门子828D或FANUC系统均可", "西门子系统操作熟练", True), ("护士执业资格考试合格", "2023年护资已过", True),
    ("炒料经验", "在老火锅店炒底料三年", True), ("基金从业资格证优先", "基金从业 科目一二已过", True),
    ("Java开发3年以上", "Java 后端 4年 SpringBoot", True), ("会计职称(初级及以上)", "中级会计师", True),
    ("中药调剂", "会抓中药 认识常见饮片", True), ("网络布线经验", "综合布线 打水晶头 熬过光纤", True),
    ("数据标注经验", "做过图片标注半年", True), ("水电维修", "会修水管换灯泡 换开关", True),
    ("工业锅炉司炉G1", "G1锅炉证", True), ("压力容器操作R1", "快开门式压力容器操作 R1", True),
    ("电梯修理T证", "电梯作业T 证", True), ("化学检验员(中级)", "化学检验工 四级", True),
    ("燃气经营企业从业人员证", "燃气从业人员专业培训考核合格证", True), ("3D家具设计软件(三维家)", "三维家 拆单", True),
    ("熟悉CRM系统", "用过Salesforce", True), ("结构设计经验", "PKPM 结构计算 3年", True), ("康复治疗师(士)", "康复治疗士", True),
    ("中医类别执业医师", "中医执业医师 针灸推拿方向", True), ("化验(COD/氨氮)", "会测COD 氨氮 总磷", True),
    ("爆破作业人员许可证", "爆破员证(公安)", True), ("平车熟练", "平缝机 熟手", True), ("光纤熔接", "会熔纤 OTDR测试", True),
    ("熟悉电子税务局申报", "代账 30多户 网上报税", True), ("代理记账经验", "财务公司代账会计2年", True),
    ("敏捷开发", "Scrum Master(CSM)", True),
])
def test_what_a_thirteenth_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # A trade with a skill asked besides, in brackets; kinds to choose from, each of the thing outside.
    ("汽车喷漆（会调色）", "家具厂油漆工 会调色", False), ("柜员（会点钞）", "银行柜员，会手工点钞", True),
    ("工业机器人操作(发那科/ABB)", "库卡机器人示教", False), ("工业机器人操作(发那科/ABB)", "ABB机器人示教 2年", True),
    ("PR/AE剪辑", "剪映剪视频", False), ("持证电工（高压或低压）", "低压电工证 2022年考", True),
    # Issued by another authority, hedged, not sat; has it, said after.
    ("架子工证（住建）", "登高架设作业证（安监）", False), ("架子工证", "建筑架子工（普通脚手架）", True),
    ("能熟练使用电脑", "电脑一般般 会微信QQ", False), ("小学英语教师资格证", "小学英语教资 笔试过了 面试没考", False),
    ("电梯维修T证", "电梯安装维修5年 T证有", True), ("淘宝运营", "拼多多运营2年", False), ("淘宝运营", "天猫店运营2年", True),
    # Names of a fourteenth hand's seekers.
    ("B1驾照", "A1大客", True), ("装载机（铲车）驾驶", "铲车司机5年", True), ("电动叉车驾驶", "叉车证有 开内燃叉车3年", True),
    ("进网电工证（高压）", "高压电工作业证", True), ("会烧电焊", "电焊工 立焊仰焊都会", True), ("Mastercam编程", "MC编程3年", True),
    ("平车（缝纫机）熟练", "服装厂车位8年", True), ("班组长经验优先", "比亚迪线长2年", True), ("铆工", "铆焊工8年 会放样", True),
    ("打磨抛光", "抛光工3年", True), ("污水处理运行经验", "污水厂运行工2年", True), ("会做账报税", "代账公司3年 20多家小规模", True),
    ("档案管理经验", "在社区做过档案整理1年", True), ("AutoCAD制图", "cad 会画二维图", True), ("SketchUp", "su建模 会", True),
    ("拼多多运营", "多多店铺运营1年半", True), ("千川投流经验", "巨量千川投放 日耗1w", True), ("熟悉千牛工作台", "淘宝客服用千牛1年", True),
    ("会开洗地机", "商场保洁用过手推洗地机", True), ("食堂大锅菜经验", "工地食堂煮饭3年 一百多人", True),
    ("厨师长经验优先", "中餐厅行政总厨", True), ("施工现场管理经验3年", "工地施工员4年", True), ("家电维修", "格力空调售后维修3年", True),
    ("煤矿井下电钳工", "井下电钳工5年 有证", True),
])
def test_what_a_fourteenth_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # A resume's line: what is being learnt is not held, in whichever clause it is said.
    ("CNC加工中心操作", "CNC加工中心 报名培训中", False), ("嵌入式开发经验", "嵌入式培训班在读，预计6月结业", False),
    ("Python", "学过C语言，Python正在自学", False), ("C语言", "学过C语言，Python正在自学", True),
    ("会计经验", "会计学专业在读大三", False), ("氩弧焊", "二保焊熟练，氩弧焊会一点", False),
    ("PMP", "Completed 35-hour PMP training, exam pending", False), ("执业药师", "药学专业本科，执业药师明年考", False),
    ("二级建造师（已注册）", "二建市政考了两门，还差一门", False), ("健康证", "健康证去年到期，还没去办", False),
    # A name that names a place, a subject or a company's kind is no skill.
    ("叉车经验", "在叉车厂流水线装配", False), ("焊工", "在焊接材料公司做销售", False), ("质检经验", "在质检站当驾驶员", False),
    ("水电工", "水电站运行值班员", False), ("电工经验", "电工学课程成绩优秀", False), ("装配经验", "装配式建筑项目资料员", False),
    ("熟悉IATF16949", "在IATF16949认证的公司做普工", False), ("会做账报税", "代账公司3年 20多家小规模", True),
    # Two classes in one licence; a crane certificate limited to a kind; names of resume lines.
    ("C1驾照", "C1D驾驶证", True), ("D驾照", "C1D驾驶证", True), ("桥式起重机司机证", "持起重机司机Q2证（限桥式起重机）", True),
    ("快开门式压力容器操作R1", "特种设备作业人员证 R1（快开门式压力容器操作）", True), ("造价（土建）", "二级造价工程师（土建）", True),
    ("设备维修经验", "注塑机维修三年", True),
])
def test_what_a_fifteenth_hand_read_in_resumes_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Not sat, training, to be issued, expired by its date; a product's factory, attendance is no payroll.
    ("电工证", "电工证正在培训", False), ("造价员", "造价员证在报考", False), ("PMP", "PMP备考中", False),
    ("健康证", "健康证下周去办", False), ("安全员C证", "安全员C证 有效期到2023年6月", False),
    ("安全员C证", "安全员C证 有效期至2099年", True), ("电焊", "电焊条厂包装工3年", False),
    ("薪酬核算", "2021-2023 只做考勤统计", False), ("抹灰工", "砌筑工", False), ("泥工", "贴砖、砌墙、抹灰", True),
    ("内河船员适任证书（轮机）", "内河船员 驾驶部 二副", False), ("会用财务软件（用友/金蝶）", "金蝶KIS专业版", True),
    # Names of a sixteenth hand's operators, drivers and builders.
    ("镗床", "镗工8年", True), ("机加工经验", "在机加车间干了6年,车铣钻都会", True), ("吊篮作业证", "证书:高处作业吊篮安装拆卸工", True),
    ("搅拌车司机", "2018-2024 重庆某商砼站 混凝土罐车司机", True), ("渣土车驾驶", "渣土车", True),
    ("内河船员适任证", "长江水手,持内河船员证书", True), ("会用扫描枪", "会用PDA扫码出入库", True), ("装卸搬运", "搬运工", True),
    ("物流调度", "2017-2023 德邦物流 车辆调度", True), ("测量员", "会用全站仪、RTK放线", True), ("能适应倒班", "化工厂四班三倒干过5年", True),
    ("品质检验", "2020-2023 汽车配件厂 QC巡检,会用量具", True), ("轮胎更换", "会补胎换胎", True), ("家政服务", "钟点工", True),
    ("西点烘焙", "烘焙", True), ("厨师", "2016-2023 长寿某酒楼 厨师长,擅长江湖菜", True), ("打字快", "五笔打字 80字/分钟", True),
    ("SolidWorks", "SW画图", True), ("沟通能力强", "性格开朗,善于与人沟通", True), ("农机驾驶", "拖拉机驾驶证", True),
])
def test_what_a_sixteenth_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Years said against years asked: fewer is not enough, as many or more is, in any of the forms a line says them.
    ("3年以上焊工经验", "焊工2年", False), ("3年以上焊工经验", "焊工5年", True), ("3年以上焊工经验", "电焊 十二年", True),
    ("3年以上Java开发经验", "Java开发2年半", False), ("3年以上Java开发", "Java intern, 6 months", False),
    ("Java开发3年", "3 yrs Java backend dev at a fintech", True), ("收银员经验1年以上", "便利店收银 半年", False),
    ("川菜厨师3年以上经验", "川菜 2年", False), ("养老护理经验2年以上", "养老院护工 1年", False),
    ("采购经验2年", "采购助理1年半", False), ("模具设计5年以上", "模具设计3年", False), ("ICU护理经验2年", "ICU护士 3年", True),
    ("安全管理3年经验", "EHS专员 4年", True), ("3年以上仓库管理经验", "2019-2023 某物流公司仓管员，负责出入库", True),
    ("酒店前台经验1年以上", "酒店前台 实习3个月", False),
    # A skill named without saying how long: the experience factor compares the seeker's years, the skill is met.
    ("3年以上焊工经验", "焊工", True), ("川菜厨师3年以上经验", "会做川菜", True),
    # Years held meet a posting that asks for the skill alone, and prove what the skill proves for as long.
    ("焊接", "焊工2年", True), ("Java", "Java开发2年半", True),
])
def test_years_said_meet_years_asked_as_a_recruiter_reads_them(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Lapsed, not yet held, being learnt, denied after the name, abroad, a student's words.
    ("焊工证", "焊工证15年考的,一直没去复审", False), ("电工证", "电工证16年到期了", False), ("健康证", "健康证：无", False),
    ("健康证", "健康证在办 下周出", False), ("C1驾照", "C1 驾照暂扣中", False), ("急救证", "红十字救护员证 2019年的 已过期", False),
    ("CFA", "CFA二级候选人", False), ("PMP", "正在备考PMP 已报名", False), ("Python", "学过一点Python 在自学", False),
    ("Vue", "React熟练 没用过Vue", False), ("熟练使用SolidWorks", "solidworks不会 只会CAD", False),
    ("护士执业证", "RN（美国注册护士）", False), ("酒店工作经验", "酒店管理专业应届 无实习", False),
    # A lower or a neighbouring qualification, a class chosen from a kind.
    ("养老护理员证", "医疗护理员证", False), ("注册安全工程师", "助理注册安全工程师", False), ("PKPM", "只会YJK盈建科", False),
    ("美容师(中级)", "美容师五级", False), ("摩托车驾照(E证)", "F证", False),
    ("注册公用设备工程师(暖通)", "注册公用设备工程师(给水排水)", False), ("主治医师", "副主任医师", True),
    # Obtained (取得), and the names of a seventeenth, nineteenth and twentieth hand.
    ("数控车工中级证", "2020年取得数控车工高级工证书", True), ("中式烹调师", "2019年取得中式烹调师(中级),川菜馆掌勺", True),
    ("汽车吊操作证", "起重机司机Q2(限流动式起重机)", True), ("CET-6", "大学期间通过CET六级,成绩502", True), ("初级会计", "初会", True),
    ("CATTI三级及以上", "CATTI level 2 translator", True), ("法律职业资格", "司法考试A证", True),
    ("急救证", "AHA BLS 基础生命支持证书", True), ("机器视觉", "OpenCV, Halcon vision inspection", True),
    ("Golang", "Go语言开发 2年", True), ("TEFL/TESOL certificate", "TESOL 120 hrs", True), ("Halcon", "OpenCV 图像处理", False),
])
def test_what_a_seventeenth_nineteenth_and_twentieth_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Years at the wheel are 驾龄, and so are the years since the licence was taken (counted from that year's end).
    ("驾龄5年以上", "开车8年", True), ("驾龄5年", "开车3年", False), ("C1驾照 驾龄3年以上", "C1 2015年拿证", True),
    ("驾龄3年以上", f"{date.today().year - 1}年拿的C1", False), ("驾龄3年以上", f"{date.today().year - 5}年考的C1驾照", True),
    ("中式烹调师(中级)及以上", "中式烹调技师", True), ("C1驾照", "手动挡小车驾照", True),
])
def test_driving_years_and_levels_said_in_other_words(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Heard of, can't, wants to move to, a company's or a factory's name, about to graduate from a cooking school.
    ("熟悉WMS系统", "WMS 听说过 没用过", False), ("普通话标准", "四川话 普通话说不来", False),
    ("会骑电动车", "电动车骑不来 平时坐公交", False), ("内操", "外操2年 想转内操", False),
    ("加工中心操作", "在渝北精密加工中心有限公司当仓管", False), ("油漆工", "在油漆厂上班", False),
    ("厨师", "在新东方学厨师 还有两个月毕业", False), ("俄语", "俄语专业八级，在莫斯科做过翻译", True),
    # The words of walk-ins: 勾机, 扛包, 收过银, 差车证, 04年拿的驾照, 夜班, 烧氩弧.
    ("挖掘机司机", "勾机开了五年", True), ("搬运工", "在码头扛过包 下过货", True), ("快递员", "送过快递 中通的", True),
    ("收银经验", "超市收过银", True), ("服务员", "饭店端盘子 跑堂", True), ("叉车证", "差车证 有的 开了三年", True),
    ("5年以上驾龄", "04年拿的驾照 一直在开", True), ("能适应两班倒", "在富士康上过两年夜班", True),
    ("氩弧焊工", "会烧氩弧 不锈钢管子焊过几年", True),
    # The trades of a chemical and steel district, and their neighbours kept apart.
    ("高低压电工证", "高压电工证和低压电工证都有", True), ("高低压电工证", "低压电工证", False),
    ("低压电工证", "电工上岗证(厂里内部培训发的)", False), ("叉车司机2年以上", "京东物流开叉车三年 有证", True),
    ("叉车司机", "叉车维修工", False), ("行车工", "航车工 6年", True), ("氩弧焊", "亚弧焊", True),
    ("外圆磨", "平面磨", False), ("冷轧操作经验", "热轧操作 3年", False), ("变频器调试", "ABB 西门子变频器参数设置", True),
    ("变频器调试", "变频器会接线 不会调参数", False), ("货车司机经验", "B2 开过4.2米厢货", True), ("钻床", "摇臂钻 6年", True),
    ("反应釜操作", "反应釜 投料 控温 3年 医药中间体", True), ("危化品押运员证", "道路危险货物运输押运人员从业资格证", True),
    # Building sites, services and walk-ins' words for them.
    ("混凝土工", "工地打灰 振动棒都用得来", True), ("吊顶安装", "石膏板吊顶 轻钢龙骨都做过", True),
    ("开荒保洁", "装修完的房子开荒做过", True), ("环卫工", "扫马路 扫了三年", True), ("足疗技师", "足浴店做过足疗 三年", True),
    ("煤矿井下作业经验", "在贵州煤矿下井十年", True), ("模具钳工", "钳工 做过几年修模", True),
    ("保安", "小区门卫干了4年", True), ("住家保姆经验", "钟点工2年", False), ("保安员证", "保安3年", False),
])
def test_what_a_twenty_first_and_twenty_second_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # A posting's phrase the table does not know is met where the seeker has each of its words, or their keys.
    ("医院保洁经验", "人民医院做保洁 一年多", True), ("装配钳工", "减速机装配 钳工 5年", True),
    ("熟悉伺服调试", "安川伺服 台达伺服 参数调试", True), ("社保公积金核算", "负责公司200人社保公积金申报与工资核算", True),
    ("医院保洁经验", "商场保洁 3年", False), ("安川机器人编程", "库卡机器人编程", False),
    ("危化品仓库管理", "普通仓库管理 5年", False),
])
def test_a_phrase_is_met_by_its_words(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Said against a name, inside a negation too (不上夜班), forgotten; months of a span; words before a duration.
    ("氩弧焊", "二保焊熟练 氩弧焊没搞过", False), ("能看懂机械图纸", "看不太懂图纸 跟着师傅做", False),
    ("能接受夜班", "只上白班 不上夜班", False), ("能接受出差", "不接受长期出差", False),
    ("熟练使用AutoCAD", "大学学过CAD 基本忘了", False), ("熟练使用AutoCAD", "CAD画图 3年", True),
    ("出纳经验1年以上", "出纳 2022.3-2023.1", False), ("中级会计职称", "初级会计师 工作6年", False),
    ("FRM", "FRM一级通过", False), ("FRM", "FRM Part I passed", False),
    # A level after a certificate's generic name, with spaces; typed by sound; which authority issued it.
    ("电工中级(四级)", "电工 职业技能等级证书 三级", True), ("会计初级", "会计专业技术资格 初级", True),
    ("C1驾照", "C1驾招", True), ("初级会计", "初级会记证", True), ("锅炉工", "G1 司炉证 4年锅炉房工作", True),
    ("瓦斯检查工证", "瓦检员证 在有效期", True), ("电工证(应急管理局颁发)", "电工职业技能等级证书 四级 人社颁发", False),
])
def test_what_a_twenty_fourth_fifth_and_sixth_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Education listed as a skill: a higher level meets a lower, 中专 and 高中 are one level, full-time is asked apart.
    ("本科及以上学历", "硕士研究生", True), ("大专及以上学历", "本科 西南大学", True), ("中专及以上学历", "技校毕业(机电)", True),
    ("高中以上学历", "中专 数控专业", True), ("本科及以上", "大专", False), ("全日制本科", "自考本科", False),
    ("统招本科", "成人本科 已拿毕业证", False), ("本科学历", "成人本科 已拿毕业证", True),
    ("Bachelor's degree or above", "硕士", True), ("硕士", "研究生在读", False),
])
def test_education_listed_as_a_skill_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # A major asks for its group of majors; with 类 or 相关, for its class; a school's name is not a major.
    ("机械类专业", "机械设计制造及其自动化 本科", True), ("机械类专业", "机械电子工程", True),
    ("电气及相关专业", "机电一体化专业", True), ("电气自动化专业", "机械设计制造及其自动化", False),
    ("会计专业", "财务管理本科", True), ("会计、财务相关专业", "大数据与会计 大专", True),
    ("学前教育专业", "小学教育专业", False), ("化工相关专业", "机电一体化 中专", False),
    ("化工/应用化学相关专业", "化学工程与工艺 本科", True), ("化学工程与工艺专业", "四川化工职业技术学院 文秘专业", False),
    ("理工科专业", "成都理工大学 会计学", False), ("电子信息类专业", "电子科技大学 工商管理", False),
    ("物流管理专业", "物业管理", False), ("金属材料专业", "高分子材料 专科", False), ("土建类专业", "土木工程", True),
    ("化工相关专业大专", "应用化工技术 专科", True), ("电气工程及其自动化专业本科", "大专 电气自动化技术", False),
    ("计算机相关专业", "财务管理", False), ("Computer science or related major", "软件工程 本科", True),
    ("化工相关专业", "在化工厂做了3年 高中", False), ("会计相关专业", "会计专业大二在读", False),
])
def test_a_major_asked_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Years up to today, English durations, a verb before what is done, an English phrase inside a longer line.
    ("5年以上施工员经验", "2016.03-至今 施工员", True), ("10年以上焊工经验", f"焊工 {date.today().year - 5}年至今", False),
    ("3年以上焊工经验", f"焊工 {date.today().year - 5}年至今", True),
    ("Warehouse management 3yrs", "仓管 5年", True), ("3+ years of welding experience", "焊工 2年", False),
    ("会写8D报告", "8D报告、5Why分析都会写", True), ("会做竣工资料", "负责过竣工验收资料整理归档", True),
    ("Google Ads", "Google Ads certification", True), ("IATA DGR", "航空危险品 IATA DGR 证书", True),
    ("Google Ads", "no google ads experience", False), ("SQL", "会用excel 不会sql", False),
    ("FRM", "FRM Part I passed", False), ("二级建造师（建筑工程）", "二建建筑 证书已注销", False),
    ("懂液压系统维修", "只修过气缸、电磁阀（气动）", False), ("懂气动", "气缸、电磁阀维修", True),
    ("熟练使用CAD", "天正建筑 熟练", True), ("天正建筑", "AutoCAD", False),
    ("有直播带货经验", "做过游戏主播", False), ("主播", "抖音带货主播", True),
    ("电梯安全管理员证", "特种设备安全管理A证", True), ("Business English", "BEC Higher", True),
    ("人力资源管理师三级", "人力资源管理师 三级 2019年取得", True), ("ACCA持证", "ACCA member", True),
    ("二级建造师 不限专业", "二建水利", True), ("水电工（需电工证）", "水电工 8年 无证", False),
    ("3年以上会计工作经验", "2018-2023 某公司主办会计", True), ("挖掘机操作证", "挖机3年经验 持证", True),
    # Sibling tools a recruiter keeps apart; a lapsed certificate is not held, the skill it proves is.
    ("熟悉TypeScript", "JavaScript", False), ("JavaScript", "TypeScript 2年", True), ("熟悉PyTorch", "TensorFlow", False),
    ("熟悉JMeter", "LoadRunner", False), ("熟悉Spring Boot", "Spring MVC", False), ("Kafka", "RabbitMQ", False),
    ("Spring framework", "Spring Airlines ground staff", False), ("微信小程序开发经验", "支付宝小程序", False),
    ("PMP", "PMP 证书 过期 (PDU未续)", False), ("FMEA", "失效模式与影响分析", True), ("会开叉车", "叉车证过期 会开叉车", True),
    ("Crane operator cert", "行车证 Q2", True), ("SAP MM module", "SAP MM 顾问 3年", True),
    ("ISO 14001", "ISO14001内审员", True),
    ("中级以上钳工证", "高级钳工（三级）", True), ("C1驾照3年以上驾龄", "C1 驾龄1年", False), ("会数控折弯", "普通折弯机操作", False),
    ("数控车床编程", "加工中心编程3年", False), ("加工中心编程", "UG编程 三轴", True), ("教师资格证", "教资笔试通过 面试未考", False),
    ("C1驾照3年以上驾龄", "2015年拿的C1，一直在开", True), ("熟悉ISO22000", "熟悉HACCP", False),
    ("PMP证书", "PMP 35学时已修 未考", False), ("熟悉阿里云", "阿里云ACP认证", True),
])
def test_what_a_twenty_seventh_to_thirty_first_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # A level of a trade the table does not know holds the trade as a posting names it; a title without 职称.
    ("农艺工", "农艺工 高级", True), ("动物疫病防治员", "动物疫病防治员 四级", True), ("农艺师职称", "高级农艺师", True),
    ("执业助理兽医师及以上", "执业兽医师资格证 2019年取得", True), ("执业医师", "执业兽医师", False),
    ("执业兽医资格证", "执业兽医 今年报考了", False), ("农业相关专业大专以上", "园艺技术 大专", True),
    # Two letters against Chinese are a name; AI there is artificial intelligence, not Illustrator.
    ("品控经验", "食品厂QC 2年", True), ("Photoshop", "PS熟炼", True), ("Illustrator", "AI绘画 会用Midjourney", False),
    # Who drives a machine, and a machine driven, ask for the machine; a simulator or riding along is no driving.
    ("推土机司机", "山推SD16 推土机 3年", True), ("摊铺机操作手", "沥青摊铺机 3年", True), ("钩机司机", "挖掘机 三一 5年", True),
    ("盾构机操作经验", "盾构机司机 地铁 3年", True), ("收割机驾驶经验", "帮人开收割机割谷子3年", True),
    ("会开挖机", "挖机模拟器练过", False), ("平地机操作经验", "平地机 跟车学徒 3个月", False),
    # Mines' special operations by their official names; coal and non-coal mines apart.
    ("支柱工证", "金属非金属矿山支柱作业", True), ("井下电工证", "井下电工证 已过期", False),
    ("金属非金属矿山安全检查作业", "煤矿安全检查作业", False), ("场桥司机", "RTG轮胎吊司机 3年", True),
    ("reach stacker operator", "正面吊司机 3年", True), ("人货梯司机证", "施工升降机操作证", True),
])
def test_what_a_thirty_sixth_and_thirty_seventh_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Who runs a machine does its work, unless the table knows the machine by name (华为交换机 is no 交换).
    ("吹膜", "吹膜机 PE膜", True), ("制袋机", "塑料袋 制袋 操机", True), ("验布工", "验布机 看疵点 做了两年", True),
    ("熟悉华为交换机配置", "华为S5700交换机配置", True), ("懂单片机", "会51单片机", True),
    # A posting's parts between spaces are each asked; words around and a certificate asked read as such.
    ("拷边工 熟手", "锁边机做了三 年", True), ("会开叉车 有证", "叉车证 N1 在有效期", True),
    ("会开叉车 有证", "开过3年叉车 没证", False), ("注塑 上下模", "架模 换模", True),
    # The trades of garment, print and furniture factories by the names they go by on the floor.
    ("放码师", "推板 推档 都会", True), ("会排唛架", "会排料", True), ("绷缝机操作工", "冚车熟练", True),
    ("毛衫套口", "缝盘 羊毛衫厂", True), ("覆膜机", "过胶机", True), ("分切机", "分条机", True),
    ("柔印", "flexo 印刷 标签", True), ("丝印", "丝网印刷", True), ("凹印机长", "凹版印刷 机长 4年", True),
    ("海德堡印刷机操作", "小森 Komori 四开四色 机长", False), ("力克CAD", "Lectra Modaris 制版", True),
    ("力克CAD", "富怡CAD", False), ("前移式叉车", "reach truck 仓库2年 有证", True), ("FQC", "成品检验", True),
    ("二次元影像仪", "二次元 测量", True), ("木工 5年以上", "木工 十几年", True),
])
def test_what_a_forty_first_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # A posting phrase's words that the table knows only together are one part (红外|光谱), not a brand's.
    ("红外光谱鉴别", "FTIR鉴别 熟练", True), ("会基恩士视觉调试", "康耐视In-Sight调试", False),
    ("有呼叫中心客服经验", "淘宝在线客服", False), ("有呼叫中心客服经验", "10086话务员1年", True),
    ("新能源汽车维修经验", "新能源汽车 三电维修 比亚迪4S店 3年", True),
    # Q1 of the special-equipment authority and the building sites' signaller are apart; either is a signaller.
    ("起重机指挥Q1", "建筑起重信号司索工证", False), ("信号司索工", "干过塔吊指挥 有信号工证", True),
    # Pharmaceutical and laboratory practice by its names in Chinese, English and short.
    ("熟悉GMP", "熟悉药品生产质量管理规范", True), ("药品GMP", "cGMP 外企 3年", True), ("熟悉药品GSP", "熟悉药品经营质量管理规范", True),
    ("熟练使用HPLC", "Waters Acquity UPLC 日常检测", True), ("GC-MS", "气质联用 农残检测 3年", True),
    ("ELISA", "酶联免疫吸附 试剂盒检测", True), ("Western blot", "WB 熟练", True), ("qPCR", "荧光定量PCR 熟练", True),
    ("qPCR", "PCR 会做", False), ("微生物限度检查", "微限检查 2年", True), ("内毒素检测", "鲎试剂 凝胶法", True),
    ("设备确认（3Q）", "IQ/OQ/PQ 方案和报告编写", True), ("CRA 2年以上", "临床监查员 3年 肿瘤项目", True),
    ("熟悉医疗器械生产质量管理规范", "熟悉器械GMP 迎检3次", True), ("药品GMP", "熟悉器械GMP", False),
])
def test_what_a_forty_second_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Car repair, car services and battery plants by the names they go by; welding kinds are welding.
    ("会电焊", "二保焊 3年", True), ("电焊", "氩弧焊", True), ("氩弧焊", "电焊", False),
    ("服务顾问", "售后接待 3年", True), ("会用诊断仪（元征、道通等）", "道通 MaxiSys 用了3年", True),
    ("会用大众ODIS", "用VAS6150 跑ODIS 做编程", True), ("二手车评估师", "机动车鉴定评估师 三级", True),
    ("汽车营销师证", "汽车营销师 四级", True), ("机动车检测维修士", "机动车检测维修工程师", True),
    ("汽车贴膜", "贴窗膜 太阳膜 3年", True), ("汽车贴膜", "手机贴膜", False), ("隐形车衣 PPF", "贴窗膜 太阳膜", False),
    ("会做小保养", "会换机油机滤 空滤 刹车片", True), ("汽车维修工证", "修车8年 没考证", False),
    ("汽修中级工", "汽车修理工 高级工", True), ("化成分容", "formation & grading 设备操作 CATL 2年", True),
    ("电池PACK装配", "动力电池包PACK线 装配工 2年", True), ("电动车修理", "e-bike repair 3 years", True),
    ("充电站运维经验", "特来电充电站 运维 1年", True), ("新能源汽车相关专业", "新能源汽车技术专业 大专", True),
])
def test_what_a_forty_third_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Banks, insurers and sales: passed exams, leading people, licences said after the trade, a course adviser.
    ("通过CFA一级", "特许金融分析师一级", True), ("CFA持证人", "CFA三级已过 工作经验未满 未拿证", False),
    ("用过销售易", "销售易CRM 2年", True), ("保险代理人资格证", "平安人寿 保险代理人 执业证", True),
    ("有团队管理经验", "销售主管 带8人", True), ("有团队管理经验", "带1人", False), ("团队管理", "没带过人", False),
    ("寿险MDRT优先", "COT 2023", True), ("期货从业资格证", "期货从业资格 两科已过", True),
    ("课程顾问经验", "课程顾问 新东方 1年", True), ("精通C/C++", "C语言 课程设计", False),
    ("能独立维修装载机", "装载机维修 学徒半年", False),
])
def test_what_a_thirty_ninth_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # A known skill asked done well is not met by one said low; asked plainly, or preferred, it is.
    ("精通Excel", "excel 一般", False), ("精通Excel", "Excel", True), ("Excel", "excel 一般", True),
    ("精通Excel优先", "excel 一般", True), ("Photoshop熟练", "Photoshop basics", False),
    ("普通话流利", "普通话一般 有点口音", False), ("普通话流利", "普通话", True), ("熟练使用AutoCAD", "CAD制图熟练", True),
    ("English proficiency", "英语 一般", False), ("一般纳税人账务", "一般纳税人账务处理", True),
])
def test_a_skill_asked_done_well_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # SMT lines, fabs, panel and battery plants by their floor names; sibling processes and brands apart.
    ("自动光学检测", "AOI 编程员", True), ("AOI编程", "AOI操作员", False), ("回流焊", "再流焊炉操作维护", True),
    ("SPI锡膏检测", "SPI 串口 嵌入式驱动开发", False), ("雅马哈贴片机", "YAMAHA YSM20 调机技术员 3年", True),
    ("雅马哈贴片机", "雅马哈 摩托车维修", False), ("干法刻蚀", "湿法刻蚀/清洗 Wet bench", False),
    ("化学气相沉积", "CVD工艺工程师", True), ("引线键合(Wire Bond)", "K&S 焊线机调机 3年", True),
    ("千级洁净室经验", "百级无尘室工作过3年", True), ("汇川PLC", "Inovance H5U 编程", True),
    ("熟悉IPC-A-610标准", "IPC-A610 CIS 证书（有效期内）", True), ("Six Sigma 绿带", "六西格玛绿带证书", True),
])
def test_what_a_forty_fifth_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # A stage's teaching certificate with its subject in brackets or after a space is that subject's; old names.
    ("高中语文教师资格证", "高级中学教师资格证（语文）", True), ("小学语文教师资格证", "小学教师资格证 语文学科", True),
    ("初中信息技术教师资格证", "高级中学教师资格 信息技术", True), ("高中物理教师资格证", "高级中学教师资格（语文）", False),
    ("初中道德与法治教师资格证", "初中思想品德教师资格证", True), ("施工员证（土建）", "施工员（土建方向）岗位证书", True),
])
def test_what_a_forty_seventh_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Levels of a certificate (国家二级 above 三级), its lowest level met by the certificate; guides, tea, majors.
    ("心理咨询师三级", "国家二级心理咨询师", True), ("国家二级心理咨询师", "国家三级心理咨询师", False),
    ("社工证初级以上", "中级社工", True), ("中级导游", "高级导游员", True), ("英语导游证", "中文导游证 + CET-6", False),
    ("日语导游", "导游资格证 日语", True), ("茶艺师证", "茶艺师四级（中级）", True), ("保安员证", "退伍军人，没考保安证", False),
    ("社会工作相关专业", "社工专业 大专毕业", True), ("档案相关专业", "档案学本科", True), ("特殊教育专业", "特教专业本科", True),
])
def test_what_a_forty_fourth_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Shops and stores: an assistant is not the manager; a food handler's health certificate is its own kind.
    ("店长经验", "店长助理 1年", False), ("Store manager", "assistant store manager 1 yr", False), ("店长经验", "店长 3年", True),
    ("健康证", "食品从业人员健康证 在有效期", True), ("健康证（食品类）", "公共场所从业人员健康证（美容美发）", False),
    ("西式面点师证", "自学烘焙2年，在家做私房蛋糕，无证", False), ("西式面点师五级", "西点初级", True),
    ("理货员经验", "港口外轮理货员3年", False), ("营业员", "超市营业员 2年", True), ("讲解员经验", "红岩革命纪念馆讲解员3年", True),
    ("分拣中心分拣经验", "韵达分拨中心分拣员2年（夜班）", True), ("无犯罪记录证明", "能开良民证", True),
])
def test_what_a_forty_sixth_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Words jieba splits into single characters are one part (拓|客); a candidate master is no master; 上岗.
    ("有房产渠道拓客经验", "房产渠道专员 带看拓客 1年", True), ("国际象棋棋协大师", "国际象棋棋协候补大师", False),
    ("持电工证上岗", "低压电工作业操作证 有效期至2027", True), ("持有效叉车证上岗", "开过3年叉车 没证", False),
])
def test_single_characters_and_words_after_a_licence_meet_as_a_recruiter_reads_them(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # A known name, then its kind between spaces, then other words: as if the kind were in brackets.
    ("二级建造师(机电)", "二建 机电工程 已注册", True), ("二级建造师(建筑工程)", "二建 机电工程 已注册", False),
    ("行车证", "起重机司机 Q2 桥式", True), ("Q2流动式起重机", "起重机司机 流动式 2018年取证 2022年已复审", True),
    ("二建机电优先", "二级建造师 机电 临时证", False),
])
def test_a_kind_after_a_space_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # The five core tools named (or all but one): the core tools; a room attendant cleans; a tutor teaches.
    ("五大工具", "熟悉APQP PPAP FMEA MSA SPC", True), ("五大工具", "APQP/PPAP/FMEA", False),
    ("保洁经验", "酒店客房做房 2年", True), ("Teaching experience", "Tutored high school English for 2 years", True),
])
def test_parts_named_together_meet_as_a_recruiter_reads_them(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Work on an online marketplace is e-commerce; words around an item (流程, 行业, 系统) name nothing more.
    ("电商客服", "京东客服2年", True), ("电商客服", "电商美工", False), ("茶叶电商", "淘宝卖自家茶叶3年", True),
    ("熟悉理赔流程", "做过理赔资料审核 1年", True), ("信托行业经验", "四川信托 财富顾问 2年", True),
    # Selling something is sales (not a 卖场, where one works); 带课 is teaching.
    ("农药销售经验", "农资店卖化肥农药5年", True), ("有销售经验", "卖场理货员", False), ("钢琴老师", "琴行带课3年 钢琴", True),
])
def test_marketplaces_and_words_around_meet_as_a_recruiter_reads_them(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Hospitals, clinics and care: nursing specialities, imaging, sterile supply, coding, titles and levels.
    ("3年以上护理工作经验", "护士工作6年", True), ("新生儿科护理经验", "NICU nurse 2 years", True),
    ("NICU经验", "ICU护士 3年", False), ("健康管理师三级", "健康管理师二级", True), ("CSSD工作经验", "消毒供应中心 清洗包装灭菌 3年", True),
    ("手术室护士经验", "OR护士，器械护士+巡回护士 4年", True), ("MRI技师", "磁共振扫描3年，西门子1.5T/联影3.0T", True),
    ("初级护师职称", "护理学（师）资格证书", True), ("验光员中级", "验光师（三级/高级）", True),
])
def test_what_a_fiftieth_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Logistics, ports and freight forwarding by the names they go by.
    ("冷链运输经验", "开冷藏车2年，跑重庆到成都", True), ("岸桥司机", "桥吊司机3年，在洋山港开岸桥", True),
    ("门机司机", "门座式起重机司机 Q2，港口散货码头3年", True), ("集装箱拖车司机", "拖柜司机（深圳）3年", True),
    ("FCL/LCL", "做过整箱和拼箱操作", True), ("助理物流师", "物流师（国家职业资格二级）", True),
    ("Tally clerk", "外轮理货员 2年", True), ("理货员经验", "港口外轮理货员3年", False),
])
def test_what_a_fifty_third_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Machine shops by their floor names; 调机 is done to a machine (压铸调机 is no 压铸调), 中频淬火 no therapy.
    ("压铸调机", "力劲压铸机 调机 4年", True), ("感应淬火", "中频淬火（曲轴、半轴）4年", True), ("物理因子治疗", "中频淬火", False),
    ("普通铣床", "摇臂铣（炮塔铣）5年", True), ("会刮研", "铲花（铲刮导轨）5年", True), ("会用Mitutoyo量具", "三丰量具都会用", True),
    ("走心式数控车床", "西铁城 Citizen L20 走心机 调试", True), ("龙门加工中心", "普通龙门铣", False),
    ("三坐标编程", "海克斯康 PC-DMIS 编程 3年", True), ("激光切割操作", "大族光纤激光切割机 编程操作 2年", True),
])
def test_what_a_fifty_sixth_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Kitchens, bars and coffee: pour-over, espresso and latte art apart (each a barista's); cuisines, chains.
    ("手冲咖啡", "pour over V60 手冲 会调参数", True), ("手冲咖啡", "拉花 能拉爱心", False), ("会拉花", "会做手冲", False),
    ("会拉花", "latte art 能拉郁金香 天鹅", True), ("粤菜厨师", "潮汕菜厨师 5年", True), ("副厨师长", "Sous Chef 2年", True),
    ("火锅服务员经验", "海底捞服务员1年半", True), ("楼面经理经验", "餐厅经理3年", True),
])
def test_what_a_fifty_fourth_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Who drives a vehicle for a living holds its class: a bus (A3), a coach (A1), a tractor-trailer (A2).
    ("公交车驾驶经验", "重庆公交开了6年 118路", True), ("公交车驾驶经验", "BRT快速公交司机", True),
    ("大客车驾驶经验2年", "旅游大巴5年", True), ("A1驾照", "大客车司机", True), ("A2驾照", "牵引车司机 8年", True),
    ("A1驾照", "没开过大客车", False), ("A1驾照", "公交站附近", False), ("B2驾照", "大货车", False),
    # A class and a motorcycle's or a tram's without the licence's name (B2E: a B2 and an E); C4D is Cinema 4D.
    ("B2及以上驾照", "B2E", True), ("B2及以上驾照", "A2D", True), ("无轨电车驾驶（N照）", "A3N", True),
    ("C4D", "Cinema 4D", True), ("B2驾照", "C4D", False),
])
def test_a_vehicle_driven_holds_its_licence_class(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # A negation right before a name inside an item the table does not know: the writer lacks it.
    ("叉车证", "没有叉车证", False), ("电工证", "在考电工证", False), ("驾校教练员证", "陪练 没教练证", False),
    ("驾校教练员证", "C1驾照12年，无教练证", False), ("列车长经验", "列车员6年 没当过列车长", False),
    ("叉车证", "持叉车证", True), ("驾校教练员证", "科二科三教练 有教练证", True),
])
def test_a_name_negated_inside_an_item_is_not_held(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Roads and rails: the trades by their working names, dangerous goods by class, brands standing for a kind.
    ("剧毒化学品运输资格", "剧毒品运输从业资格 运氰化钠", True), ("危险货物道路运输驾驶员从业资格证", "危运驾驶员资格证", True),
    ("危化品罐车驾驶经验", "LNG槽车司机2年", True), ("危化品罐车驾驶经验", "食用油罐车", False),
    ("网约车平台经验", "滴滴快车两年", True), ("出租车从业资格证", "的士资格证", True), ("重卡驾驶经验", "豪沃前四后八自卸", True),
    ("电客车司机证", "城轨列车司机（地铁1号线）", True), ("动车组司机", "高铁司机 CRH380 持证", True),
    ("动车组司机", "动车组机械师", False), ("电力机车驾驶经验", "HXD3 司机5年", True), ("内燃机车司机", "HXD3 司机5年", False),
])
def test_what_a_sixtieth_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Estates, guards and cleaners: a captain leads the team leaders, a fire panel is not its linkage controller.
    ("保安班长经验", "保安队长3年", True), ("保安队长经验", "保安班长 2年", False), ("秩序维护员经验", "小区门岗保安2年", True),
    ("会操作消防联动控制器", "北大青鸟JBF-11S，会手自动切换、手动启泵", True),
    ("会操作消防联动控制器", "只会看报警主机屏幕，不会手动启泵", False), ("四害消杀", "有害生物防制员证", True),
    ("会开扫路车", "开过洗扫车2年", True), ("会开压缩式垃圾车", "开过勾臂式垃圾车（车厢可卸式）", False),
    ("物业管理员证", "物业管理师（2013年考的）", True), ("代客泊车经验", "valet parking at Hilton, 1 yr", True),
])
def test_what_a_fifty_seventh_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Solar, wind, storage and water: plants by their process names, tests by their methods, one test not another.
    ("光伏组件安装经验", "PV module installation, 2 yrs, rooftop & ground-mounted", True),
    ("GWO证书", "GWO BST四个模块 急救 手动搬运 消防 高处 都在有效期", True), ("熟悉A2O工艺", "AAO工艺 运行2年", True),
    ("污泥脱水设备操作", "板框压滤机开了2年", True), ("会测COD", "重铬酸钾法 回流消解 滴定", True),
    ("会测氨氮", "总氮 碱性过硫酸钾消解", False), ("水表抄收", "国网电表抄表", False),
    ("熟悉ISO14001", "ISO14001内审员", True), ("英语CET-4以上", "英语六级", True),
])
def test_what_a_fifty_eighth_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Years in brackets are years asked (叉车司机（3年以上）), and a phrase's years are met part by part.
    ("LF精炼工（3年以上）", "LF炉干了1年", False), ("LF精炼工（3年以上）", "钢包精炼炉操作3年", True),
    ("转炉炼钢工（3年以上）", "BOF operator trainee, 6 months", False), ("叉车司机（3年以上）", "叉车司机5年", True),
    ("光伏项目经理（3年以上）", "光伏EPC项目经理5年 干过50MW农光互补", True), ("物流经理 5年以上", "物流部经理8年", True),
    ("物流经理 5年以上", "物流部经理3年", False), ("实木木工 5年以上", "实木家具厂 木工 十几年", True),
])
def test_years_in_brackets_and_of_a_phrase_part_by_part(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Mines, mills and foundries: a furnace's tapping is not a foundry's, a crusher or a hardness scale of its own.
    ("高炉炉前工", "炼铁厂出铁场5年，开口机泥炮都会", True), ("高炉炉前工", "中频炉炉前工（铸造厂化铁）", False),
    ("直读光谱仪操作", "手持XRF光谱枪分牌号", False), ("破碎工（圆锥破）", "只开过颚式破碎机", False),
    ("渗碳淬火", "感应淬火", False), ("模锻工", "自由锻工", False), ("锻工（中级）", "锻造工高级工证", True),
    ("洛氏硬度", "里氏硬度计", False), ("铸造模拟软件（ProCAST或MAGMA）", "MAGMASOFT 5.4", True),
    ("矿卡司机（百吨级以上）", "开小松830E电动轮", True), ("矿卡司机（百吨级以上）", "临工宽体车，60吨的", False),
    ("天车证", "overhead crane licence exam next month", False), ("铝合金压铸", "力劲压铸机调机2年", True),
])
def test_what_a_sixty_first_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Hotels, guides, gyms and pools: a supervisor above a team leader, a certificate being sat, a DJ of a club.
    ("熟悉Opera系统", "用过Fidelio，在前台做了三年", True), ("前台主管经验", "前台领班1年", False),
    ("客房主管", "客房领班1年", False), ("客房领班经验", "楼层领班，每天查房排房，2年", True),
    ("瑜伽教练证（200小时）", "RYT500", True), ("国际私教认证（ACE/NASM/ACSM等）", "NSCA-CPT", True),
    ("NASM-CPT", "NASM-CES纠正性训练", False), ("游泳教练证", "游泳社会体育指导员，在考", False),
    ("潜水证（PADI OW以上）", "PADI AOW", True), ("酒吧DJ", "电台DJ主持", False), ("熟悉Opera", "熟悉OPERA Cloud", True),
])
def test_what_a_sixty_fourth_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Mills by their machines: tending a machine is 挡车, 值车 or 看车; a brand's programming is not another's.
    ("细纱挡车工经验", "环锭细纱值车2年，一人看1200锭", True), ("电脑横机挡车", "手摇横机织毛衣", False),
    ("电脑横机挡车", "岛精横机挡车 一人6台", True), ("电脑横机制版（岛精）", "恒强制版", False),
    ("纺部保全（平车）经验", "服装厂平车工5年", False), ("定型机挡车", "鞋厂冷冻定型机", False),
    ("PU合成革（湿法）", "干法线3年", False), ("裁断（冲床）", "五金厂冲床冲压", False),
    ("筒子纱染色", "cheese dyeing 3 yrs", True), ("鞋类CAD", "Shoemaster 开版", True),
])
def test_what_a_sixty_fifth_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Home decoration: each trade's own words; a sibling (electric floor heating, a brick partition) is not it.
    ("水地暖安装", "壁挂炉安装+地暖盘管，威能的", True), ("水地暖安装", "电地暖发热电缆铺设", False),
    ("轻钢龙骨隔墙", "轻质砖砌隔墙", False), ("硅藻泥施工", "硅藻泥销售", False), ("美缝", "真瓷胶 聚脲都打过", True),
    ("VRay渲染", "Corona渲染器", False), ("断桥铝门窗安装", "阳台封窗安装，断桥铝的，干了四年", True),
    ("木饰面/护墙板安装", "木饰面油漆修色", False), ("家装项目经理3年", "家装工长，带过五十多个工地", True),
])
def test_what_a_sixty_seventh_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Seafarers' ranks in order (a chief officer meets a second officer's post, not the reverse); pilots' licences.
    ("三副", "二副适任证书", True), ("二管轮", "大管轮证", True), ("大副适任证书", "二副适任证书", False),
    ("商用驾驶员执照（CPL）", "ATPL航线运输驾驶员执照", True), ("CPL（飞机）", "直升机商照", False),
    ("Ⅰ级体检合格证", "Ⅱ级体检合格证", False), ("ICAO英语4级及以上", "ICAO 5级", True),
])
def test_what_a_sixty_second_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Networks, fibre and towers; what is denied after a name (没有, 没实际用过), 4G/5G as networks, not welds.
    ("电工证+登高证", "电工证有 登高证没有", False), ("OTDR测试", "OTDR培训过 没实际用过", False),
    ("SolidWorks", "solidworks不会", False), ("HCIP-Datacom", "HCIP-Security", False),
    ("HCIP-Datacom", "华为高级网络工程师 HCNP 路由交换", True), ("4G/5G基站开通", "华为5G gNodeB开站", True),
    ("电工上岗证", "中级电工 四级职业技能等级证书", False), ("电工上岗证", "电工证", True),
    ("宽带装维经验", "电信装维1年 FTTH入户装光猫", True),
    ("VMware vSphere虚拟化", "ESXi + vCenter, managed ~50 VMs", True), ("IPTV机顶盒调试", "卫星锅机顶盒装过", False),
])
def test_what_a_sixty_eighth_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # A chemical park's units by their processes; a certificate not yet issued, a course, a brand's other products.
    ("合成氨装置操作经验3年以上", "在阳煤合成氨厂干合成岗5年", True), ("甲醇装置操作经验", "甲醇精馏外操 4年", True),
    ("熟悉霍尼韦尔DCS", "TDC3000操作 4年", True), ("熟悉霍尼韦尔DCS", "霍尼韦尔 气体检测仪", False),
    ("熟练操作横河DCS", "横河 EJA变送器 校验", False), ("化工自动化控制仪表作业证", "化工自动化控制仪表 培训完了证没下来", False),
    ("聚合釜操作经验", "医药中间体反应釜", False), ("共沸或萃取精馏经验", "简单精馏 二元", False),
    ("熟悉精馏塔调节（回流比、灵敏板温度）", "化工原理课学过精馏 实习一个月", False),
    ("持聚合工艺证优先", "聚合工艺 线上培训了 没去考", False), ("熟悉能量隔离（LOTO）", "上锁挂牌 每次检修都做", True),
])
def test_what_a_sixty_ninth_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # A car plant's four shops; a clause that denies the one before (没实际做过), spot welding is no arc welding.
    ("熟悉FMEA", "培训过FMEA，没实际做过", False), ("三坐标测量（CMM）", "三坐标培训过，没实际操作", False),
    ("电焊工", "在汽车厂做点焊 用焊钳夹", False), ("点焊经验", "spot welding 1.5yrs, 悬挂点焊钳", True),
    ("熟练使用电动拧紧枪", "阿特拉斯拧紧枪打底盘螺栓", True), ("防错（Poka-Yoke）设计", "操作工，按防错灯装配", False),
    ("烘炉炉温测试", "用Datapaq测烘房炉温曲线", True), ("电泳线操作", "CED line operator 1 yr", True),
])
def test_what_a_seventy_second_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Online stores, live rooms and private traffic; words that mean something else elsewhere (裂变, 飞鸽传书) are not them.
    ("熟练使用生意参谋", "天猫店每天用生参拉数据做日报", True), ("熟悉抖音飞鸽客服", "会用飞鸽传书局域网传文件", False),
    ("裂变活动策划", "原子核裂变实验（物理专业）", False), ("视频号运营", "微信公众号运营", False),
    ("客服主管（带10人以上团队）", "客服组长带5个人", False), ("外贸业务经验", "阿里巴巴国际站运营2年", True),
    ("淘宝客服1年以上", "天猫售前客服一年半，千牛接待", True), ("电商客服", "淘宝客服 2年", True),
    ("同城配送经验", "美团外卖骑手一年", True), ("SQL取数", "Hive SQL日常取数", True),
])
def test_what_a_seventy_first_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Farms, feed mills, slaughterhouses, distilleries, dairies and tea: the trades' words; a sibling is not it.
    ("3年以上养猪场工作经验", "在规模猪场做过5年饲养员", True), ("熟悉猪人工授精技术", "懂母猪配种、人工授精、查情", True),
    ("熟悉猪场生物安全防控（非洲猪瘟）", "非瘟防控经验，负责洗消中心", True), ("会上甑", "装甑工3年", True),
    ("3年以上白酒酿造经验", "郎酒酿酒车间3年，上甑、摘酒", True), ("利乐灌装机操作经验", "Tetra Pak TBA/19 operator", True),
    ("熟悉母猪产房管理", "分娩舍主管2年", True), ("冷库管理经验", "冷冻库库管2年", True),
    ("品酒师证", "侍酒师", False), ("制曲经验优先", "做过酱油制曲", False),
])
def test_what_a_seventy_third_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Hospitals, clinics and pharmacies: a specialist's certificate is not the ward's experience, care is not placement.
    ("ICU专科护士证书", "危重症专科护士（中华护理学会）", True), ("ICU专科护士证书", "在ICU工作3年，无专科护士证", False),
    ("PICC置管资质", "PICC置管证，独立置管200余例", True), ("PICC置管资质", "会PICC维护换药", False),
    ("ICD-10编码", "国际疾病分类编码", True), ("ICD-10编码", "熟悉ICD-9-CM-3手术编码", False),
    ("静脉穿刺技术熟练", "静脉输液配置中心（PIVAS）配药", False), ("临床医学检验技师", "主管检验技师", True),
    ("熟悉药品GSP规范", "知道有GSP，没实际接触过", False), ("执业助理医师及以上", "执业助理医师今年报了笔试", False),
    # Two asks in one item, a class and its years: each is read.
    ("C1驾照，3年以上驾龄", "C1驾照，驾龄8年", True), ("C1驾照，3年以上驾龄", "C1驾照 驾龄1年", False),
])
def test_what_a_seventy_fourth_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


@pytest.mark.parametrize("required, held, meets", [
    # Developers, testers, operations and data: tools by their names; a certificate that lapsed, a language being
    # learnt, commands that are no scripts, one of two tools asked are not them.
    ("熟悉Shell脚本编写", "会写bash脚本做定时备份", True), ("熟悉Shell脚本编写", "会Linux基本命令", False),
    ("熟悉Prometheus、Grafana监控", "prometheus+grafana告警", True), ("熟悉Prometheus、Grafana监控", "只用过Grafana看板", False),
    ("持有OCP证书", "OCM", True), ("达梦DCP证书", "DM DCP认证", True), ("熟悉国产数据库（达梦、人大金仓等）", "人大金仓Kingbase", True),
    ("Flutter跨平台开发", "Dart语言学习中", False), ("HCIA证书", "HCIA 2019年考的 已过期", False),
    ("熟悉禅道/Jira", "禅道提bug", True), ("熟悉AD域管理", "windows域控", True), ("熟悉Hive SQL", "HQL", True),
])
def test_what_a_seventy_sixth_hand_wrote_meets_as_a_recruiter_reads_it(required, held, meets):
    assert meets_as_the_index_reads(required, held) is meets


def test_each_major_is_named_once_and_within_known_classes():
    with resources.files("matching").joinpath("data", "majors.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", restval=""))
    names = [name for row in rows for name in row["names"].split("|")]
    assert all(names) and len(names) == len(set(names)) and all(name == fold(name) for name in names)
    keys = {row["key"] for row in rows}
    assert all(parent in keys for row in rows for parent in row["within"].split("|") if parent)
    assert skill_label(canonical_skill("机械类专业")) == ("机械类专业", "mechanical majors")
    assert not is_credential(canonical_skill("会计专业"))


def test_licensed_names_no_licence_class():
    assert canonical_skill("licensed") == "licensed" and canonical_skill("licence d") == "licence:D"
    assert skills_in_text("English-speaking tour guide, licensed 2019") == {canonical_skill("英语导游证")}


def test_how_long_a_line_says_in_whole_years():
    assert [_years_said(text) for text in ("1年半", "18个月", "半年", "两年多", "十二年", "二十年", "3+ yrs", "6 months")] \
        == [[1], [1], [0], [2], [12], [20], [3], [0]]
    assert _years_said("2019-2023 仓管") == [4] and _years_said("2015年入职") == []
    assert canonical_skill("焊工50年") == canonical_skill("焊工10年")  # more than ten is ten: a bounded set of keys
    assert skill_label(canonical_skill("3年以上焊工经验")) == ("焊接3年以上", "welding, 3+ years")


def test_a_resume_naming_a_factory_or_a_subject_names_no_skill():
    assert skills_in_text("2019年起在叉车厂做装配，后来在质检站开车") == {canonical_skill("装配")}
    assert skills_in_text("会开叉车，做过质检") == {canonical_skill("开叉车"), canonical_skill("质检")}


def test_a_year_is_no_duration_and_a_digit_no_level():
    assert canonical_skill("2015年") == "2015年" and canonical_skill("3") == "3"


def test_the_table_spells_each_name_once_and_none_empty():
    with resources.files("matching").joinpath("data", "skills.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    spellings = [fold(variant) for row in rows for variant in row["variants"].split("|")]
    assert all(spellings) and len(spellings) == len(set(spellings))
    assert all(row["commonly"] in {other["key"] for other in rows} for row in rows if row["commonly"])


def test_misspellings_are_read_only_for_long_latin_names_that_are_not_everyday_words():
    assert canonical_skill("sprint") != canonical_skill("spring") and canonical_skill("jav") != canonical_skill("java")
    assert not canonical_skill("TOEFL 999").startswith("score:")  # above the highest score: no thousand keys


def test_a_name_that_starts_with_a_letter_is_not_read_inside_a_latin_word():
    assert skills_in_text("没有ct证") == set() and skills_in_text("持T证") == {canonical_skill("T证")}


def test_the_words_around_an_unknown_item_and_its_person_are_not_what_it_names():
    assert canonical_skill("防损员") == canonical_skill("做过防损") == canonical_skill("防损经验")
    assert canonical_skill("装配工") == canonical_skill("装配")
    # Jieba's words decide: 文员 and 会计 are words, 会展策划 keeps its 会.
    assert canonical_skill("文员") == "文员" and canonical_skill("前台文员") == "前台文员"
    assert canonical_skill("会计") == canonical_skill("accounting") and canonical_skill("会展策划") == "会展策划"


def test_a_discipline_shows_in_the_label():
    assert skill_label(canonical_skill("一级造价工程师(安装)")) == ("一级造价工程师（安装）", "first-class cost engineer (安装)")
    assert is_credential(canonical_skill("一级造价工程师(安装)"))


def test_typed_text_never_passes_for_a_key_made_here():
    # A level, a score or a licence read from typed text would be expanded to every lower one.
    for typed in ("excel@99999999", "score:toeic:99999999", "licence:", "x@²", "either:a|b", "years:java:99999999",
                  "major:computer"):
        key = canonical_skill(typed)
        assert len(expand_held({key})) == 1 and not is_credential(key), typed
        assert skill_label(key, typed) == (typed, typed) or skill_label(key)[0] == key


_PIECES = st.sampled_from(["叉车证", "电工证", "焊工", "(", ")", "（中级）", "或", "/", "、", "及以上", "3年", "二级", "level 3",
                           "优先", "均可", "-", "证", "司机", "驾龄", "雅思", "7.5", "托业990", "C6", "E照", "建造师", "(安装)",
                           "特种作业操作证", "@", ":", " "])


@settings(deadline=None)  # the first item loads jieba's dictionary
@given(st.lists(_PIECES, min_size=1, max_size=5).map("".join) | st.text(max_size=20))
def test_any_item_is_read_without_error_and_proves_a_bounded_set(text):
    key = canonical_skill(text)
    held = held_skills(skill_items(text))
    assert len(held) < 1000
    assert isinstance(holds(held, key), bool) and isinstance(is_credential(key), bool)
    assert all(isinstance(label, str) for label in skill_label(key, text))
    assert isinstance(skills_in_text(text), set)
