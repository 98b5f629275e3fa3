"""Cohort pages: the list, create and edit, the cohort page, workshop days, participants,
join links, and /join/{token} where an employee joins with a link."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, get, post
from litestar.response import Redirect, Template

from app import policies
from app.cohorts import members, service
from app.cohorts.schemas import (
    JOIN_LINK_DEFAULT_DAYS,
    CohortForm,
    DepartmentForm,
    JoinLinkForm,
    ParticipantForm,
    WorkshopDayForm,
)
from app.i18n import N_, gettext
from app.organisation import service as organisation
from app.service_errors import FieldErrors, Forbidden
from app.settings import get_settings
from app.web.bounds import is_row_id
from app.web.form_flow import FormOutcome, submit_form
from app.web.forms import VersionForm, clean_text, read_form
from app.web.guards import signed_in
from app.web.rendering import redirect_with_message, render

# How a participant came in (CohortParticipant.added_via), as shown to leads.
ADDED_VIA = {
    "lead": N_("One by one"),
    "department": N_("With a department"),
    "link": N_("With a join link"),
}


def _url(cohort_id: int, anchor: str = "") -> str:
    return f"/cohorts/{cohort_id}" + (f"#{anchor}" if anchor else "")


def _cohort_values(form: CohortForm) -> dict[str, Any]:
    return form.model_dump(exclude={"version"})


async def _form_choices() -> dict[str, Any]:
    return {
        "lead_choices": await service.lead_choices(),
        "theme_choices": await service.theme_choices(),
    }


def join_url(token: str) -> str:
    return f"{get_settings().base_url.rstrip('/')}/join/{token}"


class CohortController(Controller):
    path = "/cohorts"
    guards = [signed_in]

    # --- list, create, edit ---------------------------------------------------------------

    @get("/", name="cohorts")
    async def index(self, request: Request) -> Template:
        return render(
            request,
            "cohorts/list.html",
            {
                "cohorts": await service.list_for(request.user),
                "can_create": policies.can_lead_workshops(request.user),
            },
        )

    async def _form_page(
        self, request: Request, cohort: dict[str, Any] | None, context: dict[str, Any], status=200
    ) -> Template:
        return render(
            request,
            "cohorts/form.html",
            {"cohort": cohort, **await _form_choices(), **context},
            status_code=status,
        )

    @get("/new", name="cohort_new")
    async def new(self, request: Request) -> Template:
        if not policies.can_lead_workshops(request.user):
            raise Forbidden
        start = {"leads": [request.user.id] if request.user.is_lead else [], "stale_after_days": 14}
        return await self._form_page(request, None, {"form": start, "errors": {}, "conflict": None})

    @post("/new", name="cohort_create", status_code=303)
    async def create(self, request: Request) -> Template | Redirect:
        if not policies.can_lead_workshops(request.user):
            raise Forbidden
        outcome = await submit_form(
            request, CohortForm, lambda value: service.create(request.user, _cohort_values(value))
        )
        if outcome.validate_only:
            return outcome.inline_error()
        if outcome.saved:
            return redirect_with_message(
                request,
                _url(outcome.result),
                N_("Cohort “{name}” created. Add its workshop days and participants below."),
                name=outcome.form.value.name,
            )
        return await self._form_page(request, None, outcome.context(), outcome.status_code)

    @get("/{cohort_id:int}/edit", name="cohort_edit")
    async def edit(self, request: Request, cohort_id: int) -> Template:
        await service.manageable(request.user, cohort_id)
        values = await service.form_values(cohort_id)
        return await self._form_page(
            request, values, {"form": values, "errors": {}, "conflict": None}
        )

    @post("/{cohort_id:int}/edit", name="cohort_update", status_code=303)
    async def update(self, request: Request, cohort_id: int) -> Template | Redirect:
        await service.manageable(request.user, cohort_id)
        outcome = await submit_form(
            request,
            CohortForm,
            lambda value: service.update(
                request.user, cohort_id, value.version, _cohort_values(value)
            ),
        )
        if outcome.validate_only:
            return outcome.inline_error()
        if outcome.saved:
            return redirect_with_message(request, _url(cohort_id), N_("Changes saved."))
        cohort = await service.form_values(cohort_id)
        return await self._form_page(request, cohort, outcome.context(), outcome.status_code)

    async def _set_archived(self, request: Request, cohort_id: int, archived: bool) -> Redirect:
        await service.manageable(request.user, cohort_id)
        outcome = await submit_form(
            request,
            VersionForm,
            lambda value: service.set_archived(request.user, cohort_id, value.version, archived),
        )
        if not outcome.saved:
            return redirect_with_message(
                request,
                _url(cohort_id),
                N_("Someone else changed this cohort meanwhile. Check it and try again."),
                category="error",
            )
        message = (
            N_("Cohort archived. It no longer appears in the experiment forms.")
            if archived
            else N_("Cohort restored.")
        )
        return redirect_with_message(request, _url(cohort_id), message)

    @post("/{cohort_id:int}/archive", name="cohort_archive", status_code=303)
    async def archive(self, request: Request, cohort_id: int) -> Redirect:
        return await self._set_archived(request, cohort_id, True)

    @post("/{cohort_id:int}/restore", name="cohort_restore", status_code=303)
    async def restore(self, request: Request, cohort_id: int) -> Redirect:
        return await self._set_archived(request, cohort_id, False)

    # --- the cohort page --------------------------------------------------------------------

    async def _page(
        self,
        request: Request,
        cohort_id: int,
        *,
        q: str = "",
        participant_errors: dict[str, str] | None = None,
        department_errors: dict[str, str] | None = None,
        status_code: int = 200,
        block: str | None = None,
    ) -> Template:
        view = await service.page(request.user, cohort_id)
        context: dict[str, Any] = {
            "view": view,
            "row": view.row,
            "q": q,
            "candidates": [],
            "participant_errors": participant_errors or {},
            "department_errors": department_errors or {},
            "join_link_days": JOIN_LINK_DEFAULT_DAYS,
            "added_via_labels": ADDED_VIA,
        }
        if view.can_manage:
            context["candidates"] = await members.search_people(cohort_id, q)
            if block is None:
                context["department_choices"] = await organisation.active_choices()
        return render(request, "cohorts/detail.html", context, block=block, status_code=status_code)

    @get("/{cohort_id:int}", name="cohort_detail")
    async def detail(self, request: Request, cohort_id: int, q: str = "") -> Template:
        searching = request.headers.get("hx-request") and "q" in request.query_params
        block = "participant_search" if searching else None
        return await self._page(request, cohort_id, q=clean_text(q)[:200], block=block)

    # --- workshop days ----------------------------------------------------------------------

    async def _day_page(
        self,
        request: Request,
        cohort: dict[str, Any],
        day: dict[str, Any] | None,
        outcome: FormOutcome | None = None,
    ) -> Template:
        context: dict[str, Any] = {"cohort": cohort, "day": day}
        if outcome is None:
            context.update(form=day or {}, errors={}, conflict=None)
            status = 200
        else:
            context.update(outcome.context())
            status = outcome.status_code
        return render(request, "cohorts/day_form.html", context, status_code=status)

    @get("/{cohort_id:int}/days/new", name="workshop_day_new")
    async def new_day(self, request: Request, cohort_id: int) -> Template:
        cohort = await service.manageable(request.user, cohort_id)
        return await self._day_page(request, cohort, None)

    @post("/{cohort_id:int}/days/new", name="workshop_day_create", status_code=303)
    async def create_day(self, request: Request, cohort_id: int) -> Template | Redirect:
        cohort = await service.manageable(request.user, cohort_id)
        outcome = await submit_form(
            request,
            WorkshopDayForm,
            lambda value: service.create_day(
                request.user, cohort_id, value.model_dump(exclude={"version"})
            ),
        )
        if outcome.validate_only:
            return outcome.inline_error()
        if outcome.saved:
            return redirect_with_message(
                request, _url(cohort_id, "days"), N_("Workshop day added.")
            )
        return await self._day_page(request, cohort, None, outcome)

    @get("/{cohort_id:int}/days/{day_id:int}/edit", name="workshop_day_edit")
    async def edit_day(self, request: Request, cohort_id: int, day_id: int) -> Template:
        cohort = await service.manageable(request.user, cohort_id)
        return await self._day_page(request, cohort, await service.get_day(cohort_id, day_id))

    @post("/{cohort_id:int}/days/{day_id:int}/edit", name="workshop_day_update", status_code=303)
    async def update_day(
        self, request: Request, cohort_id: int, day_id: int
    ) -> Template | Redirect:
        cohort = await service.manageable(request.user, cohort_id)
        day = await service.get_day(cohort_id, day_id)
        outcome = await submit_form(
            request,
            WorkshopDayForm,
            lambda value: service.update_day(
                request.user,
                cohort_id,
                day_id,
                value.version,
                value.model_dump(exclude={"version"}),
            ),
        )
        if outcome.validate_only:
            return outcome.inline_error()
        if outcome.saved:
            return redirect_with_message(request, _url(cohort_id, "days"), N_("Changes saved."))
        return await self._day_page(request, cohort, day, outcome)

    @post("/{cohort_id:int}/days/{day_id:int}/delete", name="workshop_day_delete", status_code=303)
    async def delete_day(
        self, request: Request, cohort_id: int, day_id: int
    ) -> Template | Redirect:
        cohort = await service.manageable(request.user, cohort_id)
        day = await service.get_day(cohort_id, day_id)
        outcome = await submit_form(
            request,
            VersionForm,
            lambda value: service.delete_day(request.user, cohort_id, day_id, value.version),
        )
        if outcome.saved:
            return redirect_with_message(
                request, _url(cohort_id, "days"), N_("Workshop day removed.")
            )
        return await self._day_page(request, cohort, day, outcome)

    # --- participants -----------------------------------------------------------------------

    @post("/{cohort_id:int}/participants", name="participant_add", status_code=303)
    async def add_participant(self, request: Request, cohort_id: int) -> Template | Redirect:
        await service.manageable(request.user, cohort_id)
        outcome = await submit_form(
            request,
            ParticipantForm,
            lambda value: members.add_participant(request.user, cohort_id, value.user),
        )
        if outcome.saved:
            return redirect_with_message(
                request,
                _url(cohort_id, "participants"),
                N_("{name} added to the cohort."),
                name=outcome.result,
            )
        return await self._page(
            request,
            cohort_id,
            q=str(outcome.form.data.get("q", ""))[:200],
            participant_errors=outcome.form.errors,
            status_code=422,
        )

    @get("/{cohort_id:int}/participants/department", name="participant_department_preview")
    async def department_preview(
        self, request: Request, cohort_id: int, department: str = ""
    ) -> Template:
        cohort = await service.manageable(request.user, cohort_id)
        try:
            if not department.strip().isdecimal() or not is_row_id(int(department)):
                raise FieldErrors({"department": N_("Choose one of the options.")})
            preview = await members.department_preview(request.user, cohort_id, int(department))
        except FieldErrors as exc:
            errors = {name: gettext(msgid) for name, msgid in exc.errors.items()}
            return await self._page(request, cohort_id, department_errors=errors, status_code=422)
        return render(
            request, "cohorts/department_confirm.html", {"cohort": cohort, "preview": preview}
        )

    @post(
        "/{cohort_id:int}/participants/department",
        name="participant_department_add",
        status_code=303,
    )
    async def add_department(self, request: Request, cohort_id: int) -> Template | Redirect:
        await service.manageable(request.user, cohort_id)
        form = await read_form(request, DepartmentForm)
        if not form.ok:
            return await self._page(
                request, cohort_id, department_errors=form.errors, status_code=422
            )
        try:
            added = await members.add_department(request.user, cohort_id, form.value.department)
        except FieldErrors as exc:
            form.add_errors(exc.errors)
            return await self._page(
                request, cohort_id, department_errors=form.errors, status_code=422
            )
        return redirect_with_message(
            request,
            _url(cohort_id, "participants"),
            N_("People added to the cohort: {count}."),
            count=added,
        )

    @post(
        "/{cohort_id:int}/participants/{user_id:int}/remove",
        name="participant_remove",
        status_code=303,
    )
    async def remove_participant(self, request: Request, cohort_id: int, user_id: int) -> Redirect:
        await members.remove_participant(request.user, cohort_id, user_id)
        return redirect_with_message(
            request, _url(cohort_id, "participants"), N_("Participant removed from the cohort.")
        )

    # --- join links -------------------------------------------------------------------------

    @post("/{cohort_id:int}/join-links", name="join_link_create", status_code=200)
    async def create_join_link(self, request: Request, cohort_id: int) -> Template | Redirect:
        cohort = await service.manageable(request.user, cohort_id)
        form = await read_form(request, JoinLinkForm)
        if not form.ok:
            return redirect_with_message(
                request,
                _url(cohort_id, "join-links"),
                N_("A link can be valid for 1–90 days."),
                category="error",
            )
        token = await members.create_join_link(request.user, cohort_id, form.value.valid_days)
        # The only time the whole link is shown: the database keeps just its hash.
        return render(
            request,
            "cohorts/join_link_created.html",
            {"cohort": cohort, "link": join_url(token), "valid_days": form.value.valid_days},
        )

    @post(
        "/{cohort_id:int}/join-links/{link_id:int}/revoke",
        name="join_link_revoke",
        status_code=303,
    )
    async def revoke_join_link(self, request: Request, cohort_id: int, link_id: int) -> Redirect:
        await members.revoke_join_link(request.user, cohort_id, link_id)
        return redirect_with_message(
            request, _url(cohort_id, "join-links"), N_("Link revoked. It no longer works.")
        )


class JoinController(Controller):
    """A join link: a signed-in employee sees the cohort's name and joins with one button;
    signed-out visitors are sent to sign in and come back here."""

    path = "/join"
    guards = [signed_in]

    @get("/{token:str}", name="join")
    async def show(self, request: Request, token: str) -> Template:
        found = await members.invitation(request.user, token)
        status = 200 if found.state == "active" else 410
        return render(
            request, "cohorts/join.html", {"found": found, "token": token}, status_code=status
        )

    @post("/{token:str}", name="join_submit", status_code=303)
    async def submit(self, request: Request, token: str) -> Template | Redirect:
        found = await members.join(request.user, token)
        if found.state != "active":
            return render(
                request, "cohorts/join.html", {"found": found, "token": token}, status_code=410
            )
        message = (
            N_("You are already taking part in “{name}”.")
            if found.already_in
            else N_("Welcome to “{name}”! You can now put your experiments in this cohort.")
        )
        return redirect_with_message(
            request, _url(found.cohort["id"]), message, name=found.cohort["name"]
        )
