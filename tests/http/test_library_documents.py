"""The search documents' copies of the experiment columns (status, learned, created_at, owner,
cohort), on both databases: every write keeps them equal to the experiment, a search with
words alone lists from them exactly what the experiment table would (the same hits, total and
order, for every kind of user, sort and page), and it reads no experiment rows but the page's."""

from __future__ import annotations

from datetime import UTC, date, datetime
from itertools import product

import pytest
from litestar.testing import AsyncTestClient

from app.experiments.tables import Experiment
from app.library import indexing, search
from app.library.tables import ExperimentSearchDocument
from tests.factories import make_cohort, make_experiment, make_strategy, make_theme, make_user
from tests.http.browser import post_form, sign_in
from tests.http.test_library import indexed_experiment, titles

COPIED = ("status", "created_at", "owner", "cohort")


async def assert_copies_follow_the_experiments() -> None:
    experiments = {
        row["id"]: row
        for row in await Experiment.select(
            Experiment.id,
            Experiment.deleted_at,
            Experiment.learning,
            *(getattr(Experiment, name) for name in COPIED),
        )
    }
    documents = await ExperimentSearchDocument.select()
    assert {row["experiment"] for row in documents} == {
        key for key, row in experiments.items() if row["deleted_at"] is None
    }
    for document in documents:
        experiment = experiments[document["experiment"]]
        assert {name: document[name] for name in COPIED} == {
            name: experiment[name] for name in COPIED
        }
        learned = experiment["status"] == "completed" and experiment["learning"] != ""
        assert bool(document["learned"]) is learned


async def test_the_copies_follow_creates_edits_status_changes_deletes_and_restores(
    client, app, employee
):
    strategy = await make_strategy()
    theme = await make_theme(strategy)
    colleague = await make_user(name="Kaisa Kollega")
    response = await post_form(
        client,
        "/experiments/new",
        {"title": "Pysäköinti", "problem": "Pysäköinti on vaikeaa.", "themes": [str(theme.id)]},
    )
    assert response.status_code == 303
    experiment = await Experiment.objects().where(Experiment.title == "Pysäköinti").first()
    await assert_copies_follow_the_experiments()

    async with AsyncTestClient(app=app, base_url="http://127.0.0.1:8000") as other:
        other.follow_redirects = False
        await sign_in(other, colleague.email)

        async def seen_by_both() -> tuple[list[str], list[str]]:
            url = "/library?q=pysäköinti"
            return titles(await client.get(url)), titles(await other.get(url))

        assert await seen_by_both() == (["Pysäköinti"], [])  # a draft: its owner's alone
        await post_form(
            client,
            f"/experiments/{experiment.id}/sections/result",
            {
                "result": "Opasteet.",
                "outcome": "solved",
                "learning": "Kyltit auttavat.",
                "decision": "adapt",
                "version": "1",
            },  # fmt: skip
        )
        for version, status in enumerate(("planned", "running", "checking", "completed"), 2):
            response = await post_form(
                client,
                f"/experiments/{experiment.id}/status",
                {"status": status, "version": str(version)},
            )
            assert response.status_code == 303, status
            await assert_copies_follow_the_experiments()
            assert await seen_by_both() == (["Pysäköinti"], ["Pysäköinti"])
        document = await ExperimentSearchDocument.objects().first()
        assert (document.status, document.learned) == ("completed", True)

        await post_form(client, f"/experiments/{experiment.id}/delete")
        await assert_copies_follow_the_experiments()
        assert await seen_by_both() == ([], [])
        await post_form(client, f"/experiments/{experiment.id}/restore")
        await assert_copies_follow_the_experiments()
        assert await seen_by_both() == (["Pysäköinti"], ["Pysäköinti"])


async def test_reindex_all_and_index_missing_write_the_copies(employee):
    cohort = await make_cohort()
    await make_experiment(employee, title="Valmis", status="completed", learning="Opimme.")
    await make_experiment(employee, title="Luonnos", status="draft", cohort=cohort.id)
    await make_experiment(employee, title="Poistettu", deleted_at=datetime.now(UTC))
    assert await indexing.index_missing() == 2
    await assert_copies_follow_the_experiments()
    await Experiment.update(status="running").where(Experiment.title == "Luonnos")
    await indexing.reindex_all(batch_size=1)
    await assert_copies_follow_the_experiments()


