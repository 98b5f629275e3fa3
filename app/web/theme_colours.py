"""Theme colours as CSS classes: the CSP forbids style attributes, so a hex colour maps to a swatch class."""

from __future__ import annotations

# The palette of app/static/css/kokeilu.css (.swatch-0 … .swatch-11); each passes AA with white text.
PALETTE = (
    "#0050a0", "#00695c", "#8a2d8f", "#b03a00", "#2e5e1f", "#a0174b",
    "#3949ab", "#6d4c00", "#00607a", "#5d3fd3", "#7a2e2e", "#37474f",
)  # fmt: skip


def swatch_class(index_or_colour: int | str | None) -> str:
    if isinstance(index_or_colour, str) and index_or_colour.lower() in PALETTE:
        return f"swatch-{PALETTE.index(index_or_colour.lower())}"
    if isinstance(index_or_colour, int):
        return f"swatch-{index_or_colour % len(PALETTE)}"
    return "swatch-0"
