"""What a fair-day walk through the pages found: messages people could not read, screens that gave no
sign of what had happened, figures too small to read."""
import re

import pytest

from tests.browser.conftest import PHONE_SIZE, TABLET_SIZE, expect

pytestmark = pytest.mark.browser

LONG_SKILL = "会开叉车也会电焊有三年经验并且持有特种作业操作证还会简单的机械维修和设备保养以及车间安全管理和仓库盘点工作"


def test_a_skill_too_long_is_explained_not_shown_as_an_object(open_page, fair):
    # The volunteer types the seeker's skills as one sentence; the API refuses the list's item, by its index.
    kiosk = open_page("/kiosk", fair.kiosk_token, TABLET_SIZE)
    kiosk.fill("#start-phone", "13912345678")
    kiosk.click("#phone-form button[type=submit]")
    kiosk.fill("#seeker-form [name=name]", "王小明")
    kiosk.fill("#seeker-form [name=skills]", f"电焊，{LONG_SKILL}")
    kiosk.check("#seeker-form [name=consent]")
    kiosk.click("#submit-seeker")
    message = kiosk.locator("[data-field=skills] .field-msg")
    expect(message).to_have_text("第 2 项：请填写，最多 50 个字")
    kiosk.click("#lang-switch")
    expect(message).to_have_text("Item 2: Fill this in, at most 50 characters")

    booth = open_page("/employer", fair.employer_token, TABLET_SIZE)
    booth.click("#new-posting")
    booth.fill("#posting-form [name=title]", "叉车司机")
    booth.fill("#posting-form [name=skills]", LONG_SKILL)
    booth.click("#posting-save")
    expect(booth.locator("[data-field=skills] .field-msg")).to_have_text("第 1 项：请填写，最多 50 个字")


def test_the_booth_asks_for_a_title_once_in_the_pages_language(open_page, fair):
    # A blank title met two API messages, the second in English: "请填写，最多 100 个字 May not be blank."
    booth = open_page("/employer", fair.employer_token, TABLET_SIZE)
    booth.click("#new-posting")
    booth.fill("#posting-form [name=description]", "负责仓库收发货")
    booth.click("#posting-save")
    expect(booth.locator("[data-field=title] .field-msg")).to_have_text("必填")
    expect(booth.locator("#posting-form [name=title]")).to_be_focused()
    assert booth.input_value("#posting-form [name=description]") == "负责仓库收发货"
    booth.evaluate("FM.setLang('en')")  # the dialog is modal: the switch behind it takes no tap
    expect(booth.locator("[data-field=title] .field-msg")).to_have_text("Required")


def test_the_setup_pages_field_errors_are_in_the_pages_language(open_page, fair):
    setup = open_page("/setup", fair.org_token, TABLET_SIZE)
    setup.locator("#employer-list tbody tr[data-employer-id]").first.wait_for()
    setup.fill("#employer-form [name=name]", "重庆渝北物流有限公司")
    setup.fill("#employer-form [name=credit_code]", "9150010")
    setup.fill("#employer-form [name=contact_phone]", "李经理")
    setup.click("#employer-save")
    expect(setup.locator("[data-field=credit_code] .field-msg")).to_have_text("请输入 18 位统一社会信用代码")
    expect(setup.locator("[data-field=contact_phone] .field-msg")).to_have_text("请输入正确的电话号码")
    setup.click("#lang-switch")
    expect(setup.locator("[data-field=credit_code] .field-msg")).to_have_text(
        "Enter the 18-character unified social credit code")
    expect(setup.locator("[data-field=contact_phone] .field-msg")).to_have_text("Enter a valid phone number")


def import_errors(page, form, table, name, content):
    """Upload a file through one of the import forms; the refusal's rows as lists of cell texts."""
    page.evaluate("(table) => document.querySelector(table)?.remove()", table)  # the last refusal's
    page.set_input_files(f"{form} input[type=file]", {"name": name, "mimeType": "application/octet-stream",
                                                      "buffer": content})
    page.click(f"{form} button[type=submit]")
    page.locator(f"{table} tbody tr").first.wait_for()
    rows = [[cell.strip() for cell in row.split("\t")] for row in page.locator(f"{table} tbody tr").all_inner_texts()]
    page.set_input_files(f"{form} input[type=file]", [])
    return rows


