"""Concurrent readers and writers on one SQLite server (loopback only, bounded): several signed-in
clients browse and autosave at the same time for a fixed time; prints status codes and rates.
Any status other than 200 means a request failed (e.g. "database is locked").

    uv run python bench/concurrent_mix.py [--clients 8] [--seconds 10]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.demo_database import demo_server  # noqa: E402

EMPLOYEE = ("tyontekija@varkaus.example", "kokeilu-demo-2026")


async def client_loop(base: str, number: int, seconds: float, codes: collections.Counter) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        await client.get("/sign-in")
        csrf = {"x-csrftoken": client.cookies.get("kokeilu_csrf")}
        await client.post(
            "/sign-in", data={"email": EMPLOYEE[0], "password": EMPLOYEE[1]}, headers=csrf
        )
        deadline = time.monotonic() + seconds
        step = 0
        while time.monotonic() < deadline:
            step += 1
            if step % 3 == 0:
                response = await client.post(
                    "/experiments/new/autosave",
                    data={"title": f"client {number} step {step}", "problem": "..."},
                    headers={**csrf, "HX-Request": "true"},
                )
                codes[("write", response.status_code)] += 1
            else:
                response = await client.get(
                    "/experiments" if step % 3 == 1 else "/experiments/mine"
                )
                codes[("read", response.status_code)] += 1


async def run(base: str, clients: int, seconds: float) -> collections.Counter:
    codes: collections.Counter = collections.Counter()
    await asyncio.gather(*(client_loop(base, number, seconds, codes) for number in range(clients)))
    return codes


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()
    with demo_server() as base:
        codes = asyncio.run(run(base, args.clients, args.seconds))
    for (kind, status), count in sorted(codes.items()):
        print(f"{kind:<6} {status}: {count:6d}  ({count / args.seconds:6.1f} per second)")
    failed = sum(count for (_, status), count in codes.items() if status != 200)
    print(f"failed requests: {failed}")


if __name__ == "__main__":
    main()
