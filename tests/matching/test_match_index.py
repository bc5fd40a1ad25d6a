"""MatchIndex: focused cases for the seed's job kinds, reasons and incremental updates."""
import copy
import functools
import json
import pickle

import pytest
from rapidfuzz import fuzz

from matching import DEFAULT_SHORTLIST_WEIGHTS, DEFAULT_WEIGHTS, Match, MatchIndex, extract
from matching import index as index_module

KINDS = {
    # kind: (posting title, posting skills, seeker desired titles, seeker skills, resume)
    "accountant": ("会计", ["全盘账", "Excel", "初级会计师"], ["会计"], ["做账", "Excel", "初级会计职称"],
                   "5年总账会计经验，熟悉用友。"),
    "forklift": ("叉车司机+包吃住", ["叉车证"], ["叉车工"], ["叉车操作证"], "仓库叉车装卸3年。"),
    "cnc": ("数控操作工", ["数控编程", "看图纸"], ["CNC操作工"], ["CNC编程", "识图"], "加工中心操机4年。"),
    "welder": ("电焊工（两江新区）", ["焊工证", "氩弧焊"], ["焊工"], ["电焊证", "TIG焊"], "钢结构焊接6年。"),
    "engineer": ("机械研发工程师", ["SolidWorks", "结构设计"], ["研发工程师"], ["solidworks", "机械设计"],
                 "负责新能源汽车零部件结构设计。"),
    "designer": ("平面设计师", ["Photoshop", "Illustrator"], ["美工"], ["PS", "AI", "CorelDRAW"], "电商海报设计。"),
    "truck": ("货车司机", ["B2驾照"], ["货车司机"], ["B2驾驶证"], "物流配送5年，无事故。"),
}


def posting(record_id, title, skills=(), **fields):
    return {"id": record_id, "title": title, "skills": list(skills), "description": "", "status": "open", **fields}


def seeker(record_id, titles=(), skills=(), resume="", **fields):
    return {"id": record_id, "desired_titles": list(titles), "skills": list(skills), "resume_text": resume, **fields}


@pytest.fixture(scope="module")
def fair():
    index = MatchIndex()
    seekers = {kind: seeker(number, titles, skills, resume)
               for number, (kind, (_, _, titles, skills, resume)) in enumerate(KINDS.items(), 1)}
    postings = {kind: posting(100 + number, title, skills)
                for number, (kind, (title, skills, _, _, _)) in enumerate(KINDS.items(), 1)}
    index.upsert_seekers(seekers.values())
    index.upsert_postings(postings.values())
    return index, seekers, postings


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_job_kind_shortlists_its_own_people(fair, kind):
    index, seekers, postings = fair
    assert index.shortlist(postings[kind], limit=1)[0].id == seekers[kind]["id"]


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_job_kind_is_recommended_its_own_postings(fair, kind):
    index, seekers, postings = fair
    assert index.recommend(seekers[kind], limit=1)[0].id == postings[kind]["id"]


def test_driving_licence_classes_follow_the_coverage_rules():
    index = MatchIndex()
    index.upsert_seekers([
        seeker(1, ["货车司机"], ["C1驾照"]),
        seeker(2, ["货车司机"], ["A1驾照"]),
        seeker(3, ["货车司机"], ["B2驾驶证"]),
    ])
    ranked = index.shortlist(posting(9, "货车司机", ["B2驾照"]))
    assert [m.id for m in ranked][-1] == 1  # C1 does not allow a B2 truck
    c1_skills = next(r for r in ranked[-1].reasons if r["factor"] == "skills")
    assert c1_skills["missing_credentials"] == ["B2驾照"]
    assert "B2驾照" in c1_skills["text"]["zh"]
    assert "class B2 driving licence" in c1_skills["text"]["en"]
    a1_skills = next(r for r in ranked[0].reasons if r["factor"] == "skills")
    assert a1_skills["missing"] == []


def test_years_of_a_phrase_are_met_part_by_part_for_as_long_both_ways():
    # 光伏项目经理（3年以上）: its years were dropped in brackets, and a seeker's 光伏EPC项目经理5年 never met them.
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["项目经理"], ["光伏EPC项目经理1年"]), seeker(2, ["项目经理"], ["光伏EPC项目经理5年"])])
    ranked = index.shortlist(posting(9, "项目经理", ["光伏项目经理（3年以上）"]))
    assert [m.id for m in ranked] == [2, 1]
    assert [next(r for r in m.reasons if r["factor"] == "skills")["missing"] for m in ranked] == \
        [[], ["光伏项目经理（3年以上）"]]
    index.upsert_postings([posting(8, "项目经理", ["光伏项目经理（8年以上）"]), posting(7, "项目经理", ["光伏项目经理（3年以上）"])])
    assert [m.id for m in index.recommend(seeker(2, ["项目经理"], ["光伏EPC项目经理5年"]))] == [7, 8]


def test_a_seeker_who_drives_a_vehicle_meets_its_licence_class_both_ways():
    # 公交司机5年 held no A3: a bus company's posting ranked a city-bus driver with one who said nothing.
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["司机"], ["没开过公交"]), seeker(2, ["司机"], ["公交司机5年"])])
    ranked = index.shortlist(posting(9, "公交司机", ["公交车驾驶经验"]))
    assert [m.id for m in ranked] == [2, 1]
    assert next(r for r in ranked[0].reasons if r["factor"] == "skills")["missing_credentials"] == []
    assert next(r for r in ranked[1].reasons if r["factor"] == "skills")["missing_credentials"] == ["公交车驾驶经验"]
    index.upsert_postings([posting(8, "公交司机", ["A3驾照"]), posting(7, "公交司机", ["A1驾照"])])
    assert [m.id for m in index.recommend(seeker(2, ["司机"], ["公交司机5年"]))] == [8, 7]


def test_a_vehicle_in_a_resume_holds_no_licence_class():
    # A resume's 8年大巴司机工作经验 beside a listed C1 was read as an A1 (the synthetic fair's shortlists fell).
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["司机"], ["C1驾照"], resume="8年大巴司机工作经验，负责员工班车接送。"),
                          seeker(2, ["司机"], ["A1驾照"], resume="5年客车司机工作经验。")])
    ranked = index.shortlist(posting(9, "大巴司机", ["A1驾照"]))
    assert [m.id for m in ranked] == [2, 1]
    assert next(r for r in ranked[1].reasons if r["factor"] == "skills")["missing_credentials"] == ["A1驾照"]


