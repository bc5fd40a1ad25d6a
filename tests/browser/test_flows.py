"""The three pages' main flows in headless Chromium against a live server."""
import io
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from tests.browser.conftest import (
    KIOSK_SIZE, PHONE_SIZE, PORTRAIT_TABLET_SIZE, SEEKER_PHONE, TABLET_SIZE, count_handled_answers, double_tap, expect,
    fill_kiosk_form, rec_card, screenshot,
)

pytestmark = pytest.mark.browser


def test_seeker_marks_interest_employer_agrees_exports_and_dashboard_counts(open_page, fair):
    # Kiosk: the seeker signs up, sees the welder job first, and marks interest.
    kiosk = open_page("/kiosk", fair.kiosk_token, KIOSK_SIZE)
    expect(kiosk.locator("#fair-name")).to_contain_text("春风行动")
    fill_kiosk_form(kiosk)
    kiosk.click("#submit-seeker")
    kiosk.wait_for_selector("#form-error:not([hidden])")  # consent is required first
    assert kiosk.locator("[data-field=consent].invalid").count() == 1
    kiosk.check("#seeker-form [name=consent]")
    expect(kiosk.locator("#form-error")).to_be_hidden()  # fixed: no stale "check the fields" line
    screenshot(kiosk, "kiosk-form-1080x1920")
    kiosk.click("#submit-seeker")
    kiosk.wait_for_selector("#result-screen:not([hidden])")
    assert kiosk.inner_text("#confirm-title") == "登记成功！"
    card = rec_card(kiosk, fair.welder["id"])
    card.wait_for()
    assert kiosk.locator("#recommendations li").first.get_attribute("data-posting-id") == str(fair.welder["id"])
    assert "重庆长安焊装有限公司" in card.inner_text()
    assert card.locator(".reasons li").count() >= 1
    card.locator("button.interest").click()
    card.locator("button.interest[aria-pressed=true]").wait_for()
    assert "已感兴趣" in card.locator("button.interest").inner_text()
    screenshot(kiosk, "kiosk-results-1080x1920")

    # Employer: the candidate is on the welder shortlist, masked, with the seeker's interest shown.
    booth = open_page("/employer", fair.employer_token, TABLET_SIZE)
    booth.locator(f"#postings li[data-posting-id='{fair.welder['id']}'] button.btn-primary").click()
    row = booth.locator("#shortlist tbody tr").filter(has_text="王**")
    row.wait_for()
    assert "139****5678" in row.inner_text()
    assert "13912345678" not in booth.inner_text("#shortlist")
    assert "求职者感兴趣" in row.inner_text()
    row.locator("button.mark").click()
    revealed = booth.locator("#shortlist tbody tr").filter(has_text="13912345678")
    revealed.wait_for()
    assert "王小明" in revealed.inner_text() and "已达成意向" in revealed.inner_text()

    with booth.expect_download() as download_info:
        booth.click("#shortlist-csv")
    content = Path(download_info.value.path()).read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")
    text = content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("排名,匹配度") and "\r\n" in text
    assert "王小明" in text and "13912345678" in text
    assert download_info.value.suggested_filename.endswith(".csv")

    booth.click(".tab[data-tab=agreements]")
    booth.locator("#agreements tbody tr").filter(has_text="王小明").wait_for()
    assert "13912345678" in booth.inner_text("#agreements")
    with booth.expect_download() as download_info:
        booth.click("#agreements-xlsx")
    sheet = load_workbook(io.BytesIO(Path(download_info.value.path()).read_bytes())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:6] == ("达成时间", "职位", "企业", "展位", "姓名", "手机号")
    assert rows[1][1:6] == ("电焊工", "重庆长安焊装有限公司", None, "王小明", "13912345678")

    # Dashboard: the agreement is counted and attributed to the employer.
    dashboard = open_page("/dashboard", fair.org_token, TABLET_SIZE)
    dashboard.wait_for_function("document.querySelector('[data-stat=agreements] strong').textContent === '1'")
    assert dashboard.inner_text("[data-stat=seekers] strong") == "1"
    assert dashboard.inner_text("[data-stat=seekers_with_agreement] strong") == "1"
    assert dashboard.inner_text("[data-stat=positions] strong") == "9"
    top = dashboard.locator("#employers tbody tr").first
    assert "重庆长安焊装有限公司" in top.inner_text() and top.locator("td").nth(2).inner_text() == "1"
    assert dashboard.locator("#hour-chart svg rect.bar-agreements").count() >= 1
    # The welder job has an interested seeker now; the two restaurant jobs have none.
    assert dashboard.locator("#without-interest li").count() == 2
    assert "电焊工" not in dashboard.inner_text("#without-interest")


