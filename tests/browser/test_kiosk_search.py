"""The kiosk's search and "show more": a seeker finds the fair's jobs by a word (a title, a skill,
a place or an employer's name), ranked for them, marks one, and reads past the first ten."""
import pytest

from tests.browser.conftest import KIOSK_SIZE, PHONE_SIZE, expect, fill_kiosk_form, rec_card, screenshot

pytestmark = pytest.mark.browser

PHONE = "15823456789"
# Welding jobs enough that the seeker's recommendations run past one screen of ten.
MORE_WELDERS = [{"title": f"电焊工（{line}号线）", "skills": ["电焊", "氩弧焊"], "salary_min": 6500, "salary_max": 8500,
                 "location": "两江新区"} for line in range(1, 15)]
FORKLIFT = {"title": "仓库叉车工", "skills": ["叉车证"], "location": "长寿区", "salary_min": 5500, "salary_max": 7000}


@pytest.fixture
def welder_at_kiosk(fair, open_page):
    """A welder signed up at a kiosk, on the result screen; the factory posts 14 more welding jobs, the
    restaurant a forklift job."""
    fair.emp("POST", f"{fair.base}/postings/batch", 201, json={"postings": MORE_WELDERS})
    fair.forklift = fair.emp2("POST", f"{fair.base}/postings", 201, json=FORKLIFT)
    kiosk = open_page("/kiosk", fair.kiosk_token, KIOSK_SIZE)
    fill_kiosk_form(kiosk, name="陈刚", phone=PHONE)
    kiosk.check("#seeker-form [name=consent]")
    kiosk.click("#submit-seeker")
    kiosk.wait_for_selector("#recommendations li.rec")
    fair.page = kiosk
    return fair


def listed(page):
    return [int(item) for item in page.locator("#recommendations li.rec").evaluate_all(
        "items => items.map((item) => item.dataset.postingId)")]


def test_a_seeker_searches_by_a_word_marks_a_job_found_and_clears_the_search(welder_at_kiosk):
    fair, kiosk = welder_at_kiosk, welder_at_kiosk.page
    assert fair.forklift["id"] not in listed(kiosk)  # not a welder's recommendation
    kiosk.fill("#job-search-q", "叉车")
    kiosk.press("#job-search-q", "Enter")
    expect(kiosk.locator("#recommendations li.rec")).to_have_count(1)
    assert listed(kiosk) == [fair.forklift["id"]]
    assert kiosk.inner_text("#recommendations-title") == "搜索结果"
    assert kiosk.inner_text("#search-summary-text") == "与「叉车」有关的在招岗位，按与您的匹配度排序"
    card = rec_card(kiosk, fair.forklift["id"])
    assert "仓库叉车工" in card.inner_text() and "山城火锅餐饮" in card.inner_text()
    card.locator("button.interest").click()
    expect(card.locator("button.interest")).to_have_attribute("aria-pressed", "true")
    assert fair.kiosk("GET", f"/api/v1/postings/{fair.forklift['id']}/intents/{listed_seeker(fair)}",
                      200)["seeker_interested"]
    # The mark shows in "my interests" too.
    expect(kiosk.locator(f"#my-interests li[data-posting-id='{fair.forklift['id']}']")).to_have_count(1)
    expect(kiosk.locator("#recommendations-more")).to_be_hidden()
    screenshot(kiosk, "kiosk-search-1080x1920")

    # An employer's name finds its jobs; nothing found says so, in the page's language.
    kiosk.fill("#job-search-q", "山城火锅")
    kiosk.click("#job-search button[type=submit]")
    expect(kiosk.locator("#recommendations li.rec")).to_have_count(3)
    assert sorted(listed(kiosk)) == sorted([fair.cook["id"], fair.cashier["id"], fair.forklift["id"]])
    kiosk.fill("#job-search-q", "飞行员")
    kiosk.click("#job-search button[type=submit]")
    expect(kiosk.locator("#recommendations li.muted")).to_have_text(
        "没有找到与「飞行员」有关的在招岗位。换个词试试，或清除搜索看推荐。")
    kiosk.click("#lang-switch")
    expect(kiosk.locator("#recommendations li.muted")).to_have_text(
        "No open jobs mention \u201c飞行员\u201d. Try another word, or clear the search.")
    assert kiosk.inner_text("#recommendations-title") == "Search results"
    kiosk.click("#lang-switch")

    kiosk.click("#search-clear")
    expect(kiosk.locator("#recommendations li.rec")).to_have_count(10)
    assert kiosk.inner_text("#recommendations-title") == "为您推荐的岗位"
    expect(kiosk.locator("#search-summary")).to_be_hidden()
    assert kiosk.input_value("#job-search-q") == ""


