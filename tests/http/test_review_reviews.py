"""Reviews of an experiment for a workshop day: create, edit, conflict, validation, audit,
the reviews on the experiment page, and who may review (only the cohort's leads and admins)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from app.audit.tables import AuditLog
from app.cohorts.tables import WorkshopDay
from app.review.tables import ExperimentReview
from tests.factories import make_cohort, make_experiment, make_user
from tests.http.browser import field_error, page, post_form, sign_in

DAY_ONE, DAY_TWO = date(2026, 3, 2), date(2026, 4, 6)


async def setup(client, *, sign_in_as: str = "lead", status: str = "running"):
    lead = await make_user(name="Liisa Valmentaja", is_lead=True)
    owner = await make_user(name="Olli Omistaja")
    cohort = await make_cohort(leads=[lead], participants=[owner], days=[DAY_ONE, DAY_TWO])
    experiment = await make_experiment(
        owner, title="Takaisinsoitto", cohort=cohort.id, status=status, learning="Opittiin."
    )
    days = {
        row["day"]: row["id"]
        for row in await WorkshopDay.select().where(WorkshopDay.cohort == cohort.id)
    }
    people = {"lead": lead, "owner": owner}
    if sign_in_as in people:
        await sign_in(client, people[sign_in_as].email)
    url = f"/cohorts/{cohort.id}/experiments/{experiment.id}/review?day={days[DAY_TWO]}"
    return lead, owner, cohort, experiment, days, url


async def reviews() -> list[dict]:
    return await ExperimentReview.select().order_by(ExperimentReview.id)


async def test_lead_creates_then_edits_a_review_with_an_audit_trail(client):
    lead, _owner, _cohort, experiment, days, url = await setup(client)
    form = page(await client.get(url))
    assert form.select_one("#r-notes") is not None
    assert "Takaisinsoitto" in form.get_text()

    response = await post_form(
        client, url, {"notes": "Hyvä **alku**.", "reviewed": "true", "version": "0"}
    )
    assert response.status_code == 303
    [review] = await reviews()
    assert review["experiment"] == experiment.id and review["workshop_day"] == days[DAY_TWO]
    assert review["notes"] == "Hyvä **alku**." and review["reviewed"] and not review["celebrate"]
    assert review["lead"] == lead.id and review["version"] == 1

    response = await post_form(
        client,
        url,
        {"notes": "Hyvä alku.", "reviewed": "true", "celebrate": "true",
         "celebration_note": "Rohkea kokeilu!", "version": "1"},
    )  # fmt: skip
    assert response.status_code == 303
    [review] = await reviews()  # still one review per experiment per day
    assert review["celebrate"] and review["celebration_note"] == "Rohkea kokeilu!"
    assert review["version"] == 2
    actions = [
        row["action"]
        for row in await AuditLog.select(AuditLog.action)
        .where(AuditLog.object_type == "experiment_review")
        .order_by(AuditLog.id)
    ]
    assert actions == ["create", "update"]

    # The form shows what is saved.
    again = page(await client.get(url))
    assert again.select_one("#r-celebrate").has_attr("checked")
    assert again.select_one("input[name=version]")["value"] == "2"


async def test_a_review_per_day(client):
    _lead, _owner, cohort, experiment, days, url = await setup(client)
    await post_form(client, url, {"notes": "Päivä 2", "version": "0"})
    day_one_url = f"/cohorts/{cohort.id}/experiments/{experiment.id}/review?day={days[DAY_ONE]}"
    await post_form(client, day_one_url, {"notes": "Päivä 1", "version": "0"})
    assert sorted(row["notes"] for row in await reviews()) == ["Päivä 1", "Päivä 2"]


async def test_stale_form_is_a_conflict_and_keeps_the_input(client):
    _lead, _owner, _cohort, _experiment, _days, url = await setup(client)
    await post_form(client, url, {"notes": "Ensimmäinen", "version": "0"})
    # Another lead's form, loaded before the first save, also says version 0.
    response = await post_form(client, url, {"notes": "Toisen muistiinpano", "version": "0"})
    assert response.status_code == 409
    soup = page(response)
    assert soup.select_one("#r-notes").get_text() == "Toisen muistiinpano"
    assert soup.select_one("input[name=version]")["value"] == "1"
    assert "Ensimmäinen" in soup.select_one(".notice--warning").get_text()
    [review] = await reviews()
    assert review["notes"] == "Ensimmäinen"
    # Saving again on top of the version now shown succeeds.
    response = await post_form(client, url, {"notes": "Toisen muistiinpano", "version": "1"})
    assert response.status_code == 303
    assert (await reviews())[0]["notes"] == "Toisen muistiinpano"


async def test_validation_errors_are_shown_next_to_the_field(client):
    _lead, _owner, _cohort, _experiment, _days, url = await setup(client)
    response = await post_form(client, url, {"notes": "x" * 10_001, "version": "0"})
    assert response.status_code == 422
    soup = page(response)
    assert "10000" in field_error(soup, "notes", "r").replace("\u00a0", "").replace(" ", "")
    assert len(soup.select_one("#r-notes").get_text()) == 10_001
    assert await reviews() == []


async def test_a_draft_cannot_be_celebrated(client):
    _lead, _owner, _cohort, _experiment, _days, url = await setup(client, status="draft")
    response = await post_form(client, url, {"celebrate": "true", "version": "0"})
    assert response.status_code == 422
    assert field_error(page(response), "celebrate", "r")
    assert await reviews() == []
    # Notes on a draft are fine: leads coach drafts too.
    response = await post_form(client, url, {"notes": "Hypoteesi puuttuu.", "version": "0"})
    assert response.status_code == 303


async def test_htmx_save_returns_the_form_with_the_new_version(client):
    _lead, _owner, _cohort, _experiment, _days, url = await setup(client)
    response = await post_form(
        client, url, {"notes": "Nopea", "reviewed": "true", "version": "0",
                      "next": "/cohorts/1/days/2/present?i=3"},
        headers={"HX-Request": "true"},
    )  # fmt: skip
    assert response.status_code == 200
    soup = page(response)
    assert soup.select_one("#review-form") is not None
    assert soup.select_one("header") is None  # only the form, not the whole page
    assert soup.select_one("input[name=version]")["value"] == "1"
    assert soup.select_one("input[name=next]")["value"] == "/cohorts/1/days/2/present?i=3"
    assert soup.select_one(".notice--success")


async def test_without_javascript_saving_returns_to_the_slide(client):
    _lead, _owner, cohort, _experiment, days, url = await setup(client)
    back = f"/cohorts/{cohort.id}/days/{days[DAY_TWO]}/present?i=1"
    response = await post_form(client, url, {"notes": "Hyvä", "version": "0", "next": back})
    assert response.status_code == 303 and response.headers["location"] == back
    # Never to another host.
    response = await post_form(
        client, url, {"notes": "Hyvä", "version": "1", "next": "//evil.example/"}
    )
    assert response.headers["location"] == url


async def test_reviews_show_on_the_experiment_page_for_owners_and_leads_only(client):
    lead, owner, _cohort, experiment, _days, url = await setup(client)
    await post_form(client, url, {"notes": "Muista *mittari*.", "reviewed": "true", "version": "0"})
    section_url = f"/cohorts/reviews-for/{experiment.id}"
    htmx = {"HX-Request": "true"}
    as_lead = await client.get(section_url, headers=htmx)
    assert "<em>mittari</em>" in as_lead.text

    await sign_in(client, owner.email)
    detail = page(await client.get(f"/experiments/{experiment.id}"))
    loader = detail.select_one("#section-reviews")
    assert loader["hx-get"] == section_url
    assert "<em>mittari</em>" in (await client.get(section_url, headers=htmx)).text
    assert (await client.get(section_url)).status_code == 200  # the page without JavaScript

    colleague = await make_user()
    await sign_in(client, colleague.email)
    detail = page(await client.get(f"/experiments/{experiment.id}"))
    assert detail.select_one("#section-reviews") is None
    assert (await client.get(section_url, headers=htmx)).text == ""
    assert (await client.get(section_url)).status_code == 404

    other_lead = await make_user(is_lead=True)
    await make_cohort(leads=[other_lead])
    await sign_in(client, other_lead.email)
    assert (await client.get(section_url, headers=htmx)).text == ""
    assert (await client.get(section_url)).status_code == 404


async def test_experiment_page_without_a_cohort_has_no_reviews_section(client):
    owner = await make_user()
    experiment = await make_experiment(owner, status="running")
    await sign_in(client, owner.email)
    assert (
        page(await client.get(f"/experiments/{experiment.id}")).select_one("#section-reviews")
        is None
    )


async def test_only_the_cohorts_leads_and_admins_review(client):
    lead, owner, cohort, experiment, days, url = await setup(client, sign_in_as="nobody")
    day = days[DAY_TWO]
    pages = [
        f"/cohorts/{cohort.id}/board",
        url,
        f"/cohorts/{cohort.id}/days/{day}/present",
        f"/cohorts/{cohort.id}/days/{day}/pack",
    ]
    other_lead = await make_user(is_lead=True)
    await make_cohort(leads=[other_lead], participants=[owner])
    lead_without_role = await make_user()  # listed as a lead but no longer has the lead role
    await make_cohort(leads=[lead_without_role])
    from app.cohorts.tables import CohortLead

    await CohortLead.insert(CohortLead(cohort=cohort.id, user=lead_without_role.id))
    for person in (owner, other_lead, lead_without_role):
        await sign_in(client, person.email)
        for address in pages:
            assert (await client.get(address)).status_code == 404, (person.name, address)
        response = await post_form(client, url, {"notes": "Ei saa", "version": "0"})
        assert response.status_code == 404
    assert await reviews() == []

    admin = await make_user(is_admin=True)
    await sign_in(client, admin.email)
    for address in pages:
        assert (await client.get(address)).status_code == 200, address
    await sign_in(client, lead.email)
    for address in pages:
        assert (await client.get(address)).status_code == 200, address

    # Signed out: to the sign-in page.
    await client.post("/sign-out", data={"_csrf_token": client.cookies.get("kokeilu_csrf")})
    response = await client.get(pages[0])
    assert response.status_code == 303 and "/sign-in" in response.headers["location"]


async def test_a_day_or_experiment_of_another_cohort_is_not_found(client):
    lead, owner, cohort, experiment, days, url = await setup(client)
    other = await make_cohort(leads=[lead], days=[DAY_ONE])
    [other_day] = await WorkshopDay.select().where(WorkshopDay.cohort == other.id)
    foreign = await make_experiment(owner, cohort=other.id)
    base = f"/cohorts/{cohort.id}"
    assert (
        await client.get(f"{base}/experiments/{experiment.id}/review?day={other_day['id']}")
    ).status_code == 404
    assert (
        await client.get(f"{base}/experiments/{foreign.id}/review?day={days[DAY_TWO]}")
    ).status_code == 404
    assert (await client.get(f"{base}/experiments/{experiment.id}/review")).status_code == 404
    assert (await client.get(f"{base}/days/{other_day['id']}/present")).status_code == 404
    response = await post_form(
        client, f"{base}/experiments/{foreign.id}/review?day={days[DAY_TWO]}", {"version": "0"}
    )
    assert response.status_code == 404
    deleted = await make_cohort(leads=[lead], deleted_at=datetime.now(UTC))
    assert (await client.get(f"/cohorts/{deleted.id}/board")).status_code == 404
