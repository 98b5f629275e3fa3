"""Accessibility checks for end-to-end tests: axe-core (WCAG 2.1 A and AA rules, and axe's
best practices such as landmarks, heading order and keyboard-reachable scrolling regions) on
the page as the browser shows it now. The convention: every page a test visits is checked, through
`visit()` for a plain navigation and `assert_accessible()` after a form post or a change on
the page (an error summary, an opened <details>)."""

from __future__ import annotations

from typing import Any
from weakref import WeakSet

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page, Route

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Not WCAG failures by themselves, but what screen-reader and keyboard users stumble on: a
# scrolling table that the keyboard cannot reach, content outside landmarks, skipped heading
# levels.
BEST_PRACTICE_TAGS = ["best-practice"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_TAGS + BEST_PRACTICE_TAGS},
    # Only violations come back: the passes would make every run slower for nothing.
    "resultTypes": ["violations"],
}

_axe = Axe()
# axe needs timers, which do not run in a context with JavaScript switched off.
_contexts_without_javascript: WeakSet[BrowserContext] = WeakSet()


def register_without_javascript(context: BrowserContext) -> None:
    """Tell `assert_accessible` that pages of this context cannot run axe themselves."""
    _contexts_without_javascript.add(context)


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


def _run_axe(page: Page) -> list[dict[str, Any]]:
    return _axe.run(page, options=AXE_OPTIONS).response["violations"]


def _violations_without_javascript(page: Page) -> list[dict[str, Any]]:
    """Check what a no-JavaScript visitor sees: the same HTML, served at the same address to a
    scratch page whose own scripts are blocked, so that only axe runs there."""
    html = page.content()
    url = page.url
    browser = page.context.browser
    assert browser is not None
    mirror_context = browser.new_context(viewport=page.viewport_size)
    try:

        def serve(route: Route) -> None:
            request = route.request
            if request.resource_type == "document" and request.url == url:
                route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)
            elif request.resource_type == "script":
                route.abort()
            else:
                route.continue_()

        mirror_context.route("**/*", serve)
        mirror = mirror_context.new_page()
        mirror.goto(url)
        return _run_axe(mirror)
    finally:
        mirror_context.close()


def accessibility_violations(page: Page) -> list[dict[str, Any]]:
    page.wait_for_load_state("load")
    if page.context in _contexts_without_javascript:
        return _violations_without_javascript(page)
    return _run_axe(page)


# axe 4.12 no longer reports duplicate ids (WCAG 2.2 dropped 4.1.1), but browsers still tie a
# <label for>, aria-describedby or an htmx target to the *first* element with the id, so a
# second form with the same field ids leaves its fields unlabelled.
DUPLICATE_IDS = """() => {
  const seen = new Map();
  for (const element of document.querySelectorAll("[id]")) {
    seen.set(element.id, (seen.get(element.id) || 0) + 1);
  }
  return [...seen].filter(([, count]) => count > 1).map(([id]) => id);
}"""


def _duplicate_id_violation(page: Page) -> dict[str, Any] | None:
    duplicates = page.evaluate(DUPLICATE_IDS)
    if not duplicates:
        return None
    return {
        "id": "duplicate-id (kokeilu check)",
        "impact": "serious",
        "help": "IDs must be unique: labels and aria-describedby point at the first one only",
        "helpUrl": "https://html.spec.whatwg.org/multipage/dom.html#the-id-attribute",
        "nodes": [{"target": [f"#{name}"], "html": ""} for name in duplicates],
    }


def assert_accessible(page: Page) -> None:
    """Fail with a readable list (rule id, impact, help, selectors) if axe finds problems."""
    violations = accessibility_violations(page)
    duplicates = _duplicate_id_violation(page)
    if duplicates:
        violations.append(duplicates)
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
