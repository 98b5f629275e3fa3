"""The learning library on both databases: inflected Finnish words find experiments, drafts of
others never appear, snippets are escaped, the index follows every write, `kokeilu reindex`
rebuilds it, similar experiments come from other departments, and the page uses a fixed
number of queries."""

from __future__ import annotations

from urllib.parse import parse_qs

from click.testing import CliRunner
from litestar.testing import AsyncTestClient
from piccolo.querystring import QueryString

from app.experiments.tables import Experiment
from app.library import indexing
from app.library.tables import ExperimentSearchDocument
from tests.factories import make_department, make_experiment, make_strategy, make_theme, make_user
from tests.http.browser import page, post_form, sign_in
from tests.http.query_counter import count_queries


def titles(response) -> list[str]:
    return [a.get_text() for a in page(response).select("#results .experiment-card__title a")]


async def indexed_experiment(owner, **values):
    experiment = await make_experiment(owner, **values)
    await indexing.reindex_experiment(experiment.id)
    return experiment


async def _library_world():
    owner = await make_user(name="Olli Omistaja")
    await indexed_experiment(
        owner,
        title="Takaisinsoitto ruuhkaan",
        problem="Asiakkaiden puhelut jäävät jonoon.",
        status="completed",
        learning="Soittopyyntö rauhoitti ruuhkan.",
    )
    await indexed_experiment(
        owner,
        title="Kirjaston opastus",
        problem="Opastamme asiakkaille sähköisten palvelujen käyttöä.",
        status="running",
    )
    await indexed_experiment(
        owner, title="Katuvalot", problem="Valot palavat turhaan.", status="running"
    )
    await indexed_experiment(
        owner, title="Salainen luonnos", problem="Asiakas odottaa.", status="draft"
    )
    return owner


async def test_inflected_finnish_words_find_the_experiments(client, employee):
    await _library_world()
    found = set(titles(await client.get("/library?q=asiakas")))
    assert found == {"Takaisinsoitto ruuhkaan", "Kirjaston opastus"}
    assert titles(await client.get("/library?q=palvelu")) == ["Kirjaston opastus"]
    assert titles(await client.get("/library?q=asiakkaat+palvelujen")) == ["Kirjaston opastus"]
    assert titles(await client.get("/library?q=soittopyynnöt")) == ["Takaisinsoitto ruuhkaan"]
    assert titles(await client.get("/library?q=olematon")) == []
    # Without words: everything visible, completed experiments with learnings first.
    everything = titles(await client.get("/library"))
    assert everything[0] == "Takaisinsoitto ruuhkaan"
    assert set(everything) == {"Takaisinsoitto ruuhkaan", "Kirjaston opastus", "Katuvalot"}


async def test_swedish_and_english_experiments_are_found_by_their_own_lemmas(client, employee):
    owner = await make_user()
    await indexed_experiment(
        owner,
        title="Kvällsöppet bibliotek",
        problem="Kunderna hinner inte till biblioteket under dagen.",
        status="running",
    )
    await indexed_experiment(
        owner,
        title="Evening library",
        problem="Customers cannot reach the libraries during the day.",
        status="running",
    )
    assert titles(await client.get("/library?q=kund")) == ["Kvällsöppet bibliotek"]
    assert titles(await client.get("/library?q=library")) == ["Evening library"]
    documents = await ExperimentSearchDocument.select(ExperimentSearchDocument.language)
    assert sorted(row["language"] for row in documents) == ["en", "sv"]


async def test_drafts_of_others_are_never_found(client, app, employee):
    owner = await _library_world()
    assert "Salainen luonnos" not in titles(await client.get("/library?q=asiakas"))
    assert "Salainen luonnos" not in titles(await client.get("/library?q=luonnos&status=draft"))
    async with AsyncTestClient(app=app, base_url="http://127.0.0.1:8000") as owner_client:
        owner_client.follow_redirects = False
        await sign_in(owner_client, owner.email)
        assert "Salainen luonnos" in titles(await owner_client.get("/library?q=asiakas"))