@pytest.mark.parametrize("licence", ["驾照", "驾驶证"])
def test_a_posting_that_asks_for_a_licence_of_any_class_takes_every_class(licence):
    # 驾驶证 was an unknown certificate that nobody held: a C1 holder ranked below a seeker who listed nothing.
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["司机"], []), seeker(2, ["司机"], ["C1驾照"]), seeker(3, ["司机"], ["健康证"])])
    ranked = index.shortlist(posting(9, "司机", [licence]))
    assert [m.id for m in ranked] == [2, 1, 3]
    skills = next(r for r in ranked[0].reasons if r["factor"] == "skills")
    assert skills["matched"] == [licence] and skills["missing_credentials"] == []


def test_a_certificate_of_a_higher_skill_level_meets_a_lower_one():
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["电工"], ["电工证"]), seeker(2, ["电工"], ["高级电工证"])])
    ranked = index.shortlist(posting(9, "电工", ["中级电工证"]))
    assert [m.id for m in ranked] == [2, 1]
    assert next(r for r in ranked[1].reasons if r["factor"] == "skills")["missing_credentials"] == ["中级电工证"]
    assert all(next(r for r in m.reasons if r["factor"] == "skills")["score"] == 1.0
               for m in index.shortlist(posting(8, "电工", ["电工证"])))


def test_a_missing_certificate_costs_the_candidate():
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["焊工"], ["氩弧焊"]), seeker(2, ["焊工"], ["氩弧焊", "焊工证"])])
    assert [m.id for m in index.shortlist(posting(9, "焊工", ["焊工证", "氩弧焊"]))] == [2, 1]
    index.upsert_postings([posting(8, "焊工", ["焊工证", "氩弧焊"]), posting(7, "焊工", ["氩弧焊"])])
    assert [m.id for m in index.recommend(seeker(1, ["焊工"], ["氩弧焊"]))] == [7, 8]



def test_a_crane_licence_of_another_kind_is_a_missing_certificate():
    # 塔吊证, 行车证 and 吊车证 were one key: an overhead crane's driver met a tower crane's posting.
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["塔吊司机"], ["行车证"]), seeker(2, ["塔吊司机"], ["塔吊操作证"])])
    ranked = index.shortlist(posting(9, "塔吊司机", ["塔吊证"]))
    assert [m.id for m in ranked] == [2, 1]
    skills = next(r for r in ranked[1].reasons if r["factor"] == "skills")
    assert skills["missing_credentials"] == ["塔吊证"] and skills["matched"] == []
    assert "tower crane licence" in skills["text"]["en"]
    # A posting that asks for any crane licence takes either, and recommends itself to both alike.
    any_crane = index.shortlist(posting(8, "塔吊司机", ["起重证"]))
    assert {m.id for m in any_crane} == {1, 2} and any_crane[0].score == any_crane[1].score
    index.upsert_postings([posting(8, "塔吊司机", ["起重证"]), posting(7, "塔吊司机", ["塔吊证"])])
    assert [m.id for m in index.recommend(1)][0] == 8
    assert {m.id: m.score for m in index.recommend(2)}[7] == {m.id: m.score for m in index.recommend(2)}[8]


@pytest.mark.parametrize("either", ["电工证/焊工证", "电工证或焊工证", "焊工证 or 电工证"])
def test_a_posting_that_asks_for_either_certificate_takes_a_holder_of_one(either):
    # The pair was one unknown certificate that nobody held: holders ranked below seekers who listed nothing.
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["焊工"], []), seeker(2, ["焊工"], ["电焊证"]), seeker(3, ["焊工"], ["叉车证"])])
    ranked = index.shortlist(posting(9, "焊工", [either]))
    assert ranked[0].id == 2
    skills = {m.id: next(r for r in m.reasons if r["factor"] == "skills") for m in ranked}
    assert skills[2]["matched"] == [either] and skills[2]["missing_credentials"] == []
    assert skills[3]["missing_credentials"] == [either]
    assert "electrician certificate or welding certificate" in skills[3]["text"]["en"]
    index.upsert_postings([posting(9, "焊工", [either]), posting(8, "焊工", ["叉车证"])])
    recommended = index.recommend(2)
    assert recommended[0].id == 9
    assert next(r for r in recommended[0].reasons if r["factor"] == "skills")["score"] == 1.0


def test_a_preferred_certificate_counts_as_a_skill_not_as_a_requirement():
    # 电工证优先 was an unknown skill nobody held: the seeker who had the certificate gained nothing.
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["焊工"], ["焊工证"]), seeker(2, ["焊工"], ["焊工证", "电工证"])])
    ranked = index.shortlist(posting(9, "焊工", ["焊工证", "电工证优先"]))
    assert [m.id for m in ranked] == [2, 1]
    skills = {m.id: next(r for r in m.reasons if r["factor"] == "skills") for m in ranked}
    assert skills[2]["matched"] == ["焊工证", "电工证优先"]
    assert skills[1]["missing"] == ["电工证优先"] and skills[1]["missing_credentials"] == []
    assert "electrician certificate (preferred)" in skills[1]["text"]["en"]
    index.upsert_postings([posting(9, "焊工", ["焊工证", "电工证优先"]), posting(8, "焊工", ["焊工证", "叉车证"])])
    assert [m.id for m in index.recommend(2)] == [9, 8]
    assert [m.id for m in index.recommend(1)] == [9, 8]  # not holding a preferred one costs less than a required one


def test_words_a_posting_asks_for_are_met_where_a_seeker_wrote_them():
    # 导购 was an unknown skill nobody held: the seeker who had sold in a mall ranked with one who had not.
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["销售"], ["收银3年"]), seeker(2, ["销售"], ["商场导购3年"])])
    ranked = index.shortlist(posting(9, "导购员", ["导购"]))
    assert [m.id for m in ranked] == [2, 1]
    skills = {m.id: next(r for r in m.reasons if r["factor"] == "skills") for m in ranked}
    assert skills[2]["matched"] == ["导购"] and skills[1]["missing"] == ["导购"]


def test_years_a_posting_asks_are_met_by_as_many_said_or_by_a_skill_named_without_years():
    # The years of 3年以上焊工经验 were dropped: two years of welding met it as well as five.
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["焊工"], ["焊工2年"]), seeker(2, ["焊工"], ["焊工5年"]), seeker(3, ["焊工"], ["电焊"])])
    index.upsert_postings([posting(9, "焊工", ["3年以上焊工经验"])])
    ranked = index.shortlist(9)
    skills = {m.id: next(r for r in m.reasons if r["factor"] == "skills") for m in ranked}
    assert ranked[-1].id == 1 and skills[1]["missing"] == ["3年以上焊工经验"]
    assert skills[2]["matched"] == skills[3]["matched"] == ["3年以上焊工经验"]
    # The other way round: a seeker's years meet the posting's, or they do not.
    for seeker_id, met in ((1, False), (2, True), (3, True)):
        reasons = index.recommend(seeker_id)[0].reasons
        assert next(r for r in reasons if r["factor"] == "skills")["score"] == (1.0 if met else 0.0), seeker_id


