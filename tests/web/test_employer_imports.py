"""Bulk registration of employers from the organizer's template: all or nothing, errors by spreadsheet row."""
import io

import pytest
from openpyxl import load_workbook

from service.web import exports
from service.web.imports import EMPLOYER_COLUMNS, ImportErrors, employers_from_table
from service.web.spreadsheets import Table
from tests.web.conftest import Caller, workbook_upload

HEADERS = [zh for _, zh, _, _ in EMPLOYER_COLUMNS]
TAKEN = "本场招聘会已登记同名单位 / An employer of this name is already registered in this fair."


def xlsx_upload(rows, headers=HEADERS):
    return workbook_upload(headers, rows, "企业.xlsx")


def csv_upload(text, encoding="utf-8-sig", name="employers.csv"):
    return {"file": (io.BytesIO(text.encode(encoding)), name)}


def names(fair):
    return [e["name"] for e in fair.org("GET", f"{fair.base}/employers?limit=200", 200).get_json()["items"]]


def test_template_has_the_columns_and_a_sheet_explaining_them(fair):
    response = fair.org("GET", f"{fair.base}/employers/template.xlsx", 200)
    workbook = load_workbook(io.BytesIO(response.get_data()))
    assert workbook.sheetnames == ["企业", "填写说明"]
    assert [cell.value for cell in workbook["企业"][1]] == ["企业名称", "所属行业", "统一社会信用代码", "联系人", "联系电话", "展位号"]
    guide = list(workbook["填写说明"].iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in guide] == HEADERS and all(row[2] for row in guide)


def test_good_xlsx_registers_every_row_in_order_each_with_a_working_token(fair, client):
    upload = xlsx_upload([
        ["重庆钢铁股份有限公司", "制造业", "91500000202801234X", "王工", 13900001111],
        ["渝味餐饮", None, None, None, "023-67881234"],
    ])
    created = fair.org("POST", f"{fair.base}/employers/import", 201, data=upload).get_json()["created"]
    assert [e["name"] for e in created] == ["重庆钢铁股份有限公司", "渝味餐饮"]
    assert created[0]["id"] < created[1]["id"]
    steel = created[0]
    assert (steel["industry"], steel["credit_code"], steel["contact_name"], steel["contact_phone"]) == (
        "制造业", "91500000202801234X", "王工", "13900001111")
    assert created[1]["industry"] is None and created[1]["contact_phone"] == "023-67881234"
    for employer in created:
        assert employer["token"].startswith("fme_") and employer["fair_id"] == fair.id
        me = Caller(client, employer["token"])("GET", "/api/v1/me", 200).get_json()
        assert (me["role"], me["id"]) == ("employer", employer["id"])
    assert names(fair)[-2:] == ["重庆钢铁股份有限公司", "渝味餐饮"]


def test_gbk_csv_with_api_field_names_and_decorated_headers_is_read(fair):
    text = "name,所属行业（选填）,联系人*\r\n渝北物流,物流,张经理\r\n"
    created = fair.org("POST", f"{fair.base}/employers/import", 201, data=csv_upload(text, "gbk")).get_json()
    assert [(e["name"], e["industry"], e["contact_name"]) for e in created["created"]] == [("渝北物流", "物流", "张经理")]


def test_a_bad_row_rejects_the_file_with_row_numbered_errors_and_creates_nothing(fair):
    before = names(fair)
    upload = xlsx_upload([
        ["重庆钢铁", None, None, None, None],
        [None, "制造业", None, None, None],  # no name
        ["渝味餐饮", None, "not-a-code", None, "call me"],
        ["长安焊装", None, None, None, None],  # registered in the fair already
        ["ＣＨＯＮＧＱＩＮＧ Steel", None, None, None, None],
        ["chongqing steel ", None, None, None, None],  # repeats row 6
    ])
    errors = fair.org("POST", f"{fair.base}/employers/import", 422, data=upload).get_json()["errors"]
    assert set(errors) == {"3", "4", "5", "7"}
    assert set(errors["3"]) == {"name"}
    assert set(errors["4"]) == {"credit_code", "contact_phone"}
    assert errors["5"] == {"name": [TAKEN]}
    assert errors["7"] == {"name": ["与第 6 行的企业同名 / Same name as row 6."]}
    assert names(fair) == before


@pytest.mark.parametrize("text, row, field", [
    ("企业名称,地址\r\n重庆钢铁,渝北\r\n", "1", "columns"),  # an unknown column
    ("所属行业\r\n制造业\r\n", "1", "columns"),  # no name column
    ("企业名称\r\n", "2", "rows"),  # no employers
])
def test_csv_problems_point_at_the_row(fair, text, row, field):
    errors = fair.org("POST", f"{fair.base}/employers/import", 422, data=csv_upload(text)).get_json()["errors"]
    assert list(errors) == [row] and field in errors[row]


def test_two_columns_of_one_field_are_refused_not_guessed(fair):
    before = names(fair)
    upload = csv_upload("企业名称,联系电话,contact_phone\r\n重庆钢铁,023-67881234,13900001111\r\n")
    errors = fair.org("POST", f"{fair.base}/employers/import", 422, data=upload).get_json()["errors"]
    assert errors == {"1": {"columns": [
        "这几列是同一项，请只留一列 / These columns are the same field, keep one: 联系电话、contact_phone"]}}
    assert names(fair) == before


def test_too_many_rows_are_refused():
    table = Table(["企业名称"], 1, [(number, [f"单位{number}"]) for number in range(2, 1003)])
    with pytest.raises(ImportErrors) as raised:
        employers_from_table(table, set())
    assert list(raised.value.errors) == ["1002"]
    assert len(employers_from_table(Table(["企业名称"], 1, table.rows[:1000]), set())) == 1000


def test_unreadable_file_is_a_422_on_file(fair):
    upload = {"file": (io.BytesIO(b"PK\x03\x04 not really a zip"), "broken.xlsx")}
    assert list(fair.org("POST", f"{fair.base}/employers/import", 422, data=upload).get_json()["errors"]) == ["file"]


def test_a_name_registered_meanwhile_is_refused_by_the_store_with_its_row(fair, monkeypatch):
    # Another request registers 重庆钢铁 between this file's check and its registration.
    monkeypatch.setattr(exports.domain, "registered_employer_names", lambda store, fair_id: set())
    upload = csv_upload("企业名称\r\n渝味餐饮\r\n长安焊装\r\n")
    errors = fair.org("POST", f"{fair.base}/employers/import", 422, data=upload).get_json()["errors"]
    assert errors == {"3": {"name": [TAKEN]}}
    assert "渝味餐饮" not in names(fair)


@pytest.mark.parametrize("caller", ["emp", "kiosk"])
def test_only_the_organizer_imports_and_gets_the_template(fair, caller):
    getattr(fair, caller)("POST", f"{fair.base}/employers/import", 403, data=csv_upload("企业名称\r\n渝味餐饮\r\n"))
    getattr(fair, caller)("GET", f"{fair.base}/employers/template.xlsx", 403)


def test_another_fairs_organizer_cannot_import_here(fair, other_fair):
    other_fair.org("POST", f"{fair.base}/employers/import", 404, data=csv_upload("企业名称\r\n渝味餐饮\r\n"))
    other_fair.org("GET", f"{fair.base}/employers/template.xlsx", 404)
    assert "渝味餐饮" not in names(fair)
