"""Session cookie configuration, with a fresh session id at every sign-in."""

from __future__ import annotations

from litestar.connection import ASGIConnection
from litestar.middleware.session.server_side import (
    ServerSideSessionBackend,
    ServerSideSessionConfig,
)
from litestar.types import Empty, Message, ScopeSession

from app.settings import Settings

ROTATE_FLAG = "kokeilu.rotate_session"
_NEW_ID = "kokeilu.new_session_id"
_LOADED = "kokeilu.loaded_session"


def request_session_rotation(connection: ASGIConnection) -> None:
    """Ask for a new session id on this response: stops session fixation at sign-in."""
    connection.scope.setdefault("state", {})[ROTATE_FLAG] = True


class RotatingSessionBackend(ServerSideSessionBackend):
    def get_session_id(self, connection: ASGIConnection) -> str:
        state = connection.scope.setdefault("state", {})
        if state.get(ROTATE_FLAG):
            state.setdefault(_NEW_ID, self.generate_session_id())
            return state[_NEW_ID]
        return super().get_session_id(connection)

    async def store_in_message(
        self, scope_session: ScopeSession, message: Message, connection: ASGIConnection
    ) -> None:
        state = connection.scope.setdefault("state", {})
        old_id = connection.cookies.get(self.config.key)
        if not scope_session or scope_session is Empty:
            # Anonymous visitors with nothing to remember get no session row and no cookie.
            if old_id and old_id != "null":
                await super().store_in_message(Empty, message, connection)
            return
        if state.get(ROTATE_FLAG) and old_id and old_id != self.get_session_id(connection):
            await self.delete(old_id, store=self.config.get_store_from_app(connection.scope["app"]))
        if not state.get(ROTATE_FLAG) and old_id and state.get(_LOADED) == scope_session:
            # Unchanged since it was loaded: skip the write, keep the cookie as it is.
            return
        await super().store_in_message(scope_session, message, connection)

    async def load_from_connection(self, connection: ASGIConnection) -> dict:
        data = await super().load_from_connection(connection)
        connection.scope.setdefault("state", {})[_LOADED] = dict(data)
        return data


class RotatingSessionConfig(ServerSideSessionConfig):
    _backend_class = RotatingSessionBackend


def session_cookie_name(settings: Settings) -> str:
    # The __Host- prefix pins the cookie to this host and path "/", but browsers accept it only
    # over https.
    return "__Host-kokeilu_session" if settings.is_https else "kokeilu_session"


def session_config(settings: Settings) -> RotatingSessionConfig:
    return RotatingSessionConfig(
        store="sessions",
        key=session_cookie_name(settings),
        max_age=settings.session_idle_minutes * 60,
        # Not renewed on read: the middleware refreshes "last_seen", and writing the session
        # back renews its expiry (at most once a minute, see SESSION_TOUCH_SECONDS).
        renew_on_access=False,
        httponly=True,
        secure=settings.is_https,
        samesite="lax",
        path="/",
    )
