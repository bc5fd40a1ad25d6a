"""Spreadsheet exports and the bulk uploads of postings and employers, under /api/v1.

Same tokens and the same rules as the JSON API they mirror: a shortlist export
is what the shortlist shows (contacts masked until the pair agrees), an
agreements export is what ``GET /fairs/{id}/agreements`` shows.
"""
from __future__ import annotations

import io
import re
from contextlib import contextmanager
from datetime import date

from flask import current_app, send_file
from flask.views import MethodView
from flask_smorest import abort
from flask_smorest.fields import Upload
from marshmallow import Schema, fields, validate

from schemas.base import BaseSchema
from schemas.employers import EmployerBoothsSet, EmployersImported
from schemas.postings import PostingCreatedBatch, PostingOut, RequestKeyHeaders
from service import domain
from service.auth import EMPLOYER, ORGANIZER, authorized, fair_for, posting_for
from service.blueprint import Blueprint
from service.context import get_indexes, get_store, now
from service.store import NamesTaken

from . import i18n
from .imports import (
    ImportErrors, booth_sheets, booths_from_table, employer_template_sheets, employers_from_table, names_taken_errors,
    postings_from_table, template_sheets,
)
from .spreadsheets import (
    CSV_MIMETYPE, XLSX_MIMETYPE, Sheet, UnreadableFile, csv_bytes, read_table, xlsx_bytes,
)

blp = Blueprint("files", __name__, url_prefix="/api/v1",
                description="Spreadsheet exports (CSV with BOM, .xlsx) and bulk uploads of postings and employers.")

# Agreements are exported whole; this only bounds a pathological fair.
MAX_EXPORT_ROWS = 100_000
_UNSAFE_FILENAME = re.compile(r'[\\/:*?"<>|\s]+')

SHORTLIST_HEADERS = ["排名", "匹配度(%)", "姓名", "手机号", "意向", "学历", "工作年限", "期望月薪(元)",
                     "想找的工作", "技能", "希望工作地点", "匹配理由"]
SHORTLIST_PHONE_COLUMN = 3
AGREEMENT_HEADERS = ["达成时间", "职位", "企业", "展位", "姓名", "手机号", "学历", "工作年限", "期望月薪(元)",
                     "想找的工作", "技能", "希望工作地点", "个人简历"]
AGREEMENT_PHONE_COLUMN = 5

employer_or_organizer_of_fair = authorized(lambda fair_id: fair_for(fair_id, EMPLOYER, ORGANIZER))
organizer_of_fair = authorized(lambda fair_id: fair_for(fair_id, ORGANIZER))
employer_of_fair = authorized(lambda fair_id: fair_for(fair_id, EMPLOYER))
shortlist_reader = authorized(lambda posting_id: posting_for(posting_id, ORGANIZER, EMPLOYER))


class ExportQuery(BaseSchema):
    """How many ranked seekers a shortlist export holds."""

    limit = fields.Integer(load_default=200, validate=validate.Range(min=1, max=1000))


class ImportFile(Schema):
    """The uploaded template: .xlsx or .csv (UTF-8 or GBK)."""

    file = Upload(required=True)


class PostingListOut(Schema):
    """Postings, with their total."""

    items = fields.List(fields.Nested(PostingOut))
    total = fields.Integer()


# -- rows ----------------------------------------------------------------------

def _education(code):
    return i18n.text("education." + code) if code else ""


def _intent_text(intent: dict) -> str:
    if intent.get("agreed"):
        return "已达成意向"
    sides = [text for flag, text in (("seeker_interested", "求职者感兴趣"), ("employer_interested", "企业已标记"))
             if intent.get(flag)]
    return "、".join(sides)


def _seeker_columns(seeker: dict) -> list:
    return [_education(seeker.get("education")), seeker.get("experience_years"), seeker.get("salary_expectation"),
            seeker.get("desired_titles") or [], seeker.get("skills") or [], seeker.get("locations") or []]


def shortlist_rows(shortlist: dict) -> list[list]:
    """One row per ranked seeker; name and phone stay masked until the pair agrees."""
    rows = []
    for result in shortlist["results"]:
        seeker = result["seeker"]
        reasons = "；".join(reason["text"]["zh"] for reason in result["reasons"] if reason.get("text"))
        rows.append([result["rank"], round(result["score"] * 100, 1),
                     seeker.get("name") or seeker["masked_name"], seeker.get("phone") or seeker["masked_phone"],
                     _intent_text(result["intent"]), *_seeker_columns(seeker), reasons])
    return rows


