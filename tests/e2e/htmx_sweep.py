"""The htmx sweep: open pages as a signed-in person and set off every distinct htmx control
on them (every element with hx-get/hx-post/…), reporting any htmx error event or console error.

A control is known by its method, URL and target with the numbers taken out, so the "Edit"
button of every measure row counts once. Controls that appear only after another one was used
(the Save and Cancel of a form swapped in by "Edit") are reached by reloading the page and
replaying the controls that revealed them, so each is tried from the state a person would
see it in. The app itself has no inline scripts (CSP): the listeners come in through
`page.add_init_script`."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlparse

from playwright.sync_api import ConsoleMessage, Error, Page

# Events of htmx that mean a control is broken (see https://htmx.org/reference/#events).
ERROR_EVENTS = (
    "htmx:targetError",
    "htmx:responseError",
    "htmx:swapError",
    "htmx:sendError",
    "htmx:oobErrorNoTarget",
    "htmx:onLoadError",
)
LISTENERS = """
(() => {
  // Requests are counted by their XMLHttpRequest: an element swapped away before its answer
  // came no longer passes its htmx:afterRequest up to the document.
  const requests = new Set();
  const sweep = {
    problems: [], started: 0,
    pending: () => [...requests].filter((xhr) => xhr.readyState !== 4).length,
  };
  window.__htmxSweep = sweep;
  const describe = (element) => {
    if (!element || !element.getAttribute) return String(element);
    const verb = ["hx-get", "hx-post", "hx-put", "hx-patch", "hx-delete"]
      .find((name) => element.hasAttribute(name));
    const target = element.getAttribute("hx-target");
    return `<${element.tagName.toLowerCase()}${verb ? ` ${verb}="${element.getAttribute(verb)}"` : ""}`
      + `${target ? ` hx-target="${target}"` : ""}>`;
  };
  for (const name of ERROR_EVENTS) {
    document.addEventListener(name, (event) => {
      const detail = event.detail || {};
      const status = detail.xhr ? ` (HTTP ${detail.xhr.status})` : "";
      const target = detail.target && typeof detail.target === "string" ? ` target ${detail.target}` : "";
      sweep.problems.push(`${name}${status}${target} from ${describe(detail.elt || event.target)}`);
    }, true);
  }
  document.addEventListener("htmx:beforeRequest", (event) => {
    sweep.started += 1;
    if (event.detail && event.detail.xhr) requests.add(event.detail.xhr);
  }, true);
})();
""".replace("ERROR_EVENTS", repr(list(ERROR_EVENTS)))

# Every htmx control on the page, with how it is set off. Controls inside another control
# (the Preview button or Cancel link inside a form) come first: setting off the form itself
# usually swaps them away.
CONTROLS = """
() => {
  const verbs = ["hx-get", "hx-post", "hx-put", "hx-patch", "hx-delete"];
  const selector = verbs.map((verb) => `[${verb}]`).join(",");
  const elements = [...document.querySelectorAll(selector)];
  return elements.map((element, index) => {
    const verb = verbs.find((name) => element.hasAttribute(name));
    return {
      index,
      tag: element.tagName.toLowerCase(),
      method: verb.slice(3),
      url: element.getAttribute(verb),
      target: element.getAttribute("hx-target") || "",
      trigger: element.getAttribute("hx-trigger") || "",
      inner: elements.filter((other) => other !== element && element.contains(other)).length,
    };
  });
}
"""
NUMBER = re.compile(r"\d+")
# A request should start this soon after a control is used (plus the control's own delay).
START_MS = 3000
SETTLE_MS = 5000


def _pattern(text: str) -> str:
    return NUMBER.sub("N", text)


def page_pattern(path: str) -> str:
    """/experiments/12?status=running -> /experiments/N: one page per kind (a filtered list
    shows the same controls as the list)."""
    return _pattern(urlparse(path).path)


@dataclass(frozen=True)
class Trigger:
    event: str
    source: str  # "" (the element itself), "closest form" or a CSS selector
    delay_ms: int
    changed: bool = False  # fires only when the field's value changed


def _trigger(control: dict) -> Trigger:
    """How a person sets the control off: its hx-trigger, the quickest of several."""
    if not control["trigger"]:
        default = {"form": "submit", "input": "change", "select": "change", "textarea": "change"}
        return Trigger(default.get(control["tag"], "click"), "", 0)
    triggers = []
    for spec in control["trigger"].split(","):
        words = spec.strip()
        event = words.split()[0] if words else "click"
        source = re.search(r"from:((?:closest|find|next|previous) \S+|\S+)", words)
        delay = re.search(r"delay:(\d+)(ms|s)", words)
        delay_ms = int(delay.group(1)) * (1000 if delay.group(2) == "s" else 1) if delay else 0
        source_text = source.group(1) if source else ""
        triggers.append(Trigger(event, source_text, delay_ms, " changed" in f" {words}"))
    passive = {"load", "revealed", "intersect"}
    active = [trigger for trigger in triggers if trigger.event not in passive]
    return min(active or triggers, key=lambda trigger: trigger.delay_ms)


def control_key(control: dict) -> str:
    """GET /experiments?page=N → #results: the numbers and empty query fields left out."""
    url = urlparse(control["url"])
    query = sorted((key, value) for key, value in parse_qsl(url.query) if value)
    address = url.path + ("?" + "&".join(f"{key}={value}" for key, value in query) if query else "")
    return " ".join(
        [control["method"].upper(), _pattern(address), "→", _pattern(control["target"])]
    )


