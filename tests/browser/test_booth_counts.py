"""The booth sees, per posting, how many seekers wait for its answer: on its postings and in the shortlist's
picker, fresh after a mark, a refresh or a return to its postings. Before, it had to pick each posting and
tick "only interested" to find out."""
import pytest

from tests.browser.conftest import TABLET_SIZE, expect

pytestmark = pytest.mark.browser


def test_a_seeker_waiting_shows_on_the_booth_until_the_booth_answers(open_page, fair):
    welder = fair.welder["id"]
    booth = open_page("/employer", fair.employer_token, TABLET_SIZE)
    card = booth.locator(f"#postings li[data-posting-id='{welder}']")
    option = booth.locator(f"#shortlist-posting option[value='{welder}']")
    expect(card.locator(".intent-counts")).to_have_text("0 人感兴趣 · 已达成 0 人")
    expect(card.locator(".badge-waiting")).to_have_count(0)

    seeker = fair.kiosk("POST", f"{fair.base}/seekers", 201, json={
        "name": "王小明", "phone": "13912345678", "consent": True, "desired_titles": ["焊工"]})
    fair.kiosk("PUT", f"/api/v1/postings/{welder}/intents/{seeker['id']}", 200)

    booth.click(".tab[data-tab=shortlist]")
    expect(option).to_have_text("电焊工")  # not asked again yet
    booth.click("#shortlist-refresh")
    expect(option).to_have_text("电焊工 · 1 人待回复")
    booth.click(".tab[data-tab=postings]")
    expect(card.locator(".badge-waiting")).to_have_text("1 人待回复")
    expect(card.locator(".intent-counts")).to_have_text("1 人感兴趣 · 已达成 0 人")
    booth.click("#lang-switch")
    expect(card.locator(".badge-waiting")).to_have_text("1 waiting for your answer")
    expect(card.locator(".intent-counts")).to_have_text("1 interested · 0 agreed")
    expect(option).to_have_text("电焊工 · 1 waiting for your answer")

    card.locator("button.btn-primary").click()
    row = booth.locator(f"#shortlist tbody tr[data-seeker-id='{seeker['id']}']")
    row.locator("button.mark").click()
    expect(row.locator(".badge-ok")).to_have_count(1)
    # The mark itself brings the counts up to date, on the picker and the postings behind it.
    expect(option).to_have_text("电焊工")
    expect(card.locator(".badge-waiting")).to_have_count(0)
    expect(card.locator(".intent-counts")).to_have_text("1 interested · 1 agreed")


def test_a_closed_posting_shows_its_counts_but_nobody_waiting(open_page, fair):
    welder = fair.welder["id"]
    seeker = fair.kiosk("POST", f"{fair.base}/seekers", 201, json={
        "name": "王小明", "phone": "13912345678", "consent": True, "desired_titles": ["焊工"]})
    fair.kiosk("PUT", f"/api/v1/postings/{welder}/intents/{seeker['id']}", 200)
    fair.emp("PATCH", f"/api/v1/postings/{welder}", 200, json={"status": "closed"})
    booth = open_page("/employer", fair.employer_token, TABLET_SIZE)
    card = booth.locator(f"#postings li[data-posting-id='{welder}']")
    # It takes no new marks: the seeker waits for no answer, though the interest still shows.
    expect(card.locator(".intent-counts")).to_have_text("1 人感兴趣 · 已达成 0 人")
    expect(card.locator(".badge-waiting")).to_have_count(0)
    expect(booth.locator(f"#shortlist-posting option[value='{welder}']")).to_have_text("电焊工 (已关闭)")


def test_marking_the_next_seeker_keeps_the_focus_when_the_first_mark_answers_later(open_page, fair):
    import re

    welder = fair.welder["id"]
    first, second = (fair.kiosk("POST", f"{fair.base}/seekers", 201, json={
        "name": name, "phone": phone, "consent": True, "desired_titles": ["焊工"]})
        for name, phone in (("王小明", "13912345678"), ("李小红", "13912345679")))
    for seeker in (first, second):  # both said yes at the kiosk: the booth's marks make agreements
        fair.kiosk("PUT", f"/api/v1/postings/{welder}/intents/{seeker['id']}", 200)
    booth = open_page("/employer", fair.employer_token, TABLET_SIZE)
    booth.locator(f"#postings li[data-posting-id='{welder}'] button.btn-primary").click()
    held = []  # the first mark's answer, held until the booth has marked the second seeker
    booth.route(re.compile(rf".*/intents/{first['id']}$"), lambda route: held.append(route))
    first_row = booth.locator(f"#shortlist tbody tr[data-seeker-id='{first['id']}']")
    second_row = booth.locator(f"#shortlist tbody tr[data-seeker-id='{second['id']}']")
    first_row.locator("button.mark").click()
    while not held:
        booth.wait_for_timeout(20)
    second_row.locator("button.mark").click()
    expect(second_row.locator(".badge-ok")).to_have_count(1)
    held[0].continue_()
    expect(first_row.locator(".badge-ok")).to_have_count(1)
    booth.wait_for_timeout(200)  # the first mark's reloads, after which its button took the focus back
    expect(second_row.locator("button.mark")).to_be_focused()
