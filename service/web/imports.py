"""Bulk uploads: the templates' columns and turning their rows into postings or employers.

Employers (postings) and organizers (employers) fill the templates in Excel or
WPS, so each column accepts what a person naturally types there: Chinese
headers (or the API's field names), 学历 and 工作性质 by their Chinese names,
numbers typed as text, skills separated by 、 or commas.
"""
from __future__ import annotations

import re

from marshmallow import ValidationError

from schemas.employers import Booth, EmployerIn
from schemas.postings import MAX_BATCH, PostingIn
from service.domain import MSG_NAME_TAKEN
from service.store.common import employer_name_key

from .i18n import EDUCATION_LEVELS, JOB_TYPES
from .spreadsheets import Sheet, Table

# (field, Chinese header, how to fill it, example)
COLUMNS = (
    ("title", "职位名称", "必填", "数控车床操作工"),
    ("description", "职位描述", "选填", "操作数控车床，看懂图纸，两班倒"),
    ("skills", "技能要求", "选填，多个用、或逗号分隔", "数控车床、看图纸"),
    ("headcount", "招聘人数", "选填，整数，默认 1", 5),
    ("education_min", "最低学历", "选填：" + "、".join(zh for _, zh, _ in EDUCATION_LEVELS), "高中"),
    ("experience_min_years", "最低工作年限", "选填，整数（年）", 1),
    ("salary_min", "最低月薪", "选填，整数（元/月）", 6000),
    ("salary_max", "最高月薪", "选填，整数（元/月），不低于最低月薪", 9000),
    ("location", "工作地点", "选填", "两江新区"),
    ("job_type", "工作性质", "选填：全职、兼职、实习，默认全职", "全职"),
)
INTEGER_FIELDS = {"headcount", "experience_min_years", "salary_min", "salary_max"}
TEMPLATE_SHEET = "职位"

_HEADER_TO_FIELD = {zh: field for field, zh, _, _ in COLUMNS} | {field: field for field, *_ in COLUMNS}
_CHOICES = {
    "education_min": {zh: code for code, zh, _ in EDUCATION_LEVELS}
    | {en.lower(): code for code, _, en in EDUCATION_LEVELS}
    | {"中专": "vocational", "技校": "vocational", "专科": "associate", "研究生": "master", "不限": None},
    "job_type": {zh: code for code, zh, _ in JOB_TYPES} | {en.lower(): code for code, _, en in JOB_TYPES},
}
_LIST_SEPARATORS = re.compile(r"[,，、;；\n]+")
# "职位名称*" or "最低月薪（元）": the hint after the name does not matter.
_HEADER_DECORATION = re.compile(r"[*＊\s]|[（(].*$")

MSG_INTEGER = "应填整数 / Must be a whole number."
MSG_CHOICE = "「{value}」不是可选值，请填：{allowed} / Not one of the allowed values."
MSG_UNKNOWN_COLUMN = "无法识别的列 / Unknown column: {}"
MSG_REPEATED_COLUMN = "这几列是同一项，请只留一列 / These columns are the same field, keep one: {}"
MSG_NO_TITLE = "缺少「职位名称」列 / The 职位名称 (title) column is missing."
MSG_NO_ROWS = "文件里没有职位 / The file has no postings."
MSG_TOO_MANY = f"一次最多导入 {MAX_BATCH} 个职位 / At most {MAX_BATCH} postings per file."


class ImportErrors(ValueError):
    """Rows that cannot be imported; ``errors`` maps a row number to field messages."""

    def __init__(self, errors: dict):
        super().__init__(errors)
        self.errors = errors


def template_sheets() -> list[Sheet]:
    """The template workbook: an empty postings sheet, then a sheet explaining each column."""
    guide = [[zh, field, how, example] for field, zh, how, example in COLUMNS]
    return [
        Sheet(TEMPLATE_SHEET, [zh for _, zh, _, _ in COLUMNS], []),
        Sheet("填写说明", ["列名", "字段", "填写要求", "示例"], guide),
    ]


def _field_of(header: str, header_to_field: dict) -> str | None:
    name = _HEADER_DECORATION.sub("", header)
    return header_to_field.get(name) or header_to_field.get(name.lower())


def _column_fields(table: Table, header_to_field: dict, required: str, msg_missing: str) -> list[str | None]:
    """The field of each column (None for a blank header), or :class:`ImportErrors` on the header
    row for unknown columns, two columns of one field (which to take would be a guess) or no
    ``required`` column."""
    fields = [_field_of(header, header_to_field) if header else None for header in table.headers]
    messages = []
    unknown = [header for header, field in zip(table.headers, fields) if header and field is None]
    if unknown:
        messages.append(MSG_UNKNOWN_COLUMN.format("、".join(unknown)))
    for field in dict.fromkeys(field for field in fields if field is not None):
        repeated = [header for header, named in zip(table.headers, fields) if named == field]
        if len(repeated) > 1:
            messages.append(MSG_REPEATED_COLUMN.format("、".join(repeated)))
    if required not in fields:
        messages.append(msg_missing)
    if messages:
        raise ImportErrors({str(table.header_row): {"columns": messages}})
    return fields


