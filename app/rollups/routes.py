"""The rollup page, its print view and exports (HR directors and admins), and exports of any
filtered list of experiments (everyone signed in: the list shows what they may see)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from litestar import Controller, Request, get
from litestar.connection import ASGIConnection
from litestar.exceptions import PermissionDeniedException
from litestar.handlers.base import BaseRouteHandler
from litestar.response import Response, Stream, Template

from app import policies
from app.experiments.listing import DroppedFilter, browse_filters_from_query, lenient
from app.i18n import HELSINKI
from app.organisation import service as organisation
from app.rollups import charts, exports, service
from app.rollups.schemas import Rollup, RollupFilters
from app.web.forms import form_to_dict
from app.web.guards import signed_in
from app.web.rendering import render


def rollup_viewers(connection: ASGIConnection, handler: BaseRouteHandler) -> None:
    signed_in(connection, handler)
    if not policies.can_view_rollups(connection.scope["user"]):
        raise PermissionDeniedException()


def _filters(request: Request, dropped: dict[str, DroppedFilter] | None = None) -> RollupFilters:
    return lenient(RollupFilters, form_to_dict(request.query_params, RollupFilters), dropped)


def _download(content: bytes, media_type: str, filename: str) -> Response:
    return Response(
        content,
        media_type=media_type,
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )


def _stamp() -> str:
    return datetime.now(HELSINKI).strftime("%Y-%m-%d")


def export_query(request: Request) -> str:
    return f"?{request.url.query}" if request.url.query else ""


def _context(request: Request, rollup: Rollup, **extra: Any) -> dict[str, Any]:
    return {
        "rollup": rollup,
        "charts": charts.rollup_charts(rollup),
        "columns": charts.breakdown_columns(),
        "export_query": export_query(request),
        **extra,
    }


class RollupController(Controller):
    path = "/rollup"
    guards = [rollup_viewers]

    async def _rollup(
        self, request: Request, dropped: dict[str, DroppedFilter] | None = None
    ) -> Rollup:
        return await service.compute_rollup(_filters(request, dropped), request.user)

    @get("/", name="rollup")
    async def page(self, request: Request) -> Template:
        dropped: dict[str, DroppedFilter] = {}
        rollup = await self._rollup(request, dropped)
        context = _context(request, rollup, dropped_filters=dropped)
        if not request.headers.get("hx-request"):
            context.update(
                strategy_choices=await service.strategy_choices(),
                theme_choices=await service.theme_choices(rollup.filters.strategy),
                cohort_choices=await service.cohort_choices(),
                department_choices=await organisation.active_choices(),
            )
        return render(request, "rollups/rollup.html", context, block="results")

    @get("/print", name="rollup_print")
    async def print_view(self, request: Request) -> Template:
        return render(
            request,
            "rollups/print.html",
            _context(
                request,
                await self._rollup(request),
                printing=True,
                today=datetime.now(HELSINKI).date(),
            ),
        )

    @get("/export.csv", name="rollup_export_csv")
    async def export_csv(self, request: Request) -> Response:
        sheets = exports.rollup_sheets(await self._rollup(request))
        return _download(
            exports.rollup_csv(sheets), exports.CSV_MEDIA_TYPE, f"rollup-{_stamp()}.csv"
        )

    @get("/export.xlsx", name="rollup_export_xlsx")
    async def export_xlsx(self, request: Request) -> Response:
        sheets = exports.rollup_sheets(await self._rollup(request))
        return _download(
            exports.rollup_xlsx(sheets), exports.XLSX_MEDIA_TYPE, f"rollup-{_stamp()}.xlsx"
        )


class ExperimentExportController(Controller):
    path = "/experiments"
    guards = [signed_in]

    @get("/export.csv", name="experiments_export_csv")
    async def export_csv(self, request: Request) -> Stream:
        settings = request.app.state["settings"]
        return Stream(
            exports.experiments_csv(
                request.user, browse_filters_from_query(request.query_params), settings.base_url
            ),
            media_type=exports.CSV_MEDIA_TYPE,
            headers={"content-disposition": f'attachment; filename="experiments-{_stamp()}.csv"'},
        )

    @get("/export.xlsx", name="experiments_export_xlsx")
    async def export_xlsx(self, request: Request) -> Response:
        settings = request.app.state["settings"]
        content = await exports.experiments_xlsx(
            request.user, browse_filters_from_query(request.query_params), settings.base_url
        )
        return _download(content, exports.XLSX_MEDIA_TYPE, f"experiments-{_stamp()}.xlsx")
