"""Comments on experiments: who may comment, Markdown, editing with history, removing,
conflicts, and the notifications they send."""

from __future__ import annotations

from app.audit.tables import AuditLog
from app.conversation.tables import Comment, CommentRevision, Notification
from tests.factories import make_experiment, make_user
from tests.http.browser import client_signed_in_as, field_error, page, post_form


async def test_anyone_who_sees_the_experiment_comments_and_owners_are_notified(client, employee):
    owner = await make_user(name="Olli Omistaja")
    co_owner = await make_user(name="Kaisa Kumppani")
    experiment = await make_experiment(owner, co_owners=[co_owner], status="running")
    response = await post_form(
        client, f"/experiments/{experiment.id}/comments", {"body": "Hyvä idea, **kokeilkaa**!"}
    )
    assert response.status_code == 303
    comment = await Comment.objects().first()
    assert response.headers["location"] == f"/experiments/{experiment.id}#comment-{comment.id}"
    assert (comment.author, comment.body) == (employee.id, "Hyvä idea, **kokeilkaa**!")
    detail = page(await client.get(f"/experiments/{experiment.id}"))
    body = detail.select_one(f"#comment-{comment.id} .comment__body")
    assert body.find("strong").get_text() == "kokeilkaa"
    assert detail.select_one(f"#comment-{comment.id} a")["href"] == f"/people/{employee.id}"
    recipients = {row["recipient"] for row in await Notification.select(Notification.recipient)}
    assert recipients == {owner.id, co_owner.id}  # not the commenter
    kinds = {row["kind"] for row in await Notification.select(Notification.kind)}
    assert kinds == {"comment"}
    assert await AuditLog.count().where(
        (AuditLog.object_type == "comment") & (AuditLog.action == "create")
    )


async def test_owner_commenting_on_their_own_experiment_is_not_notified(client, employee):
    co_owner = await make_user()
    experiment = await make_experiment(employee, co_owners=[co_owner], status="draft")
    response = await post_form(
        client, f"/experiments/{experiment.id}/comments", {"body": "Muistiin"}
    )
    assert response.status_code == 303
    recipients = [row["recipient"] for row in await Notification.select(Notification.recipient)]
    assert recipients == [co_owner.id]


async def test_markdown_in_comments_is_sanitised(client, employee):
    experiment = await make_experiment(await make_user(), status="running")
    nasty = '<script>alert("x")</script><img src=x onerror=alert(1)> [linkki](javascript:alert(1))'
    await post_form(client, f"/experiments/{experiment.id}/comments", {"body": f"Moi {nasty}"})
    soup = page(await client.get(f"/experiments/{experiment.id}"))
    body = soup.select_one(".comment__body")
    assert body is not None and "Moi" in body.get_text()
    assert not body.find("script") and not body.find("img")
    assert not soup.select("main script")
    assert all(not (a.get("href") or "").startswith("javascript") for a in body.find_all("a"))


async def test_empty_or_too_long_comment_keeps_the_text_and_says_why(client, employee):
    experiment = await make_experiment(await make_user(), status="running")
    url = f"/experiments/{experiment.id}/comments"
    response = await post_form(client, url, {"body": "   "})
    assert response.status_code == 422
    assert field_error(page(response), "body", prefix="c")
    long_text = "Pitkä " * 1000
    response = await post_form(client, url, {"body": long_text})
    assert response.status_code == 422
    soup = page(response)
    assert field_error(soup, "body", prefix="c")
    assert soup.find(id="c-body").get_text() == long_text
    # With htmx: the comments part comes back with the error and the text kept.
    response = await post_form(client, url, {"body": long_text}, headers={"hx-request": "true"})
    assert response.status_code == 422
    soup = page(response)
    assert soup.select_one("#comments") and not soup.select_one("html")
    assert soup.find(id="c-body").get_text() == long_text
    assert await Comment.count() == 0


async def test_htmx_comment_returns_the_updated_comments(client, employee):
    experiment = await make_experiment(await make_user(), status="running")
    response = await post_form(
        client,
        f"/experiments/{experiment.id}/comments",
        {"body": "Tosi hyvä"},
        headers={"hx-request": "true"},
    )
    assert response.status_code == 200
    soup = page(response)
    assert "Tosi hyvä" in soup.select_one("#comments .comment__body").get_text()
    assert soup.find(id="c-body").get_text() == ""  # a fresh form


async def test_others_drafts_cannot_be_commented_or_read(client, employee):
    draft = await make_experiment(await make_user(), status="draft")
    response = await post_form(client, f"/experiments/{draft.id}/comments", {"body": "Hei"})
    assert response.status_code == 404
    assert await Comment.count() == 0
    missing = await post_form(client, "/experiments/999999/comments", {"body": "Hei"})
    assert missing.status_code == 404