def test_english_switch_translates_the_kiosk_and_the_next_person_gets_chinese(open_page, fair):
    kiosk = open_page("/kiosk", fair.kiosk_token, KIOSK_SIZE)
    kiosk.click("#lang-switch")
    assert kiosk.inner_text("#welcome-screen h2") == "Welcome to the job fair"
    assert kiosk.get_attribute("html", "lang") == "en"
    assert kiosk.inner_text("#lang-switch") == "中文"
    fill_kiosk_form(kiosk, name="Emily Zhao")
    assert "I agree to share" in kiosk.inner_text("#seeker-form .consent")
    assert kiosk.get_attribute("#seeker-form [name=skills]", "placeholder").startswith("e.g.")
    kiosk.check("#seeker-form [name=consent]")
    kiosk.click("#submit-seeker")
    kiosk.wait_for_selector("#recommendations li.rec")
    assert kiosk.inner_text("#confirm-title") == "You are signed up!"
    card = rec_card(kiosk, fair.welder["id"])
    assert card.locator("button.interest").inner_text() == "I'm interested"
    assert not any("\u4e00" <= char <= "\u9fff" for char in card.locator(".reasons h4").inner_text())
    screenshot(kiosk, "kiosk-english-1080x1920")
    kiosk.click("#done")
    kiosk.wait_for_selector("#welcome-screen:not([hidden])")
    assert kiosk.inner_text("#welcome-screen h2") == "欢迎参加招聘会"


def test_a_known_phone_resumes_the_profile_without_a_duplicate(open_page, fair):
    seeker = fair.kiosk("POST", f"{fair.base}/seekers", 201, json={
        "name": "李娟", "phone": "13698765432", "consent": True, "desired_titles": ["厨师"], "skills": ["川菜"],
        "salary_expectation": 6000, "resume_text": "川菜馆六年"})
    kiosk = open_page("/kiosk", fair.kiosk_token, TABLET_SIZE)
    kiosk.fill("#start-phone", "13698765432")
    kiosk.click("#phone-form button[type=submit]")
    kiosk.wait_for_selector("#form-screen:not([hidden])")
    assert "欢迎回来" in kiosk.inner_text("#profile-note")
    assert kiosk.input_value("#seeker-form [name=name]") == "李娟"
    assert kiosk.input_value("#seeker-form [name=skills]") == "川菜"
    assert kiosk.is_checked("#seeker-form [name=consent]")
    kiosk.fill("#seeker-form [name=salary_expectation]", "6500")
    kiosk.click("#submit-seeker")
    kiosk.wait_for_selector("#result-screen:not([hidden])")
    assert kiosk.inner_text("#confirm-title") == "资料已更新！"
    expect(rec_card(kiosk, fair.cook["id"])).to_have_count(1)
    assert fair.kiosk("GET", f"/api/v1/seekers/{seeker['id']}", 200)["salary_expectation"] == 6500
    assert fair.org("GET", f"{fair.base}/stats", 200)["seekers"] == 1


def test_the_kiosk_warns_then_clears_itself_when_left_alone(open_page, fair):
    fair.live.app.config["KIOSK_IDLE_SECONDS"] = 3
    kiosk = open_page("/kiosk", fair.kiosk_token, KIOSK_SIZE)
    fill_kiosk_form(kiosk)
    kiosk.wait_for_selector("#idle-overlay:not([hidden])")
    assert int(kiosk.inner_text("#idle-seconds")) <= 3
    kiosk.wait_for_selector("#welcome-screen:not([hidden])")
    assert kiosk.input_value("#start-phone") == ""
    assert kiosk.input_value("#seeker-form [name=name]") == ""
    assert kiosk.is_hidden("#idle-overlay")


