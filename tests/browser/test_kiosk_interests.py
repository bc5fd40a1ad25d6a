"""The kiosk's "my interests": a returning seeker sees every posting they marked, with the
employer's answer, and can withdraw, consistently with the recommendations list."""
import pytest

from tests.browser.conftest import (
    KIOSK_SIZE, PHONE_SIZE, TABLET_SIZE, count_handled_answers, double_tap, expect, rec_card, screenshot,
)

pytestmark = pytest.mark.browser

PHONE = "15823456789"
# Welding jobs enough to fill the seeker's top 10, so the cook and cashier jobs rank below it.
MORE_WELDERS = [{"title": f"电焊工（{line}号线）", "skills": ["电焊", "氩弧焊"], "salary_min": 6500, "salary_max": 8500,
                 "location": "两江新区"} for line in range(1, 11)]


@pytest.fixture
def returning(fair):
    """A welder who marked the cook job (the restaurant agreed) and the cashier job earlier; both now rank
    below the top 10. The factory marked him for the welder job, which he has not answered."""
    fair.emp("POST", f"{fair.base}/postings/batch", 201, json={"postings": MORE_WELDERS})
    seeker = fair.kiosk("POST", f"{fair.base}/seekers", 201, json={
        "name": "陈刚", "phone": PHONE, "consent": True, "desired_titles": ["焊工"], "skills": ["电焊", "氩弧焊"],
        "experience_years": 4, "salary_expectation": 7000, "locations": ["两江新区"]})
    for posting in (fair.cook, fair.cashier):
        fair.kiosk("PUT", f"/api/v1/postings/{posting['id']}/intents/{seeker['id']}", 200)
    fair.emp2("PUT", f"/api/v1/postings/{fair.cook['id']}/intents/{seeker['id']}", 200)
    fair.emp("PUT", f"/api/v1/postings/{fair.welder['id']}/intents/{seeker['id']}", 200)
    fair.seeker = seeker
    return fair


def resume(page, phone=PHONE):
    """The volunteer looks the phone up and submits the profile as found."""
    page.fill("#start-phone", phone)
    page.click("#phone-form button[type=submit]")
    page.wait_for_selector("#form-screen:not([hidden])")
    page.click("#submit-seeker")
    page.wait_for_selector("#recommendations li.rec")


def mine(page, posting_id):
    return page.locator(f"#my-interests li[data-posting-id='{posting_id}']")


def seeker_interested(fair, posting_id):
    return fair.kiosk("GET", f"/api/v1/postings/{posting_id}/intents/{fair.seeker['id']}", 200)["seeker_interested"]


def test_a_returning_seeker_sees_the_marks_beyond_the_top_ten_and_the_employers_answer(open_page, returning):
    kiosk = open_page("/kiosk", returning.kiosk_token, KIOSK_SIZE)
    resume(kiosk)
    cook, cashier = mine(kiosk, returning.cook["id"]), mine(kiosk, returning.cashier["id"])
    expect(kiosk.locator("#my-interests li")).to_have_count(2)
    for posting in (returning.cook, returning.cashier):
        expect(rec_card(kiosk, posting["id"])).to_have_count(0)  # beyond the top 10
    # The agreement first, saying where to go; the factory's unanswered mark is not the seeker's.
    assert kiosk.locator("#my-interests li").first.get_attribute("data-posting-id") == str(returning.cook["id"])
    assert cook.get_attribute("data-status") == "agreed"
    assert "川菜厨师" in cook.inner_text() and "5000–7000 元/月" in cook.inner_text() and "渝中区" in cook.inner_text()
    assert cook.locator(".banner-ok").inner_text() == "企业也对您感兴趣！请到「山城火锅餐饮」的展位洽谈。"
    assert cook.locator(".badge").inner_text() == "双方都感兴趣"
    assert cashier.get_attribute("data-status") == "waiting" and cashier.locator(".banner-ok").count() == 0
    assert cashier.locator(".badge").inner_text() == "等待企业回复"
    expect(mine(kiosk, returning.welder["id"])).to_have_count(0)
    screenshot(kiosk, "kiosk-my-interests-1080x1920")

    # Withdrawn by mistake, and marked again: the row stays until the next visit.
    cashier.locator("button.interest").click()
    expect(cashier).to_have_attribute("data-status", "withdrawn")
    expect(cashier.locator("button.interest")).to_have_attribute("aria-pressed", "false")
    assert cashier.locator(".badge").inner_text() == "已取消"
    assert not seeker_interested(returning, returning.cashier["id"])
    cashier.locator("button.interest").click()
    expect(cashier).to_have_attribute("data-status", "waiting")
    assert seeker_interested(returning, returning.cashier["id"])

    kiosk.click("#lang-switch")
    assert kiosk.inner_text("#my-interests-title") == "Jobs I'm interested in"
    assert cook.locator(".banner-ok").inner_text() == "The employer is interested too! Visit the 山城火锅餐饮 booth."
    assert cook.locator(".badge").inner_text() == "Both interested"
    assert cashier.locator("button.interest").inner_text() == "✓ Interested (tap to undo)"


