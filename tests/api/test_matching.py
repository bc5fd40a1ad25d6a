"""Shortlists and recommendations through the API, privacy of the shortlist."""
import json

import pytest

from tests.api.conftest import SEEKER, Caller


def add_seekers(world, count, **fields):
    ids = []
    for number in range(count):
        body = {**SEEKER, "name": f"王{number}明", "phone": f"1390000{number:04d}", **fields}
        ids.append(world.a.kiosk.post(f"{world.a.base}/seekers", json=body).get_json()["id"])
    return ids


def test_shortlist_shape_and_order(world):
    add_seekers(world, 3, desired_titles=["厨师"], skills=["川菜"], resume_text="十年川菜厨师")
    body = world.a.emp.get(f"/api/v1/postings/{world.a.posting['id']}/shortlist").get_json()
    assert body["posting_id"] == world.a.posting["id"]
    results = body["results"]
    assert [result["rank"] for result in results] == list(range(1, len(results) + 1))
    scores = [result["score"] for result in results]
    assert scores == sorted(scores, reverse=True) and all(0 <= score <= 1 for score in scores)
    assert results[0]["seeker_id"] == world.a.seeker["id"]  # the welder tops the welder posting
    factors = {reason["factor"] for reason in results[0]["reasons"]}
    assert {"title", "skills"} <= factors
    assert all(reason["text"]["zh"] and reason["text"]["en"] for reason in results[0]["reasons"])
    assert results[0]["intent"] == {"posting_id": world.a.posting["id"], "seeker_id": world.a.seeker["id"],
                                    "seeker_interested": False, "employer_interested": False,
                                    "agreed": False, "agreed_at": None}


def test_shortlist_paging(world):
    add_seekers(world, 4)
    path = f"/api/v1/postings/{world.a.posting['id']}/shortlist"
    everyone = world.a.emp.get(path).get_json()["results"]
    page = world.a.emp.get(f"{path}?limit=2&offset=1").get_json()["results"]
    assert [r["seeker_id"] for r in page] == [r["seeker_id"] for r in everyone[1:3]]
    assert [r["rank"] for r in page] == [2, 3]
    assert world.a.emp.get(f"{path}?limit=201").status_code == 422


def test_shortlist_of_the_interested_reaches_a_seeker_ranked_below_the_page(world):
    # The welder posting's best match is the welder; a cook ranks low but marks interest at a kiosk.
    cooks = add_seekers(world, 3, desired_titles=["厨师"], skills=["川菜"], resume_text="十年川菜厨师")
    path = f"/api/v1/postings/{world.a.posting['id']}/shortlist"
    assert cooks[-1] not in [r["seeker_id"] for r in world.a.emp.get(f"{path}?limit=1").get_json()["results"]]
    world.a.kiosk.put(f"/api/v1/postings/{world.a.posting['id']}/intents/{cooks[-1]}")
    results = world.a.emp.get(f"{path}?limit=1&interested=true").get_json()["results"]
    assert [(r["seeker_id"], r["rank"], r["intent"]["seeker_interested"]) for r in results] == [(cooks[-1], 1, True)]
    assert "phone" not in results[0]["seeker"]  # still masked until the employer agrees
    world.a.kiosk.delete(f"/api/v1/postings/{world.a.posting['id']}/intents/{cooks[-1]}")
    assert world.a.emp.get(f"{path}?interested=true").get_json()["results"] == []
    assert world.a.emp.get(f"{path}?interested=maybe").status_code == 422


def test_shortlist_of_one_seeker_is_their_row_masked_until_agreement(world):
    cooks = add_seekers(world, 3, desired_titles=["厨师"], skills=["川菜"], resume_text="十年川菜厨师")
    posting_id, cook = world.a.posting["id"], cooks[1]
    path = f"/api/v1/postings/{posting_id}/shortlist"
    ranked = {r["seeker_id"]: r for r in world.a.emp.get(f"{path}?limit=200").get_json()["results"]}
    (row,) = world.a.emp.get(f"{path}?seeker_id={cook}").get_json()["results"]
    assert (row["seeker_id"], row["rank"], row["score"]) == (cook, 1, ranked[cook]["score"])
    assert row["reasons"] == ranked[cook]["reasons"] and row["seeker"] == ranked[cook]["seeker"]
    assert "phone" not in row["seeker"]
    world.a.kiosk.put(f"/api/v1/postings/{posting_id}/intents/{cook}")
    world.a.emp.put(f"/api/v1/postings/{posting_id}/intents/{cook}")
    (row,) = world.a.emp.get(f"{path}?seeker_id={cook}").get_json()["results"]
    assert row["intent"]["agreed"] and row["seeker"]["phone"]  # the agreement reveals the contact
    # Only that seeker, of this fair; with ``interested``, only if interested.
    assert world.a.emp.get(f"{path}?seeker_id={cooks[0]}&interested=true").get_json()["results"] == []
    elsewhere = world.b.kiosk.post(f"{world.b.base}/seekers", json={**SEEKER, "phone": "13900009999"}).get_json()
    assert world.a.emp.get(f"{path}?seeker_id={elsewhere['id']}").get_json()["results"] == []
    assert world.a.emp.get(f"{path}?seeker_id=0").status_code == 422