def agreement_rows(agreements: list[dict]) -> list[list]:
    """One row per agreed pair, contacts revealed."""
    return [[(item.get("agreed_at") or "").replace("T", " ")[:19], item["posting"]["title"],
             item["posting"].get("employer_name") or "", item["posting"].get("employer_booth") or "",
             item["seeker"]["name"], item["seeker"]["phone"],
             *_seeker_columns(item["seeker"]), item["seeker"].get("resume_text") or ""]
            for item in agreements]


def stats_sheets(stats: dict) -> list[Sheet]:
    """The fair's statistics as four sheets: totals, occupations (with 求人倍率), employers, hours."""
    def ratio(row):
        return round(row["positions"] / row["seekers"], 2) if row.get("seekers") else ""

    return [
        Sheet("汇总", ["指标", "数值"], [[label, stats.get(key, 0)] for key, label in domain.STATS_TOTALS]),
        Sheet("按职业", ["职业代码", "职业", "职位数", "招聘人数", "求职人数", "求人倍率", "达成意向"],
              [[row.get("code"), row.get("name"), row.get("postings"), row.get("positions"), row.get("seekers"),
                ratio(row), row.get("agreements")] for row in stats.get("by_occupation", [])]),
        Sheet("按企业", ["企业", "展位", "职位数", "招聘人数", "求职者意向", "企业意向", "达成意向", "待回复"],
              [[row.get("name"), row.get("booth"), row.get("postings"), row.get("positions"), row.get("seeker_intents"),
                row.get("employer_intents"), row.get("agreements"), row.get("awaiting_employer")]
               for row in stats.get("by_employer", [])]),
        Sheet("按小时", ["时段", "新登记求职者", "求职者意向", "达成意向"],
              [[(row.get("hour") or "").replace("T", " ")[:16], row.get("seekers"), row.get("seeker_intents"),
                row.get("agreements")] for row in stats.get("by_hour", [])]),
    ]


_STATS_CSV_SECTIONS = (
    ("by_occupation", "按职业 By occupation",
     ("code", "name", "name_en", "postings", "positions", "seekers", "agreements")),
    ("by_employer", "按单位 By employer",
     ("employer_id", "name", "booth", "postings", "positions", "seeker_intents", "employer_intents", "agreements",
      "awaiting_employer")),
    ("by_hour", "按小时 By hour", ("hour", "seekers", "seeker_intents", "agreements")),
)


def stats_csv_rows(stats: dict) -> list[list]:
    """The fair's statistics as CSV sections (totals, by occupation, by employer, by hour),
    each a title row and a header row of the JSON's keys, a blank row between them."""
    rows = [["汇总 Totals", f"fair {stats.get('fair_id', '')}", stats.get("generated_at", "")],
            ["metric", "label", "value"]]
    rows += [[key, label, stats.get(key, 0)] for key, label in domain.STATS_TOTALS]
    for key, title, columns in _STATS_CSV_SECTIONS:
        rows += [[], [title], list(columns)]
        rows += [[row.get(column, "") for column in columns] for row in stats.get(key, [])]
    return rows


def postings_without_interest(store, fair_id: int) -> list[dict]:
    """Open postings of the fair that no seeker has marked yet, newest first: the ones
    stats count in ``postings_without_interest`` (an erased seeker's marks still count)."""
    found, page_size = [], 200
    while True:
        page, total = store.list_postings(fair_id, status="open", without_interest=True,
                                          limit=page_size, offset=len(found))
        found += page
        if len(found) >= total or not page:
            return domain.with_employer_names(store, found)


# -- responses -----------------------------------------------------------------

def _filename(*parts) -> str:
    stem = "_".join(_UNSAFE_FILENAME.sub("-", str(part)).strip("-") for part in parts if part)
    return f"{stem}_{date.today().isoformat()}"


def _csv_file(headers, rows, name, *, phone_column):
    return send_file(io.BytesIO(csv_bytes(headers, rows, text_columns=[phone_column])), mimetype=CSV_MIMETYPE,
                     as_attachment=True, download_name=name + ".csv", max_age=0)


def _xlsx_file(sheets, name):
    return send_file(io.BytesIO(xlsx_bytes(sheets)), mimetype=XLSX_MIMETYPE,
                     as_attachment=True, download_name=name + ".xlsx", max_age=0)


def _shortlist(posting, limit):
    return domain.shortlist(get_store(), get_indexes(), posting["fair_id"], posting["id"], limit=limit, offset=0)


def _agreements(principal, fair_id):
    employer_id = principal.id if principal.role == EMPLOYER else None
    return domain.agreements(get_store(), fair_id, employer_id=employer_id,
                             limit=MAX_EXPORT_ROWS, offset=0)["items"]


# -- views ---------------------------------------------------------------------

