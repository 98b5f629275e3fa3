"""Bounds on ids in paths and in the JSON API's query parameters (forms and query strings are
bounded in app/web/forms.py: QueryModel).

Ids in paths that no row can have answer 404 before any handler, guard or query runs.

Every `{name:int}` path parameter of the app is a row id, and ids are 32-bit integer columns
(PostgreSQL's "integer"): `/experiments/9223372036854775808` would otherwise reach the database
and fail there (500). Text path parameters (tokens, section names) with a NUL character cannot
match anything either (and PostgreSQL refuses NUL in text)."""

from __future__ import annotations

from typing import Annotated, Any

from litestar.enums import ScopeType
from litestar.exceptions import NotFoundException
from litestar.middleware import ASGIMiddleware
from litestar.params import Parameter
from litestar.types import ASGIApp, Receive, Scope, Send
from msgspec import Meta

from app.web.forms import MAX_ROW_ID

# Query parameters of the API (Litestar validates them: 400 with the parameter's name).
QueryId = Annotated[int, Meta(ge=1, le=MAX_ROW_ID)]
"""An item of a list of ids, e.g. `theme: list[QueryId]`."""


def id_parameter(description: str, **extra: Any) -> Any:
    """A single id parameter (Litestar drops constraints of an optional type's inner type)."""
    return Parameter(description=description, ge=1, le=MAX_ROW_ID, **extra)


def offset_parameter(description: str) -> Any:
    return Parameter(description=description, ge=0, le=MAX_ROW_ID)


def is_row_id(value: int) -> bool:
    """Whether a row could have this id (ids are positive 32-bit integers)."""
    return 1 <= value <= MAX_ROW_ID


def impossible_path_parameter(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return not is_row_id(value)
    return isinstance(value, str) and "\x00" in value


class PathParameterBounds(ASGIMiddleware):
    scopes = (ScopeType.HTTP,)

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        if any(impossible_path_parameter(value) for value in scope["path_params"].values()):
            raise NotFoundException()
        await next_app(scope, receive, send)