def test_employer_creates_edits_closes_and_bulk_uploads_postings(open_page, fair):
    booth = open_page("/employer", fair.employer_token, TABLET_SIZE)
    booth.click("#new-posting")
    booth.fill("#posting-form [name=title]", "数控车床操作工")
    booth.fill("#posting-form [name=skills]", "数控车床，看图纸")
    booth.fill("#posting-form [name=salary_min]", "7000")
    booth.fill("#posting-form [name=salary_max]", "6000")
    booth.click("#posting-save")
    booth.wait_for_selector("#posting-error:not([hidden])")  # the server's range check, shown on the field
    assert booth.locator("[data-field=salary_max] .field-msg").count() == 1
    booth.fill("#posting-form [name=salary_max]", "9000")
    booth.click("#posting-save")
    card = booth.locator("#postings li").filter(has_text="数控车床操作工")
    card.wait_for()
    posting_id = card.get_attribute("data-posting-id")

    card.locator("button", has_text="编辑").click()
    assert booth.input_value("#posting-form [name=salary_min]") == "7000"
    booth.fill("#posting-form [name=headcount]", "6")
    booth.click("#posting-save")
    booth.locator("#postings li").filter(has_text="招聘人数 6").wait_for()
    booth.locator(f"#postings li[data-posting-id='{posting_id}'] button", has_text="关闭职位").click()
    booth.locator(f"#postings li[data-posting-id='{posting_id}'] .badge-closed").wait_for()
    stored = fair.emp("GET", f"/api/v1/postings/{posting_id}", 200)
    assert (stored["headcount"], stored["status"], stored["skills"]) == (6, "closed", ["数控车床", "看图纸"])

    booth.click(".tab[data-tab=import]")
    with booth.expect_download() as download_info:
        booth.click("#download-template")
    template = load_workbook(io.BytesIO(Path(download_info.value.path()).read_bytes()))
    assert template.sheetnames[0] == "职位"
    bad = "职位名称,招聘人数,最低学历\r\n仓管员,2,高中\r\n,1,\r\n"
    booth.set_input_files("#import-file", {"name": "职位.csv", "mimeType": "text/csv",
                                           "buffer": ("\ufeff" + bad).encode("utf-8")})
    booth.click("#import-form button[type=submit]")
    booth.wait_for_selector("#import-errors")
    assert booth.locator("#import-errors tbody tr td").first.inner_text() == "3"
    assert "仓管员" not in booth.inner_text("#postings")
    good = "职位名称,招聘人数,最低学历\r\n仓管员,2,高中\r\n包装工,8,初中\r\n"
    booth.set_input_files("#import-file", {"name": "职位.csv", "mimeType": "text/csv", "buffer": good.encode("gbk")})
    booth.click("#import-form button[type=submit]")
    booth.wait_for_selector("#import-result .banner-ok")
    assert booth.inner_text("#import-result").endswith("2")
    booth.click(".tab[data-tab=postings]")
    expect(booth.locator("#postings li").filter(has_text="包装工")).to_have_count(1)


def test_dashboard_refreshes_on_its_own_and_speaks_english(open_page, fair):
    fair.live.app.config["DASHBOARD_REFRESH_SECONDS"] = 1
    dashboard = open_page("/dashboard", fair.org_token, TABLET_SIZE)
    dashboard.wait_for_function("document.querySelector('[data-stat=positions] strong').textContent === '9'")
    assert dashboard.inner_text("[data-stat=agreements] strong") == "0"
    seeker = fair.kiosk("POST", f"{fair.base}/seekers", 201, json={
        "name": "陈刚", "phone": "15823456789", "consent": True, "desired_titles": ["焊工"]})
    fair.kiosk("PUT", f"/api/v1/postings/{fair.welder['id']}/intents/{seeker['id']}", 200)
    fair.emp("PUT", f"/api/v1/postings/{fair.welder['id']}/intents/{seeker['id']}", 200)
    dashboard.wait_for_function("document.querySelector('[data-stat=agreements] strong').textContent === '1'")
    welders = dashboard.locator("#occupations tbody tr").filter(has_text="焊")
    assert welders.locator("td").nth(3).inner_text() == "3.00"  # 3 positions for 1 seeker
    with dashboard.expect_download() as download_info:
        dashboard.click("#stats-xlsx")
    workbook = load_workbook(io.BytesIO(Path(download_info.value.path()).read_bytes()))
    assert workbook.sheetnames == ["汇总", "按职业", "按企业", "按小时"]
    with dashboard.expect_download() as download_info:
        dashboard.click("#stats-csv")
    assert Path(download_info.value.path()).read_bytes().startswith(b"\xef\xbb\xbf")
    dashboard.click("#lang-switch")
    assert dashboard.inner_text("h1 [data-i18n]") == "Job fair live dashboard"
    assert dashboard.inner_text("[data-stat=agreements] span") == "Agreements"


