"""Kudos ("kiitos"), in-app notifications and people's profiles."""

from __future__ import annotations

from datetime import UTC, datetime

from app.audit.tables import AuditLog
from app.conversation import service as conversation
from app.conversation.kudos import ALREADY_THANKED
from app.conversation.tables import Comment, Kudos, Notification
from app.i18n import gettext
from tests.factories import make_department, make_experiment, make_user
from tests.http.browser import client_signed_in_as, field_error, page, post_form

# --- kudos ------------------------------------------------------------------------------


async def test_kudos_once_per_person_with_a_clear_message(client, employee):
    owner = await make_user(name="Olli Omistaja")
    co_owner = await make_user()
    experiment = await make_experiment(owner, co_owners=[co_owner], status="completed")
    url = f"/experiments/{experiment.id}/kudos"
    response = await post_form(client, url, {"message": "Kiitos rohkeasta kokeilusta!"})
    assert response.status_code == 303
    detail = page(await client.get(f"/experiments/{experiment.id}"))
    kudos = detail.select_one("#kudos")
    assert "1 " in kudos.find("h3").get_text()
    assert "Kiitos rohkeasta kokeilusta!" in kudos.get_text()
    assert employee.name in kudos.get_text()
    again = await post_form(client, url, {"message": "Ja toinen kiitos"})
    assert again.status_code == 422
    soup = page(again)
    assert field_error(soup, "message", prefix="k") == gettext(ALREADY_THANKED)  # in Finnish
    assert soup.find(id="k-message").get_text() == "Ja toinen kiitos"
    assert await Kudos.count() == 1
    notified = await Notification.select(Notification.recipient, Notification.kind)
    assert sorted(row["recipient"] for row in notified) == sorted([owner.id, co_owner.id])
    assert {row["kind"] for row in notified} == {"kudos"}
    assert (
        await AuditLog.count().where(
            (AuditLog.object_type == "kudos") & (AuditLog.action == "create")
        )
        == 1
    )


async def test_kudos_message_is_short(client, employee):
    experiment = await make_experiment(await make_user(), status="running")
    response = await post_form(
        client,
        f"/experiments/{experiment.id}/kudos",
        {"message": "k" * 281},
        headers={"hx-request": "true"},
    )
    assert response.status_code == 422
    soup = page(response)
    assert field_error(soup, "message", prefix="k")
    assert soup.find(id="k-message").get_text() == "k" * 281
    assert await Kudos.count() == 0


async def test_kudos_and_comments_answer_with_and_without_htmx(client, app, employee):
    experiment = await make_experiment(await make_user(), status="running")
    base = f"/experiments/{experiment.id}"
    # Without JavaScript a problem comes back on a page of its own, the text kept
    response = await post_form(client, f"{base}/kudos", {"message": "k" * 281})
    assert response.status_code == 422
    soup = page(response)
    assert soup.select_one("html") and soup.find(id="k-message").get_text() == "k" * 281
    response = await post_form(client, f"{base}/kudos", {"message": "Kiitos!"})
    assert response.headers["location"] == f"{base}#kudos"
    response = await post_form(client, f"{base}/comments", {"body": "Hyvä"})
    comment = await Comment.objects().first()
    assert response.headers["location"] == f"{base}#comment-{comment.id}"
    # With htmx a colleague's thank-you returns the kudos part with its message
    colleague = await client_signed_in_as(app, await make_user())
    try:
        response = await post_form(
            colleague, f"{base}/kudos", {"message": "Kiitos"}, headers={"hx-request": "true"}
        )
    finally:
        await colleague.__aexit__(None, None, None)
    assert response.status_code == 200
    soup = page(response)
    assert soup.select_one("#kudos") and not soup.select_one("html")
    assert len(soup.select("#kudos .kudos__item")) == 2
    assert await Kudos.count() == 2


async def test_no_kudos_to_own_experiment_or_to_drafts(client, employee):
    own = await make_experiment(employee, status="running")
    assert (await post_form(client, f"/experiments/{own.id}/kudos", {})).status_code == 403
    co_owned = await make_experiment(await make_user(), co_owners=[employee], status="running")
    assert (await post_form(client, f"/experiments/{co_owned.id}/kudos", {})).status_code == 403
    others_draft = await make_experiment(await make_user(), status="draft")
    assert (await post_form(client, f"/experiments/{others_draft.id}/kudos", {})).status_code == 404
    own_page = page(await client.get(f"/experiments/{own.id}"))
    assert own_page.select_one("#kudos") and not own_page.select(
        f'form[action="/experiments/{own.id}/kudos"]'
    )
    own_draft = await make_experiment(employee, status="draft")
    assert (await post_form(client, f"/experiments/{own_draft.id}/kudos", {})).status_code == 403
    draft_page = page(await client.get(f"/experiments/{own_draft.id}"))
    assert draft_page.select_one("#comments") and not draft_page.select_one("#kudos")
    assert await Kudos.count() == 0


