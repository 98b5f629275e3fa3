"""Per-request context: the request log (with a request id), signed-in user (with session
timeouts), language, security and cache headers."""

from __future__ import annotations

import secrets
import time
from contextlib import nullcontext
from datetime import UTC, datetime

import structlog
from litestar.datastructures import MutableScopeHeaders
from litestar.enums import ScopeType
from litestar.middleware import ASGIMiddleware
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from app import db, i18n
from app.accounts import service as accounts
from app.conversation.notifications import unread_count
from app.logs import get_logger
from app.settings import LANGUAGES, Settings

log = get_logger("kokeilu.http")

SESSION_USER = "user_id"
SESSION_EPOCH = "epoch"  # the user's session_epoch when the session started
SESSION_SIGNED_IN_AT = "signed_in_at"
SESSION_LAST_SEEN = "last_seen"
SESSION_LANGUAGE = "language"
# How often activity is written back to the session: the idle timeout is exact to this much,
# and most requests then need no session write at all.
SESSION_TOUCH_SECONDS = 60
# The header's unread count, taken before the handler runs (full-page GETs only).
UNREAD_NOTIFICATIONS = "unread_notifications"


def notifications_read(scope: Scope, count: int) -> None:
    """The handler has marked `count` notifications read after the header's count was taken:
    the page's header shows the count without them (no second query)."""
    state = scope.get("state") or {}
    if count and state.get(UNREAD_NOTIFICATIONS):
        state[UNREAD_NOTIFICATIONS] = max(0, state[UNREAD_NOTIFICATIONS] - count)


def security_headers(settings: Settings) -> list[tuple[bytes, bytes]]:
    csp = (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    )
    headers = [
        (b"content-security-policy", csp.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"same-origin"),
        (b"x-frame-options", b"DENY"),
        (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
    ]
    if settings.is_https:
        headers.append((b"strict-transport-security", b"max-age=63072000; includeSubDomains"))
    return headers


def _cacheable(scope: Scope) -> bool:
    """Only static files may be kept by the browser: every other response may show the
    session's data or carry its CSRF token (Back after sign-out must not show a private page)."""
    return scope.get("path", "").startswith("/static/")


def security_headers_hook(settings: Settings):
    """A `before_send` hook: it sees every response, even a 404 from the router or a static file."""
    headers = security_headers(settings)

    async def add_security_headers(message: Message, scope: Scope) -> None:
        if message["type"] == "http.response.start":
            mutable = MutableScopeHeaders.from_message(message)
            for name, value in headers:
                mutable[name.decode()] = value.decode()
            if not _cacheable(scope):
                mutable["cache-control"] = "no-store"

    return add_security_headers


class RequestLog:
    """Wraps the whole application (router, exception handlers and all), so that every request
    is logged exactly once, with the status the client got: also a 404 from the router and a
    refusal raised by a middleware (CSRF 403, 413 too large)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await self.app(scope, receive, send)
            return
        request_id = secrets.token_hex(8)
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id)
        scope.setdefault("state", {})["request_id"] = request_id
        started = time.perf_counter()
        status = 500  # what the server sends when nothing else was sent

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableScopeHeaders.from_message(message)["x-request-id"] = request_id
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            user = scope.get("user")
            log.info(
                "request",
                method=scope["method"],
                path=scope["path"],
                status=status,
                user_id=user.id if user else None,
                ms=round((time.perf_counter() - started) * 1000, 1),
            )


class RequestContextMiddleware(ASGIMiddleware):
    """Runs inside the session middleware: it sees and may clear the session."""

    scopes = (ScopeType.HTTP,)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        # Reads share one connection; requests that may write keep Piccolo's own handling.
        reading = scope["method"] in ("GET", "HEAD") and not scope["path"].startswith("/static/")
        async with db.shared_read_connection() if reading else nullcontext():
            session = scope.get("session") or {}
            user = await self._signed_in_user(scope, session)
            scope["user"] = user
            if user is not None and reading and (b"hx-request", b"true") not in scope["headers"]:
                scope["state"][UNREAD_NOTIFICATIONS] = await unread_count(user.id)  # header
            scope["auth"] = None
            i18n.activate(self._language(scope, session, user))
            await next_app(scope, receive, send)

    async def _signed_in_user(self, scope: Scope, session: dict) -> accounts.User | None:
        user_id = session.get(SESSION_USER) if isinstance(session, dict) else None
        if not user_id:
            return None
        now = datetime.now(UTC).timestamp()
        signed_in_at = session.get(SESSION_SIGNED_IN_AT, 0)
        last_seen = session.get(SESSION_LAST_SEEN, 0)
        if (
            now - signed_in_at > self.settings.session_max_hours * 3600
            or now - last_seen > self.settings.session_idle_minutes * 60
        ):
            log.info("session expired", user_id=user_id)
            session.clear()
            return None
        user = await accounts.get_active_user(user_id)
        if user is None or session.get(SESSION_EPOCH, 0) != user.session_epoch:
            # Deactivated, or the sessions were ended (password changed or reset).
            session.clear()
            return None
        if now - last_seen > SESSION_TOUCH_SECONDS:
            session[SESSION_LAST_SEEN] = now
        return user

    def _language(self, scope: Scope, session: dict, user: accounts.User | None) -> str:
        if user is not None and user.language in LANGUAGES:
            return user.language
        if isinstance(session, dict) and session.get(SESSION_LANGUAGE) in LANGUAGES:
            return session[SESSION_LANGUAGE]
        accept = dict(scope["headers"]).get(b"accept-language", b"").decode("latin-1")
        return i18n.negotiate_language(accept, self.settings.default_language)