def _integer(value):
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = str(value).strip().replace(",", "").replace("，", "")
    whole = re.fullmatch(r"(\d+)(\.0+)?", text)
    if whole:
        return int(whole.group(1))  # not via float: a long number would be inf (OverflowError) or rounded
    raise ValueError(value)


def _convert(field: str, value):
    """A cell as the posting schema expects it; raises ValueError with a message."""
    if field in INTEGER_FIELDS:
        try:
            return _integer(value)
        except ValueError:
            raise ValueError(MSG_INTEGER) from None
    text = str(value).strip()
    if field == "skills":
        return [item.strip() for item in _LIST_SEPARATORS.split(text) if item.strip()]
    if field in _CHOICES:
        choices = _CHOICES[field]
        if text in choices.values():
            return text
        for key in (text, text.lower()):
            if key in choices:
                return choices[key]
        allowed = "、".join(zh for _, zh, _ in (EDUCATION_LEVELS if field == "education_min" else JOB_TYPES))
        raise ValueError(MSG_CHOICE.format(value=text, allowed=allowed))
    return text


def _row_to_posting(fields: list[str | None], cells: list) -> tuple[dict, dict]:
    data, errors = {}, {}
    for field, value in zip(fields, cells):
        if field is None or value is None or str(value).strip() == "":
            continue
        try:
            converted = _convert(field, value)
        except ValueError as error:
            errors[field] = [str(error)]
            continue
        if converted is not None:
            data[field] = converted
    return data, errors


def postings_from_table(table: Table) -> list[dict]:
    """Validated posting dicts, one per data row, or :class:`ImportErrors` for any bad row.

    Errors are keyed by the row number the spreadsheet shows (the header is
    usually row 1, so the first posting is row 2), then by field.
    """
    fields = _column_fields(table, _HEADER_TO_FIELD, "title", MSG_NO_TITLE)
    if not table.rows:
        raise ImportErrors({str(table.header_row + 1): {"rows": [MSG_NO_ROWS]}})
    if len(table.rows) > MAX_BATCH:
        raise ImportErrors({str(table.rows[MAX_BATCH][0]): {"rows": [MSG_TOO_MANY]}})

    schema = PostingIn()
    postings, errors = [], {}
    for number, cells in table.rows:
        data, row_errors = _row_to_posting(fields, cells)
        try:
            posting = schema.load(data)
        except ValidationError as error:
            for field, messages in error.normalized_messages().items():
                if isinstance(messages, dict) and field not in row_errors:
                    # A list's items: keyed by the item refused, as the API answers for a single posting.
                    row_errors[field] = messages
                else:
                    row_errors.setdefault(field, []).extend(messages if isinstance(messages, list) else [str(messages)])
            posting = None
        if row_errors:
            errors[str(number)] = row_errors
        else:
            postings.append(posting)
    if errors:
        raise ImportErrors(errors)
    return postings


# -- employers (the organizer's upload) ---------------------------------------------

# (field, Chinese header, how to fill it, example)
EMPLOYER_COLUMNS = (
    ("name", "企业名称", "必填，与营业执照一致；同一招聘会内不能重复", "重庆长安汽车股份有限公司"),
    ("industry", "所属行业", "选填", "汽车制造"),
    ("credit_code", "统一社会信用代码", "选填，18 位", "91500000202801234X"),
    ("contact_name", "联系人", "选填", "李经理"),
    ("contact_phone", "联系电话", "选填，手机或座机", "023-67881234"),
    ("booth", "展位号", "选填，20 字以内；也可稍后在页面上分配", "A12"),
)
EMPLOYER_SHEET = "企业"
MAX_EMPLOYER_ROWS = 1000

_EMPLOYER_HEADER_TO_FIELD = ({zh: field for field, zh, _, _ in EMPLOYER_COLUMNS}
                             | {field: field for field, *_ in EMPLOYER_COLUMNS})

MSG_NO_NAME = "缺少「企业名称」列 / The 企业名称 (name) column is missing."
MSG_NO_EMPLOYERS = "文件里没有企业 / The file has no employers."
MSG_TOO_MANY_EMPLOYERS = f"一次最多导入 {MAX_EMPLOYER_ROWS} 家企业 / At most {MAX_EMPLOYER_ROWS} employers per file."
MSG_NAME_REPEATED = "与第 {row} 行的企业同名 / Same name as row {row}."


def employer_template_sheets() -> list[Sheet]:
    """The employers template: an empty 企业 sheet, then a sheet explaining each column."""
    guide = [[zh, field, how, example] for field, zh, how, example in EMPLOYER_COLUMNS]
    return [
        Sheet(EMPLOYER_SHEET, [zh for _, zh, _, _ in EMPLOYER_COLUMNS], []),
        Sheet("填写说明", ["列名", "字段", "填写要求", "示例"], guide),
    ]