def test_shortlist_masks_until_agreement(world):
    path = f"/api/v1/postings/{world.a.posting['id']}/shortlist"
    seeker = world.a.emp.get(path).get_json()["results"][0]["seeker"]
    assert "name" not in seeker and "phone" not in seeker
    assert seeker["masked_name"] == "张**" and seeker["masked_phone"] == "138****5678"
    assert "13812345678" not in str(seeker) and "138-1234-5678" not in str(seeker) and "张伟" not in str(seeker)

    intent = f"/api/v1/postings/{world.a.posting['id']}/intents/{world.a.seeker['id']}"
    world.a.emp.put(intent)
    assert "phone" not in world.a.emp.get(path).get_json()["results"][0]["seeker"]  # one side is not enough
    world.a.kiosk.put(intent)
    seeker = world.a.emp.get(path).get_json()["results"][0]["seeker"]
    assert seeker["name"] == "张伟" and seeker["phone"] == "13812345678"

    world.a.kiosk.delete(intent)  # withdrawn: hidden again
    assert "phone" not in world.a.emp.get(path).get_json()["results"][0]["seeker"]


def test_shortlist_shows_each_seekers_current_resume_masked(world):
    path = f"/api/v1/postings/{world.a.posting['id']}/shortlist"
    seeker_path = f"{world.a.base}/seekers"

    def shown():
        return world.a.emp.get(path).get_json()["results"][0]["seeker"]

    assert shown()["resume_text"] == shown()["resume_text"]  # a page seen twice
    world.a.kiosk.post(seeker_path, json={**SEEKER, "resume_text": "焊工八年，张伟，手机13912345678"})
    assert shown()["resume_text"] == "焊工八年，张**，手机139****5678"
    world.a.kiosk.post(seeker_path, json={**SEEKER, "resume_text": "焊工九年，微信同号13987654321"})
    assert shown()["resume_text"] == "焊工九年，微信同号139****4321"
    intent = f"/api/v1/postings/{world.a.posting['id']}/intents/{world.a.seeker['id']}"
    world.a.emp.put(intent)
    world.a.kiosk.put(intent)
    assert shown()["resume_text"] == "焊工九年，微信同号13987654321"
    world.a.kiosk.delete(intent)
    assert shown()["resume_text"] == "焊工九年，微信同号139****4321"


def seen_before_agreement(world, **fields):
    """The welder seeker with ``fields`` changed, as the welder posting's shortlist shows them."""
    world.a.kiosk.post(f"{world.a.base}/seekers", json={**SEEKER, **fields})
    return world.a.emp.get(f"/api/v1/postings/{world.a.posting['id']}/shortlist").get_json()["results"][0]["seeker"]


@pytest.mark.parametrize("resume, masked", [
    # As a Chinese input method in full-width mode types them.
    ("焊工，手机１３９１２３４５６７８", "焊工，手机１３９****５６７８"),
    ("焊工，手机139－1234－5678", "焊工，手机139****5678"),
    ("焊工，电话＋８６ １３９１２３４５６７８", "焊工，电话１３９****５６７８"),
])
def test_shortlist_masks_full_width_phones_in_the_resume(world, resume, masked):
    assert seen_before_agreement(world, resume_text=resume)["resume_text"] == masked


@pytest.mark.parametrize("resume, masked", [
    # Groupings the phone field itself accepts (parentheses, spaced dashes), and dots as in English CVs.
    ("焊工，手机 (138) 1234-5678", "焊工，手机 138****5678"),
    ("焊工，电话 138 - 1234 - 5678", "焊工，电话 138****5678"),
    ("焊工，电话 +86 (138) 1234 5678", "焊工，电话 138****5678"),
    ("Welder. Mobile 138.1234.5678", "Welder. Mobile 138****5678"),
    ("焊工，手机（１３８）１２３４－５６７８", "焊工，手机１３８****５６７８"),
])
def test_shortlist_masks_phones_grouped_as_people_write_them(world, resume, masked):
    assert seen_before_agreement(world, resume_text=resume)["resume_text"] == masked


@pytest.mark.parametrize("resume, masked", [
    # Digit by digit, one separator between digits, as some write it to be read out clearly.
    ("焊工，手机 1 3 8 1 2 3 4 5 6 7 8", "焊工，手机 138****5678"),
    ("焊工，手机1-3-8-1-2-3-4-5-6-7-8。", "焊工，手机138****5678。"),
    ("焊工，手机1.3.8.1.2.3.4.5.6.7.8", "焊工，手机138****5678"),
    ("焊工，手机１　３　８　１　２　３　４　５　６　７　８", "焊工，手机１３８****５６７８"),
    ("焊工，手机１－３－８－１－２－３－４－５－６－７－８", "焊工，手机１３８****５６７８"),
    ("焊工，电话 +86 1 3 8 1 2 3 4 5 6 7 8", "焊工，电话 138****5678"),
    ("焊工，电话＋８６ １ ３ ８ １ ２ ３ ４ ５ ６ ７ ８", "焊工，电话１３８****５６７８"),
])
def test_shortlist_masks_phones_written_digit_by_digit(world, resume, masked):
    assert seen_before_agreement(world, resume_text=resume)["resume_text"] == masked


