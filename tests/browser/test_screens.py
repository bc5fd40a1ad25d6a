"""Each page at a kiosk, a tablet and a phone size: nothing overflows sideways; screenshots saved.

The screenshots (artifacts/screenshots/, not committed) are for a person to look at.
"""
import pytest

from tests.browser.conftest import KIOSK_SIZE, PHONE_SIZE, PORTRAIT_TABLET_SIZE, TABLET_SIZE, screenshot

pytestmark = pytest.mark.browser

SIZES = {"1080x1920": KIOSK_SIZE, "1280x800": TABLET_SIZE, "390x844": PHONE_SIZE}
SEEKERS = [
    ("王小明", "13912345678", ["焊工"], ["电焊", "氩弧焊"], "high_school", 4, 7000, "两江新区"),
    ("李娟", "13698765432", ["厨师"], ["川菜"], "vocational", 6, 6500, "渝中区"),
    ("陈刚", "15823456789", ["电焊工"], ["电焊"], "junior_high", 2, 6000, "两江新区"),
    ("Emily Zhao", "18800001111", ["cashier"], ["收银", "customer service"], "associate", 1, 4500, "江北区"),
]


@pytest.fixture
def busy_fair(fair):
    """The fair after some activity: four seekers, interest marks, two agreements."""
    seekers = []
    for name, phone, titles, skills, education, years, salary, location in SEEKERS:
        seekers.append(fair.kiosk("POST", f"{fair.base}/seekers", 201, json={
            "name": name, "phone": phone, "consent": True, "desired_titles": titles, "skills": skills,
            "education": education, "experience_years": years, "salary_expectation": salary,
            "locations": [location], "resume_text": f"{name}，{years}年工作经验。"}))
    wang, li, chen, _ = seekers
    for posting, seeker in ((fair.welder, wang), (fair.welder, chen), (fair.cook, li)):
        fair.kiosk("PUT", f"/api/v1/postings/{posting['id']}/intents/{seeker['id']}", 200)
    fair.emp("PUT", f"/api/v1/postings/{fair.welder['id']}/intents/{wang['id']}", 200)
    fair.emp2("PUT", f"/api/v1/postings/{fair.cook['id']}/intents/{li['id']}", 200)
    return fair


def assert_fits_width(page):
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than the screen"


@pytest.mark.parametrize("size_name", SIZES)
def test_kiosk_screens(open_page, busy_fair, size_name):
    page = open_page("/kiosk", busy_fair.kiosk_token, SIZES[size_name])
    assert_fits_width(page)
    screenshot(page, f"kiosk-welcome-{size_name}")
    page.fill("#start-phone", "13912345678")
    page.click("#phone-form button[type=submit]")
    page.wait_for_selector("#form-screen:not([hidden])")
    assert_fits_width(page)
    page.click("#submit-seeker")
    page.wait_for_selector("#recommendations li.rec")
    assert_fits_width(page)
    screenshot(page, f"kiosk-recommendations-{size_name}")


@pytest.mark.parametrize("size_name", SIZES)
def test_employer_screens(open_page, busy_fair, size_name):
    page = open_page("/employer", busy_fair.employer_token, SIZES[size_name])
    page.wait_for_selector("#postings li[data-posting-id]")
    assert_fits_width(page)
    screenshot(page, f"employer-postings-{size_name}")
    page.click(".tab[data-tab=shortlist]")
    page.wait_for_selector("#shortlist tbody tr[data-seeker-id]")
    assert_fits_width(page)
    screenshot(page, f"employer-shortlist-{size_name}")
    page.click(".tab[data-tab=agreements]")
    page.locator("#agreements tbody tr").filter(has_text="王小明").wait_for()
    screenshot(page, f"employer-agreements-{size_name}")


@pytest.mark.parametrize("size_name", SIZES)
def test_dashboard_screens(open_page, busy_fair, size_name):
    page = open_page("/dashboard", busy_fair.org_token, SIZES[size_name])
    page.wait_for_function("document.querySelector('[data-stat=agreements] strong').textContent === '2'")
    page.wait_for_selector("#hour-chart svg")
    assert_fits_width(page)
    screenshot(page, f"dashboard-{size_name}")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_portrait_tablet_shows_every_shortlist_button_whole(open_page, busy_fair, lang):
    # The interest button is the booth's main action: no sideways scrolling of the table to reach it.
    page = open_page("/employer", busy_fair.employer_token, PORTRAIT_TABLET_SIZE)
    if lang == "en":
        page.click("#lang-switch")
    page.click(".tab[data-tab=shortlist]")
    page.wait_for_selector("#shortlist tbody tr[data-seeker-id] button.mark")
    screenshot(page, f"employer-shortlist-768x1024-{lang}")
    outside = page.evaluate("""() => {
        const box = document.querySelector('#panel-shortlist .table-wrap').getBoundingClientRect();
        return [...document.querySelectorAll('#shortlist button.mark')]
            .filter((button) => button.getBoundingClientRect().right > box.right).length;
    }""")
    assert outside == 0


