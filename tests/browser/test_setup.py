"""The organizer's setup page in Chromium: a fair, its employers and kiosks, and their tokens handed out."""
import csv
import io
import re
from pathlib import Path

import numpy as np
import zxingcpp

from service import domain
from service.context import get_store, now
from tests.browser.conftest import PHONE_SIZE, TABLET_SIZE, expect, screenshot


def new_organizer(live):
    with live.app.app_context():
        _, token = domain.create_organizer(get_store(), "沙坪坝区就业局", secret_key=live.app.config["SECRET_KEY"],
                                           now=now())
    return token


def issued_rows(page):
    """Kind, name, sign-in link and token of each token just issued (the QR code's cell has no text)."""
    rows = [[cell.strip() for cell in row.split("\t")] for row in page.locator("#issued tbody tr").all_inner_texts()]
    return [row[:2] + row[3:] for row in rows]


def scanned(qr):
    """What a phone would read from a QR code drawn on the page: its modules, decoded by ZXing."""
    size = int(qr.get_attribute("data-modules"))
    image = np.full((size + 8, size + 8), 255, dtype=np.uint8)  # with the 4-module quiet zone
    for col, row in re.findall(r"M(\d+) (\d+)h1v1h-1z", qr.locator("path").get_attribute("d")):
        image[int(row) + 4, int(col) + 4] = 0
    found = zxingcpp.read_barcode(np.kron(image, np.ones((6, 6), dtype=np.uint8)))
    return found.text if found else None


def download_text(page, selector):
    with page.expect_download() as download_info:
        page.click(selector)
    content = Path(download_info.value.path()).read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")  # Excel on Chinese Windows needs the mark to read UTF-8
    return content.decode("utf-8-sig")


def test_an_organizer_sets_up_a_fair_and_each_sign_in_link_opens_its_page(open_page, browser, live):
    setup = open_page("/setup", new_organizer(live), TABLET_SIZE)
    setup.on("dialog", lambda dialog: dialog.accept())
    # No fair yet: the page starts with the form for one; a missing date is marked on its field.
    expect(setup.locator("#fair-card")).to_be_visible()
    setup.fill("#fair-form [name=name]", "2026 沙坪坝区春季招聘会")
    setup.click("#fair-save")
    expect(setup.locator("#fair-form [data-field=date].invalid")).to_be_visible()
    setup.fill("#fair-form [name=date]", "2026-03-14")
    setup.click("#fair-save")
    expect(setup.locator("#fair-title")).to_have_text("2026 沙坪坝区春季招聘会")
    expect(setup.locator("#fair-card")).to_be_hidden()

    setup.fill("#employer-form [name=name]", "重庆巴渝机械有限公司")
    setup.fill("#employer-form [name=contact_name]", "周经理")
    setup.click("#employer-save")
    # The list's one row before the employer is saved is "none yet": wait for the employer itself.
    expect(setup.locator("#employer-list tbody tr")).to_have_count(1)
    expect(setup.locator("#employer-list tbody")).to_contain_text("重庆巴渝机械有限公司")
    setup.fill("#kiosk-form [name=label]", "A区登记台")
    setup.fill("#kiosk-form [name=count]", "2")
    setup.click("#kiosk-save")
    expect(setup.locator("#kiosk-list tbody tr")).to_have_count(2)
    assert setup.locator("#kiosk-list tbody td:first-child").all_inner_texts() == ["A区登记台 1", "A区登记台 2"]
    rows = issued_rows(setup)
    assert [row[:2] for row in rows] == [["企业", "重庆巴渝机械有限公司"], ["登记台", "A区登记台 1"],
                                         ["登记台", "A区登记台 2"]]
    employer_link, employer_token = rows[0][2:]
    assert employer_link == f"{live.url}/employer#token={employer_token}" and employer_token.startswith("fme_")
    assert rows[1][2] == f"{live.url}/kiosk#token={rows[1][3]}"
    qr_codes = setup.locator("#issued tbody svg.qr")
    assert [scanned(qr_codes.nth(index)) for index in range(3)] == [row[2] for row in rows]
    screenshot(setup, "setup-1280x800")

    table = list(csv.reader(io.StringIO(download_text(setup, "#issued-csv"))))
    assert table == [["类型", "企业或登记台", "登录链接", "令牌"], *rows]

    context = browser.new_context(viewport=TABLET_SIZE)
    try:
        booth = context.new_page()
        booth.goto(employer_link)
        expect(booth.locator("#who")).to_have_text("重庆巴渝机械有限公司")

        # A lost token card: a new token; the old link stops working, the new one works.
        setup.locator("#employer-list tbody tr").first.locator("button.reissue").click()
        expect(setup.locator("#issued tbody tr")).to_have_count(4)
        new_link = issued_rows(setup)[3][2]
        assert new_link != employer_link
        stale = context.new_page()
        stale.goto(employer_link)
        expect(stale.locator("#token-error")).to_be_visible()
        fresh = browser.new_context(viewport=TABLET_SIZE)
        try:
            renewed = fresh.new_page()
            renewed.goto(new_link)
            expect(renewed.locator("#who")).to_have_text("重庆巴渝机械有限公司")
        finally:
            fresh.close()
    finally:
        context.close()

    # Hidden once saved; nothing shows the tokens again.
    setup.click("#issued-hide")
    expect(setup.locator("#issued-card")).to_be_hidden()


