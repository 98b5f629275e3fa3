"""Request logs carry a request id and no secrets; the Redis session store works when configured."""

from __future__ import annotations

import os
import socket

import pytest

from app.accounts.tables import SessionRecord
from tests.factories import PASSWORD, make_user
from tests.http.browser import sign_in


async def test_request_logs_have_request_id_and_no_secrets(client, capsys):
    user = await make_user()
    await sign_in(client, user.email)
    session_id = client.cookies.get("kokeilu_session")
    await client.get("/")
    output = capsys.readouterr().out
    request_lines = [line for line in output.splitlines() if "event='request'" in line]
    assert request_lines and all("request_id='" in line for line in request_lines)
    assert "event='sign-in succeeded'" in output
    assert PASSWORD not in output
    assert session_id not in output
    assert client.cookies.get("kokeilu_csrf") not in output


def _redis_available() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.mark.skipif(not _redis_available(), reason="no Redis at 127.0.0.1:6379 (CI has one)")
async def test_sessions_work_with_redis_when_configured(monkeypatch):
    from litestar.testing import AsyncTestClient
    from redis.asyncio import Redis

    from app.main import create_app
    from app.settings import Settings

    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    app = create_app(Settings(redis_url=url))
    redis = Redis.from_url(url)
    user = await make_user()
    async with AsyncTestClient(app=app, base_url="http://127.0.0.1:8000") as client:
        client.follow_redirects = False
        await sign_in(client, user.email)
        session_id = client.cookies.get("kokeilu_session")
        assert await redis.exists(f"kokeilu:{session_id}")
        assert not await SessionRecord.exists()  # nothing went to the database store
        assert (await client.get("/")).status_code == 200
        await client.post("/sign-out", headers={"x-csrftoken": client.cookies.get("kokeilu_csrf")})
        assert not await redis.exists(f"kokeilu:{session_id}")
    await redis.aclose()