def test_the_dashboard_tells_the_time_of_its_figures_in_the_fairs_zone(open_page, fair):
    # A tablet set to New York still reads the fair's clock, as the hourly chart does.
    dashboard = open_page("/dashboard", fair.org_token, TABLET_SIZE, timezone_id="America/New_York")
    dashboard.wait_for_function("/^\\d\\d:\\d\\d/.test(document.getElementById('updated-at').textContent)")
    zone = ZoneInfo(fair.live.app.config["TIMEZONE"])
    hours = {(datetime.now(zone) - timedelta(minutes=minutes)).strftime("%H") for minutes in (0, 1)}
    assert dashboard.inner_text("#updated-at")[:2] in hours


def submit_seventy_years_of_experience(kiosk):
    """The kiosk form filled in and submitted with 70 years of experience, which it refuses."""
    fill_kiosk_form(kiosk)
    kiosk.fill("#seeker-form [name=experience_years]", "70")
    kiosk.check("#seeker-form [name=consent]")
    kiosk.click("#submit-seeker")
    kiosk.wait_for_selector("[data-field=experience_years] .field-msg")


def submit_a_pay_range_upside_down(open_page, fair, size):
    """The booth at ``size``, its new-posting dialog saved with the top of the pay below the bottom."""
    booth = open_page("/employer", fair.employer_token, size)
    booth.click("#new-posting")
    booth.fill("#posting-form [name=title]", "叉车司机")
    booth.fill("#posting-form [name=salary_min]", "7000")
    booth.fill("#posting-form [name=salary_max]", "6000")
    booth.click("#posting-save")
    booth.wait_for_selector("[data-field=salary_max] .field-msg")
    return booth


def test_the_apis_field_errors_are_shown_in_the_pages_language(open_page, fair):
    # The API's validation messages are English; a Chinese page shows them in Chinese, by the field.
    booth = submit_a_pay_range_upside_down(open_page, fair, TABLET_SIZE)
    assert booth.is_visible("#posting-error")
    assert booth.inner_text("[data-field=salary_max] .field-msg") == "不能低于最低月薪"
    booth.fill("#posting-form [name=salary_max]", "9000")
    booth.fill("#posting-form [name=headcount]", "0")
    booth.click("#posting-save")
    booth.wait_for_selector("[data-field=headcount] .field-msg")
    assert booth.inner_text("[data-field=headcount] .field-msg") == "请输入 1 到 10000 之间的整数"

    kiosk = open_page("/kiosk", fair.kiosk_token, TABLET_SIZE)
    submit_seventy_years_of_experience(kiosk)
    assert kiosk.inner_text("[data-field=experience_years] .field-msg") == "请输入 0 到 60 之间的整数"
    assert kiosk.input_value("#seeker-form [name=name]") == "王小明"  # nothing typed is lost
    kiosk.click("#lang-switch")
    assert kiosk.inner_text("[data-field=experience_years] .field-msg") == "Enter a whole number from 0 to 60"


def test_the_kiosks_own_field_errors_follow_the_language_switch(open_page, fair):
    kiosk = open_page("/kiosk", fair.kiosk_token, TABLET_SIZE)
    fill_kiosk_form(kiosk)
    kiosk.click("#submit-seeker")  # no consent yet
    kiosk.wait_for_selector("#form-error:not([hidden])")
    assert kiosk.inner_text("[data-field=consent] .field-msg") == "需要您同意后才能提交"
    kiosk.click("#lang-switch")  # the seeker reads English
    assert kiosk.inner_text("[data-field=consent] .field-msg") == "Your consent is needed to submit"
    assert kiosk.inner_text("#form-error") == "Please check the highlighted fields."


def test_focus_stays_on_the_interest_button_after_a_mark(open_page, fair):
    # The list is drawn again after each mark; a keyboard or screen-reader user stays where they were.
    seeker = fair.kiosk("POST", f"{fair.base}/seekers", 201, json={
        "name": "陈刚", "phone": "15823456789", "consent": True, "desired_titles": ["焊工"]})
    kiosk = open_page("/kiosk", fair.kiosk_token, TABLET_SIZE)
    kiosk.fill("#start-phone", "15823456789")
    kiosk.click("#phone-form button[type=submit]")
    kiosk.wait_for_selector("#form-screen:not([hidden])")
    kiosk.click("#submit-seeker")
    card = rec_card(kiosk, fair.welder["id"])
    card.locator("button.interest").focus()
    kiosk.keyboard.press("Enter")
    card.locator("button.interest[aria-pressed=true]").wait_for()
    expect(card.locator("button.interest")).to_be_focused()

    booth = open_page("/employer", fair.employer_token, TABLET_SIZE)
    booth.locator(f"#postings li[data-posting-id='{fair.welder['id']}'] button.btn-primary").click()
    row = booth.locator(f"#shortlist tbody tr[data-seeker-id='{seeker['id']}']")
    row.locator("button.mark").focus()
    booth.keyboard.press("Enter")
    row.locator("button.mark[aria-pressed=true]").wait_for()
    expect(row.locator("button.mark")).to_be_focused()


