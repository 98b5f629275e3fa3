"""The lead's pages for an ordered, archivable list of a cohort: the list with its add form,
an item's edit page, and the archive, restore and move (up/down) actions. Reflection questions
and assessment statements share them; ordering.py holds the data side.

`ordered_items_controller(items)` makes a base controller (mounted at /cohorts) with these
handlers at /cohorts/{cohort_id}/<list path>[/{item_id}[/archive|restore|move]], named
<route_name>s, <route_name>_create, _edit, _update, _archive, _restore and _move; the list's
own controller inherits it. Only the cohort's leads and admins may use them (others: 403, or
404 outside the cohort)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from litestar import Controller, Request, get, post
from litestar.response import Redirect, Template

from app.i18n import N_
from app.reflections.access import CohortAccess, cohort_access
from app.reflections.schemas import MoveForm
from app.web.form_flow import FormOutcome, submit_archived, submit_form
from app.web.forms import FormModel
from app.web.rendering import redirect_with_message, render


@dataclass(frozen=True)
class OrderedItems:
    """One kind of list: where it lives, its pages and form, how to read and change it."""

    noun: str  # an item in the edit template's context: "question"
    plural: str  # the items in the list template's context: "questions"
    route_name: str  # route names start with it: "reflection_question"
    list_path: str  # the list page below /cohorts/{cohort_id}: "reflections/questions"
    list_template: str
    edit_template: str
    form: type[FormModel]  # the item's fields and its version
    rows: Callable[[int], Awaitable[list[dict[str, Any]]]]  # (cohort_id), archived ones too
    get: Callable[[int, int], Awaitable[dict[str, Any]]]  # (cohort_id, item_id)
    create: Callable[[int, dict[str, Any], int], Awaitable[Any]]  # (cohort_id, values, actor_id)
    # (cohort_id, item_id, version, values, actor_id)
    update: Callable[[int, int, int, dict[str, Any], int], Awaitable[None]]
    # (cohort_id, item_id, version, direction, actor_id)
    move: Callable[[int, int, int, str, int], Awaitable[None]]
    added_message: str
    archived_message: str
    restored_message: str

    def list_url(self, cohort_id: int) -> str:
        return f"/cohorts/{cohort_id}/{self.list_path}"


async def _manager(request: Request, cohort_id: int) -> CohortAccess:
    access = await cohort_access(request.user, cohort_id)
    access.require_manager()
    return access


def _values(value: FormModel) -> dict[str, Any]:
    return value.model_dump(exclude={"version"})


def ordered_items_controller(items: OrderedItems) -> type[Controller]:
    list_path = f"/{{cohort_id:int}}/{items.list_path}"
    item_path = f"{list_path}/{{item_id:int}}"

    class OrderedItemsController(Controller):
        async def _list_page(
            self, request: Request, access: CohortAccess, outcome: FormOutcome | None = None
        ) -> Template:
            context: dict[str, Any] = {
                **access.context(),
                items.plural: await items.rows(access.id),
                "form": {},
                "errors": {},
            }
            status_code = 200
            if outcome is not None:
                context.update(form=outcome.form.data, errors=outcome.form.errors)
                status_code = outcome.status_code
            return render(request, items.list_template, context, status_code=status_code)

        async def _edit_page(
            self,
            request: Request,
            access: CohortAccess,
            item: dict[str, Any],
            context: dict[str, Any],
            status_code: int = 200,
        ) -> Template:
            return render(
                request,
                items.edit_template,
                {**access.context(), items.noun: item, **context},
                status_code=status_code,
            )

        @get(list_path, name=f"{items.route_name}s")
        async def list_items(self, request: Request, cohort_id: int) -> Template:
            return await self._list_page(request, await _manager(request, cohort_id))

        @post(list_path, name=f"{items.route_name}_create", status_code=303)
        async def create_item(self, request: Request, cohort_id: int) -> Template | Redirect:
            access = await _manager(request, cohort_id)
            outcome = await submit_form(
                request,
                items.form,
                lambda value: items.create(cohort_id, _values(value), request.user.id),
            )
            if outcome.validate_only:
                return outcome.inline_error()
            if outcome.saved:
                return redirect_with_message(
                    request, items.list_url(cohort_id), items.added_message
                )
            return await self._list_page(request, access, outcome)

        @get(item_path, name=f"{items.route_name}_edit")
        async def edit_item(self, request: Request, cohort_id: int, item_id: int) -> Template:
            access = await _manager(request, cohort_id)
            item = await items.get(cohort_id, item_id)
            return await self._edit_page(
                request, access, item, {"form": item, "errors": {}, "conflict": None}
            )

        @post(item_path, name=f"{items.route_name}_update", status_code=303)
        async def update_item(
            self, request: Request, cohort_id: int, item_id: int
        ) -> Template | Redirect:
            access = await _manager(request, cohort_id)
            item = await items.get(cohort_id, item_id)
            outcome = await submit_form(
                request,
                items.form,
                lambda value: items.update(
                    cohort_id, item_id, value.version, _values(value), request.user.id
                ),
            )
            if outcome.validate_only:
                return outcome.inline_error()
            if outcome.saved:
                return redirect_with_message(
                    request, items.list_url(cohort_id), N_("Changes saved.")
                )
            return await self._edit_page(
                request, access, item, outcome.context(), outcome.status_code
            )

        async def _set_archived(
            self, request: Request, cohort_id: int, item_id: int, archived: bool
        ) -> Template | Redirect:
            access = await _manager(request, cohort_id)
            item = await items.get(cohort_id, item_id)
            outcome = await submit_archived(
                request,
                archived,
                lambda version, values: items.update(
                    cohort_id, item_id, version, values, request.user.id
                ),
            )
            if not outcome.saved:
                current, context = outcome.reshown(item)
                return await self._edit_page(request, access, current, context, outcome.status_code)
            message = items.archived_message if archived else items.restored_message
            return redirect_with_message(request, items.list_url(cohort_id), message)

        @post(f"{item_path}/archive", name=f"{items.route_name}_archive", status_code=303)
        async def archive_item(
            self, request: Request, cohort_id: int, item_id: int
        ) -> Template | Redirect:
            return await self._set_archived(request, cohort_id, item_id, True)

        @post(f"{item_path}/restore", name=f"{items.route_name}_restore", status_code=303)
        async def restore_item(
            self, request: Request, cohort_id: int, item_id: int
        ) -> Template | Redirect:
            return await self._set_archived(request, cohort_id, item_id, False)

        @post(f"{item_path}/move", name=f"{items.route_name}_move", status_code=303)
        async def move_item(self, request: Request, cohort_id: int, item_id: int) -> Redirect:
            await _manager(request, cohort_id)
            await items.get(cohort_id, item_id)
            outcome = await submit_form(
                request,
                MoveForm,
                lambda value: items.move(
                    cohort_id, item_id, value.version, value.direction, request.user.id
                ),
            )
            url = items.list_url(cohort_id)
            if outcome.saved:
                return redirect_with_message(request, url, N_("Order saved."))
            return redirect_with_message(
                request,
                url,
                N_("The list had changed meanwhile; nothing was moved. Please try again."),
                category="error",
            )

    return OrderedItemsController