def test_a_saved_employer_does_not_take_the_cursor_from_the_field_the_organizer_moved_on_to(open_page, fair):
    setup = open_page("/setup", fair.org_token, TABLET_SIZE)
    expect(setup.locator("#employer-list tbody tr")).to_have_count(2)
    held = []  # the employer's POST, answered only once the organizer has moved on
    setup.route(re.compile(r".*/employers$"),
                lambda route: held.append(route) if route.request.method == "POST" else route.continue_())
    setup.fill("#employer-form [name=name]", "重庆巴渝机械有限公司")
    setup.click("#employer-save")
    while not held:
        setup.wait_for_timeout(20)
    setup.click("#kiosk-form [name=label]")
    setup.keyboard.type("B区")
    held[0].continue_()
    expect(setup.locator("#employer-list tbody")).to_contain_text("重庆巴渝机械有限公司")
    setup.keyboard.type("登记台")
    # The employer form used to take the cursor back once its save answered: the rest went into it.
    expect(setup.locator("#kiosk-form [name=label]")).to_have_value("B区登记台")
    expect(setup.locator("#employer-form [name=name]")).to_have_value("")


def test_employers_are_registered_from_a_spreadsheet_all_or_nothing(open_page, fair, tmp_path):
    setup = open_page("/setup", fair.org_token, TABLET_SIZE)
    expect(setup.locator("#employer-list tbody tr")).to_have_count(2)
    bad = tmp_path / "employers.csv"
    bad.write_text("企业名称,所属行业,联系人,联系电话\n重庆渝北食品有限公司,食品,王女士,023-67001234\n"
                   "山城火锅餐饮,餐饮,,\n", encoding="utf-8-sig")
    setup.set_input_files("#employer-import-file", str(bad))
    setup.click("#employer-import-form button[type=submit]")
    expect(setup.locator("#employer-import-errors tbody tr")).to_have_count(1)
    row = setup.locator("#employer-import-errors tbody tr").inner_text()
    assert row.startswith("3") and "企业名称" in row  # the spreadsheet's row 3: already registered
    expect(setup.locator("#employer-list tbody tr")).to_have_count(2)  # nothing was registered
    expect(setup.locator("#issued-card")).to_be_hidden()

    good = tmp_path / "employers-fixed.csv"
    good.write_text("企业名称,所属行业,联系人,联系电话\n重庆渝北食品有限公司,食品,王女士,023-67001234\n"
                    "重庆两江物流有限公司,物流,,\n", encoding="utf-8-sig")
    setup.set_input_files("#employer-import-file", str(good))
    setup.click("#employer-import-form button[type=submit]")
    expect(setup.locator("#employer-list tbody tr")).to_have_count(4)
    assert [row[1] for row in issued_rows(setup)] == ["重庆渝北食品有限公司", "重庆两江物流有限公司"]
    assert all(row[3].startswith("fme_") for row in issued_rows(setup))


