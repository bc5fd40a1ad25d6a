"""Exports: CSV that Excel on Chinese Windows opens cleanly, .xlsx, privacy and authorization."""
import csv
import io
import json

import pytest
from openpyxl import load_workbook

from service import domain
from service.web.exports import AGREEMENT_HEADERS, SHORTLIST_HEADERS
from tests.web.conftest import ZHANG, Caller, agree


def read_csv(response):
    body = response.get_data()
    assert body.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    text = body.decode("utf-8-sig")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    return list(csv.reader(io.StringIO(text, newline="")))


def read_xlsx(response, sheet=None):
    assert response.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    workbook = load_workbook(io.BytesIO(response.get_data()))
    return workbook[sheet] if sheet else workbook.active


def test_shortlist_csv_masks_contacts_until_agreement(fair):
    path = f"/api/v1/postings/{fair.welder['id']}/shortlist.csv"
    response = fair.emp("GET", path, 200)
    assert response.mimetype == "text/csv"
    assert "filename*=UTF-8''" in response.headers["Content-Disposition"]  # a Chinese file name
    rows = read_csv(response)
    assert rows[0] == SHORTLIST_HEADERS
    zhang = next(row for row in rows[1:] if row[2] == "张**")
    assert zhang[3] == "138****5678"
    assert "13812345678" not in response.get_data(as_text=True)
    assert "张伟" not in response.get_data(as_text=True)

    agree(fair, fair.welder, fair.zhang, fair.emp)
    rows = read_csv(fair.emp("GET", path, 200))
    zhang = next(row for row in rows[1:] if row[2] == "张伟")
    assert zhang[3] == "\t13812345678"  # the tab keeps Excel from showing 1.38E+10
    assert zhang[4] == "已达成意向" and zhang[5] == "高中"
    assert "焊" in zhang[-1]  # the reasons, in Chinese


def test_shortlist_xlsx_has_chinese_headers_sized_columns_and_text_phones(fair):
    agree(fair, fair.welder, fair.zhang, fair.emp)
    sheet = read_xlsx(fair.emp("GET", f"/api/v1/postings/{fair.welder['id']}/shortlist.xlsx", 200))
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == SHORTLIST_HEADERS
    revealed = next(row for row in rows[1:] if row[2] == "张伟")
    masked = next(row for row in rows[1:] if row[2] == "李**")
    assert revealed[3] == "13812345678" and masked[3] == "136****5432"
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["L"].width > sheet.column_dimensions["A"].width  # reasons wider than rank


def test_shortlist_export_respects_limit(fair):
    rows = read_csv(fair.emp("GET", f"/api/v1/postings/{fair.welder['id']}/shortlist.csv?limit=1", 200))
    assert len(rows) == 2


# Ways to reach 张伟 that only an agreement may show, typed into each field of free text an employer sees.
ZHANG_CONTACTS = {
    "desired_titles": ["焊工", "電焊工 微信：zw_weld88", "焊工 座机023-4012 3456"],
    "skills": ["电焊", "氩弧焊 1 3 8 1 2 3 4 5 6 7 8", "氩弧焊 旧身份证 500101900307123"],
    "locations": ["两江新区 張偉", "两江新区 工资卡 6222 0212 3456 7890"],
    "resume_text": "姓名：張　偉\n手机：138-1234-5678\n邮箱：zhangwei88@qq.com\n身份证：50010119900307123X\nQQ：12345678"
                   "\n座机：(023)40123456转123\n旧身份证：510102651231002\n工资卡：6222-0212-3456-7890-123",
}
ZHANG_REACHED_BY = ("张伟", "張偉", "張　偉", "13812345678", "138-1234-5678", "1 3 8 1 2 3 4 5 6 7 8",
                    "zhangwei88@qq.com", "zw_weld88", "50010119900307123X", "QQ：12345678", "023-4012 3456",
                    "40123456", "500101900307123", "510102651231002", "6222 0212 3456 7890", "6222-0212-3456-7890")


def test_a_shortlist_and_its_exports_show_no_way_to_reach_a_seeker_until_the_pair_agrees(fair):
    fair.kiosk("POST", f"{fair.base}/seekers", 200, json={**ZHANG, **ZHANG_CONTACTS})
    path = f"/api/v1/postings/{fair.welder['id']}/shortlist"

    def shortlist():
        return json.dumps(fair.emp("GET", path, 200).get_json(), ensure_ascii=False)

    def exported(kind):
        response = fair.emp("GET", f"{path}.{kind}", 200)
        rows = read_csv(response) if kind == "csv" else read_xlsx(response).iter_rows(values_only=True)
        return "\n".join("\t".join(str(cell) for cell in row) for row in rows)

    for shown in (shortlist(), exported("csv"), exported("xlsx")):
        assert [way for way in ZHANG_REACHED_BY if way in shown] == []

    agree(fair, fair.welder, fair.zhang, fair.emp)
    assert [way for way in ZHANG_REACHED_BY if way not in shortlist()] == []
    exported_columns = ("张伟", "13812345678", *ZHANG_CONTACTS["desired_titles"], *ZHANG_CONTACTS["skills"],
                        *ZHANG_CONTACTS["locations"])
    for kind in ("csv", "xlsx"):
        assert [value for value in exported_columns if value not in exported(kind)] == []


