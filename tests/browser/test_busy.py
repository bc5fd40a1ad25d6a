"""The pages through a store outage: a 503 reads as "busy, try again", and what is safe to repeat is.

The outage is real: another connection holds the SQLite file's write lock, so
the live server's writes give up after a short busy timeout and answer 503.
"""

import pytest

from tests.browser.conftest import KIOSK_SIZE, TABLET_SIZE, expect
from tests.sqlite_locks import write_lock_held

pytestmark = pytest.mark.browser

BUSY_ZH = "系统繁忙，请稍后重试。"
BUSY_EN = "The service is busy, please try again."


@pytest.fixture
def busy_fair(short_busy_timeout, fair):
    """The fair, on a server that asks clients to retry after 1 s."""
    fair.live.app.config["RETRY_AFTER_SECONDS"] = 1
    return fair


def requests_to(page, method, suffix):
    """The answers' statuses of the page's ``method`` requests to URLs ending in ``suffix``, as they come."""
    statuses = []
    page.on("response", lambda response: statuses.append(response.status)
            if response.request.method == method and response.url.endswith(suffix) else None)
    return statuses


def fill_in(page, phone="13912345670"):
    page.fill("#start-phone", phone)
    page.click("#phone-form button[type=submit]")
    page.wait_for_selector("#form-screen:not([hidden])")
    page.fill("#seeker-form [name=name]", "王小明")
    page.fill("#seeker-form [name=desired_titles]", "焊工")
    page.check("#seeker-form [name=consent]")


def test_the_kiosk_says_the_service_is_busy_when_it_stays_busy(busy_fair, open_page, sqlite_url):
    kiosk = open_page("/kiosk", busy_fair.kiosk_token, KIOSK_SIZE)
    fill_in(kiosk)
    submissions = requests_to(kiosk, "POST", "/seekers")
    with write_lock_held(sqlite_url):
        kiosk.click("#submit-seeker")
        expect(kiosk.locator("#form-error")).to_have_text(BUSY_ZH, timeout=15_000)
        # A submission with a phone is safe to repeat: the first try and two more, each 1 s apart.
        assert submissions == [503, 503, 503]
        expect(kiosk.locator("#submit-seeker")).to_be_enabled()
        kiosk.click("#lang-switch")
        expect(kiosk.locator("#form-error")).to_have_text(BUSY_EN)
    kiosk.click("#submit-seeker")  # the person tries again once the service is back: what was typed is there
    kiosk.wait_for_selector("#result-screen:not([hidden])")
    assert submissions[3:] == [201]


def test_the_kiosk_rides_out_a_short_outage_without_a_word(busy_fair, open_page, sqlite_url):
    kiosk = open_page("/kiosk", busy_fair.kiosk_token, KIOSK_SIZE)
    fill_in(kiosk)
    submissions = requests_to(kiosk, "POST", "/seekers")
    with write_lock_held(sqlite_url):
        with kiosk.expect_response(lambda response: response.url.endswith("/seekers")) as first:
            kiosk.click("#submit-seeker")
        assert first.value.status == 503
    # The lock is gone before the page's retry (1 s later): it goes through.
    kiosk.wait_for_selector("#result-screen:not([hidden])")
    assert submissions == [503, 201]
    expect(kiosk.locator("#form-error")).to_be_hidden()
    expect(kiosk.locator("#global-error")).to_be_hidden()


def test_the_booth_does_not_repeat_a_change_it_cannot_know_is_safe(busy_fair, open_page, sqlite_url):
    booth = open_page("/employer", busy_fair.employer_token, TABLET_SIZE)
    close = booth.locator(f"li[data-posting-id='{busy_fair.welder['id']}'] button.btn-danger")
    changes = requests_to(booth, "PATCH", f"/postings/{busy_fair.welder['id']}")
    with write_lock_held(sqlite_url):
        close.click()
        expect(booth.locator("#global-error")).to_have_text(BUSY_ZH)
        booth.wait_for_timeout(1500)  # past the Retry-After: a PATCH is not sent again
    assert changes == [503]
    assert busy_fair.emp("GET", f"/api/v1/postings/{busy_fair.welder['id']}")["status"] == "open"