@pytest.mark.parametrize("resume, masked", [
    # The 0 dialled before another city's mobile from a landline goes, as +86 does.
    ("焊工，手机 013812345678", "焊工，手机 138****5678"),
    ("焊工，电话：0138-1234-5678。", "焊工，电话：138****5678。"),
    ("焊工，电话０１３８１２３４５６７８", "焊工，电话１３８****５６７８"),
])
def test_shortlist_masks_mobiles_written_with_a_dialling_0(world, resume, masked):
    assert seen_before_agreement(world, resume_text=resume)["resume_text"] == masked


@pytest.mark.parametrize("resume", [
    "2019-2023 在重庆某厂做焊工", "2019 - 2023 焊工", "期望月薪 5000-7000 元", "邮编 400000",
    "2023.05.01 取得焊工证", "2023年5月1日，1 2 3 级焊工", "焊工证号 2023 0501 1234",
    # Numbers with a leading 0 that are no landline: too short, or no area code.
    "邮编 010010", "2019.09-2023.06 重庆某厂焊工", "0-3年经验，0.5吨叉车", "编号 0123456789",
])
def test_shortlist_leaves_numbers_that_are_no_phone_alone(world, resume):
    assert seen_before_agreement(world, resume_text=resume)["resume_text"] == resume


@pytest.mark.parametrize("resume, masked", [
    # Landlines as Chinese resumes write them: the area code stays, then **** and the last four digits
    # (as mobiles show), without the separators, the parentheses and the +86.
    ("焊工，座机：023-4012 3456", "焊工，座机：023****3456"),
    ("焊工，电话：(023)40123456", "焊工，电话：023****3456"),
    ("焊工，电话（023）4012-3456", "焊工，电话023****3456"),
    ("焊工，座机 0234012 3456", "焊工，座机 023****3456"),
    ("焊工，023 4012 3456", "焊工，023****3456"),
    ("Welder. Tel: +86 23 4012 3456", "Welder. Tel: 023****3456"),
    ("Welder. Tel: +86 (0)23 4012 3456", "Welder. Tel: 023****3456"),
    ("焊工，电话 0086-23-40123456", "焊工，电话 023****3456"),
    ("焊工，电话：010-6512 3456", "焊工，电话：010****3456"),
    ("焊工，电话：0755-2345678", "焊工，电话：0755****5678"),  # a 4-digit area code, a 7-digit number
    ("焊工，座机０２３－４０１２　３４５６", "焊工，座机０２３****３４５６"),
    ("焊工，＋８６ ２３ ４０１２ ３４５６", "焊工，０２３****３４５６"),
    # An extension: its label stays, its digits go.
    ("焊工，座机023-4012 3456转123", "焊工，座机023****3456转***"),
    ("Welder. Tel: 023-4012 3456 ext. 123", "Welder. Tel: 023****3456 ext. ***"),
    ("焊工，电话 0755-2345678 分机 8001。", "焊工，电话 0755****5678 分机 ***。"),
])
def test_shortlist_masks_landline_numbers(world, resume, masked):
    assert seen_before_agreement(world, resume_text=resume)["resume_text"] == masked


@pytest.mark.parametrize("resume", ["姓　　名：张　伟，焊工八年", "姓名：张 伟，焊工八年"])
def test_shortlist_masks_the_name_written_with_spaces_between_its_characters(world, resume):
    # Chinese resumes pad a two-character name to the width of a three-character one.
    seeker = seen_before_agreement(world, resume_text=resume)
    assert seeker["resume_text"] == resume.split("：")[0] + "：张**，焊工八年"


