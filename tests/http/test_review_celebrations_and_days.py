"""The celebration walls (cohort and organisation), workshop-day mode and the day pack."""

from __future__ import annotations

from datetime import UTC, date, datetime

from app.cohorts.tables import WorkshopDay
from app.experiments.tables import Measure
from app.review.tables import ExperimentReview
from tests.factories import make_cohort, make_department, make_experiment, make_user
from tests.http.browser import page, sign_in
from tests.http.query_counter import count_queries


async def day_id(cohort) -> int:
    row = await WorkshopDay.select(WorkshopDay.id).where(WorkshopDay.cohort == cohort.id).first()
    return row["id"]


async def review(experiment, day: int, **values) -> None:
    await ExperimentReview.insert(
        ExperimentReview(experiment=experiment.id, workshop_day=day, **values)
    )


def wall_titles(response) -> list[str]:
    return [h.get_text(strip=True) for h in page(response).select(".celebration__title")]


async def test_walls_show_only_celebrated_experiments_that_others_can_see(client):
    lead = await make_user(is_lead=True, name="Liisa Valmentaja")
    owner = await make_user(name="Olli Omistaja")
    cohort = await make_cohort(leads=[lead], participants=[owner], days=[date(2026, 3, 2)])
    other = await make_cohort(days=[date(2026, 3, 3)])
    day, other_day = await day_id(cohort), await day_id(other)
    hits = await make_experiment(
        owner, title="Takaisinsoitto", cohort=cohort.id, status="completed",
        outcome="solved", learning="Asiakkaat haluavat soiton samana päivänä.",
    )  # fmt: skip
    gift = await make_experiment(
        owner, title="Chat-kokeilu", cohort=cohort.id, status="abandoned",
        learning="Chat ei tavoittanut ikäihmisiä.",
    )  # fmt: skip
    draft = await make_experiment(owner, title="Luonnos juhlittu", cohort=cohort.id)
    deleted = await make_experiment(
        owner, title="Poistettu", cohort=cohort.id, status="running", deleted_at=datetime.now(UTC)
    )
    not_celebrated = await make_experiment(
        owner, title="Vain arvioitu", cohort=cohort.id, status="running"
    )
    elsewhere = await make_experiment(
        owner, title="Toisen ryhmän", cohort=other.id, status="running"
    )
    await review(hits, day, celebrate=True, celebration_note="Loistava oivallus!")
    await review(gift, day, celebrate=True)
    await review(draft, day, celebrate=True)  # (written directly: the form refuses this)
    await review(deleted, day, celebrate=True)
    await review(not_celebrated, day, reviewed=True)
    await review(elsewhere, other_day, celebrate=True)
    # Celebrated twice (two days): shown once.
    await make_cohort()  # an unrelated cohort changes nothing
    await sign_in(client, owner.email)

    cohort_wall = await client.get(f"/cohorts/{cohort.id}/celebrations")
    assert cohort_wall.status_code == 200
    assert sorted(wall_titles(cohort_wall)) == ["Chat-kokeilu", "Takaisinsoitto"]
    text = page(cohort_wall).get_text()
    assert "Olli Omistaja" in text and "Loistava oivallus!" in text
    assert "Asiakkaat haluavat soiton samana päivänä." in text
    assert page(cohort_wall).select(".review-badge--gift")  # failure is a gift

    org_wall = await client.get("/celebrations")
    assert sorted(wall_titles(org_wall)) == ["Chat-kokeilu", "Takaisinsoitto", "Toisen ryhmän"]


async def test_an_experiment_celebrated_on_two_days_is_shown_once(client, employee):
    cohort = await make_cohort(days=[date(2026, 3, 2), date(2026, 4, 6)])
    days = [
        row["id"]
        for row in await WorkshopDay.select(WorkshopDay.id).where(WorkshopDay.cohort == cohort.id)
    ]
    experiment = await make_experiment(
        employee, title="Kahdesti", cohort=cohort.id, status="running"
    )
    await review(experiment, days[0], celebrate=True, celebration_note="Eka")
    await review(experiment, days[1], celebrate=True, celebration_note="Toka")
    response = await client.get("/celebrations")
    assert wall_titles(response) == ["Kahdesti"]
    assert "Toka" in response.text  # the latest day's note


async def test_who_sees_a_cohorts_wall(client):
    lead = await make_user(is_lead=True)
    participant = await make_user()
    outsider = await make_user()
    other_lead = await make_user(is_lead=True)
    cohort = await make_cohort(leads=[lead], participants=[participant])
    await make_cohort(leads=[other_lead])
    admin = await make_user(is_admin=True)
    url = f"/cohorts/{cohort.id}/celebrations"
    for person, status in (
        (lead, 200),
        (participant, 200),
        (admin, 200),
        (outsider, 404),
        (other_lead, 404),
    ):
        await sign_in(client, person.email)
        assert (await client.get(url)).status_code == status, person.name
        assert (await client.get("/celebrations")).status_code == 200
    assert (await client.get("/cohorts/999999/celebrations")).status_code == 404


async def test_the_celebrations_link_is_in_the_navigation(client, employee):
    soup = page(await client.get("/"))
    assert soup.select_one(".site-nav a[href='/celebrations']") is not None