def test_agreements_exports_show_an_employer_its_own_and_the_organizer_all(fair):
    agree(fair, fair.welder, fair.zhang, fair.emp)
    agree(fair, fair.cook, fair.li, fair.emp2)
    rows = read_csv(fair.emp("GET", f"{fair.base}/agreements.csv", 200))
    assert rows[0] == AGREEMENT_HEADERS
    assert [row[1:6] for row in rows[1:]] == [["电焊工", "长安焊装", "", "张伟", "\t13812345678"]]
    fair.org("PATCH", f"{fair.base}/employers/{fair.employer['id']}", 200, json={"booth": "A12"})
    sheet = read_xlsx(fair.org("GET", f"{fair.base}/agreements.xlsx", 200))
    rows = sorted(row[2:5] for row in sheet.iter_rows(min_row=2, values_only=True))
    assert rows == [("山城火锅", None, "李娟"), ("长安焊装", "A12", "张伟")]


def test_stats_xlsx_has_the_jobs_to_seekers_ratio(fair):
    workbook = load_workbook(io.BytesIO(fair.org("GET", f"{fair.base}/stats.xlsx", 200).get_data()))
    assert workbook.sheetnames == ["汇总", "按职业", "按企业", "按小时"]
    totals = dict(workbook["汇总"].iter_rows(min_row=2, values_only=True))
    assert totals["招聘人数 Positions"] == 5 and totals["求职者 Seekers"] == 2
    occupations = list(workbook["按职业"].iter_rows(values_only=True))
    assert occupations[0][5] == "求人倍率"
    for code, name, postings, positions, seekers, ratio, agreements in occupations[1:]:
        assert ratio == (round(positions / seekers, 2) if seekers else None)


def test_stats_xlsx_shows_the_seekers_each_booth_leaves_waiting(fair):
    for seeker in (fair.zhang, fair.li):
        fair.kiosk("PUT", f"/api/v1/postings/{fair.welder['id']}/intents/{seeker['id']}", 200)
    agree(fair, fair.welder, fair.zhang, fair.emp)
    workbook = load_workbook(io.BytesIO(fair.org("GET", f"{fair.base}/stats.xlsx", 200).get_data()))
    employers = list(workbook["按企业"].iter_rows(values_only=True))
    assert employers[0][-1] == "待回复"
    assert {row[0]: row[-1] for row in employers[1:]} == {fair.employer["name"]: 1, "山城火锅": 0}
    assert dict(workbook["汇总"].iter_rows(min_row=2, values_only=True))["待回复 Awaiting reply"] == 1


def test_text_typed_by_a_seeker_never_becomes_a_formula(fair):
    fair.kiosk("POST", f"{fair.base}/seekers", 201, json={
        "name": "王五", "phone": "13900001111", "consent": True, "desired_titles": ["焊工"],
        "skills": ["=HYPERLINK(\"x\")"], "resume_text": "电焊"})
    rows = read_csv(fair.emp("GET", f"/api/v1/postings/{fair.welder['id']}/shortlist.csv", 200))
    wang = next(row for row in rows[1:] if row[2] == "王**")
    assert wang[SHORTLIST_HEADERS.index("技能")] == "'=HYPERLINK(\"x\")"
    sheet = read_xlsx(fair.emp("GET", f"/api/v1/postings/{fair.welder['id']}/shortlist.xlsx", 200))
    cell = next(row for row in sheet.iter_rows(min_row=2) if row[2].value == "王**")[9]
    assert cell.data_type == "s" and cell.value.startswith("'=")



@pytest.mark.parametrize("name", ["=HYPERLINK(\"http://x\",\"点我\")", "+86 联合体", "-1+1", "@SUM(A1)",
                                  "\t=1+1", "\r=1+1"])
def test_an_employer_name_never_becomes_a_formula_in_the_stats(fair, name):
    # An organizer types employer names as the employer gives them; the stats files carry them to Excel.
    employer = fair.org("POST", f"{fair.base}/employers", 201, json={"name": name}).get_json()
    Caller(fair.org.client, employer["token"])("POST", f"{fair.base}/postings", 201, json={"title": "仓管员"})

    rows = read_csv(fair.org("GET", f"{fair.base}/stats.csv", 200))
    by_employer = rows[rows.index(["按单位 By employer"]) + 2:]
    row = next(row for row in by_employer if row[1].endswith(name))
    assert row[1] == "'" + name
    assert row[0] == str(employer["id"]) and row[3:] == ["1", "1", "0", "0", "0", "0"]  # numbers stay numbers
    totals = {row[0]: row[2] for row in rows[2:2 + len(domain.STATS_TOTALS)]}
    assert totals["employers"] == "3" and totals["positions"] == "6"

    sheet = read_xlsx(fair.org("GET", f"{fair.base}/stats.xlsx", 200), "按企业")
    stored = name.replace("\r", "\n")  # XML reads a carriage return back as a line feed
    cells = next(row for row in sheet.iter_rows(min_row=2) if str(row[0].value).endswith(stored))
    assert cells[0].data_type == "s" and cells[0].value == "'" + stored
    assert [cell.value for cell in cells[1:]] == [None, 1, 1, 0, 0, 0, 0] and cells[2].data_type == "n"  # no booth