@pytest.mark.parametrize("resume, masked", [
    # E-mail addresses: the first character and the domain stay.
    ("焊工，邮箱 zhangwei88@qq.com。", "焊工，邮箱 z***@qq.com。"),
    ("焊工，邮箱zhang.wei+cv@163.com", "焊工，邮箱z***@163.com"),
    ("Email: Wei.Zhang@example.com.cn", "Email: W***@example.com.cn"),
    ("邮箱：13912345678@139.com", "邮箱：1***@139.com"),
    # Resident ID numbers (18 characters, the last may be X): the first and last four stay.
    ("焊工，身份证号 500101199003071234", "焊工，身份证号 5001**********1234"),
    ("身份证：50010119900307123X，焊工", "身份证：5001**********123X，焊工"),
    ("身份证：50010119900307123x", "身份证：5001**********123x"),
    ("身份证 ５００１０１１９９００３０７１２３４", "身份证 ５００１**********１２３４"),
    ("身份证 500101 19900307 1234，焊工", "身份证 5001**********1234，焊工"),
    ("身份证：500101-19900307-123X", "身份证：5001**********123X"),
    ("身份证 500101 19900307-1234，焊工", "身份证 5001**********1234，焊工"),
    ("身份证：500101－19900307 123X", "身份证：5001**********123X"),
    # WeChat and QQ ids after their label: the label stays.
    ("焊工，微信：zhangwei_88", "焊工，微信：***"),
    ("焊工，微信号: wxid-abc123，电话同号", "焊工，微信号: ***，电话同号"),
    ("Welder. WeChat: Zhang_Wei88", "Welder. WeChat: ***"),
    ("Welder. WeChat ID：zw88", "Welder. WeChat ID：***"),
    ("焊工，QQ：123456789", "焊工，QQ：***"),
    ("焊工，ＱＱ号 １２３４５６７８９", "焊工，ＱＱ号 ***"),
    ("焊工，qq 123456789", "焊工，qq ***"),
    ("焊工，微信：138 1234 5678", "焊工，微信：***"),  # a phone as the id: all of it
])
def test_shortlist_masks_email_addresses_id_numbers_and_chat_ids(world, resume, masked):
    assert seen_before_agreement(world, resume_text=resume)["resume_text"] == masked


@pytest.mark.parametrize("resume, masked", [
    # First-generation ID numbers (15 digits, issued until 2004, some still quoted): the first and last four stay.
    ("焊工，身份证号 500101900307123", "焊工，身份证号 5001*******7123"),
    ("身份证：510102651231002，焊工", "身份证：5101*******1002，焊工"),
    ("身份证 ５００１０１９００３０７１２３", "身份证 ５００１*******７１２３"),
])
def test_shortlist_masks_old_15_digit_id_numbers(world, resume, masked):
    assert seen_before_agreement(world, resume_text=resume)["resume_text"] == masked


@pytest.mark.parametrize("resume", [
    # 15 digits that cannot be an ID number: no province starts with 0 or 9, no month 13 or day 32.
    "设备编号 012345678901234", "设备编号 912345678901234", "设备编号 500101901307123", "设备编号 500101900332123",
])
def test_shortlist_leaves_15_digit_numbers_that_are_no_id_alone(world, resume):
    assert seen_before_agreement(world, resume_text=resume)["resume_text"] == resume


@pytest.mark.parametrize("resume, masked", [
    # Bank card numbers (16 to 19 digits), grouped by four or not: the last four digits only.
    ("焊工，工资卡 6222 0212 3456 7890", "焊工，工资卡 **** **** **** 7890"),
    ("银行卡号：6222 0212 3456 7890 123，建设银行", "银行卡号：**** **** **** 0123，建设银行"),
    ("银行卡：6222-0212-3456-7890", "银行卡：**** **** **** 7890"),
    ("卡号 6222021234567890123", "卡号 **** **** **** 0123"),
    ("卡号62220212345678901", "卡号**** **** **** 8901"),
    ("Salary account: 4111 1111 1111 1111", "Salary account: **** **** **** 1111"),
    ("工资卡６２２２　０２１２　３４５６　７８９０", "工资卡**** **** **** ７８９０"),
    # Whole, not a landline (0312-3456 7890) inside it left as a card's tail.
    ("工资卡 6222 0312 3456 7890", "工资卡 **** **** **** 7890"),
])
def test_shortlist_masks_bank_card_numbers(world, resume, masked):
    assert seen_before_agreement(world, resume_text=resume)["resume_text"] == masked


@pytest.mark.parametrize("resume", [
    # Groups of four that are no card: years (no card starts with 19, 20 or 21), a salary range and its
    # raise (a card keeps one separator), too few or too many digits.
    "2019 2020 2021 2022 连续三年优秀员工", "期望月薪 5000-6000 6000-7000", "1234 5678 9012 3456",
    "焊工证号 6222 0212 3456", "编号 62220212345678901234",
])
def test_shortlist_leaves_groups_of_digits_that_are_no_card_alone(world, resume):
    assert seen_before_agreement(world, resume_text=resume)["resume_text"] == resume


@pytest.mark.parametrize("resume", [
    "2019-2023 焊工", "2021年3月入职", "期望月薪 8000-12000元", "邮编 401220", "焊工 3年", "CET-4，C1驾照",
    "熟悉 ISO9001 体系", "带 12 人班组，年产 120000 件，良品率 99.5%", "GB/T 12467.3-2009 焊接质量要求",
])
def test_shortlist_leaves_dates_salaries_postcodes_and_skills_with_digits_alone(world, resume):
    assert seen_before_agreement(world, resume_text=resume)["resume_text"] == resume


