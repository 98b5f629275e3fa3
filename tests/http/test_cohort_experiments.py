"""Experiments in cohorts: the cohort picker, its validation, browsing by cohort, and the
cohort leads' read access to its drafts (but not to other drafts, and never edit access)."""

from __future__ import annotations

from app.experiments.tables import Experiment
from tests.factories import make_cohort, make_experiment, make_strategy, make_theme, make_user
from tests.http.browser import field_error, page, post_form, sign_in
from tests.http.query_counter import count_queries
from tests.http.test_cohorts import signed_in_as


async def test_new_experiment_offers_my_cohorts_newest_first_and_preselected(client, employee):
    theme = await make_theme(await make_strategy())
    older = await make_cohort(name="Kevään valmennus", participants=[employee])
    newer = await make_cohort(name="Syksyn valmennus", participants=[employee])
    await make_cohort(name="Muiden valmennus")
    await make_cohort(name="Päättynyt", participants=[employee], archived=True)
    soup = page(await client.get("/experiments/new"))
    options = [(o["value"], o.get_text()) for o in soup.select("#f-cohort option")]
    assert [label for _, label in options[1:]] == ["Syksyn valmennus", "Kevään valmennus"]
    assert soup.select_one("#f-cohort option[selected]")["value"] == str(newer.id)

    response = await post_form(
        client,
        "/experiments/new",
        {"title": "Kokeilu", "problem": "Ongelma", "themes": [theme.id], "cohort": older.id},
    )
    assert response.status_code == 303
    experiment = await Experiment.objects().first()
    assert experiment.cohort == older.id
    detail = page(await client.get(f"/experiments/{experiment.id}"))
    link = detail.find("a", href=f"/cohorts/{older.id}")
    assert link and link.get_text() == "Kevään valmennus"


async def test_you_can_only_pick_a_cohort_you_take_part_in(client, employee):
    theme = await make_theme(await make_strategy())
    mine = await make_cohort(participants=[employee])
    others = await make_cohort()
    archived = await make_cohort(participants=[employee], archived=True)
    for bad in (others.id, archived.id, 99999, "abc"):
        response = await post_form(
            client,
            "/experiments/new",
            {"title": "Kokeilu", "problem": "Ongelma", "themes": [theme.id], "cohort": bad},
        )
        assert response.status_code == 422, bad
        assert field_error(page(response), "cohort"), bad
    assert await Experiment.count() == 0
    # Without any cohort is fine too.
    response = await post_form(
        client, "/experiments/new", {"title": "K", "problem": "O", "themes": [theme.id]}
    )
    assert response.status_code == 303

    experiment = await make_experiment(employee, themes=[theme], cohort=archived.id)
    basics = {"title": "Uusi nimi", "themes": [theme.id], "version": 1}
    # Keeping the current (archived) cohort is allowed; moving to someone else's is not.
    keep = await post_form(
        client, f"/experiments/{experiment.id}/sections/basics", {**basics, "cohort": archived.id}
    )
    assert keep.status_code == 303
    refused = await post_form(
        client,
        f"/experiments/{experiment.id}/sections/basics",
        {**basics, "version": 2, "cohort": others.id},
    )
    assert refused.status_code == 422 and field_error(page(refused), "cohort")
    moved = await post_form(
        client,
        f"/experiments/{experiment.id}/sections/basics",
        {**basics, "version": 2, "cohort": mine.id},
    )
    assert moved.status_code == 303
    assert (await Experiment.objects().get(Experiment.id == experiment.id)).cohort == mine.id
    form = page(await client.get(f"/experiments/{experiment.id}?edit=basics"))
    values = {o["value"] for o in form.select("#f-cohort option")}
    assert values == {"", str(mine.id)}  # the archived one is offered only while it is current


async def test_cohort_lead_reads_its_drafts_but_no_other_drafts_and_edits_nothing(client, app):
    theme = await make_theme(await make_strategy())
    lead = await make_user(is_lead=True)
    participant = await make_user()
    cohort = await make_cohort(leads=[lead], participants=[participant])
    other_cohort = await make_cohort(participants=[participant])
    in_cohort = await make_experiment(participant, title="Kohortin luonnos", cohort=cohort.id)
    elsewhere = await make_experiment(
        participant, title="Toisen kohortin luonnos", cohort=other_cohort.id
    )
    private = await make_experiment(participant, title="Yksityinen luonnos")
    async with signed_in_as(app, lead) as other:
        assert (await other.get(f"/experiments/{in_cohort.id}")).status_code == 200
        assert (await other.get(f"/experiments/{elsewhere.id}")).status_code == 404
        assert (await other.get(f"/experiments/{private.id}")).status_code == 404
        listing = page(await other.get("/experiments")).get_text()
        assert "Kohortin luonnos" in listing
        assert "Toisen kohortin luonnos" not in listing and "Yksityinen luonnos" not in listing
        filtered = page(await other.get(f"/experiments?cohort={cohort.id}"))
        titles = [a.get_text() for a in filtered.select(".experiment-card__title a")]
        assert titles == ["Kohortin luonnos"]
        # Reading is not editing.
        edit = await post_form(
            other,
            f"/experiments/{in_cohort.id}/sections/basics",
            {"title": "Muutettu", "themes": [theme.id], "version": 1},
        )
        assert edit.status_code == 403
        status = await post_form(
            other, f"/experiments/{in_cohort.id}/status", {"status": "planned", "version": 1}
        )
        assert status.status_code == 403
        assert (await post_form(other, f"/experiments/{in_cohort.id}/delete")).status_code == 403
        form = page(await other.get(f"/experiments/{in_cohort.id}?edit=basics"))
        assert not form.select("form[action$='/sections/basics']")
    saved = await Experiment.objects().get(Experiment.id == in_cohort.id)
    assert (saved.title, saved.status, saved.deleted_at) == ("Kohortin luonnos", "draft", None)
    # A lead of nothing (and a participant) still sees no drafts of others.
    async with signed_in_as(app, await make_user(is_lead=True)) as other:
        assert (await other.get(f"/experiments/{in_cohort.id}")).status_code == 404


async def test_browse_with_cohort_drafts_keeps_a_fixed_number_of_queries(client):
    lead = await make_user(is_lead=True)
    await sign_in(client, lead.email)
    cohort = await make_cohort(leads=[lead])

    async def add(count: int) -> None:
        for _ in range(count):
            person = await make_user()
            await make_experiment(person, cohort=cohort.id)

    await add(10)
    with count_queries() as few:
        response = await client.get(f"/experiments?cohort={cohort.id}")
    assert "10" in page(response).select_one("#results-heading").get_text()
    await add(190)
    with count_queries() as many:
        response = await client.get(f"/experiments?cohort={cohort.id}")
    assert "200" in page(response).select_one("#results-heading").get_text()
    assert few["queries"] == many["queries"]
