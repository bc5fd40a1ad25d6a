"""The booth's lists of a big employer: more postings, agreements and interested seekers than one page of the
API (limit ≤ 200) holds. The pages asked for one page and silently showed nothing beyond it."""
import pytest

from tests.browser.conftest import TABLET_SIZE, expect

pytestmark = pytest.mark.browser

MANY = 205  # one page of the API's largest (200) and a few more


def interested_seekers(fair, count, *, employer_agrees=False):
    """``count`` seekers who marked interest in the welder posting (and the employer in them, if asked)."""
    welder = fair.welder["id"]
    ids = []
    for number in range(count):
        seeker = fair.kiosk("POST", f"{fair.base}/seekers", 201, json={
            "name": f"焊工{number:03d}", "phone": f"139{number:08d}", "consent": True, "desired_titles": ["焊工"]})
        fair.kiosk("PUT", f"/api/v1/postings/{welder}/intents/{seeker['id']}", 200)
        if employer_agrees:
            fair.emp("PUT", f"/api/v1/postings/{welder}/intents/{seeker['id']}", 200)
        ids.append(seeker["id"])
    return ids


def test_a_big_employers_postings_are_all_listed_and_offered_in_the_picker(open_page, fair):
    fair.emp("POST", f"{fair.base}/postings/batch", 201, json={"postings": [
        {"title": f"装配工{number:03d}", "headcount": 2} for number in range(MANY)]})
    booth = open_page("/employer", fair.employer_token, TABLET_SIZE)
    expect(booth.locator("#postings li[data-posting-id]")).to_have_count(MANY + 1)
    expect(booth.locator("#shortlist-posting option")).to_have_count(MANY + 1)


def test_every_agreement_is_reached_page_by_page_with_the_total(open_page, fair):
    seekers = interested_seekers(fair, MANY, employer_agrees=True)
    booth = open_page("/employer", fair.employer_token, TABLET_SIZE)
    booth.click(".tab[data-tab=agreements]")
    rows = booth.locator("#agreements tbody tr")
    expect(rows).to_have_count(200)
    expect(booth.locator("#agreements-count")).to_have_text(f"已显示 200 人，共 {MANY} 人")
    booth.click("#agreements-more")
    expect(rows).to_have_count(MANY)
    expect(booth.locator("#agreements-more")).to_be_hidden()
    expect(booth.locator("#agreements-count")).to_have_text(f"共 {MANY} 人")
    names = rows.locator("td:nth-child(3)").all_inner_texts()
    assert sorted(names) == sorted(f"焊工{number:03d}" for number in range(len(seekers)))  # each once
    booth.click("#lang-switch")
    expect(booth.locator("#agreements-count")).to_have_text(f"{MANY} in all")
    expect(booth.locator("#agreements-more")).to_be_hidden()


def test_every_interested_seeker_is_reached_and_a_mark_keeps_the_rows_shown(open_page, fair):
    seekers = interested_seekers(fair, MANY)
    booth = open_page("/employer", fair.employer_token, TABLET_SIZE)
    booth.locator(f"#postings li[data-posting-id='{fair.welder['id']}'] button.btn-primary").click()
    rows = booth.locator("#shortlist tbody tr[data-seeker-id]")
    expect(rows).to_have_count(50)  # the ranked list starts with the best 50, and goes on by 50
    booth.click("#shortlist-more")
    expect(rows).to_have_count(100)
    booth.check("#shortlist-interested")
    expect(rows).to_have_count(200)
    booth.click("#shortlist-more")
    expect(rows).to_have_count(MANY)
    expect(booth.locator("#shortlist-more")).to_be_hidden()
    assert sorted(map(int, rows.evaluate_all("(rows) => rows.map((row) => row.dataset.seekerId)"))) == sorted(seekers)
    assert rows.locator("td.num").all_inner_texts() == [str(rank) for rank in range(1, MANY + 1)]

    # Marking one of the last page reloads the list, but not back to its first page.
    last = rows.nth(MANY - 1)
    seeker_id = last.get_attribute("data-seeker-id")
    last.locator("button.mark").click()
    row = booth.locator(f"#shortlist tbody tr[data-seeker-id='{seeker_id}']")
    expect(row.locator("button.mark")).to_have_attribute("aria-pressed", "true")
    expect(row.locator(".badge-ok")).to_have_count(1)  # agreed: the reload revealed the contact
    expect(rows).to_have_count(MANY)
    expect(row.locator("button.mark")).to_be_focused()
