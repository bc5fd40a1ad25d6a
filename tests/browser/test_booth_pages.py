"""Booths (展位号): the organizer assigns them on /setup (at registration, from the spreadsheet or in the
list), and the kiosk tells a seeker where to go."""
import io
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.browser.conftest import KIOSK_SIZE, TABLET_SIZE, expect, fill_kiosk_form, rec_card, screenshot

pytestmark = pytest.mark.browser


def booth_editor(page, employer_id):
    return page.locator(f"form[data-booth-of='{employer_id}']")


def test_the_organizer_assigns_booths_at_registration_from_a_spreadsheet_and_in_the_list(open_page, fair, tmp_path):
    setup = open_page("/setup", fair.org_token, TABLET_SIZE)
    expect(setup.locator("#employer-list tbody tr")).to_have_count(2)
    setup.fill("#employer-form [name=name]", "重庆巴渝机械有限公司")
    setup.fill("#employer-form [name=booth]", "Ｂ０７")  # typed full-width by a Chinese input method
    setup.click("#employer-save")
    expect(setup.locator("#employer-list tbody tr")).to_have_count(3)
    listed = {e["name"]: e for e in fair.org("GET", f"{fair.base}/employers", 200)["items"]}
    assert listed["重庆巴渝机械有限公司"]["booth"] == "B07"
    expect(booth_editor(setup, listed["重庆巴渝机械有限公司"]["id"]).locator("input")).to_have_value("B07")

    sheet = tmp_path / "employers.csv"
    sheet.write_text("企业名称,展位号\n重庆两江物流有限公司,C12\n", encoding="utf-8-sig")
    setup.set_input_files("#employer-import-file", str(sheet))
    setup.click("#employer-import-form button[type=submit]")
    expect(setup.locator("#employer-list tbody tr")).to_have_count(4)
    listed = {e["name"]: e for e in fair.org("GET", f"{fair.base}/employers", 200)["items"]}
    assert listed["重庆两江物流有限公司"]["booth"] == "C12"

    # The factory registered before the floor plan was drawn: its booth is typed into the list.
    editor = booth_editor(setup, fair.employer["id"])
    expect(editor.locator("input")).to_have_value("")
    editor.locator("input").fill(" a１２ ")
    editor.locator("input").press("Enter")
    expect(editor.locator("[role=status]")).to_have_text("已保存")
    expect(editor.locator("input")).to_have_value("a12")
    assert fair.org("GET", f"{fair.base}/employers", 200)["items"][0]["booth"] == "a12"
    editor.locator("input").fill("A12")
    expect(editor.locator("[role=status]")).to_have_text("")
    editor.locator("button").click()
    expect(editor.locator("[role=status]")).to_have_text("已保存")
    # The search box finds an employer by its booth too.
    setup.fill("#employer-search", "a12")
    expect(setup.locator("#employer-list tbody tr:visible")).to_have_count(1)
    expect(setup.locator("#employer-list tbody tr:visible")).to_contain_text("重庆长安焊装有限公司")
    setup.fill("#employer-search", "")
    # Too long: the API's message, and the booth stays as it was.
    editor.locator("input").evaluate("(input) => input.removeAttribute('maxlength')")
    editor.locator("input").fill("A" * 21)
    editor.locator("button").click()
    expect(editor.locator("[role=status]")).to_have_text("超出长度上限（20）")
    assert fair.org("GET", f"{fair.base}/employers", 200)["items"][0]["booth"] == "A12"
    screenshot(setup, "setup-booths-1280x800")


