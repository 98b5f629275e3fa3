"""The review board: columns by status, flags (stale, finished without a learning, waiting for
review), filters, the participants with no experiment yet, and a fixed number of queries."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from app.experiments.tables import Experiment
from app.review.tables import ExperimentReview
from tests.factories import (
    make_cohort,
    make_department,
    make_experiment,
    make_strategy,
    make_theme,
    make_user,
)
from tests.http.browser import page, sign_in
from tests.http.query_counter import count_queries

TODAY = datetime.now(UTC).date()


async def signed_in_lead(client, **values):
    lead = await make_user(name="Liisa Valmentaja", is_lead=True, **values)
    await sign_in(client, lead.email)
    return lead


def cards(response, status: str) -> list[str]:
    return [
        a.get_text(strip=True)
        for a in page(response).select(f".review-column--{status} .review-card__title")
    ]


def card(response, title: str):
    for element in page(response).select(".review-card"):
        if element.select_one(".review-card__title").get_text(strip=True) == title:
            return element
    raise AssertionError(f"no card {title!r}")


def flags(response, title: str) -> set[str]:
    classes = set()
    for flag in card(response, title).select(".review-flag"):
        classes.update(c.removeprefix("review-flag--") for c in flag["class"] if "--" in c)
    return classes


async def test_columns_by_status_with_drafts_and_only_this_cohorts_live_experiments(client):
    lead = await signed_in_lead(client)
    owner = await make_user(name="Olli Omistaja")
    cohort = await make_cohort(leads=[lead], participants=[owner])
    other = await make_cohort(leads=[lead])
    await make_experiment(owner, title="Luonnos", cohort=cohort.id)
    await make_experiment(owner, title="Käynnissä", cohort=cohort.id, status="running")
    await make_experiment(owner, title="Valmis", cohort=cohort.id, status="completed")
    await make_experiment(owner, title="Poistettu", cohort=cohort.id, deleted_at=datetime.now(UTC))
    await make_experiment(owner, title="Toinen ryhmä", cohort=other.id, status="running")
    await make_experiment(owner, title="Ei ryhmää", status="running")

    response = await client.get(f"/cohorts/{cohort.id}/board")
    assert response.status_code == 200
    assert cards(response, "draft") == ["Luonnos"]
    assert cards(response, "running") == ["Käynnissä"]
    assert cards(response, "completed") == ["Valmis"]
    assert cards(response, "planned") == []
    text = page(response).get_text()
    assert "Olli Omistaja" in text  # the owner's name is always on the card
    for hidden in ("Poistettu", "Toinen ryhmä", "Ei ryhmää"):
        assert hidden not in text


async def test_flags_stale_finished_without_learning_and_waiting_for_review(client):
    lead = await signed_in_lead(client)
    owner = await make_user()
    cohort = await make_cohort(
        leads=[lead],
        stale_after_days=10,
        days=[TODAY - timedelta(days=30), TODAY + timedelta(days=5)],
    )
    long_ago = datetime.now(UTC) - timedelta(days=11)
    recently = datetime.now(UTC) - timedelta(days=9)
    stale = await make_experiment(owner, title="Unohtunut", cohort=cohort.id, status="running")
    fresh = await make_experiment(owner, title="Tuore", cohort=cohort.id, status="running")
    old_done = await make_experiment(
        owner, title="Valmis ilman oppia", cohort=cohort.id, status="completed", learning=""
    )
    await make_experiment(
        owner,
        title="Valmis opin kanssa",
        cohort=cohort.id,
        status="completed",
        learning="Opittiin.",
    )
    # updated_at is set on save: move the times afterwards.
    await Experiment.update({Experiment.updated_at: long_ago}).where(
        Experiment.id.is_in([stale.id, old_done.id])
    )
    await Experiment.update({Experiment.updated_at: recently}).where(Experiment.id == fresh.id)
    days = {row["day"]: row["id"] for row in await _days(cohort.id)}
    next_day = days[TODAY + timedelta(days=5)]
    past_day = days[TODAY - timedelta(days=30)]
    # Reviewed for the next day: no longer waiting. Reviewed for a past day only: still waiting.
    await ExperimentReview.insert(
        ExperimentReview(experiment=fresh.id, workshop_day=next_day, reviewed=True),
        ExperimentReview(experiment=stale.id, workshop_day=past_day, reviewed=True),
        # Notes without the "reviewed" mark do not count as reviewed.
        ExperimentReview(experiment=old_done.id, workshop_day=next_day, reviewed=False),
    )

    response = await client.get(f"/cohorts/{cohort.id}/board")
    assert flags(response, "Unohtunut") == {"stale", "waiting"}
    assert flags(response, "Tuore") == set()
    # A finished experiment is never stale, but it should have a learning.
    assert flags(response, "Valmis ilman oppia") == {"no_learning", "waiting"}
    assert flags(response, "Valmis opin kanssa") == {"waiting"}
    assert "10" in card(response, "Unohtunut").select_one(".review-flag--stale").get_text()


async def test_without_workshop_days_nothing_waits_for_review(client):
    lead = await signed_in_lead(client)
    cohort = await make_cohort(leads=[lead])
    await make_experiment(lead, title="Oma", cohort=cohort.id, status="running")
    response = await client.get(f"/cohorts/{cohort.id}/board")
    assert flags(response, "Oma") == set()


async def test_review_day_is_the_next_day_or_else_the_last_one():
    from app.review.board import choose_review_day

    days = [{"id": 1, "day": date(2026, 1, 10)}, {"id": 2, "day": date(2026, 2, 10)}]
    assert choose_review_day(days, date(2026, 1, 1))["id"] == 1
    assert choose_review_day(days, date(2026, 1, 10))["id"] == 1
    assert choose_review_day(days, date(2026, 1, 11))["id"] == 2
    assert choose_review_day(days, date(2026, 3, 1))["id"] == 2
    assert choose_review_day([], date(2026, 3, 1)) is None


async def test_filters_by_theme_and_department_subtree_in_the_url(client):
    lead = await signed_in_lead(client)
    strategy = await make_strategy()
    digital, other_theme = await make_theme(strategy), await make_theme(strategy)
    sector = await make_department(name_fi="Sivistys")
    youth = await make_department(name_fi="Nuoriso", parent=sector.id)
    technical = await make_department(name_fi="Tekniset")
    young_person = await make_user(name="Nuori Osallistuja", department=youth.id)
    engineer = await make_user(name="Tekninen Osallistuja", department=technical.id)
    owner = await make_user()
    cohort = await make_cohort(
        leads=[lead], participants=[young_person, engineer], themes=[digital, other_theme]
    )
    await make_experiment(
        owner, title="Nuorten chat", cohort=cohort.id, themes=[digital], departments=[youth]
    )
    await make_experiment(
        owner,
        title="Katujen kunto",
        cohort=cohort.id,
        themes=[other_theme],
        departments=[technical],
    )

    everything = await client.get(f"/cohorts/{cohort.id}/board")
    options = [o["value"] for o in page(everything).select("#board-theme option") if o["value"]]
    assert options == [str(digital.id), str(other_theme.id)]  # the cohort's themes

    by_theme = await client.get(f"/cohorts/{cohort.id}/board?theme={digital.id}")
    assert cards(by_theme, "draft") == ["Nuorten chat"]
    assert (
        page(by_theme).select_one(f"#board-theme option[value='{digital.id}']").has_attr("selected")
    )

    by_sector = await client.get(f"/cohorts/{cohort.id}/board?department={sector.id}")
    assert cards(by_sector, "draft") == ["Nuorten chat"]
    people = page(by_sector).select_one(".review-people").get_text()
    assert "Nuori Osallistuja" in people and "Tekninen Osallistuja" not in people

    # htmx gets only the results, which the filter form replaces.
    fragment = await client.get(
        f"/cohorts/{cohort.id}/board?theme={other_theme.id}", headers={"HX-Request": "true"}
    )
    assert fragment.text.lstrip().startswith('<div id="board-results"')
    assert "Katujen kunto" in fragment.text and "Nuorten chat" not in fragment.text

    # A broken query string opens the whole board rather than failing.
    assert (await client.get(f"/cohorts/{cohort.id}/board?theme=x")).status_code == 200


async def test_participants_without_an_experiment(client):
    lead = await signed_in_lead(client)
    owner, co_owner, idle = (
        await make_user(name="Omistaja Olli"),
        await make_user(name="Kumppani Kaisa"),
        await make_user(name="Aloittamaton Aino"),
    )
    deleted_only = await make_user(name="Poistanut Pekka")
    elsewhere = await make_user(name="Muualla Minna")
    cohort = await make_cohort(
        leads=[lead], participants=[owner, co_owner, idle, deleted_only, elsewhere]
    )
    other = await make_cohort()
    await make_experiment(owner, cohort=cohort.id, co_owners=[co_owner])
    await make_experiment(deleted_only, cohort=cohort.id, deleted_at=datetime.now(UTC))
    await make_experiment(elsewhere, cohort=other.id)

    response = await client.get(f"/cohorts/{cohort.id}/board")
    people = [li.get_text(" ", strip=True) for li in page(response).select(".review-people li")]
    assert people == ["Aloittamaton Aino", "Muualla Minna", "Poistanut Pekka"]


async def _days(cohort_id: int):
    from app.cohorts.tables import WorkshopDay

    return await WorkshopDay.select().where(WorkshopDay.cohort == cohort_id)


async def _populate(cohort, owner, theme, department, count: int) -> None:
    participants = [await make_user() for _ in range(count // 10)]
    from app.cohorts.tables import CohortParticipant

    await CohortParticipant.insert(
        *(CohortParticipant(cohort=cohort.id, user=person.id) for person in participants)
    )
    statuses = ["draft", "planned", "running", "checking", "completed", "abandoned"]
    for number in range(count):
        await make_experiment(
            owner,
            cohort=cohort.id,
            status=statuses[number % len(statuses)],
            themes=[theme],
            departments=[department],
        )


async def test_board_uses_a_fixed_number_of_queries(client):
    lead = await signed_in_lead(client)
    strategy = await make_strategy()
    theme = await make_theme(strategy)
    department = await make_department()
    cohort = await make_cohort(
        leads=[lead], themes=[theme], days=[TODAY - timedelta(days=7), TODAY + timedelta(days=7)]
    )
    owner = await make_user()
    await _populate(cohort, owner, theme, department, 10)
    url = f"/cohorts/{cohort.id}/board?department={department.id}"
    with count_queries() as few:
        assert (await client.get(url)).status_code == 200
    await _populate(cohort, owner, theme, department, 190)
    with count_queries() as many:
        response = await client.get(url)
    assert len(page(response).select(".review-card")) == 200
    assert few["queries"] == many["queries"]


async def test_without_cohort_themes_the_filter_offers_the_current_strategys(client):
    lead = await signed_in_lead(client)
    current = await make_strategy(is_current=True)
    theme = await make_theme(current, name_fi="Sähköiset palvelut")
    cohort = await make_cohort(leads=[lead])
    response = await client.get(f"/cohorts/{cohort.id}/board")
    options = [o["value"] for o in page(response).select("#board-theme option") if o["value"]]
    assert options == [str(theme.id)]