def test_an_api_error_is_reported_in_the_pages_language(open_page, fair):
    # The employer takes a posting down while a seeker is reading it at the kiosk.
    kiosk = open_page("/kiosk", fair.kiosk_token, TABLET_SIZE)
    fill_kiosk_form(kiosk)
    kiosk.check("#seeker-form [name=consent]")
    kiosk.click("#submit-seeker")
    card = rec_card(kiosk, fair.welder["id"])
    card.wait_for()
    deleted = fair.emp.client.delete(f"/api/v1/postings/{fair.welder['id']}",
                                     headers={"Authorization": f"Bearer {fair.employer_token}"})
    assert deleted.status_code == 204
    card.locator("button.interest").click()
    kiosk.wait_for_selector("#global-error:not([hidden])")
    assert kiosk.inner_text("#global-error") == "找不到这条记录，可能已被删除。请刷新后再试。"
    kiosk.click("#lang-switch")
    assert kiosk.inner_text("#global-error") == "Not found; it may have been deleted. Please reload and try again."


def test_a_double_tap_on_save_or_upload_creates_the_postings_once(open_page, fair):
    booth = open_page("/employer", fair.employer_token, TABLET_SIZE)
    booth.click("#new-posting")
    booth.fill("#posting-form [name=title]", "叉车司机")
    double_tap(booth, "#posting-save")
    booth.locator("#postings li").filter(has_text="叉车司机").first.wait_for()
    booth.click(".tab[data-tab=import]")
    good = "职位名称,招聘人数\r\n仓管员,2\r\n"
    booth.set_input_files("#import-file", {"name": "职位.csv", "mimeType": "text/csv", "buffer": good.encode("utf-8")})
    double_tap(booth, "#import-form button[type=submit]")
    booth.wait_for_selector("#import-result .banner-ok")
    booth.click(".tab[data-tab=postings]")
    booth.locator("#postings li").filter(has_text="仓管员").first.wait_for()
    postings = fair.emp("GET", f"{fair.base}/postings?employer_id={fair.employer['id']}", 200)["items"]
    titles = [posting["title"] for posting in postings]
    assert sorted(titles) == ["仓管员", "叉车司机", "电焊工"]


def test_a_save_or_upload_whose_answer_was_lost_is_not_created_twice_when_tried_again(open_page, fair):
    booth = open_page("/employer", fair.employer_token, TABLET_SIZE)
    sent_keys = []

    def lose_the_answer(route):
        if route.request.method != "POST":
            route.continue_()
            return
        sent_keys.append(route.request.header_value("idempotency-key"))
        route.fetch()  # the server carries the request out...
        route.abort()  # ...and the venue's network drops its answer

    def creations(url):
        return f"/fairs/{fair.id}/postings" in url

    def try_twice(button, created_banner):
        booth.route(creations, lose_the_answer)
        booth.click(button)
        booth.wait_for_selector("#posting-error:not([hidden]), #import-result .banner-error")
        booth.unroute(creations, lose_the_answer)
        with booth.expect_request(lambda request: request.method == "POST") as retry:
            booth.click(button)
        sent_keys.append(retry.value.header_value("idempotency-key"))
        booth.wait_for_selector(created_banner)

    booth.click("#new-posting")
    booth.fill("#posting-form [name=title]", "叉车司机")
    try_twice("#posting-save", "#postings li:has-text('叉车司机')")
    booth.click(".tab[data-tab=import]")
    table = "职位名称,招聘人数\r\n仓管员,2\r\n"
    booth.set_input_files("#import-file", {"name": "职位.csv", "mimeType": "text/csv", "buffer": table.encode("utf-8")})
    try_twice("#import-form button[type=submit]", "#import-result .banner-ok")
    posting_key, posting_retry, import_key, import_retry = sent_keys
    assert posting_key and posting_key == posting_retry and import_key == import_retry != posting_key
    postings = fair.emp("GET", f"{fair.base}/postings?employer_id={fair.employer['id']}", 200)["items"]
    assert sorted(posting["title"] for posting in postings) == ["仓管员", "叉车司机", "电焊工"]