def test_a_refused_spreadsheet_is_explained_without_codes_or_english(open_page, fair):
    # The table read "file | file | Not a readable .xlsx file (BadZipFile)." on the Chinese page.
    booth = open_page("/employer", fair.employer_token, TABLET_SIZE)
    booth.click(".tab[data-tab=import]")
    upload = lambda name, content: import_errors(booth, "#import-form", "#import-errors", name, content)  # noqa: E731
    assert upload("职位.xlsx", b"PK\x03\x04 not a workbook") == [
        ["—", "文件", "无法读取这个文件：请上传用 Excel 保存的 .xlsx 文件，或 .csv 文件。"]]
    assert upload("职位.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)) == [
        ["—", "文件", "这是旧的 .xls 文件：请在 Excel 里另存为 .xlsx 后再上传。"]]
    assert upload("职位.csv", b"") == [["—", "文件", "文件里没有表头：第一行应是各列的名称，请用下载的模板填写。"]]
    [[row, place, _]] = upload("职位.csv", "岗位,工资\n焊工,5000\n".encode())
    assert (row, place) == ("1", "表头")
    [[row, place, message]] = upload("职位.csv", f"职位名称,技能要求\n叉车司机,叉车证、{LONG_SKILL}\n".encode())
    assert (row, place, message) == ("2", "技能要求（逗号分隔）", "第 2 项：请填写，最多 50 个字")
    booth.click("#lang-switch")
    assert upload("职位.xlsx", b"PK\x03\x04 not a workbook") == [
        ["—", "File", "This file cannot be read: upload an .xlsx file saved by Excel, or a .csv file."]]

    setup = open_page("/setup", fair.org_token, TABLET_SIZE)
    assert import_errors(setup, "#employer-import-form", "#employer-import-errors", "企业.xlsx",
                         b"PK\x03\x04 not a workbook") == [
        ["—", "文件", "无法读取这个文件：请上传用 Excel 保存的 .xlsx 文件，或 .csv 文件。"]]


def held_routes(page, pattern):
    """Requests to ``pattern`` held unanswered (a slow network at the venue) until continued."""
    held = []
    page.route(pattern, lambda route: held.append(route))
    return held


def wait_until_held(page, held, count=1):
    for _ in range(250):
        if len(held) >= count:
            return
        page.wait_for_timeout(20)
    raise AssertionError("the page asked nothing")


def test_the_candidates_of_the_last_posting_are_not_left_under_the_next_ones_name(open_page, fair):
    # Until the answer came, the cook's candidates stayed on screen under 超市收银员, their buttons
    # marking interest for the cook's posting.
    fair.kiosk("POST", f"{fair.base}/seekers", 201, json={
        "name": "李娟", "phone": "13698765432", "consent": True, "desired_titles": ["厨师"]})
    booth = open_page("/employer", fair.emp2.token, TABLET_SIZE)
    booth.locator(f"#postings li[data-posting-id='{fair.cook['id']}'] button.btn-primary").click()
    rows = booth.locator("#shortlist tbody tr[data-seeker-id]")
    expect(rows).to_have_count(1)
    held = held_routes(booth, "**/shortlist?*")
    booth.select_option("#shortlist-posting", str(fair.cashier["id"]))
    wait_until_held(booth, held)
    expect(rows).to_have_count(0)
    expect(booth.locator("#shortlist tbody")).to_have_text("加载中…")
    held.pop().continue_()
    expect(rows).to_have_count(1)  # the cashier's candidate (the same person ranks for both)

    booth.check("#shortlist-interested")  # another list: the ranked candidates are not the interested ones
    wait_until_held(booth, held)
    expect(rows).to_have_count(0)
    held.pop().continue_()
    expect(booth.locator("#shortlist tbody")).to_have_text("还没有求职者对本职位感兴趣。")

    booth.click("#shortlist-refresh")  # the same list again: it stays while the fresh one comes
    wait_until_held(booth, held)
    expect(booth.locator("#shortlist tbody")).to_have_text("还没有求职者对本职位感兴趣。")
    held.pop().continue_()


def a_day_by_the_hour(route):
    """The fair's statistics as the live server has them, with a busy day of eleven hours, 08:00 to 18:00."""
    stats = route.fetch().json()
    stats["by_hour"] = [{"hour": f"2026-03-07T{hour:02d}:00:00+08:00", "seekers": 1500 + 90 * hour,
                         "seeker_intents": 2000, "agreements": 400 + 30 * hour} for hour in range(8, 19)]
    route.fulfill(json=stats)