async def test_edit_keeps_history_and_shows_edited_marker(client, employee):
    experiment = await make_experiment(await make_user(), status="running")
    await post_form(client, f"/experiments/{experiment.id}/comments", {"body": "Ensimmäinen"})
    comment = await Comment.objects().first()
    base = f"/experiments/{experiment.id}/comments/{comment.id}"
    form = page(await client.get(f"{base}/edit"))
    assert form.find(id=f"e{comment.id}-body").get_text() == "Ensimmäinen"
    response = await post_form(client, base, {"body": "Toinen", "version": "1"})
    assert response.status_code == 303
    response = await post_form(
        client, base, {"body": "Kolmas", "version": "2"}, headers={"hx-request": "true"}
    )
    assert response.status_code == 200
    assert "Kolmas" in page(response).select_one(".comment__body").get_text()
    saved = await Comment.objects().first()
    assert (saved.body, saved.version) == ("Kolmas", 3)
    revisions = await CommentRevision.select().order_by(CommentRevision.version)
    assert [(row["version"], row["body"]) for row in revisions] == [
        (1, "Ensimmäinen"),
        (2, "Toinen"),
    ]
    detail = page(await client.get(f"/experiments/{experiment.id}"))
    marker = detail.select_one(f"#comment-{comment.id} .comment__edited")
    assert marker["href"] == f"{base}/history"
    history = (await client.get(f"{base}/history")).text
    assert history.index("Kolmas") < history.index("Toinen") < history.index("Ensimmäinen")


async def test_stale_edit_is_a_conflict_that_keeps_the_typed_text(client, employee):
    experiment = await make_experiment(await make_user(), status="running")
    await post_form(client, f"/experiments/{experiment.id}/comments", {"body": "Alku"})
    comment = await Comment.objects().first()
    base = f"/experiments/{experiment.id}/comments/{comment.id}"
    assert (
        await post_form(client, base, {"body": "Toisessa ikkunassa", "version": "1"})
    ).status_code == 303
    response = await post_form(client, base, {"body": "Tästä ikkunasta", "version": "1"})
    assert response.status_code == 409
    soup = page(response)
    assert "Toisessa ikkunassa" in soup.select_one(".notice--warning").get_text()
    assert soup.find(id=f"e{comment.id}-body").get_text() == "Tästä ikkunasta"
    assert soup.find("input", attrs={"name": "version"})["value"] == "2"
    assert (await Comment.objects().first()).body == "Toisessa ikkunassa"


async def test_remove_is_soft_and_leaves_a_placeholder(client, employee):
    experiment = await make_experiment(await make_user(), status="running")
    await post_form(client, f"/experiments/{experiment.id}/comments", {"body": "Salainen sana"})
    comment = await Comment.objects().first()
    response = await post_form(client, f"/experiments/{experiment.id}/comments/{comment.id}/delete")
    assert response.status_code == 303
    saved = await Comment.objects().first()
    assert saved.deleted_at is not None and saved.body == "Salainen sana"
    detail = await client.get(f"/experiments/{experiment.id}")
    assert "Salainen sana" not in detail.text
    assert page(detail).select_one(f"#comment-{comment.id} .comment__removed")
    # Removed comments are not edited any more.
    again = await post_form(
        client, f"/experiments/{experiment.id}/comments/{comment.id}", {"body": "x", "version": "2"}
    )
    assert again.status_code == 404


async def test_others_cannot_edit_or_remove_a_comment(client, app, employee):
    experiment = await make_experiment(await make_user(), status="running")
    await post_form(client, f"/experiments/{experiment.id}/comments", {"body": "Minun"})
    comment = await Comment.objects().first()
    base = f"/experiments/{experiment.id}/comments/{comment.id}"
    other = await client_signed_in_as(app, await make_user())
    try:
        assert (await other.get(f"{base}/edit")).status_code == 403
        assert (
            await post_form(other, base, {"body": "Muutettu", "version": "1"})
        ).status_code == 403
        assert (await post_form(other, f"{base}/delete")).status_code == 403
        # The comment of another experiment is not reachable through this one.
        elsewhere = await make_experiment(await make_user(), status="running")
        wrong = f"/experiments/{elsewhere.id}/comments/{comment.id}/edit"
        assert (await client.get(wrong)).status_code == 404
    finally:
        await other.__aexit__(None, None, None)
    saved = await Comment.objects().first()
    assert (saved.body, saved.deleted_at) == ("Minun", None)
