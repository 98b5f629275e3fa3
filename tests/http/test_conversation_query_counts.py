"""Conversation pages make the same number of queries for 10 and for 200 rows (no N+1)."""

from __future__ import annotations

from app.conversation import service as conversation
from app.conversation.tables import Comment, Kudos
from tests.factories import make_experiment, make_user
from tests.http.browser import page
from tests.http.query_counter import count_queries


async def _queries(client, url: str) -> int:
    with count_queries() as counter:
        response = await client.get(url)
    assert response.status_code == 200, url
    return counter["queries"]


async def _add_comments(experiment_id: int, people: list, count: int) -> None:
    await Comment.insert(
        *(
            Comment(experiment=experiment_id, author=people[n % len(people)].id, body=f"K {n}")
            for n in range(count)
        )
    )


async def test_experiment_page_with_10_or_200_comments_and_kudos(client, employee):
    people = [await make_user() for _ in range(10)]
    experiment = await make_experiment(employee, status="running")
    await _add_comments(experiment.id, people, 10)
    for person in people:
        await Kudos.insert(Kudos(experiment=experiment.id, giver=person.id, message="Kiitos"))
    url = f"/experiments/{experiment.id}"
    few = await _queries(client, url)
    more_people = [await make_user() for _ in range(20)]
    await _add_comments(experiment.id, people + more_people, 190)
    for person in more_people:
        await Kudos.insert(Kudos(experiment=experiment.id, giver=person.id, message="Kiitos"))
    assert await Comment.count() == 200
    assert await _queries(client, url) == few


async def test_notifications_page_with_10_or_200_notifications(client, employee):
    actors = [await make_user() for _ in range(5)]
    experiments = [await make_experiment(employee, status="running") for _ in range(5)]

    async def add(count: int) -> None:
        for n in range(count):
            await conversation.notify(
                [employee.id], "comment", experiments[n % 5].id, actors[n % 5].id
            )

    await add(10)
    few = await _queries(client, "/notifications")
    await add(190)
    assert await _queries(client, "/notifications") == few
    assert await _queries(client, "/notifications?page=3") == few


async def test_profile_with_10_or_200_experiments(client, employee):
    person = await make_user()
    givers = [await make_user() for _ in range(3)]

    async def add(count: int) -> None:
        for n in range(count):
            experiment = await make_experiment(person, status="running" if n % 4 else "draft")
            await Kudos.insert(Kudos(experiment=experiment.id, giver=givers[n % 3].id))

    await add(10)
    few = await _queries(client, f"/people/{person.id}")
    await add(190)
    assert await _queries(client, f"/people/{person.id}") == few


async def test_unread_count_in_the_header_is_one_query_whatever_the_count(client, employee):
    actor = await make_user()
    experiment = await make_experiment(employee, status="running")
    without = await _queries(client, "/")
    for _ in range(50):
        await conversation.notify([employee.id], "kudos", experiment.id, actor.id)
    assert await _queries(client, "/") == without
    badge = page(await client.get("/")).select_one(".notification-count")
    assert badge.get_text(strip=True).startswith("50")
    # htmx requests get no header, so they skip the count.
    with count_queries() as htmx:
        await client.get("/", headers={"hx-request": "true"})
    assert htmx["queries"] == without - 1


async def test_opening_an_experiment_marks_2_or_50_notifications_read_in_one_update(
    client, employee
):
    actor = await make_user()
    experiment = await make_experiment(employee, status="running")
    url = f"/experiments/{experiment.id}"
    nothing_new = await _queries(client, url)

    async def opened_with(count: int) -> int:
        for _ in range(count):
            await conversation.notify([employee.id], "kudos", experiment.id, actor.id)
        queries = await _queries(client, url)
        assert await conversation.unread_count(employee.id) == 0
        return queries

    few = await opened_with(2)
    assert await opened_with(50) == few
    assert few == nothing_new + 2  # the one UPDATE and its audit entry
