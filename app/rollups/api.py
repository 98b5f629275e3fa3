"""The rollup figures in the JSON API: GET /api/v1/rollup, for HR directors' and admins' tokens."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from litestar import Controller, Request, get
from litestar.params import Parameter

from app import policies
from app.api.auth import api_user
from app.api.responses import FORBIDDEN
from app.rollups import service
from app.rollups.schemas import Rollup, RollupFilters
from app.service_errors import Forbidden
from app.web.bounds import QueryId, id_parameter


class RollupApi(Controller):
    path = "/rollup"
    tags = ["rollup"]

    @get(
        "/",
        summary="Strategy rollup figures",
        responses=FORBIDDEN,
    )
    async def rollup(
        self,
        request: Request,
        strategy: Annotated[
            int | None, id_parameter("A strategy id; the current one by default")
        ] = None,
        start: Annotated[date | None, Parameter(description="Period start (Helsinki date)")] = None,
        end: Annotated[date | None, Parameter(description="Period end (Helsinki date)")] = None,
        department: Annotated[
            int | None, id_parameter("A department id; its sub-departments count too")
        ] = None,
        theme: Annotated[
            list[QueryId] | None, Parameter(description="Theme ids (any of them)")
        ] = None,
        cohort: Annotated[int | None, id_parameter("A cohort id")] = None,
    ) -> Rollup:
        """The same figures as the rollup page (/rollup): themes × departments, status,
        outcome and decision per theme, participation, campaign progress and the monthly trend.
        Drafts are never counted."""
        user = api_user(request)
        if not policies.can_view_rollups(user):
            raise Forbidden
        filters = RollupFilters(
            strategy=strategy,
            start=start,
            end=end,
            department=department,
            theme=theme or [],
            cohort=cohort,
        )
        return await service.compute_rollup(filters, user)