def test_a_phrase_the_table_does_not_know_is_met_where_a_seeker_has_each_of_its_words():
    # 医院保洁 was met only by a seeker who wrote it so: one who cleaned at a hospital ranked with one who had not.
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["保洁员"], ["商场保洁 3年"]), seeker(2, ["保洁员"], ["人民医院做保洁 一年多"])])
    index.upsert_postings([posting(9, "保洁员", ["医院保洁经验"])])
    ranked = index.shortlist(9)
    skills = {m.id: next(r for r in m.reasons if r["factor"] == "skills") for m in ranked}
    assert [m.id for m in ranked] == [2, 1]
    assert skills[2]["matched"] == ["医院保洁经验"] and skills[1]["missing"] == ["医院保洁经验"]
    for seeker_id, met in ((1, 0.0), (2, 1.0)):
        reasons = index.recommend(seeker_id)[0].reasons
        assert next(r for r in reasons if r["factor"] == "skills")["score"] == met, seeker_id


def test_years_of_words_the_table_does_not_know_are_met_by_as_many_said_or_by_the_words_without_years():
    # 5年以上开发经验 asked for 开发 alone: four years of it met the five asked for.
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["程序员"], ["开发经验 4年"]), seeker(2, ["程序员"], ["开发 6年"]),
                          seeker(3, ["程序员"], ["开发经验"])])
    index.upsert_postings([posting(9, "程序员", ["5年以上开发经验"])])
    ranked = index.shortlist(9)
    skills = {m.id: next(r for r in m.reasons if r["factor"] == "skills") for m in ranked}
    assert ranked[-1].id == 1 and skills[1]["missing"] == ["5年以上开发经验"]
    assert skills[2]["matched"] == skills[3]["matched"] == ["5年以上开发经验"]
    for seeker_id, met in ((1, 0.0), (2, 1.0), (3, 1.0)):
        reasons = index.recommend(seeker_id)[0].reasons
        assert next(r for r in reasons if r["factor"] == "skills")["score"] == met, seeker_id


def test_a_major_asked_is_met_by_a_major_of_its_class_listed_or_in_the_resume():
    # 机械类专业 was a phrase met only as written: a mechanical graduate ranked with an accountant.
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["技术员"], ["会计专业 大专"]), seeker(2, ["技术员"], ["机械设计制造及其自动化 本科"]),
                          seeker(3, ["技术员"], [], "2016-2020 重庆理工大学 机械电子工程 本科")])
    ranked = index.shortlist(posting(9, "技术员", ["机械类专业"]))
    skills = {m.id: next(r for r in m.reasons if r["factor"] == "skills") for m in ranked}
    assert [m.id for m in ranked][-1] == 1 and skills[1]["missing"] == ["机械类专业"]
    assert skills[2]["matched"] == skills[3]["matched"] == ["机械类专业"]
    assert skills[2]["text"]["en"] == "Skills matched: mechanical majors"


def test_a_certificate_asked_at_its_lowest_level_is_met_by_the_certificate_both_ways():
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["社工"], ["会开车"]), seeker(2, ["社工"], ["助理社会工作师 2021年取得"])])
    index.upsert_postings([posting(9, "社工", ["社工证初级以上"])])
    assert [m.id for m in index.shortlist(9)][0] == 2
    found = next(r for r in index.recommend(2)[0].reasons if r["factor"] == "skills")
    assert found["matched"] == ["社工证初级以上"]


def test_a_skill_asked_done_well_is_not_met_by_a_seeker_who_says_it_low():
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["文员"], ["Excel 一般"]), seeker(2, ["文员"], ["Excel"]),
                          seeker(3, ["文员"], ["Excel熟练"])])
    ranked = index.shortlist(posting(9, "文员", ["精通Excel"]))
    skills = {m.id: next(r for r in m.reasons if r["factor"] == "skills") for m in ranked}
    assert [m.id for m in ranked][-1] == 1 and skills[1]["missing"] == ["精通Excel"]
    assert skills[2]["matched"] == skills[3]["matched"] == ["精通Excel"]
    assert skills[1]["text"]["en"] == "Skills matched: none; missing: Excel, proficient"
    # Asked plainly, a seeker who says it low has it; the postings asking it done well are found the same way.
    assert next(r for r in index.shortlist(posting(8, "文员", ["Excel"]))[-1].reasons
                if r["factor"] == "skills")["matched"] == ["Excel"]
    index.upsert_postings([posting(8, "文员", ["Excel"]), posting(9, "文员", ["精通Excel"])])
    found = {m.id: next(r for r in m.reasons if r["factor"] == "skills") for m in index.recommend(1)}
    assert found[8]["matched"] == ["Excel"] and found[9]["missing"] == ["精通Excel"]
    assert {m.id: m for m in index.recommend(2)}[9].score > {m.id: m for m in index.recommend(1)}[9].score


@pytest.mark.parametrize("both", ["叉车证+电工证", "叉车证和电工证", "叉车证、电工证"])
def test_an_item_that_lists_two_certificates_asks_for_both(both):
    # The pair was one unknown certificate nobody held: a holder of both ranked below a seeker who listed nothing.
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["仓管员"], []), seeker(2, ["仓管员"], ["叉车证", "电工证"]),
                          seeker(3, ["仓管员"], ["叉车证"])])
    ranked = index.shortlist(posting(9, "仓管员", [both]))
    assert ranked[0].id == 2
    skills = {m.id: next(r for r in m.reasons if r["factor"] == "skills") for m in ranked}
    assert skills[2]["matched"] == ["叉车证", "电工证"] and skills[3]["missing_credentials"] == ["电工证"]


def test_a_seeker_who_lists_two_certificates_as_one_holds_both():
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["焊工"], ["焊工证/电工证"])])
    for required in ("焊工证", "电工证"):
        skills = next(r for r in index.shortlist(posting(9, "焊工", [required]))[0].reasons if r["factor"] == "skills")
        assert skills["matched"] == [required], required


