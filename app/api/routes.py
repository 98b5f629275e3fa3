"""The read-only JSON API under /api/v1 (token auth, rate limit, JSON errors), its OpenAPI
schema at /api/schema/openapi.json, and a page in the app that lists the endpoints."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from urllib.parse import urlencode

from litestar import Controller, Request, Router, get
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import JsonRenderPlugin
from litestar.openapi.spec import Components, SecurityScheme
from litestar.params import Parameter
from litestar.response import Template

from app.api import schemas, service
from app.api.auth import EXCEPTION_HANDLERS, api_user, rate_limit, token_required
from app.api.responses import ERRORS, NOT_FOUND
from app.rollups.api import RollupApi
from app.settings import Settings
from app.web.bounds import QueryId, id_parameter, offset_parameter
from app.web.rendering import render

API_PATH = "/api/v1"
SCHEMA_PATH = "/api/schema"
SECURITY_SCHEME = "PersonalToken"


def _base_url(request: Request) -> str:
    return request.app.state["settings"].base_url.rstrip("/")


def _next_url(request: Request, offset: int, limit: int, total: int) -> str | None:
    if offset + limit >= total:
        return None
    params = [(key, value) for key, value in request.query_params.multi_items() if key != "offset"]
    params.append(("offset", str(offset + limit)))
    return f"{_base_url(request)}{request.url.path}?{urlencode(params)}"


class ExperimentApi(Controller):
    path = "/experiments"
    tags = ["experiments"]

    @get("/", summary="List experiments", responses=ERRORS)
    async def list_experiments(
        self,
        request: Request,
        theme: Annotated[
            list[QueryId] | None, Parameter(description="Theme ids (any of them)")
        ] = None,
        department: Annotated[
            int | None, id_parameter("A department id; its sub-departments count too")
        ] = None,
        status: Annotated[
            list[str] | None,
            Parameter(description="Any of: planned, running, checking, completed, abandoned"),
        ] = None,
        updated_since: Annotated[
            datetime | None,
            Parameter(description="Only experiments changed at or after this moment (ISO 8601)"),
        ] = None,
        limit: Annotated[int, Parameter(ge=1, le=service.MAX_LIMIT)] = service.DEFAULT_LIMIT,
        offset: Annotated[int, offset_parameter("How many experiments to skip")] = 0,
    ) -> schemas.ExperimentPage:
        """Experiments the token's user may see, drafts never included; the most recently
        changed first. Follow `next` for the following page."""
        query = service.ExperimentQuery(
            theme=theme or [],
            department=department,
            status=status or [],
            updated_since=updated_since,
            limit=limit,
            offset=offset,
        )
        items, total = await service.experiment_page(api_user(request), query, _base_url(request))
        return schemas.ExperimentPage(
            items=[schemas.ExperimentSummary.model_validate(item) for item in items],
            total=total,
            limit=limit,
            offset=offset,
            next=_next_url(request, offset, limit, total),
        )

    @get("/{experiment_id:int}", summary="One experiment", responses=NOT_FOUND)
    async def get_experiment(
        self, request: Request, experiment_id: int
    ) -> schemas.ExperimentDetail:
        """The whole experiment: themes, departments, measures, cycles, outcome and learning.
        404 for drafts and for what the token's user may not see."""
        detail = await service.experiment_detail(
            api_user(request), experiment_id, _base_url(request)
        )
        return schemas.ExperimentDetail.model_validate(detail)


class ThemeApi(Controller):
    path = "/themes"
    tags = ["strategy"]

    @get("/", summary="Strategy themes", responses=ERRORS)
    async def list_themes(self, include_archived: bool = False) -> schemas.ThemeList:
        """The themes of every strategy, the newest strategy first."""
        rows = await service.themes(include_archived)
        return schemas.ThemeList(items=[schemas.ThemeOut.model_validate(row) for row in rows])


class DepartmentApi(Controller):
    path = "/departments"
    tags = ["organisation"]

    @get("/", summary="The department tree", responses=ERRORS)
    async def department_tree(self, include_archived: bool = False) -> schemas.DepartmentTree:
        """Top-level departments with their sub-departments nested in `children`."""
        rows = await service.department_tree(include_archived)
        return schemas.DepartmentTree(
            items=[schemas.DepartmentNodeOut.model_validate(row) for row in rows]
        )


API_CONTROLLERS: list[Any] = [ExperimentApi, ThemeApi, DepartmentApi, RollupApi]


def api_router(settings: Settings) -> Router:
    return Router(
        path=API_PATH,
        route_handlers=API_CONTROLLERS,
        guards=[token_required],
        middleware=[rate_limit(settings.api_rate_limit_per_minute).middleware],
        exception_handlers=EXCEPTION_HANDLERS,
        security=[{SECURITY_SCHEME: []}],
        include_in_schema=True,
    )


def openapi_config() -> OpenAPIConfig:
    """Only the JSON schema is served: the usual docs UIs need inline scripts or CDNs, which
    the Content-Security-Policy forbids. /api lists the endpoints instead."""
    return OpenAPIConfig(
        title="Kokeilu API",
        version="1.0.0",
        description="Read-only access to experiments, strategy themes and departments. "
        "Authenticate with a personal API token: Authorization: Bearer <token>.",
        path=SCHEMA_PATH,
        render_plugins=[JsonRenderPlugin()],
        components=Components(
            security_schemes={
                SECURITY_SCHEME: SecurityScheme(
                    type="http",
                    scheme="bearer",
                    description="A personal API token from /account/api-tokens",
                )
            }
        ),
        use_handler_docstrings=True,
    )


@get("/api", name="api_docs", include_in_schema=False)
async def api_docs(request: Request) -> Template:
    schema = request.app.openapi_schema
    endpoints = [
        {
            "method": method.upper(),
            "path": path,
            "summary": operation.summary or "",
            "description": operation.description or "",
            "parameters": [
                {
                    "name": parameter.name,
                    "description": parameter.description or "",
                    "required": parameter.required,
                }
                for parameter in operation.parameters or []
                if parameter.param_in == "query"
            ],
        }
        for path, item in (schema.paths or {}).items()
        for method in ("get",)
        if (operation := getattr(item, method, None)) is not None
    ]
    return render(
        request,
        "api/docs.html",
        {"endpoints": endpoints, "schema_url": f"{SCHEMA_PATH}/openapi.json"},
    )


def api_routes(settings: Settings) -> list[Any]:
    """Everything this feature serves: the API, its docs page and the tokens page."""
    from app.api.token_routes import ApiTokenController

    return [api_router(settings), api_docs, ApiTokenController]
