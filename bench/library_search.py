"""Learning library search at scale: fills a throwaway database (SQLite, or PostgreSQL when
DATABASE_URL points at a server) with the demo city plus N experiments whose texts are the demo
experiments' Finnish texts (deterministic seed), rebuilds the search index with
`reindex_all` (as `kokeilu reindex` does) and prints p50/p95 of searches and of similar
experiments at each size.

    uv run python bench/library_search.py [--sizes 10000,100000] [--repeats 5]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres uv run python bench/library_search.py
    uv run python bench/library_search.py --database-url sqlite:////path/copy.sqlite3 \
        --users hr,employee --repeats 10

Times are of the service calls a page makes (the queries, snippets and lemmatisation), not of
HTTP and template rendering; bench/pages.py measures whole pages.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import os
import random
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES = [
    "asiakas",  # very common: most experiments
    "asiakkaille palvelujen",  # two inflected words
    "ajanvaraus",
    "nuorten",
    "digituki kirjastossa",
    "olematonsana",  # no hits
    "varaus",  # a compound part: ajanvaraus, ajanvarausjärjestelmä
    "palvelu",  # a whole word and a common compound part
]
SIMILAR_TEXT = "Ikäihmiset eivät osaa käyttää sähköisiä palveluja kirjastossa."


def prepare_database() -> tuple[str, dict[str, str]]:
    """A migrated database with the demo city; its URL and the environment to use it."""
    from tests.database import create_test_database

    url = create_test_database(prefix="kokeilu_bench")
    env = {**os.environ, "DATABASE_URL": url, "LOG_LEVEL": "WARNING"}
    for command in (["migrate"], ["demo-data"]):
        subprocess.run([sys.executable, "-m", "app.cli", *command], cwd=ROOT, env=env, check=True)
    return url, env


async def fill(count: int, seed: int) -> None:
    """Add `count` experiments built from the demo experiments' texts, in bulk."""
    from app.accounts.tables import User
    from app.db import write_transaction
    from app.demo.experiment_builder import build_experiments
    from app.experiments.tables import Experiment, ExperimentDepartment
    from app.organisation.tables import Department

    rng = random.Random(seed)
    specs = build_experiments()
    users = [row["id"] for row in await User.select(User.id).order_by(User.id)]
    departments = [
        row["id"] for row in await Department.select(Department.id).order_by(Department.id)
    ]
    start = datetime(2023, 1, 1, tzinfo=UTC)
    batch = 1000  # PostgreSQL takes at most 32767 parameters per statement
    for offset in range(0, count, batch):
        rows = []
        for number in range(offset, min(count, offset + batch)):
            spec = rng.choice(specs)
            completed = rng.random() < 0.4
            created = start + timedelta(minutes=number * 3)
            rows.append(
                Experiment(
                    title=f"{spec.title} ({number})",
                    owner=rng.choice(users),
                    problem=spec.problem,
                    hypothesis=spec.hypothesis,
                    plan=spec.plan,
                    status="completed" if completed else rng.choice(["draft", "running"]),
                    result=spec.result if completed else "",
                    learning=spec.learning if completed else "",
                    created_at=created,
                    updated_at=created,
                )
            )
        async with write_transaction():
            inserted = await Experiment.insert(*rows).returning(Experiment.id)
            await ExperimentDepartment.insert(
                *(
                    ExperimentDepartment(experiment=row["id"], department=rng.choice(departments))
                    for row in inserted
                )
            )


async def measure(label: str, call, repeats: int) -> None:
    from app.db import shared_read_connection

    timings = []
    await call()  # warm the caches once, as a running server has
    for _ in range(repeats):
        started = time.perf_counter()
        async with shared_read_connection():  # as the server runs a GET request
            await call()
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    print(f"  {label:<62} p50 {statistics.median(timings):7.1f} ms   p95 {p95:7.1f} ms")


USERS = {
    "hr": "nina.holopainen@varkaus.example",  # the HR director
    "employee": "tyontekija@varkaus.example",
}


async def measure_searches(users: list[str], repeats: int) -> None:
    """Every search of QUERIES and the other page kinds, as each of these users. With each
    search, a digest of its first page's ids and the total, to check that a change keeps the
    same hits in the same order."""
    from app.accounts.tables import User
    from app.db import engine

    # As the server runs (app.main's lifespan): on PostgreSQL through a connection pool, not a
    # new connection per query (which alone added some 10 ms a query).
    pooled = engine().engine_type == "postgres"
    if pooled:
        await engine().start_connection_pool()
    try:
        for name in users:
            print(f"as {name}:")
            person = await User.objects().where(User.email == USERS[name]).first()
            await measure_user(person, repeats)
    finally:
        if pooled:
            await engine().close_connection_pool()


