"""Accessibility checks for end-to-end tests: axe-core (WCAG 2.1 A and AA rules) on the page
as the browser shows it now. The convention: every page a test visits is checked, through
`visit()` for a plain navigation and `assert_accessible()` after a form post or a change on
the page (an error summary, an opened <details>)."""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_TAGS},
    # Only violations come back: the passes would make every run slower for nothing.
    "resultTypes": ["violations"],
}

_axe = Axe()


def _describe(violation: dict[str, Any]) -> str:
    lines = [
        f"- {violation['id']} ({violation.get('impact') or 'unknown impact'}): "
        f"{violation['help']}\n  {violation.get('helpUrl', '')}"
    ]
    for node in violation["nodes"]:
        target = " ".join(str(part) for part in node["target"])
        snippet = " ".join(node.get("html", "").split())[:160]
        lines.append(f"    at {target}\n       {snippet}")
        summary = " ".join((node.get("failureSummary") or "").split())
        if summary:
            lines.append(f"       {summary[:300]}")
    return "\n".join(lines)


def accessibility_violations(page: Page) -> list[dict[str, Any]]:
    page.wait_for_load_state("load")
    return _axe.run(page, options=AXE_OPTIONS).response["violations"]


def assert_accessible(page: Page) -> None:
    """Fail with a readable list (rule id, impact, help, selectors) if axe finds problems."""
    violations = accessibility_violations(page)
    if violations:
        report = "\n".join(_describe(violation) for violation in violations)
        raise AssertionError(
            f"{len(violations)} accessibility violation(s) on {page.url}:\n{report}"
        )


def visit(page: Page, path: str, *, status: int = 200) -> None:
    """Open a page, check its HTTP status, and check it with axe."""
    response = page.goto(path)
    assert response is not None, f"no response for {path}"
    assert response.status == status, f"{path} answered {response.status}, expected {status}"
    assert_accessible(page)
