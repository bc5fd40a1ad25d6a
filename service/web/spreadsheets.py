"""Write and read the CSV and .xlsx files people open in Excel or WPS on Chinese Windows.

CSV is UTF-8 with a byte-order mark (without it Excel reads the bytes as GBK and
garbles every Chinese character) and CRLF line ends. Reading accepts UTF-8 and
GB18030, because "CSV (逗号分隔)" saved by Chinese Excel is GBK.
"""
from __future__ import annotations

import csv
import io
import unicodedata
import warnings
import zipfile
from typing import Iterable, NamedTuple

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

CSV_MIMETYPE = "text/csv; charset=utf-8"
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# A cell starting with one of these is run as a formula by spreadsheet programs;
# text a seeker typed must never become one (CSV / formula injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_MIN_WIDTH, _MAX_WIDTH = 6, 60
# What an uploaded worksheet is read up to: Excel's last row, and far more columns than any table
# people fill in. openpyxl otherwise pads every row to the size the file's own <dimension> claims
# (a 5 KB file claiming A1:XFD1048576 took minutes).
MAX_READ_ROWS = 1_048_576
MAX_READ_COLUMNS = 100
# What an .xlsx may unpack to. A filled template of 500 postings is well under 1 MB; a zip packs
# repeated text ~1000:1, so a body at the upload limit could otherwise become a gigabyte in memory.
MAX_UNZIPPED_BYTES = 20 * 1024 * 1024


class Sheet(NamedTuple):
    """One worksheet: a title, a header row and data rows."""

    title: str
    headers: list[str]
    rows: list[list]


class Table(NamedTuple):
    """What was read from an uploaded file: the header row and numbered data rows."""

    headers: list[str]
    header_row: int
    rows: list[tuple[int, list]]  # (spreadsheet row number, cells)


class UnreadableFile(ValueError):
    """The upload is neither a readable .xlsx nor a CSV."""


def safe_text(value):
    """The value, with text that would start a formula prefixed by an apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return safe_text("、".join(str(item) for item in value))
    return safe_text(value)


def _xlsx_cell(value):
    cell = _cell(value)
    # A worksheet cannot hold control characters (openpyxl refuses the whole file), and people paste
    # them: a line break copied from Word is \x0b. Each becomes a space.
    return ILLEGAL_CHARACTERS_RE.sub(" ", cell) if isinstance(cell, str) else cell


def _csv_file(rows: Iterable[list]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def csv_bytes(headers: list[str], rows: Iterable[list], *, text_columns: Iterable[int] = ()) -> bytes:
    """A CSV file (BOM, CRLF) of one table.

    ``text_columns`` (indexes) hold digit strings such as phone numbers: they get
    a leading tab so Excel shows ``13812345678`` as text, not ``1.38E+10``.
    """
    as_text = set(text_columns)

    def cells_of(row):
        cells = [_cell(value) for value in row]
        for index in as_text:
            if index < len(cells) and str(cells[index]).isdigit():
                cells[index] = "\t" + str(cells[index])
        return cells

    return _csv_file([headers, *(cells_of(row) for row in rows)])


def csv_report_bytes(rows: Iterable[list]) -> bytes:
    """A CSV file (BOM, CRLF) of rows of any width, such as a report's titled sections."""
    return _csv_file([_cell(value) for value in row] for row in rows)


def display_width(value) -> int:
    """How many Latin-character columns the text needs (CJK characters take two)."""
    text = "" if value is None else str(value)
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def xlsx_bytes(sheets: list[Sheet]) -> bytes:
    """An .xlsx workbook: bold frozen header row, filters, columns sized to their text."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    header_fill = PatternFill("solid", fgColor="DCE6F5")
    for sheet in sheets:
        worksheet = workbook.create_sheet(sheet.title[:31])
        worksheet.append(sheet.headers)
        for row in sheet.rows:
            worksheet.append([_xlsx_cell(value) for value in row])
        for cell in worksheet[1]:
            cell.font = Font(bold=True)
            cell.fill = header_fill
            cell.alignment = Alignment(vertical="center")
        for index, header in enumerate(sheet.headers, start=1):
            widest = max([display_width(header)] + [display_width(row[index - 1]) for row in sheet.rows
                                                    if index - 1 < len(row)])
            worksheet.column_dimensions[get_column_letter(index)].width = min(_MAX_WIDTH, max(_MIN_WIDTH, widest + 2))
        worksheet.freeze_panes = "A2"
        if sheet.headers:
            worksheet.auto_filter.ref = worksheet.dimensions
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile("The CSV is neither UTF-8 nor GBK text.")


def _blank(cells) -> bool:
    # Rows of nothing but None (a sheet may have a million of them) are counted in C first.
    return cells.count(None) == len(cells) or all(cell is None or str(cell).strip() == "" for cell in cells)


def _table(numbered_rows) -> Table:
    header_row, headers, rows = 0, None, []
    for number, cells in numbered_rows:
        if headers is None:
            if not _blank(cells):
                header_row, headers = number, ["" if cell is None else str(cell).strip() for cell in cells]
            continue
        if not _blank(cells):
            rows.append((number, list(cells)))
    if headers is None:
        raise UnreadableFile("The file has no header row.")
    return Table(headers, header_row, rows)


def read_table(filename: str, data: bytes) -> Table:
    """The first worksheet of an .xlsx, or a CSV, as a header row and numbered rows.

    Rows are numbered as the spreadsheet program shows them (1 = first line),
    so error messages can point at them. Blank rows are skipped.
    """
    if data[:4] == b"PK\x03\x04":  # a zip container: .xlsx
        try:
            # Sizes as the zip declares them; reading a member never yields more than declared.
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                unzipped = sum(member.file_size for member in archive.infolist())
        except Exception as error:  # zipfile raises several kinds for a damaged archive
            raise UnreadableFile(f"Not a readable .xlsx file ({type(error).__name__}).") from None
        if unzipped > MAX_UNZIPPED_BYTES:
            raise UnreadableFile(f"The .xlsx unpacks to more than {MAX_UNZIPPED_BYTES // 2**20} MB.")
        try:
            with warnings.catch_warnings():
                # openpyxl warns about features of the file it does not keep (styles, validation);
                # reading the values is unaffected.
                warnings.simplefilter("ignore")
                workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for a damaged file
            raise UnreadableFile(f"Not a readable .xlsx file ({type(error).__name__}).") from None
        try:
            worksheet = workbook.worksheets[0]
            rows = worksheet.iter_rows(max_row=MAX_READ_ROWS, max_col=MAX_READ_COLUMNS, values_only=True)
            return _table(enumerate(rows, start=1))
        except UnreadableFile:
            raise
        except Exception as error:  # read-only workbooks parse the sheet's XML only now, as rows are read
            raise UnreadableFile(f"Not a readable .xlsx file ({type(error).__name__}).") from None
        finally:
            workbook.close()
    if filename.lower().endswith((".xlsx", ".xls")):
        raise UnreadableFile("Not a readable .xlsx file (save it as .xlsx, not the old .xls).")
    text = _decode(data)
    try:
        return _table(enumerate(csv.reader(io.StringIO(text, newline="")), start=1))
    except csv.Error as error:  # e.g. a cell beyond the csv module's field size limit
        raise UnreadableFile(f"Not a readable CSV file ({error}).") from None
