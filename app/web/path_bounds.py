"""Ids in paths that no row can have answer 404 before any handler, guard or query runs.

Every `{name:int}` path parameter of the app is a row id, and ids are 32-bit integer columns
(PostgreSQL's "integer"): `/experiments/9223372036854775808` would otherwise reach the database
and fail there (500). Text path parameters (tokens, section names) with a NUL character cannot
match anything either (and PostgreSQL refuses NUL in text)."""

from __future__ import annotations

from litestar.enums import ScopeType
from litestar.exceptions import NotFoundException
from litestar.middleware import ASGIMiddleware
from litestar.types import ASGIApp, Receive, Scope, Send

from app.web.forms import MAX_ROW_ID


def impossible_path_parameter(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return not 1 <= value <= MAX_ROW_ID
    return isinstance(value, str) and "\x00" in value


class PathParameterBounds(ASGIMiddleware):
    scopes = (ScopeType.HTTP,)

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        if any(impossible_path_parameter(value) for value in scope["path_params"].values()):
            raise NotFoundException()
        await next_app(scope, receive, send)
