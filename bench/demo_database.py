"""A throwaway SQLite database with the demo city, and a server on it, for the benchmark scripts."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def prepare_demo_database() -> tuple[Path, dict[str, str]]:
    """Migrate and load the demo data; returns the database file and the environment to use."""
    data_dir = Path(tempfile.mkdtemp(prefix="kokeilu_bench_"))
    database = data_dir / "bench.sqlite3"
    env = {
        **os.environ,
        "DATA_DIR": str(data_dir),
        "DATABASE_URL": f"sqlite:///{database}",
        "LOG_LEVEL": "WARNING",
    }
    for command in (["migrate"], ["demo-data"]):
        subprocess.run(
            [sys.executable, "-m", "app.cli", *command],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
    return database, env


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def demo_server(extra_data: Callable[[dict[str, str]], None] | None = None) -> Iterator[str]:
    """Serve the app with uvicorn on a fresh demo database (loopback only); yields the base URL
    once /health answers, and stops the server afterwards. `extra_data(env)` may add rows first."""
    _database, env = prepare_demo_database()
    if extra_data is not None:
        extra_data(env)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory"]
        + ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if httpx.get(f"{base_url}/health").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        yield base_url
    finally:
        server.terminate()
        server.wait()
