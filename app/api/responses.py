"""The error answers every API operation documents in the OpenAPI schema: all of them are
`ApiError` JSON ({"status", "error"}), as app/api/auth.py sends them."""

from __future__ import annotations

from litestar.openapi import ResponseSpec

from app.api.schemas import ApiError


def _error(description: str) -> ResponseSpec:
    return ResponseSpec(data_container=ApiError, description=description)


ERRORS = {
    # Replaces Litestar's generic 400 ({"detail", "status_code"}): the API answers ApiError.
    400: _error("A query parameter that is not valid, e.g. out of range"),
    401: _error("No token, or a token that is unknown, revoked or expired"),
    429: _error("Too many requests: try again after the seconds in the Retry-After header"),
}
NOT_FOUND = {
    **ERRORS,
    404: _error("No such experiment, a draft, or one the token's user may not see"),
}
FORBIDDEN = {**ERRORS, 403: _error("The token's user is not an HR director or an admin")}
