"""Group self-assessment pages: the groups' ratings across days (chart + table), a group's
rating form for a workshop day, and the lead's statements."""

from __future__ import annotations

from functools import partial
from typing import Any

from litestar import Request, get, post
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
from app.reflections.ordered_routes import OrderedItems, ordered_items_controller
from app.reflections.schemas import StatementForm, ratings_form
from app.service_errors import Forbidden
from app.web.form_flow import FormOutcome, submit_form
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


STATEMENTS = OrderedItems(
    noun="statement",
    plural="statements",
    route_name="assessment_statement",
    list_path="assessment/statements",
    list_template="reflections/statements.html",
    edit_template="reflections/statement_edit.html",
    form=StatementForm,
    rows=partial(assessment.statements, include_archived=True),
    get=assessment.get_statement,
    create=assessment.create_statement,
    update=assessment.update_statement,
    move=assessment.move_statement,
    added_message=N_("Statement added."),
    archived_message=N_(
        "Statement archived: it is no longer rated. You can restore it at any time."
    ),
    restored_message=N_("Statement restored."),
)


# The lead's list, add form, edit page, archive, restore and move come from the base.
class AssessmentController(ordered_items_controller(STATEMENTS)):
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