async def test_results_combine_with_the_browse_filters(client, employee):
    strategy = await make_strategy()
    theme = await make_theme(strategy)
    department = await make_department()
    owner = await make_user()
    await indexed_experiment(
        owner,
        title="Teemalla",
        problem="Asiakkaille neuvontaa.",
        status="running",
        themes=[theme],
        departments=[department],
    )
    await indexed_experiment(
        owner, title="Ilman teemaa", problem="Asiakkaille neuvontaa.", status="running"
    )
    assert titles(await client.get(f"/library?q=asiakas&theme={theme.id}")) == ["Teemalla"]
    assert titles(await client.get(f"/library?q=asiakas&department={department.id}")) == [
        "Teemalla"
    ]
    assert len(titles(await client.get("/library?q=asiakas&status=running"))) == 2
    assert titles(await client.get("/library?q=asiakas&status=completed")) == []
    soup = page(await client.get("/library"))
    # The browse page's filter form, shared (not copied).
    assert soup.select_one(f"details.browse__more #filter-theme-{theme.id}") is not None
    assert soup.select_one("#library-sort option[value=kudos]") is not None


async def test_most_kudos_sort_counts_only_kudos_that_are_not_withdrawn(client, employee):
    from datetime import UTC, datetime

    from app.conversation.tables import Kudos

    owner = await make_user()
    few = await indexed_experiment(
        owner, title="Vähän kiitoksia", problem="Asiakkaille.", status="running"
    )
    many = await indexed_experiment(
        owner, title="Paljon kiitoksia", problem="Asiakkaille.", status="running"
    )
    withdrawn = await indexed_experiment(
        owner, title="Perutut kiitokset", problem="Asiakkaille.", status="running"
    )
    givers = [await make_user() for _ in range(3)]
    await Kudos.insert(
        Kudos(experiment=few.id, giver=givers[0].id),
        *(Kudos(experiment=many.id, giver=giver.id) for giver in givers[:2]),
        *(
            Kudos(experiment=withdrawn.id, giver=giver.id, deleted_at=datetime.now(UTC))
            for giver in givers
        ),
    )  # fmt: skip

    assert titles(await client.get("/library?q=asiakas&sort=kudos")) == [
        "Paljon kiitoksia", "Vähän kiitoksia", "Perutut kiitokset",
    ]  # fmt: skip


async def test_snippets_escape_html_and_mark_the_words(client, employee):
    owner = await make_user()
    await indexed_experiment(
        owner,
        title="<script>alert(1)</script> asiakkaat",
        problem="Asiakkaiden <img src=x onerror=alert(1)> palaute.",
        status="completed",
        learning="Kysy **asiakkailta** ensin.",
    )
    response = await client.get("/library?q=asiakas")
    assert "<script>alert(1)" not in response.text
    assert "<img src=x" not in response.text
    assert "&lt;img src=x onerror=alert(1)&gt;" in response.text
    card = page(response).select_one(".library-card")
    marks = [mark.get_text() for mark in card.select("mark")]
    assert "asiakkaat" in marks and "Asiakkaiden" in marks and "asiakkailta" in marks


async def test_the_index_follows_edits_status_changes_deletes_and_restores(client, employee):
    strategy = await make_strategy()
    theme = await make_theme(strategy)
    response = await post_form(
        client,
        "/experiments/new",
        {"title": "Uusi kokeilu", "problem": "Pysäköinti on vaikeaa.", "themes": [str(theme.id)]},
    )
    assert response.status_code == 303
    experiment = await Experiment.objects().where(Experiment.title == "Uusi kokeilu").first()
    assert titles(await client.get("/library?q=pysäköinnin")) == ["Uusi kokeilu"]

    await post_form(
        client,
        f"/experiments/{experiment.id}/sections/description",
        {"problem": "Asiakkaat eivät löydä neuvontaan.", "hypothesis": "", "version": "1"},
    )
    assert titles(await client.get("/library?q=pysäköinti")) == []
    assert titles(await client.get("/library?q=neuvonta")) == ["Uusi kokeilu"]

    await post_form(
        client,
        f"/experiments/{experiment.id}/sections/result",
        {"result": "Opasteet lisättiin.", "learning": "Kyltit auttavat vierailijoita.",
         "version": "2"},
    )  # fmt: skip
    assert titles(await client.get("/library?q=kyltti")) == ["Uusi kokeilu"]
    response = await post_form(
        client, f"/experiments/{experiment.id}/status", {"status": "planned", "version": "3"}
    )
    assert response.status_code == 303
    assert titles(await client.get("/library?q=vierailija")) == ["Uusi kokeilu"]

    await post_form(client, f"/experiments/{experiment.id}/delete")
    assert titles(await client.get("/library?q=kyltti")) == []
    assert await ExperimentSearchDocument.count() == 0
    await post_form(client, f"/experiments/{experiment.id}/restore")
    assert titles(await client.get("/library?q=kyltti")) == ["Uusi kokeilu"]