# Every number that reaches or identifies a person, each in a way it is written, among numbers that do neither.
RESUME_WITH_EVERY_NUMBER = """姓名：张伟
手机：138-1234-5678，手机（备用）：+86 139 1234 5678
座机：023-4012 3456转123，电话：(0755)2345678
身份证：500101199003071234，旧身份证：500101900307123
工资卡：6222 0212 3456 7890 123，另一张：6228480402564890018
邮箱：zhangwei88@qq.com，QQ：12345678
2019-2023 在重庆某厂做焊工，2021年3月起任班长，带 5 人；焊工 3年，期望月薪 8000-12000元，邮编 401220；CET-4、C1驾照，熟悉 ISO9001。"""
RESUME_WITH_EVERY_NUMBER_MASKED = """姓名：张**
手机：138****5678，手机（备用）：139****5678
座机：023****3456转***，电话：0755****5678
身份证：5001**********1234，旧身份证：5001*******7123
工资卡：**** **** **** 0123，另一张：**** **** **** 0018
邮箱：z***@qq.com，QQ：***
2019-2023 在重庆某厂做焊工，2021年3月起任班长，带 5 人；焊工 3年，期望月薪 8000-12000元，邮编 401220；CET-4、C1驾照，熟悉 ISO9001。"""


def test_shortlist_masks_every_number_of_a_resume_whole_and_nothing_else(world):
    # No rule takes a part of another's number: a card's digits are no phone, an ID's no card.
    seeker = seen_before_agreement(world, resume_text=RESUME_WITH_EVERY_NUMBER)
    assert seeker["resume_text"] == RESUME_WITH_EVERY_NUMBER_MASKED


@pytest.mark.parametrize("resume, masked", [
    # Numbers one space apart: each is taken whole, the one that starts first first.
    ("电话 023-4012 3456 6222 0212 3456 7890", "电话 023****3456 **** **** **** 7890"),
    ("卡号 6222 0212 3456 7890 023-4012 3456", "卡号 **** **** **** 7890 023****3456"),
    ("电话 023-4012 3456 13812345678", "电话 023****3456 138****5678"),
    ("身份证 500101199003071234 6222 0212 3456 7890 123", "身份证 5001**********1234 **** **** **** 0123"),
])
def test_shortlist_masks_numbers_side_by_side_each_whole(world, resume, masked):
    assert seen_before_agreement(world, resume_text=resume)["resume_text"] == masked


@pytest.mark.parametrize("resume", [
    "熟悉微信公众号运营", "会用QQ和微信", "Ran WeChat official accounts", "QQ群管理，2019 年起", "微信同号",
    "焊工证 20190501",
])
def test_shortlist_leaves_mentions_of_wechat_or_qq_and_other_numbers(world, resume):
    assert seen_before_agreement(world, resume_text=resume)["resume_text"] == resume


@pytest.mark.parametrize("name, resume", [
    ("张伟", "姓名：張偉，焊工八年"),  # a resume from Hong Kong or Taiwan, a name registered at the kiosk in simplified
    ("張偉", "姓名：张伟，焊工八年"),
    ("张伟", "姓名：張伟，焊工八年"),  # mixed, as converters leave it
    ("刘丽", "姓　　名：劉　麗，焊工八年"),
])
def test_shortlist_masks_the_name_written_in_traditional_or_simplified_characters(world, name, resume):
    seeker = seen_before_agreement(world, name=name, resume_text=resume)
    assert seeker["resume_text"] == resume.split("：")[0] + f"：{name[0]}**，焊工八年"


@pytest.mark.parametrize("resume", ["LI NA\nForklift driver, 6 years", "li na\nForklift driver, 6 years"])
def test_shortlist_masks_the_name_in_another_case(world, resume):
    # English CVs often head with the name in capitals.
    seeker = seen_before_agreement(world, name="Li Na", resume_text=resume)
    assert seeker["resume_text"] == "L**\nForklift driver, 6 years"


def test_an_english_name_is_masked_as_a_word_not_inside_others(world):
    resume = "Li Na\nForklift driver in North Carolina, at a Linamar plant; references: Ms. Li Na-Wang"
    seeker = seen_before_agreement(world, name="Li Na", resume_text=resume)
    assert seeker["resume_text"] == "L**\nForklift driver in North Carolina, at a Linamar plant; references: Ms. L**-Wang"


def reason(result, factor):
    return next(reason for reason in result["reasons"] if reason["factor"] == factor)


# A seeker's contacts typed into the fields a shortlist shows besides the resume (the places near,
# not at, the welder posting's, so the location reason repeats them in its text).
CONTACTS_IN_LISTS = {"desired_titles": ["焊工 13912345678", "張偉"], "skills": ["电焊", "氩弧焊 张伟"],
                     "locations": ["江北区 电话139-1234-5678"]}