def test_a_double_tap_on_next_keeps_what_the_volunteer_types(open_page, fair):
    kiosk = open_page("/kiosk", fair.kiosk_token, TABLET_SIZE)
    lookups = []
    kiosk.on("request", lambda request: request.url.endswith("/seekers/lookup") and lookups.append(request.url))
    kiosk.fill("#start-phone", SEEKER_PHONE)
    double_tap(kiosk, "#phone-form button[type=submit]")
    kiosk.wait_for_selector("#form-screen:not([hidden])")
    assert len(lookups) == 1  # a second answer would reset the form under the volunteer's fingers


def test_focus_moves_to_each_new_screen_and_dialog_has_a_name(open_page, fair):
    # After a submit the form is hidden; the focus goes to the confirmation, not back to the page's top.
    kiosk = open_page("/kiosk", fair.kiosk_token, TABLET_SIZE)
    fill_kiosk_form(kiosk)
    kiosk.check("#seeker-form [name=consent]")
    kiosk.click("#submit-seeker")
    kiosk.wait_for_selector("#result-screen:not([hidden])")
    expect(kiosk.locator("#confirm-title")).to_be_focused()

    booth = open_page("/employer", fair.employer_token, TABLET_SIZE)
    booth.click("#new-posting")
    expect(booth.get_by_role("dialog", name="发布职位", exact=True)).to_be_visible()


def test_a_slow_shortlist_answer_does_not_replace_the_posting_picked_since(open_page, fair):
    fair.kiosk("POST", f"{fair.base}/seekers", 201, json={
        "name": "李娟", "phone": "13698765432", "consent": True, "desired_titles": ["收银员", "厨师"]})
    booth = open_page("/employer", fair.emp2.token, TABLET_SIZE)
    booth.locator(f"#postings li[data-posting-id='{fair.cook['id']}']").wait_for()
    count_handled_answers(booth)
    held = []
    cook_shortlist = f"**/api/v1/postings/{fair.cook['id']}/shortlist?*"
    booth.route(cook_shortlist, lambda route: held.append(route))
    booth.locator(f"#postings li[data-posting-id='{fair.cook['id']}'] button.btn-primary").click()  # slow to answer
    booth.wait_for_function("document.querySelector('#shortlist-posting').value !== ''")
    booth.select_option("#shortlist-posting", str(fair.cashier["id"]))  # the HR person picks another meanwhile
    booth.locator("#shortlist tbody tr[data-seeker-id]").wait_for()
    handled = booth.evaluate("window.handledAnswers")
    held[0].continue_()
    booth.wait_for_function(f"window.handledAnswers > {handled}")
    assert booth.input_value("#shortlist-posting") == str(fair.cashier["id"])
    assert booth.locator("#shortlist tbody tr[data-seeker-id]").count() == 1


def test_a_mark_stays_shown_when_the_shortlist_cannot_be_reloaded(open_page, fair):
    seeker = fair.kiosk("POST", f"{fair.base}/seekers", 201, json={
        "name": "陈刚", "phone": "15823456789", "consent": True, "desired_titles": ["焊工"]})
    # The seeker said yes already: the booth's mark makes an agreement, whose contact needs a reload.
    fair.kiosk("PUT", f"/api/v1/postings/{fair.welder['id']}/intents/{seeker['id']}", 200)
    booth = open_page("/employer", fair.employer_token, TABLET_SIZE)
    booth.locator(f"#postings li[data-posting-id='{fair.welder['id']}'] button.btn-primary").click()
    row = booth.locator(f"#shortlist tbody tr[data-seeker-id='{seeker['id']}']")
    row.wait_for()
    booth.route("**/shortlist?*", lambda route: route.abort())  # the venue's network drops after the mark
    row.locator("button.mark").click()
    booth.wait_for_selector("#global-error:not([hidden])")
    assert fair.emp("GET", f"/api/v1/postings/{fair.welder['id']}/intents/{seeker['id']}", 200)["employer_interested"]
    expect(row.locator("button.mark")).to_have_attribute("aria-pressed", "true")  # not the stale "Mark interest"
    expect(row.locator("button.mark")).to_be_enabled()  # so it can be undone


