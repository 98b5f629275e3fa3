"""Logs never carry passwords, tokens or session ids."""

from __future__ import annotations

from app.logs import _redact


def test_secret_fields_are_redacted():
    event = {
        "event": "x",
        "password": "hunter2",
        "session_id": "abc",
        "csrf_token": "t",
        "user_id": 5,
    }
    cleaned = _redact(None, "info", dict(event))
    assert cleaned["password"] == cleaned["session_id"] == cleaned["csrf_token"] == "[redacted]"
    assert cleaned["user_id"] == 5


def test_tokens_in_paths_are_redacted():
    cleaned = _redact(
        None, "info", {"event": "request", "path": "/set-password/AbCdEfGhIjKlMnOpQrStUvWxYz012345"}
    )
    assert cleaned["path"] == "/set-password/[redacted]"
    assert (
        _redact(None, "info", {"event": "request", "path": "/admin/users/12"})["path"]
        == "/admin/users/12"
    )
