"""Hypothesis fuzzing of every HTML form: each POST form and each GET (filter/search) form of
the app, found by crawling the pages of the demo city as its admin, workshop lead, HR director
and employee, is sent hostile values (NUL and other control characters, emoji, right-to-left
text, up to 1 MB of text, huge and negative numbers, impossible dates and ids).

Properties: never a 5xx, never a stack trace, and a 422 (the form shown again with its errors)
keeps what was typed, without its control characters. The table grows with the app: every POST
route must have a form the crawl finds, or be listed in EXCLUDED with the reason.

Bounded for CI: derandomized, EXAMPLES per form (KOKEILU_FUZZ_EXAMPLES to run more locally)."""

from __future__ import annotations

import os
import re
from collections import Counter, deque
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from httpx import Cookies
from hypothesis import given
from hypothesis import strategies as st
from litestar.testing import AsyncTestClient

from app.demo.content import DEMO_PASSWORD, SIGN_INS
from app.demo.loader import load_demo_data
from app.main import create_app
from app.piccolo_app import TABLES
from app.settings import get_settings
from tests.http.browser import page, post_form, sign_in
from tests.http.fuzzing import bounded

EXAMPLES = int(os.environ.get("KOKEILU_FUZZ_EXAMPLES", "4"))
BASE_URL = "http://127.0.0.1:8000"
MAX_PAGES_PER_USER = 200
PAGES_PER_KIND = 2
# Pages of seeded rows past the few of each kind the crawl visits: their forms are collected
# after the crawl (filled by the fixture).
EXTRA_START_PAGES: list[str] = []

# POST routes the fuzzing does not reach through a form, each with its reason.
EXCLUDED = {
    "/sign-out": "no fields: signing out ends the session the other examples need",
    "/experiments/new/autosave": "htmx autosave of the new-experiment form (fuzzed as /experiments/new)",
    "/experiments/{experiment_id:int}/sections/{section:str}/autosave": "htmx autosave of a section form (fuzzed as the section)",
    "/markdown-preview": "htmx preview of a Markdown field, no form of its own",
}

# The pages with a filter or search form (GET): their query strings are fuzzed.
LIST_PAGES = [
    "/admin/users",
    "/cohorts/{cohort_id:int}",
    "/cohorts/{cohort_id:int}/assessment/days/{day_id:int}",
    "/cohorts/{cohort_id:int}/board",
    "/cohorts/{cohort_id:int}/days/{day_id:int}/pack",
    "/cohorts/{cohort_id:int}/participants/department",
    "/cohorts/{cohort_id:int}/reflections",
    "/experiments",
    "/library",
    "/rollup",
]


def _route_templates(method: str) -> list[str]:
    app = create_app(get_settings())
    return sorted(
        {
            route.path
            for route in app.routes
            for methods in getattr(route, "route_handler_map", {})
            if method in (methods if isinstance(methods, set | frozenset | tuple) else {methods})
        }
    )


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", template)
    return re.compile(
        "".join("[^/]+" if part.startswith("{") else re.escape(part) for part in parts) + "/?"
    )


POST_ROUTES = _route_templates("POST")
GET_ROUTES = _route_templates("GET")
FUZZED_POST_ROUTES = [route for route in POST_ROUTES if route not in EXCLUDED]


def _template_of(path: str, templates: list[str]) -> str | None:
    # The most specific template first (fewest parameters), e.g. /experiments/new before {id}.
    matches = [t for t in templates if _pattern(t).fullmatch(path)]
    return min(matches, key=lambda t: t.count("{")) if matches else None


# --- the crawl -----------------------------------------------------------------------------


@dataclass
class Form:
    email: str  # who was signed in
    page_url: str
    action: str
    method: str
    fields: dict[str, list[str]] = field(default_factory=dict)  # name -> default values
    kinds: dict[str, str] = field(default_factory=dict)  # name -> input type