def test_c_is_not_cpp_but_either_meets_c_slash_cpp():
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["软件工程师"], ["C语言"]), seeker(2, ["软件工程师"], ["C++"])])
    ranked = index.shortlist(posting(9, "软件工程师", ["C++"]))
    assert [m.id for m in ranked] == [2, 1]
    assert next(r for r in ranked[1].reasons if r["factor"] == "skills")["missing"] == ["C++"]  # was matched
    for match in index.shortlist(posting(8, "软件工程师", ["C/C++"])):
        skills = next(r for r in match.reasons if r["factor"] == "skills")
        assert skills["score"] == 1.0 and skills["matched"] == ["C/C++"], match.id
def test_shortlists_screen_on_the_postings_stated_requirements_first():
    # Both want forklift work; only the second has the years, schooling and place the posting asks for.
    wording_only = seeker(1, ["叉车司机"], ["叉车证"], experience_years=0, education="junior_high",
                          salary_expectation=6000, locations=["江津区"])
    meets_all = seeker(2, ["叉车工"], ["叉车证"], experience_years=4, education="high_school",
                       salary_expectation=6000, locations=["渝北区"])
    wanted = posting(9, "叉车司机", ["叉车证"], education_min="high_school", experience_min_years=3,
                     salary_min=5000, salary_max=7000, location="渝北区")
    by_recommendation_weights = MatchIndex(shortlist_weights=DEFAULT_WEIGHTS)
    by_recommendation_weights.upsert_seekers([wording_only, meets_all])
    assert [m.id for m in by_recommendation_weights.shortlist(wanted)] == [1, 2]
    index = MatchIndex()
    index.upsert_seekers([wording_only, meets_all])
    ranked = index.shortlist(wanted)
    assert [m.id for m in ranked] == [2, 1]
    total = sum(DEFAULT_SHORTLIST_WEIGHTS.values())
    shown = {reason["factor"]: reason["weight"] for reason in ranked[0].reasons}
    assert shown["experience"] == pytest.approx(DEFAULT_SHORTLIST_WEIGHTS["experience"] / total, abs=1e-4)
    assert shown["experience"] > 2 * DEFAULT_WEIGHTS["experience"]


def test_custom_weights_apply_to_both_directions_unless_shortlists_get_their_own():
    index = MatchIndex(weights={"title": 1.0, "skills": 1.0})
    index.upsert_seekers([seeker(1, ["焊工"], ["焊工证"])])
    index.upsert_postings([posting(9, "焊工", ["焊工证"])])
    for match in (index.shortlist(posting(8, "焊工", ["焊工证"]))[0], index.recommend(seeker(2, ["焊工"], ["焊工证"]))[0]):
        weighed = {reason["factor"]: reason["weight"] for reason in match.reasons if reason["weight"]}
        assert weighed == {"title": 0.5, "skills": 0.5}


def test_a_seeker_who_names_the_city_fits_every_district_of_it():
    # "重庆" as a seeker's place means anywhere in Chongqing: a full fit, not the partial credit of a
    # shared city (which is for two different districts) and never below a seeker who gave no place.
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["会计"], locations=["重庆"]), seeker(2, ["会计"], locations=["渝北区"]),
                          seeker(3, ["会计"], locations=["江北区"]), seeker(4, ["会计"])])
    index.upsert_postings([posting(10, "会计", location="渝北区"), posting(11, "会计", location="重庆")])

    def place_fit(match):
        return next(reason["score"] for reason in match.reasons if reason["factor"] == "location")

    assert {m.id: place_fit(m) for m in index.shortlist(10)} == {1: 1.0, 2: 1.0, 3: 0.7, 4: 0.6}
    # A posting somewhere in the city may be far from the one district a seeker named.
    assert {m.id: place_fit(m) for m in index.shortlist(11)} == {1: 1.0, 2: 0.5, 3: 0.5, 4: 0.6}
    assert {m.id: place_fit(m) for m in index.recommend(1)} == {10: 1.0, 11: 1.0}
    assert {m.id: place_fit(m) for m in index.recommend(2)} == {10: 1.0, 11: 0.5}


def test_location_reasons_say_how_close_the_place_is():
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["普工"], locations=["江北区"]), seeker(2, ["普工"], locations=["涪陵区"]),
                          seeker(3, ["普工"], locations=["成都市"])])
    places = {match.id: next(r for r in match.reasons if r["factor"] == "location")
              for match in index.shortlist(posting(9, "普工", location="重庆市渝北区"))}
    # Jiangbei and Yubei are both in the main urban area; Fuling is 100 km away, in the same city only.
    assert places[1]["text"] == {"zh": "工作地点与意向同在主城区：重庆市渝北区（意向：江北区）",
                                 "en": "Location in the preferred urban area: 重庆市渝北区 (prefers 江北区)"}
    assert places[2]["text"] == {"zh": "工作地点与意向同城：重庆市渝北区（意向：涪陵区）",
                                 "en": "Location in the preferred city: 重庆市渝北区 (prefers 涪陵区)"}
    assert places[3]["text"]["zh"] == "工作地点不在意向范围：重庆市渝北区（意向：成都市）"
    assert (places[1]["score"], places[2]["score"], places[3]["score"]) == (0.7, 0.5, 0.0)


def test_a_shortlist_can_rank_only_some_seekers():
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["焊工"], ["焊工证"]), seeker(2, ["会计"]), seeker(3, ["厨师"])])
    welder = posting(9, "焊工", ["焊工证"])
    assert index.shortlist(welder)[0].id == 1
    some = index.shortlist(welder, only=[3, 2, 404])
    assert sorted(m.id for m in some) == [2, 3] and some[0].score >= some[1].score
    assert index.shortlist(welder, only=[]) == []
    assert [m.id for m in index.shortlist(welder, only=[1, 2], exclude=[1])] == [2]


def test_recommendations_can_rank_only_some_postings():
    index = MatchIndex()
    index.upsert_postings([posting(1, "焊工", ["焊工证"]), posting(2, "会计"), posting(3, "厨师"), posting(4, "电焊工")])
    welder = seeker(9, ["焊工"], ["焊工证"])
    everything = [m.id for m in index.recommend(welder)]
    some = index.recommend(welder, only=[4, 3, 404])
    # The chosen postings keep their order in the whole list, and their scores.
    assert [m.id for m in some] == [i for i in everything if i in (3, 4)]
    assert {m.id: m.score for m in some} == {m.id: m.score for m in index.recommend(welder) if m.id in (3, 4)}
    assert index.recommend(welder, only=[]) == []
    assert [m.id for m in index.recommend(welder, only=[1, 2], exclude=[1])] == [2]


