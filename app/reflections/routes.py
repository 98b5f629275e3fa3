"""Reflection pages: a participant answers a workshop day's questions; the lead reads every
answer of a day and edits the cohort's question set."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, get, post
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
from app.reflections.schemas import MoveForm, QuestionForm, answers_form
from app.service_errors import Forbidden
from app.web.form_flow import FormOutcome, submit_form
from app.web.forms import VersionForm
from app.web.guards import signed_in
from app.web.rendering import redirect_with_message, render


def _base(cohort_id: int) -> str:
    return f"/cohorts/{cohort_id}"


class ReflectionController(Controller):
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

    # --- the lead edits the questions -------------------------------------------------------

    async def _questions_page(
        self, request: Request, access: CohortAccess, outcome: FormOutcome | None = None
    ) -> Template:
        context: dict[str, Any] = {
            **access.context(),
            "questions": await service.questions(access.id, include_archived=True),
            "form": {},
            "errors": {},
        }
        status_code = 200
        if outcome is not None:
            context.update(form=outcome.form.data, errors=outcome.form.errors)
            status_code = outcome.status_code
        return render(request, "reflections/questions.html", context, status_code=status_code)

    @get("/{cohort_id:int}/reflections/questions", name="reflection_questions")
    async def questions(self, request: Request, cohort_id: int) -> Template:
        access = await cohort_access(request.user, cohort_id)
        access.require_manager()
        return await self._questions_page(request, access)

    @post(
        "/{cohort_id:int}/reflections/questions", name="reflection_question_create", status_code=303
    )
    async def create_question(self, request: Request, cohort_id: int) -> Template | Redirect:
        access = await cohort_access(request.user, cohort_id)
        access.require_manager()
        outcome = await submit_form(
            request,
            QuestionForm,
            lambda value: service.create_question(
                cohort_id, value.model_dump(exclude={"version"}), request.user.id
            ),
        )
        if outcome.validate_only:
            return outcome.inline_error()
        if outcome.saved:
            return redirect_with_message(
                request, f"{_base(cohort_id)}/reflections/questions", N_("Question added.")
            )
        return await self._questions_page(request, access, outcome)

    async def _question_edit_page(
        self,
        request: Request,
        access: CohortAccess,
        question: dict[str, Any],
        context: dict[str, Any],
        status_code: int = 200,
    ) -> Template:
        return render(
            request,
            "reflections/question_edit.html",
            {**access.context(), "question": question, **context},
            status_code=status_code,
        )

    @get(
        "/{cohort_id:int}/reflections/questions/{question_id:int}", name="reflection_question_edit"
    )
    async def edit_question(self, request: Request, cohort_id: int, question_id: int) -> Template:
        access = await cohort_access(request.user, cohort_id)
        access.require_manager()
        question = await service.get_question(cohort_id, question_id)
        return await self._question_edit_page(
            request, access, question, {"form": question, "errors": {}, "conflict": None}
        )

    @post(
        "/{cohort_id:int}/reflections/questions/{question_id:int}",
        name="reflection_question_update",
        status_code=303,
    )
    async def update_question(
        self, request: Request, cohort_id: int, question_id: int
    ) -> Template | Redirect:
        access = await cohort_access(request.user, cohort_id)
        access.require_manager()
        question = await service.get_question(cohort_id, question_id)
        outcome = await submit_form(
            request,
            QuestionForm,
            lambda value: service.update_question(
                cohort_id,
                question_id,
                value.version,
                value.model_dump(exclude={"version"}),
                request.user.id,
            ),
        )
        if outcome.validate_only:
            return outcome.inline_error()
        if outcome.saved:
            return redirect_with_message(
                request, f"{_base(cohort_id)}/reflections/questions", N_("Changes saved.")
            )
        return await self._question_edit_page(
            request, access, question, outcome.context(), outcome.status_code
        )

    async def _set_archived(
        self, request: Request, cohort_id: int, question_id: int, archived: bool
    ) -> Template | Redirect:
        access = await cohort_access(request.user, cohort_id)
        access.require_manager()
        question = await service.get_question(cohort_id, question_id)
        outcome = await submit_form(
            request,
            VersionForm,
            lambda value: service.update_question(
                cohort_id, question_id, value.version, {"archived": archived}, request.user.id
            ),
        )
        if not outcome.saved:
            current = outcome.conflict or question
            return await self._question_edit_page(
                request,
                access,
                current,
                {"form": current, "errors": outcome.form.errors, "conflict": outcome.conflict},
                outcome.status_code,
            )
        message = (
            N_("Question archived: it is no longer asked. You can restore it at any time.")
            if archived
            else N_("Question restored.")
        )
        return redirect_with_message(request, f"{_base(cohort_id)}/reflections/questions", message)

    @post(
        "/{cohort_id:int}/reflections/questions/{question_id:int}/archive",
        name="reflection_question_archive",
        status_code=303,
    )
    async def archive_question(
        self, request: Request, cohort_id: int, question_id: int
    ) -> Template | Redirect:
        return await self._set_archived(request, cohort_id, question_id, True)

    @post(
        "/{cohort_id:int}/reflections/questions/{question_id:int}/restore",
        name="reflection_question_restore",
        status_code=303,
    )
    async def restore_question(
        self, request: Request, cohort_id: int, question_id: int
    ) -> Template | Redirect:
        return await self._set_archived(request, cohort_id, question_id, False)

    @post(
        "/{cohort_id:int}/reflections/questions/{question_id:int}/move",
        name="reflection_question_move",
        status_code=303,
    )
    async def move_question(
        self, request: Request, cohort_id: int, question_id: int
    ) -> Template | Redirect:
        access = await cohort_access(request.user, cohort_id)
        access.require_manager()
        await service.get_question(cohort_id, question_id)
        outcome = await submit_form(
            request,
            MoveForm,
            lambda value: service.move_question(
                cohort_id, question_id, value.version, value.direction, request.user.id
            ),
        )
        url = f"{_base(cohort_id)}/reflections/questions"
        if outcome.saved:
            return redirect_with_message(request, url, N_("Order saved."))
        return redirect_with_message(
            request,
            url,
            N_("The list had changed meanwhile; nothing was moved. Please try again."),
            category="error",
        )