async def test_kudos_can_be_withdrawn_and_given_again(client, employee):
    experiment = await make_experiment(await make_user(), status="running")
    url = f"/experiments/{experiment.id}/kudos"
    await post_form(client, url, {"message": "Ensimmäinen"})
    withdraw = f"{url}/withdraw"
    detail = page(await client.get(f"/experiments/{experiment.id}"))
    assert detail.select_one(f'form[action="{withdraw}"]')["data-confirm"]
    assert (await post_form(client, withdraw)).status_code == 303
    saved = await Kudos.objects().first()
    assert saved.deleted_at is not None
    assert await conversation.kudos_counts([experiment.id]) == {}
    assert (await post_form(client, withdraw)).status_code == 404
    assert (await post_form(client, url, {"message": "Uudestaan"})).status_code == 303
    assert await Kudos.count() == 1
    assert await conversation.kudos_counts([experiment.id]) == {experiment.id: 1}


async def test_kudos_counts_in_one_query_for_many_experiments(employee):
    givers = [await make_user() for _ in range(3)]
    first = await make_experiment(employee, status="running")
    second = await make_experiment(employee, status="completed")
    none = await make_experiment(employee, status="running")
    for giver in givers:
        await Kudos.insert(Kudos(experiment=first.id, giver=giver.id))
    await Kudos.insert(Kudos(experiment=second.id, giver=givers[0].id))
    counts = await conversation.kudos_counts([first.id, second.id, none.id])
    assert counts == {first.id: 3, second.id: 1}


# --- notifications ----------------------------------------------------------------------


async def test_unread_count_in_header_and_marking_read(client, app, employee):
    experiment = await make_experiment(employee, status="running")
    colleague = await make_user(name="Ville Vieras")
    other = await client_signed_in_as(app, colleague)
    try:
        await post_form(other, f"/experiments/{experiment.id}/comments", {"body": "Hieno!"})
        await post_form(other, f"/experiments/{experiment.id}/kudos", {"message": "Kiitos"})
        # The actor has no notifications of their own action.
        badge = page(await other.get("/")).select_one(".notification-count")
        assert badge is None
    finally:
        await other.__aexit__(None, None, None)
    home = page(await client.get("/"))
    assert home.select_one(".notification-count").get_text(strip=True).startswith("2")
    listing = page(await client.get("/notifications"))
    items = listing.select(".notification")
    assert len(items) == 2
    assert "Ville Vieras" in items[0].get_text()
    assert items[0].select_one("a")["href"].startswith(f"/experiments/{experiment.id}#")
    first_id = int(items[0]["id"].removeprefix("notification-"))
    response = await post_form(
        client, f"/notifications/{first_id}/read", {"next": "/notifications"}
    )
    assert response.status_code == 303
    assert (
        page(await client.get("/"))
        .select_one(".notification-count")
        .get_text(strip=True)
        .startswith("1")
    )
    # Opening the experiment page reads the rest: its notice says so, its header has no count.
    detail = page(await client.get(f"/experiments/{experiment.id}"))
    assert "1" in detail.select_one("#conversation-new").get_text()
    assert detail.select_one(".notification-count") is None
    assert await Notification.count().where(Notification.read_at.is_null()) == 0
    # and once read, the page has nothing new to say
    assert (
        page(await client.get(f"/experiments/{experiment.id}")).select_one("#conversation-new")
        is None
    )


async def _unread(user_id: int) -> list[int]:
    """The experiments this person's unread notifications are about, one entry each."""
    rows = await Notification.select(Notification.experiment).where(
        (Notification.recipient == user_id) & Notification.read_at.is_null()
    )
    return sorted(row["experiment"] for row in rows)