def _forms_of(soup: BeautifulSoup, url: str, email: str) -> list[Form]:
    found = []
    for element in soup.find_all("form"):
        method = (element.get("method") or "get").lower()
        action = urljoin(url, element.get("action") or url)
        form = Form(email=email, page_url=url, action=action, method=method)
        for control in element.find_all(["input", "textarea", "select"]):
            name = control.get("name")
            kind = (control.get("type") or control.name).lower()
            if not name or kind in ("submit", "button", "image", "reset", "file"):
                continue
            form.kinds.setdefault(name, kind)
            values = form.fields.setdefault(name, [])
            if kind in ("checkbox", "radio"):
                if control.has_attr("checked"):
                    values.append(control.get("value", "on"))
            elif control.name == "select":
                options = control.find_all("option")
                chosen = [o for o in options if o.has_attr("selected")] or options[:1]
                values.extend(o.get("value", o.get_text()) for o in chosen)
            elif control.name == "textarea":
                values.append(control.get_text())
            else:
                values.append(control.get("value", ""))
        found.append(form)
    return found


def _crawlable(url: str) -> bool:
    parts = urlsplit(url)
    return (
        parts.netloc in ("", "127.0.0.1:8000")
        and not parts.path.startswith(("/static", "/api/", "/sign-out"))
        and not parts.path.endswith((".csv", ".xlsx", ".png", ".svg", ".json"))
    )


def _visit_key(url: str) -> str:
    """One page per kind: /experiments/12?edit=result and /experiments/40?edit=result alike."""
    return re.sub(r"\d+", "#", url)


async def _crawl(client, email: str) -> list[Form]:
    """Breadth first from the home page and the user's own experiments (whose pages have the
    owner's forms), then every page without a path parameter; a few pages of each kind."""
    forms: list[Form] = []
    seeds = ["/", "/experiments/mine"] + [route for route in GET_ROUTES if "{" not in route]
    queue, seen = deque(dict.fromkeys(seeds)), Counter(_visit_key(url) for url in set(seeds))
    visited = 0
    while queue and visited < MAX_PAGES_PER_USER:
        url = queue.popleft()
        response = await client.get(url)
        visited += 1
        if response.status_code != 200 or "html" not in response.headers.get("content-type", ""):
            continue
        soup = page(response)
        forms.extend(_forms_of(soup, BASE_URL + url if url.startswith("/") else url, email))
        for link in soup.find_all("a", href=True):
            target = urljoin(BASE_URL + url, link["href"]).split("#")[0]
            parts = urlsplit(target)
            local = parts.path + (f"?{parts.query}" if parts.query else "")
            if _crawlable(target) and seen[_visit_key(local)] < PAGES_PER_KIND:
                seen[_visit_key(local)] += 1
                queue.append(local)
    for url in EXTRA_START_PAGES:  # their forms only, no links followed
        response = await client.get(url)
        if response.status_code == 200:
            forms.extend(_forms_of(page(response), BASE_URL + url, email))
    return forms


@pytest.fixture(scope="module")
async def empty_tables(migrated_database):
    """The demo city, loaded once for the module (the per-test emptying is replaced)."""
    for table in reversed(TABLES):
        await table.delete(force=True)
    await load_demo_data()
    await _seed_states_the_demo_lacks()


