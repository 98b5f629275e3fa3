"""Cohorts: create, edit, validation, conflicts, archive, workshop days, and who may do what."""

from __future__ import annotations

from contextlib import asynccontextmanager
from datetime import date

from litestar.testing import AsyncTestClient

from app.audit.tables import AuditLog
from app.cohorts.tables import Cohort, CohortLead, CohortTheme, WorkshopDay
from tests.factories import make_cohort, make_strategy, make_theme, make_user
from tests.http.browser import field_error, page, post_form, sign_in


async def _lead(client, **values):
    lead = await make_user(name="Sanna Valmentaja", is_lead=True, **values)
    await sign_in(client, lead.email)
    return lead


@asynccontextmanager
async def signed_in_as(app, user):
    """A second browser, signed in as `user`."""
    async with AsyncTestClient(app=app, base_url="http://127.0.0.1:8000") as other:
        other.follow_redirects = False
        await sign_in(other, user.email)
        yield other


async def test_lead_creates_a_cohort_with_leads_and_themes(client):
    lead = await _lead(client)
    co_lead = await make_user(name="Petri Toinen", is_lead=True)
    strategy = await make_strategy()
    themes = [await make_theme(strategy, name_fi=f"Teema {n}") for n in range(3)]
    form = page(await client.get("/cohorts/new"))
    assert form.find("input", attrs={"name": "leads", "value": str(lead.id)}).has_attr("checked")
    response = await post_form(
        client,
        "/cohorts/new",
        {
            "name": "Asiakaskokemustyöpaja",
            "description": "Kolme **työpajapäivää**.",
            "leads": [str(lead.id), str(co_lead.id)],
            "themes": [str(themes[0].id), str(themes[2].id)],
            "anonymous_reflections": "true",
            "stale_after_days": "21",
        },
    )
    assert response.status_code == 303
    cohort = await Cohort.objects().first()
    assert response.headers["location"] == f"/cohorts/{cohort.id}"
    assert (cohort.name, cohort.anonymous_reflections, cohort.stale_after_days) == (
        "Asiakaskokemustyöpaja",
        True,
        21,
    )
    assert cohort.strategy == strategy.id
    leads = await CohortLead.select(CohortLead.user).where(CohortLead.cohort == cohort.id)
    assert {row["user"] for row in leads} == {lead.id, co_lead.id}
    chosen = await CohortTheme.select(CohortTheme.theme).where(CohortTheme.cohort == cohort.id)
    assert {row["theme"] for row in chosen} == {themes[0].id, themes[2].id}
    assert await AuditLog.count().where(
        (AuditLog.object_type == "cohort") & (AuditLog.action == "create")
    )
    detail = page(await client.get(f"/cohorts/{cohort.id}"))
    assert detail.find("h1").get_text(strip=True) == "Asiakaskokemustyöpaja"
    assert detail.select_one(".prose strong").get_text() == "työpajapäivää"
    assert "Petri Toinen" in detail.get_text()


async def test_cohort_form_errors_are_shown_next_to_fields_and_input_is_kept(client):
    lead = await _lead(client)
    employee = await make_user()
    old_theme = await make_theme(await make_strategy(is_current=False))
    await make_cohort(name="Kiteen valmennus")
    base = {"name": "Uusi", "leads": [str(lead.id)], "stale_after_days": "14"}
    cases = [
        ({**base, "name": ""}, "name"),
        ({**base, "name": "x" * 201}, "name"),
        ({**base, "name": "kiteen VALMENNUS"}, "name"),
        ({**base, "leads": []}, "leads"),
        ({**base, "leads": [str(employee.id)]}, "leads"),
        ({**base, "themes": [str(old_theme.id)]}, "themes"),
        ({**base, "stale_after_days": "0"}, "stale_after_days"),
        ({**base, "stale_after_days": "abc"}, "stale_after_days"),
        ({**base, "description": "x" * 10_001}, "description"),
    ]
    for data, name in cases:
        response = await post_form(
            client,
            "/cohorts/new",
            {**data, "description": data.get("description", "Kuvaus säilyy")},
        )
        assert response.status_code == 422, data
        soup = page(response)
        assert field_error(soup, name), data
        if name != "description":
            assert soup.find(id="f-description").get_text() == "Kuvaus säilyy"
    assert await Cohort.count() == 1


