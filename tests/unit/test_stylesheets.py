"""Our own stylesheets parse as written: no merge-conflict markers, and every rule's braces
close before the next rule starts (a rule nested in another's declarations is dropped by the
browser, with every rule after it)."""

import re
from pathlib import Path

import pytest

CSS_DIR = Path(__file__).resolve().parents[2] / "app" / "static" / "css"
STYLESHEETS = sorted(CSS_DIR.glob("*.css"))
CONFLICT_MARKER = re.compile(r"^(<{7}|={7}|>{7})(\s|$)", re.MULTILINE)


def _without_comments(css: str) -> str:
    return re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)


def _nesting_problems(css: str) -> list[str]:
    """Blocks opened inside a style rule (only @media, @supports and the like may hold rules)."""
    problems = []
    stack: list[bool] = []  # for each open block: does it hold rules (an at-rule)?
    start = 0
    for match in re.finditer(r"[{}]", css):
        if match.group() == "{":
            prelude = css[start : match.start()].strip()
            if stack and not stack[-1]:
                problems.append(f"a block opened inside a style rule: {prelude[:60]!r}")
            stack.append(prelude.startswith("@") and not prelude.startswith("@font-face"))
        else:
            if not stack:
                problems.append("a closing brace without an opening one")
            else:
                stack.pop()
        start = match.end()
    if stack:
        problems.append(f"{len(stack)} block(s) never closed")
    return problems


def test_there_are_stylesheets_to_check():
    assert [path.name for path in STYLESHEETS if path.name == "kokeilu.css"]


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda path: path.name)
def test_stylesheet_has_no_conflict_markers(path: Path) -> None:
    assert not CONFLICT_MARKER.search(path.read_text())


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda path: path.name)
def test_stylesheet_blocks_are_balanced_and_not_nested_in_rules(path: Path) -> None:
    assert _nesting_problems(_without_comments(path.read_text())) == []
