"""The data of the rollup's charts, for data-* attributes (CSP allows no inline script). Every
chart sits next to a table with the same numbers."""

from __future__ import annotations

from typing import Any

from app.experiments.vocabulary import DECISIONS, OUTCOMES, STATUSES
from app.i18n import N_, format_date, gettext, localised
from app.rollups.schemas import Rollup
from app.rollups.service import COUNTED_STATUSES, NOT_RECORDED

# Status and outcome colours with enough contrast against white (WCAG 1.4.11: 3:1).
STATUS_COLOURS = {
    "planned": "#5f6b7a",
    "running": "#0062b9",
    "checking": "#8a4b00",
    "completed": "#00703c",
    "abandoned": "#b01038",
}
OUTCOME_COLOURS = {
    "solved": "#00703c",
    "partly_solved": "#3f7f00",
    "not_solved": "#b01038",
    "needs_more_work": "#8a4b00",
    "inconclusive": "#5f6b7a",
    NOT_RECORDED: "#8c8c8c",
}


def rollup_charts(rollup: Rollup) -> dict[str, dict[str, Any]]:
    if rollup.strategy is None:
        return {}
    themed = [item for item in rollup.breakdowns if item.theme is not None]
    names = {theme.id: localised(theme) for theme in rollup.themes}
    theme_labels = [names[item.theme] for item in themed]
    return {
        "statuses": {
            "type": "stacked",
            "labels": theme_labels,
            "series": [
                {
                    "label": gettext(STATUSES[code]),
                    "colour": STATUS_COLOURS[code],
                    "data": [item.statuses[code].count for item in themed],
                }
                for code in COUNTED_STATUSES
            ],
        },
        "outcomes": {
            "type": "stacked",
            "labels": theme_labels,
            "series": [
                {
                    "label": gettext(OUTCOMES[code]) if code else gettext(N_("Not recorded yet")),
                    "colour": OUTCOME_COLOURS[code],
                    "data": [item.outcomes[code].count for item in themed],
                }
                for code in [*OUTCOMES, NOT_RECORDED]
            ],
        },
        "participation": {
            "type": "bar",
            "percent": True,
            "labels": [localised(row) for row in rollup.departments if row.depth <= 1],
            "series": [
                {
                    "label": gettext("Share involved"),
                    "colour": "#0062b9",
                    "data": [
                        round((row.share or 0) * 100)
                        for row in rollup.departments
                        if row.depth <= 1
                    ],
                }
            ],
        },
        "trend": {
            "type": "line",
            "labels": [format_date(point.month, "LLL yyyy") for point in rollup.trend],
            "series": [
                {
                    "label": gettext("Started"),
                    "colour": "#0062b9",
                    "data": [point.started.count for point in rollup.trend],
                },
                {
                    "label": gettext("Completed"),
                    "colour": "#00703c",
                    "data": [point.completed.count for point in rollup.trend],
                },
            ],
        },
    }


def breakdown_columns() -> dict[str, list[tuple[str, str]]]:
    """The columns of the status, outcome and decision tables: (code, label)."""
    return {
        "statuses": [(code, gettext(STATUSES[code])) for code in COUNTED_STATUSES],
        "outcomes": [
            *((code, gettext(label)) for code, label in OUTCOMES.items()),
            (NOT_RECORDED, gettext(N_("Not recorded yet"))),
        ],
        "decisions": [
            *((code, gettext(label)) for code, label in DECISIONS.items()),
            (NOT_RECORDED, gettext(N_("Not decided yet"))),
        ],
    }