async def test_editing_a_cohort_detects_a_conflict_and_keeps_the_input(client):
    lead = await _lead(client)
    cohort = await make_cohort(name="Alkuperäinen", leads=[lead])
    form = {
        "name": "Minun nimeni",
        "leads": [str(lead.id)],
        "stale_after_days": "10",
        "version": "1",
    }
    assert (await post_form(client, f"/cohorts/{cohort.id}/edit", form)).status_code == 303
    stale = await post_form(client, f"/cohorts/{cohort.id}/edit", {**form, "name": "Toinen"})
    assert stale.status_code == 409
    soup = page(stale)
    assert soup.select_one(".notice--warning")  # the conflict notice
    assert soup.find(id="f-name")["value"] == "Toinen"
    saved = await Cohort.objects().get(Cohort.id == cohort.id)
    assert (saved.name, saved.stale_after_days, saved.version) == ("Minun nimeni", 10, 2)
    # Saving again with the version the conflict page carries goes through.
    assert soup.find("input", attrs={"name": "version"})["value"] == "2"
    # A lead cannot remove themselves (they would lose the cohort); an admin hands it over.
    other_lead = await make_user(is_lead=True)
    leaving = await post_form(
        client, f"/cohorts/{cohort.id}/edit", {**form, "version": "2", "leads": [other_lead.id]}
    )
    assert leaving.status_code == 422 and field_error(page(leaving), "leads")


async def test_archive_and_restore_check_the_version(client):
    lead = await _lead(client)
    cohort = await make_cohort(leads=[lead])
    assert (
        await post_form(client, f"/cohorts/{cohort.id}/archive", {"version": "1"})
    ).status_code == 303
    assert (await Cohort.objects().get(Cohort.id == cohort.id)).archived
    await post_form(client, f"/cohorts/{cohort.id}/restore", {"version": "1"})  # stale
    assert (await Cohort.objects().get(Cohort.id == cohort.id)).archived
    await post_form(client, f"/cohorts/{cohort.id}/restore", {"version": "2"})
    assert not (await Cohort.objects().get(Cohort.id == cohort.id)).archived


async def test_cohort_list_shows_each_person_their_own_cohorts(client, app):
    lead = await _lead(client)
    participant = await make_user(name="Osallistuja")
    outsider = await make_user(name="Ulkopuolinen")
    admin = await make_user(is_admin=True)
    await make_cohort(name="Oma valmennus", leads=[lead], participants=[participant])
    await make_cohort(name="Vieras valmennus")
    expectations = [
        (lead, {"Oma valmennus"}),
        (participant, {"Oma valmennus"}),
        (outsider, set()),
        (admin, {"Oma valmennus", "Vieras valmennus"}),
    ]
    for person, expected in expectations:
        async with signed_in_as(app, person) as other:
            soup = page(await other.get("/cohorts"))
            names = {a.get_text(strip=True) for a in soup.select(".cohort-card__title a")}
            assert names == expected, person.name
            if not expected:
                assert soup.select_one(".empty-state")