def test_shortlist_masks_the_name_and_phones_in_every_text_field_and_in_the_reasons(world):
    path = f"/api/v1/postings/{world.a.posting['id']}/shortlist"
    world.a.kiosk.post(f"{world.a.base}/seekers", json={**SEEKER, **CONTACTS_IN_LISTS})
    result = world.a.emp.get(path).get_json()["results"][0]
    seeker = result["seeker"]
    assert seeker["desired_titles"] == ["焊工 139****5678", "张**"]
    assert seeker["skills"] == ["电焊", "氩弧焊 张**"]
    assert seeker["locations"] == ["江北区 电话139****5678"]
    assert reason(result, "title")["actual"] == seeker["desired_titles"]
    assert reason(result, "title")["text"]["zh"].endswith("↔ 焊工 139****5678、张**")
    assert reason(result, "skills")["actual"] == seeker["skills"]
    assert reason(result, "location")["actual"] == seeker["locations"]
    assert "（意向：江北区 电话139****5678）" in reason(result, "location")["text"]["zh"]
    shown = json.dumps(result, ensure_ascii=False)
    assert [word for word in ("13912345678", "139-1234-5678", "張偉", "张伟") if word in shown] == []

    intent = f"/api/v1/postings/{world.a.posting['id']}/intents/{world.a.seeker['id']}"
    world.a.emp.put(intent)
    world.a.kiosk.put(intent)
    result = world.a.emp.get(path).get_json()["results"][0]
    assert {key: result["seeker"][key] for key in CONTACTS_IN_LISTS} == CONTACTS_IN_LISTS
    assert reason(result, "title")["actual"] == CONTACTS_IN_LISTS["desired_titles"]
    assert reason(result, "location")["actual"] == CONTACTS_IN_LISTS["locations"]


# Landlines, cards and old ID numbers typed into those fields, as above.
NUMBERS_IN_LISTS = {"desired_titles": ["焊工 座机023-4012 3456"], "skills": ["电焊", "氩弧焊 身份证500101900307123"],
                    "locations": ["江北区 工资卡6222 0212 3456 7890"]}


def test_shortlist_masks_landlines_cards_and_old_id_numbers_in_every_text_field_and_in_the_reasons(world):
    path = f"/api/v1/postings/{world.a.posting['id']}/shortlist"
    world.a.kiosk.post(f"{world.a.base}/seekers", json={**SEEKER, **NUMBERS_IN_LISTS})
    result = world.a.emp.get(path).get_json()["results"][0]
    seeker = result["seeker"]
    assert seeker["desired_titles"] == ["焊工 座机023****3456"]
    assert seeker["skills"] == ["电焊", "氩弧焊 身份证5001*******7123"]
    assert seeker["locations"] == ["江北区 工资卡**** **** **** 7890"]
    assert reason(result, "title")["actual"] == seeker["desired_titles"]
    assert reason(result, "skills")["actual"] == seeker["skills"]
    assert reason(result, "location")["actual"] == seeker["locations"]
    assert "（意向：江北区 工资卡**** **** **** 7890）" in reason(result, "location")["text"]["zh"]
    shown = json.dumps(result, ensure_ascii=False)
    assert [word for word in ("4012 3456", "500101900307123", "6222 0212 3456") if word in shown] == []

    intent = f"/api/v1/postings/{world.a.posting['id']}/intents/{world.a.seeker['id']}"
    world.a.emp.put(intent)
    world.a.kiosk.put(intent)
    result = world.a.emp.get(path).get_json()["results"][0]
    assert {key: result["seeker"][key] for key in NUMBERS_IN_LISTS} == NUMBERS_IN_LISTS
    assert reason(result, "location")["actual"] == NUMBERS_IN_LISTS["locations"]


def test_shortlist_masks_a_phone_written_with_0086_in_the_resume(world):
    # As dialled from abroad, and as the phone field itself accepts it.
    world.a.kiosk.post(f"{world.a.base}/seekers", json={**SEEKER, "resume_text": "焊工，电话008613912345678"})
    results = world.a.emp.get(f"/api/v1/postings/{world.a.posting['id']}/shortlist").get_json()["results"]
    assert results[0]["seeker"]["resume_text"] == "焊工，电话139****5678"


@pytest.mark.parametrize("name", ["张伟 ", " 张伟", "张伟\t"])
def test_shortlist_masks_the_name_sent_with_spaces_around_it(world, name):
    # Kiosk software other than /kiosk may send a field as typed, spaces included.
    seeker = seen_before_agreement(world, name=name, resume_text="张伟，焊工八年")
    assert seeker["resume_text"] == "张**，焊工八年"
    assert seeker["masked_name"] == "张**"


def test_agreement_reveals_only_that_pair(world):
    world.a.emp.put(f"/api/v1/postings/{world.a.posting['id']}/intents/{world.a.seeker['id']}")
    world.a.kiosk.put(f"/api/v1/postings/{world.a.posting['id']}/intents/{world.a.seeker['id']}")
    other = world.a.emp2.get(f"/api/v1/postings/{world.a.posting2['id']}/shortlist").get_json()["results"]
    assert other and all("phone" not in result["seeker"] for result in other)