async def measure_user(user: Any, repeats: int) -> None:
    from app.library import search

    cases = [(f"search {query!r}", {"q": query}) for query in QUERIES] + [
        ("search 'asiakas', sort newest, page 50", {"q": "asiakas", "sort": "newest", "page": 50}),
        ("search 'asiakas', sort relevance", {"q": "asiakas", "sort": "relevance"}),
        ("search 'asiakas', sort kudos", {"q": "asiakas", "sort": "kudos"}),
        ("search 'asiakas', status completed", {"q": "asiakas", "status": ["completed"]}),
        ("no words (learnings first), page 1", {}),
    ]
    for label, values in cases:
        filters = search.LibraryFilters(**values)
        result = await search.search(user, filters)
        ids = ",".join(str(row["id"]) for row in result.rows)
        digest = hashlib.sha256(f"{result.total}:{ids}".encode()).hexdigest()[:8]
        await measure(
            f"{label} ({result.total:,} hits, {digest})",
            lambda f=filters: search.search(user, f),
            repeats,
        )
    await measure(
        "similar experiments while writing",
        lambda: search.similar(user, SIMILAR_TEXT, [user.department]),
        repeats,
    )


def memory(label: str) -> None:
    """This process's resident memory now and at its peak (Linux)."""
    status = Path("/proc/self/status")
    if status.exists():
        values = dict(
            line.split(":", 1) for line in status.read_text().splitlines() if line.startswith("Vm")
        )
        print(f"memory {label}: RSS {values['VmRSS'].strip()}, peak {values['VmHWM'].strip()}")


def warm_up() -> None:
    """Load the dictionaries (and the compound analyser, where the code has one), timed."""
    from app.library import indexing

    memory("before the dictionaries")
    started = time.perf_counter()
    indexing.warm_up()
    try:
        from app.library.compounds import analyser

        name = analyser()[0]
    except ImportError:  # code from before compound parts
        name = "none"
    print(f"dictionaries and compound analyser ({name}) in {time.perf_counter() - started:.1f} s")
    memory("after")


async def run(sizes: list[int], repeats: int, users: list[str]) -> None:
    from app.db import write_transaction
    from app.experiments.tables import Experiment
    from app.library import indexing

    warm_up()
    have = await Experiment.count()
    for number, size in enumerate(sizes):
        if size > have:
            started = time.perf_counter()
            await fill(size - have, seed=size)
            print(f"filled {size - have:,} experiments in {time.perf_counter() - started:.1f} s")
            have = size
        started = time.perf_counter()
        if number == 0:  # the whole rebuild, as `kokeilu reindex`
            indexed = await indexing.reindex_all(batch_size=1000)
        else:  # then only what was added
            async with write_transaction():
                indexed = await indexing.index_missing()
        seconds = time.perf_counter() - started
        print(f"indexed {indexed:,} experiments in {seconds:.1f} s ({indexed / seconds:.0f}/s)")
        memory("after indexing")
        print(f"{size:,} experiments:")
        await measure_searches(users, repeats)


async def run_existing(repeats: int, users: list[str]) -> None:
    from app.experiments.tables import Experiment

    warm_up()
    print(f"{await Experiment.count():,} experiments:")
    await measure_searches(users, repeats)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--users", default="hr", help="comma-separated: hr, employee")
    parser.add_argument(
        "--database-url",
        help="measure this existing, migrated and indexed database as it is (no fill, no "
        "reindex, not dropped), e.g. a copy of one made by `kokeilu demo-data --experiments`",
    )
    args = parser.parse_args()
    users = args.users.split(",")
    if args.database_url:
        os.environ.update({"DATABASE_URL": args.database_url, "LOG_LEVEL": "WARNING"})
        print(f"database: {args.database_url.split('://')[0]}")
        asyncio.run(run_existing(args.repeats, users))
        return
    url, env = prepare_database()
    print(f"database: {url.split('://')[0]}")
    os.environ.update(env)
    try:
        asyncio.run(run([int(size) for size in args.sizes.split(",")], args.repeats, users))
    finally:
        from tests.database import drop_test_database

        drop_test_database(url)


if __name__ == "__main__":
    main()
