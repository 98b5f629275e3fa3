"""The HR director's pages and the API at scale: for 10,000 and 100,000 generated experiments
(`kokeilu demo-data --experiments N`) on SQLite and on PostgreSQL, print the median (p50) and
95th percentile (p95) time of the browse page (with and without free text), the API list,
and — when the app has them — the rollup page and the learning library search.

Times are measured by the client, per request, over loopback against a real uvicorn server
(one worker) started by bench.demo_database.demo_server(): they include HTTP and rendering,
not only the database. Pages the app does not have (404) are reported as "not available".

    uv run python bench/hr_pages.py                       # SQLite; PostgreSQL too when
                                                          # DATABASE_URL=postgres://… is set
    uv run python bench/hr_pages.py --engine postgres --sizes 10000 --requests 30
    uv run python bench/hr_pages.py --database-url sqlite:////tmp/k/bench.sqlite3   # as it is
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import httpx  # noqa: E402

from app.demo.content import DEMO_PASSWORD, HR_EMAIL  # noqa: E402
from bench.demo_database import (  # noqa: E402
    demo_server,
    existing_database,
    postgres_database,
    serve,
)

PAGES = [
    ("browse, free text", "/experiments?q=asiakkaiden", False),
    ("browse, no filters", "/experiments", False),
    ("API list, first page", "/api/v1/experiments", True),
    ("API list, status filter", "/api/v1/experiments?status=completed&limit=100", True),
    ("rollup", "/rollup", False),
    ("library search", "/library?q=asiakkaiden", False),
]


def _sign_in(client: httpx.Client) -> None:
    client.get("/sign-in")
    response = client.post(
        "/sign-in",
        data={"email": HR_EMAIL, "password": DEMO_PASSWORD, "next": "/"},
        headers={"x-csrftoken": client.cookies.get("kokeilu_csrf")},
    )
    assert response.status_code == 303, response.status_code


def _api_token(client: httpx.Client) -> str:
    """Create a token the way a user does, on the API tokens page."""
    response = client.post(
        "/account/api-tokens",
        data={"name": "bench", "expires_on": ""},
        headers={"x-csrftoken": client.cookies.get("kokeilu_csrf")},
    )
    match = re.search(r'id="new-token"[^>]*value="([^"]+)"', response.text)
    assert match, response.status_code
    return match.group(1)


def _percentile(timings: list[float], share: float) -> float:
    ordered = sorted(timings)
    return ordered[max(0, int(round(len(ordered) * share)) - 1)]


def measure(base: str, requests: int, label: str) -> None:
    with httpx.Client(base_url=base, timeout=60) as client:
        _sign_in(client)
        token = _api_token(client)
        api = httpx.Client(base_url=base, timeout=60, headers={"Authorization": f"Bearer {token}"})
        for name, path, is_api in PAGES:
            session = api if is_api else client
            probe = session.get(path)
            if probe.status_code == 404:
                print(f"{label:<24} {name:<26} not available (404 for {path})")
                continue
            assert probe.status_code == 200, (path, probe.status_code)
            for _ in range(2):  # warm up
                session.get(path)
            timings = []
            for _ in range(requests):
                started = time.perf_counter()
                response = session.get(path)
                timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (path, response.status_code)
            print(
                f"{label:<24} {name:<26} p50 {statistics.median(timings):7.1f} ms"
                f"   p95 {_percentile(timings, 0.95):7.1f} ms   ({path})",
                flush=True,
            )
        api.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--requests", type=int, default=50, help="timed requests per page")
    parser.add_argument(
        "--engine",
        choices=["sqlite", "postgres"],
        nargs="+",
        default=None,
        help="default: sqlite, and postgres too when DATABASE_URL points at PostgreSQL",
    )
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
        help="the PostgreSQL server to make a throwaway database on",
    )
    parser.add_argument(
        "--database-url",
        help="measure this database as it is (already migrated and filled, e.g. by "
        "`kokeilu demo-data --experiments 100000`) instead of generating new ones",
    )
    args = parser.parse_args()
    if args.database_url:
        with serve(existing_database(args.database_url)) as (base, _pid):
            measure(base, args.requests, args.database_url.split(":", 1)[0])
        return
    engines = args.engine or (
        ["sqlite", "postgres"] if args.postgres_url.startswith("postgres") and
        os.environ.get("DATABASE_URL", "").startswith("postgres") else ["sqlite"]
    )  # fmt: skip
    print(
        f"Client-side time per request over loopback to one uvicorn worker, {args.requests} "
        "sequential requests per page after 2 warm-up ones; signed in as the demo HR director."
    )
    for engine in engines:
        for size in args.sizes:
            with ExitStack() as stack:
                database_url = (
                    stack.enter_context(postgres_database(args.postgres_url))
                    if engine == "postgres"
                    else None
                )
                started = time.perf_counter()
                base = stack.enter_context(demo_server(size, database_url))
                print(
                    f"-- {engine}, demo city + {size:,} generated experiments "
                    f"(generated and started in {time.perf_counter() - started:.0f} s)",
                    flush=True,
                )
                measure(base, args.requests, f"{engine} {size // 1000}k")


if __name__ == "__main__":
    main()