def test_a_mark_reloads_only_its_row_and_only_when_it_makes_or_undoes_an_agreement(open_page, fair):
    welder = fair.kiosk("POST", f"{fair.base}/seekers", 201, json={
        "name": "陈刚", "phone": "15823456789", "consent": True, "desired_titles": ["焊工"]})
    keen = fair.kiosk("POST", f"{fair.base}/seekers", 201, json={
        "name": "李娟", "phone": "13698765432", "consent": True, "desired_titles": ["电焊工"]})
    fair.kiosk("PUT", f"/api/v1/postings/{fair.welder['id']}/intents/{keen['id']}", 200)
    booth = open_page("/employer", fair.employer_token, TABLET_SIZE)
    shortlists = []
    booth.on("request", lambda request: "/shortlist?" in request.url and shortlists.append(request.url))
    booth.locator(f"#postings li[data-posting-id='{fair.welder['id']}'] button.btn-primary").click()
    rows = {person["id"]: booth.locator(f"#shortlist tbody tr[data-seeker-id='{person['id']}']")
            for person in (welder, keen)}
    rows[keen["id"]].wait_for()
    asked = len(shortlists)

    def mark(person, pressed):
        with booth.expect_response(lambda answer: "/postings?" in answer.url):  # the counts come again
            rows[person["id"]].locator("button.mark").click()
        expect(rows[person["id"]].locator("button.mark")).to_have_attribute("aria-pressed", pressed)

    mark(welder, "true")  # no agreement: nothing to reveal, the rows stay
    mark(welder, "false")
    assert len(shortlists) == asked
    mark(keen, "true")  # an agreement: the contact comes with the row
    expect(rows[keen["id"]]).to_contain_text("李娟")
    mark(keen, "false")  # undone: masked again
    expect(rows[keen["id"]]).not_to_contain_text("李娟")
    # That row alone was asked for, twice; the list was not ranked again.
    assert [url.split("?")[1] for url in shortlists[asked:]] == [f"seeker_id={keen['id']}"] * 2
    expect(booth.locator("#shortlist tbody tr[data-seeker-id]")).to_have_count(2)


def test_the_booth_lists_the_interested_seekers_wherever_they_rank(open_page, fair):
    welder = fair.kiosk("POST", f"{fair.base}/seekers", 201, json={
        "name": "陈刚", "phone": "15823456789", "consent": True, "desired_titles": ["焊工"]})
    cook = fair.kiosk("POST", f"{fair.base}/seekers", 201, json={
        "name": "李娟", "phone": "13698765432", "consent": True, "desired_titles": ["厨师"]})
    fair.kiosk("PUT", f"/api/v1/postings/{fair.welder['id']}/intents/{cook['id']}", 200)
    booth = open_page("/employer", fair.employer_token, TABLET_SIZE)
    booth.locator(f"#postings li[data-posting-id='{fair.welder['id']}'] button.btn-primary").click()
    booth.locator(f"#shortlist tbody tr[data-seeker-id='{welder['id']}']").wait_for()
    booth.check("#shortlist-interested")
    expect(booth.locator(f"#shortlist tbody tr[data-seeker-id='{welder['id']}']")).to_have_count(0)
    expect(booth.locator("#shortlist tbody tr[data-seeker-id]")).to_have_count(1)
    assert booth.locator("#shortlist tbody tr[data-seeker-id]").get_attribute("data-seeker-id") == str(cook["id"])
    booth.uncheck("#shortlist-interested")
    booth.locator(f"#shortlist tbody tr[data-seeker-id='{welder['id']}']").wait_for()


def on_screen(page, selector):
    """Whether the element is wholly inside the viewport, where the person is looking."""
    return page.evaluate("""(selector) => {
        const box = document.querySelector(selector).getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
    }""", selector)


def test_a_failed_mark_is_reported_where_the_person_is_looking(open_page, fair):
    # The last job on a phone, or the last candidate on a portrait tablet, is far below the top of the
    # page; a mark that fails there must not look like a tap that did nothing.
    kiosk = open_page("/kiosk", fair.kiosk_token, PHONE_SIZE)
    fill_kiosk_form(kiosk)
    kiosk.check("#seeker-form [name=consent]")
    kiosk.click("#submit-seeker")
    rec_card(kiosk, fair.cashier["id"]).wait_for()
    kiosk.route("**/intents/**", lambda route: route.abort())  # the venue's network drops
    kiosk.locator("#recommendations button.interest").last.click()
    kiosk.wait_for_selector("#global-error:not([hidden])")
    assert on_screen(kiosk, "#global-error")

    for name, phone in (("陈刚", "15823456789"), ("李娟", "13698765432"), ("张伟", "13711112222")):
        fair.kiosk("POST", f"{fair.base}/seekers", 201, json={
            "name": name, "phone": phone, "consent": True, "desired_titles": ["焊工"], "skills": ["电焊"],
            "resume_text": "做过几年钢结构电焊，持焊工证，也会氩弧焊和二氧化碳保护焊，能看懂图纸。"})
    booth = open_page("/employer", fair.employer_token, PORTRAIT_TABLET_SIZE)
    booth.locator(f"#postings li[data-posting-id='{fair.welder['id']}'] button.btn-primary").click()
    expect(booth.locator("#shortlist tbody tr[data-seeker-id]")).to_have_count(4)
    booth.route("**/intents/**", lambda route: route.abort())
    booth.locator("#shortlist button.mark").last.click()
    booth.wait_for_selector("#global-error:not([hidden])")
    assert on_screen(booth, "#global-error")


