"""Group self-assessment pages: the groups' ratings across days (chart + table), a group's
rating form for a workshop day, and the lead's statements."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, get, post
from litestar.response import Redirect, Template

from app.cohorts.service import get_day as workshop_day
from app.i18n import N_
from app.reflections import assessment
from app.reflections.access import (
    CohortAccess,
    cohort_access,
    is_open_for_answers,
    today,
    workshop_days,
)
from app.reflections.chart import bar_chart
from app.reflections.schemas import MoveForm, StatementForm, ratings_form
from app.service_errors import Forbidden
from app.web.form_flow import FormOutcome, submit_form
from app.web.forms import VersionForm
from app.web.guards import signed_in
from app.web.rendering import redirect_with_message, render

RATING_LABELS = {
    1: N_("1 – poor"),
    2: N_("2 – fair"),
    3: N_("3 – good"),
    4: N_("4 – very good"),
    5: N_("5 – excellent"),
}


def _url(cohort_id: int, rest: str = "") -> str:
    return f"/cohorts/{cohort_id}/assessment{rest}"


def _rating_form(saved: dict[int, dict[str, Any]], department_id: int | None) -> dict[str, Any]:
    form: dict[str, Any] = {"department": department_id}
    for sid, row in saved.items():
        form[f"rating_{sid}"] = row["rating"]
        form[f"version_{sid}"] = row["version"]
    return form


class AssessmentController(Controller):
    path = "/cohorts"
    guards = [signed_in]

    @get("/{cohort_id:int}/assessment", name="assessment_summary")
    async def summary(self, request: Request, cohort_id: int) -> Template:
        access = await cohort_access(request.user, cohort_id)
        days = await workshop_days(cohort_id)
        statements = await assessment.statements(cohort_id)
        groups = []
        for item in await assessment.summary(cohort_id):
            points = [(day["day"], item.means.get((None, day["id"]))) for day in days]
            groups.append({"summary": item, "chart": bar_chart(points)})
        return render(
            request,
            "reflections/assessment.html",
            {
                **access.context(),
                "days": days,
                "today": today(),
                "statements": statements,
                "groups": groups,
            },
        )

    # --- a group rates ----------------------------------------------------------------------

    async def _rating_page(
        self,
        request: Request,
        access: CohortAccess,
        day: dict[str, Any],
        department_id: int | None,
        outcome: FormOutcome | None = None,
    ) -> Template:
        groups = await assessment.groups(access.id)
        group_ids = {group["id"] for group in groups}
        if department_id not in group_ids:
            own = request.user.department
            department_id = own if own in group_ids else (groups[0]["id"] if groups else None)
        saved = await assessment.ratings_of(day["id"], department_id) if department_id else {}
        context: dict[str, Any] = {
            **access.context(),
            "day": day,
            "open": is_open_for_answers(day),
            "groups": groups,
            "group": next((g for g in groups if g["id"] == department_id), None),
            "statements": await assessment.statements(access.id),
            "rating_labels": RATING_LABELS,
            "form": _rating_form(saved, department_id),
            "errors": {},
            "conflict": None,
        }
        status_code = 200
        if outcome is not None:
            context.update(outcome.context())
            if outcome.conflict is not None:
                # The form keeps the person's choices but now carries the saved versions.
                for sid, row in saved.items():
                    context["form"][f"version_{sid}"] = row["version"]
                context["conflict"] = {sid: row["rating"] for sid, row in saved.items()}
            status_code = outcome.status_code
        return render(request, "reflections/rate.html", context, status_code=status_code)

    @get("/{cohort_id:int}/assessment/days/{day_id:int}", name="assessment_rate")
    async def rate_form(
        self, request: Request, cohort_id: int, day_id: int, department: int | None = None
    ) -> Template:
        access = await cohort_access(request.user, cohort_id)
        day = await workshop_day(cohort_id, day_id)
        return await self._rating_page(request, access, day, department)

    @post("/{cohort_id:int}/assessment/days/{day_id:int}", name="assessment_save", status_code=303)
    async def rate(self, request: Request, cohort_id: int, day_id: int) -> Template | Redirect:
        access = await cohort_access(request.user, cohort_id)
        day = await workshop_day(cohort_id, day_id)
        if not is_open_for_answers(day):
            raise Forbidden
        statements = await assessment.statements(cohort_id)
        model = ratings_form([s["id"] for s in statements])
        outcome = await submit_form(
            request,
            model,
            lambda value: assessment.save_ratings(
                cohort_id=cohort_id,
                day_id=day_id,
                department_id=value.department,
                ratings=value.ratings(),
                versions=value.versions(),
                actor_id=request.user.id,
            ),
        )
        if outcome.validate_only:
            return outcome.inline_error()
        if outcome.saved:
            return redirect_with_message(
                request, _url(cohort_id), N_("The group's ratings are saved.")
            )
        try:
            department_id = int(outcome.form.data.get("department") or 0)
        except ValueError:
            department_id = None
        return await self._rating_page(request, access, day, department_id, outcome)

    # --- the lead's statements --------------------------------------------------------------

    async def _statements_page(
        self, request: Request, access: CohortAccess, outcome: FormOutcome | None = None
    ) -> Template:
        context: dict[str, Any] = {
            **access.context(),
            "statements": await assessment.statements(access.id, include_archived=True),
            "form": {},
            "errors": {},
        }
        status_code = 200
        if outcome is not None:
            context.update(form=outcome.form.data, errors=outcome.form.errors)
            status_code = outcome.status_code
        return render(request, "reflections/statements.html", context, status_code=status_code)

    @get("/{cohort_id:int}/assessment/statements", name="assessment_statements")
    async def statements(self, request: Request, cohort_id: int) -> Template:
        access = await cohort_access(request.user, cohort_id)
        access.require_manager()
        return await self._statements_page(request, access)

    @post(
        "/{cohort_id:int}/assessment/statements",
        name="assessment_statement_create",
        status_code=303,
    )
    async def create_statement(self, request: Request, cohort_id: int) -> Template | Redirect:
        access = await cohort_access(request.user, cohort_id)
        access.require_manager()
        outcome = await submit_form(
            request,
            StatementForm,
            lambda value: assessment.create_statement(
                cohort_id, {"text": value.text}, request.user.id
            ),
        )
        if outcome.validate_only:
            return outcome.inline_error()
        if outcome.saved:
            return redirect_with_message(
                request, _url(cohort_id, "/statements"), N_("Statement added.")
            )
        return await self._statements_page(request, access, outcome)

    async def _statement_edit_page(
        self,
        request: Request,
        access: CohortAccess,
        statement: dict[str, Any],
        context: dict[str, Any],
        status_code: int = 200,
    ) -> Template:
        return render(
            request,
            "reflections/statement_edit.html",
            {**access.context(), "statement": statement, **context},
            status_code=status_code,
        )

    @get(
        "/{cohort_id:int}/assessment/statements/{statement_id:int}",
        name="assessment_statement_edit",
    )
    async def edit_statement(self, request: Request, cohort_id: int, statement_id: int) -> Template:
        access = await cohort_access(request.user, cohort_id)
        access.require_manager()
        statement = await assessment.get_statement(cohort_id, statement_id)
        return await self._statement_edit_page(
            request, access, statement, {"form": statement, "errors": {}, "conflict": None}
        )

    @post(
        "/{cohort_id:int}/assessment/statements/{statement_id:int}",
        name="assessment_statement_update",
        status_code=303,
    )
    async def update_statement(
        self, request: Request, cohort_id: int, statement_id: int
    ) -> Template | Redirect:
        access = await cohort_access(request.user, cohort_id)
        access.require_manager()
        statement = await assessment.get_statement(cohort_id, statement_id)
        outcome = await submit_form(
            request,
            StatementForm,
            lambda value: assessment.update_statement(
                cohort_id, statement_id, value.version, {"text": value.text}, request.user.id
            ),
        )
        if outcome.validate_only:
            return outcome.inline_error()
        if outcome.saved:
            return redirect_with_message(
                request, _url(cohort_id, "/statements"), N_("Changes saved.")
            )
        return await self._statement_edit_page(
            request, access, statement, outcome.context(), outcome.status_code
        )

    async def _set_archived(
        self, request: Request, cohort_id: int, statement_id: int, archived: bool
    ) -> Template | Redirect:
        access = await cohort_access(request.user, cohort_id)
        access.require_manager()
        statement = await assessment.get_statement(cohort_id, statement_id)
        outcome = await submit_form(
            request,
            VersionForm,
            lambda value: assessment.update_statement(
                cohort_id, statement_id, value.version, {"archived": archived}, request.user.id
            ),
        )
        if not outcome.saved:
            current = outcome.conflict or statement
            return await self._statement_edit_page(
                request,
                access,
                current,
                {"form": current, "errors": outcome.form.errors, "conflict": outcome.conflict},
                outcome.status_code,
            )
        message = (
            N_("Statement archived: it is no longer rated. You can restore it at any time.")
            if archived
            else N_("Statement restored.")
        )
        return redirect_with_message(request, _url(cohort_id, "/statements"), message)

    @post(
        "/{cohort_id:int}/assessment/statements/{statement_id:int}/archive",
        name="assessment_statement_archive",
        status_code=303,
    )
    async def archive_statement(
        self, request: Request, cohort_id: int, statement_id: int
    ) -> Template | Redirect:
        return await self._set_archived(request, cohort_id, statement_id, True)

    @post(
        "/{cohort_id:int}/assessment/statements/{statement_id:int}/restore",
        name="assessment_statement_restore",
        status_code=303,
    )
    async def restore_statement(
        self, request: Request, cohort_id: int, statement_id: int
    ) -> Template | Redirect:
        return await self._set_archived(request, cohort_id, statement_id, False)

    @post(
        "/{cohort_id:int}/assessment/statements/{statement_id:int}/move",
        name="assessment_statement_move",
        status_code=303,
    )
    async def move_statement(
        self, request: Request, cohort_id: int, statement_id: int
    ) -> Template | Redirect:
        access = await cohort_access(request.user, cohort_id)
        access.require_manager()
        await assessment.get_statement(cohort_id, statement_id)
        outcome = await submit_form(
            request,
            MoveForm,
            lambda value: assessment.move_statement(
                cohort_id, statement_id, value.version, value.direction, request.user.id
            ),
        )
        url = _url(cohort_id, "/statements")
        if outcome.saved:
            return redirect_with_message(request, url, N_("Order saved."))
        return redirect_with_message(
            request,
            url,
            N_("The list had changed meanwhile; nothing was moved. Please try again."),
            category="error",
        )