def test_recommendations_shape_and_closed_postings(world):
    path = f"/api/v1/seekers/{world.a.seeker['id']}/recommendations"
    body = world.a.kiosk.get(path).get_json()
    assert body["seeker_id"] == world.a.seeker["id"]
    ids = [result["posting_id"] for result in body["results"]]
    assert ids[0] == world.a.posting["id"] and world.a.posting2["id"] in ids
    assert world.b.posting["id"] not in ids  # other fair
    top = body["results"][0]
    assert top["posting"]["title"] == "电焊工" and top["posting"]["employer_name"] == world.a.employer["name"]
    assert top["rank"] == 1 and 0 <= top["score"] <= 1 and top["reasons"]

    world.a.emp.patch(f"/api/v1/postings/{world.a.posting['id']}", json={"status": "closed"})
    ids = [result["posting_id"] for result in world.a.kiosk.get(path).get_json()["results"]]
    assert world.a.posting["id"] not in ids
    world.a.emp.patch(f"/api/v1/postings/{world.a.posting['id']}", json={"status": "open"})
    ids = [result["posting_id"] for result in world.a.kiosk.get(path).get_json()["results"]]
    assert world.a.posting["id"] in ids


def test_a_recommended_posting_shows_the_pay_and_place_its_description_states(world):
    description = "焊接钢结构，持焊工证。月薪7000-9000元，工作地点：长寿区晏家街道"
    posting = world.a.emp.post(f"{world.a.base}/postings", json={"title": "电焊工", "description": description}).get_json()
    results = world.a.kiosk.get(f"/api/v1/seekers/{world.a.seeker['id']}/recommendations").get_json()["results"]
    shown = {result["posting_id"]: result["posting"] for result in results}
    assert shown[posting["id"]]["read_from_description"] == {"salary_min": 7000, "salary_max": 9000,
                                                            "location": "长寿区晏家街道"}
    assert shown[posting["id"]]["salary_min"] is None
    assert "read_from_description" not in shown[world.a.posting["id"]]  # the form gives them


def test_closed_posting_still_has_a_shortlist(world):
    world.a.emp.patch(f"/api/v1/postings/{world.a.posting['id']}", json={"status": "closed"})
    results = world.a.emp.get(f"/api/v1/postings/{world.a.posting['id']}/shortlist").get_json()["results"]
    assert [result["seeker_id"] for result in results] == [world.a.seeker["id"]]


def test_new_and_erased_seekers_and_deleted_postings_are_seen_at_once(world):
    path = f"/api/v1/postings/{world.a.posting['id']}/shortlist"
    assert len(world.a.emp.get(path).get_json()["results"]) == 1
    (new_id,) = add_seekers(world, 1)
    assert new_id in [r["seeker_id"] for r in world.a.emp.get(path).get_json()["results"]]
    world.a.kiosk.delete(f"/api/v1/seekers/{new_id}")
    assert new_id not in [r["seeker_id"] for r in world.a.emp.get(path).get_json()["results"]]
    recommend = f"/api/v1/seekers/{world.a.seeker['id']}/recommendations"
    world.a.emp2.delete(f"/api/v1/postings/{world.a.posting2['id']}")
    ids = [r["posting_id"] for r in world.a.kiosk.get(recommend).get_json()["results"]]
    assert world.a.posting2["id"] not in ids


def test_recommendation_limit(world):
    world.a.emp.post(f"{world.a.base}/postings/batch", json={"postings": [{"title": f"焊工{i}"} for i in range(12)]})
    path = f"/api/v1/seekers/{world.a.seeker['id']}/recommendations"
    assert len(world.a.kiosk.get(path).get_json()["results"]) == 10
    assert len(world.a.kiosk.get(f"{path}?limit=3").get_json()["results"]) == 3
    assert world.a.kiosk.get(f"{path}?limit=0").status_code == 422


def searched(world, q, **params):
    """The ids a kiosk's search of the fair's postings finds for fair A's seeker, in the order shown."""
    path = f"/api/v1/seekers/{world.a.seeker['id']}/recommendations"
    body = world.a.kiosk.get(path, query_string={"q": q, **params}).get_json()
    return [result["posting_id"] for result in body["results"]]


def test_a_search_finds_postings_by_any_of_their_words_and_their_employers_name(world):
    forklift = world.a.emp2.post(f"{world.a.base}/postings", json={
        "title": "仓库叉车工", "skills": ["叉车证"], "location": "长寿区", "description": "三班倒，包吃住"}).get_json()
    welder, cook = world.a.posting["id"], world.a.posting2["id"]
    assert searched(world, "叉车") == [forklift["id"]]  # title
    assert searched(world, "叉车证") == [forklift["id"]]  # skill
    assert searched(world, "长寿") == [forklift["id"]]  # place
    assert searched(world, "包吃住") == [forklift["id"]]  # description
    assert searched(world, "焊工") == [welder]  # occupation (电焊工 is 焊工)
    assert searched(world, "welder") == [welder]  # occupation's English name
    assert sorted(searched(world, "山城火锅")) == sorted([cook, forklift["id"]])  # employer's name
    # Every word must be found (in the posting or its employer's name); width, case and script aside.
    assert searched(world, "山城 叉车") == [forklift["id"]]
    assert searched(world, "山城　焊") == []
    assert searched(world, "ＷＥＬＤＥＲ") == [welder]
    assert searched(world, "倉庫") == [forklift["id"]]
    assert searched(world, "重庆长安焊装B") == []  # fair B's employer
    assert searched(world, "没有这个岗位") == []


