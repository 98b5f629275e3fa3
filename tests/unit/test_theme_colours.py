"""Theme colours: the Python palette, the CSS swatch classes and the demo themes agree."""

import re
from pathlib import Path

from app.demo import content
from app.web.theme_colours import PALETTE, swatch_class

CSS = (Path(__file__).resolve().parents[2] / "app" / "static" / "css" / "kokeilu.css").read_text()


def test_palette_matches_the_css_swatches():
    css_colours = re.findall(r"--kokeilu-swatch-(\d+):\s*(#[0-9a-fA-F]{6})", CSS)
    assert [(int(index), colour.lower()) for index, colour in css_colours] == list(
        enumerate(PALETTE)
    )
    for index in range(len(PALETTE)):
        assert f".swatch-{index}" in CSS


def test_swatch_class_maps_colours_and_falls_back():
    assert swatch_class(PALETTE[3]) == "swatch-3"
    assert swatch_class(PALETTE[3].upper()) == "swatch-3"
    assert swatch_class("#123456") == "swatch-0"
    assert swatch_class(14) == "swatch-2"


def test_demo_themes_use_palette_colours():
    themes = [
        theme
        for strategy in (content.CURRENT_STRATEGY, content.PREVIOUS_STRATEGY)
        for theme in strategy.themes
    ]
    assert themes
    assert all(theme.colour in PALETTE for theme in themes)