# Sets off one control the way a person would, as far as a script can: opens the <details>
# it is in, then clicks, submits, types or changes.
ACTIVATE = """
([index, event, source, changed]) => {
  const verbs = ["hx-get", "hx-post", "hx-put", "hx-patch", "hx-delete"];
  const element = document.querySelectorAll(verbs.map((verb) => `[${verb}]`).join(","))[index];
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    if (parent.tagName === "DETAILS") parent.open = true;
  }
  element.scrollIntoView({ block: "center" });
  if (event === "load") return;
  if (event === "revealed" || event === "intersect") {
    window.scrollTo(0, 0); element.scrollIntoView({ block: "center" }); return;
  }
  let from = element;
  if (source.startsWith("closest ")) from = element.closest(source.slice(8));
  else if (source) from = document.querySelector(source);
  if (event === "submit") {
    const button = from.querySelector("button[type=submit], button:not([type])");
    if (button) button.click(); else from.requestSubmit();
    return;
  }
  if (event === "click") { from.click(); return; }
  // input, change, keyup…: tell htmx a field of the form (or the field itself) changed; where
  // the trigger wants a real change ("changed"), type a letter or choose another option.
  const field = from.matches("input, textarea, select") ? from
    : from.querySelector("input:not([type=hidden]):not([type=checkbox]):not([type=radio]), textarea, select");
  const target = field || from;
  if (!changed) {
    // the value stays as it was
  } else if (field && field.tagName === "SELECT") {
    const options = [...field.options];
    const other = options.find((option) => !option.selected) || options[0];
    if (other) field.value = other.value;
  } else if (field && field.type !== "date") {
    field.value = (field.value || "") + "x";
  }
  target.dispatchEvent(new Event(event, { bubbles: true }));
}
"""