def test_the_first_field_marked_wrong_is_brought_into_view(open_page, fair):
    # On a phone the submit button is far below most fields: the volunteer is taken to the one to fix.
    kiosk = open_page("/kiosk", fair.kiosk_token, PHONE_SIZE)
    submit_seventy_years_of_experience(kiosk)
    expect(kiosk.locator("#seeker-form [name=experience_years]")).to_be_focused()
    assert on_screen(kiosk, "#seeker-form [name=experience_years]")

    kiosk.fill("#seeker-form [name=experience_years]", "7")
    kiosk.fill("#seeker-form [name=name]", "")  # the page's own check, before anything is sent
    kiosk.click("#submit-seeker")
    kiosk.wait_for_selector("[data-field=name] .field-msg")
    expect(kiosk.locator("#seeker-form [name=name]")).to_be_focused()
    assert on_screen(kiosk, "#seeker-form [name=name]")


def test_the_booth_highlights_the_posting_fields_it_asks_to_check(open_page, fair):
    # "Please check the highlighted fields" must point at something: red border, focus on the first.
    booth = submit_a_pay_range_upside_down(open_page, fair, PORTRAIT_TABLET_SIZE)
    salary_max = booth.locator("#posting-form [name=salary_max]")
    border = "(input) => getComputedStyle(input).borderTopColor"
    fine = booth.locator("#posting-form [name=location]").evaluate(border)
    assert salary_max.evaluate(border) != fine
    expect(salary_max).to_be_focused()
    booth.fill("#posting-form [name=salary_max]", "9000")  # fixed: the mark goes
    expect(booth.locator("[data-field=salary_max] .field-msg")).to_have_count(0)
    booth.locator("#posting-form [name=location]").focus()
    assert salary_max.evaluate(border) == fine


def test_a_number_typed_while_the_kiosk_starts_is_kept(open_page, fair):
    # The welcome screen shows before the fair's name has arrived; a quick volunteer types meanwhile.
    kiosk = open_page("/kiosk", fair.kiosk_token, TABLET_SIZE)
    held = []
    kiosk.route(f"**/api/v1/fairs/{fair.id}", lambda route: held.append(route))
    with kiosk.expect_request(f"**/api/v1/fairs/{fair.id}"):
        kiosk.reload()  # the token is remembered: straight to the welcome screen, the fair's name on its way
    kiosk.fill("#start-phone", SEEKER_PHONE)
    held[0].continue_()
    expect(kiosk.locator("#fair-name")).to_contain_text("春风行动")
    assert kiosk.input_value("#start-phone") == SEEKER_PHONE


def test_a_sign_in_link_enters_the_token_and_leaves_it_out_of_the_address_bar(browser, live, fair):
    context = browser.new_context(viewport=TABLET_SIZE)
    try:
        booth = context.new_page()
        booth.goto(f"{live.url}/employer#token={fair.employer_token}")
        booth.wait_for_selector("#app:not([hidden])")
        booth.wait_for_selector("#postings li[data-posting-id]")
        assert booth.url == f"{live.url}/employer"
        # Kept on the device like a typed token: the next visit needs no link.
        booth.goto(f"{live.url}/employer")
        booth.wait_for_selector("#postings li[data-posting-id]")
        # Another role's link is refused as a typed one is, and not kept.
        kiosk = context.new_page()
        kiosk.goto(f"{live.url}/kiosk#token={fair.employer_token}")
        expect(kiosk.locator("#token-error")).to_be_visible()
        assert kiosk.url == f"{live.url}/kiosk"
        assert kiosk.evaluate("localStorage.getItem('fairmatch.token.kiosk')") is None
    finally:
        context.close()
