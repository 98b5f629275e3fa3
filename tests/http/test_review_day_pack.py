"""The day pack prints the day's presenters (the experiments of workshop-day mode) by default,
or with `?show=all` every experiment of the cohort; only the cohort's leads may print it."""

from __future__ import annotations

from datetime import UTC, date, datetime

from app.cohorts.tables import WorkshopDay
from app.review.tables import ExperimentReview
from tests.factories import make_cohort, make_experiment, make_user
from tests.http.browser import page, sign_in


async def review(experiment, day: int, **values) -> None:
    await ExperimentReview.insert(
        ExperimentReview(experiment=experiment.id, workshop_day=day, **values)
    )


async def cohort_with_two_days(lead):
    """A cohort the lead leads, with a past and a later workshop day (their ids)."""
    cohort = await make_cohort(leads=[lead], days=[date(2026, 3, 2), date(2026, 4, 6)])
    first, later = [
        row["id"]
        for row in await WorkshopDay.select(WorkshopDay.id)
        .where(WorkshopDay.cohort == cohort.id)
        .order_by(WorkshopDay.day)
    ]
    return cohort, first, later


async def two_day_cohort(client):
    """A cohort with a past and a later day; the lead is signed in. On the later day the
    finished experiments marked reviewed on the earlier day are not presented again."""
    lead = await make_user(is_lead=True)
    owner = await make_user(name="Aino Aalto")
    cohort, first, later = await cohort_with_two_days(lead)

    async def experiment(title: str, status: str):
        return await make_experiment(owner, title=title, cohort=cohort.id, status=status)

    closed = await experiment("A valmis ja arvioitu", "completed")
    await review(closed, first, reviewed=True)
    dropped = await experiment("B keskeytetty ja arvioitu", "abandoned")
    await review(dropped, first, reviewed=True)
    noted = await experiment("C valmis, vain muistiinpano", "completed")
    await review(noted, first, reviewed=False, notes="Kesken")
    running = await experiment("D käynnissä ja arvioitu", "running")
    await review(running, first, reviewed=True)
    today = await experiment("E valmis, arvioitu samana päivänä", "completed")
    await review(today, later, reviewed=True)
    withdrawn = await experiment("F valmis, arvio poistettu", "completed")
    await review(withdrawn, first, reviewed=True, deleted_at=datetime(2026, 3, 3, tzinfo=UTC))
    await experiment("G luonnos", "draft")
    await sign_in(client, lead.email)
    return cohort, first, later


def pack_titles(response) -> list[str]:
    soup = page(response)
    return [
        h.get_text(" ", strip=True).split(" ", 1)[1] for h in soup.select(".pack__experiment h2")
    ]


EVERY_TITLE = [
    "A valmis ja arvioitu",
    "B keskeytetty ja arvioitu",
    "C valmis, vain muistiinpano",
    "D käynnissä ja arvioitu",
    "E valmis, arvioitu samana päivänä",
    "F valmis, arvio poistettu",
    "G luonnos",
]
LATER_DAY_TITLES = [title for title in EVERY_TITLE if title[0] not in "AB"]


async def test_the_pack_prints_the_days_presenters_by_default(client):
    cohort, first, later = await two_day_cohort(client)
    response = await client.get(f"/cohorts/{cohort.id}/days/{later}/pack")
    assert response.status_code == 200
    assert pack_titles(response) == LATER_DAY_TITLES
    soup = page(response)
    # The choice: a GET form with both options and their counts; the default is checked.
    form = soup.select_one("form.pack__choice")
    assert form["method"] == "get"
    assert form["action"] == f"/cohorts/{cohort.id}/days/{later}/pack"
    assert soup.select_one("#pack-show-day").has_attr("checked")
    assert not soup.select_one("#pack-show-all").has_attr("checked")
    assert "(5)" in soup.select_one("label[for=pack-show-day]").get_text()
    assert "(7)" in soup.select_one("label[for=pack-show-all]").get_text()
    assert soup.select_one(".pack__count").get_text(strip=True).startswith("5 kokeilua")
    # On the first day nothing was reviewed before: everyone presents.
    assert pack_titles(await client.get(f"/cohorts/{cohort.id}/days/{first}/pack")) == (EVERY_TITLE)


async def test_the_pack_and_workshop_day_mode_show_the_same_experiments(client):
    cohort, _, later = await two_day_cohort(client)
    base = f"/cohorts/{cohort.id}/days/{later}/present"
    slides = []
    for index in range(1, len(LATER_DAY_TITLES) + 1):
        soup = page(await client.get(f"{base}?i={index}"))
        slides.append(soup.select_one("#slide-title").get_text(strip=True))
        assert f"/ {len(LATER_DAY_TITLES)}" in soup.select_one(".present__progress").get_text()
    assert slides == LATER_DAY_TITLES


async def test_show_all_prints_every_experiment_of_the_cohort(client):
    cohort, _, later = await two_day_cohort(client)
    response = await client.get(f"/cohorts/{cohort.id}/days/{later}/pack?show=all")
    assert response.status_code == 200
    assert pack_titles(response) == EVERY_TITLE
    soup = page(response)
    assert soup.select_one("#pack-show-all").has_attr("checked")
    assert not soup.select_one("#pack-show-day").has_attr("checked")
    assert soup.select_one(".pack__count").get_text(strip=True).startswith("7 kokeilua")
    # Anything else than "all" is the day's presenters.
    other = await client.get(f"/cohorts/{cohort.id}/days/{later}/pack?show=everything")
    assert pack_titles(other) == LATER_DAY_TITLES


async def test_a_day_with_no_presenters_says_so(client):
    lead = await make_user(is_lead=True)
    owner = await make_user()
    cohort, first, later = await cohort_with_two_days(lead)
    done = await make_experiment(owner, cohort=cohort.id, status="completed")
    await review(done, first, reviewed=True)
    await sign_in(client, lead.email)
    soup = page(await client.get(f"/cohorts/{cohort.id}/days/{later}/pack"))
    assert soup.select(".pack__experiment") == []
    assert "Tänä päivänä ei ole esittelyjä" in soup.select_one(".pack .notice--info").get_text()
    assert "(1)" in soup.select_one("label[for=pack-show-all]").get_text()


async def test_only_the_cohorts_leads_may_print_the_pack(client):
    cohort, first, later = await two_day_cohort(client)
    other_lead = await make_user(is_lead=True)
    await make_cohort(leads=[other_lead], days=[date(2026, 3, 2)])
    participant = await make_user()
    for person in (other_lead, participant):
        await sign_in(client, person.email)
        for query in ("", "?show=all"):
            response = await client.get(f"/cohorts/{cohort.id}/days/{later}/pack{query}")
            assert response.status_code == 404, (person.name, query)
    # A day of another cohort is not found, even for this cohort's lead.
    another = await make_cohort(leads=[other_lead], days=[date(2026, 5, 4)])
    another_day = (
        await WorkshopDay.select(WorkshopDay.id).where(WorkshopDay.cohort == another.id).first()
    )["id"]
    admin = await make_user(is_admin=True)
    await sign_in(client, admin.email)
    assert (await client.get(f"/cohorts/{cohort.id}/days/{first}/pack?show=all")).status_code == 200
    response = await client.get(f"/cohorts/{cohort.id}/days/{another_day}/pack?show=all")
    assert response.status_code == 404