async def test_wall_uses_a_fixed_number_of_queries(client, employee):
    cohort = await make_cohort(participants=[employee], days=[date(2026, 3, 2)])
    day = await day_id(cohort)

    async def celebrate(count: int) -> None:
        for _ in range(count):
            experiment = await make_experiment(employee, cohort=cohort.id, status="completed")
            await review(experiment, day, celebrate=True)

    await celebrate(5)
    with count_queries() as few:
        await client.get(f"/cohorts/{cohort.id}/celebrations")
    await celebrate(60)
    with count_queries() as many:
        response = await client.get(f"/cohorts/{cohort.id}/celebrations")
    assert len(wall_titles(response)) == 65
    assert few["queries"] == many["queries"]


async def present_setup(client):
    lead = await make_user(is_lead=True)
    health = await make_department(name_fi="Terveyspalvelut")
    youth = await make_department(name_fi="Nuorisopalvelut")
    aino = await make_user(name="Aino Aalto", department=health.id)
    bertta = await make_user(name="Bertta Berg", department=youth.id)
    cecilia = await make_user(name="Cecilia Carlsson", department=health.id)
    cohort = await make_cohort(leads=[lead], days=[date(2026, 3, 2)])
    day = await day_id(cohort)
    first = await make_experiment(
        cecilia, title="Ajanvaraus", cohort=cohort.id, status="running",
        hypothesis="Jos soitamme takaisin, jonot lyhenevät.", learning="",
    )  # fmt: skip
    await Measure.insert(
        Measure(
            experiment=first.id, name="Odotusaika", unit="min", baseline=30, target=10, result=12
        )
    )
    await make_experiment(aino, title="Neuvonta", cohort=cohort.id, status="planned")
    await make_experiment(
        bertta, title="Nuorten chat", cohort=cohort.id, learning="Nuoret vastaavat illalla."
    )
    await sign_in(client, lead.email)
    return cohort, day


async def test_workshop_day_mode_steps_through_the_experiments_in_order(client):
    cohort, day = await present_setup(client)
    base = f"/cohorts/{cohort.id}/days/{day}/present"
    titles = []
    for index in (1, 2, 3):
        soup = page(await client.get(f"{base}?i={index}"))
        titles.append(soup.select_one("#slide-title").get_text(strip=True))
        assert (
            soup.select_one(".present__progress [aria-hidden]").get_text(strip=True)
            == f"{index} / 3"
        )
        # The review form of this day is on the slide, and it comes back here without JS.
        form = soup.select_one("#review-form form")
        assert form["action"].endswith(f"/review?day={day}")
        assert soup.select_one("input[name=next]")["value"] == f"{base}?i={index}"
    # By the owner's department, then by owner: Nuorisopalvelut, Terveyspalvelut (Aino, Cecilia).
    assert titles == ["Nuorten chat", "Neuvonta", "Ajanvaraus"]
    first = page(await client.get(base))
    assert first.select_one("[data-present-previous]") is None
    assert first.select_one("[data-present-next]")["href"] == "?i=2"
    last = page(await client.get(f"{base}?i=3"))
    assert last.select_one("[data-present-next]") is None
    assert last.select_one("[data-present-previous]")["href"] == "?i=2"
    # Out of range goes to the nearest end; the page loads its key script.
    assert (
        "3 / 3"
        in page(await client.get(f"{base}?i=99")).select_one(".present__progress").get_text()
    )
    assert first.select_one("script[src='/static/js/review.js']") is not None
    second = page(await client.get(f"{base}?i=3"))
    assert "30 → 10 → 12" in second.select_one(".review-measures").get_text(" ", strip=True)


async def test_workshop_day_mode_with_no_experiments(client):
    lead = await make_user(is_lead=True)
    cohort = await make_cohort(leads=[lead], days=[date(2026, 3, 2)])
    await sign_in(client, lead.email)
    response = await client.get(f"/cohorts/{cohort.id}/days/{await day_id(cohort)}/present")
    assert response.status_code == 200
    assert page(response).select_one("#review-form") is None


async def test_day_pack_has_every_experiment_and_a_print_stylesheet(client):
    cohort, day = await present_setup(client)
    response = await client.get(f"/cohorts/{cohort.id}/days/{day}/pack")
    soup = page(response)
    articles = soup.select(".pack__experiment")
    assert [a.select_one("h2").get_text(" ", strip=True) for a in articles] == [
        "1. Nuorten chat", "2. Neuvonta", "3. Ajanvaraus",
    ]  # fmt: skip
    ajanvaraus = articles[2].get_text(" ", strip=True)
    for expected in (
        "Jos soitamme takaisin, jonot lyhenevät.",
        "Odotusaika",
        "30 → 10 → 12",
        "Käynnissä",
    ):
        assert expected in ajanvaraus
    assert "Nuoret vastaavat illalla." in articles[0].get_text()
    assert soup.select_one("link[href='/static/css/review.css']") is not None
    css = (await client.get("/static/css/review.css")).text
    assert "@media print" in css and ".site-header" in css and "break-before: page" in css


async def test_day_pack_uses_a_fixed_number_of_queries(client):
    cohort, day = await present_setup(client)
    owner = await make_user()
    url = f"/cohorts/{cohort.id}/days/{day}/pack"
    with count_queries() as few:
        await client.get(url)
    for _ in range(40):
        experiment = await make_experiment(owner, cohort=cohort.id, status="running")
        await Measure.insert(Measure(experiment=experiment.id, name="Mittari", baseline=1))
        await review(experiment, day, notes="Muistiinpano")
    with count_queries() as many:
        response = await client.get(url)
    assert len(page(response).select(".pack__experiment")) == 43
    assert few["queries"] == many["queries"]