def test_reasons_name_every_factor_in_plain_words():
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["叉车司机"], ["叉车操作证"], education="high_school", experience_years=3,
                                 salary_expectation=6000, locations=["重庆市渝北区"])])
    match = index.shortlist(posting(9, "叉车司机", ["叉车证", "电工证"], education_min="junior_high",
                                    experience_min_years=2, salary_min=5000, salary_max=7000, location="渝北区"))[0]
    assert isinstance(match, Match) and 0.0 <= match.score <= 1.0
    reasons = {reason["factor"]: reason for reason in match.reasons}
    assert list(reasons) == list(DEFAULT_WEIGHTS)
    assert sum(reason["weight"] for reason in match.reasons) == pytest.approx(1.0, abs=1e-3)
    for reason in match.reasons:
        assert 0.0 <= reason["score"] <= 1.0
        assert reason["text"]["zh"] and reason["text"]["en"]
    skills = reasons["skills"]
    assert skills["text"]["zh"].startswith("技能匹配：叉车证；缺少：电工证")
    assert skills["text"]["en"].startswith("Skills matched: forklift licence; missing: electrician certificate")
    assert (skills["matched"], skills["missing"]) == (["叉车证"], ["电工证"])
    assert reasons["education"]["text"]["zh"] == "学历符合：高中（要求初中）"
    assert (reasons["experience"]["required"], reasons["experience"]["actual"]) == (2, 3)
    assert reasons["salary"]["actual"] == 6000
    assert reasons["location"]["text"]["zh"] == "工作地点相符：渝北区"
    assert reasons["occupation"]["required"] == [{"code": "6-30-05-01", "name": "起重装卸机械操作工"}]


def test_reasons_say_what_a_seeker_left_out_rather_than_what_they_lack():
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["叉车司机"]), seeker(2, ["叉车司机"], ["电工证"], resume="五年仓库叉车经验")])
    query = posting(9, "叉车司机", ["叉车证", "电工证"])
    reasons = {match.id: {r["factor"]: r for r in match.reasons} for match in index.shortlist(query)}
    # Seeker 1 listed no skills and wrote no resume: both reasons say so instead of "none matched" and 100 %.
    assert reasons[1]["skills"]["text"]["zh"].startswith("求职者未列出技能；岗位要求：叉车证、电工证")
    assert reasons[1]["skills"]["text"]["en"].startswith(
        "No skills listed by the seeker; the posting asks for: forklift licence, electrician certificate")
    assert reasons[1]["text"]["text"]["zh"].endswith("（无简历、岗位描述）")
    assert reasons[1]["text"]["text"]["en"].startswith("Title and skills text similarity")
    assert reasons[2]["skills"]["text"]["en"].startswith("Skills matched: electrician certificate; missing: forklift")
    assert reasons[2]["text"]["text"]["en"].endswith("(no job description)")
    described = posting(10, "叉车司机", ["叉车证"], description="仓库叉车装卸")
    by_id = {m.id: {r["factor"]: r for r in m.reasons} for m in index.shortlist(described)}
    assert by_id[2]["text"]["text"]["zh"].startswith("简历与岗位描述的文字相似度")


def shortlist_title_fit(index, title):
    """Each seeker's title factor in the shortlist of a posting titled ``title``, by seeker id."""
    return {m.id: next(r["score"] for r in m.reasons if r["factor"] == "title")
            for m in index.shortlist(posting(9, title))}


def test_titles_in_english_and_chinese_meet_through_their_occupation():
    index = MatchIndex()
    index.upsert_postings([posting(1, "叉车司机"), posting(2, "会计"), posting(3, "Forklift operator")])

    def title_fit(query):
        return {m.id: next(r["score"] for r in m.reasons if r["factor"] == "title") for m in index.recommend(query)}

    english = title_fit(seeker(9, ["Forklift driver"]))
    assert english[1] == pytest.approx(0.9) and english[2] < 0.5
    chinese = title_fit(seeker(8, ["叉车工"]))
    # Through its occupation's Chinese names, yet never above the same title in Chinese.
    assert chinese[3] == pytest.approx(0.9) and chinese[2] == 0.0
    assert title_fit(seeker(7, ["叉车司机"]))[1] == 1.0


def test_titles_sharing_only_a_role_suffix_are_not_alike():
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["普工"]), seeker(2, ["电焊工"]), seeker(3, ["员工"]), seeker(4, ["仓库叉车工"]),
                          seeker(5, ["文员"]), seeker(6, ["焊工"])])

    fit = functools.partial(shortlist_title_fit, index)

    welder = fit("焊工")
    # WRatio alone finds 焊工 and 普工 50 % alike, 仓库叉车工 and 焊工 60 %: the same 工, different jobs.
    assert fuzz.WRatio("焊工", "普工") == 50
    assert welder[1] == welder[4] == welder[3] == 0.0
    assert welder[2] > 0.8 and welder[6] == 1.0
    assert fit("员工")[3] == 1.0  # a title made of role characters only still meets itself
    assert fit("仓库文员")[5] > 0.5 and fit("仓库文员")[4] > 0.3  # 仓库 is shared: compared as before


def test_english_titles_are_alike_only_through_a_shared_word_other_than_a_role():
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["Civil engineer"]), seeker(2, ["Wedding planner"]), seeker(3, ["Engineer"]),
                          seeker(4, ["Forklift operators"]), seeker(5, ["Software developer"])])

    fit = functools.partial(shortlist_title_fit, index)

    # Letters are always shared: WRatio finds these 69 % and 60 % alike.
    assert fuzz.WRatio("software engineer", "civil engineer") > 65 and fuzz.WRatio("welder", "wedding planner") > 55
    assert fit("Software engineer")[1] == 0.0 and fit("Welder")[2] == 0.0
    assert fit("Software engineer")[5] == 0.5  # "software" is shared: one word of two, as 叉车 of 叉车司机
    assert fit("Forklift operator")[4] == 1.0  # a plural is the same word
    assert fit("Engineer")[3] == 1.0  # a title of a role word alone still meets itself


def test_english_titles_are_compared_word_by_word_as_chinese_ones_character_by_character():
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["Bus driver"]), seeker(2, ["Cost accountant"]), seeker(3, ["Driver, forklift"]),
                          seeker(4, ["公交司机"]), seeker(5, ["成本会计"])])

    fit = functools.partial(shortlist_title_fit, index)

    # Letters made these 85 % alike; their Chinese counterparts share a word's worth: 50 %.
    assert fuzz.WRatio("forklift driver", "bus driver") > 85
    forklift = fit("Forklift driver")
    assert forklift[1] == fit("叉车司机")[4] == 0.5
    assert forklift[3] == 1.0  # the same words in another order
    # A title inside a longer one is as alike in either language (WRatio's partial match, 90 %).
    assert fit("Accountant")[2] == fit("会计")[5] == pytest.approx(0.9)


