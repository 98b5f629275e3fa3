"""Cohort participants: one by one, a department subtree at a time, removing, join links,
and the fixed number of queries of the cohort list and the cohort page."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.audit.tables import AuditLog
from app.cohorts.members import token_hash
from app.cohorts.tables import CohortJoinLink, CohortParticipant
from tests.factories import make_cohort, make_department, make_experiment, make_user
from tests.http.browser import field_error, page, post_form, sign_in
from tests.http.query_counter import count_queries
from tests.http.test_cohorts import signed_in_as


async def _member_ids(cohort) -> set[int]:
    rows = await CohortParticipant.select(CohortParticipant.user).where(
        CohortParticipant.cohort == cohort.id
    )
    return {row["user"] for row in rows}


async def _signed_in_lead(client):
    lead = await make_user(is_lead=True)
    await sign_in(client, lead.email)
    return lead, await make_cohort(leads=[lead])


async def test_lead_finds_and_adds_people_one_by_one(client):
    lead, cohort = await _signed_in_lead(client)
    anna = await make_user(name="Anna Asiakaslähtöinen")
    await make_user(name="Anna Poistunut", active=False)
    search = page(await client.get(f"/cohorts/{cohort.id}?q=anna"))
    found = [li.get_text(" ", strip=True) for li in search.select(".candidate-list li")]
    assert len(found) == 1 and "Anna Asiakaslähtöinen" in found[0]
    # htmx gets only the results.
    fragment = await client.get(f"/cohorts/{cohort.id}?q=anna", headers={"hx-request": "true"})
    assert "<h1" not in fragment.text and "Anna Asiakaslähtöinen" in fragment.text

    response = await post_form(client, f"/cohorts/{cohort.id}/participants", {"user": anna.id})
    assert response.status_code == 303
    assert await _member_ids(cohort) == {anna.id}
    row = await CohortParticipant.objects().first()
    assert (row.added_by, row.added_via) == (lead.id, "lead")
    assert (
        "Anna Asiakaslähtöinen"
        not in page(await client.get(f"/cohorts/{cohort.id}?q=anna"))
        .select_one("#participant-search")
        .get_text()
    )

    again = await post_form(client, f"/cohorts/{cohort.id}/participants", {"user": anna.id})
    assert again.status_code == 422
    assert field_error(page(again), "user", "p")
    missing = await post_form(client, f"/cohorts/{cohort.id}/participants", {"user": "99999"})
    assert missing.status_code == 422 and field_error(page(missing), "user", "p")
    assert await CohortParticipant.count() == 1

    removed = await post_form(client, f"/cohorts/{cohort.id}/participants/{anna.id}/remove")
    assert removed.status_code == 303
    assert await _member_ids(cohort) == set()
    actions = {row["action"] for row in await AuditLog.select(AuditLog.action)}
    assert {"add_participant", "remove_participant"} <= actions


async def test_lead_adds_a_department_subtree_after_seeing_how_many(client):
    _, cohort = await _signed_in_lead(client)
    social = await make_department(name_fi="Sosiaalipalvelut")
    family = await make_department(name_fi="Perhepalvelut", parent=social.id)
    elsewhere = await make_department(name_fi="Tekninen toimi")
    already = await make_user(department=social.id)
    team = [await make_user(department=family.id) for _ in range(3)]
    await make_user(department=family.id, active=False)
    await make_user(department=elsewhere.id)
    await CohortParticipant.insert(CohortParticipant(cohort=cohort.id, user=already.id))

    preview = await client.get(
        f"/cohorts/{cohort.id}/participants/department?department={social.id}"
    )
    assert preview.status_code == 200
    soup = page(preview)
    confirm = soup.select_one('main form[action$="/participants/department"] button')
    assert "3" in confirm.get_text()
    assert len(soup.select(".people-preview li")) == 3
    assert await CohortParticipant.count() == 1  # nothing added by looking

    response = await post_form(
        client, f"/cohorts/{cohort.id}/participants/department", {"department": social.id}
    )
    assert response.status_code == 303
    assert await _member_ids(cohort) == {already.id, *(person.id for person in team)}
    added = await CohortParticipant.select(CohortParticipant.added_via).where(
        CohortParticipant.user.is_in([person.id for person in team])
    )
    assert {row["added_via"] for row in added} == {"department"}
    # Again: everyone is in, nothing changes.
    again = page(
        await client.get(f"/cohorts/{cohort.id}/participants/department?department={social.id}")
    )
    assert again.select_one(".empty-state")
    for bad_value in ("99999", "", "abc"):
        bad = await client.get(
            f"/cohorts/{cohort.id}/participants/department?department={bad_value}"
        )
        assert bad.status_code == 422 and field_error(page(bad), "department", "d"), bad_value


async def test_join_link_is_shown_once_stored_as_a_hash_and_lets_people_join(client, app):
    lead, cohort = await _signed_in_lead(client)
    response = await post_form(client, f"/cohorts/{cohort.id}/join-links", {"valid_days": "14"})
    assert response.status_code == 200
    link = page(response).find(id="join-link")["value"]
    token = link.rsplit("/join/", 1)[1]
    stored = await CohortJoinLink.objects().first()
    assert stored.token_hash == token_hash(token) and token not in stored.token_hash
    assert timedelta(days=13) < stored.expires_at - datetime.now(UTC) <= timedelta(days=14)
    assert token not in (await client.get(f"/cohorts/{cohort.id}")).text  # never shown again

    newcomer = await make_user(name="Uusi Tulija")
    async with signed_in_as(app, newcomer) as other:
        invitation = await other.get(f"/join/{token}")
        assert invitation.status_code == 200 and cohort.name in invitation.text
        assert await CohortParticipant.count() == 0
        joined = await post_form(other, f"/join/{token}")
        assert joined.status_code == 303 and joined.headers["location"] == f"/cohorts/{cohort.id}"
        assert (await other.get(f"/cohorts/{cohort.id}")).status_code == 200
        await post_form(other, f"/join/{token}")  # twice changes nothing
    participant = await CohortParticipant.objects().first()
    assert (participant.user, participant.added_via) == (newcomer.id, "link")
    assert await CohortParticipant.count() == 1

    bad = await post_form(client, f"/cohorts/{cohort.id}/join-links", {"valid_days": "365"})
    assert bad.status_code == 303 and await CohortJoinLink.count() == 1


async def test_expired_and_revoked_links_say_so_and_add_nobody(client, app):
    _, cohort = await _signed_in_lead(client)
    await post_form(client, f"/cohorts/{cohort.id}/join-links", {"valid_days": "5"})
    created = page(await post_form(client, f"/cohorts/{cohort.id}/join-links", {"valid_days": "5"}))
    revoked_token = created.find(id="join-link")["value"].rsplit("/", 1)[1]
    revoked = (
        await CohortJoinLink.objects()
        .where(CohortJoinLink.token_hash == token_hash(revoked_token))
        .first()
    )
    response = await post_form(client, f"/cohorts/{cohort.id}/join-links/{revoked.id}/revoke")
    assert response.status_code == 303
    expired_token = "vanhentunut-linkki-123"
    await CohortJoinLink.insert(
        CohortJoinLink(
            cohort=cohort.id,
            token_hash=token_hash(expired_token),
            expires_at=datetime.now(UTC) - timedelta(minutes=1),
        )
    )
    person = await make_user()
    async with signed_in_as(app, person) as other:
        messages = set()
        for token in (revoked_token, expired_token):
            shown = await other.get(f"/join/{token}")
            assert shown.status_code == 410
            soup = page(shown)
            assert not soup.select("main form[action^='/join/']")
            messages.add(soup.select_one(".notice--warning").get_text(" ", strip=True))
            posted = await post_form(other, f"/join/{token}")
            assert posted.status_code == 410
        assert len(messages) == 2  # each says why: revoked or expired
        assert (await other.get("/join/ei-ole-olemassa")).status_code == 404
    assert await CohortParticipant.count() == 0
    # Signed-out visitors are sent to sign in and come back to the link.
    client.cookies.clear()
    signed_out = await client.get(f"/join/{revoked_token}")
    assert signed_out.status_code == 303
    assert signed_out.headers["location"] == f"/sign-in?next=/join/{revoked_token}"


async def _fill(cohort, count: int) -> None:
    department = await make_department()
    for _ in range(count):
        person = await make_user(department=department.id)
        await CohortParticipant.insert(CohortParticipant(cohort=cohort.id, user=person.id))
        await make_experiment(person, cohort=cohort.id, status="running")


async def test_cohort_page_and_list_use_a_fixed_number_of_queries(client):
    lead, cohort = await _signed_in_lead(client)
    others = [await make_cohort(leads=[lead]) for _ in range(2)]
    await _fill(cohort, 10)
    with count_queries() as few_page:
        assert (await client.get(f"/cohorts/{cohort.id}")).status_code == 200
    with count_queries() as few_list:
        assert (await client.get("/cohorts")).status_code == 200
    await _fill(cohort, 190)
    for other in others:
        await _fill(other, 5)
    others += [await make_cohort(leads=[lead]) for _ in range(20)]
    with count_queries() as many_page:
        response = await client.get(f"/cohorts/{cohort.id}")
    assert len(page(response).select("#participants tbody tr")) == 200
    with count_queries() as many_list:
        assert (await client.get("/cohorts")).status_code == 200
    assert few_page["queries"] == many_page["queries"]
    assert few_list["queries"] == many_list["queries"]
