"""Admin pages for people: list and search, create, edit roles, deactivate, set-password links."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, get, post
from litestar.response import Redirect, Template

from app.accounts import service
from app.accounts.schemas import UserForm
from app.i18n import N_
from app.organisation import service as departments
from app.web.form_flow import submit_form
from app.web.forms import VersionForm
from app.web.guards import admin_only
from app.web.rendering import redirect_with_message, render

LIST_URL = "/admin/users"


def _values(form: UserForm) -> dict[str, Any]:
    return form.model_dump(exclude={"version"})


class UserAdminController(Controller):
    path = LIST_URL
    guards = [admin_only]

    @get("/", name="users")
    async def index(self, request: Request, q: str = "", page: int = 1) -> Template:
        result = await service.list_users(search=q[:200], page=page)
        return render(request, "accounts/users.html", {"result": result, "q": q}, block="results")

    async def _form_page(
        self,
        request: Request,
        account: dict[str, Any] | None,
        context: dict[str, Any],
        status_code: int = 200,
    ) -> Template:
        return render(
            request,
            "accounts/user_form.html",
            {"account": account, "choices": await departments.active_choices(), **context},
            status_code=status_code,
        )

    @get("/new", name="user_new")
    async def new(self, request: Request) -> Template:
        defaults = {"language": "fi", "is_employee": True}
        return await self._form_page(
            request, None, {"form": defaults, "errors": {}, "conflict": None}
        )

    @post("/new", name="user_create", status_code=303)
    async def create(self, request: Request) -> Template | Redirect:
        outcome = await submit_form(
            request, UserForm, lambda value: service.create_user(_values(value), request.user.id)
        )
        if outcome.validate_only:
            return outcome.inline_error()
        if outcome.saved:
            return redirect_with_message(
                request,
                f"{LIST_URL}/{outcome.result.id}",
                N_("User “{name}” created. Create a set-password link below and pass it on."),
                name=outcome.result.name,
            )
        return await self._form_page(request, None, outcome.context(), outcome.status_code)

    @get("/{user_id:int}", name="user_edit")
    async def edit(self, request: Request, user_id: int) -> Template:
        user = await service.get_user(user_id)
        account = {**service.user_snapshot(user), "id": user_id, "version": user.version}
        return await self._form_page(
            request, account, {"form": account, "errors": {}, "conflict": None}
        )

    @post("/{user_id:int}", name="user_update", status_code=303)
    async def update(self, request: Request, user_id: int) -> Template | Redirect:
        user = await service.get_user(user_id)
        outcome = await submit_form(
            request,
            UserForm,
            lambda value: service.update_user(
                user_id, value.version, _values(value), request.user.id
            ),
        )
        if outcome.validate_only:
            return outcome.inline_error()
        if outcome.saved:
            return redirect_with_message(request, f"{LIST_URL}/{user_id}", N_("Changes saved."))
        account = {**service.user_snapshot(user), "id": user_id, "version": user.version}
        return await self._form_page(request, account, outcome.context(), outcome.status_code)

    async def _set_active(
        self, request: Request, user_id: int, active: bool
    ) -> Template | Redirect:
        user = await service.get_user(user_id)
        outcome = await submit_form(
            request,
            VersionForm,
            lambda value: service.update_user(
                user_id, value.version, {"active": active}, request.user.id
            ),
        )
        if not outcome.saved:
            current = outcome.conflict
            account = {
                **service.user_snapshot(current or user),
                "id": user_id,
                "version": current["version"] if current else user.version,
            }
            return await self._form_page(
                request,
                account,
                {"form": account, "errors": outcome.form.errors, "conflict": current},
                outcome.status_code,
            )
        message = (
            N_("User “{name}” reactivated.")
            if active
            else N_(
                "User “{name}” deactivated. They can no longer sign in; everything they wrote stays."
            )
        )
        return redirect_with_message(request, f"{LIST_URL}/{user_id}", message, name=user.name)

    @post("/{user_id:int}/deactivate", name="user_deactivate", status_code=303)
    async def deactivate(self, request: Request, user_id: int) -> Template | Redirect:
        return await self._set_active(request, user_id, False)

    @post("/{user_id:int}/reactivate", name="user_reactivate", status_code=303)
    async def reactivate(self, request: Request, user_id: int) -> Template | Redirect:
        return await self._set_active(request, user_id, True)

    @post("/{user_id:int}/set-password-link", name="user_set_password_link", status_code=200)
    async def set_password_link(self, request: Request, user_id: int) -> Template:
        user = await service.get_user(user_id)
        token = await service.create_set_password_link(user_id, request.user.id)
        base_url = request.app.state["settings"].base_url.rstrip("/")
        link = f"{base_url}/set-password/{token}"
        return render(
            request,
            "accounts/set_password_link.html",
            {"account": user, "link": link, "hours": service.SET_PASSWORD_LINK_HOURS},
        )
