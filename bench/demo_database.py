"""A throwaway database with the demo city (SQLite, or PostgreSQL when asked), optionally with
many generated experiments, and a server on it, for the benchmark scripts."""

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


def prepare_demo_database(
    experiments: int = 0, database_url: str | None = None
) -> tuple[Path, dict[str, str]]:
    """Migrate and load the demo data plus `experiments` generated ones (`kokeilu demo-data
    --experiments`); returns the SQLite file (or the data dir for PostgreSQL) and the
    environment to use. `database_url`: an empty PostgreSQL database to use instead."""
    data_dir = Path(tempfile.mkdtemp(prefix="kokeilu_bench_"))
    database = data_dir / "bench.sqlite3"
    env = {
        **os.environ,
        "DATA_DIR": str(data_dir),
        "DATABASE_URL": database_url or f"sqlite:///{database}",
        "LOG_LEVEL": "WARNING",
    }
    demo = ["demo-data", "--experiments", str(experiments)]
    for command in (["migrate"], demo):
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
def postgres_database(server_url: str) -> Iterator[str]:
    """A new, empty PostgreSQL database on the server `server_url` points at; dropped afterwards."""
    from tests.database import create_test_database, drop_test_database

    previous = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = server_url
    try:
        url = create_test_database("kokeilu_bench")
    finally:
        if previous is None:
            os.environ.pop("DATABASE_URL")
        else:
            os.environ["DATABASE_URL"] = previous
    try:
        yield url
    finally:
        drop_test_database(url)


@contextmanager
def demo_server(
    experiments: int = 0,
    database_url: str | None = None,
    extra_data: Callable[[dict[str, str]], None] | None = None,
) -> Iterator[str]:
    """Serve the app with uvicorn on a fresh demo database (loopback only), with `experiments`
    generated experiments; yields the base URL once /ready answers, and stops the server
    afterwards. `database_url`: an empty PostgreSQL database to use instead of SQLite;
    `extra_data(env)` may add rows first."""
    with demo_server_and_database(
        experiments=experiments, database_url=database_url, extra_data=extra_data
    ) as (base_url, _database, _pid):
        yield base_url


@contextmanager
def demo_server_and_database(
    extra_env: dict[str, str] | None = None,
    *,
    experiments: int = 0,
    database_url: str | None = None,
    extra_data: Callable[[dict[str, str]], None] | None = None,
) -> Iterator[tuple[str, Path, int]]:
    """Like demo_server(), with extra settings for the server (e.g. higher limits), also
    yielding the database (to check what was stored) and the server's process id."""
    database, env = prepare_demo_database(experiments, database_url)
    if extra_data is not None:
        extra_data(env)
    with serve({**env, **(extra_env or {})}) as (base_url, pid):
        yield base_url, database, pid


def wait_until_ready(base_url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base_url}/ready").status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{base_url} was not ready within {seconds:.0f} s")


@contextmanager
def serve(env: dict[str, str]) -> Iterator[tuple[str, int]]:
    """Serve the app with uvicorn (loopback only) on the database `env` names; yields the
    base URL once /ready answers (started, word lists loaded: their loading thread would
    otherwise compete with the first measured requests), and the server's process id; stops
    the server afterwards."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory"]
        + ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(base_url)
        yield base_url, server.pid
    finally:
        server.terminate()
        server.wait()


def existing_database(database_url: str) -> dict[str, str]:
    """The environment to serve a database that is already migrated and filled."""
    data_dir = Path(tempfile.mkdtemp(prefix="kokeilu_bench_"))
    return {**os.environ, "DATA_DIR": str(data_dir), "DATABASE_URL": database_url,
            "LOG_LEVEL": "WARNING"}  # fmt: skip
