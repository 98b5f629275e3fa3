"""Hostile input never gives a 500: ids beyond the database's integer columns, NUL and other
control characters in forms and query strings, dates far in the past or future. Paths answer
404, forms a translated message next to the field with what was typed kept."""

from __future__ import annotations

import re
from datetime import date

import pytest

from app.cohorts.tables import WorkshopDay
from app.experiments.tables import Experiment
from tests.factories import make_department, make_experiment, make_strategy, make_theme, make_user
from tests.http.browser import csrf_token, field_error, field_value, page, post_form

OUT_OF_RANGE = ("0", "2147483648", "9223372036854775808", "99999999999999999999")
PARAMETER = re.compile(r"\{(\w+):(\w+)\}")


def _int_path_routes(app) -> list[tuple[str, set[str]]]:
    routes = []
    for route in app.routes:
        kinds = set(PARAMETER.findall(route.path))
        if any(kind == "int" for _name, kind in kinds):
            routes.append((route.path, set(route.methods) & {"GET", "POST"}))
    return routes


def _fill(path: str, bad: str) -> list[str]:
    """The path with each int parameter in turn set to `bad`, the others to a real-looking 1."""
    names = [name for name, kind in PARAMETER.findall(path) if kind == "int"]
    filled = []
    for target in names:

        def value(match: re.Match, target: str = target) -> str:
            name, kind = match.groups()
            if kind != "int":
                return "x"
            return bad if name == target else "1"

        filled.append(PARAMETER.sub(value, path))
    return filled


async def test_every_int_path_parameter_beyond_the_id_range_is_404(app, client, admin):
    routes = _int_path_routes(app)
    assert len(routes) > 50  # the whole app, not a handful
    await client.get("/")
    token = csrf_token(client)
    answers: dict[int, int] = {}
    for path, methods in routes:
        for bad in OUT_OF_RANGE:
            for url in _fill(path, bad):
                for method in sorted(methods):
                    if method == "GET":
                        response = await client.get(url)
                    else:
                        response = await client.post(
                            url, data={"_csrf_token": token}, headers={"x-csrftoken": token}
                        )
                    assert response.status_code in (401, 403, 404, 405), (method, url)
                    answers[response.status_code] = answers.get(response.status_code, 0) + 1
    # A signed-in admin with a CSRF token gets 404 everywhere but the token-only API.
    assert set(answers) <= {401, 404}, answers


async def test_nul_in_a_text_path_parameter_is_404(client, admin):
    for url in ("/s/ab%00cd", "/k/ab%00cd", "/join/ab%00cd", "/set-password/ab%00cd"):
        assert (await client.get(url)).status_code == 404, url


async def test_nul_in_a_form_field_is_refused_next_to_it_and_the_rest_kept(client, employee):
    strategy = await make_strategy()
    theme = await make_theme(strategy)
    response = await post_form(
        client,
        "/experiments/new",
        {
            "title": "Asiakas\x00palvelu",
            "problem": "Jono\x01 on pitkä\x1b.\nToinen rivi.",
            "themes": [str(theme.id)],
        },
    )
    assert response.status_code == 422
    soup = page(response)
    assert "nul-merkki" in field_error(soup, "title").lower()
    assert field_value(soup, "title") == "Asiakaspalvelu"
    assert "\x00" not in response.text
    assert await Experiment.count() == 0


async def test_control_characters_are_removed_from_what_is_saved(client, employee):
    strategy = await make_strategy()
    theme = await make_theme(strategy)
    response = await post_form(
        client,
        "/experiments/new",
        {"title": "Palvelu\x01\x1b", "problem": "Jono\ton\r\npitkä\x07.", "themes": [theme.id]},
    )
    assert response.status_code == 303
    saved = await Experiment.select(Experiment.title, Experiment.problem).first()
    assert saved == {"title": "Palvelu", "problem": "Jono\ton\r\npitkä."}


