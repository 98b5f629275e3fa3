"""Admin pages for the list of customer groups that experiments are tied to."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, get, post
from litestar.response import Redirect, Template

from app.experiments import service
from app.experiments.schemas import CustomerGroupForm
from app.i18n import N_
from app.web.form_flow import submit_archived, submit_form
from app.web.guards import admin_only
from app.web.rendering import redirect_with_message, render

LIST_URL = "/admin/customer-groups"


class CustomerGroupAdminController(Controller):
    path = LIST_URL
    guards = [admin_only]

    async def _list(
        self, request: Request, context: dict[str, Any], status_code: int = 200
    ) -> Template:
        groups = await service.customer_groups(include_archived=True)
        return render(
            request,
            "experiments/customer_groups.html",
            {"groups": groups, **context},
            status_code=status_code,
        )

    @get("/", name="customer_groups")
    async def index(self, request: Request) -> Template:
        return await self._list(request, {"form": {}, "errors": {}, "conflict": None})

    @post("/", name="customer_group_create", status_code=303)
    async def create(self, request: Request) -> Template | Redirect:
        outcome = await submit_form(
            request,
            CustomerGroupForm,
            lambda value: service.create_customer_group(
                value.model_dump(exclude={"version"}), request.user.id
            ),
        )
        if outcome.validate_only:
            return outcome.inline_error()
        if outcome.saved:
            return redirect_with_message(
                request,
                LIST_URL,
                N_("Customer group “{name}” added."),
                name=outcome.form.value.name_fi,
            )
        return await self._list(request, outcome.context(), outcome.status_code)

    async def _edit_page(
        self,
        request: Request,
        group: dict[str, Any],
        context: dict[str, Any],
        status_code: int = 200,
    ) -> Template:
        return render(
            request,
            "experiments/customer_group_edit.html",
            {"group": group, **context},
            status_code=status_code,
        )

    @get("/{group_id:int}", name="customer_group_edit")
    async def edit(self, request: Request, group_id: int) -> Template:
        group = await service.get_customer_group(group_id)
        return await self._edit_page(
            request, group, {"form": group, "errors": {}, "conflict": None}
        )

    @post("/{group_id:int}", name="customer_group_update", status_code=303)
    async def update(self, request: Request, group_id: int) -> Template | Redirect:
        group = await service.get_customer_group(group_id)
        outcome = await submit_form(
            request,
            CustomerGroupForm,
            lambda value: service.update_customer_group(
                group_id, value.version, value.model_dump(exclude={"version"}), request.user.id
            ),
        )
        if outcome.validate_only:
            return outcome.inline_error()
        if outcome.saved:
            return redirect_with_message(request, LIST_URL, N_("Changes saved."))
        return await self._edit_page(request, group, outcome.context(), outcome.status_code)

    @post("/{group_id:int}/archive", name="customer_group_archive", status_code=303)
    async def archive(self, request: Request, group_id: int) -> Template | Redirect:
        return await self._set_archived(request, group_id, True)

    @post("/{group_id:int}/restore", name="customer_group_restore", status_code=303)
    async def restore(self, request: Request, group_id: int) -> Template | Redirect:
        return await self._set_archived(request, group_id, False)

    async def _set_archived(
        self, request: Request, group_id: int, archived: bool
    ) -> Template | Redirect:
        group = await service.get_customer_group(group_id)
        outcome = await submit_archived(
            request,
            archived,
            lambda version, values: service.update_customer_group(
                group_id, version, values, request.user.id
            ),
        )
        if not outcome.saved:
            current, context = outcome.reshown(group)
            return await self._edit_page(request, current, context, outcome.status_code)
        message = (
            N_("Customer group “{name}” archived.")
            if archived
            else N_("Customer group “{name}” restored.")
        )
        return redirect_with_message(request, LIST_URL, message, name=group["name_fi"])
