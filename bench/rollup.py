"""The strategy rollup page at the demo size and with 10,000 and 100,000 experiments: prints the
median (p50) and p95 server time of GET /rollup (and of the XLSX export) as the HR director.

    uv run python bench/rollup.py                       # SQLite: demo, 10k, 100k
    uv run python bench/rollup.py --sizes 0 10000       # 0 = the demo data only
    uv run python bench/rollup.py --postgres postgres://postgres@127.0.0.1:5432/kokeilu_bench

    uv run python bench/rollup.py --database-url sqlite:////tmp/k/bench.sqlite3   # as it is

Experiments are added by `kokeilu demo-data --experiments N` (app/demo/bulk.py: Piccolo bulk
inserts, so the same generator fills SQLite and PostgreSQL, deterministically, seed 1).
The timings come from the server's own request log (`ms`), so the network is not counted.
"Cold" asks a new question each time (nothing cached); "warm" repeats one (see
app/rollups/cache.py)."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.demo_database import _free_port, wait_until_ready  # noqa: E402

HR_DIRECTOR = "nina.holopainen@varkaus.example"
PASSWORD = "kokeilu-demo-2026"  # noqa: S105 - the demo sign-in, printed by `kokeilu demo-data`
WARM_UP = 3  # requests per case not timed: a fresh server's first ones fill caches
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
    (  # the demo's largest department tree (social and health services): ~40% of them
        "GET /rollup, one year + large department, cold",
        lambda n: f"/rollup?start=2025-01-01&end=2025-12-{31 - n % 28:02d}&department=3",
    ),
    ("GET /rollup/export.xlsx, warm", lambda n: "/rollup/export.xlsx"),
]


def _cli(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "app.cli", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )


def prepare(database_url: str, extra: int) -> dict[str, str]:
    """Migrate, load the demo city and `extra` generated experiments (`kokeilu demo-data
    --experiments`, deterministic, indexed and analysed by the generator)."""
    env = environment(database_url)
    _cli(env, "migrate")
    _cli(env, "demo-data", "--experiments", str(extra))
    return env


def environment(database_url: str) -> dict[str, str]:
    data_dir = Path(tempfile.mkdtemp(prefix="kokeilu_bench_rollup_"))
    return {
        **os.environ,
        "DATA_DIR": str(data_dir),
        "DATABASE_URL": database_url,
        "LOG_LEVEL": "INFO",
    }


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
        wait_until_ready(base)
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
                for number in range(requests + WARM_UP):  # the first ones warm up
                    url = path(number)
                    assert client.get(url).status_code == 200, url
                    issued.append(label if number >= WARM_UP else "")
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


def report(env: dict[str, str], requests: int) -> None:
    for path, values in measure(env, requests).items():
        print(
            f"  {path:<42} p50 {statistics.median(values):7.1f} ms"
            f"   p95 {percentile(values, 0.95):7.1f} ms   (n={len(values)})"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[0, 10_000, 100_000])
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--postgres", help="a PostgreSQL URL whose database may be emptied")
    parser.add_argument(
        "--database-url",
        help="measure this database as it is (already migrated and filled, e.g. by "
        "`kokeilu demo-data --experiments 100000`) instead of filling new ones",
    )
    args = parser.parse_args()
    if args.database_url:
        print(f"{args.database_url}:")
        report(environment(args.database_url), args.requests)
        return
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
        report(env, args.requests)


if __name__ == "__main__":
    main()
