"""What the booth's posting cards say: occupation names ("welder (焊工)" in English where an English name is known,
Chinese alone in Chinese), and what a description states for the form's fields left blank."""
import pytest

from tests.browser.conftest import KIOSK_SIZE, TABLET_SIZE, expect, fill_kiosk_form, rec_card

pytestmark = pytest.mark.browser


def test_the_booth_names_a_postings_occupation_in_the_pages_language(open_page, fair):
    booth = open_page("/employer", fair.employer_token, TABLET_SIZE)
    facts = booth.locator(f"#postings li[data-posting-id='{fair.welder['id']}'] .posting-facts")
    expect(facts).to_have_text("招聘人数 3 · 6000–9000 元/月 · 两江新区 · 焊工")
    booth.click("#lang-switch")  # the list is drawn again in English
    expect(facts).to_have_text("Openings 3 · 6000–9000 CNY/month · 两江新区 · welder (焊工)")
    booth.reload()  # an English page from the start
    booth.wait_for_selector("#app:not([hidden])")
    expect(facts).to_have_text("Openings 3 · 6000–9000 CNY/month · 两江新区 · welder (焊工)")
    booth.click("#lang-switch")
    expect(facts).to_have_text("招聘人数 3 · 6000–9000 元/月 · 两江新区 · 焊工")


def test_the_dashboard_names_occupations_in_the_pages_language(open_page, fair):
    # 篆刻家 (a seal engraver): an occupation without an English name keeps its Chinese name on the English page.
    fair.emp("POST", f"{fair.base}/postings", 201, json={"title": "篆刻家", "headcount": 1})
    dashboard = open_page("/dashboard", fair.org_token, TABLET_SIZE)
    names = dashboard.locator("#occupations tbody tr td:first-child")
    expect(names).to_have_count(4)
    assert "焊工" in names.all_inner_texts() and "篆刻家" in names.all_inner_texts()
    assert not any("welder" in name for name in names.all_inner_texts())
    dashboard.click("#lang-switch")
    expect(names.filter(has_text="焊工")).to_have_text("welder (焊工)")
    assert "篆刻家" in names.all_inner_texts()
    dashboard.click("#lang-switch")
    expect(names.filter(has_text="焊工")).to_have_text("焊工")


def test_the_booth_shows_what_a_description_states_for_the_fields_left_blank(open_page, fair):
    description = "任职要求：大专及以上学历，3年以上仓储管理经验。\n薪资：8000-10000元/月\n工作地点：长寿区晏家街道"
    posting = fair.emp("POST", f"{fair.base}/postings", 201, json={"title": "仓库主管", "description": description})
    booth = open_page("/employer", fair.employer_token, TABLET_SIZE)
    card = booth.locator(f"#postings li[data-posting-id='{posting['id']}']")
    # The pay is not "negotiable": the description states it.
    expect(card.locator(".posting-facts")).to_have_text("招聘人数 1 · 仓储管理员")
    expect(card.locator(".read-from-description")).to_have_text(
        "据岗位描述：大专 · 3年以上经验 · 8000–10000 元/月 · 长寿区晏家街道")
    booth.click("#lang-switch")
    expect(card.locator(".read-from-description")).to_have_text(
        "From the description: Associate degree · 3+ years of experience · 8000–10000 CNY/month · 长寿区晏家街道")
    # The welder's form is complete: nothing is read.
    welder = booth.locator(f"#postings li[data-posting-id='{fair.welder['id']}']")
    expect(welder.locator(".read-from-description")).to_have_count(0)


def test_a_kiosk_shows_the_pay_and_place_a_description_states(open_page, fair):
    description = "焊接钢结构，持焊工证。月薪7000-9000元，地址：长寿区凤城街道"
    posting = fair.emp("POST", f"{fair.base}/postings", 201,
                       json={"title": "电焊工", "skills": ["电焊"], "description": description})
    kiosk = open_page("/kiosk", fair.kiosk_token, KIOSK_SIZE)
    fill_kiosk_form(kiosk)
    kiosk.check("#seeker-form [name=consent]")
    kiosk.click("#submit-seeker")
    kiosk.wait_for_selector("#result-screen:not([hidden])")
    # Not "negotiable": the description states the pay the form left blank.
    expect(rec_card(kiosk, posting["id"]).locator(".rec-facts")).to_have_text(
        "月薪：7000–9000 元/月（据岗位描述）工作地点：长寿区凤城街道（据岗位描述）")
    expect(rec_card(kiosk, fair.welder["id"]).locator(".rec-facts")).to_have_text("月薪：6000–9000 元/月工作地点：两江新区")