@blp.route("/postings/<int:posting_id>/shortlist.csv")
class ShortlistCsv(MethodView):
    @shortlist_reader
    @blp.arguments(ExportQuery(), location="query")
    @blp.response(200, content_type=CSV_MIMETYPE, description="UTF-8 with BOM, CRLF; Chinese headers.")
    @blp.alt_response(403, description="Not the owner employer or the organizer.")
    @blp.alt_response(404, description="No such posting for this token.")
    def get(self, query, posting_id, access):
        """The posting's shortlist as CSV; contacts masked until the pair agrees."""
        _, posting = access
        return _csv_file(SHORTLIST_HEADERS, shortlist_rows(_shortlist(posting, query["limit"])),
                         _filename("候选人", posting["title"], posting_id), phone_column=SHORTLIST_PHONE_COLUMN)


@blp.route("/postings/<int:posting_id>/shortlist.xlsx")
class ShortlistXlsx(MethodView):
    @shortlist_reader
    @blp.arguments(ExportQuery(), location="query")
    @blp.response(200, content_type=XLSX_MIMETYPE, description="One sheet, Chinese headers.")
    @blp.alt_response(403, description="Not the owner employer or the organizer.")
    @blp.alt_response(404, description="No such posting for this token.")
    def get(self, query, posting_id, access):
        """The posting's shortlist as an Excel workbook; contacts masked until the pair agrees."""
        _, posting = access
        rows = shortlist_rows(_shortlist(posting, query["limit"]))
        return _xlsx_file([Sheet("候选人", SHORTLIST_HEADERS, rows)], _filename("候选人", posting["title"], posting_id))


@blp.route("/fairs/<int:fair_id>/agreements.csv")
class AgreementsCsv(MethodView):
    @employer_or_organizer_of_fair
    @blp.response(200, content_type=CSV_MIMETYPE, description="UTF-8 with BOM, CRLF; Chinese headers.")
    @blp.alt_response(403, description="Not an employer or organizer token of this fair.")
    @blp.alt_response(404, description="No such fair for this token.")
    def get(self, fair_id, access):
        """Agreed candidates with contacts as CSV: an employer's own, or all for the organizer."""
        principal, _ = access
        return _csv_file(AGREEMENT_HEADERS, agreement_rows(_agreements(principal, fair_id)),
                         _filename("已达成意向", fair_id), phone_column=AGREEMENT_PHONE_COLUMN)


@blp.route("/fairs/<int:fair_id>/agreements.xlsx")
class AgreementsXlsx(MethodView):
    @employer_or_organizer_of_fair
    @blp.response(200, content_type=XLSX_MIMETYPE, description="One sheet, Chinese headers.")
    @blp.alt_response(403, description="Not an employer or organizer token of this fair.")
    @blp.alt_response(404, description="No such fair for this token.")
    def get(self, fair_id, access):
        """Agreed candidates with contacts as an Excel workbook."""
        principal, _ = access
        rows = agreement_rows(_agreements(principal, fair_id))
        return _xlsx_file([Sheet("已达成意向", AGREEMENT_HEADERS, rows)], _filename("已达成意向", fair_id))


@blp.route("/fairs/<int:fair_id>/stats.xlsx")
class StatsXlsx(MethodView):
    @organizer_of_fair
    @blp.response(200, content_type=XLSX_MIMETYPE, description="Sheets: totals, by occupation, by employer, by hour.")
    @blp.alt_response(403, description="Not this fair's organizer.")
    @blp.alt_response(404, description="No such fair for this token.")
    def get(self, fair_id, access):
        """The fair's statistics as an Excel workbook, with 求人倍率 per occupation."""
        stats = {**get_store().stats(fair_id), "fair_id": fair_id, "generated_at": now()}
        return _xlsx_file(stats_sheets(stats), _filename("招聘会统计", fair_id))


@blp.route("/fairs/<int:fair_id>/postings/without-interest")
class PostingsWithoutInterest(MethodView):
    @organizer_of_fair
    @blp.response(200, PostingListOut)
    @blp.alt_response(403, description="Not this fair's organizer.")
    @blp.alt_response(404, description="No such fair for this token.")
    def get(self, fair_id, access):
        """Open postings no seeker has marked yet (the dashboard's list)."""
        found = postings_without_interest(get_store(), fair_id)
        return {"items": found, "total": len(found)}


@contextmanager
def _refused_file_as_422():
    """An unreadable file or invalid rows answer 422: errors on ``file``, or by row number then field."""
    try:
        yield
    except UnreadableFile as error:
        abort(422, message=str(error), errors={"file": [str(error)]})
    except ImportErrors as error:
        abort(422, message="Some rows are invalid; nothing was imported.", errors=error.errors)