def test_more_english_words_than_characters_to_stand_for_them_share_characters_without_failing(monkeypatch):
    # The last two code points: a third word would be past the last character there is.
    monkeypatch.setattr(index_module, "_FIRST_WORD_CODE", 0x10FFFE)
    monkeypatch.setattr(index_module, "_WORD_CODES", 2)  # about a million in the service
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["Bus driver"]), seeker(2, ["Baker"]), seeker(3, ["Forklift driver"])])
    fit = shortlist_title_fit(index, "Forklift driver")
    assert fit[3] == 1.0 and len(fit) == 3


def test_titles_that_arrive_after_a_query_are_compared_on_its_next_shortlist():
    first = [seeker(1, ["会计"]), seeker(2, ["Forklift driver"])]
    later = [seeker(3, ["叉车工"]), seeker(4, ["厨师"]), seeker(5, ["Forklift operator"])]
    query = posting(9, "叉车司机")
    index = MatchIndex()
    index.upsert_seekers(first)
    index.shortlist(query)  # the query title's similarities are kept, then extended with the new titles
    index.upsert_seekers(later)
    fresh = MatchIndex()
    fresh.upsert_seekers(first + later)

    def title_fit(of):
        return {m.id: next(r["score"] for r in m.reasons if r["factor"] == "title") for m in of.shortlist(query)}

    assert title_fit(index) == title_fit(fresh)
    assert title_fit(index)[3] > 0.5 and title_fit(index)[4] == 0.0


def test_texts_that_share_almost_no_words_are_not_compared():
    index = MatchIndex()
    index.upsert_postings([
        posting(1, "会计", ["Excel"], description="负责全盘账务处理，熟练使用Excel和用友，月底结账报税"),
        posting(2, "会计", ["用友"], description="负责全盘账务处理，熟悉用友财务软件，月底结账报税"),
    ])
    english = seeker(9, ["Accountant"], ["bookkeeping"],
                     resume="Three years of bookkeeping and tax filing at a manufacturing company, daily Excel work")

    def text_reasons(query):
        return {m.id: next(r for r in m.reasons if r["factor"] == "text") for m in index.recommend(query)}

    # "Excel" alone would have made posting 1 a 100 % text match for this English resume.
    reasons = text_reasons(english)
    assert {reason["score"] for reason in reasons.values()} == {0.6}
    assert reasons[1]["text"]["en"].startswith("Resume and job description share almost no words")
    assert reasons[1]["text"]["zh"].startswith("简历与岗位描述几乎没有共同用词")
    # A Chinese resume among the same postings is compared as before.
    chinese = text_reasons(seeker(8, ["会计"], ["Excel"], resume="三年全盘账务处理，熟练使用Excel，月底结账报税"))
    assert chinese[1]["score"] > chinese[2]["score"]
    assert chinese[1]["text"]["zh"].startswith("简历与岗位描述的文字相似度")


def test_a_seeker_who_names_no_job_is_matched_on_the_jobs_their_resume_names():
    index = MatchIndex()
    index.upsert_seekers([
        seeker(1, resume="本人性格开朗，吃苦耐劳，希望找一份稳定的工作。"),
        seeker(2, resume="5年叉车司机工作经验，熟悉仓库装卸。本人性格开朗，吃苦耐劳。"),
        seeker(3, ["厨师"], resume="5年叉车司机工作经验。"),
    ])
    index.upsert_postings([posting(9, "叉车司机"), posting(10, "厨师")])
    shortlist = index.shortlist(posting(8, "叉车司机"))
    assert [match.id for match in shortlist][:1] == [2]
    reasons = {r["factor"]: r for r in shortlist[0].reasons}
    assert reasons["title"]["text"]["zh"].endswith("叉车司机 ↔ 叉车司机（据简历）")
    assert reasons["title"]["text"]["en"].endswith("(from the resume)")
    assert reasons["occupation"]["text"]["en"].startswith("Same occupation") and \
        reasons["occupation"]["text"]["en"].endswith("(from the resume)")
    # Titles the seeker gave are theirs, whatever the resume says.
    assert [match.id for match in index.recommend(3)][:1] == [10]
    assert [match.id for match in index.recommend(2)][:1] == [9]


def test_a_seeker_who_gives_no_years_has_the_years_their_resume_states():
    index = MatchIndex()
    index.upsert_seekers([
        seeker(1, ["焊工"], resume="本人吃苦耐劳，服从安排。"),
        seeker(2, ["焊工"], resume="2015.03-2019.02 XX钢构 焊工\n2019.03-2024.06 XX重工 焊工班长"),
        seeker(3, ["焊工"], resume="焊工8年", experience_years=1),
        seeker(4, ["焊工"], resume="焊工 2年"),
    ])
    shortlist = index.shortlist(posting(9, "焊工", experience_min_years=5))
    experience = {m.id: next(r for r in m.reasons if r["factor"] == "experience") for m in shortlist}
    # Over nine years from the dates meet five; two stated years do not, and years the seeker typed are theirs.
    assert [m.id for m in shortlist][0] == 2
    assert experience[2]["actual"] == 9.3 and experience[2]["score"] == 1.0
    assert experience[2]["text"]["zh"] == "经验符合：9.3年（据简历；要求5年）"
    assert experience[2]["text"]["en"] == "Experience meets the minimum: 9.3 years (from the resume; requires 5)"
    assert experience[4]["actual"] == 2 and experience[4]["text"]["zh"] == "经验不足：2年（据简历；要求5年）"
    assert experience[3]["actual"] == 1 and experience[3]["text"]["zh"] == "经验不足：1年（要求5年）"
    assert experience[1]["actual"] is None and experience[1]["text"]["zh"] == "要求5年经验，求职者未填写"
    assert experience[4]["score"] < experience[2]["score"]


def test_a_seeker_who_gives_no_education_has_the_schooling_their_resume_states():
    index = MatchIndex()
    index.upsert_seekers([
        seeker(1, ["会计"], resume="本人吃苦耐劳，服从安排。"),
        seeker(2, ["会计"], resume="2016.09-2019.06 重庆XX职业技术学院 会计\n2019.07-至今 XX公司 会计"),
        seeker(3, ["会计"], resume="学历：本科", education="high_school"),
        seeker(4, ["会计"], resume="初中毕业 在超市做过收银"),
    ])
    shortlist = index.shortlist(posting(9, "会计", education_min="associate"))
    education = {m.id: next(r for r in m.reasons if r["factor"] == "education") for m in shortlist}
    assert [m.id for m in shortlist][0] == 2
    assert education[2]["actual"] == "associate" and education[2]["score"] == 1.0
    assert education[2]["text"]["zh"] == "学历符合：大专（据简历；要求大专）"
    assert education[2]["text"]["en"] == \
        "Education meets the minimum: associate degree (from the resume; requires associate degree)"
    assert education[4]["actual"] == "junior_high" and education[4]["text"]["zh"] == "学历低于要求：初中（据简历；要求大专）"
    # What the seeker typed is theirs, whatever the resume says.
    assert education[3]["actual"] == "high_school" and education[3]["text"]["zh"] == "学历低于要求：高中（要求大专）"
    assert education[1]["actual"] is None and education[1]["text"]["zh"] == "学历要求大专，求职者未填写"
    assert education[4]["score"] < education[2]["score"]


