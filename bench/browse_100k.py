"""Browse and my-experiments at scale: fills a throwaway SQLite database with 100,000
generated experiments (`kokeilu demo-data --experiments`, app/demo/bulk.py) and times the list
queries the pages make.

    uv run python bench/browse_100k.py [--rows 100000]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.demo_database import prepare_demo_database  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


async def measure(label: str, call, repeats: int) -> None:
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        await call()
        timings.append((time.perf_counter() - started) * 1000)
    print(f"{label:<44} median {statistics.median(timings):8.1f} ms   max {max(timings):8.1f} ms")


async def run(repeats: int) -> None:
    from app.accounts.tables import User
    from app.experiments import listing
    from app.strategy.tables import Theme

    employee = await User.objects().where(User.email == "tyontekija@varkaus.example").first()
    theme = await Theme.select(Theme.id).first()
    cases = {
        "browse, no filters, page 1": listing.BrowseFilters(),
        "browse, no filters, page 2000": listing.BrowseFilters(page=2000),
        "browse, theme + status": listing.BrowseFilters(theme=[theme["id"]], status=["completed"]),
        "browse, department subtree (top level)": listing.BrowseFilters(department=1),
        "browse, free text": listing.BrowseFilters(q="asiakkaiden"),
        "browse, sort by title": listing.BrowseFilters(sort="title"),
    }
    for label, filters in cases.items():
        await measure(label, lambda f=filters: listing.browse(employee, f), repeats)
    await measure("my experiments (the demo employee)", lambda: listing.mine(employee), repeats)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    started = time.perf_counter()
    database, env = prepare_demo_database(experiments=args.rows)
    print(f"filled {args.rows:,} experiments in {time.perf_counter() - started:.1f} s ({database})")
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    asyncio.run(run(args.repeats))


if __name__ == "__main__":
    main()