@pytest.mark.parametrize("size", [PHONE_SIZE, TABLET_SIZE], ids=["phone", "tablet"])
def test_the_hourly_chart_is_readable_on_a_phone(open_page, fair, size):
    # Drawn 900 units wide and shrunk to a phone's 320 px, its hours and figures were 6 px tall.
    dashboard = open_page("/dashboard", fair.org_token, size)
    dashboard.route("**/stats", a_day_by_the_hour)
    dashboard.reload()
    dashboard.locator("#hour-chart svg rect").first.wait_for()
    boxes = dashboard.locator("#hour-chart text").evaluate_all(
        "(texts) => texts.map((text) => { const box = text.getBoundingClientRect();"
        " return {text: text.textContent, left: box.left, right: box.right, top: box.top, bottom: box.bottom}; })")
    assert boxes and min(box["bottom"] - box["top"] for box in boxes) >= 12, boxes
    chart = dashboard.locator("#hour-chart").bounding_box()
    assert all(box["left"] >= chart["x"] and box["right"] <= chart["x"] + chart["width"] for box in boxes), boxes
    for index, one in enumerate(boxes):  # no figure or hour runs into another
        for other in boxes[index + 1:]:
            apart = (one["right"] <= other["left"] or other["right"] <= one["left"]
                     or one["bottom"] <= other["top"] or other["bottom"] <= one["top"])
            assert apart, (one, other)
    assert "08:00" in [box["text"] for box in boxes]


def test_tokens_issued_below_a_long_list_of_employers_are_brought_into_view(open_page, fair):
    # On a 1024 px tablet the kiosks' form and the last employers' buttons are below the whole list of
    # employers; the tokens they issue, shown this once, appeared at the top of the page, out of sight.
    for number in range(1, 31):
        fair.org("POST", f"{fair.base}/employers", 201, json={"name": f"重庆第{number}机械有限公司"})
    setup = open_page("/setup", fair.org_token, {"width": 1024, "height": 768})
    setup.on("dialog", lambda dialog: dialog.accept())
    expect(setup.locator("#employer-list tbody tr")).to_have_count(32)
    heading = setup.locator("#issued-card h2")
    setup.fill("#kiosk-form [name=label]", "B区登记台")
    setup.fill("#kiosk-form [name=count]", "2")
    setup.click("#kiosk-save")
    expect(setup.locator("#issued tbody tr")).to_have_count(2)
    expect(heading).to_be_in_viewport()

    setup.click("#issued-hide")
    setup.locator("#employer-list tbody tr").last.locator("button.reissue").click()  # a lost card: a new token
    expect(setup.locator("#issued tbody tr")).to_have_count(1)
    expect(heading).to_be_in_viewport()


def test_a_mobile_number_typed_in_groups_is_taken_whole(open_page, fair):
    # People say their number as 139 1234 5678; typed so, the field cut it to "139 1234 56" and refused it.
    kiosk = open_page("/kiosk", fair.kiosk_token, TABLET_SIZE)
    kiosk.locator("#start-phone").press_sequentially("139 1234 5678")
    kiosk.press("#start-phone", "Enter")
    expect(kiosk.locator("#form-screen")).to_be_visible()
    assert kiosk.input_value("#seeker-form [name=phone]") == "13912345678"
    kiosk.fill("#seeker-form [name=phone]", "")
    kiosk.locator("#seeker-form [name=phone]").press_sequentially("+86 139-1234-5678")
    kiosk.fill("#seeker-form [name=name]", "王小明")
    kiosk.check("#seeker-form [name=consent]")
    kiosk.click("#submit-seeker")
    expect(kiosk.locator("#result-screen")).to_be_visible()
    found = fair.kiosk("POST", f"{fair.base}/seekers/lookup", 200, json={"phone": "13912345678"})
    assert found["name"] == "王小明"


def test_seconds_are_written_in_the_pages_language(open_page, fair):
    # The kiosk's footer read "无操作时将自动清空: 87s" and the dashboard "自动刷新间隔 10s" on the Chinese pages.
    kiosk = open_page("/kiosk", fair.kiosk_token, TABLET_SIZE)
    kiosk.fill("#start-phone", "139")  # a number begun: the kiosk counts down to clearing itself
    footer = kiosk.locator("#idle-footer")
    expect(footer).to_have_text(re.compile(r"^无操作时将自动清空：\d+ 秒$"))
    kiosk.click("#lang-switch")
    expect(footer).to_have_text(re.compile(r"^Clears itself when idle: \d+ s$"))

    dashboard = open_page("/dashboard", fair.org_token, TABLET_SIZE)
    dashboard.wait_for_function("/^\\d\\d:\\d\\d/.test(document.getElementById('updated-at').textContent)")
    refresh = dashboard.locator("#updated-at").locator("xpath=..")
    expect(refresh).to_have_text(re.compile(r"^自动刷新间隔 10 秒 · 更新于 \d\d:\d\d:\d\d$"), use_inner_text=True)
    dashboard.click("#lang-switch")
    expect(refresh).to_have_text(re.compile(r"^Refreshes every 10 s · Updated \d\d:\d\d:\d\d$"), use_inner_text=True)
