"""Route guards: signed in, and role checks that delegate to app.policies."""

from __future__ import annotations

from litestar.connection import ASGIConnection
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException
from litestar.handlers.base import BaseRouteHandler

from app import policies


def signed_in(connection: ASGIConnection, _: BaseRouteHandler) -> None:
    if connection.scope.get("user") is None:
        raise NotAuthorizedException()


def admin_only(connection: ASGIConnection, handler: BaseRouteHandler) -> None:
    signed_in(connection, handler)
    if not policies.can_administer(connection.scope["user"]):
        raise PermissionDeniedException()
