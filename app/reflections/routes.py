"""Reflection pages: a participant answers a workshop day's questions; the lead reads every
answer of a day and edits the cohort's question set."""

from __future__ import annotations

from functools import partial
from typing import Any

from litestar import Request, get, post
from litestar.response import Redirect, Template

from app.cohorts.service import get_day as workshop_day
from app.i18n import N_
from app.reflections import service
from app.reflections.access import (
    CohortAccess,
    cohort_access,
    is_open_for_answers,
    workshop_days,
)
from app.reflections.ordered_routes import OrderedItems, ordered_items_controller
from app.reflections.schemas import QuestionForm, answers_form
from app.service_errors import Forbidden
from app.web.form_flow import FormOutcome, submit_form
from app.web.guards import signed_in
from app.web.rendering import redirect_with_message, render


def _base(cohort_id: int) -> str:
    return f"/cohorts/{cohort_id}"


QUESTIONS = OrderedItems(
    noun="question",
    plural="questions",
    route_name="reflection_question",
    list_path="reflections/questions",
    list_template="reflections/questions.html",
    edit_template="reflections/question_edit.html",
    form=QuestionForm,
    rows=partial(service.questions, include_archived=True),
    get=service.get_question,
    create=service.create_question,
    update=service.update_question,
    move=service.move_question,
    added_message=N_("Question added."),
    archived_message=N_(
        "Question archived: it is no longer asked. You can restore it at any time."
    ),
    restored_message=N_("Question restored."),
)


# The lead's list, add form, edit page, archive, restore and move come from the base.
class ReflectionController(ordered_items_controller(QUESTIONS)):
    path = "/cohorts"
    guards = [signed_in]

    # --- a participant answers --------------------------------------------------------------

    async def _answer_page(
        self,
        request: Request,
        access: CohortAccess,
        day: dict[str, Any],
        outcome: FormOutcome | None = None,
    ) -> Template:
        questions = await service.questions(access.id)
        mine = await service.my_answers(day["id"], request.user.id, access.anonymous)
        form: dict[str, Any] = {f"answer_{qid}": text for qid, text in mine.texts.items()}
        form["version"] = mine.version
        context: dict[str, Any] = {
            **access.context(),
            "day": day,
            "questions": questions,
            "mine": mine,
            "open": is_open_for_answers(day),
            "form": form,
            "errors": {},
            "conflict": None,
        }
        status_code = 200
        if outcome is not None:
            context.update(outcome.context())
            status_code = outcome.status_code
        return render(request, "reflections/answer.html", context, status_code=status_code)

    @get("/{cohort_id:int}/days/{day_id:int}/reflection", name="reflection_answer")
    async def answer_form(self, request: Request, cohort_id: int, day_id: int) -> Template:
        access = await cohort_access(request.user, cohort_id)
        access.require_participant()
        day = await workshop_day(cohort_id, day_id)
        return await self._answer_page(request, access, day)

    @post(
        "/{cohort_id:int}/days/{day_id:int}/reflection", name="reflection_submit", status_code=303
    )
    async def submit(self, request: Request, cohort_id: int, day_id: int) -> Template | Redirect:
        access = await cohort_access(request.user, cohort_id)
        access.require_participant()
        day = await workshop_day(cohort_id, day_id)
        if not is_open_for_answers(day):
            raise Forbidden
        questions = await service.questions(cohort_id)
        model = answers_form([q["id"] for q in questions])
        outcome = await submit_form(
            request,
            model,
            lambda value: service.submit_answers(
                cohort=access.cohort,
                day=day,
                user_id=request.user.id,
                texts=value.texts(),
                version=value.version,
            ),
        )
        if outcome.validate_only:
            return outcome.inline_error()
        if outcome.saved:
            return redirect_with_message(
                request,
                f"{_base(cohort_id)}/reflections/mine",
                N_("Thank you! Your answers are saved."),
            )
        return await self._answer_page(request, access, day, outcome)

    @get("/{cohort_id:int}/reflections/mine", name="reflections_mine")
    async def mine(self, request: Request, cohort_id: int) -> Template:
        access = await cohort_access(request.user, cohort_id)
        access.require_participant()
        days = await workshop_days(cohort_id)
        answers = (
            {} if access.anonymous else await service.my_answers_by_day(cohort_id, request.user.id)
        )
        return render(
            request,
            "reflections/mine.html",
            {
                **access.context(),
                "days": days,
                "open": {day["id"]: is_open_for_answers(day) for day in days},
                "answered": await service.answered_day_ids(cohort_id, request.user.id),
                "answers": answers,
                "questions": await service.questions(cohort_id, include_archived=True),
            },
        )

    # --- the lead reads ---------------------------------------------------------------------

    @get("/{cohort_id:int}/reflections", name="reflections_day")
    async def day_answers(
        self, request: Request, cohort_id: int, day: int | None = None
    ) -> Template:
        access = await cohort_access(request.user, cohort_id)
        access.require_manager()
        days = await workshop_days(cohort_id)
        chosen = next((d for d in days if d["id"] == day), None)
        if chosen is None:
            past = [d for d in days if is_open_for_answers(d)]
            chosen = past[-1] if past else (days[0] if days else None)
        answers = (
            await service.day_answers(cohort_id, chosen["id"], access.anonymous) if chosen else None
        )
        return render(
            request,
            "reflections/day_answers.html",
            {**access.context(), "days": days, "chosen": chosen, "result": answers},
        )
