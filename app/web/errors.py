"""Error pages in the app's style and language; a 500 never shows a traceback."""

from __future__ import annotations

from urllib.parse import quote

from litestar import Request, Response
from litestar.exceptions import (
    HTTPException,
    NotAuthorizedException,
    NotFoundException,
    PermissionDeniedException,
)
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_500_INTERNAL_SERVER_ERROR

from app.api import auth as api_auth
from app.logs import get_logger
from app.service_errors import Forbidden, NotFound

log = get_logger("kokeilu.errors")
API_PREFIX = "/api/v1/"


def _error_page(status: int) -> Template:
    return Template(
        template_name="errors/error.html", context={"status": status}, status_code=status
    )


def not_signed_in(request: Request, _exc: NotAuthorizedException) -> Response:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    log.info("sign-in required", path=request.url.path)
    location = f"/sign-in?next={quote(target)}"
    if request.headers.get("hx-request"):
        # htmx follows redirects inside the swap; ask it to load the whole sign-in page instead.
        return Response(content="", status_code=200, headers={"HX-Redirect": location})
    return Redirect(path=location, status_code=303)


def forbidden(request: Request, _exc: Exception) -> Template:
    user = request.scope.get("user")
    log.info("access denied", path=request.url.path, user_id=user.id if user else None)
    return _error_page(403)


def _in_api(request: Request) -> bool:
    """A path under the API that matches none of its routes (e.g. /api/v1/experiments/x) is
    answered before the API's own handlers run: it still gets the API's JSON, not a page."""
    return request.url.path.startswith(API_PREFIX)


def not_found(request: Request, exc: Exception) -> Response:
    return api_auth.not_found(request, exc) if _in_api(request) else _error_page(404)


def http_error(request: Request, exc: HTTPException) -> Response:
    return api_auth.http_error(request, exc) if _in_api(request) else _error_page(exc.status_code)


def server_error(request: Request, exc: Exception) -> Template:
    log.error("unhandled error", path=request.url.path, exc_info=exc)
    return _error_page(HTTP_500_INTERNAL_SERVER_ERROR)


EXCEPTION_HANDLERS = {
    NotAuthorizedException: not_signed_in,
    PermissionDeniedException: forbidden,
    NotFoundException: not_found,
    NotFound: not_found,
    Forbidden: forbidden,
    HTTPException: http_error,
    Exception: server_error,
}