def test_the_setup_page_on_a_phone_in_english(open_page, fair):
    setup = open_page("/setup", fair.org_token, PHONE_SIZE)
    setup.click("#lang-switch")
    expect(setup.locator("#employer-list tbody tr")).to_have_count(2)
    expect(setup.locator("#employers-card h2")).to_contain_text("Employers")
    width = setup.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE_SIZE["width"]
    screenshot(setup, "setup-390x844-en")


def test_the_organizer_finds_one_employer_among_many_by_name_or_credit_code(open_page, fair):
    # 520 employers at a fair: the list had no way to find the one whose card was lost.
    for number in range(1, 41):
        fair.org("POST", f"{fair.base}/employers", 201, json={"name": f"重庆第{number}机械有限公司"})
    fair.org("POST", f"{fair.base}/employers", 201, json={"name": "重庆钢铁股份有限公司", "credit_code": "91500000202801234X"})
    setup = open_page("/setup", fair.org_token, TABLET_SIZE)
    rows = setup.locator("#employer-list tbody tr")
    shown = setup.locator("#employer-list tbody tr:visible")
    expect(rows).to_have_count(43)
    search = setup.locator("#employer-search")
    result = setup.locator("#employer-search-result")
    expect(setup.locator("label:has(#employer-search) > span")).to_have_text("查找企业")

    search.fill("长安")
    expect(shown).to_have_count(1)
    expect(shown).to_contain_text("重庆长安焊装有限公司")
    expect(result).to_have_text("找到 1 家企业")
    search.fill("第1")  # 第1, 第10 … 第19
    expect(shown).to_have_count(11)
    search.fill("９１５０００００２０２８０１２３４ｘ")  # typed full-width by a Chinese input method, lower case
    expect(shown).to_have_count(1)
    expect(shown).to_contain_text("91500000202801234X")  # the credit code is shown with the name
    search.fill("重庆 钢铁")  # spaces do not count, as in the API's one name per employer
    expect(shown).to_have_count(1)
    search.fill("不存在的公司")
    expect(shown).to_have_count(0)
    expect(result).to_have_text("没有找到名称或统一社会信用代码含「不存在的公司」的企业。")
    setup.click("#lang-switch")
    expect(result).to_have_text("No employer's name or credit code contains \u201c不存在的公司\u201d.")
    expect(setup.locator("label:has(#employer-search) > span")).to_have_text("Find an employer")
    search.fill("")
    expect(shown).to_have_count(43)
    expect(result).to_be_hidden()

    # Pinyin being composed in an input method is not a search yet: the list stays whole until the characters come.
    search.focus()
    ime = setup.context.new_cdp_session(setup)
    ime.send("Input.imeSetComposition", {"text": "chang'an", "selectionStart": 8, "selectionEnd": 8})
    setup.wait_for_timeout(200)
    expect(shown).to_have_count(43)
    expect(result).to_be_hidden()
    ime.send("Input.insertText", {"text": "长安"})
    expect(search).to_have_value("长安")
    expect(shown).to_have_count(1)

    # A new employer is listed, and the search still applies.
    setup.on("dialog", lambda dialog: dialog.accept())
    setup.fill("#employer-form [name=name]", "重庆长安物流有限公司")
    setup.click("#employer-save")
    expect(rows).to_have_count(44)
    expect(shown).to_have_count(2)