def _employer_cell(value) -> str:
    # A phone typed into Excel as a number comes back as one (13900001111 or 13900001111.0).
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def employers_from_table(table: Table, registered: set[str]) -> list[tuple[int, dict]]:
    """``(row number, validated employer fields)`` per data row, or :class:`ImportErrors` for any bad row.

    ``registered`` holds the fair's names as compared for duplicates
    (``employer_name_key``): a row naming one of them, or repeating an earlier
    row's name, is refused. Errors are keyed like the postings upload's.
    """
    fields = _column_fields(table, _EMPLOYER_HEADER_TO_FIELD, "name", MSG_NO_NAME)
    if not table.rows:
        raise ImportErrors({str(table.header_row + 1): {"rows": [MSG_NO_EMPLOYERS]}})
    if len(table.rows) > MAX_EMPLOYER_ROWS:
        raise ImportErrors({str(table.rows[MAX_EMPLOYER_ROWS][0]): {"rows": [MSG_TOO_MANY_EMPLOYERS]}})

    schema = EmployerIn()
    employers, errors, rows_by_name = [], {}, {}
    for number, cells in table.rows:
        data = {field: _employer_cell(value) for field, value in zip(fields, cells)
                if field is not None and value is not None and str(value).strip() != ""}
        try:
            employer = schema.load(data)
        except ValidationError as error:
            errors[str(number)] = error.normalized_messages()
            employer = None
        if "name" in data:
            key = employer_name_key(data["name"])
            if key in registered:
                errors.setdefault(str(number), {}).setdefault("name", []).append(MSG_NAME_TAKEN)
            elif key in rows_by_name:
                message = MSG_NAME_REPEATED.format(row=rows_by_name[key])
                errors.setdefault(str(number), {}).setdefault("name", []).append(message)
            rows_by_name.setdefault(key, number)
        if employer is not None and str(number) not in errors:
            employers.append((number, employer))
    if errors:
        raise ImportErrors(errors)
    return employers


def names_taken_errors(rows: list[tuple[int, dict]], positions: list[int]) -> ImportErrors:
    """The rows whose names another request registered meanwhile, as import errors."""
    return ImportErrors({str(rows[position][0]): {"name": [MSG_NAME_TAKEN]} for position in positions})


# -- booths (the organizer's floor plan, for employers registered already) ---------------------------

BOOTH_SHEET = "展位"
MSG_NO_BOOTH_COLUMN = "缺少「展位号」列 / The 展位号 (booth) column is missing."
MSG_NOT_REGISTERED = "本招聘会没有登记这家企业 / No employer of this name is registered in this fair."
MSG_NAME_MISSING = "请填写企业名称 / The employer's name is missing."


def booth_sheets(employers: list[dict]) -> list[Sheet]:
    """The fair's employers and their booths as one sheet (企业名称, 展位号): filled in from the
    floor plan and uploaded again (:func:`booths_from_table`)."""
    return [Sheet(BOOTH_SHEET, ["企业名称", "展位号"], [[e["name"], e.get("booth") or ""] for e in employers])]


def booths_from_table(table: Table, employers: list[dict]) -> dict[int, str | None]:
    """``{employer id: booth}`` for the rows of a booth sheet, or :class:`ImportErrors` for any bad row.

    Each row names a registered employer of the fair (``employers``), compared as registration
    compares names, once; a blank booth clears it. The employers template's other columns may be
    there and are not read, so the registration file itself can carry the booths afterwards.
    """
    fields = _column_fields(table, _EMPLOYER_HEADER_TO_FIELD, "name", MSG_NO_NAME)
    if "booth" not in fields:
        raise ImportErrors({str(table.header_row): {"columns": [MSG_NO_BOOTH_COLUMN]}})
    if not table.rows:
        raise ImportErrors({str(table.header_row + 1): {"rows": [MSG_NO_EMPLOYERS]}})
    if len(table.rows) > MAX_EMPLOYER_ROWS:
        raise ImportErrors({str(table.rows[MAX_EMPLOYER_ROWS][0]): {"rows": [MSG_TOO_MANY_EMPLOYERS]}})
    registered = {employer_name_key(employer["name"]): employer["id"] for employer in employers}
    booth_field = Booth()
    booths, errors, rows_by_name = {}, {}, {}
    for number, cells in table.rows:
        data = {field: _employer_cell(value) for field, value in zip(fields, cells)
                if field in ("name", "booth") and value is not None}
        problems, key = {}, employer_name_key(data.get("name", ""))
        if not data.get("name"):
            problems["name"] = [MSG_NAME_MISSING]
        elif key not in registered:
            problems["name"] = [MSG_NOT_REGISTERED]
        elif key in rows_by_name:
            problems["name"] = [MSG_NAME_REPEATED.format(row=rows_by_name[key])]
        rows_by_name.setdefault(key, number)
        try:
            booth = booth_field.deserialize(data.get("booth"))
        except ValidationError as error:
            problems["booth"] = error.messages
        if problems:
            errors[str(number)] = problems
        else:
            booths[registered[key]] = booth
    if errors:
        raise ImportErrors(errors)
    return booths