def test_the_kiosk_shows_the_booth_with_each_job_and_where_to_go_after_an_agreement(open_page, fair):
    fair.org("PATCH", f"{fair.base}/employers/{fair.employer['id']}", 200, json={"booth": "A12"})
    kiosk = open_page("/kiosk", fair.kiosk_token, KIOSK_SIZE)
    fill_kiosk_form(kiosk)
    kiosk.check("#seeker-form [name=consent]")
    kiosk.click("#submit-seeker")
    kiosk.wait_for_selector("#recommendations li.rec")
    welder = rec_card(kiosk, fair.welder["id"])
    expect(welder.locator(".booth-tag")).to_have_text("展位 A12")
    expect(rec_card(kiosk, fair.cook["id"]).locator(".booth-tag")).to_have_count(0)  # the restaurant has none yet
    welder.locator("button.interest").click()
    expect(welder.locator("button.interest")).to_have_attribute("aria-pressed", "true")
    seeker_id = fair.kiosk("POST", f"{fair.base}/seekers/lookup", 200, json={"phone": "13912345678"})["id"]
    fair.emp("PUT", f"/api/v1/postings/{fair.welder['id']}/intents/{seeker_id}", 200)
    # The seeker comes back to look: the agreement says which booth to walk to.
    kiosk.click("#edit-profile")
    kiosk.click("#submit-seeker")
    mine = kiosk.locator(f"#my-interests li[data-posting-id='{fair.welder['id']}']")
    expect(mine.locator(".banner-ok")).to_have_text("企业也对您感兴趣！请到 A12 展位（重庆长安焊装有限公司）洽谈。")
    expect(mine.locator(".booth-tag")).to_have_text("展位 A12")
    kiosk.click("#lang-switch")
    expect(mine.locator(".banner-ok")).to_have_text("The employer is interested too! Visit booth A12 (重庆长安焊装有限公司).")
    expect(mine.locator(".booth-tag")).to_have_text("Booth A12")
    screenshot(kiosk, "kiosk-booth-1080x1920")


def test_the_booth_page_says_which_booth_is_the_employers(open_page, fair):
    fair.org("PATCH", f"{fair.base}/employers/{fair.employer['id']}", 200, json={"booth": "A12"})
    booth = open_page("/employer", fair.employer_token, TABLET_SIZE)
    expect(booth.locator("#who")).to_have_text("重庆长安焊装有限公司展位 A12")
    expect(booth.locator("#who .booth-tag")).to_have_text("展位 A12")
    restaurant = fair.org("GET", f"{fair.base}/employers", 200)["items"][1]
    assert restaurant["booth"] is None


def test_the_dashboard_names_each_employers_booth(open_page, fair):
    fair.org("PATCH", f"{fair.base}/employers/{fair.employer['id']}", 200, json={"booth": "A12"})
    dashboard = open_page("/dashboard", fair.org_token, TABLET_SIZE)
    factory = dashboard.locator("#employers tbody tr", has_text="重庆长安焊装有限公司")
    expect(factory.locator(".booth-tag")).to_have_text("展位 A12")
    expect(dashboard.locator("#employers tbody tr", has_text="山城火锅餐饮").locator(".booth-tag")).to_have_count(0)
    # The postings nobody has shown interest in yet say where their booth is.
    expect(dashboard.locator("#without-interest li", has_text="电焊工")).to_contain_text("重庆长安焊装有限公司 · 展位 A12")


def test_the_organizer_gives_every_employer_its_booth_from_the_booth_sheet(open_page, fair, tmp_path):
    setup = open_page("/setup", fair.org_token, TABLET_SIZE)
    with setup.expect_download() as download_info:
        setup.click("#booth-sheet")
    sheet = load_workbook(io.BytesIO(Path(download_info.value.path()).read_bytes()))["展位"]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows == [["企业名称", "展位号"], ["重庆长安焊装有限公司", None], ["山城火锅餐饮", None]]

    # A name the fair does not know: nothing changes, and the row says why.
    rows[1][1], rows[2][1] = "A12", "B07"
    wrong = tmp_path / "wrong.xlsx"
    save_rows(wrong, rows + [["没有这家公司", "C01"]])
    setup.set_input_files("#booth-import-file", str(wrong))
    setup.click("#booth-import-form button[type=submit]")
    expect(setup.locator("#booth-import-errors tbody tr")).to_have_count(1)
    assert setup.locator("#booth-import-errors tbody tr").inner_text().startswith("4")
    expect(setup.locator("#booth-import-result .banner-error").first).to_have_text(
        "上传失败，没有更改任何展位。请修改以下行：")
    assert [e["booth"] for e in fair.org("GET", f"{fair.base}/employers", 200)["items"]] == [None, None]

    right = tmp_path / "right.xlsx"
    save_rows(right, rows)
    setup.set_input_files("#booth-import-file", str(right))
    setup.click("#booth-import-form button[type=submit]")
    expect(setup.locator("#booth-import-result .banner-ok")).to_have_text("展位已更新，企业数：2")
    expect(booth_editor(setup, fair.employer["id"]).locator("input")).to_have_value("A12")
    assert [e["booth"] for e in fair.org("GET", f"{fair.base}/employers", 200)["items"]] == ["A12", "B07"]


def save_rows(path, rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
