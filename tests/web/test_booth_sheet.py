"""Booths for the employers registered already, from a spreadsheet: all or nothing, errors by row."""
import io

import pytest
from openpyxl import load_workbook

from tests.web.conftest import workbook_upload

NOT_REGISTERED = "本招聘会没有登记这家企业 / No employer of this name is registered in this fair."


def booths(fair):
    return {e["name"]: e["booth"] for e in fair.org("GET", f"{fair.base}/employers?limit=200", 200).get_json()["items"]}


def upload(fair, rows, headers=("企业名称", "展位号"), status=200):
    return fair.org("POST", f"{fair.base}/employers/booths", status,
                    data=workbook_upload(list(headers), rows, "展位表.xlsx")).get_json()


def test_the_sheet_lists_every_employer_with_its_booth(fair):
    fair.org("PATCH", f"{fair.base}/employers/{fair.employer['id']}", 200, json={"booth": "A12"})
    response = fair.org("GET", f"{fair.base}/employers/booths.xlsx", 200)
    sheet = load_workbook(io.BytesIO(response.get_data()))["展位"]
    assert list(sheet.iter_rows(values_only=True)) == [("企业名称", "展位号"), ("长安焊装", "A12"), ("山城火锅", None)]


def test_a_filled_sheet_sets_each_booth_named_as_registration_names_them(fair):
    updated = upload(fair, [["山城火锅", "Ｂ０７"], [" 长安焊装 ", "A12"]])["updated"]
    assert [(e["name"], e["booth"]) for e in updated] == [("山城火锅", "B07"), ("长安焊装", "A12")]
    assert booths(fair) == {"长安焊装": "A12", "山城火锅": "B07"}
    # The kiosk shows the new booth at once (this worker); a blank booth clears it, and a row left out stays.
    posting = fair.kiosk("GET", f"/api/v1/postings/{fair.welder['id']}", 200).get_json()
    assert posting["employer_booth"] == "A12"
    upload(fair, [["山城火锅", None]])
    assert booths(fair) == {"长安焊装": "A12", "山城火锅": None}
    # Numbers typed into Excel come back as numbers.
    upload(fair, [["山城火锅", 12]])
    assert booths(fair)["山城火锅"] == "12"


def test_the_registration_file_itself_can_carry_the_booths(fair):
    headers = ("企业名称", "所属行业", "统一社会信用代码", "联系人", "联系电话", "展位号")
    upload(fair, [["长安焊装", "制造业", None, "李经理", "023-67881234", "C01"]], headers=headers)
    assert booths(fair)["长安焊装"] == "C01"
    employer = fair.org("GET", f"{fair.base}/employers", 200).get_json()["items"][0]
    assert employer["contact_name"] is None  # only the booth is read


def test_a_bad_row_refuses_the_file_with_row_numbered_errors_and_changes_nothing(fair):
    upload(fair, [["长安焊装", "A12"]])
    errors = upload(fair, [
        ["山城火锅", "B07"],
        ["没有这家公司", "B08"],
        ["长安焊装", "A" * 21],
        [None, "B09"],
        ["山城火锅", "B10"],  # repeats row 2
    ], status=422)["errors"]
    assert errors == {
        "3": {"name": [NOT_REGISTERED]},
        "4": {"booth": ["Longer than maximum length 20."]},
        "5": {"name": ["请填写企业名称 / The employer's name is missing."]},
        "6": {"name": ["与第 2 行的企业同名 / Same name as row 2."]},
    }
    assert booths(fair) == {"长安焊装": "A12", "山城火锅": None}


@pytest.mark.parametrize("headers, message", [
    (("企业名称",), "缺少「展位号」列 / The 展位号 (booth) column is missing."),
    (("展位号",), "缺少「企业名称」列 / The 企业名称 (name) column is missing."),
])
def test_a_sheet_without_both_columns_is_refused_on_its_header(fair, headers, message):
    errors = upload(fair, [["长安焊装"]], headers=headers, status=422)["errors"]
    assert message in errors["1"]["columns"]
    assert booths(fair) == {"长安焊装": None, "山城火锅": None}


@pytest.mark.parametrize("caller", ["emp", "kiosk"])
def test_only_the_organizer_sets_booths_from_a_sheet(fair, caller):
    getattr(fair, caller)("POST", f"{fair.base}/employers/booths", 403,
                          data=workbook_upload(["企业名称", "展位号"], [["长安焊装", "A12"]], "x.xlsx"))
    getattr(fair, caller)("GET", f"{fair.base}/employers/booths.xlsx", 403)
    assert booths(fair)["长安焊装"] is None


def test_another_fairs_organizer_cannot_set_booths_here(fair, other_fair):
    other_fair.org("POST", f"{fair.base}/employers/booths", 404,
                   data=workbook_upload(["企业名称", "展位号"], [["长安焊装", "A12"]], "x.xlsx"))
    other_fair.org("GET", f"{fair.base}/employers/booths.xlsx", 404)
    # Nor can a sheet name another fair's employer.
    errors = upload(fair, [["长安焊装B", "A12"]], status=422)["errors"]
    assert errors == {"2": {"name": [NOT_REGISTERED]}}
