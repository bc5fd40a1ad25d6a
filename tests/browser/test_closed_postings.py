"""A closed posting takes no new interest marks: the kiosk and the booth say so in the page's
language, not as a generic failure, and the booth shows it before anyone taps."""
import pytest

from tests.browser.conftest import KIOSK_SIZE, TABLET_SIZE, expect, rec_card

pytestmark = pytest.mark.browser

CLOSED_ZH = "该职位已关闭，重新开放后才能标记意向。"


def welders(fair, count):
    return [fair.kiosk("POST", f"{fair.base}/seekers", 201, json={
        "name": f"焊工{number}", "phone": f"1582345678{number}", "consent": True, "desired_titles": ["焊工"]})
        for number in range(count)]


def set_status(fair, posting, status):
    fair.org("PATCH", f"/api/v1/postings/{posting['id']}", 200, json={"status": status})


def open_shortlist(booth, posting):
    booth.locator(f"#postings li[data-posting-id='{posting['id']}'] button.btn-primary").click()


def test_the_kiosk_says_a_posting_closed_since_the_list_was_drawn_takes_no_new_mark(open_page, fair):
    (seeker,) = welders(fair, 1)
    kiosk = open_page("/kiosk", fair.kiosk_token, KIOSK_SIZE)
    kiosk.fill("#start-phone", seeker["phone"])
    kiosk.click("#phone-form button[type=submit]")
    kiosk.wait_for_selector("#form-screen:not([hidden])")
    kiosk.click("#submit-seeker")
    card = rec_card(kiosk, fair.welder["id"])
    card.wait_for()
    set_status(fair, fair.welder, "closed")
    card.locator("button.interest").click()
    expect(kiosk.locator("#global-error")).to_have_text("该岗位已停止招聘，不能再标记感兴趣。")
    expect(card.locator("button.interest")).to_have_attribute("aria-pressed", "false")
    kiosk.click("#lang-switch")
    expect(kiosk.locator("#global-error")).to_have_text("This job is no longer hiring; it can't be marked now.")
    assert not fair.kiosk("GET", f"/api/v1/postings/{fair.welder['id']}/intents/{seeker['id']}", 200)[
        "seeker_interested"]


def test_the_booth_says_a_posting_closed_elsewhere_takes_no_new_mark_and_turns_its_marks_off(open_page, fair):
    (seeker,) = welders(fair, 1)
    booth = open_page("/employer", fair.employer_token, TABLET_SIZE)
    open_shortlist(booth, fair.welder)
    row = booth.locator(f"#shortlist tbody tr[data-seeker-id='{seeker['id']}']")
    row.wait_for()
    expect(booth.locator("#shortlist-closed")).to_be_hidden()
    set_status(fair, fair.welder, "closed")  # by the organizer, while the list is on the tablet
    row.locator("button.mark").click()
    expect(booth.locator("#global-error")).to_have_text(CLOSED_ZH)
    expect(row.locator("button.mark")).to_be_disabled()
    expect(booth.locator("#shortlist-closed")).to_have_text(CLOSED_ZH)
    booth.click("#lang-switch")
    expect(booth.locator("#global-error")).to_have_text("This posting is closed; reopen it to mark interest.")


def test_the_booth_shows_a_closed_postings_marks_off_but_lets_a_mark_be_withdrawn(open_page, fair):
    marked, unmarked = welders(fair, 2)
    fair.emp("PUT", f"/api/v1/postings/{fair.welder['id']}/intents/{marked['id']}", 200)
    set_status(fair, fair.welder, "closed")
    booth = open_page("/employer", fair.employer_token, TABLET_SIZE)
    open_shortlist(booth, fair.welder)
    unmarked_button = booth.locator(f"#shortlist tbody tr[data-seeker-id='{unmarked['id']}'] button.mark")
    marked_button = booth.locator(f"#shortlist tbody tr[data-seeker-id='{marked['id']}'] button.mark")
    expect(booth.locator("#shortlist-closed")).to_have_text(CLOSED_ZH)
    expect(unmarked_button).to_be_disabled()
    expect(marked_button).to_be_enabled()
    marked_button.click()
    expect(marked_button).to_have_attribute("aria-pressed", "false")
    expect(marked_button).to_be_disabled()  # withdrawn: a new mark now, which the closed posting takes no more
    expect(booth.locator("#global-error")).to_be_hidden()

    booth.click(".tab[data-tab=postings]")
    booth.locator(f"#postings li[data-posting-id='{fair.welder['id']}'] button", has_text="重新开放").click()
    expect(booth.locator(f"#postings li[data-posting-id='{fair.welder['id']}'] .badge")).to_have_text("招聘中")
    open_shortlist(booth, fair.welder)
    expect(booth.locator("#shortlist-closed")).to_be_hidden()
    expect(unmarked_button).to_be_enabled()