@pytest.mark.parametrize("size_name", ["1280x800", "390x844"])
def test_the_export_buttons_stay_side_by_side_in_english(open_page, busy_fair, size_name):
    # At 1280 px the English toolbar wrapped "Export Excel" alone onto a line under the posting picker.
    page = open_page("/employer", busy_fair.employer_token, SIZES[size_name])
    page.click("#lang-switch")
    page.click(".tab[data-tab=shortlist]")
    page.wait_for_selector("#shortlist tbody tr[data-seeker-id]")
    csv, xlsx = (page.locator(selector).bounding_box() for selector in ("#shortlist-csv", "#shortlist-xlsx"))
    assert csv["y"] == xlsx["y"] and csv["x"] < xlsx["x"]


def test_the_welcome_steps_on_a_phone_keep_their_short_words_whole(open_page, busy_fair):
    # Three columns a phone wide broke "输入手机号" into "输入手 / 机号".
    page = open_page("/kiosk", busy_fair.kiosk_token, PHONE_SIZE)
    steps = page.locator(".steps li")
    assert [lines_of(steps.nth(index)) for index in range(2)] == [["输入手机号"], ["填写求职信息"]]


def test_a_phone_shows_each_candidate_as_a_card_with_its_button_on_screen(open_page, busy_fair):
    # Six table columns on a phone squeezed the reasons to a few characters a line and pushed the button off.
    page = open_page("/employer", busy_fair.employer_token, PHONE_SIZE)
    page.click(".tab[data-tab=shortlist]")
    page.wait_for_selector("#shortlist tbody tr[data-seeker-id] button.mark")
    screenshot(page, "employer-shortlist-cards-390x844")
    widths = page.evaluate("""() => {
        const wrap = document.querySelector('#panel-shortlist .table-wrap').getBoundingClientRect();
        const row = document.querySelector('#shortlist tbody tr');
        return {
            wrap: wrap.width,
            reasons: row.querySelector('.reason-list').getBoundingClientRect().width,
            buttonsOutside: [...document.querySelectorAll('#shortlist button.mark')]
                .filter((button) => button.getBoundingClientRect().right > wrap.right).length,
        };
    }""")
    assert widths["buttonsOutside"] == 0
    assert widths["reasons"] > 0.75 * widths["wrap"]


def lines_of(locator):
    """The text of an element as the lines the browser broke it into."""
    return locator.evaluate("""(el) => {
        const lines = [];
        let lastTop = null;
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (let index = 0; index < node.length; index += 1) {
                const range = document.createRange();
                range.setStart(node, index);
                range.setEnd(node, index + 1);
                const box = range.getBoundingClientRect();
                if (!box.width) continue;  // a collapsed space
                if (lastTop === null || box.top > lastTop + box.height / 2) lines.push("");
                lastTop = box.top;
                lines[lines.length - 1] += node.data[index];
            }
        }
        return lines;
    }""")


def test_the_shortlist_buttons_break_between_words_not_inside_them(open_page, busy_fair):
    # "标记意向" read as "标记意 / 向" (one character a line on a portrait tablet) is hard to read at a glance.
    page = open_page("/employer", busy_fair.employer_token, PORTRAIT_TABLET_SIZE)
    page.click(".tab[data-tab=shortlist]")
    page.wait_for_selector("#shortlist tbody tr[data-seeker-id] button.mark")
    screenshot(page, "employer-shortlist-buttons-768x1024")
    buttons = page.locator("#shortlist button.mark")
    labels = [lines_of(buttons.nth(index)) for index in range(buttons.count())]
    assert ["标记意向"] in labels and any("已标记" in "".join(lines) for lines in labels)
    for lines in labels:
        for word in ("标记意向", "已标记", "点此取消"):
            assert word not in "".join(lines) or any(word in line for line in lines), lines
