"""Admin pages for the department tree."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, get, post
from litestar.response import Redirect, Template

from app.experiments import listing
from app.i18n import N_
from app.organisation import service
from app.organisation.schemas import DepartmentDeleteForm, DepartmentForm
from app.service_errors import FieldErrors
from app.web.form_flow import FormOutcome, submit_form
from app.web.guards import admin_only, signed_in
from app.web.rendering import redirect_with_message, render

LIST_URL = "/admin/departments"


async def _tree_context() -> dict[str, Any]:
    roots = await service.tree()
    return {"roots": roots, "choices": await service.active_choices()}


class DepartmentAdminController(Controller):
    path = LIST_URL
    guards = [admin_only]

    @get("/", name="departments")
    async def index(self, request: Request) -> Template:
        context = {**await _tree_context(), "form": {}, "errors": {}, "conflict": None}
        return render(request, "organisation/departments.html", context)

    @post("/", name="department_create", status_code=303)
    async def create(self, request: Request) -> Template | Redirect:
        outcome = await submit_form(
            request,
            DepartmentForm,
            lambda value: service.create(value.model_dump(exclude={"version"}), request.user.id),
        )
        if outcome.validate_only:
            return outcome.inline_error()
        if outcome.saved:
            return redirect_with_message(
                request,
                LIST_URL,
                N_("Department “{name}” created."),
                name=outcome.form.value.name_fi,
            )
        context = {**await _tree_context(), **outcome.context()}
        return render(
            request, "organisation/departments.html", context, status_code=outcome.status_code
        )

    @get("/{department_id:int}", name="department_edit")
    async def edit(self, request: Request, department_id: int) -> Template:
        department = await service.get(department_id)
        return await self._edit_page(request, department, form=department, errors={})

    async def _edit_page(
        self,
        request: Request,
        department: dict[str, Any],
        *,
        form: dict[str, Any],
        errors: dict[str, str],
        conflict: dict[str, Any] | None = None,
        status_code: int = 200,
    ) -> Template:
        excluded = {department["id"], *await service.descendant_ids(department["id"])}
        choices = [item for item in await service.active_choices() if item[1].id not in excluded]
        context = {
            "department": department,
            "choices": choices,
            "form": form,
            "errors": errors,
            "conflict": conflict,
        }
        return render(
            request, "organisation/department_edit.html", context, status_code=status_code
        )

    @post("/{department_id:int}", name="department_update", status_code=303)
    async def update(self, request: Request, department_id: int) -> Template | Redirect:
        department = await service.get(department_id)
        outcome: FormOutcome[DepartmentForm] = await submit_form(
            request,
            DepartmentForm,
            lambda value: service.update(
                department_id,
                value.version,
                value.model_dump(exclude={"version"}),
                request.user.id,
            ),
        )
        if outcome.validate_only:
            return outcome.inline_error()
        if outcome.saved:
            return redirect_with_message(request, LIST_URL, N_("Changes saved."))
        return await self._edit_page(
            request,
            department,
            form=outcome.form.data,
            errors=outcome.form.errors,
            conflict=outcome.conflict,
            status_code=outcome.status_code,
        )

    async def _state_change(
        self, request: Request, department_id: int, action: str
    ) -> Template | Redirect:
        department = await service.get(department_id)
        actor_id = request.user.id

        async def change(value: DepartmentDeleteForm) -> None:
            if action != "delete":
                await service.set_archived(
                    department_id, value.version, action == "archive", actor_id
                )
            elif not value.confirm:
                raise FieldErrors({"confirm": N_("Tick the box to confirm the deletion.")})
            else:
                await service.delete(department_id, value.version, actor_id)

        outcome = await submit_form(request, DepartmentDeleteForm, change)
        if not outcome.saved:
            current, context = outcome.reshown(department)
            return await self._edit_page(
                request, current, **context, status_code=outcome.status_code
            )
        messages = {
            "archive": N_("Department “{name}” archived. You can restore it at any time."),
            "restore": N_("Department “{name}” restored."),
            "delete": N_("Department “{name}” deleted."),
        }
        return redirect_with_message(
            request, LIST_URL, messages[action], name=department["name_fi"]
        )

    @post("/{department_id:int}/archive", name="department_archive", status_code=303)
    async def archive(self, request: Request, department_id: int) -> Template | Redirect:
        return await self._state_change(request, department_id, "archive")

    @post("/{department_id:int}/restore", name="department_restore", status_code=303)
    async def restore(self, request: Request, department_id: int) -> Template | Redirect:
        return await self._state_change(request, department_id, "restore")

    @post("/{department_id:int}/delete", name="department_delete", status_code=303)
    async def delete(self, request: Request, department_id: int) -> Template | Redirect:
        return await self._state_change(request, department_id, "delete")


class DepartmentPageController(Controller):
    """A department's page for everyone signed in: its people, sub-departments and experiments."""

    path = "/departments"
    guards = [signed_in]

    @get("/{department_id:int}", name="department_page")
    async def show(self, request: Request, department_id: int, page: int = 1) -> Template:
        department = await service.get(department_id)
        page = min(max(page, 1), listing.MAX_PAGE)
        filters = listing.BrowseFilters(department=department_id, page=page)
        context = {
            "department": department,
            "parents": await service.ancestors(department_id),
            "children": await service.children(department_id),
            "people": await service.people(department_id),
            "result": await listing.browse(request.user, filters),
        }
        return render(request, "organisation/department_page.html", context)