def test_a_posting_that_leaves_the_form_blank_requires_what_its_description_states():
    index = MatchIndex()
    index.upsert_seekers([
        seeker(1, ["仓库主管"], education="associate", experience_years=5, salary_expectation=9000),
        seeker(2, ["仓库主管"], education="high_school", experience_years=1, salary_expectation=12000),
        seeker(3, ["仓库主管"], resume="2016.03-2024.02 XX物流 仓库主管\n学历：大专", salary_expectation=8000),
    ])
    description = "任职资格：大专以上学历；3年以上仓储管理经验。薪资：8000-10000元/月\n地址：长寿区晏家街道"
    shortlist = index.shortlist(posting(9, "仓库主管", description=description))
    reasons = {m.id: {r["factor"]: r for r in m.reasons} for m in shortlist}
    assert [m.id for m in shortlist][:2] in ([1, 3], [3, 1]) and shortlist[-1].id == 2
    assert reasons[1]["experience"]["text"]["zh"] == "经验符合：5年（要求3年，据岗位描述）"
    assert reasons[1]["experience"]["text"]["en"] == \
        "Experience meets the minimum: 5 years (requires 3, from the description)"
    assert reasons[3]["experience"]["text"]["zh"] == "经验符合：8年（据简历；要求3年，据岗位描述）"
    assert reasons[2]["education"]["text"]["zh"] == "学历低于要求：高中（要求大专，据岗位描述）"
    assert reasons[3]["education"]["text"]["en"] == ("Education meets the minimum: associate degree "
                                                     "(from the resume; requires associate degree, from the description)")
    assert reasons[1]["salary"]["text"]["zh"] == "期望薪资9000元在范围内（8000–10000元，据岗位描述）"
    assert reasons[2]["salary"]["text"]["en"] == \
        "Expected salary 12000 CNY is above the maximum 10000 CNY (from the description)"
    assert reasons[2]["salary"]["score"] < reasons[1]["salary"]["score"]
    # Where the work is, too: the form's location was blank.
    assert reasons[1]["location"]["text"] == {"zh": "工作地点长寿区晏家街道（据岗位描述），求职者未填写意向地点",
                                              "en": "Works in 长寿区晏家街道 (from the description); "
                                                    "the seeker gave no preferred place"}
    # What the employer typed is theirs, whatever the description says.
    typed = index.shortlist(posting(10, "仓库主管", description=description, experience_min_years=0, education_min="none",
                                    salary_min=5000, salary_max=13000, location="江北区"))
    typed_reasons = {m.id: {r["factor"]: r for r in m.reasons} for m in typed}
    assert typed_reasons[2]["experience"]["text"]["zh"] == "岗位不要求工作经验"
    assert typed_reasons[2]["education"]["text"]["zh"] == "学历符合：高中（要求不限）"
    assert typed_reasons[2]["salary"]["text"]["zh"] == "期望薪资12000元在范围内（5000–13000元）"
    assert typed_reasons[2]["location"]["text"]["zh"] == "工作地点江北区，求职者未填写意向地点"


def test_a_job_the_resume_states_for_longer_leads_the_jobs_it_names():
    index = MatchIndex()
    index.upsert_seekers([
        seeker(1, resume="14年装配工工作经验，负责机械部件装配。曾做过2年冲压工，换模调机。"),
        seeker(2, resume="5年冲压工工作经验，换模调机。曾做过1年装配工。"),
    ])
    # Each names both jobs, the longer one first.
    assert [match.id for match in index.shortlist(posting(8, "冲压工"))] == [2, 1]
    assert [match.id for match in index.shortlist(posting(9, "装配工"))] == [1, 2]


def test_reasons_are_shared_read_only_and_plain_json():
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["叉车司机"], ["叉车证"]), seeker(2, ["叉车司机"], ["叉车证"])])
    query = posting(9, "叉车司机", ["叉车证", "电工证"], salary_min=5000, salary_max=7000)
    first, second = index.shortlist(query)
    assert first.reasons == second.reasons and first.reasons is not second.reasons
    skills = next(r for r in first.reasons if r["factor"] == "skills")
    for change in (lambda: skills.update(score=0), lambda: skills.pop("score"), lambda: skills["missing"].append("x"),
                   lambda: skills["text"].__setitem__("zh", ""), lambda: skills["matched"].sort()):
        with pytest.raises(TypeError):
            change()
    private = dict(skills)
    private["score"] = 0.0  # a copy is the caller's own
    assert skills["score"] != 0.0
    assert json.loads(json.dumps(first.reasons)) == first.reasons
    assert copy.deepcopy(first.reasons) == pickle.loads(pickle.dumps(first.reasons)) == first.reasons
    assert [m.reasons for m in index.shortlist(query)] == [first.reasons, second.reasons]


@pytest.mark.parametrize("required, actual, english", [
    (1, None, "Requires 1 year of experience; the seeker did not say"),
    (2, None, "Requires 2 years of experience; the seeker did not say"),
    (1, 1, "Experience meets the minimum: 1 year (requires 1)"),
    (2, 1, "Less experience than required: 1 year (requires 2)"),
    (1, 0.5, "Less experience than required: 0.5 years (requires 1)"),
])
def test_experience_reasons_count_years_in_english(required, actual, english):
    index = MatchIndex()
    index.upsert_seekers([{"id": 1, "desired_titles": ["会计"], "experience_years": actual}])
    (match,) = index.shortlist(posting(9, "会计", experience_min_years=required))
    experience = next(reason for reason in match.reasons if reason["factor"] == "experience")
    assert experience["text"]["en"] == english


def test_missing_data_is_neutral_not_zero():
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["会计"])])
    match = index.shortlist(posting(9, "会计", education_min="associate", experience_min_years=3,
                                    salary_min=5000, salary_max=8000, location="江北区"))[0]
    for reason in match.reasons:
        if reason["factor"] in ("education", "experience", "salary", "location"):
            assert 0.3 < reason["score"] < 1.0


