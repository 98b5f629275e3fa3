"""/health says the process answers; /ready says it has finished starting (the learning
library's word lists are loaded), so that a load balancer or a benchmark waits for it."""

from __future__ import annotations

from app.library import indexing


async def test_health_answers_at_once_and_ready_waits_for_the_word_lists(client, monkeypatch):
    monkeypatch.setattr(indexing, "_loaded", {"fi"})  # still loading Swedish and English
    health = await client.get("/health")
    assert (health.status_code, health.text) == (200, "ok")
    starting = await client.get("/ready")
    assert (starting.status_code, starting.text) == (503, "starting")

    monkeypatch.setattr(indexing, "_loaded", set(indexing.LANGUAGES))
    ready = await client.get("/ready")
    assert (ready.status_code, ready.text) == (200, "ready")
    assert ready.headers["content-type"].startswith("text/plain")
