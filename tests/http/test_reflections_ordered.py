"""Both ordered lists a lead edits, reflection questions and assessment statements, share one
base controller (app/reflections/ordered_routes.py): the list and its add form, the edit page,
archive, restore and move (reorder)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.audit.tables import AuditLog
from app.reflections.access import today
from app.reflections.tables import AssessmentStatement, ReflectionQuestion
from tests.factories import make_cohort, make_user
from tests.http.browser import page, post_form, sign_in

KINDS = {
    "questions": (ReflectionQuestion, "reflections/questions", "reflection_question"),
    "statements": (AssessmentStatement, "assessment/statements", "assessment_statement"),
}
TEXT_FIELD = {ReflectionQuestion: "text_fi", AssessmentStatement: "text"}


async def _setup(kind: str):
    table, list_path, object_type = KINDS[kind]
    lead = await make_user(is_lead=True)
    person = await make_user()
    cohort = await make_cohort(
        leads=[lead], participants=[person], days=[today() - timedelta(days=1)]
    )
    text = TEXT_FIELD[table]
    ids = []
    for position in (1, 2):
        row = table(cohort=cohort.id, position=position, **{text: f"Rivi {position}"})
        await row.save()
        ids.append(row.id)
    return table, f"/cohorts/{cohort.id}/{list_path}", object_type, lead, person, ids


async def _order(table, ids):
    rows = await table.select(table.id, table.archived).where(table.id.is_in(ids))
    rows.sort(key=lambda row: ids.index(row["id"]))
    positions = await table.select(table.id).where(table.id.is_in(ids)).order_by(table.position)
    return [row["id"] for row in positions], [row["archived"] for row in rows]


async def _actions(object_type):
    rows = (
        await AuditLog.select(AuditLog.action)
        .where(AuditLog.object_type == object_type)
        .order_by(AuditLog.id)
    )
    return [row["action"] for row in rows]


async def _notice(client, url):
    """The category of the one message the page shows (after a redirect)."""
    notices = page(await client.get(url)).select("main > .notice[role=status]")
    assert len(notices) == 1
    return notices[0]["class"][1].removeprefix("notice--")


@pytest.mark.parametrize("kind", sorted(KINDS))
async def test_only_the_cohorts_leads_archive_restore_and_move(client, kind):
    table, base, object_type, lead, person, ids = await _setup(kind)
    outsider = await make_user(is_lead=True)
    other_lead = await make_user(is_lead=True)
    await make_cohort(leads=[other_lead], participants=[outsider])
    forms = {
        "archive": {"version": "1"},
        "restore": {"version": "1"},
        "move": {"direction": "up", "version": "1"},
    }
    # A participant may see the cohort but not edit its lists; others do not learn of it
    for user, status in ((person, 403), (outsider, 404), (other_lead, 404)):
        await sign_in(client, user.email)
        for action, data in forms.items():
            response = await post_form(client, f"{base}/{ids[1]}/{action}", data)
            assert response.status_code == status, (user.name, action)
    assert await _order(table, ids) == (ids, [False, False])
    assert await _actions(object_type) == []

    await sign_in(client, lead.email)
    # Without the CSRF token nothing happens
    response = await client.post(f"{base}/{ids[1]}/move", data=forms["move"])
    assert response.status_code == 403
    # An item that is not on this cohort's list is not found
    response = await post_form(client, f"{base}/{ids[1] + 1000}/archive", forms["archive"])
    assert response.status_code == 404

    response = await post_form(client, f"{base}/{ids[1]}/move", forms["move"])
    assert response.status_code == 303 and response.headers["location"] == base
    assert await _order(table, ids) == ([ids[1], ids[0]], [False, False])
    assert await _notice(client, base) == "success"

    # A stale page: nothing moves and the list says so
    response = await post_form(client, f"{base}/{ids[1]}/move", {**forms["move"], "version": "0"})
    assert response.status_code == 303 and response.headers["location"] == base
    assert await _order(table, ids) == ([ids[1], ids[0]], [False, False])
    assert await _notice(client, base) == "error"

    response = await post_form(client, f"{base}/{ids[0]}/archive", forms["archive"])
    assert response.status_code == 303 and response.headers["location"] == base
    assert await _order(table, ids) == ([ids[1], ids[0]], [True, False])
    # Restoring with the version from before the archive shows the edit page with a conflict
    response = await post_form(client, f"{base}/{ids[0]}/restore", forms["restore"])
    assert response.status_code == 409
    soup = page(response)
    assert soup.find(attrs={"name": "version", "value": "2"}) is not None
    assert f"{base}/{ids[0]}/restore" in {form.get("action") for form in soup.find_all("form")}
    response = await post_form(client, f"{base}/{ids[0]}/restore", {"version": "2"})
    assert response.status_code == 303
    assert await _order(table, ids) == ([ids[1], ids[0]], [False, False])
    assert await _actions(object_type) == ["move", "archive", "restore"]


@pytest.mark.parametrize("kind", sorted(KINDS))
async def test_the_lead_lists_adds_and_edits_with_a_version_check(client, kind):
    table, base, object_type, lead, person, ids = await _setup(kind)
    text = TEXT_FIELD[table]
    await sign_in(client, person.email)
    assert (await client.get(base)).status_code == 403
    assert (await client.get(f"{base}/{ids[0]}")).status_code == 403
    assert (await post_form(client, base, {text: "Ei saa"})).status_code == 403
    response = await post_form(client, f"{base}/{ids[0]}", {text: "Ei saa", "version": "1"})
    assert response.status_code == 403

    await sign_in(client, lead.email)
    listing = page(await client.get(base))
    assert {f"{base}/{row_id}" for row_id in ids} <= {a["href"] for a in listing.select("a")}
    response = await post_form(client, base, {text: ""})
    assert response.status_code == 422
    assert page(response).select_one(f"[name={text}]") is not None
    response = await post_form(client, base, {text: "Uusi rivi"})
    assert response.status_code == 303 and response.headers["location"] == base
    added = await table.select().where(table.id.not_in(ids))
    assert [(row[text], row["position"]) for row in added] == [("Uusi rivi", 3)]

    edit = page(await client.get(f"{base}/{ids[0]}"))
    assert edit.select_one(f"[name={text}]") is not None
    response = await post_form(client, f"{base}/{ids[0]}", {text: "Muutettu", "version": "1"})
    assert response.status_code == 303 and response.headers["location"] == base
    # A stale form: 409 with the saved text shown and nothing overwritten
    response = await post_form(client, f"{base}/{ids[0]}", {text: "Vanha lomake", "version": "1"})
    assert response.status_code == 409
    assert "Muutettu" in page(response).select_one(".notice--warning").get_text()
    row = await table.select().where(table.id == ids[0]).first()
    assert (row[text], row["version"]) == ("Muutettu", 2)
    assert (await client.get(f"{base}/{ids[1] + 1000}")).status_code == 404
    assert await _actions(object_type) == ["create", "update"]