@blp.route("/fairs/<int:fair_id>/postings/template.xlsx")
class PostingTemplate(MethodView):
    @employer_or_organizer_of_fair
    @blp.response(200, content_type=XLSX_MIMETYPE, description="Sheet 职位 to fill, sheet 填写说明 explaining it.")
    @blp.alt_response(404, description="No such fair for this token.")
    def get(self, fair_id, access):
        """The bulk-upload template for postings."""
        return _xlsx_file(template_sheets(), "职位导入模板")


@blp.route("/fairs/<int:fair_id>/postings/import")
class PostingImport(MethodView):
    @employer_of_fair
    @blp.arguments(ImportFile(), location="files")
    @blp.arguments(RequestKeyHeaders(), location="headers")
    @blp.response(201, PostingCreatedBatch)
    @blp.alt_response(403, description="Not an employer token of this fair.")
    @blp.alt_response(409, description="Its Idempotency-Key created postings that were deleted since.")
    @blp.alt_response(422, description="Errors keyed by spreadsheet row number, then field; nothing was created.")
    def post(self, upload, headers, fair_id, access):
        """Create the postings of a filled-in template (.xlsx or .csv), all or nothing."""
        employer, _ = access
        file = upload["file"]
        with _refused_file_as_422():
            items = postings_from_table(read_table(file.filename or "", file.read()))
        created = domain.create_postings(get_store(), fair_id, employer.id, items, now=now(),
                                         request_key=headers["request_key"])
        return {"created": [posting["id"] for posting in created]}


@blp.route("/fairs/<int:fair_id>/employers/template.xlsx")
class EmployerTemplate(MethodView):
    @organizer_of_fair
    @blp.response(200, content_type=XLSX_MIMETYPE, description="Sheet 企业 to fill, sheet 填写说明 explaining it.")
    @blp.alt_response(403, description="Not this fair's organizer.")
    @blp.alt_response(404, description="No such fair for this token.")
    def get(self, fair_id, access):
        """The bulk-upload template for employers."""
        return _xlsx_file(employer_template_sheets(), "企业导入模板")


@blp.route("/fairs/<int:fair_id>/employers/import")
class EmployerImport(MethodView):
    @organizer_of_fair
    @blp.arguments(ImportFile(), location="files")
    @blp.response(201, EmployersImported)
    @blp.alt_response(403, description="Not this fair's organizer.")
    @blp.alt_response(404, description="No such fair for this token.")
    @blp.alt_response(422, description="Errors keyed by spreadsheet row number, then field (a name registered "
                                       "already or repeated in the file among them); nothing was created.")
    def post(self, upload, fair_id, access):
        """Register the employers of a filled-in template (.xlsx or .csv), all or nothing; each with its token."""
        store, file = get_store(), upload["file"]
        with _refused_file_as_422():
            rows = employers_from_table(read_table(file.filename or "", file.read()),
                                        domain.registered_employer_names(store, fair_id))
            try:
                created = domain.create_employers(store, fair_id, [data for _, data in rows],
                                                  secret_key=current_app.config["SECRET_KEY"], now=now())
            except NamesTaken as taken:  # registered by another request since the file was checked
                raise names_taken_errors(rows, taken.positions) from None
        return {"created": created}


@blp.route("/fairs/<int:fair_id>/employers/booths.xlsx")
class EmployerBoothSheet(MethodView):
    @organizer_of_fair
    @blp.response(200, content_type=XLSX_MIMETYPE, description="Sheet 展位: 企业名称 and 展位号 of every employer.")
    @blp.alt_response(403, description="Not this fair's organizer.")
    @blp.alt_response(404, description="No such fair for this token.")
    def get(self, fair_id, access):
        """The fair's employers and their booths, to fill in from the floor plan and upload again."""
        return _xlsx_file(booth_sheets(get_store().list_employers(fair_id)), _filename("展位表", fair_id))


@blp.route("/fairs/<int:fair_id>/employers/booths")
class EmployerBoothImport(MethodView):
    @organizer_of_fair
    @blp.arguments(ImportFile(), location="files")
    @blp.response(200, EmployerBoothsSet)
    @blp.alt_response(403, description="Not this fair's organizer.")
    @blp.alt_response(404, description="No such fair for this token.")
    @blp.alt_response(422, description="Errors keyed by spreadsheet row number, then field (a name not registered "
                                       "in the fair, or repeated in the file, among them); no booth was changed.")
    def post(self, upload, fair_id, access):
        """Set the booths of the employers a sheet names (.xlsx or .csv: 企业名称, 展位号), all or nothing.

        A blank 展位号 clears the booth. The employers template's other columns may be in the file and
        are not read.
        """
        store, file = get_store(), upload["file"]
        with _refused_file_as_422():
            booths = booths_from_table(read_table(file.filename or "", file.read()), store.list_employers(fair_id))
        return {"updated": store.set_employer_booths(booths)}
