"""Structured logs (structlog): one JSON-ish line per event, with the request id on every line."""

from __future__ import annotations

import logging
import re
from typing import Any

import structlog

# Values under these keys never reach the logs, whatever the caller passed.
_SECRET_KEYS = {"password", "token", "session", "session_id", "cookie", "csrf", "secret"}
_TOKEN_IN_PATH = re.compile(r"/[A-Za-z0-9_\-]{24,}")


def _redact(_logger: Any, _method: str, event: dict[str, Any]) -> dict[str, Any]:
    for key in list(event):
        if any(secret in key.lower() for secret in _SECRET_KEYS):
            event[key] = "[redacted]"
    if isinstance(event.get("path"), str):
        event["path"] = _TOKEN_IN_PATH.sub("/[redacted]", event["path"])
    return event


def configure_logging(level: str = "INFO") -> None:
    logging.basicConfig(format="%(message)s", level=level)
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            _redact,
            structlog.processors.format_exc_info,
            structlog.processors.KeyValueRenderer(
                key_order=["timestamp", "level", "event", "request_id"], drop_missing=True
            ),
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level)),
        logger_factory=structlog.PrintLoggerFactory(),
        cache_logger_on_first_use=False,
    )


def get_logger(name: str) -> structlog.stdlib.BoundLogger:
    return structlog.get_logger(name)