async def test_workshop_days_are_added_edited_and_soft_deleted(client):
    lead = await _lead(client)
    cohort = await make_cohort(leads=[lead])
    base = f"/cohorts/{cohort.id}/days"
    response = await post_form(
        client,
        f"{base}/new",
        {"day": "2026-09-15", "place": "Kaupungintalo", "agenda": "- Esittelyt\n- **Palaute**"},
    )
    assert response.status_code == 303
    day = await WorkshopDay.objects().first()
    assert (day.day, day.place) == (date(2026, 9, 15), "Kaupungintalo")
    soup = page(await client.get(f"/cohorts/{cohort.id}"))
    assert soup.select_one("#days .prose strong").get_text() == "Palaute"

    bad = await post_form(client, f"{base}/new", {"day": "", "place": "x" * 201, "agenda": "Pidä"})
    assert bad.status_code == 422
    soup = page(bad)
    assert field_error(soup, "day") and field_error(soup, "place")
    assert soup.find(id="f-agenda").get_text() == "Pidä"

    edit = {"day": "2026-09-16", "place": "Kirjasto", "agenda": "", "version": "1"}
    assert (await post_form(client, f"{base}/{day.id}/edit", edit)).status_code == 303
    conflict = await post_form(client, f"{base}/{day.id}/edit", {**edit, "place": "Vanha"})
    assert conflict.status_code == 409
    assert page(conflict).find(id="f-place")["value"] == "Vanha"
    assert (await WorkshopDay.objects().get(WorkshopDay.id == day.id)).place == "Kirjasto"

    assert (await post_form(client, f"{base}/{day.id}/delete", {"version": "2"})).status_code == 303
    kept = await WorkshopDay.objects().get(WorkshopDay.id == day.id)
    assert kept.deleted_at is not None  # soft delete
    assert "Kirjasto" not in (await client.get(f"/cohorts/{cohort.id}")).text
    assert (await client.get(f"{base}/{day.id}/edit")).status_code == 404


async def test_only_leads_and_admins_create_cohorts(client, employee):
    assert (await client.get("/cohorts/new")).status_code == 403
    response = await post_form(client, "/cohorts/new", {"name": "Ei", "leads": [str(employee.id)]})
    assert response.status_code == 403
    assert await Cohort.count() == 0
    assert 'href="/cohorts"' not in (await client.get("/")).text  # no nav link for employees


async def test_others_get_403_or_404_on_every_cohort_url(client, app):
    lead = await make_user(is_lead=True)
    other_lead = await make_user(is_lead=True)
    participant = await make_user()
    outsider = await make_user()
    cohort = await make_cohort(leads=[lead], participants=[participant], days=[date(2026, 9, 1)])
    day = await WorkshopDay.objects().first()
    c = f"/cohorts/{cohort.id}"
    gets = [
        f"{c}/edit",
        f"{c}/days/new",
        f"{c}/days/{day.id}/edit",
        f"{c}/participants/department?department=1",
    ]
    posts = [
        f"{c}/edit",
        f"{c}/archive",
        f"{c}/restore",
        f"{c}/days/new",
        f"{c}/days/{day.id}/edit",
        f"{c}/days/{day.id}/delete",
        f"{c}/participants",
        f"{c}/participants/department",
        f"{c}/participants/{participant.id}/remove",
        f"{c}/join-links",
        f"{c}/join-links/1/revoke",
    ]
    # A participant sees the cohort but may not manage it; others do not even see it.
    for person, expected, page_status in [
        (participant, 403, 200),
        (outsider, 404, 404),
        (other_lead, 404, 404),
    ]:
        async with signed_in_as(app, person) as other:
            assert (await other.get(c)).status_code == page_status, person
            for url in gets:
                assert (await other.get(url)).status_code == expected, (url, person)
            for url in posts:
                data = {"version": "1", "user": str(outsider.id), "department": "1", "name": "x"}
                response = await post_form(other, url, data)
                assert response.status_code == expected, (url, person)
    saved = await Cohort.objects().get(Cohort.id == cohort.id)
    assert (saved.version, saved.archived) == (1, False)
    assert (await WorkshopDay.objects().get(WorkshopDay.id == day.id)).deleted_at is None
    # Signed out (this client never signed in): sent to sign in.
    signed_out = await client.get(c)
    assert signed_out.status_code == 303 and signed_out.headers["location"].startswith("/sign-in")