async def test_opening_an_experiment_marks_its_notifications_read(client, app, employee):
    colleague = await make_user()
    first = await make_experiment(employee, status="running")
    second = await make_experiment(employee, status="running")
    actor = await make_user()
    await conversation.notify([employee.id], "comment", first.id, actor.id)
    await conversation.notify([employee.id], "kudos", first.id, actor.id)
    await conversation.notify([employee.id], "comment", second.id, actor.id)
    await conversation.notify([colleague.id], "comment", first.id, actor.id)
    # Another person opening the experiment reads only their own notification about it
    other = await client_signed_in_as(app, colleague)
    try:
        assert (await other.get(f"/experiments/{first.id}")).status_code == 200
    finally:
        await other.__aexit__(None, None, None)
    assert await _unread(colleague.id) == []
    assert await _unread(employee.id) == sorted([first.id, first.id, second.id])
    # Editing a section with htmx is not opening the page
    await client.get(f"/experiments/{first.id}?edit=basics", headers={"hx-request": "true"})
    assert await _unread(employee.id) == sorted([first.id, first.id, second.id])

    detail = page(await client.get(f"/experiments/{first.id}"))
    assert await _unread(employee.id) == [second.id]
    # The same page's header already counts without them, and the notice says what was new
    assert detail.select_one(".notification-count").get_text(strip=True).startswith("1")
    assert "2" in detail.select_one("#conversation-new").get_text()
    reads = (
        await AuditLog.select(AuditLog.actor, AuditLog.after)
        .where(AuditLog.action == "read_on_open")
        .output(load_json=True)
    )
    assert sorted((row["actor"], row["after"]["count"]) for row in reads) == sorted(
        [(colleague.id, 1), (employee.id, 2)]
    )
    # The notifications page's own "mark as read" still works for the rest
    listing = page(await client.get("/notifications"))
    unread = listing.select(".notification--unread")
    assert len(unread) == 1
    notification_id = int(unread[0]["id"].removeprefix("notification-"))
    response = await post_form(client, f"/notifications/{notification_id}/read")
    assert response.status_code == 303
    assert await _unread(employee.id) == []


async def test_only_ones_own_notifications_can_be_marked_read(client, employee):
    someone = await make_user()
    experiment = await make_experiment(someone, status="running")
    await conversation.notify([someone.id], "comment", experiment.id, employee.id)
    notification = await Notification.objects().first()
    response = await post_form(client, f"/notifications/{notification.id}/read")
    assert response.status_code == 404
    await post_form(client, "/notifications/read-all")
    assert (await Notification.objects().first()).read_at is None
    assert "notification-" not in (await client.get("/notifications")).text


async def test_notify_skips_the_actor_and_duplicates(employee):
    owner = await make_user()
    experiment = await make_experiment(owner, status="running")
    told = await conversation.notify(
        [owner.id, owner.id, employee.id], "review", experiment.id, employee.id
    )
    assert told == 1
    assert await conversation.unread_count(owner.id) == 1
    assert await conversation.unread_count(employee.id) == 0


async def test_notifications_page_is_paginated_newest_first(client, employee):
    actor = await make_user()
    experiment = await make_experiment(employee, status="running", title="Sivutus")
    for _ in range(25):
        await conversation.notify([employee.id], "comment", experiment.id, actor.id)
    first = page(await client.get("/notifications"))
    assert len(first.select(".notification")) == 20
    ids = [int(item["id"].removeprefix("notification-")) for item in first.select(".notification")]
    assert ids == sorted(ids, reverse=True)
    second = page(await client.get("/notifications?page=2"))
    assert len(second.select(".notification")) == 5
    assert (await client.get("/notifications?page=99")).status_code == 200


async def test_signed_out_visitors_are_sent_to_sign_in(client):
    for url in ["/notifications", "/people/1"]:
        response = await client.get(url)
        assert response.status_code == 303
        assert response.headers["location"].startswith("/sign-in")


# --- profiles ---------------------------------------------------------------------------


async def test_profile_shows_shared_experiments_and_kudos_but_never_drafts(client, employee):
    department = await make_department(name_fi="Kotihoito")
    person = await make_user(name="Tiina Testaaja", department=department.id)
    shared = await make_experiment(person, status="running", title="Jaettu kokeilu")
    await make_experiment(person, status="draft", title="Salainen luonnos")
    team = await make_experiment(
        await make_user(), co_owners=[person], status="completed", title="Tiimin kokeilu"
    )
    await make_experiment(person, status="running", title="Poistettu", deleted_at=datetime.now(UTC))
    giver = await make_user(name="Kalle Kiittäjä")
    await Kudos.insert(Kudos(experiment=shared.id, giver=giver.id, message="Mahtavaa työtä"))
    await Kudos.insert(Kudos(experiment=team.id, giver=employee.id, message="Kiitos tiimille"))
    response = await client.get(f"/people/{person.id}")
    assert response.status_code == 200
    soup = page(response)
    text = soup.get_text()
    assert "Tiina Testaaja" in soup.find("h1").get_text()
    assert "Kotihoito" in text
    assert "Jaettu kokeilu" in text and "Tiimin kokeilu" in text
    assert "Salainen luonnos" not in text and "Poistettu" not in text
    assert "Mahtavaa työtä" in text and "Kiitos tiimille" in text
    assert (await client.get("/people/999999")).status_code == 404


async def test_owner_names_link_to_profiles(client, employee):
    owner = await make_user(name="Linkki Henkilö")
    experiment = await make_experiment(owner, status="running")
    detail = page(await client.get(f"/experiments/{experiment.id}"))
    assert detail.find("a", string="Linkki Henkilö")["href"] == f"/people/{owner.id}"
    browse = page(await client.get("/experiments"))
    assert browse.find("a", string="Linkki Henkilö")["href"] == f"/people/{owner.id}"