QUERIES = [
    "/experiments?q=a%00b&theme={big}&department={big}&owner={big}&created_from=0001-01-01",
    "/experiments?page={big}&customer_group={big}&cohort={big}&strategy={big}",
    "/experiments?completed_to=9999-12-31&created_to=0001-01-01&status=%00",
    "/experiments/export.csv?q=%00&theme={big}&created_from=0001-01-01",
    "/experiments/export.xlsx?q=%00&department={big}",
    "/library?q=asiakas%00&theme={big}&created_from=0001-01-01",
    "/library/similar?text=a%00b&title=%00&problem=x",
    "/rollup?start=0001-01-01&end=9999-12-31&strategy={big}&theme={big}&department={big}",
    "/rollup/export.csv?start=0001-01-01",
    "/rollup/export.xlsx?start=0001-01-01&cohort={big}",
    "/rollup/print?end=0001-01-01",
    "/cohorts?q=%00",
    "/people?q=%00",
    "/notifications?page={big}",
]


@pytest.mark.parametrize("big", ["9999999999999", "2147483648", "99999999999999999999"])
async def test_query_strings_with_hostile_values_open(client, admin, big):
    from tests.factories import make_cohort

    department = await make_department()
    cohort = await make_cohort(leads=[admin], participants=[admin], days=[date(2026, 1, 15)])
    day = await WorkshopDay.select(WorkshopDay.id).first()
    experiment = await make_experiment(admin, status="running", cohort=cohort.id)
    pages = [
        f"/cohorts/{cohort.id}/experiments/{experiment.id}/review?day={{big}}",
        f"/departments/{department.id}?page={{big}}",
        f"/cohorts/{cohort.id}?q=a%00b",
        f"/cohorts/{cohort.id}/board?theme={{big}}&department={{big}}",
        f"/cohorts/{cohort.id}/days/{day['id']}/present?i={{big}}",
    ]
    for url in [*QUERIES, *pages]:
        response = await client.get(url.format(big=big))
        assert response.status_code < 500, url
        assert response.status_code != 422 or "/library/similar" in url, url


async def test_rollup_filter_dates_far_away_are_dropped(client, admin):
    strategy = await make_strategy(name="Strategia")
    hr = await make_user(is_hr=True, department=(await make_department()).id)
    await make_experiment(hr, status="running", themes=[await make_theme(strategy)])
    response = await client.get(f"/rollup/export.csv?strategy={strategy.id}&start=0001-01-01")
    assert response.status_code == 200
    assert "01.01.0001" not in response.content.decode("utf-8-sig")


API_QUERIES = [
    "/api/v1/experiments?theme={big}",
    "/api/v1/experiments?department={big}",
    "/api/v1/experiments?offset={big}",
    "/api/v1/experiments?limit={big}",
    "/api/v1/experiments?status=a%00b",
    "/api/v1/experiments?updated_since=0001-01-01T00:00:00",
    "/api/v1/experiments?updated_since=9999-12-31T23:59:59",
    "/api/v1/rollup?strategy={big}",
    "/api/v1/rollup?department={big}&cohort={big}",
    "/api/v1/rollup?theme={big}",
    "/api/v1/rollup?start=0001-01-01&end=9999-12-31",
]


@pytest.mark.parametrize("big", ["2147483648", "99999999999999999999"])
async def test_api_answers_out_of_range_values_with_a_json_validation_error(client, big):
    from app.api import tokens

    hr = await make_user(is_hr=True)
    created = await tokens.create(hr.id, "testi", None)
    headers = {"Authorization": f"Bearer {created.secret}"}
    for url in API_QUERIES:
        response = await client.get(url.format(big=big), headers=headers)
        assert response.status_code in (200, 400), (url, response.status_code)
        if response.status_code == 400:
            assert response.headers["content-type"].startswith("application/json"), url
    assert (await client.get("/api/v1/experiments/2147483648", headers=headers)).status_code == 404
    response = await client.get("/api/v1/rollup?start=0001-01-01", headers=headers)
    assert response.status_code == 400
    assert "between the years 1900 and 2200" in response.json()["error"]


