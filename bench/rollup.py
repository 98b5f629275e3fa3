"""The strategy rollup page at the demo size and with 10,000 and 100,000 experiments: prints the
median (p50) and p95 server time of GET /rollup (and of the XLSX export) as the HR director.

    uv run python bench/rollup.py                       # SQLite: demo, 10k, 100k
    uv run python bench/rollup.py --sizes 0 10000       # 0 = the demo data only
    uv run python bench/rollup.py --postgres postgres://postgres@127.0.0.1:5432/kokeilu_bench

Experiments are added with Piccolo bulk inserts (so the same generator fills SQLite and
PostgreSQL), deterministically (seed 1): statuses, outcomes and decisions, 1-3 themes,
1-2 departments, co-owners, creation times over three years and completion times after them.
The timings come from the server's own request log (`ms`), so the network is not counted.
"Cold" asks a new question each time (nothing cached); "warm" repeats one (see
app/rollups/cache.py)."""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.demo_database import _free_port  # noqa: E402

HR_DIRECTOR = "nina.holopainen@varkaus.example"
PASSWORD = "kokeilu-demo-2026"  # noqa: S105 - the demo sign-in, printed by `kokeilu demo-data`
CHUNK = 1_000  # PostgreSQL takes at most 32,767 parameters per query
# "cold": every request asks for a different period (a new end date), so nothing is reused;
# "warm": the same page again, answered from the rollup cache after a data-version check.
CASES = [
    (
        "GET /rollup, whole strategy, cold",
        lambda n: f"/rollup?end=2030-12-{31 - n % 28:02d}&start=2022-{1 + n // 28:02d}-01",
    ),
    ("GET /rollup, whole strategy, warm", lambda n: "/rollup"),
    (
        "GET /rollup, one year + department, cold",
        lambda n: f"/rollup?start=2025-01-01&end=2025-12-{31 - n % 28:02d}&department=1",
    ),
    ("GET /rollup/export.xlsx, warm", lambda n: "/rollup/export.xlsx"),
]


def _cli(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "app.cli", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )


async def add_experiments(count: int, seed: int = 1) -> None:
    from app.accounts.tables import User
    from app.experiments.tables import (
        Experiment,
        ExperimentCoOwner,
        ExperimentDepartment,
        ExperimentTheme,
    )
    from app.experiments.vocabulary import DECISIONS, OUTCOMES
    from app.organisation.tables import Department
    from app.strategy.tables import Strategy, Theme

    rng = random.Random(seed)
    users = [row["id"] for row in await User.select(User.id)]
    departments = [row["id"] for row in await Department.select(Department.id)]
    strategy = await Strategy.select(Strategy.id).where(Strategy.is_current.eq(True)).first()
    themes = [
        row["id"] for row in await Theme.select(Theme.id).where(Theme.strategy == strategy["id"])
    ]
    statuses = ["draft", "planned", "running", "checking", "completed", "completed", "abandoned"]
    start = datetime(2023, 1, 1, tzinfo=UTC)
    span_minutes = 3 * 365 * 24 * 60
    done = 0
    while done < count:
        batch = []
        for _ in range(min(CHUNK, count - done)):
            created = start + timedelta(minutes=rng.randrange(span_minutes))
            status = rng.choice(statuses)
            outcome = rng.choice(list(OUTCOMES)) if status in ("completed", "abandoned") else None
            batch.append(
                Experiment(
                    title=f"Kokeilu {done + len(batch)}: asiakaspalvelun parantaminen",
                    owner=rng.choice(users),
                    strategy=strategy["id"],
                    problem="Asiakkaat odottavat liian kauan.",
                    status=status,
                    outcome=outcome,
                    decision=rng.choice(list(DECISIONS)) if outcome else None,
                    created_at=created,
                    updated_at=created,
                    completed_at=created + timedelta(days=rng.randrange(5, 240))
                    if status == "completed"
                    else None,
                )
            )
        ids = [row["id"] for row in await Experiment.insert(*batch).returning(Experiment.id)]
        await ExperimentTheme.insert(
            *(
                ExperimentTheme(experiment=eid, theme=theme)
                for eid in ids
                for theme in rng.sample(themes, rng.choice([1, 1, 2, 3]))
            )
        )
        await ExperimentDepartment.insert(
            *(
                ExperimentDepartment(experiment=eid, department=department)
                for eid in ids
                for department in rng.sample(departments, rng.choice([1, 1, 1, 2]))
            )
        )
        co_owners = [eid for eid in ids if rng.random() < 0.3]
        if co_owners:
            await ExperimentCoOwner.insert(
                *(ExperimentCoOwner(experiment=eid, user=rng.choice(users)) for eid in co_owners)
            )
        done += len(ids)