@dataclass
class Sweep:
    """What one signed-in person's sweep found."""

    page: Page
    problems: list[str] = field(default_factory=list)
    # key -> (page path, keys to replay from a fresh load of that page to reach it)
    known: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    console: list[str] = field(default_factory=list)
    log: Callable[[str], None] = lambda _line: None

    def __post_init__(self) -> None:
        self.page.add_init_script(LISTENERS)
        self.page.on("dialog", lambda dialog: dialog.accept())
        self.page.on("console", self._on_console)

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.console.append(message.text)

    # --- page state ---------------------------------------------------------------------

    def _state(self) -> dict:
        return self.page.evaluate(
            "() => window.__htmxSweep ? { problems: window.__htmxSweep.problems.length,"
            " started: window.__htmxSweep.started } : { problems: 0, started: 0 }"
        )

    def _settle(self) -> None:
        """Wait until no htmx request is under way (load-triggered ones included)."""
        self.page.wait_for_function(
            "() => window.__htmxSweep && window.__htmxSweep.pending() === 0", timeout=SETTLE_MS
        )
        self.page.wait_for_timeout(50)  # htmx settles swapped content after 20 ms

    def _collect(self, where: str) -> None:
        problems = self.page.evaluate("() => window.__htmxSweep.problems.splice(0)")
        console, self.console = self.console, []
        for problem in [*problems, *(f"console error: {text}" for text in console)]:
            if f"{where}: {problem}" not in self.problems:
                self.problems.append(f"{where}: {problem}")

    def _load(self, path: str) -> bool:
        response = self.page.goto(path)
        if response is None or response.status >= 400:
            self.problems.append(f"{path}: HTTP {response.status if response else 'no answer'}")
            return False
        if "text/html" not in response.headers.get("content-type", ""):
            return False
        self._settle()
        self._collect(path)
        return True

    def _controls(self) -> list[dict]:
        return self.page.evaluate(CONTROLS)

    def _learn(self, path: str, trail: tuple[str, ...]) -> list[dict]:
        controls = self._controls()
        for control in controls:
            self.known.setdefault(control_key(control), (path, trail))
        return controls

    # --- using controls -----------------------------------------------------------------

    def _use(self, control: dict, where: str) -> bool:
        """Set one control off and wait for its request; False if the page went elsewhere."""
        trigger = _trigger(control)
        before = self._state()
        url = self.page.url
        self.page.evaluate(
            ACTIVATE, [control["index"], trigger.event, trigger.source, trigger.changed]
        )
        passive = trigger.event in {"load", "revealed", "intersect"}
        try:
            self.page.wait_for_function(
                "([started, problems]) => window.__htmxSweep.started > started"
                " || window.__htmxSweep.problems.length > problems",
                arg=[before["started"], before["problems"]],
                timeout=(500 if passive else START_MS) + trigger.delay_ms,
            )
        except Error as error:
            if self.page.url != url or "context was destroyed" in str(error):
                return False  # a plain navigation: not an htmx control's doing
            if not passive:
                self.problems.append(f"{where}: {control_key(control)} sent no request")
                return True
        self._settle()
        self._collect(f"{where} after {control_key(control)}")
        # hx-push-url changes the query only; a redirect to another page ends this page's turn.
        return urlparse(self.page.url).path == urlparse(url).path

    def _find(self, key: str) -> dict | None:
        return next((c for c in self._controls() if control_key(c) == key), None)

    def _replay(self, path: str, trail: Iterable[str]) -> bool:
        if not self._load(path):
            return False
        for key in trail:
            control = self._find(key)
            if control is None or not self._use(control, f"{path} (replaying)"):
                return False
        return True

    def sweep_page(self, path: str, links_in: str = "") -> list[str]:
        """Use every control of this page not used yet (in this sweep), and every control
        those reveal. Returns the page's same-site links inside `links_in` (a CSS selector)
        as the page first showed them."""
        self.log(f"page {path}")
        if not self._load(path):
            return []
        links = self._links(links_in) if links_in else []
        controls = self._learn(path, ())
        while True:
            fresh = [c for c in controls if control_key(c) not in self.used]
            if fresh:
                control = sorted(fresh, key=lambda c: (c["inner"] > 0, c["index"]))[0]
            else:
                waiting = [
                    key
                    for key, (where, _) in self.known.items()
                    if where == path and key not in self.used
                ]
                if not waiting:
                    return links
                self.used.add(waiting[0])
                if not self._replay(path, self.known[waiting[0]][1]):
                    self.problems.append(f"{path}: could not reach {waiting[0]} again")
                    continue
                control = self._find(waiting[0])
                if control is None:
                    self.problems.append(f"{path}: {waiting[0]} did not come back")
                    continue
            key = control_key(control)
            self.used.add(key)
            self.log(f"  use {key}")
            # What this control reveals is reached again by the controls that revealed it.
            where, trail = self.known.get(key, (path, ()))
            if self._use(control, path):
                controls = self._learn(path, (*trail, key) if where == path else (key,))
            else:
                self._load(path)
                controls = self._learn(path, ())

    def links(self, path: str, scope: str) -> list[str]:
        """The same-site links inside `scope` of the page at `path`, without using anything."""
        return self._links(scope) if self._load(path) else []

    def _links(self, scope: str) -> list[str]:
        hrefs = self.page.eval_on_selector_all(
            f"{scope} a[href]", "links => links.map((link) => link.getAttribute('href'))"
        )
        found = []
        for href in hrefs:
            url = urlparse(href)
            if url.scheme or url.netloc or not url.path.startswith("/"):
                continue
            found.append(url.path + (f"?{url.query}" if url.query else ""))
        return found