def listed_seeker(fair):
    return fair.kiosk("POST", f"{fair.base}/seekers/lookup", 200, json={"phone": PHONE})["id"]


def test_show_more_lists_the_next_jobs_in_order_until_there_are_no_more(welder_at_kiosk):
    fair, kiosk = welder_at_kiosk, welder_at_kiosk.page
    seeker_id = listed_seeker(fair)
    everything = [r["posting_id"] for r in fair.kiosk(
        "GET", f"/api/v1/seekers/{seeker_id}/recommendations?limit=100", 200)["results"]]
    assert len(everything) == 18  # 15 welding jobs, the cook, the cashier, the forklift
    assert listed(kiosk) == everything[:10]
    kiosk.click("#recommendations-more")
    expect(kiosk.locator("#recommendations li.rec")).to_have_count(18)
    assert listed(kiosk) == everything
    expect(kiosk.locator("#recommendations-more")).to_be_hidden()

    # A search pages the same way, and the next person starts from the recommendations.
    kiosk.fill("#job-search-q", "电焊")
    kiosk.press("#job-search-q", "Enter")
    expect(kiosk.locator("#recommendations li.rec")).to_have_count(10)
    expect(kiosk.locator("#recommendations-more")).to_be_visible()
    kiosk.click("#recommendations-more")
    expect(kiosk.locator("#recommendations li.rec")).to_have_count(15)
    assert listed(kiosk) == [posting for posting in everything if posting not in
                             (fair.cook["id"], fair.cashier["id"], fair.forklift["id"])]
    kiosk.click("#done")
    kiosk.wait_for_selector("#welcome-screen:not([hidden])")
    kiosk.fill("#start-phone", PHONE)
    kiosk.click("#phone-form button[type=submit]")
    kiosk.wait_for_selector("#form-screen:not([hidden])")
    kiosk.click("#submit-seeker")
    expect(kiosk.locator("#recommendations li.rec")).to_have_count(10)
    assert listed(kiosk) == everything[:10]
    assert kiosk.input_value("#job-search-q") == "" and kiosk.inner_text("#recommendations-title") == "为您推荐的岗位"


def test_the_search_fits_a_phone_screen(fair, open_page):
    kiosk = open_page("/kiosk", fair.kiosk_token, PHONE_SIZE)
    fair.kiosk("POST", f"{fair.base}/seekers", 201, json={
        "name": "陈刚", "phone": PHONE, "consent": True, "desired_titles": ["焊工"]})
    kiosk.fill("#start-phone", PHONE)
    kiosk.click("#phone-form button[type=submit]")
    kiosk.wait_for_selector("#form-screen:not([hidden])")
    kiosk.click("#submit-seeker")
    kiosk.wait_for_selector("#recommendations li.rec")
    width = kiosk.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE_SIZE["width"]
    box, button = kiosk.locator("#job-search-q").bounding_box(), kiosk.locator("#job-search button[type=submit]").bounding_box()
    assert box["width"] >= 150 and button["x"] + button["width"] <= PHONE_SIZE["width"]


def test_a_trade_is_searched_in_one_tap_in_either_language(welder_at_kiosk):
    fair, kiosk = welder_at_kiosk, welder_at_kiosk.page
    kiosk.locator("#search-chips .chip", has_text="厨师").click()
    expect(kiosk.locator("#recommendations li.rec")).to_have_count(1)
    assert listed(kiosk) == [fair.cook["id"]] and kiosk.input_value("#job-search-q") == "厨师"
    kiosk.click("#lang-switch")
    # The label follows the page's language; the postings are Chinese, so the Chinese word is searched.
    kiosk.locator("#search-chips .chip", has_text="Welder").click()
    expect(kiosk.locator("#search-summary-text")).to_have_text("Open jobs mentioning \u201c焊工\u201d, best match for you first")
    expect(kiosk.locator("#recommendations li.rec")).to_have_count(10)  # 15 welding jobs: ten, then "show more"
    expect(kiosk.locator("#recommendations-more")).to_be_visible()
    assert fair.cook["id"] not in listed(kiosk)
