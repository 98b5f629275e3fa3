"""Time the main pages over real HTTP: starts the app on a throwaway SQLite database with the
demo data, signs in as the demo admin and prints the median and 95th percentile per page.

    uv run python bench/pages.py [--requests 200]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import httpx

from bench.demo_database import demo_server  # noqa: E402

PAGES = [
    "/",
    "/experiments",
    "/experiments?status=completed&sort=title",
    "/experiments/1",
    "/departments/1",
    "/cohorts",
    "/cohorts/1",
    "/experiments?cohort=1",
    "/admin/departments",
    "/admin/users",
    "/admin/users?page=2",
    "/admin/strategies",
    "/accessibility",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    with demo_server() as base, httpx.Client(base_url=base, timeout=10) as client:
        client.get("/sign-in")
        client.post(
            "/sign-in",
            data={"email": "admin@varkaus.example", "password": "kokeilu-demo-2026", "next": "/"},
            headers={"x-csrftoken": client.cookies.get("kokeilu_csrf")},
        )
        print(
            f"{'page':<24} {'median ms':>10} {'p95 ms':>8} {'req/s':>7}   ({args.requests} sequential requests each)"
        )
        for path in PAGES:
            timings = []
            for _ in range(args.requests):
                started = time.perf_counter()
                response = client.get(path)
                timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (path, response.status_code)
            timings.sort()
            median = statistics.median(timings)
            p95 = timings[int(len(timings) * 0.95) - 1]
            print(f"{path:<24} {median:>10.2f} {p95:>8.2f} {1000 / statistics.mean(timings):>7.0f}")


if __name__ == "__main__":
    main()
