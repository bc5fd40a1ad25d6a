"""Bulk upload of postings from the template: all or nothing, errors by spreadsheet row."""
import io
import re
import zipfile

import pytest
from openpyxl import load_workbook

from service.web.imports import COLUMNS, ImportErrors, postings_from_table
from service.web.spreadsheets import MAX_READ_COLUMNS, Table, read_table
from tests.web.conftest import workbook_upload

HEADERS = [zh for _, zh, _, _ in COLUMNS]


def xlsx_upload(rows, headers=HEADERS):
    return workbook_upload(headers, rows, "职位.xlsx")


def rewrite_sheet(xlsx: bytes, change) -> bytes:
    """The workbook with its first sheet's XML passed through ``change``."""
    source, out = zipfile.ZipFile(io.BytesIO(xlsx)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = change(data)
            target.writestr(item, data)
    return out.getvalue()


def claiming_the_whole_sheet(xlsx: bytes) -> bytes:
    """The workbook with its first sheet's <dimension> claiming every cell Excel has, as some programs write it."""
    return rewrite_sheet(xlsx, lambda xml: re.sub(rb"<dimension [^>]*>", b'<dimension ref="A1:XFD1048576"/>', xml))


def cut_short(xlsx: bytes) -> bytes:
    """The workbook with its first sheet's XML ending in the middle of a row, as an interrupted save leaves it."""
    return rewrite_sheet(xlsx, lambda xml: xml[:xml.index(b"</sheetData>")] + b'<row r="9"><c r="A9"')


def inflated(xlsx: bytes) -> bytes:
    """The workbook with 30 MB of text in its first sheet's first cell: some 30 KB zipped."""
    return rewrite_sheet(xlsx, lambda xml: xml.replace(b"<t>", b"<t>" + b"x" * 30_000_000, 1))


def csv_upload(text, encoding="utf-8-sig", name="postings.csv"):
    return {"file": (io.BytesIO(text.encode(encoding)), name)}


def titles(fair):
    listed = fair.org("GET", f"{fair.base}/postings?limit=200", 200).get_json()["items"]
    return sorted(posting["title"] for posting in listed)


def test_template_has_the_columns_and_a_sheet_explaining_them(fair):
    response = fair.emp("GET", f"{fair.base}/postings/template.xlsx", 200)
    workbook = load_workbook(io.BytesIO(response.get_data()))
    assert workbook.sheetnames == ["职位", "填写说明"]
    assert [cell.value for cell in workbook["职位"][1]] == HEADERS
    guide = list(workbook["填写说明"].iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in guide] == HEADERS and all(row[2] for row in guide)


def test_good_xlsx_creates_every_row_with_chinese_values_understood(fair):
    upload = xlsx_upload([
        ["叉车司机", "仓库装卸", "叉车证、仓储", 2, "初中", 1, 5000, 7000, "空港", "全职"],
        ["收银员", None, "收银", "3", "高中", None, "4,000", 4500.0, None, "兼职"],
    ])
    response = fair.emp("POST", f"{fair.base}/postings/import", 201, data=upload)
    created = response.get_json()["created"]
    assert len(created) == 2
    forklift = fair.emp("GET", f"/api/v1/postings/{created[0]}", 200).get_json()
    assert forklift["skills"] == ["叉车证", "仓储"] and forklift["education_min"] == "junior_high"
    assert forklift["employer_id"] == fair.employer["id"] and forklift["occupation"] is not None
    cashier = fair.emp("GET", f"/api/v1/postings/{created[1]}", 200).get_json()
    assert (cashier["headcount"], cashier["salary_min"], cashier["salary_max"]) == (3, 4000, 4500)
    assert cashier["job_type"] == "part_time" and cashier["education_min"] == "high_school"


def test_an_upload_retried_with_its_idempotency_key_imports_once(fair):
    text = "职位名称,招聘人数\r\n保安,5\r\n保洁,2\r\n"
    key = {"Idempotency-Key": "upload-42"}
    first = fair.emp("POST", f"{fair.base}/postings/import", 201, data=csv_upload(text), headers=key).get_json()
    again = fair.emp("POST", f"{fair.base}/postings/import", 201, data=csv_upload(text), headers=key).get_json()
    assert again == first and titles(fair).count("保安") == 1
    edited = csv_upload(text.replace("保洁", "保洁员"))
    assert fair.emp("POST", f"{fair.base}/postings/import", 422, data=edited, headers=key).get_json()["errors"] \
        == {"Idempotency-Key": ["Already used for other postings; send a new key."]}


def test_gbk_csv_as_saved_by_chinese_excel_is_read(fair):
    text = "职位名称,招聘人数,最低学历,工作性质\r\n保安,5,不限/小学,全职\r\n"
    created = fair.emp("POST", f"{fair.base}/postings/import", 201, data=csv_upload(text, "gbk")).get_json()
    posting = fair.emp("GET", f"/api/v1/postings/{created['created'][0]}", 200).get_json()
    assert (posting["title"], posting["headcount"], posting["education_min"]) == ("保安", 5, "none")


def test_a_bad_row_rejects_the_file_with_row_numbered_errors_and_creates_nothing(fair):
    before = titles(fair)
    upload = xlsx_upload([
        ["叉车司机", None, None, 2, None, None, 5000, 7000, None, None],
        [None, "没有名称", None, None, None, None, None, None, None, None],
        ["焊工", None, None, "五", "大学", None, 9000, 6000, None, None],
    ])
    response = fair.emp("POST", f"{fair.base}/postings/import", 422, data=upload)
    errors = response.get_json()["errors"]
    assert set(errors) == {"3", "4"}
    assert set(errors["3"]) == {"title"}
    assert set(errors["4"]) == {"headcount", "education_min", "salary_max"}
    assert "高中" in errors["4"]["education_min"][0]  # the allowed values, in Chinese
    assert titles(fair) == before


def test_a_skill_too_long_is_named_by_its_place_in_the_cell_as_a_single_posting_names_it(fair):
    # The row's errors had carried the Python text "{0: ['Length must be between 1 and 50.']}".
    upload = csv_upload("职位名称,技能要求\r\n叉车司机,叉车证、" + "会" * 60 + "\r\n")
    errors = fair.emp("POST", f"{fair.base}/postings/import", 422, data=upload).get_json()["errors"]
    single = fair.emp("POST", f"{fair.base}/postings", 422, json={"title": "叉车司机", "skills": ["叉车证", "会" * 60]})
    assert errors == {"2": {"skills": {"1": ["Length must be between 1 and 50."]}}}
    assert errors["2"]["skills"] == single.get_json()["errors"]["skills"]


@pytest.mark.parametrize("text, row, field", [
    ("职位名称,薪水\r\n保安,5000\r\n", "1", "columns"),  # an unknown column
    ("招聘人数\r\n5\r\n", "1", "columns"),  # no title column
    ("职位名称\r\n", "2", "rows"),  # no postings
    ("\r\n\r\n职位名称,招聘人数\r\n保安,-1\r\n", "4", "headcount"),  # blank lines still count
    ("职位名称,招聘人数\r\n保安," + "9" * 400 + "\r\n", "2", "headcount"),  # too big even for a float
])
def test_csv_problems_point_at_the_row(fair, text, row, field):
    errors = fair.emp("POST", f"{fair.base}/postings/import", 422, data=csv_upload(text)).get_json()["errors"]
    assert list(errors) == [row] and field in errors[row]


def test_two_columns_of_one_field_are_refused_not_guessed(fair):
    before = titles(fair)
    upload = csv_upload("职位名称,title,最低月薪（元）,salary_min\r\n保安,门卫,4000,5000\r\n")
    errors = fair.emp("POST", f"{fair.base}/postings/import", 422, data=upload).get_json()["errors"]
    assert errors == {"1": {"columns": [
        "这几列是同一项，请只留一列 / These columns are the same field, keep one: 职位名称、title",
        "这几列是同一项，请只留一列 / These columns are the same field, keep one: 最低月薪（元）、salary_min"]}}
    assert titles(fair) == before


@pytest.mark.parametrize("upload", [
    {"file": (io.BytesIO(b"PK\x03\x04 not really a zip"), "broken.xlsx")},
    {"file": (io.BytesIO(b"\xd0\xcf\x11\xe0 old excel"), "old.xls")},
    {"file": (io.BytesIO(b"\xff\xfe\x00\xd8"), "binary.csv")},
    # A cell longer than the csv module reads (131,072 characters), well within the body limit.
    {"file": (io.BytesIO(("职位名称,职位描述\r\n保安," + "x" * 200_000 + "\r\n").encode()), "long.csv")},
    # A zip that opens but whose sheet is damaged: openpyxl only parses the sheet while rows are read.
    {"file": (io.BytesIO(cut_short(xlsx_upload([["保安"]])["file"][0].getvalue())), "cut.xlsx")},
    # ~30 KB that unzips to 30 MB (at the 1 MB body limit, a gigabyte in the worker's memory).
    {"file": (io.BytesIO(inflated(xlsx_upload([["保安"]])["file"][0].getvalue())), "inflated.xlsx")},
])
def test_unreadable_files_are_a_422_on_file(fair, upload):
    errors = fair.emp("POST", f"{fair.base}/postings/import", 422, data=upload).get_json()["errors"]
    assert list(errors) == ["file"]


def test_missing_file_is_a_422(fair):
    errors = fair.emp("POST", f"{fair.base}/postings/import", 422, data={}).get_json()["errors"]
    assert "file" in errors


@pytest.mark.parametrize("caller", ["kiosk", "org"])
def test_only_an_employer_imports(fair, caller):
    getattr(fair, caller)("POST", f"{fair.base}/postings/import", 403, data=csv_upload("职位名称\r\n保安\r\n"))


def test_another_fairs_employer_cannot_import_here(fair, other_fair):
    other_fair.emp("POST", f"{fair.base}/postings/import", 404, data=csv_upload("职位名称\r\n保安\r\n"))


def test_headers_accept_api_field_names_and_hints():
    table = Table(["title", "最低月薪（元）", "招聘人数*"], 1, [(2, ["Welder", 5000.0, "2"])])
    assert postings_from_table(table)[0] == {
        "title": "Welder", "salary_min": 5000, "headcount": 2, "description": "", "skills": [],
        "job_type": "full_time"}


def test_too_many_rows_are_refused():
    table = Table(["职位名称"], 1, [(number, ["保安"]) for number in range(2, 503)])
    with pytest.raises(ImportErrors) as raised:
        postings_from_table(table)
    assert list(raised.value.errors) == ["502"]


def test_a_sheet_claiming_every_cell_is_read_as_the_cells_it_has(fair):
    # openpyxl padded each row read to the 16,384 columns the file claimed: with one
    # stray cell at XFD1048576 too, a 5 KB upload kept a worker busy for minutes.
    upload = xlsx_upload([["保安", None, None, 5]])
    data = claiming_the_whole_sheet(upload["file"][0].getvalue())
    table = read_table("职位.xlsx", data)
    assert table.headers[:4] == HEADERS[:4] and len(table.headers) <= MAX_READ_COLUMNS
    assert [number for number, _ in table.rows] == [2]
    created = fair.emp("POST", f"{fair.base}/postings/import", 201, data={"file": (io.BytesIO(data), "职位.xlsx")})
    assert len(created.get_json()["created"]) == 1