async def _seed_states_the_demo_lacks() -> None:
    """Archived, deactivated and deleted rows, so that their restore forms are found."""

    from app.accounts.tables import User
    from app.cohorts.tables import Cohort
    from app.experiments.tables import CustomerGroup
    from app.reflections.tables import AssessmentStatement, ReflectionQuestion
    from app.strategy.tables import Strategy
    from tests.factories import make_cohort, make_department, make_experiment, make_theme, make_user

    admin = await User.objects().where(User.email == SIGN_INS[0].email).first()
    lead = await User.objects().where(User.email == SIGN_INS[1].email).first()
    await CustomerGroup(name_fi="Arkistoitu asiakasryhmä", archived=True).save()
    strategy = await Strategy.objects().first()
    theme = await make_theme(strategy, archived=True)
    department = await make_department(archived=True)
    inactive = await make_user(active=False)
    archived_cohort = await make_cohort(leads=[lead], archived=True)
    EXTRA_START_PAGES[:] = [
        f"/admin/departments/{department.id}",
        f"/admin/users/{inactive.id}",
        f"/cohorts/{archived_cohort.id}",
        f"/admin/strategies/{strategy.id}/themes/{theme.id}",  # its restore form
    ]
    cohort = await Cohort.objects().where(Cohort.archived == False).first()  # noqa: E712
    await AssessmentStatement(cohort=cohort.id, text="Arkistoitu väittämä", archived=True).save()
    await ReflectionQuestion(cohort=cohort.id, text_fi="Arkistoitu kysymys", archived=True).save()
    await make_experiment(admin, deleted_at=datetime.now(UTC))
    EXTRA_START_PAGES.extend(await _seed_token_and_picker_pages(admin, lead))


async def _seed_token_and_picker_pages(admin, lead) -> list[str]:
    """Rows whose forms sit behind a secret link or an htmx search (an API token, a join
    link, a survey with its public and kiosk links, a set-password link, a kudos to withdraw,
    the participant picker): their pages, for the crawl's extra start pages."""
    from app.accounts.service import create_set_password_link
    from app.accounts.tables import User
    from app.api import tokens
    from app.cohorts import members
    from app.cohorts.tables import Cohort, CohortLead
    from app.conversation.tables import Kudos
    from app.experiments.tables import Measure
    from app.surveys.service import new_token
    from app.surveys.tables import Survey, SurveyAnswer
    from tests.factories import make_department, make_experiment, make_user

    employee = await User.objects().where(User.email == SIGN_INS[3].email).first()
    led = CohortLead.select(CohortLead.cohort).where(CohortLead.user == lead.id)
    cohort = await Cohort.objects().where(Cohort.id.is_in(led) & Cohort.archived.eq(False)).first()
    join_token = await members.create_join_link(lead, cohort.id, 14)
    await make_user(name="Hakija Poiminta")  # found by the participant search below
    department = await make_department()
    await make_user(department=department.id)  # someone the department would bring in
    api_token = await tokens.create(admin.id, "Sumea avain", None)
    newcomer = await make_user(name="Uusi Salasana")
    set_password_token = await create_set_password_link(newcomer.id, admin.id)
    shared = await make_experiment(employee, status="running", title="Kiitettävä kokeilu")
    await Kudos(experiment=shared.id, giver=admin.id, message="Kiitos!").save()
    measure = Measure(experiment=shared.id, name="Asiakastyytyväisyys", baseline=3.5)
    await measure.save()
    survey = Survey(
        experiment=shared.id,
        measure=measure.id,
        token=new_token(),
        kiosk_token=new_token(),
        question_fi="Miten onnistuimme palvelemaan sinua tänään?",
        open_period="before",
        before_opened_at=datetime.now(UTC),
        created_by=employee.id,
    )
    await survey.save()
    await SurveyAnswer(survey=survey.id, period="before", score=4, submission_id="fuzz-1").save()
    surveys = f"/experiments/{shared.id}/surveys"
    return [
        f"/account/api-tokens/{api_token.id}/revoke",
        f"/cohorts/{cohort.id}",
        f"/cohorts/{cohort.id}?q=Poiminta",
        f"/cohorts/{cohort.id}/participants/department?department={department.id}",
        f"/join/{join_token}",
        f"/experiments/{shared.id}",
        f"{surveys}/",
        f"{surveys}/{survey.id}/edit",
        f"/s/{survey.token}",
        f"/k/{survey.kiosk_token}",
        f"/set-password/{set_password_token}",
    ]


