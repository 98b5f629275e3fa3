"""The Piccolo engine chosen from DATABASE_URL, and write transactions that suit it."""

from __future__ import annotations

import sqlite3
import warnings
from collections.abc import Awaitable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import unquote, urlparse

from piccolo.engine.base import Engine
from piccolo.engine.postgres import PostgresEngine
from piccolo.engine.sqlite import SQLiteEngine, TransactionType

BUSY_TIMEOUT_SECONDS = 15
T = TypeVar("T")
SQLITE_MMAP_BYTES = 1 << 30  # at most 1 GiB of the database file mapped

# Piccolo warns on every ILIKE under SQLite; LIKE is case-insensitive there already (for ASCII).
warnings.filterwarnings("ignore", message=".*SQLite doesn't support ILIKE")


class TunedSQLiteConnection(sqlite3.Connection):
    """Every SQLite connection enforces foreign keys and uses WAL-friendly syncing."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.execute("PRAGMA foreign_keys = ON")
        self.execute("PRAGMA synchronous = NORMAL")
        self.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")
        # Read the file through memory mapping: a connection lives for one request, so its
        # page cache starts empty each time; mapped pages need no read() and copy per page
        # (the rollup reads ~10 MB of index at 100,000 experiments).
        self.execute(f"PRAGMA mmap_size = {SQLITE_MMAP_BYTES}")


def sqlite_path(url: str) -> Path:
    return Path(unquote(url.removeprefix("sqlite:///")))


def create_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = sqlite_path(url)
        path.parent.mkdir(parents=True, exist_ok=True)
        # WAL is a property of the database file: set it once, it persists.
        with sqlite3.connect(path) as conn:
            conn.execute("PRAGMA journal_mode = WAL")
        return SQLiteEngine(
            path=str(path), factory=TunedSQLiteConnection, timeout=BUSY_TIMEOUT_SECONDS
        )
    parsed = urlparse(url)
    config = {
        "host": parsed.hostname or "127.0.0.1",
        "port": parsed.port or 5432,
        "user": unquote(parsed.username or "postgres"),
        "database": parsed.path.lstrip("/") or "postgres",
    }
    if parsed.password:
        config["password"] = unquote(parsed.password)
    return PostgresEngine(config=config)


def engine() -> Engine:
    from app.piccolo_conf import DB

    return DB


@asynccontextmanager
async def shared_read_connection():
    """On SQLite, let every query of a read-only request share one connection: Piccolo otherwise
    opens a new connection (and thread) per query. A deferred transaction takes no lock until
    it writes, and under WAL readers never block writers. Elsewhere it does nothing."""
    db = engine()
    if isinstance(db, SQLiteEngine):
        async with db.transaction():
            yield
    else:
        yield


@asynccontextmanager
async def outside_transaction():
    """Run a write on its own connection even inside a shared read connection (the session
    store writes while the response is being sent)."""
    db = engine()
    current = getattr(db, "current_transaction", None)
    if current is None or current.get() is None:
        yield
        return
    token = current.set(None)
    try:
        yield
    finally:
        current.reset(token)


async def on_its_own_connection(work: Awaitable[T]) -> T:
    """Run a long read beside the request's other queries: on SQLite, where a read-only
    request's queries share one connection and take turns, on a connection (and thread) of
    its own, so that both cores work; on PostgreSQL every query has a pooled connection
    anyway."""
    async with outside_transaction():
        return await work


@asynccontextmanager
async def write_transaction():
    """A transaction for writes; on SQLite it takes the write lock up front (IMMEDIATE)
    so that concurrent writers wait instead of failing with "database is locked"."""
    db = engine()
    if isinstance(db, SQLiteEngine):
        async with db.transaction(transaction_type=TransactionType.immediate) as tx:
            yield tx
    else:
        async with db.transaction() as tx:
            yield tx


async def update_versioned(table: type, row_id: int, version: int, values: dict[str, Any]) -> bool:
    """Update a row only if nobody saved it since `version` was read (optimistic concurrency).
    Returns False on a lost-update conflict, and bumps the version on success."""
    from datetime import UTC, datetime

    extra: dict[str, Any] = {"version": table.version + 1}
    if hasattr(table, "updated_at"):
        extra["updated_at"] = datetime.now(UTC)
    result = (
        await table.update(**values, **extra)
        .where((table.id == row_id) & (table.version == version))
        .returning(table.id)
    )
    return bool(result)


async def name_taken(
    table: type, column: Any, name: str, where: Any = None, except_id: int | None = None
) -> bool:
    """Case-insensitive uniqueness within a scope (e.g. siblings). Compared in Python because
    SQLite's LIKE and lower() only fold ASCII ("Ä" vs "ä"); the scopes checked are small."""
    query = table.select(table.id, column)
    if where is not None:
        query = query.where(where)
    wanted = name.casefold().strip()
    return any(
        row[column._meta.name].casefold().strip() == wanted and row["id"] != except_id
        for row in await query
    )
