"""The learning library page (search with the browse filters) and similar experiments."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, get
from litestar.response import Template

from app.experiments import service as experiments
from app.experiments.filter_choices import browse_filter_choices
from app.experiments.listing import DroppedFilter, browse_filters_from_query
from app.library import search
from app.web.forms import clean_text, nul_errors
from app.web.guards import signed_in
from app.web.rendering import render

SIMILAR_TEXT_LIMIT = 4000


def _is_htmx(request: Request) -> bool:
    return bool(request.headers.get("hx-request"))


class LibraryController(Controller):
    path = "/library"
    guards = [signed_in]

    @get("/", name="library")
    async def library(self, request: Request) -> Template:
        dropped: dict[str, DroppedFilter] = {}
        filters = browse_filters_from_query(request.query_params, dropped, search.LibraryFilters)
        result = await search.search(request.user, filters)
        context: dict[str, Any] = {
            "result": result,
            "filters": result.filters,
            "dropped_filters": dropped,
            "filter_errors": nul_errors(request.query_params, search.LibraryFilters),
        }
        if not _is_htmx(request):  # htmx gets only the results; the filter form stays as it is
            context.update(await browse_filter_choices())
        return render(request, "library/search.html", context, block="results")

    @get("/similar/{experiment_id:int}", name="library_similar_to")
    async def similar_to(self, request: Request, experiment_id: int) -> Template:
        """Similar experiments from other departments, for the experiment page (lazy)."""
        view = await experiments.get_for(request.user, experiment_id)  # 404 if not visible
        rows = await search.similar(
            request.user,
            search.experiment_similarity_text(view.row),
            view.ids("departments"),
            exclude_id=experiment_id,
        )
        context = {"similar": rows, "experiment": view.row, "asked": True}
        return render(request, "library/similar.html", context, block="similar")

    @get("/similar", name="library_similar")
    async def similar(
        self, request: Request, text: str = "", title: str = "", problem: str = ""
    ) -> Template:
        """Similar experiments from other departments for a text being written (the new
        experiment form sends its title and problem)."""
        written = clean_text("\n".join(part for part in (text, title, problem) if part))
        written = written[:SIMILAR_TEXT_LIMIT]
        department = request.user.department
        rows = await search.similar(
            request.user, written, [department] if department else [], exclude_id=None
        )
        context = {"similar": rows, "experiment": None, "asked": bool(written.strip())}
        return render(request, "library/similar.html", context, block="similar")
