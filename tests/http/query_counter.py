"""Count the SQL queries a request makes, to prove list pages do not grow with the rows (no N+1)."""

from __future__ import annotations

from contextlib import contextmanager

from app.db import engine


@contextmanager
def count_queries():
    db_class = type(engine())
    original = db_class.run_querystring
    counter = {"queries": 0}

    async def counting(self, querystring, in_pool: bool = True):
        counter["queries"] += 1
        return await original(self, querystring, in_pool=in_pool)

    db_class.run_querystring = counting
    try:
        yield counter
    finally:
        db_class.run_querystring = original