async def _everyone_and_everything():
    """Experiments that test every visibility rule and every order key: drafts of others, own,
    co-owned and of a led cohort; deleted ones; completed with and without a learning; equal
    creation times (the id decides); kudos."""
    from app.conversation.tables import Kudos

    owner = await make_user(name="Olli Omistaja")
    co_owner = await make_user(name="Kalle Kumppani")
    lead = await make_user(name="Liisa Vetäjä", is_lead=True)
    outsider = await make_user(name="Ulla Ulkopuolinen")
    admin = await make_user(name="Aino Ylläpitäjä", is_admin=True)
    cohort = await make_cohort(leads=[lead])
    same_time = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
    kinds = [
        {"status": "completed", "learning": "Asiakas oppi."},
        {"status": "completed", "learning": ""},
        {"status": "abandoned", "learning": "Asiakkaat eivät tulleet."},
        {"status": "running"},
        {"status": "draft"},
        {"status": "draft", "cohort": cohort.id},
        {"status": "draft", "co_owners": [co_owner]},
        {"status": "running", "deleted_at": same_time},
        {"status": "draft", "owner": outsider},
    ]
    for number in range(27):
        values = dict(kinds[number % len(kinds)])
        author = values.pop("owner", owner)
        experiment = await indexed_experiment(
            author,
            title=f"Asiakaskokeilu {number:02d}",
            # Different lengths and repeats: different scores on both engines.
            problem="Asiakkaat odottavat palvelua. " * (1 + number % 4) + "Jono." * (number % 3),
            created_at=same_time if number % 5 == 0 else datetime(2025, 1, 1 + number, tzinfo=UTC),
            **values,
        )
        for giver in (owner, co_owner, lead)[: number % 4]:
            await Kudos.insert(Kudos(experiment=experiment.id, giver=giver.id))
    return [owner, co_owner, lead, outsider, admin]


@pytest.mark.parametrize("sort", search.SORTS)
async def test_words_alone_list_exactly_what_the_experiment_table_would(sort):
    """The same search with a browse filter that keeps everything (created since 2000) goes
    through the experiment table (words alone, or with statuses, go through the documents): both must give the same total and the same ids in the same
    order, page by page, for every kind of user."""
    people = await _everyone_and_everything()
    searches = [("asiakas", []), ("asiakas jono", []), ("olematon", [])]
    searches += [("asiakas", ["completed"]), ("asiakas", ["draft", "running"])]
    # Pages of 2 lie among the 3 learned hits, across their end, and after them (on SQLite
    # each is its own query); pages of 5 go past the last page.
    for person in people:
        for (query, statuses), (per_page, pages) in product(searches, ((2, 13), (5, 6))):
            fast_ids, slow_ids = [], []
            for page in range(1, pages + 1):
                asked = {"q": query, "sort": sort, "page": page, "status": statuses}
                fast = await search.search(person, search.LibraryFilters(**asked), per_page)
                everything = search.LibraryFilters(**asked, created_from=date(2000, 1, 1))
                slow = await search.search(person, everything, per_page)
                assert (fast.total, fast.page) == (slow.total, slow.page), (person.name, page)
                fast_ids += [row["id"] for row in fast.rows]
                slow_ids += [row["id"] for row in slow.rows]
            assert fast_ids == slow_ids, (person.name, query, statuses, sort, per_page)
    owner, co_owner, lead, outsider, admin = people
    everything = search.LibraryFilters(q="asiakas", sort=sort)
    totals = [(await search.search(person, everything)).total for person in people]
    # 24 not deleted: 12 that are not drafts, 3 drafts of each kind (plain, of the cohort,
    # co-owned: the owner's; the outsider's own). Admins see every one.
    assert totals == [21, 15, 15, 15, 24]


async def test_words_alone_read_no_experiment_rows_but_the_pages(employee):
    """The count and the page come from the documents; only the page's rows are read."""
    from app.db import engine

    await indexed_experiment(employee, title="Asiakas", status="completed", learning="Opimme.")
    statements: list[str] = []
    db_class = type(engine())
    original = db_class.run_querystring

    async def recording(self, querystring, in_pool: bool = True):
        statements.append(querystring.compile_string(engine_type=self.engine_type)[0])
        return await original(self, querystring, in_pool=in_pool)

    db_class.run_querystring = recording
    try:
        found = await search.search(employee, search.LibraryFilters(q="asiakas"))
        completed = search.LibraryFilters(q="asiakas", status=["completed"], sort="kudos")
        found_completed = await search.search(employee, completed)
    finally:
        db_class.run_querystring = original
    assert [row["title"] for row in found.rows + found_completed.rows] == ["Asiakas"] * 2
    listing = [sql for sql in statements if "experiment_search_document" in sql and "hits" in sql]
    assert listing and not any('"experiment"."' in sql for sql in listing)