DATE_MESSAGE = "Anna päivämäärä vuosien 1900 ja 2200 väliltä."


async def test_cycle_dates_far_away_are_refused_next_to_the_field(client, employee):
    from app.experiments.tables import Cycle

    experiment = await make_experiment(employee, status="running")
    assert (await post_form(client, f"/experiments/{experiment.id}/cycles")).status_code == 303
    cycle = await Cycle.objects().first()
    response = await post_form(
        client,
        f"/experiments/{experiment.id}/cycles/{cycle.id}",
        {"version": "1", "plan_notes": "Soitetaan", "starts_on": "0001-01-01"},
    )
    assert response.status_code == 422
    soup = page(response)
    assert field_error(soup, "starts_on", "c") == DATE_MESSAGE
    assert (await Cycle.objects().first()).starts_on is None


async def test_strategy_periods_far_away_are_refused_next_to_the_field(client, admin):
    form = {"name": "Kaupunkistrategia", "period_start": "0001-01-01", "period_end": "9999-12-31"}
    response = await post_form(client, "/admin/strategies/new", form)
    assert response.status_code == 422
    soup = page(response)
    assert field_error(soup, "period_start") == DATE_MESSAGE
    assert field_error(soup, "period_end") == DATE_MESSAGE
    assert field_value(soup, "name") == "Kaupunkistrategia"


@pytest.mark.parametrize(
    ("url", "field"), [("/experiments", "filter-q"), ("/library", "library-q")]
)
async def test_nul_in_a_search_is_shown_next_to_the_field_and_the_rest_searched(
    client, employee, url, field
):
    await make_experiment(employee, title="Asiakaspalvelu puhelimessa", status="running")
    response = await client.get(f"{url}?q=asiakas%00palvelu")
    assert response.status_code == 200
    soup = page(response)
    assert soup.select_one(f"#{field}")["value"] == "asiakaspalvelu"
    assert "NUL-merkki" in soup.select_one(f"#{field}-error").get_text()
    assert soup.select_one(f"#{field}")["aria-describedby"] == f"{field}-error"
    assert "\x00" not in response.text


@pytest.mark.parametrize(
    ("url", "name", "value"),
    [
        ("/experiments?created_from=0001-01-01&status=running", "created_from", "0001-01-01"),
        ("/experiments?theme=9223372036854775808", "theme", "9223372036854775808"),
        (
            "/library?q=asiakas&department=99999999999999999999",
            "department",
            "99999999999999999999",
        ),
        ("/library?created_to=garbage", "created_to", "garbage"),
        ("/rollup?start=0001-01-01", "start", "0001-01-01"),
        ("/rollup?cohort=2147483648", "cohort", "2147483648"),
    ],
)
async def test_a_list_page_says_which_filter_values_it_left_out(client, admin, url, name, value):
    await make_strategy()
    response = await client.get(url)
    assert response.status_code == 200
    notice = page(response).select_one(".dropped-filters")
    assert notice is not None, url
    text = " ".join(notice.get_text(" ").split())
    assert "Osa linkin rajauksista ei kelpaa" in text
    assert f"{name}={value}" in text
    # The same notice comes with the results that htmx swaps in.
    swapped = await client.get(url, headers={"HX-Request": "true"})
    assert f"{name}={value}" in page(swapped).select_one(".dropped-filters").get_text()


@pytest.mark.parametrize("url", ["/experiments?status=running", "/library?q=asiakas", "/rollup"])
async def test_a_list_page_with_valid_filters_has_no_notice(client, admin, url):
    await make_strategy()
    response = await client.get(url)
    assert response.status_code == 200
    assert page(response).select_one(".dropped-filters") is None