async def test_reindex_command_rebuilds_everything(client, employee):
    owner = await make_user()
    first = await make_experiment(owner, title="Ensimmäinen", problem="Asiakkaiden jono.",
                                  status="running")  # fmt: skip
    await make_experiment(owner, title="Poistettu", problem="Asiakkaat.", status="running",
                          deleted_at=first.created_at)  # fmt: skip
    await ExperimentSearchDocument.insert(
        ExperimentSearchDocument(experiment=first.id, lemmas="vanhentunut")
    )
    assert titles(await client.get("/library?q=asiakas")) == []  # stale index

    from app.cli import main

    result = await _invoke_cli(main, ["reindex", "--batch-size", "1"])
    assert result.exit_code == 0, result.output
    assert "Indexed 1 / 2 experiments" in result.output
    assert "Search index rebuilt: 2 experiment(s)." in result.output
    assert titles(await client.get("/library?q=asiakas")) == ["Ensimmäinen"]
    assert await ExperimentSearchDocument.count() == 1  # none for the deleted one


async def _invoke_cli(command, args):
    """Click runs the command's own asyncio.run; do it in a thread, off the test's loop."""
    import asyncio

    return await asyncio.to_thread(CliRunner().invoke, command, args)


async def test_similar_experiments_come_from_other_departments_only(client, app):
    mine, other, third = (
        await make_department(name_fi="Kirjasto"),
        await make_department(name_fi="Sosiaalipalvelut"),
        await make_department(name_fi="Nuorisotyö"),
    )
    me = await make_user(department=mine.id)
    colleague = await make_user(department=other.id)
    await sign_in(client, me.email)
    mine_experiment = await indexed_experiment(
        me,
        title="Digituki ikäihmisille",
        problem="Ikäihmiset eivät osaa käyttää sähköisiä palveluja.",
        status="running",
        departments=[mine],
    )
    await indexed_experiment(
        me, title="Oman yksikön digiopastus", problem="Ikäihmisten sähköiset palvelut.",
        status="running", departments=[mine],
    )  # fmt: skip
    await indexed_experiment(
        colleague, title="Sähköinen asiointi tutuksi", problem="Ikäihmisille sähköiset palvelut.",
        status="completed", learning="Vertaisopastus toimii.", departments=[other],
    )  # fmt: skip
    await indexed_experiment(
        colleague, title="Luonnos toisaalla", problem="Ikäihmisten sähköiset palvelut.",
        status="draft", departments=[other],
    )  # fmt: skip
    await indexed_experiment(
        colleague, title="Yhteinen kokeilu", problem="Ikäihmisten sähköiset palvelut.",
        status="running", departments=[other, mine],
    )  # fmt: skip
    await indexed_experiment(
        colleague, title="Lumityöt", problem="Lunta on paljon.", status="running",
        departments=[third],
    )  # fmt: skip

    def similar_titles(response) -> list[str]:
        return [a.get_text() for a in page(response).select(".library-similar a")]

    panel = await client.get(
        f"/library/similar/{mine_experiment.id}", headers={"HX-Request": "true"}
    )
    assert panel.status_code == 200 and "<html" not in panel.text
    assert similar_titles(panel) == ["Sähköinen asiointi tutuksi"]
    # While writing a new experiment: same rules, by the writer's own department.
    writing = await client.get(
        "/library/similar",
        params={"title": "Opastusta", "problem": "Ikäihmiset ja sähköiset palvelut"},
        headers={"HX-Request": "true"},
    )
    assert similar_titles(writing) == ["Sähköinen asiointi tutuksi"]
    assert similar_titles(await client.get("/library/similar?text=")) == []
    # Without JavaScript the link opens a page of its own.
    full = await client.get(f"/library/similar/{mine_experiment.id}")
    assert "<html" in full.text and "Sähköinen asiointi tutuksi" in full.text
    # The experiment page loads the panel lazily.
    detail = page(await client.get(f"/experiments/{mine_experiment.id}"))
    lazy = detail.select_one("#similar-experiments")
    assert lazy["hx-get"] == f"/library/similar/{mine_experiment.id}"
    assert "revealed" in lazy["hx-trigger"]
    # Someone who may not see an experiment gets no similar list for it either.
    draft = await indexed_experiment(colleague, title="Piilossa", status="draft")
    assert (await client.get(f"/library/similar/{draft.id}")).status_code == 404