@pytest.fixture(scope="module")
def fuzz_app():
    return create_app(get_settings())


@pytest.fixture(scope="module")
async def clients(empty_tables, fuzz_app):
    """One browser, with each demo user's session cookies (signed in once: argon2 is slow on
    purpose) and an anonymous visitor's (key ""); `_as(client, email)` switches between them."""
    async with AsyncTestClient(app=fuzz_app, base_url=BASE_URL) as client:
        client.follow_redirects = False
        sessions: dict[str, Cookies] = {}
        for email in ["", *(row.email for row in SIGN_INS)]:
            client.cookies = Cookies()
            if email:
                await sign_in(client, email, DEMO_PASSWORD)
            sessions[email] = Cookies(client.cookies)
        client.sessions = sessions
        yield client


def _as(client, email: str):
    client.cookies = Cookies(client.sessions[email])
    return client


@pytest.fixture(scope="module")
async def forms_by_route(clients) -> dict[tuple[str, str], Form]:
    """The first form found for each (method, route): the demo users in SIGN_INS order, then
    an anonymous visitor."""
    found: dict[tuple[str, str], Form] = {}
    for email in [*list(clients.sessions)[1:], ""]:
        for form in await _crawl(_as(clients, email), email):
            path = urlsplit(form.action).path
            route = _template_of(path, POST_ROUTES if form.method == "post" else GET_ROUTES)
            if route is not None:
                found.setdefault((form.method, route), form)
    return found


def test_every_get_form_is_a_list_page_fuzzed_below(forms_by_route):
    found = sorted(route for method, route in forms_by_route if method == "get")
    assert found == sorted(LIST_PAGES), f"add the new filter or search form to LIST_PAGES: {found}"


def test_every_post_route_is_fuzzed_or_excluded_with_a_reason(forms_by_route):
    assert set(EXCLUDED) <= set(POST_ROUTES), "an excluded route no longer exists"
    missing = [route for route in FUZZED_POST_ROUTES if ("post", route) not in forms_by_route]
    assert not missing, f"no form found for these POST routes (add a page or exclude): {missing}"


