"""The lead's pages for a cohort: the review board, the review form, workshop-day mode and
the day pack; the celebration walls; the reviews shown on an experiment's page."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from litestar import Controller, Request, get, post
from litestar.response import Redirect, Response, Template
from pydantic import ValidationError

from app.i18n import HELSINKI, N_
from app.organisation import service as organisation
from app.review import access, board, service
from app.review.schemas import ReviewForm
from app.service_errors import NotFound
from app.web.bounds import is_row_id
from app.web.form_flow import submit_form
from app.web.forms import form_to_dict
from app.web.guards import signed_in
from app.web.pages import safe_next
from app.web.rendering import redirect_with_message, render

REVIEW_PAGE = "review/review_page.html"
# The day pack's choice: `?show=all` prints every experiment, otherwise the day's presenters.
PACK_ALL = "all"


def _is_htmx(request: Request) -> bool:
    return bool(request.headers.get("hx-request"))


def _today():
    return datetime.now(HELSINKI).date()


def _review_url(cohort_id: int, experiment_id: int, day_id: int) -> str:
    return f"/cohorts/{cohort_id}/experiments/{experiment_id}/review?day={day_id}"


class ReviewController(Controller):
    path = "/cohorts"
    guards = [signed_in]

    # --- the board ----------------------------------------------------------------------

    @get("/{cohort_id:int}/board", name="review_board")
    async def board(self, request: Request, cohort_id: int) -> Template:
        cohort = await access.managed_cohort(request.user, cohort_id)
        raw = form_to_dict(request.query_params, board.BoardFilters)
        try:
            filters = board.BoardFilters.model_validate(raw)
        except ValidationError:
            filters = board.BoardFilters()
        context: dict[str, Any] = {
            "board": await board.build(cohort, filters, today=_today()),
            "filters": filters,
            "cohort": cohort,
            "phases": board.PHASES,
            "flags": board.FLAGS,
        }
        if not _is_htmx(request):  # htmx gets only the columns; the filter form stays
            context.update(
                theme_choices=await board.theme_choices(cohort_id),
                department_choices=await organisation.active_choices(),
            )
        return render(request, "review/board.html", context, block="board_results")

    # --- reviews ------------------------------------------------------------------------

    async def _review_page(
        self,
        request: Request,
        cohort: dict[str, Any],
        experiment_id: int,
        day_id: int,
        *,
        form: dict[str, Any] | None = None,
        errors: dict[str, str] | None = None,
        conflict: dict[str, Any] | None = None,
        saved: bool = False,
        next_url: str = "",
        status_code: int = 200,
    ) -> Template:
        day = await service.workshop_day(cohort["id"], day_id)
        experiment = await service.cohort_experiment(cohort["id"], experiment_id)
        await service.with_details([experiment], day_id)
        if form is None:
            form = service.review_form(experiment["review"])
        context = {
            "cohort": cohort,
            "day": day,
            "days": await board.workshop_days(cohort["id"]),
            "experiment": experiment,
            "form": form,
            "errors": errors or {},
            "conflict": conflict,
            "saved": saved,
            "next": _local(next_url or form.get("next") or request.query_params.get("next")),
        }
        block = "review_form" if _is_htmx(request) else None
        return render(request, REVIEW_PAGE, context, block=block, status_code=status_code)

    @get("/{cohort_id:int}/experiments/{experiment_id:int}/review", name="review_form")
    async def review(self, request: Request, cohort_id: int, experiment_id: int) -> Template:
        cohort = await access.managed_cohort(request.user, cohort_id)
        return await self._review_page(request, cohort, experiment_id, _day_param(request))

    @post(
        "/{cohort_id:int}/experiments/{experiment_id:int}/review",
        name="review_save",
        status_code=303,
    )
    async def save_review(
        self, request: Request, cohort_id: int, experiment_id: int
    ) -> Template | Redirect:
        cohort = await access.managed_cohort(request.user, cohort_id)
        day_id = _day_param(request)
        outcome = await submit_form(
            request,
            ReviewForm,
            lambda value: service.save_review(
                request.user,
                cohort_id,
                experiment_id,
                day_id,
                value.version,
                value.model_dump(exclude={"version"}),
            ),
        )
        if outcome.validate_only:
            return outcome.inline_error()
        if outcome.saved:
            back = _local(outcome.form.data.get("next"))
            if _is_htmx(request):
                return await self._review_page(
                    request, cohort, experiment_id, day_id, saved=True, next_url=back
                )
            target = back or _review_url(cohort_id, experiment_id, day_id)
            return redirect_with_message(request, target, N_("Review saved."))
        return await self._review_page(
            request,
            cohort,
            experiment_id,
            day_id,
            form=outcome.form.data,
            errors=outcome.form.errors,
            conflict=outcome.conflict,
            status_code=outcome.status_code,
        )

    @get("/reviews-for/{experiment_id:int}", name="reviews_for_experiment")
    async def reviews_for(self, request: Request, experiment_id: int) -> Template | Response:
        """The reviews section of an experiment's page (loaded by htmx), or a page of its own."""
        experiment = await service.experiment_row(experiment_id)
        allowed = await access.can_view_reviews(request.user, experiment)
        if _is_htmx(request) and not allowed:
            return Response(content="", status_code=200, media_type="text/html")
        if not allowed:
            raise NotFound
        context = {"experiment": experiment, "reviews": await service.reviews_of(experiment_id)}
        return render(request, "review/reviews_page.html", context, block="reviews_section")

    # --- workshop-day mode and the day pack ---------------------------------------------

    @get("/{cohort_id:int}/days/{day_id:int}/present", name="review_present")
    async def present(self, request: Request, cohort_id: int, day_id: int, i: int = 1) -> Template:
        cohort = await access.managed_cohort(request.user, cohort_id)
        day = await service.workshop_day(cohort_id, day_id)
        current = await service.slide(cohort_id, day, i)
        form = service.review_form(current.experiment["review"]) if current else {}
        context = {
            "cohort": cohort,
            "day": day,
            "slide": current,
            "experiment": current.experiment if current else None,
            "form": form,
            "errors": {},
            "conflict": None,
            "saved": False,
            "next": f"/cohorts/{cohort_id}/days/{day_id}/present?i={current.index}"
            if current
            else "",
        }
        return render(request, "review/present.html", context)

    @get("/{cohort_id:int}/days/{day_id:int}/pack", name="review_pack")
    async def pack(self, request: Request, cohort_id: int, day_id: int) -> Template:
        """The day's presenters (as in workshop-day mode), or with `?show=all` every due
        experiment of the cohort; any other value of `show` means the day's presenters."""
        cohort = await access.managed_cohort(request.user, cohort_id)
        day = await service.workshop_day(cohort_id, day_id)
        show_all = request.query_params.get("show") == PACK_ALL
        due = await service.due_experiments(cohort_id)
        presenters = await service.day_presenters(cohort_id, day, due)
        context = {
            "cohort": cohort,
            "day": day,
            "show_all": show_all,
            "presenter_count": len(presenters),
            "all_count": len(due),
            "experiments": await service.with_details(due if show_all else presenters, day_id),
        }
        return render(request, "review/pack.html", context)

    # --- the cohort's celebration wall --------------------------------------------------

    @get("/{cohort_id:int}/celebrations", name="cohort_celebrations")
    async def cohort_celebrations(self, request: Request, cohort_id: int) -> Template:
        cohort = await access.live_cohort(cohort_id)
        if not await access.can_view_cohort_celebrations(request.user, cohort_id):
            raise NotFound
        return render(
            request,
            "review/celebrations.html",
            {"cohort": cohort, "celebrations": await service.celebrations(cohort_id)},
        )


def _local(target: Any) -> str:
    """A same-site path to go back to after saving, or "" (never another host)."""
    path = safe_next(str(target or ""))
    return "" if path == "/" else path


def _day_param(request: Request) -> int:
    try:
        day = int(request.query_params.get("day", ""))
    except ValueError as exc:
        raise NotFound from exc
    if not is_row_id(day):
        raise NotFound
    return day


@get("/celebrations", name="celebrations", guards=[signed_in])
async def organisation_celebrations(request: Request) -> Template:
    return render(
        request,
        "review/celebrations.html",
        {"cohort": None, "celebrations": await service.celebrations()},
    )


REVIEW_ROUTES = [ReviewController, organisation_celebrations]
