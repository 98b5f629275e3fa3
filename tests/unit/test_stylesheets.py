"""Our own stylesheets parse: balanced braces, every declaration inside a rule, no merge debris."""

from __future__ import annotations

from pathlib import Path

import pytest

CSS_DIR = Path(__file__).resolve().parents[2] / "app" / "static" / "css"
STYLESHEETS = sorted(CSS_DIR.glob("*.css"))


def _without_comments(text: str) -> str:
    out, index = [], 0
    while (start := text.find("/*", index)) != -1:
        out.append(text[index:start])
        end = text.find("*/", start + 2)
        assert end != -1, "unclosed comment"
        index = end + 2
    out.append(text[index:])
    return "".join(out)


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda path: path.name)
def test_stylesheet_is_well_formed(path: Path) -> None:
    text = path.read_text()
    for marker in ("<<<<<<<", ">>>>>>>", "\n=======\n"):
        assert marker not in text, f"merge conflict debris in {path.name}"
    depth = 0
    for number, line in enumerate(_without_comments(text).splitlines(), start=1):
        stripped = line.strip()
        if depth == 0 and stripped and stripped.endswith(";") and not stripped.startswith("@"):
            pytest.fail(f"{path.name}:{number}: declaration outside any rule: {stripped}")
        depth += line.count("{") - line.count("}")
        assert depth >= 0, f"{path.name}:{number}: unbalanced closing brace"
    assert depth == 0, f"{path.name}: unclosed rule"


def test_there_are_stylesheets_to_check() -> None:
    assert any(path.name == "kokeilu.css" for path in STYLESHEETS)