async def _analyze() -> None:
    from app.db import engine
    from app.experiments.tables import Experiment

    await Experiment.raw("ANALYZE")
    del engine


def prepare(database_url: str, extra: int) -> dict[str, str]:
    data_dir = Path(tempfile.mkdtemp(prefix="kokeilu_bench_rollup_"))
    env = {
        **os.environ,
        "DATA_DIR": str(data_dir),
        "DATABASE_URL": database_url,
        "LOG_LEVEL": "INFO",
    }
    _cli(env, "migrate")
    _cli(env, "demo-data")
    if extra:
        code = (
            "import asyncio, sys; sys.path.insert(0, '.');"
            "from bench.rollup import add_experiments, _analyze;"
            f"asyncio.run(add_experiments({extra})); asyncio.run(_analyze())"
        )
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)
    return env


def measure(env: dict[str, str], requests: int) -> dict[str, list[float]]:
    port = _free_port()
    log = Path(env["DATA_DIR"]) / "server.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory"]
            + ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    issued: list[str] = []
    try:
        for _ in range(200):
            try:
                if httpx.get(f"{base}/health").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        with httpx.Client(base_url=base, timeout=120) as client:
            client.get("/sign-in")
            client.post(
                "/sign-in",
                data={
                    "email": HR_DIRECTOR,
                    "password": PASSWORD,
                    "next": "/",
                    "_csrf_token": client.cookies.get("kokeilu_csrf"),
                },
            )
            for label, path in CASES:
                for number in range(requests + 1):  # the first one warms up
                    url = path(number)
                    assert client.get(url).status_code == 200, url
                    issued.append(label if number else "")
    finally:
        server.terminate()
        server.wait()
    # The server logs each request with its own duration (ms), in the order they came.
    logged = [
        _parse_keyvalue(line)
        for line in log.read_text().splitlines()
        if "event='request'" in line and "path='/rollup" in line
    ]
    timings: dict[str, list[float]] = {}
    for label, event in zip(issued, logged, strict=True):
        if label:
            timings.setdefault(label, []).append(float(str(event["ms"])))
    return timings


def _parse_keyvalue(line: str) -> dict[str, object]:
    """structlog's key=value lines: path='/rollup' status=200 ms=12.3"""
    values: dict[str, object] = {}
    for part in line.split():
        if "=" in part:
            key, _, value = part.partition("=")
            values[key] = value.strip("'\"")
    return values


def _postgres_tool(*args: str) -> None:
    command = [*args[:1], "-h", "127.0.0.1", "-U", "postgres", *args[1:]]
    subprocess.run(command, check=True)  # noqa: S603 - PostgreSQL's client tools, no shell


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[0, 10_000, 100_000])
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--postgres", help="a PostgreSQL URL whose database may be emptied")
    args = parser.parse_args()
    for size in args.sizes:
        if args.postgres:
            url = args.postgres
            database = url.rsplit("/", 1)[1]
            _postgres_tool("dropdb", "--if-exists", database)
            _postgres_tool("createdb", database)
        else:
            url = f"sqlite:///{tempfile.mkdtemp(prefix='kokeilu_bench_db_')}/bench.sqlite3"
        started = time.perf_counter()
        env = prepare(url, size)
        engine = "PostgreSQL" if url.startswith("postgres") else "SQLite"
        label = f"demo + {size:,}" if size else "demo"
        print(f"{engine}, {label} experiments: ready in {time.perf_counter() - started:.0f} s")
        for path, values in measure(env, args.requests).items():
            print(
                f"  {path:<42} p50 {statistics.median(values):7.1f} ms"
                f"   p95 {percentile(values, 0.95):7.1f} ms   (n={len(values)})"
            )


if __name__ == "__main__":
    main()
