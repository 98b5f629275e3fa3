"""CSV and XLSX of the rollup and of any filtered list of experiments, with Finnish (the user's
language) column headers and Helsinki dates.

CSV is written for Finnish Excel: UTF-8 with a byte order mark (so that ä and ö survive) and
semicolons between fields (Finnish Excel uses the comma as the decimal separator). Experiment
lists are read in batches of BATCH_SIZE by id, three queries per batch, and streamed."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from app import policies
from app.experiments.listing import BrowseFilters, attach_links, filter_condition
from app.experiments.tables import Experiment
from app.experiments.vocabulary import DECISIONS, OUTCOMES, STATUSES
from app.i18n import HELSINKI, N_, gettext, localised
from app.rollups.schemas import Rollup
from app.rollups.service import COUNTED_STATUSES, NOT_RECORDED
from app.web.spreadsheets import csv_value, without_control_characters, xlsx_cell

BATCH_SIZE = 500
CSV_DELIMITER = ";"
DATE_FORMAT = "%d.%m.%Y"
XLSX_DATE_FORMAT = "DD.MM.YYYY"
XLSX_PERCENT_FORMAT = "0 %"
CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class Percent:
    """A share, shown as a whole percentage in CSV and as a percent-formatted number in XLSX."""

    value: float


@dataclass
class Sheet:
    title: str
    headers: list[str]
    rows: list[list[Any]] = field(default_factory=list)


def helsinki_date(value: datetime | date | None) -> date | None:
    if isinstance(value, datetime):
        return value.astimezone(HELSINKI).date()
    return value


def percent_text(share: float | None) -> str:
    return "" if share is None else f"{round(share * 100)} %"


# --- the rollup as tables ----------------------------------------------------------------


def _label(vocabulary: dict[str, str], code: str, empty: str) -> str:
    return gettext(vocabulary[code]) if code != NOT_RECORDED else gettext(empty)


def rollup_sheets(rollup: Rollup) -> list[Sheet]:
    """The rollup's tables, in the order of the page; the same numbers as on screen."""
    if rollup.strategy is None:
        return []
    themes = rollup.themes
    theme_names = {theme.id: localised(theme) for theme in themes}
    all_themes = gettext("All themes")
    sheets = []

    matrix = Sheet(
        gettext("Themes by department"),
        [gettext("Department"), gettext("Level"), *theme_names.values(), gettext("Total")],
    )
    for row in rollup.departments:
        matrix.rows.append(
            [
                localised(row),
                row.depth + 1,
                *(row.cells[theme.id].count for theme in themes),
                row.total.count,
            ]
        )
    matrix.rows.append(
        [
            gettext("All experiments"),
            "",
            *(rollup.theme_totals[theme.id].count for theme in themes),
            rollup.total.count if rollup.total else 0,
        ]
    )
    sheets.append(matrix)

    statuses = Sheet(
        gettext("Status by theme"),
        [gettext("Theme"), *(gettext(STATUSES[code]) for code in COUNTED_STATUSES)],
    )
    outcomes = Sheet(
        gettext("Outcome by theme"),
        [
            gettext("Theme"),
            *(_label(OUTCOMES, code, N_("Not recorded yet")) for code in [*OUTCOMES, ""]),
        ],
    )
    decisions = Sheet(
        gettext("Decisions by theme"),
        [
            gettext("Theme"),
            *(_label(DECISIONS, code, N_("Not decided yet")) for code in [*DECISIONS, ""]),
        ],
    )
    for breakdown in rollup.breakdowns:
        name = theme_names.get(breakdown.theme, all_themes) if breakdown.theme else all_themes
        statuses.rows.append([name, *(cell.count for cell in breakdown.statuses.values())])
        outcomes.rows.append([name, *(cell.count for cell in breakdown.outcomes.values())])
        decisions.rows.append([name, *(cell.count for cell in breakdown.decisions.values())])
    sheets += [statuses, outcomes, decisions]

    participation = Sheet(
        gettext("Participation"),
        [
            gettext("Department"),
            gettext("Level"),
            gettext("Active people"),
            gettext("People involved"),
            gettext("Share involved"),
        ],
    )
    for row in rollup.departments:
        participation.rows.append(
            [
                localised(row),
                row.depth + 1,
                row.people,
                row.involved,
                Percent(row.share) if row.share is not None else "",
            ]
        )
    sheets.append(participation)

    trend = Sheet(
        gettext("Monthly trend"),
        [gettext("Month"), gettext("Started"), gettext("Completed")],
    )
    for point in rollup.trend:
        trend.rows.append(
            [point.month.strftime("%m/%Y"), point.started.count, point.completed.count]
        )
    sheets.append(trend)

    summary = Sheet(gettext("Summary"), [gettext("Figure"), gettext("Value")])
    filters = rollup.filters
    summary.rows += [
        [gettext("Strategy"), rollup.strategy.name],
        [gettext("Period from"), filters.start],
        [gettext("Period until"), filters.end],
        [gettext("Experiments"), rollup.total.count if rollup.total else 0],
        [gettext("Cross-department experiments"), rollup.cross_department],
        [gettext("Active people"), rollup.people],
        [gettext("People involved"), rollup.involved],
        [gettext("Thanks given (kiitos)"), rollup.kudos],
    ]
    campaign = rollup.campaign
    if campaign and campaign.target:
        summary.rows += [
            [gettext("Campaign"), campaign.name],
            [gettext("Campaign target"), campaign.target],
            [gettext("Completed in the campaign"), campaign.completed.count],
            [gettext("Campaign ends"), campaign.end],
            [
                gettext("Needed per month"),
                round(campaign.pace_needed, 1) if campaign.pace_needed is not None else "",
            ],
            [
                gettext("Completed per month so far"),
                round(campaign.current_pace, 1) if campaign.current_pace is not None else "",
            ],
            [gettext("Forecast at the current pace"), campaign.forecast or ""],
        ]
    return [summary, *sheets]


