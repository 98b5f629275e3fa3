"""The application factory: `create_app(settings)`; `app.main:app` for ASGI servers."""

from __future__ import annotations

import gc
import threading
from contextlib import asynccontextmanager

from litestar import Litestar
from litestar.config.csrf import CSRFConfig
from litestar.plugins.flash import FlashConfig, FlashPlugin
from litestar.plugins.htmx import HTMXPlugin
from litestar.static_files import create_static_files_router
from litestar.stores.redis import RedisStore
from litestar.stores.registry import StoreRegistry

from app.accounts.routes import ACCOUNT_ROUTES
from app.accounts.session_store import DatabaseSessionStore
from app.accounts.user_admin_routes import UserAdminController
from app.api.routes import api_routes, openapi_config
from app.cohorts.routes import CohortController, JoinController
from app.conversation.routes import CONVERSATION_ROUTES
from app.db import engine
from app.experiments.customer_group_routes import CustomerGroupAdminController
from app.experiments.routes import ExperimentController
from app.library.indexing import warm_up
from app.library.routes import LibraryController
from app.logs import configure_logging
from app.organisation.routes import DepartmentAdminController, DepartmentPageController
from app.reflections.assessment_routes import AssessmentController
from app.reflections.routes import ReflectionController
from app.review.routes import REVIEW_ROUTES
from app.rollups.routes import ExperimentExportController, RollupController
from app.settings import PROJECT_ROOT, Settings, get_settings
from app.strategy.routes import StrategyAdminController
from app.surveys.retention import purge_survey_comments_at_startup
from app.surveys.routes import SURVEY_ROUTES
from app.web.bounds import PathParameterBounds
from app.web.errors import EXCEPTION_HANDLERS
from app.web.middleware import RequestContextMiddleware, RequestLog, security_headers_hook
from app.web.pages import PAGE_ROUTES
from app.web.sessions import session_config
from app.web.templating import template_config


def _stores(settings: Settings) -> StoreRegistry:
    if settings.redis_url:
        redis = RedisStore.with_client(url=settings.redis_url, namespace="kokeilu")
        return StoreRegistry(
            stores={"sessions": redis, "api_rate_limit": redis.with_namespace("api_rate_limit")}
        )
    return StoreRegistry(stores={"sessions": DatabaseSessionStore()})


def create_app(settings: Settings | None = None) -> Litestar:
    settings = settings or get_settings()
    configure_logging(settings.log_level)

    @asynccontextmanager
    async def database_pool(_app: Litestar):
        db = engine()
        if settings.is_sqlite or not settings.database_pool:
            yield
            return
        await db.start_connection_pool()
        try:
            yield
        finally:
            await db.close_connection_pool()

    @asynccontextmanager
    async def garbage_collector_settled(_app: Litestar):
        # Everything loaded at start-up (~100,000 objects: modules, templates, settings) lives
        # as long as the process. Left to the collector, each full collection walks them all
        # again (~65 ms), a pause that lands on some unlucky request; frozen, it skips them.
        gc.collect()
        gc.freeze()
        yield

    @asynccontextmanager
    async def library_dictionaries(_app: Litestar):
        # The learning library's word lists take seconds to load: start at once, in the
        # background, rather than on the first search.
        threading.Thread(target=warm_up, name="library-warm-up", daemon=True).start()
        yield

    templates = template_config(settings)
    csrf = CSRFConfig(
        secret=settings.resolved_secret_key(),
        header_name="x-csrftoken",
        cookie_name="kokeilu_csrf",
        cookie_secure=settings.is_https,
        cookie_samesite="lax",
        cookie_httponly=True,
        exclude=["/static", "/health"],
    )
    app = Litestar(
        route_handlers=[
            *PAGE_ROUTES,
            *ACCOUNT_ROUTES,
            UserAdminController,
            ExperimentController,
            ExperimentExportController,
            RollupController,
            CohortController,
            JoinController,
            LibraryController,
            CustomerGroupAdminController,
            DepartmentPageController,
            DepartmentAdminController,
            StrategyAdminController,
            ReflectionController,
            AssessmentController,
            *CONVERSATION_ROUTES,
            *api_routes(settings),
            *REVIEW_ROUTES,
            *SURVEY_ROUTES,
            create_static_files_router(
                path="/static", directories=[PROJECT_ROOT / "app" / "static"], name="static"
            ),
        ],
        lifespan=[
            database_pool,
            purge_survey_comments_at_startup,
            library_dictionaries,
            garbage_collector_settled,
        ],
        middleware=[
            session_config(settings).middleware,
            RequestContextMiddleware(settings),
            PathParameterBounds(),
        ],
        csrf_config=csrf,
        template_config=templates,
        plugins=[HTMXPlugin(), FlashPlugin(FlashConfig(template_config=templates))],
        stores=_stores(settings),
        exception_handlers=EXCEPTION_HANDLERS,
        before_send=[security_headers_hook(settings)],
        state={"settings": settings},
        openapi_config=openapi_config(),
        include_in_schema=False,  # only the API (app/api/routes.py) is in the OpenAPI schema
        debug=False,
    )
    # Around everything Litestar does, so that every request is logged once (app/web/middleware.py).
    app.asgi_handler = RequestLog(app.asgi_handler)
    return app


def __getattr__(name: str) -> Litestar:
    # Built on first access so that importing app.main (e.g. in tests) has no side effects.
    if name == "app":
        return create_app()
    raise AttributeError(name)
