"""Geometry of a small server-rendered SVG bar chart (ratings 1–5 across workshop days): no
script and no inline style, so it passes the strict CSP and prints well. The same numbers are
always shown in a table next to it."""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 400
HEIGHT = 200
LEFT = 36  # room for the scale
BOTTOM = 28  # room for the day labels
TOP = 18  # room for the value above the highest bar
SCALE = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label_x: float
    value: float | None
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    baseline: float
    gridlines: list[tuple[int, float]]
    bars: list[Bar]


def _y(value: float) -> float:
    plot = HEIGHT - TOP - BOTTOM
    return round(TOP + plot * (1 - value / SCALE[-1]), 1)


def bar_chart(points: list[tuple[str, float | None]]) -> Chart:
    """One bar per (label, value); a missing value leaves its slot empty."""
    slot = (WIDTH - LEFT) / max(len(points), 1)
    width = round(min(slot * 0.6, 80), 1)
    bars = []
    for index, (label, value) in enumerate(points):
        centre = LEFT + slot * index + slot / 2
        top = _y(value) if value is not None else _y(0)
        bars.append(
            Bar(
                x=round(centre - width / 2, 1),
                y=top,
                width=width,
                height=round(_y(0) - top, 1),
                label_x=round(centre, 1),
                value=value,
                label=label,
            )
        )
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        baseline=_y(0),
        gridlines=[(step, _y(step)) for step in SCALE],
        bars=bars,
    )