def test_a_search_ranks_what_it_finds_as_the_recommendations_do(world):
    world.a.emp2.post(f"{world.a.base}/postings/batch", json={"postings": [
        {"title": "焊工学徒", "location": "长寿区"}, {"title": "氩弧焊工", "skills": ["氩弧焊"]},
        {"title": "焊接质检员"}, {"title": "面点师"}]})
    path = f"/api/v1/seekers/{world.a.seeker['id']}/recommendations"
    everything = world.a.kiosk.get(f"{path}?limit=100").get_json()["results"]
    found = world.a.kiosk.get(path, query_string={"q": "焊", "limit": 100}).get_json()
    assert found["q"] == "焊"
    kept = [result for result in everything if "焊" in result["posting"]["title"] + "".join(
        result["posting"]["skills"]) + (result["posting"]["description"] or "") + result["posting"]["employer_name"]]
    assert len(kept) == 4
    assert [(r["posting_id"], r["score"], r["reasons"]) for r in found["results"]] == \
        [(r["posting_id"], r["score"], r["reasons"]) for r in kept]
    assert [r["rank"] for r in found["results"]] == [1, 2, 3, 4]
    # Paged like the recommendations; a blank search is no search.
    second = world.a.kiosk.get(path, query_string={"q": "焊", "limit": 2, "offset": 2}).get_json()["results"]
    assert [(r["posting_id"], r["rank"]) for r in second] == [(r["posting_id"], r["rank"]) for r in found["results"][2:]]
    blank = world.a.kiosk.get(path, query_string={"q": "  ", "limit": 100}).get_json()
    assert "q" not in blank and [r["posting_id"] for r in blank["results"]] == [r["posting_id"] for r in everything]


def test_a_search_leaves_out_closed_and_deleted_postings_and_sees_changes_at_once(world):
    welder = world.a.posting["id"]
    assert searched(world, "电焊") == [welder]
    world.a.emp.patch(f"/api/v1/postings/{welder}", json={"status": "closed"})
    assert searched(world, "电焊") == []
    world.a.emp.patch(f"/api/v1/postings/{welder}", json={"status": "open", "title": "铆焊工"})
    assert searched(world, "电焊") == [welder]  # a skill still says 电焊
    assert searched(world, "铆焊") == [welder]
    world.a.emp.delete(f"/api/v1/postings/{welder}")
    assert searched(world, "铆焊") == []
    # An employer registered after a search is found by its name at once.
    assert searched(world, "渝北物流") == []
    employer = world.a.org.post(f"{world.a.base}/employers", json={"name": "渝北物流有限公司"}).get_json()
    driver = Caller(world.client, employer["token"]).post(f"{world.a.base}/postings", json={"title": "货车司机"})
    assert searched(world, "渝北物流") == [driver.get_json()["id"]]


def test_a_search_too_long_is_refused_with_the_field_named(world):
    path = f"/api/v1/seekers/{world.a.seeker['id']}/recommendations"
    response = world.a.kiosk.get(path, query_string={"q": "焊" * 101})
    assert response.status_code == 422
    assert "q" in json.dumps(response.get_json()["errors"])
    assert world.a.kiosk.get(path, query_string={"q": "焊" * 100}).status_code == 200


def test_ranked_pages_are_sent_in_the_documented_shape(world):
    # The views skip the marshmallow dump: what they send must be what dumping would give.
    from schemas.matching import RecommendationsOut, ShortlistOut

    intent = f"/api/v1/postings/{world.a.posting['id']}/intents/{world.a.seeker['id']}"
    world.a.emp.put(intent)
    world.a.kiosk.put(intent)  # one agreed seeker (name and phone shown), others masked
    add_seekers(world, 2, resume_text="电话 13900001111")
    shortlist = world.a.emp.get(f"/api/v1/postings/{world.a.posting['id']}/shortlist").get_json()
    assert len(shortlist["results"]) == 3 and any("phone" in r["seeker"] for r in shortlist["results"])
    assert ShortlistOut().dump(shortlist) == shortlist
    recommendations = world.a.kiosk.get(f"/api/v1/seekers/{world.a.seeker['id']}/recommendations").get_json()
    assert recommendations["results"]
    assert RecommendationsOut().dump(recommendations) == recommendations


def test_the_english_occupation_reason_names_the_occupations_in_english_and_chinese(world):
    # "Different occupation: 4-03-02-01 / 6-18-02-04" tells a reader of English nothing.
    cook = add_seekers(world, 1, desired_titles=["厨师"], skills=["川菜"])[0]
    results = world.a.emp.get(f"/api/v1/postings/{world.a.posting['id']}/shortlist").get_json()["results"]
    reasons = next(result["reasons"] for result in results if result["seeker_id"] == cook)
    occupation = next(reason for reason in reasons if reason["factor"] == "occupation")
    assert occupation["score"] < 0.85  # not "Same occupation", which names its one occupation
    assert [side["name"] for side in (occupation["required"][0], occupation["actual"][0])] == ["焊工", "中式烹调师"]
    assert occupation["text"]["en"] == "Different occupation: welder (焊工) / cook (中式烹调师)"