EXPORTS = [
    "/api/v1/postings/{welder}/shortlist.csv",
    "/api/v1/postings/{welder}/shortlist.xlsx",
    "{base}/agreements.csv",
    "{base}/agreements.xlsx",
    "{base}/stats.xlsx",
    "{base}/postings/template.xlsx",
    "{base}/postings/without-interest",
]


@pytest.mark.parametrize("template", EXPORTS)
def test_exports_need_a_token(fair, client, template):
    path = template.format(welder=fair.welder["id"], base=fair.base)
    response = Caller(client, None)("GET", path, 401)
    assert response.get_json()["code"] == 401
    Caller(client, "fme_unknown")("GET", path, 401)


@pytest.mark.parametrize("template, caller, status", [
    ("/api/v1/postings/{welder}/shortlist.csv", "kiosk", 403),
    ("/api/v1/postings/{welder}/shortlist.xlsx", "emp2", 403),  # another employer's posting
    ("/api/v1/postings/{welder}/shortlist.csv", "other_org", 404),  # another fair's organizer
    ("{base}/agreements.csv", "kiosk", 403),
    ("{base}/agreements.xlsx", "other_emp", 404),
    ("{base}/stats.xlsx", "emp", 403),
    ("{base}/stats.xlsx", "other_org", 404),
    ("{base}/postings/template.xlsx", "kiosk", 403),
    ("{base}/postings/without-interest", "emp", 403),
])
def test_exports_refuse_the_wrong_caller(fair, other_fair, template, caller, status):
    callers = {"kiosk": fair.kiosk, "emp": fair.emp, "emp2": fair.emp2,
               "other_org": other_fair.org, "other_emp": other_fair.emp}
    response = callers[caller]("GET", template.format(welder=fair.welder["id"], base=fair.base), status)
    assert set(response.get_json()) >= {"code", "status", "message"}


def test_postings_without_interest_lists_open_postings_nobody_marked(fair):
    path = f"{fair.base}/postings/without-interest"
    assert sorted(item["title"] for item in fair.org("GET", path, 200).get_json()["items"]) == ["川菜厨师", "电焊工"]
    fair.kiosk("PUT", f"/api/v1/postings/{fair.welder['id']}/intents/{fair.zhang['id']}", 200)
    fair.emp2("PATCH", f"/api/v1/postings/{fair.cook['id']}", 200, json={"status": "closed"})
    fair.emp2("POST", f"{fair.base}/postings", 201, json={"title": "传菜员"})
    found = fair.org("GET", path, 200).get_json()
    assert [(item["title"], item["employer_name"]) for item in found["items"]] == [("传菜员", "山城火锅")]
    assert found["total"] == 1


def test_postings_without_interest_are_the_ones_stats_counts(fair):
    # Erasing a seeker leaves the counts already reported, the count of postings with interest included:
    # the dashboard shows this list under that count.
    fair.kiosk("PUT", f"/api/v1/postings/{fair.welder['id']}/intents/{fair.zhang['id']}", 200)
    fair.kiosk("DELETE", f"/api/v1/seekers/{fair.zhang['id']}", 204)
    found = fair.org("GET", f"{fair.base}/postings/without-interest", 200).get_json()
    stats = fair.org("GET", f"{fair.base}/stats", 200).get_json()
    assert found["total"] == stats["postings_without_interest"] == 1
    assert [item["title"] for item in found["items"]] == ["川菜厨师"]


def test_xlsx_exports_take_text_with_control_characters(fair):
    # A line break pasted from Word is \x0b; a worksheet cannot hold it, nor \x01 and the like.
    fair.kiosk("POST", f"{fair.base}/seekers", 200, json={**ZHANG, "resume_text": "五年电焊经验\x0b持焊工证"})
    agree(fair, fair.welder, fair.zhang, fair.emp)
    rows = list(read_xlsx(fair.emp("GET", f"{fair.base}/agreements.xlsx", 200)).iter_rows(values_only=True))
    assert rows[1][AGREEMENT_HEADERS.index("个人简历")] == "五年电焊经验 持焊工证"
    posting = fair.emp("POST", f"{fair.base}/postings", 201, json={"title": "电焊工\x01"}).get_json()
    rows = list(read_xlsx(fair.emp("GET", f"/api/v1/postings/{posting['id']}/shortlist.xlsx", 200)).iter_rows())
    assert len(rows) > 1