# --- hostile values ------------------------------------------------------------------------

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
CONTROLS = st.sampled_from([chr(code) for code in range(32)] + ["\x7f"])
ODD_TEXT = st.sampled_from(
    [
        "😀👍🏽 kiitos",
        "שלום עולם",
        "\u202ekäänteinen\u202c",
        "مرحبا بالعالم",
        "Ääkkönen ÅÖ",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "=SUM(A1:A9)",
        "{{ 7*7 }}",
        "%00",
        "\ufeff\u200b",
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=20), CONTROLS, ODD_TEXT), max_size=6).map("".join)
LONG_TEXT = st.sampled_from([5_000, 100_000, 1_000_000]).map(lambda size: "Ä😀\x00" * (size // 3))
NUMBERS = st.one_of(
    st.sampled_from(
        ["-1", "0", "2147483648", "9223372036854775808", str(10**20), "-9223372036854775809"]
        + ["1e308", "NaN", "inf", "1,5", "0x10", "١٢", "１２"]
    ),
    st.integers().map(str),
)
DATES = st.one_of(
    st.sampled_from(
        ["0001-01-01", "9999-12-31", "10000-01-01", "2024-02-30", "2024-13-01", "garbage"]
        + ["31.12.2024", "1899-12-31", "2201-01-01", "2024-1-1"]
    ),
    st.dates().map(lambda day: day.isoformat()),
)
IDS = st.sampled_from(["-1", "0", "2147483648", "9223372036854775808", str(10**20)])
HOSTILE = st.one_of(TEXT, NUMBERS, DATES, IDS, LONG_TEXT)
BY_KIND = {
    "number": st.one_of(NUMBERS, IDS, TEXT),
    "date": st.one_of(DATES, TEXT),
    "hidden": st.one_of(IDS, NUMBERS, TEXT),
}
# Password fields are never shown again (on purpose), so they are not in this set.
TYPED = {"text", "textarea", "email", "search", "url", "tel", "number"}


# A query string longer than a few kilobytes never reaches an app (proxies and servers refuse
# it first; httpx refuses 64 KiB), and a megabyte in every list-page query made the run
# minutes long.
QUERY_HOSTILE = st.one_of(TEXT, NUMBERS, DATES, IDS, st.just("Ä😀\x00" * 300))


def _values(kind: str) -> st.SearchStrategy[str]:
    return BY_KIND.get(kind, HOSTILE)


def _query_values(kind: str) -> st.SearchStrategy[str]:
    return BY_KIND.get(kind, QUERY_HOSTILE)


def _clean(value: str) -> str:
    return _CONTROL.sub("", value).replace("\r\n", "\n").replace("\r", "\n")


def _shown_values(soup: BeautifulSoup, name: str) -> list[str]:
    shown = []
    for element in soup.find_all(attrs={"name": name}):
        text = element.get_text() if element.name == "textarea" else element.get("value", "")
        shown.append(_clean(text.removeprefix("\n") if element.name == "textarea" else text))
    return shown


def _assert_no_server_error(response, label: str) -> None:
    assert response.status_code < 500, f"{label}: {response.status_code}"
    assert "Traceback" not in response.text, label


FUZZ_SETTINGS = bounded(EXAMPLES)


async def _fresh_form(clients, forms_by_route, method: str, route: str) -> tuple[Any, Form]:
    known = forms_by_route.get((method, route))
    if known is None:
        pytest.fail(f"no {method.upper()} form found for {route}")
    client = _as(clients, known.email)
    # The page again, for the current version and choices (earlier tests may have saved).
    response = await client.get(known.page_url.removeprefix(BASE_URL))
    for form in _forms_of(page(response), known.page_url, known.email):
        if form.method == method and form.action == known.action:
            return client, form
    return client, known


def _draw_data(data, form: Form, values=_values) -> dict[str, Any]:
    sent: dict[str, Any] = {}
    for name, defaults in form.fields.items():
        if name == "_csrf_token":
            continue
        if data.draw(st.booleans(), label=f"fuzz {name}"):
            sent[name] = data.draw(values(form.kinds[name]), label=name)
        else:
            sent[name] = defaults if len(defaults) != 1 else defaults[0]
    return sent


@pytest.mark.parametrize("route", FUZZED_POST_ROUTES)
@FUZZ_SETTINGS
@given(data=st.data())
async def test_post_forms_survive_hostile_input(clients, forms_by_route, route, data):
    client, form = await _fresh_form(clients, forms_by_route, "post", route)
    sent = _draw_data(data, form)
    action = form.action.removeprefix(BASE_URL)
    response = await post_form(client, action, sent)
    _assert_no_server_error(response, f"POST {action}")
    if response.status_code == 422:
        soup = page(response)
        for name, value in sent.items():
            if form.kinds.get(name) in TYPED and isinstance(value, str):
                shown = _shown_values(soup, name)
                if shown:  # a field the page shows again must show what was typed
                    assert {_clean(value), _clean(value).strip()} & set(shown), name


@pytest.mark.parametrize("route", LIST_PAGES)
@FUZZ_SETTINGS
@given(data=st.data())
async def test_query_strings_survive_hostile_input(clients, forms_by_route, route, data):
    client, form = await _fresh_form(clients, forms_by_route, "get", route)
    sent = _draw_data(data, form, _query_values)
    action = urlsplit(form.action)
    params = parse_qsl(action.query) + [
        (name, item)
        for name, value in sent.items()
        for item in (value if isinstance(value, list) else [value])
    ]
    response = await client.get(action.path, params=params)
    _assert_no_server_error(response, f"GET {action.path}")
