"""Sign-in, sign-out, own password change, and set-password links."""

from __future__ import annotations

from datetime import UTC, datetime

from litestar import Request, get, post
from litestar.exceptions import NotFoundException
from litestar.response import Redirect, Template

from app.accounts import service
from app.accounts.schemas import ChangePasswordForm, NewPasswordForm, SignInForm
from app.accounts.session_store import DatabaseSessionStore
from app.i18n import N_, gettext
from app.logs import get_logger
from app.service_errors import FieldErrors
from app.web.forms import read_form
from app.web.guards import signed_in
from app.web.middleware import (
    SESSION_EPOCH,
    SESSION_LAST_SEEN,
    SESSION_SIGNED_IN_AT,
    SESSION_USER,
)
from app.web.pages import safe_next
from app.web.rendering import redirect_with_message, render
from app.web.sessions import request_session_rotation

log = get_logger("kokeilu.auth")


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _start_session(request: Request, user: service.User) -> None:
    request_session_rotation(request)
    now = datetime.now(UTC).timestamp()
    request.set_session(
        {
            SESSION_USER: user.id,
            SESSION_EPOCH: user.session_epoch,
            SESSION_SIGNED_IN_AT: now,
            SESSION_LAST_SEEN: now,
            "language": user.language,
        }
    )


@get("/sign-in", name="sign_in")
async def sign_in_page(request: Request, next: str = "/") -> Template | Redirect:  # noqa: A002
    if request.user is not None:
        return Redirect(path=safe_next(next), status_code=303)
    return render(request, "accounts/sign_in.html", {"form": {"next": next}, "errors": {}})


@post("/sign-in", name="sign_in_submit", status_code=303)
async def sign_in_submit(request: Request) -> Template | Redirect:
    form = await read_form(request, SignInForm)
    data = {key: value for key, value in form.data.items() if key != "password"}
    if not form.ok:
        return render(
            request, "accounts/sign_in.html", {"form": data, "errors": form.errors}, status_code=422
        )
    result = await service.sign_in(form.value.email, form.value.password, _client(request))
    if result.user is None:
        if result.locked_seconds:
            message = gettext(
                N_("Too many failed attempts. Try again in {seconds} seconds.")
            ).format(seconds=result.locked_seconds)
        else:
            message = gettext(N_("The email or password is not correct."))
        return render(
            request,
            "accounts/sign_in.html",
            {"form": data, "errors": {}, "failure": message},
            status_code=429 if result.locked_seconds else 422,
        )
    _start_session(request, result.user)
    store = request.app.stores.get("sessions")
    if isinstance(store, DatabaseSessionStore):
        # Expired sessions are swept here, at sign-in, rather than by a separate job.
        await store.delete_expired()
    return Redirect(path=safe_next(form.value.next), status_code=303)


@post("/sign-out", name="sign_out", status_code=303)
async def sign_out(request: Request) -> Redirect:
    user = request.scope.get("user")
    log.info("signed out", user_id=user.id if user else None)
    request.clear_session()
    return Redirect(path="/sign-in", status_code=303)


@get("/account/password", name="change_password", guards=[signed_in])
async def change_password_page(request: Request) -> Template:
    return render(request, "accounts/change_password.html", {"errors": {}})


@post("/account/password", name="change_password_submit", guards=[signed_in], status_code=303)
async def change_password_submit(request: Request) -> Template | Redirect:
    form = await read_form(request, ChangePasswordForm)
    if form.ok:
        try:
            epoch = await service.change_password(
                request.user.id, form.value.current_password, form.value.new_password
            )
        except FieldErrors as exc:
            form.add_errors(exc.errors)
    if not form.ok:
        return render(
            request, "accounts/change_password.html", {"errors": form.errors}, status_code=422
        )
    # Every other session of the user has ended; this one goes on, under a new id.
    request_session_rotation(request)
    request.session[SESSION_EPOCH] = epoch
    return redirect_with_message(request, "/", N_("Your password has been changed."))


@get("/set-password/{token:str}", name="set_password")
async def set_password_page(request: Request, token: str) -> Template:
    user = await service.user_for_set_password_token(token)
    if user is None:
        raise NotFoundException()
    return render(request, "accounts/set_password.html", {"account": user, "errors": {}})


@post("/set-password/{token:str}", name="set_password_submit", status_code=303)
async def set_password_submit(request: Request, token: str) -> Template | Redirect:
    account = await service.user_for_set_password_token(token)
    if account is None:
        raise NotFoundException()
    form = await read_form(request, NewPasswordForm)
    if not form.ok:
        return render(
            request,
            "accounts/set_password.html",
            {"account": account, "errors": form.errors},
            status_code=422,
        )
    user = await service.set_password_with_token(token, form.value.new_password)
    if user is None:
        raise NotFoundException()
    _start_session(request, user)
    return redirect_with_message(request, "/", N_("Your password has been set. Welcome!"))


ACCOUNT_ROUTES = [
    sign_in_page,
    sign_in_submit,
    sign_out,
    change_password_page,
    change_password_submit,
    set_password_page,
    set_password_submit,
]
