"""The organizer sees, per booth, how many seekers wait for its answer, and can put the booths leaving the
most seekers waiting first: the ones to walk to."""
import pytest

from tests.browser.conftest import TABLET_SIZE, expect

pytestmark = pytest.mark.browser


def test_the_dashboard_shows_the_seekers_a_booth_leaves_waiting(open_page, fair):
    dashboard = open_page("/dashboard", fair.org_token, TABLET_SIZE)
    rows = dashboard.locator("#employers tbody tr")
    factory = rows.filter(has_text="重庆长安焊装有限公司")
    restaurant = rows.filter(has_text="山城火锅餐饮")
    expect(factory.locator("td").nth(3)).to_have_text("0")
    expect(dashboard.locator("#employers .badge-waiting")).to_have_count(0)

    # Two seekers mark the restaurant's cook, one of them the factory's welder too; the factory answers its one.
    seekers = [fair.kiosk("POST", f"{fair.base}/seekers", 201, json={"name": name, "phone": phone, "consent": True})
               for name, phone in [("王小明", "13912345678"), ("陈刚", "15823456789")]]
    for seeker in seekers:
        fair.kiosk("PUT", f"/api/v1/postings/{fair.cook['id']}/intents/{seeker['id']}", 200)
    fair.kiosk("PUT", f"/api/v1/postings/{fair.welder['id']}/intents/{seekers[0]['id']}", 200)
    fair.emp("PUT", f"/api/v1/postings/{fair.welder['id']}/intents/{seekers[0]['id']}", 200)

    dashboard.reload()  # rather than wait for the next refresh
    expect(restaurant.locator(".badge-waiting")).to_have_text("2")
    expect(factory.locator("td").nth(3)).to_have_text("0")
    expect(factory.locator(".badge-waiting")).to_have_count(0)
    expect(rows.first).to_contain_text("重庆长安焊装有限公司")  # the API's order: most agreements first

    dashboard.click("#employer-sort [data-sort=awaiting_employer]")
    expect(rows.first).to_contain_text("山城火锅餐饮")
    expect(dashboard.locator("#employers-title")).to_have_text("待回复最多的企业")
    expect(dashboard.locator("#employer-sort [data-sort=awaiting_employer]")).to_have_attribute("aria-pressed", "true")
    dashboard.click("#lang-switch")
    expect(dashboard.locator("#employers-title")).to_have_text("Employers leaving the most seekers waiting")
    expect(dashboard.locator("#employers th").nth(3)).to_have_text("Awaiting reply")

    dashboard.reload()  # the choice stays on this device
    expect(rows.first).to_contain_text("山城火锅餐饮")
    dashboard.click("#employer-sort [data-sort=agreements]")
    expect(rows.first).to_contain_text("重庆长安焊装有限公司")
