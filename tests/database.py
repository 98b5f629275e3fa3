"""A throwaway database for a test run: a temporary SQLite file, or a fresh database on the
PostgreSQL server that DATABASE_URL points at (created here, dropped afterwards)."""

from __future__ import annotations

import asyncio
import os
import secrets
import tempfile
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import asyncpg


def _server_url(url: str, database: str) -> str:
    return urlunparse(urlparse(url)._replace(path=f"/{database}"))


async def _admin(url: str, statement: str) -> None:
    connection = await asyncpg.connect(
        _server_url(url, "postgres").replace("postgres://", "postgresql://", 1)
    )
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


def create_test_database(prefix: str = "kokeilu_test") -> str:
    base = os.environ.get("DATABASE_URL", "")
    if base.startswith(("postgres://", "postgresql://")):
        name = f"{prefix}_{os.getpid()}_{secrets.token_hex(3)}"
        asyncio.run(_admin(base, f'CREATE DATABASE "{name}"'))
        return _server_url(base, name)
    directory = Path(tempfile.mkdtemp(prefix=f"{prefix}_"))
    return f"sqlite:///{directory / 'test.sqlite3'}"


def drop_test_database(url: str) -> None:
    if url.startswith(("postgres://", "postgresql://")):
        name = urlparse(url).path.lstrip("/")
        asyncio.run(_admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
