"""How the API knows who is calling: `Authorization: Bearer <token>` only (a session cookie
never counts), a rate limit per token, and errors as JSON."""

from __future__ import annotations

import hashlib
from typing import Any

from litestar import Request, Response
from litestar.connection import ASGIConnection
from litestar.exceptions import (
    HTTPException,
    NotAuthorizedException,
    NotFoundException,
    PermissionDeniedException,
    TooManyRequestsException,
    ValidationException,
)
from litestar.handlers.base import BaseRouteHandler
from litestar.middleware.rate_limit import RateLimitConfig
from pydantic import ValidationError as PydanticValidationError

from app.accounts.service import User
from app.api import tokens
from app.logs import get_logger
from app.service_errors import Forbidden, NotFound
from app.web.forms import untranslated_message

log = get_logger("kokeilu.api")

API_USER = "api_user"
RATE_LIMIT_STORE = "api_rate_limit"


def bearer_token(connection: ASGIConnection) -> str:
    scheme, _, credentials = connection.headers.get("authorization", "").partition(" ")
    return credentials.strip() if scheme.lower() == "bearer" else ""


async def token_required(connection: ASGIConnection, _: BaseRouteHandler) -> None:
    """A router guard: the bearer token's user becomes the API user for this request."""
    secret = bearer_token(connection)
    if not secret:
        raise NotAuthorizedException(
            detail="Send a personal API token in the header Authorization: Bearer <token>."
        )
    result = await tokens.authenticate(secret)
    if result.user is None:
        log.info("api token refused", token_id=result.token_id, reason=result.problem)
        raise NotAuthorizedException(detail=result.problem)
    connection.scope[API_USER] = result.user  # type: ignore[literal-required]
    connection.scope["state"]["api_token_id"] = result.token_id


def api_user(request: Request) -> User:
    return request.scope[API_USER]  # type: ignore[literal-required]


def _rate_limit_key(request: Request) -> str:
    # Per token (hashed, so that no secret sits in the store); calls without one share a key.
    return hashlib.sha256(bearer_token(request).encode()).hexdigest()


def rate_limit(requests_per_minute: int) -> RateLimitConfig:
    return RateLimitConfig(
        rate_limit=("minute", requests_per_minute),
        identifier_for_request=_rate_limit_key,
        store=RATE_LIMIT_STORE,
    )


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return Response(
        content={"status": status, "error": message},
        status_code=status,
        headers=headers,
        media_type="application/json",
    )


def _unauthorised(_request: Request, exc: NotAuthorizedException) -> Response:
    return _error(401, exc.detail, {"WWW-Authenticate": 'Bearer realm="kokeilu"'})


def _too_many(_request: Request, exc: TooManyRequestsException) -> Response:
    headers = dict(exc.headers or {})
    # Litestar sends RateLimit-Reset (seconds until the window resets); say it as Retry-After too.
    seconds = max(1, int(headers.get("RateLimit-Reset", "60")))
    headers["Retry-After"] = str(seconds)
    return _error(429, f"Too many requests. Try again in {seconds} seconds.", headers)


def not_found(_request: Request, _exc: Exception) -> Response:
    return _error(404, "Not found.")


def _forbidden(_request: Request, _exc: Exception) -> Response:
    return _error(403, "Forbidden.")


def _invalid(_request: Request, exc: ValidationException) -> Response:
    details: Any = exc.extra
    message = "; ".join(
        f"{item.get('key', '')}: {item.get('message', '')}"
        for item in (details if isinstance(details, list) else [])
        if isinstance(item, dict)
    )
    return _error(400, f"Invalid query: {message}" if message else "Invalid query.")


def _invalid_values(_request: Request, exc: PydanticValidationError) -> Response:
    """Query values that pass Litestar's types but not the filters' bounds (e.g. dates)."""
    message = "; ".join(
        f"{'.'.join(str(part) for part in error['loc'])}: {untranslated_message(error)}"
        for error in exc.errors()
    )
    return _error(400, f"Invalid query: {message}")


def http_error(_request: Request, exc: HTTPException) -> Response:
    return _error(exc.status_code, exc.detail)


def _server_error(request: Request, exc: Exception) -> Response:
    log.error("unhandled api error", path=request.url.path, exc_info=exc)
    return _error(500, "Internal server error.")


EXCEPTION_HANDLERS = {
    NotAuthorizedException: _unauthorised,
    TooManyRequestsException: _too_many,
    NotFoundException: not_found,
    NotFound: not_found,
    PermissionDeniedException: _forbidden,
    Forbidden: _forbidden,
    ValidationException: _invalid,
    PydanticValidationError: _invalid_values,
    HTTPException: http_error,
    Exception: _server_error,
}
