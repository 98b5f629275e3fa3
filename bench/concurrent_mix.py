"""Concurrent readers and writers on one SQLite server (loopback only, bounded): several signed-in
clients browse and autosave at the same time for a fixed time; prints status codes and rates.
Any status other than 200 means a request failed (e.g. "database is locked").

    uv run python bench/concurrent_mix.py [--clients 8] [--seconds 10]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.demo_database import ROOT, prepare_demo_database  # noqa: E402

EMPLOYEE = ("tyontekija@varkaus.example", "kokeilu-demo-2026")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
    for _ in range(100):
        try:
            if httpx.get(f"{base}/health").status_code == 200:
                break
        except httpx.TransportError:
            await asyncio.sleep(0.1)
    codes: collections.Counter = collections.Counter()
    await asyncio.gather(*(client_loop(base, number, seconds, codes) for number in range(clients)))
    return codes


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()
    _database, env = prepare_demo_database()
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "app.main:create_app",
            "--factory",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        codes = asyncio.run(run(f"http://127.0.0.1:{port}", args.clients, args.seconds))
    finally:
        server.terminate()
        server.wait()
    for (kind, status), count in sorted(codes.items()):
        print(f"{kind:<6} {status}: {count:6d}  ({count / args.seconds:6.1f} per second)")
    failed = sum(count for (_, status), count in codes.items() if status != 200)
    print(f"failed requests: {failed}")


if __name__ == "__main__":
    main()