def test_records_with_only_an_id_are_accepted():
    index = MatchIndex()
    index.upsert_seekers([{"id": 1}, {"id": 2, "desired_titles": None, "skills": None, "resume_text": None,
                                      "education": None, "locations": None, "occupations": None}])
    index.upsert_postings([{"id": 3, "title": None}])
    assert {m.id for m in index.shortlist({"id": 4, "title": "会计"})} == {1, 2}
    assert [m.id for m in index.recommend({"id": 1})] == [3]


def test_updates_and_removals_apply_incrementally():
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["会计"], ["Excel"]), seeker(2, ["焊工"], ["焊工证"])])
    welding = posting(9, "焊工", ["焊工证"])
    assert index.shortlist(welding)[0].id == 2
    index.upsert_seekers([seeker(1, ["焊工"], ["焊工证", "氩弧焊"], "十年焊接经验")])
    assert index.shortlist(welding)[0].id == 1
    index.remove_seekers([1, 999])
    assert [m.id for m in index.shortlist(welding)] == [2]
    assert index.n_seekers == 1


@pytest.mark.parametrize("kind", list(KINDS))
def test_an_indexed_record_can_be_the_query_by_its_id(fair, kind):
    index, seekers, postings = fair
    assert index.shortlist(postings[kind]["id"], limit=5) == index.shortlist(postings[kind], limit=5)
    assert index.recommend(seekers[kind]["id"], limit=5) == index.recommend(seekers[kind], limit=5)


def test_a_query_id_follows_updates_and_removals():
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["会计"], ["Excel"]), seeker(2, ["焊工"], ["焊工证"])])
    index.upsert_postings([posting(9, "焊工", ["焊工证"])])
    assert index.shortlist(9)[0].id == 2
    index.upsert_postings([posting(9, "会计", ["Excel"])])
    assert index.shortlist(9)[0].id == 1
    index.remove_postings([9])
    with pytest.raises(KeyError, match="no posting with id 9"):
        index.shortlist(9)
    with pytest.raises(KeyError, match="no seeker with id 3"):
        index.recommend(3)


def test_closed_postings_leave_recommendations_but_keep_their_shortlist():
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["会计"])])
    index.upsert_postings([posting(5, "会计"), posting(6, "出纳")])
    index.upsert_postings([posting(5, "会计", status="closed")])
    assert [m.id for m in index.recommend(seeker(1, ["会计"]))] == [6]
    assert index.n_postings == 1
    assert [m.id for m in index.shortlist(posting(5, "会计", status="closed"))] == [1]


def test_many_updates_rank_exactly_like_a_fresh_build():
    records = {number: seeker(number, [["会计", "焊工", "叉车司机", "美工"][number % 4]], ["Excel"] if number % 3 else [],
                              f"第{number}号求职者", experience_years=number % 7)
               for number in range(1, 901)}
    incremental = MatchIndex()
    for record in records.values():  # one at a time: pending merges
        incremental.upsert_seekers([record])
    for number in range(1, 901, 2):  # update half: dead slots, compaction
        records[number] = seeker(number, ["焊工"], ["焊工证"], f"更新{number}", experience_years=2)
        incremental.upsert_seekers([records[number]])
    incremental.remove_seekers(range(2, 300, 2))
    for number in range(2, 300, 2):
        del records[number]
    fresh = MatchIndex()
    fresh.upsert_seekers(records.values())
    query = posting(1, "电焊工", ["焊工证"], experience_min_years=3)
    assert [(m.id, m.score) for m in incremental.shortlist(query, limit=60)] == \
           [(m.id, m.score) for m in fresh.shortlist(query, limit=60)]
    assert incremental.n_seekers == fresh.n_seekers == len(records)


def test_ties_keep_insertion_order_even_after_an_update():
    index = MatchIndex()
    index.upsert_seekers([seeker(3, ["会计"]), seeker(1, ["会计"]), seeker(2, ["会计"])])
    index.upsert_seekers([seeker(3, ["会计"])])
    assert [m.id for m in index.shortlist(posting(9, "会计"))] == [3, 1, 2]


def test_paging_and_exclusion():
    index = MatchIndex()
    index.upsert_seekers([seeker(number, ["会计"], ["Excel"] * (number % 2)) for number in range(1, 21)])
    query = posting(9, "会计", ["Excel"])
    everyone = [m.id for m in index.shortlist(query, limit=20)]
    assert [m.id for m in index.shortlist(query, limit=5, offset=5)] == everyone[5:10]
    assert [m.id for m in index.shortlist(query, limit=5, exclude=everyone[:2])] == everyone[2:7]
    assert index.shortlist(query, limit=0) == []
    assert all(m.reasons == [] for m in index.shortlist(query, reasons=False))


def test_bad_arguments_say_what_is_wrong():
    with pytest.raises(ValueError, match="limit and offset must be >= 0"):
        MatchIndex().shortlist(posting(1, "会计"), limit=-1)
    with pytest.raises(ValueError, match="unknown factor weights \\['colour'\\]"):
        MatchIndex(weights={"colour": 1.0})
    with pytest.raises(ValueError, match="positive sum"):
        MatchIndex(weights={"title": 0.0})


def test_extract_reads_like_rapidfuzz():
    choices = [seeker(None, ["会计"]), seeker(None, ["焊工"], ["焊工证"]), seeker(None, ["电焊工"])]
    found = extract(posting(None, "焊工", ["焊工证"]), choices, limit=2)
    assert [index for _, _, index in found] == [1, 2]
    assert found[0][0] is choices[1]
    assert found[0][1] >= found[1][1]


def test_titles_that_arrive_after_a_query_are_still_compared():
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["会计"])])
    welding = posting(9, "焊工")
    assert [m.id for m in index.shortlist(welding)] == [1]
    index.upsert_seekers([seeker(2, ["焊工"])])
    ranked = index.shortlist(welding)
    assert ranked[0].id == 2
    assert next(r for r in ranked[0].reasons if r["factor"] == "title")["score"] == 1.0


def test_a_salary_just_above_the_range_scores_below_a_full_fit():
    index = MatchIndex()
    index.upsert_seekers([seeker(1, ["厨师"], salary_expectation=9700), seeker(2, ["厨师"], salary_expectation=9600)])
    ranked = index.shortlist(posting(9, "厨师", salary_min=4500, salary_max=9600))
    salary = {match.id: next(r for r in match.reasons if r["factor"] == "salary") for match in ranked}
    assert salary[2]["score"] == 1.0
    assert 0.9 < salary[1]["score"] < 1.0
    assert "above the maximum" in salary[1]["text"]["en"]