async def test_search_uses_a_fixed_number_of_queries(client, employee):
    strategy = await make_strategy()
    theme = await make_theme(strategy)
    department = await make_department()

    async def populate(count: int) -> None:
        for number in range(count):
            await indexed_experiment(
                employee, title=f"Asiakaskokeilu {number}",
                problem="Asiakkaiden palvelujen jonot.", status="completed",
                learning="Asiakkaille tiedote.", themes=[theme], departments=[department],
            )  # fmt: skip

    async def counted(url: str):
        # Once before counting: the session's "last seen" write happens then, not in the
        # counted request.
        await client.get(url)
        with count_queries() as counter:
            response = await client.get(url)
        return response, counter["queries"]

    # More learned hits than a page holds: the first page, fetched beside the count as if it
    # were all learned hits, needs no second try (see search.Listing.page).
    await populate(25)
    first, few = await counted("/library?q=asiakas+palvelu")
    await populate(175)
    response, many = await counted("/library?q=asiakas+palvelu")
    assert len(titles(first)) == 20 and len(titles(response)) == 20
    assert few == many
    assert (await counted("/library?page=3"))[1] == (await counted("/library?page=9"))[1]


async def test_pages_keep_the_search_and_htmx_gets_only_the_results(client, employee):
    for number in range(25):
        await indexed_experiment(
            employee, title=f"Palvelu {number:02d}", problem="Palvelujen kehitys.",
            status="running",
        )  # fmt: skip
    first = await client.get("/library?q=palvelu&sort=newest")
    assert len(titles(first)) == 20
    next_link = page(first).select_one('a[rel="next"]')["href"]
    assert parse_qs(next_link.lstrip("?")) == {"q": ["palvelu"], "sort": ["newest"], "page": ["2"]}
    second = await client.get(
        "/library?q=palvelu&sort=newest&page=2", headers={"HX-Request": "true"}
    )
    assert "<html" not in second.text and len(titles(second)) == 5
    # Bad values in a shared link do not break the page.
    assert (await client.get("/library?sort=bogus&page=-1&theme=x")).status_code == 200


async def test_the_library_needs_sign_in_and_is_in_the_navigation(client, employee):
    nav = page(await client.get("/library")).select_one("nav.site-nav")
    assert nav.select_one('a[href="/library"][aria-current="page"]') is not None
    async with AsyncTestClient(app=client.app, base_url="http://127.0.0.1:8000") as anonymous:
        anonymous.follow_redirects = False
        assert (await anonymous.get("/library")).status_code in (302, 303, 401)
        assert (await anonymous.get("/library/similar?text=x")).status_code in (302, 303, 401)


async def test_the_demo_loader_indexes_its_experiments(client, employee):
    from app.demo.loader import load_demo_data

    await load_demo_data()
    alive = await Experiment.count().where(Experiment.deleted_at.is_null())
    assert alive >= 100
    assert await ExperimentSearchDocument.count() == alive
    assert titles(await client.get("/library?q=asiakkaiden"))


