"""Theme colours as CSS classes: the CSP forbids style attributes, so a hex colour maps to a swatch class."""

from __future__ import annotations

# The palette of app/static/css/kokeilu.css (.swatch-0 … .swatch-11); each passes AA with white text.
PALETTE = (
    "#0b5394", "#00695c", "#2e7d32", "#8a4b00", "#b3261e", "#ad1457",
    "#6a1b9a", "#3949ab", "#0277bd", "#5d4037", "#455a64", "#7a5c00",
)  # fmt: skip


def swatch_class(index_or_colour: int | str | None) -> str:
    if isinstance(index_or_colour, str) and index_or_colour.lower() in PALETTE:
        return f"swatch-{PALETTE.index(index_or_colour.lower())}"
    if isinstance(index_or_colour, int):
        return f"swatch-{index_or_colour % len(PALETTE)}"
    return "swatch-0"