def test_a_withdrawn_agreement_is_gone_at_the_next_visit(open_page, returning):
    kiosk = open_page("/kiosk", returning.kiosk_token, TABLET_SIZE)
    resume(kiosk)
    mine(kiosk, returning.cook["id"]).locator("button.interest").click()
    expect(mine(kiosk, returning.cook["id"])).to_have_attribute("data-status", "withdrawn")
    assert mine(kiosk, returning.cook["id"]).locator(".banner-ok").count() == 0
    kiosk.click("#done")
    resume(kiosk)
    expect(kiosk.locator("#my-interests li[data-posting-id]")).to_have_count(1)
    expect(mine(kiosk, returning.cashier["id"])).to_have_count(1)


def test_a_mark_on_a_posting_closed_since_can_be_withdrawn_but_not_made_again(open_page, returning):
    returning.emp2("PATCH", f"/api/v1/postings/{returning.cashier['id']}", 200, json={"status": "closed"})
    kiosk = open_page("/kiosk", returning.kiosk_token, TABLET_SIZE)
    resume(kiosk)
    cashier = mine(kiosk, returning.cashier["id"])
    expect(cashier).to_have_attribute("data-status", "closed")
    button = cashier.locator("button.interest")
    expect(button).to_be_enabled()
    button.click()
    expect(cashier).to_have_attribute("data-status", "withdrawn")
    expect(button).to_be_disabled()
    assert not seeker_interested(returning, returning.cashier["id"])


def test_both_lists_show_one_state_of_a_mark(open_page, returning):
    kiosk = open_page("/kiosk", returning.kiosk_token, TABLET_SIZE)
    resume(kiosk)
    first = kiosk.locator("#recommendations li.rec").first
    posting_id = int(first.get_attribute("data-posting-id"))
    button = first.locator("button.interest")
    button.scroll_into_view_if_needed()
    top = button.bounding_box()["y"]
    puts = []
    kiosk.on("request", lambda request: request.method == "PUT" and "/intents/" in request.url and puts.append(1))
    double_tap(kiosk, f"#recommendations li[data-posting-id='{posting_id}'] button.interest")
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(button).to_be_focused()
    assert abs(button.bounding_box()["y"] - top) < 1  # the row added to "my interests" above did not move it
    assert len(puts) == 1
    row = mine(kiosk, posting_id)
    expect(row).to_have_attribute("data-status", "waiting")
    assert kiosk.locator("#my-interests li").last.get_attribute("data-posting-id") == str(posting_id)

    # While the withdrawal is on its way, the same posting's other button waits for it.
    held = []
    kiosk.route(f"**/api/v1/postings/{posting_id}/intents/*", lambda route: held.append(route))
    row.locator("button.interest").click()
    kiosk.wait_for_function("() => document.querySelector('#recommendations li.rec button.interest').disabled")
    expect(row.locator("button.interest")).to_be_disabled()
    held[0].continue_()
    expect(button).to_have_attribute("aria-pressed", "false")
    expect(row).to_have_attribute("data-status", "withdrawn")
    expect(row.locator("button.interest")).to_be_focused()
    assert not seeker_interested(returning, posting_id)


def test_a_late_answer_for_the_last_person_is_not_shown_to_the_next(open_page, returning):
    kiosk = open_page("/kiosk", returning.kiosk_token, TABLET_SIZE)
    count_handled_answers(kiosk)
    held = []
    kiosk.route(f"**/api/v1/seekers/{returning.seeker['id']}/intents", lambda route: held.append(route))
    kiosk.fill("#start-phone", PHONE)
    kiosk.click("#phone-form button[type=submit]")
    kiosk.wait_for_selector("#form-screen:not([hidden])")
    kiosk.click("#submit-seeker")
    kiosk.wait_for_function("document.querySelector('#result-screen') && !document.querySelector('#result-screen').hidden")
    for _ in range(200):
        if held:
            break
        kiosk.wait_for_timeout(50)
    assert held, "the page never asked for the seeker's marks"
    kiosk.click("#done")  # the seeker leaves before the page has answered; the next person signs up
    returning.kiosk("POST", f"{returning.base}/seekers", 201, json={
        "name": "李娟", "phone": "13698765432", "consent": True, "desired_titles": ["收银员"]})
    resume(kiosk, "13698765432")
    expect(kiosk.locator("#my-interests li.muted")).to_have_text("还没有标记感兴趣的岗位。在下面的推荐岗位中点「我感兴趣」即可。")
    handled = kiosk.evaluate("window.handledAnswers")
    held[0].continue_()
    kiosk.wait_for_function(f"window.handledAnswers > {handled}")
    expect(kiosk.locator("#my-interests li[data-posting-id]")).to_have_count(0)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_my_interests_fit_a_phone(open_page, returning, lang):
    kiosk = open_page("/kiosk", returning.kiosk_token, PHONE_SIZE)
    if lang == "en":
        kiosk.click("#lang-switch")
    resume(kiosk)
    expect(kiosk.locator("#my-interests li[data-posting-id]")).to_have_count(2)
    overflow = kiosk.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than the screen"
    badge, row = (kiosk.locator("#my-interests li").first.locator(selector).bounding_box()
                  for selector in (".badge", ".rec-head"))
    assert badge["x"] + badge["width"] <= row["x"] + row["width"] + 1  # the answer is whole, on the screen
    screenshot(kiosk, f"kiosk-my-interests-390x844-{lang}")
