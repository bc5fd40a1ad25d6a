"""The three pages' main flows in headless Chromium against a live server."""
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.browser.conftest import KIOSK_SIZE, TABLET_SIZE, screenshot

pytestmark = pytest.mark.browser

SEEKER_PHONE = "13912345678"


def fill_kiosk_form(page, *, name="王小明", phone=SEEKER_PHONE):
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
    return page.locator(f"#recommendations li[data-posting-id='{posting_id}']")


def test_seeker_marks_interest_employer_agrees_exports_and_dashboard_counts(open_page, fair):
    # Kiosk: the seeker signs up, sees the welder job first, and marks interest.
    kiosk = open_page("/kiosk", fair.kiosk_token, KIOSK_SIZE)
    assert "春风行动" in kiosk.inner_text("#fair-name")
    fill_kiosk_form(kiosk)
    kiosk.click("#submit-seeker")
    kiosk.wait_for_selector("#form-error:not([hidden])")  # consent is required first
    assert kiosk.locator("[data-field=consent].invalid").count() == 1
    kiosk.check("#seeker-form [name=consent]")
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
    assert rows[0][:5] == ("达成时间", "职位", "企业", "姓名", "手机号")
    assert rows[1][1:5] == ("电焊工", "重庆长安焊装有限公司", "王小明", "13912345678")

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
