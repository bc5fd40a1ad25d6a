"""Occupation normalisation to CSCO 2022 codes."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matching import NotFittedError, Occupation, OccupationNormalizer, normalize_title
from matching.occupations import code_levels, default_normalizer, load_labelled_titles, load_occupations


@pytest.mark.parametrize(
    ("title", "code"),
    [
        # The seed's job kinds.
        ("会计", "2-06-03-00"),
        ("出纳", "2-06-03-00"),
        ("叉车司机", "6-30-05-01"),
        ("数控操作工", "6-18-01-07"),
        ("焊工", "6-18-02-04"),
        ("电焊工", "6-18-02-04"),
        ("研发工程师", "2-02-00-00"),
        ("设计师", "4-08-08-00"),
        ("平面设计师", "4-08-08-06"),
        ("货车司机", "4-02-02-02"),
        ("厨师", "4-03-02-01"),
        # The seed's operators run the plant's equipment; they are not engineers as 研发工程师 are.
        ("技术操作员", "6-00-00-00"),
        ("品质检验员", "6-31-03-05"),
        ("仓库叉车工", "6-30-05-01"),
        # What a chemical park's and a factory's ads call their jobs (长寿 is both).
        ("外操", "6-11-01-02"),  # field operator: was 国际商务专业人员 (外 of 外贸)
        ("内操", "6-11-01-03"),  # control-room (DCS) operator: was 内科医师
        ("巡检工", "6-31-01-01"),
        ("天车工", "6-30-05-01"),  # overhead crane: was 车工, a lathe operator
        ("线长", "6-00-00-00"),  # was 事业单位负责人
        ("计划员", "2-02-30-01"),  # labelled 动画设计人员 (计 of 设计): bench/label_corrections.tsv
        ("IPQC", "6-31-03-05"),
        ("单证员", "2-06-07-12"),  # a derived CSCO alias of 公证员, a notary
        ("挤出工", "6-14-02-00"),  # was 会计专业人员
        ("装载机司机", "6-30-05-05"),  # was 客运车辆驾驶员, a bus driver
        ("设备管理员", "6-31-01-01"),  # labelled 消防装备管理员
        ("折弯工", "6-18-01-12"),  # an alias of 冲压工, but 招聘折弯工 was labelled 镗工
        ("水管员", "6-28-03-02"),  # was 质检员
        ("吊车司机", "6-30-05-02"),  # a derived alias of 起重工: was 客运车辆驾驶员, a bus driver
        ("精馏工", "6-11-01-02"),  # distillation: was 精算专业人员, an actuary
        ("发酵工", "6-12-05-02"),  # was 美发师, a hairdresser
        ("装车工", "4-02-05-01"),  # was 车工, a lathe operator
        ("来料检验", "6-31-03-05"),  # incoming inspection (IQC): was 电子电气产品检验员
        # The seed's R&D engineers, designers and drivers.
        ("安全工程师", "2-02-28-03"),  # production safety, as a factory means it: a project alias said 信息安全
        ("效果图设计师", "4-08-08-07"),  # was 集成电路工程技术人员
        ("外观设计", "2-02-34-00"),  # was 质检员
        ("研发经理", "2-02-00-00"),  # was 市场营销专业人员
        ("冷链司机", "4-02-02-02"),  # a refrigerated lorry: was 客运车辆驾驶员
        # As titles-dev.csv labels 行政 titles, 22 times of 22 with one of its codes.
        ("行政文员", "3-01-01-01"),
        ("资深行政文员", "3-01-01-01"),  # was 打字员
        ("宿管", "4-06-01-00"),  # a dormitory's manager: was 民宿管家, a guesthouse's
        # Noisy ad titles.
        ("普工", "6-00-00-00"),
        # titles-dev.csv labels it 汽车制造人员: the car plant says which 中类 of 普工.
        ("普工+包吃包住+综合薪资5-6k+汽车厂", "6-22-00-00"),
        ("明安保安招聘保安", "4-07-05-01"),
        ("安保员", "4-07-05-01"),
        ("服装 卖手 3~5万", "4-01-02-03"),
        ("销售代表（曹县市场）", "4-01-02-01"),
        ("研发工程师（软件）", "2-02-10-03"),  # was 工程技术人员, as 研发工程师（机械）
        ("研发工程师（机械）", "2-02-07-02"),
        ("焊锡工", "6-25-04-07"),  # an electronics line's soldering: was 焊工, a welder's trade and licence
        ("直播运营 7-12K", "4-01-06-02"),
        ("招司机 直招 靠谱的请投简历 中介勿扰", "4-02-02-01"),
        ("注册会计师-福州市", "2-06-03-00"),
        # Traditional characters fold to simplified ones.
        ("會計", "2-06-03-00"),
        ("電焊工", "6-18-02-04"),
        # English titles.
        ("forklift driver", "6-30-05-01"),
        ("Accountant", "2-06-03-00"),
        ("welder", "6-18-02-04"),
        ("software engineer", "2-02-10-03"),
        ("Senior Java Developer", "2-02-10-03"),
        ("forklift drivers", "6-30-05-01"),
        ("CNC lathe operator", "6-18-01-07"),
        # As their Chinese counterparts: 机床操作工, 砌筑工, 分拣员, 店长.
        ("machine operator", "6-18-01-07"),
        ("Mason", "6-29-01-01"),
        ("parcel sorter", "4-02-07-09"),
        ("store manager", "4-01-02-06"),
        # Near an English alias, not one: they went to 理货员 (a tally clerk) and to 营销员 before the
        # occupations of titles-dev.csv had English names.
        ("bank clerk", "4-05-01-03"),
        ("customs clerk", "2-06-07-12"),
        ("Foreign trade salesperson", "2-06-07-01"),
        # They went to 内科护士 (an internal-medicine nurse), 保险理赔专业人员 (claims), 会计专业人员 (an
        # account is not accounts), 市场营销专业人员 and 汽车装调工, or to nothing.
        ("nurse", "2-05-08-00"),
        ("insurance agent", "4-05-03-01"),
        ("account manager", "4-07-02-03"),
        ("plant manager", "1-06-01-02"),
        ("car washer", "4-12-01-01"),
        ("butcher", "6-01-04-01"),
        ("physiotherapist", "2-05-07-13"),
        ("3d artist", "2-09-06-07"),  # was 陶瓷工艺师, a ceramic artist
        ("dental assistant", "2-05-08-07"),  # an assistant, but not a shop's (商品营业员)
        ("hse manager", "2-02-28-03"),  # was 企业经理
        ("pipe fitter", "6-29-03-04"),  # was 装配钳工
        ("tiler", "6-29-04-01"),  # was nothing
        # As seekers type them at a kiosk in English:
        ("cooking", "4-03-02-01"),  # was nothing: "cooking" shares no word with "cook"
        ("tree surgeon", "4-09-10-01"),  # was 外科医师
        ("cabinet maker", "6-06-04-00"),  # was 调饮师 (bubble tea maker)
        ("zoo keeper", "4-09-06-04"),  # was 仓储管理员 (warehouse keeper)
        # titles-dev.csv labels these by a shared character, not by the job (bench/label_corrections.tsv):
        # 车工 (a lathe operator), 航空油料员, 节目主持人, 调解员.
        ("车间普工", "6-00-00-00"),
        ("物料员", "4-02-06-01"),
        ("项目主管", "2-02-30-04"),
        ("调色员", "6-11-05-03"),
        ("车间管理", "2-02-30-01"),  # labelled 停车管理员, a parking attendant
        ("设备操作员（倒班）", "6-00-00-00"),  # 设备操作(工) labelled 烟机设备操作工, tobacco machinery
        ("精神科护工", "4-14-01-02"),  # labelled 内科护士, a nurse
        ("董助", "3-01-02-02"),  # labelled 助产士, a midwife
        ("库管", "4-02-06-01"),  # learned as 会计 from 财务+库管
        ("砧板", "4-03-02-01"),  # a kitchen's prep cook, labelled 胶合板工 (plywood)
        ("药店店员", "4-01-05-02"),  # labelled 旅店服务员 (药店 read as 旅店)
        ("育儿嫂", "4-10-01-06"),  # a nanny, labelled 种子繁育员 (a seed breeder)
        ("渠道专员", "2-06-07-02"),  # a sales-channel specialist, labelled 专利管理专业人员
        ("发型师", "4-10-03-02"),  # 资深发型师 was labelled 资产管理师
        ("话务员", "4-04-05-03"),  # labelled 政务服务办事员
        ("餐厅经理", "4-03-02-00"),  # labelled 市场营销专业人员
        ("瓷砖工", "6-29-04-01"),  # a tiler: was 典当业务员, a pawnbroker
        ("腻子工", "6-29-04-01"),  # was 电子工程技术人员
        # ... while the occupations those wrong labels named still map from their own aliases.
        ("殡葬服务员", "4-10-06-01"),
        ("停车场管理员", "4-06-01-03"),
        ("图书发行员", "4-01-05-03"),
        ("烟机设备操作工", "6-03-03-01"),
    ],
)
def test_titles_map_to_their_occupation(title, code):
    found = normalize_title(title)
    assert isinstance(found, Occupation)
    assert found.code == code
    assert 0.0 < found.score <= 1.0


@pytest.mark.parametrize("title", ["Zookeeper", "Astronaut", "Ice sculptor"])
def test_an_english_title_no_alias_shares_a_word_with_maps_to_nothing(title):
    # Letter n-grams alone had "butcher" as a teacher (-cher) and "team leader" as one too (-ea-).
    assert normalize_title(title) is None


def test_noise_without_a_title_maps_to_nothing():
    assert normalize_title("") is None
    assert normalize_title("包吃包住+五险一金") is None


# 都可以 was 焊工, 初中文化 初级中学教师, 找工作 社会工作者, good salary 特殊商品购销人员.
@pytest.mark.parametrize("title", ["学徒", "实习生", "实习生（2025届）", "管培生", "储备干部", "Intern", "apprentice",
                                   "都可以", "随便", "工资高的", "离家近", "初中文化", "找工作", "good salary"])
def test_a_title_that_names_no_trade_maps_to_nothing(title):
    # 学徒 was 社会体育指导员 (a fitness instructor), 实习生 电子商务服务人员: the kiosk showed the guess as a reason.
    assert normalize_title(title) is None


@pytest.mark.parametrize(("title", "code"), [
    ("电焊学徒", "6-18-02-04"), ("销售实习生", "4-01-02-00"), ("学徒工", "6-00-00-00")])
def test_an_apprentice_or_intern_of_a_trade_maps_to_the_trade(title, code):
    assert normalize_title(title).code == code


def test_official_names_map_to_their_own_occupation():
    normalizer = default_normalizer()
    rows = [(code, name) for code, name, _ in load_occupations()]
    wrong = [(code, name, normalizer.normalize(name)) for code, name in rows if normalizer.normalize(name).code != code]
    # The 2022 table gives two names to two codes each; either code is right for them.
    assert [(code, name) for code, name, found in wrong if found.name != name] == []
    assert len(wrong) <= 2


NAMES = [name for _, name, _ in load_occupations()]
TITLES = load_labelled_titles()[0][:300] + ["叉车司机", "forklift driver", "焊工+包吃住+6-8k"]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(TITLES + NAMES))
def test_normalising_twice_changes_nothing(title):
    first = normalize_title(title)
    if first is not None:
        assert normalize_title(first.name).code == first.code


def test_extract_is_best_first_and_respects_limit():
    found = default_normalizer().extract("叉车司机", limit=3)
    assert 1 <= len(found) <= 3
    assert found[0].code == "6-30-05-01"
    assert [o.score for o in found] == sorted((o.score for o in found), reverse=True) or found[0].score == 1.0


def test_fit_returns_self_and_learns_trailing_underscore_state():
    rows = [("6-30-05-01", "起重装卸机械操作工", ["叉车司机"]), ("2-06-03-00", "会计专业人员", ["会计", "出纳"])]
    normalizer = OccupationNormalizer()
    assert normalizer.fit(rows, ["仓库叉车工", "财务出纳"], ["6-30-05-01", "2-06-03-00"]) is normalizer
    assert normalizer.codes_ == ["6-30-05-01", "2-06-03-00"]
    assert normalizer.normalize("叉车司机招聘").code == "6-30-05-01"
    assert normalizer.normalize("出纳员").code == "2-06-03-00"


def test_labelled_titles_teach_what_the_aliases_do_not_say():
    rows = [("4-01-02-01", "营销员", ["销售"]), ("4-03-02-05", "餐厅服务员", ["服务员"])]
    labelled = ["门店卖手", "服装卖手", "楼面传菜", "餐厅传菜员"]
    codes = ["4-01-02-01", "4-01-02-01", "4-03-02-05", "4-03-02-05"]
    learned = OccupationNormalizer().fit(rows, labelled, codes)
    assert learned.normalize("卖手").code == "4-01-02-01"
    assert learned.normalize("传菜").code == "4-03-02-05"
    assert learned.normalize("营销员").code == "4-01-02-01"  # an official name stays decisive
    without_classifier = OccupationNormalizer(classifier_weight=0).fit(rows, labelled, codes)
    assert without_classifier.classes_ is None
    assert without_classifier.normalize("传菜").code == "4-03-02-05"  # the labelled neighbours still vote


def test_an_alias_of_an_unlabelled_occupation_beats_the_classifier():
    # 平面设计师 is a CSCO alias of 装潢美术设计师, which no packaged labelled title uses.
    assert "4-08-08-06" not in load_labelled_titles()[1]
    assert normalize_title("平面设计师").code == "4-08-08-06"


@pytest.mark.parametrize(("title", "code"), [
    ("翻砂工", "6-18-02-01"),  # was 翻译: a sand-moulding foundry worker, not a translator
    ("支护工", "6-16-01-06"),  # was 医疗护理员
    ("继电保护工", "6-28-01-15"),  # was 医疗护理员
    ("喷漆工", "6-18-03-03"),  # was 汽车维修工
    ("热处理工", "6-18-02-03"),  # was 金属材料工程技术人员
    ("船舶设计工程师", "2-02-07-12"),  # was 船舶业务员
    ("打包员", "6-31-05-00"),  # was 理货员
    # Specific titles the derived table gave their 中类 or 小类, given their occupation:
    ("钢琴教师", "2-08-99-00"),  # a music school's, was 教学人员
    ("化学老师", "2-08-02-00"),  # a school's, was 教学人员
    ("维修工", "6-31-01-00"),  # a factory's maintenance fitter, was household repairs (修理及制作服务人员)
    ("安全技术员", "2-02-28-03"),  # production safety, as 安全工程师; was 安全工程技术人员
    ("QA工程师", "2-02-29-03"),  # quality management; was 标准化、计量、质量和认证认可工程技术人员
    ("修图", "4-08-09-01"),  # a photo retoucher; was 摄影扩印服务人员
    # A chemical and steel district's trades, and others a fair posts, that shared a character with another:
    ("离心工", "6-11-01-02"),  # was 心理咨询师
    ("氯碱电解工", "6-11-02-06"),  # was 调解员
    ("焦化工", "6-10-02-02"),  # was 园林绿化工
    ("转炉工", "6-17-02-02"),  # was 锅炉操作工
    ("塔吊司机", "6-30-05-01"),  # was 客运车辆驾驶员, as were five more cranes' and a bulldozer's
    ("压缩机工", "6-28-02-06"),  # was nothing
    ("红案", "4-03-02-01"),  # a cook, was 档案专业人员
    ("环卫工", "4-09-08-01"),  # was 环境保护工程技术人员
    ("美缝师", "6-29-04-01"),  # tile grouting, was 美容师
    ("巡逻员", "4-07-05-01"),  # was 设备点检员
    # What seekers type at a kiosk, in their own words:
    ("开摩的", "4-02-02-01"),  # was 保健按摩师
    ("照顾老人", "4-10-01-05"),  # was 光源与照明工程技术人员
    ("会带孩子", "4-10-01-03"),  # was 会计专业人员
    ("端盘子", "4-03-02-05"),  # was 计算机软件工程技术人员
    ("翻砂", "6-18-02-01"),  # was 翻译
    ("扎钢筋", "6-29-01-04"),  # was 其他教学人员
    ("想找个看门的", "4-07-05-01"),  # was 不便分类的其他从业人员
    ("养牛", "5-03-02-01"),  # was 营养师
    ("陪诊", "4-14-01-02"),  # was 电子竞技员 (陪玩)
    ("批灰", "6-29-04-01"),  # was 信贷审核专业人员
    ("会唱歌", "2-09-02-07"),  # was 会计专业人员
    ("写代码", "4-04-05-01"),  # was 专利代理专业人员
])
def test_a_project_alias_maps_to_its_occupation(title, code):
    assert normalize_title(title).code == code


def test_a_labelled_title_outweighs_the_curated_alias_it_spells():
    rows = [("6-18-02-01", "铸造工", ["翻砂工"]), ("2-10-05-00", "翻译", ["翻译员"])]
    labelled, codes = ["英语翻译", "日语翻译", "翻译助理", "砂型铸造"], ["2-10-05-00"] * 3 + ["6-18-02-01"]
    assert OccupationNormalizer().fit(rows, labelled, codes, curated={"翻砂工"}).normalize("翻砂工").code == "6-18-02-01"
    relabelled = OccupationNormalizer().fit(rows, labelled + ["翻砂工"], codes + ["2-10-05-00"], curated={"翻砂工"})
    assert relabelled.normalize("翻砂工").code == "2-10-05-00"


def test_aliases_of_labelled_occupations_teach_the_classifier():
    rows = [("4-01-02-01", "营销员", ["销售代表", "业务员"]), ("4-03-02-05", "餐厅服务员", ["传菜员"])]
    labelled, codes = ["门店卖手", "楼面传菜"], ["4-01-02-01", "4-03-02-05"]

    def margins(alias_weight):
        normalizer = OccupationNormalizer(alias_weight=alias_weight).fit(rows, labelled, codes)
        return normalizer._evidence("资深业务员")[0][0]  # row 0: the classifier's margin per occupation

    taught, untaught = margins(0.3), margins(0.0)
    assert taught[0] > taught[1]
    assert taught[0] - taught[1] > untaught[0] - untaught[1]


def test_unfitted_normalizer_says_so():
    with pytest.raises(NotFittedError, match="not fitted"):
        OccupationNormalizer().normalize("会计")


def test_fit_reports_both_lengths_on_mismatch():
    with pytest.raises(ValueError, match="2 != 1"):
        OccupationNormalizer().fit(load_occupations(), ["会计", "焊工"], ["2-06-03-00"])


def test_fit_rejects_unknown_codes():
    with pytest.raises(ValueError, match="9-99-99-99"):
        OccupationNormalizer().fit(load_occupations(), ["会计"], ["9-99-99-99"])


def test_code_levels_follow_the_hierarchy():
    assert code_levels("6-30-05-01") == ("6", "6-30", "6-30-05", "6-30-05-01")
    assert code_levels("4-02-02-00") == ("4", "4-02", "4-02-02", None)
    assert code_levels("6-00-00-00") == ("6", None, None, None)
    assert code_levels("6-18-01") == ("6", "6-18", "6-18-01", None)


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("5年叉车司机工作经验，曾做过仓库管理员。", ["叉车司机", "仓库管理员"]),
        ("3年会计经验，持初级会计证", ["会计"]),
        ("Eight years as a welder, then forklift driver.", ["forklift driver", "welder"]),  # the later job first
        # Skills and subjects a resume mentions are not jobs; short Latin names only as whole words.
        ("熟悉英语，参加过公司培训，i.e. good at Excel", []),
        ("做过焊工、电工、普工、车工", ["焊工", "电工", "普工"]),
        # A name inside a longer word is not a job of this person (all but the last were found).
        ("在工厂长期上夜班，想找普工", ["普工"]),  # 厂长
        ("跟老师傅学了三年电焊，求焊工岗位", ["焊工"]),  # 老师
        ("机电工程专业本科，应届生", []),  # 电工
        ("想找开车工作，C1驾照8年", []),  # 车工, a lathe operator
        ("在橡胶工厂做过三年质检员", ["质检员"]),  # 胶工
        ("做过钢筋工和木工", ["钢筋工", "木工"]),
        # The two-character words people name their trade with (were left out, as 英语 and 培训 are).
        ("做过三年销售，想找销售工作", ["销售"]),
        ("做过3年客服，在京东物流做过仓管", ["客服", "仓管"]),
        # English names longer than 16 letters were cut to their last word.
        ("Forklift operator at a logistics park for 4 years", ["forklift operator"]),
        ("Kindergarten teacher, early childhood education degree", ["kindergarten teacher"]),
        # Names of the work a kiosk maps are no job in a resume's prose.
        ("Five years as a cook. C1 driving licence, good at CAD and graphic design", ["cook"]),
        # Jobs stated with their time come first, longest first; 会计工作 is one word to jieba.
        ("5年会计工作经验，熟悉用友", ["会计"]),
        ("曾做过2年冲压工，换模调机。14年装配工工作经验", ["装配工", "冲压工"]),
        ("做过一年半包点师傅。9年数控车工工作经验", ["数控车工", "包点师傅"]),  # not 车工 alone
        # Months beside a career of years name no job the seeker does; months alone do.
        ("曾做过3个月冲压工，换模调机。14年装配工工作经验", ["装配工"]),
        ("做过半年包点师傅", ["包点师傅"]),
        ("3年以上工作经验，做过两年销售工作", ["销售"]),
        ("3年在工厂做焊工工作经验", ["焊工"]),
        ("1年员工工作经验，3年相关工作经验", []),
        ("4 years of experience as recruiter. Previously worked as bus driver for 21 months.",
         ["recruiter", "bus driver"]),
        ("Worked as a cook for 20 months. 6 years as a senior welder at a shipyard.", ["welder", "cook"]),
    ],
)
def test_titles_are_found_in_free_text_in_order(text, titles):
    assert default_normalizer().titles_in_text(text) == titles
