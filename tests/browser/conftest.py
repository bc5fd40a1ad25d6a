"""Browser tests: real headless Chromium (Playwright) against a live fairmatch server.

The server runs in a background thread on a free port over a temp SQLite file;
the test seeds the fair through the same app's test client. Without Chromium
the tests skip, unless ``FAIRMATCH_REQUIRE_BROWSER=1`` (CI), where they fail.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from werkzeug.serving import make_server

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture then skips (or fails when a browser is required)
    expect = None

from service import create_app, domain
from service.context import close_resources, get_store, now

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
KIOSK_SIZE = {"width": 1080, "height": 1920}
TABLET_SIZE = {"width": 1280, "height": 800}
PORTRAIT_TABLET_SIZE = {"width": 768, "height": 1024}
PHONE_SIZE = {"width": 390, "height": 844}

WELDER = {"title": "电焊工", "description": "负责钢结构焊接，持焊工证优先", "skills": ["电焊", "氩弧焊"],
          "headcount": 3, "education_min": "junior_high", "experience_min_years": 1,
          "salary_min": 6000, "salary_max": 9000, "location": "两江新区"}
COOK = {"title": "川菜厨师", "skills": ["川菜", "炒锅"], "headcount": 2, "salary_min": 5000, "salary_max": 7000,
        "location": "渝中区"}
CASHIER = {"title": "超市收银员", "skills": ["收银"], "headcount": 4, "salary_min": 4000, "salary_max": 5000,
           "location": "江北区", "job_type": "part_time"}


def _require_browser() -> bool:
    return os.environ.get("FAIRMATCH_REQUIRE_BROWSER") == "1"


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if _require_browser():
            pytest.fail("FAIRMATCH_REQUIRE_BROWSER=1 but playwright is not installed")
        pytest.skip("playwright is not installed")
    if not os.path.exists(CHROMIUM):
        if _require_browser():
            pytest.fail(f"FAIRMATCH_REQUIRE_BROWSER=1 but {CHROMIUM} is missing")
        pytest.skip(f"{CHROMIUM} is missing")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class LiveServer:
    """The app served over HTTP from a background thread."""

    def __init__(self, app):
        self.app = app
        self._server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._thread.join()


@pytest.fixture
def live(sqlite_url):
    """A live server on a fresh SQLite store."""
    app = create_app({"TESTING": True, "STORE_URL": sqlite_url})
    with LiveServer(app) as server:
        yield server
    close_resources(app)


class Api:
    """Calls the live app's API with one token, through its test client."""

    def __init__(self, app, token):
        self.client, self.token = app.test_client(), token

    def __call__(self, method, path, status=None, **kwargs):
        response = self.client.open(path, method=method, headers={"Authorization": f"Bearer {self.token}"}, **kwargs)
        if status is not None:
            assert response.status_code == status, (path, response.get_json())
        return response.get_json()


@pytest.fixture
def fair(live):
    """A fair with an organizer, two employers (three postings), a kiosk; tokens and records."""
    app = live.app
    with app.app_context():
        _, org_token = domain.create_organizer(get_store(), "春风行动组委会", secret_key=app.config["SECRET_KEY"],
                                               now=now())
    org = Api(app, org_token)
    record = org("POST", "/api/v1/fairs", 201, json={"name": "2026 春风行动·两江新区专场招聘会", "date": "2026-03-07",
                                                      "city": "重庆", "district": "渝北区"})
    base = f"/api/v1/fairs/{record['id']}"
    factory = org("POST", f"{base}/employers", 201, json={"name": "重庆长安焊装有限公司", "contact_name": "李经理"})
    restaurant = org("POST", f"{base}/employers", 201, json={"name": "山城火锅餐饮"})
    kiosk = org("POST", f"{base}/kiosks", 201, json={"label": "A区1号台"})
    emp, emp2, kiosk_api = Api(app, factory["token"]), Api(app, restaurant["token"]), Api(app, kiosk["token"])
    welder = emp("POST", f"{base}/postings", 201, json=WELDER)
    cook = emp2("POST", f"{base}/postings", 201, json=COOK)
    cashier = emp2("POST", f"{base}/postings", 201, json=CASHIER)
    return SimpleNamespace(
        id=record["id"], record=record, base=base, live=live,
        org=org, emp=emp, emp2=emp2, kiosk=kiosk_api,
        org_token=org_token, employer_token=factory["token"], kiosk_token=kiosk["token"],
        employer=factory, welder=welder, cook=cook, cashier=cashier,
    )


@pytest.fixture
def open_page(browser, live):
    """Open one of the pages in a fresh browser context at a size, its token already entered."""
    contexts = []

    def opener(path, token, size=TABLET_SIZE, **context_options):
        context = browser.new_context(viewport=size, accept_downloads=True, **context_options)
        contexts.append(context)
        page = context.new_page()
        page.goto(live.url + path)
        page.fill("#token-input", token)
        page.click("#token-form button[type=submit]")
        page.wait_for_selector("#app:not([hidden])")
        return page

    yield opener
    for context in contexts:
        context.close()


SEEKER_PHONE = "13912345678"


def fill_kiosk_form(page, *, name="王小明", phone=SEEKER_PHONE):
    """The welder's sign-up at a kiosk, up to (not including) consent and submitting."""
    page.fill("#start-phone", phone)
    page.click("#phone-form button[type=submit]")
    page.wait_for_selector("#form-screen:not([hidden])")
    page.fill("#seeker-form [name=name]", name)
    page.fill("#seeker-form [name=desired_titles]", "焊工")
    page.fill("#seeker-form [name=skills]", "电焊、氩弧焊")
    page.select_option("#seeker-form [name=education]", "high_school")
    page.fill("#seeker-form [name=experience_years]", "4")
    page.fill("#seeker-form [name=salary_expectation]", "7000")
    page.fill("#seeker-form [name=locations]", "两江新区")
    page.fill("#seeker-form [name=resume_text]", "做过四年钢结构电焊，有焊工证。")


def rec_card(page, posting_id):
    """The kiosk's recommendation card of a posting."""
    return page.locator(f"#recommendations li[data-posting-id='{posting_id}']")


def double_tap(page, selector):
    """Two taps on a button before the page has answered the first (one task, as a quick finger does)."""
    page.evaluate("(selector) => { const button = document.querySelector(selector); button.click(); button.click(); }",
                  selector)


def count_handled_answers(page):
    """From now on ``window.handledAnswers`` counts the API answers the page has fully handled
    (their awaits ran before the task after them)."""
    page.evaluate("""() => {
        window.handledAnswers = 0;
        const text = Response.prototype.text;
        Response.prototype.text = function () {
            return text.call(this).then((body) => { setTimeout(() => { window.handledAnswers += 1; }); return body; });
        };
    }""")


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot as an artifact (not committed) and return its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