# --- writing ----------------------------------------------------------------------------


def _csv_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return helsinki_date(value).strftime(DATE_FORMAT)
    if isinstance(value, Percent):
        return percent_text(value.value)
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return csv_value(value)


def csv_lines(rows: Iterable[list[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    for row in rows:
        writer.writerow([_csv_value(value) for value in row])
    return buffer.getvalue()


def rollup_csv(sheets: list[Sheet]) -> bytes:
    """All tables one after another, each under its title, with an empty line between."""
    parts = []
    for sheet in sheets:
        parts.append(csv_lines([[sheet.title], sheet.headers, *sheet.rows, []]))
    return ("\ufeff" + "".join(parts)).encode("utf-8")


def _sheet_title(title: str, used: set[str]) -> str:
    name = without_control_characters(title)
    name = "".join(ch for ch in name if ch not in "[]:*?/\\")[:31] or "Taulukko"
    while name in used:
        name = name[:28] + f" {len(used)}"
    used.add(name)
    return name


def _write_rows(worksheet: Any, rows: Iterable[list[Any]]) -> None:
    for row in rows:
        cells = []
        for value in row:
            if isinstance(value, datetime | date):
                cell = xlsx_cell(worksheet, helsinki_date(value))
                cell.number_format = XLSX_DATE_FORMAT
            elif isinstance(value, Percent):
                cell = xlsx_cell(worksheet, value.value)
                cell.number_format = XLSX_PERCENT_FORMAT
            else:
                cell = xlsx_cell(worksheet, value)
            cells.append(cell)
        worksheet.append(cells)


def _header(worksheet: Any, headers: list[str]) -> None:
    cells = []
    for text in headers:
        cell = xlsx_cell(worksheet, text)
        cell.font = Font(bold=True)
        cells.append(cell)
    worksheet.append(cells)


def _save(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def rollup_xlsx(sheets: list[Sheet]) -> bytes:
    workbook = Workbook(write_only=True)
    used: set[str] = set()
    for sheet in sheets:
        worksheet = workbook.create_sheet(_sheet_title(sheet.title, used))
        _header(worksheet, sheet.headers)
        _write_rows(worksheet, sheet.rows)
    return _save(workbook)


# --- experiment lists -------------------------------------------------------------------

EXPORT_COLUMNS = (
    Experiment.id,
    Experiment.title,
    Experiment.status,
    Experiment.outcome,
    Experiment.decision,
    Experiment.owner.name.as_alias("owner_name"),
    Experiment.created_at,
    Experiment.completed_at,
    Experiment.updated_at,
)


def _word(vocabulary: dict[str, str], code: str | None) -> str:
    label = vocabulary.get(code or "")
    return gettext(label) if label else ""


def experiment_headers() -> list[str]:
    return [
        gettext("Number"),
        gettext("Title"),
        gettext("Status"),
        gettext("Was the problem solved?"),
        gettext("What happens next?"),
        gettext("Owner"),
        gettext("Departments"),
        gettext("Strategy themes"),
        gettext("Logged"),
        gettext("Completed"),
        gettext("Updated"),
        gettext("Address"),
    ]


async def experiment_batches(
    viewer: policies.Actor, filters: BrowseFilters, base_url: str, batch_size: int | None = None
) -> AsyncIterator[list[list[Any]]]:
    """The experiments of the browse page for these filters, newest first, in batches: three
    queries per batch (rows, their themes, their departments) whatever the batch holds."""
    batch_size = batch_size or BATCH_SIZE
    condition = await filter_condition(viewer, filters)
    last_id: int | None = None
    while True:
        query = Experiment.select(*EXPORT_COLUMNS).where(
            condition if last_id is None else condition & (Experiment.id < last_id)
        )
        rows = await query.order_by(Experiment.id, ascending=False).limit(batch_size)
        if not rows:
            return
        await attach_links(rows)
        yield [
            [
                row["id"],
                row["title"],
                _word(STATUSES, row["status"]),
                _word(OUTCOMES, row["outcome"]),
                _word(DECISIONS, row["decision"]),
                row["owner_name"],
                ", ".join(localised(item) for item in row["departments"]),
                ", ".join(localised(item) for item in row["themes"]),
                row["created_at"],
                row["completed_at"] or "",
                row["updated_at"],
                f"{base_url.rstrip('/')}/experiments/{row['id']}",
            ]
            for row in rows
        ]
        if len(rows) < batch_size:
            return
        last_id = rows[-1]["id"]


async def experiments_csv(
    viewer: policies.Actor, filters: BrowseFilters, base_url: str
) -> AsyncIterator[bytes]:
    yield ("\ufeff" + csv_lines([experiment_headers()])).encode("utf-8")
    async for batch in experiment_batches(viewer, filters, base_url):
        yield csv_lines(batch).encode("utf-8")


async def experiments_xlsx(viewer: policies.Actor, filters: BrowseFilters, base_url: str) -> bytes:
    """XLSX is a zip file, written whole; the rows are still read in batches."""
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(_sheet_title(gettext("Experiments"), set()))
    _header(worksheet, experiment_headers())
    async for batch in experiment_batches(viewer, filters, base_url):
        _write_rows(worksheet, batch)
    return _save(workbook)
