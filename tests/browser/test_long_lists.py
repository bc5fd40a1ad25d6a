"""The booth's lists of a big employer: more postings than one page of the API (limit ≤ 200) holds. The page
asked for one page and silently showed nothing beyond it."""
import pytest

from tests.browser.conftest import TABLET_SIZE, expect

pytestmark = pytest.mark.browser

MANY = 205  # one page of the API's largest (200) and a few more


def test_a_big_employers_postings_are_all_listed_and_offered_in_the_picker(open_page, fair):
    fair.emp("POST", f"{fair.base}/postings/batch", 201, json={"postings": [
        {"title": f"装配工{number:03d}", "headcount": 2} for number in range(MANY)]})
    booth = open_page("/employer", fair.employer_token, TABLET_SIZE)
    expect(booth.locator("#postings li[data-posting-id]")).to_have_count(MANY + 1)
    expect(booth.locator("#shortlist-posting option")).to_have_count(MANY + 1)