async def test_both_databases_index_exactly_the_lemmas_written(client, employee):
    """The database's own tokeniser must not change the terms: what FTS5 / to_tsvector make
    of the lemma string is the same set of words, also for digits, accents and odd signs."""
    from piccolo.querystring import QueryString

    from app.db import engine

    owner = await make_user()
    experiment = await indexed_experiment(
        owner,
        title="Äidit ja café-käynnit 2026",
        problem="E-asiointi x² ½ naïve ÅÄÖ 3.5 km/h asiakkaiden_palaute ÆØ ß İstanbul",
        status="running",
    )
    document = await ExperimentSearchDocument.select().first()
    expected = set(document["lemmas"].split())
    db = engine()
    if db.engine_type == "sqlite":
        async with db.transaction():  # one connection: the vocabulary table is temporary
            await db.run_querystring(
                QueryString(
                    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms "
                    "USING fts5vocab(main, experiment_search_fts, 'instance')"
                )
            )
            rows = await db.run_querystring(
                QueryString("SELECT term FROM temp.search_terms WHERE doc = {}", experiment.id)
            )
    else:
        rows = await db.run_querystring(
            QueryString(
                "SELECT unnest(tsvector_to_array(lemma_vector)) AS term "
                "FROM experiment_search_document WHERE experiment = {}",
                experiment.id,
            )
        )
    assert {row["term"] for row in rows} == expected


async def test_total_comes_with_the_page_and_a_page_past_the_last_shows_the_last(employee):
    """With words the total is counted in the same query as the page (a window count); it must
    equal a plain count, also with drafts of others left out, and a page number past the end
    (or no hits at all) falls back to a count."""
    from app.library import search

    colleague = await make_user(name="Kaisa Kollega")
    for number in range(23):
        await indexed_experiment(
            employee, title=f"Palvelu {number:02d}", problem="Palvelujen kehitys.",
            status="running" if number % 2 else "completed",
        )  # fmt: skip
    await indexed_experiment(colleague, title="Palvelu luonnos", status="draft")
    first = await search.search(employee, search.LibraryFilters(q="palvelu"), per_page=10)
    assert (first.total, first.pages, first.page, len(first.rows)) == (23, 3, 1, 10)
    past = await search.search(employee, search.LibraryFilters(q="palvelu", page=7), per_page=10)
    assert (past.total, past.page, len(past.rows)) == (23, 3, 3)
    assert {row["title"] for row in past.rows} <= {f"Palvelu {n:02d}" for n in range(23)}
    completed = search.LibraryFilters(q="palvelu", status=["completed"])
    assert (await search.search(employee, completed, per_page=10)).total == 12
    nothing = await search.search(employee, search.LibraryFilters(q="olematonsana"))
    assert (nothing.total, nothing.pages, nothing.rows) == (0, 1, [])


async def test_newest_order_with_words_needs_no_ranking_but_keeps_every_hit(employee):
    """The newest order reads the hits without scores; it is still every hit, newest first."""
    from datetime import UTC, datetime, timedelta

    from app.library import search

    start = datetime(2025, 1, 1, tzinfo=UTC)
    for number in range(5):
        await indexed_experiment(
            employee, title=f"Palvelu {number}", problem="Palvelujen kehitys." * (number + 1),
            status="running", created_at=start + timedelta(days=(number * 3) % 5),
        )  # fmt: skip
    await indexed_experiment(employee, title="Katuvalot", status="running")
    newest = await search.search(employee, search.LibraryFilters(q="palvelu", sort="newest"))
    days = [(row["created_at"] - start).days for row in newest.rows]
    assert newest.total == 5 and days == sorted(days, reverse=True) == [4, 3, 2, 1, 0]


async def test_a_rebuild_refreshes_postgresql_planner_statistics(employee):
    """After reindex_all PostgreSQL has fresh statistics for the search tables (without them the
    planner takes the rebuilt index for a small one and plans the search poorly)."""
    import pytest

    from app.db import engine

    if engine().engine_type != "postgres":
        pytest.skip("planner statistics are refreshed on PostgreSQL only")
    await indexed_experiment(employee, title="Palvelu", status="running")
    await indexing.reindex_all()
    rows = await engine().run_querystring(
        QueryString(
            "SELECT relname, last_analyze FROM pg_stat_user_tables "
            "WHERE relname IN ('experiment', 'experiment_search_document')"
        )
    )
    assert {row["relname"] for row in rows if row["last_analyze"] is not None} == {
        "experiment",
        "experiment_search_document",
    }
