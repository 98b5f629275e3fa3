"""Admin pages for strategies and their themes."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, get, post
from litestar.response import Redirect, Template

from app.i18n import N_
from app.strategy import service
from app.strategy.schemas import StrategyForm, ThemeForm
from app.web.form_flow import FormOutcome, submit_archived, submit_form
from app.web.guards import admin_only
from app.web.rendering import redirect_with_message, render
from app.web.theme_colours import PALETTE

LIST_URL = "/admin/strategies"


def _strategy_values(form: StrategyForm) -> dict[str, Any]:
    return form.model_dump(exclude={"version"})


def _theme_values(form: ThemeForm) -> dict[str, Any]:
    return form.model_dump(exclude={"version"})


class StrategyAdminController(Controller):
    path = LIST_URL
    guards = [admin_only]

    @get("/", name="strategies")
    async def index(self, request: Request) -> Template:
        return render(
            request, "strategy/strategies.html", {"strategies": await service.list_strategies()}
        )

    @get("/new", name="strategy_new")
    async def new(self, request: Request) -> Template:
        return render(
            request,
            "strategy/strategy_form.html",
            {"strategy": None, "form": {}, "errors": {}, "conflict": None},
        )

    @post("/new", name="strategy_create", status_code=303)
    async def create(self, request: Request) -> Template | Redirect:
        outcome = await submit_form(
            request,
            StrategyForm,
            lambda value: service.create_strategy(_strategy_values(value), request.user.id),
        )
        if outcome.validate_only:
            return outcome.inline_error()
        if outcome.saved:
            return redirect_with_message(
                request,
                f"{LIST_URL}/{outcome.result}",
                N_("Strategy “{name}” created. Add its themes below."),
                name=outcome.form.value.name,
            )
        return render(
            request,
            "strategy/strategy_form.html",
            {"strategy": None, **outcome.context()},
            status_code=outcome.status_code,
        )

    async def _detail(
        self,
        request: Request,
        strategy: dict[str, Any],
        outcome: FormOutcome | None = None,
        theme_outcome: FormOutcome | None = None,
    ) -> Template:
        context: dict[str, Any] = {
            "strategy": strategy,
            "themes": await service.themes_of(strategy["id"]),
            "palette": PALETTE,
            "form": strategy,
            "errors": {},
            "conflict": None,
            "theme_form": {"colour": PALETTE[0]},
            "theme_errors": {},
        }
        status_code = 200
        if outcome is not None:
            context.update(outcome.context())
            status_code = outcome.status_code
        if theme_outcome is not None:
            context.update(
                theme_form=theme_outcome.form.data, theme_errors=theme_outcome.form.errors
            )
            status_code = theme_outcome.status_code
        return render(request, "strategy/strategy_detail.html", context, status_code=status_code)

    @get("/{strategy_id:int}", name="strategy_detail")
    async def detail(self, request: Request, strategy_id: int) -> Template:
        return await self._detail(request, await service.get_strategy(strategy_id))

    @post("/{strategy_id:int}", name="strategy_update", status_code=303)
    async def update(self, request: Request, strategy_id: int) -> Template | Redirect:
        strategy = await service.get_strategy(strategy_id)
        outcome = await submit_form(
            request,
            StrategyForm,
            lambda value: service.update_strategy(
                strategy_id, value.version, _strategy_values(value), request.user.id
            ),
        )
        if outcome.validate_only:
            return outcome.inline_error()
        if outcome.saved:
            return redirect_with_message(request, f"{LIST_URL}/{strategy_id}", N_("Changes saved."))
        return await self._detail(request, strategy, outcome=outcome)

    @post("/{strategy_id:int}/themes", name="theme_create", status_code=303)
    async def create_theme(self, request: Request, strategy_id: int) -> Template | Redirect:
        strategy = await service.get_strategy(strategy_id)
        outcome = await submit_form(
            request,
            ThemeForm,
            lambda value: service.create_theme(strategy_id, _theme_values(value), request.user.id),
        )
        if outcome.validate_only:
            return outcome.inline_error()
        if outcome.saved:
            return redirect_with_message(
                request,
                f"{LIST_URL}/{strategy_id}",
                N_("Theme “{name}” added."),
                name=outcome.form.value.name_fi,
            )
        return await self._detail(request, strategy, theme_outcome=outcome)

    async def _theme_page(
        self,
        request: Request,
        strategy: dict[str, Any],
        theme: dict[str, Any],
        context: dict[str, Any],
        status_code: int = 200,
    ) -> Template:
        return render(
            request,
            "strategy/theme_form.html",
            {"strategy": strategy, "theme": theme, "palette": PALETTE, **context},
            status_code=status_code,
        )

    @get("/{strategy_id:int}/themes/{theme_id:int}", name="theme_edit")
    async def edit_theme(self, request: Request, strategy_id: int, theme_id: int) -> Template:
        strategy = await service.get_strategy(strategy_id)
        theme = await service.get_theme(strategy_id, theme_id)
        return await self._theme_page(
            request, strategy, theme, {"form": theme, "errors": {}, "conflict": None}
        )

    @post("/{strategy_id:int}/themes/{theme_id:int}", name="theme_update", status_code=303)
    async def update_theme(
        self, request: Request, strategy_id: int, theme_id: int
    ) -> Template | Redirect:
        strategy = await service.get_strategy(strategy_id)
        theme = await service.get_theme(strategy_id, theme_id)
        outcome = await submit_form(
            request,
            ThemeForm,
            lambda value: service.update_theme(
                strategy_id, theme_id, value.version, _theme_values(value), request.user.id
            ),
        )
        if outcome.validate_only:
            return outcome.inline_error()
        if outcome.saved:
            return redirect_with_message(request, f"{LIST_URL}/{strategy_id}", N_("Changes saved."))
        return await self._theme_page(
            request, strategy, theme, outcome.context(), outcome.status_code
        )

    async def _set_theme_archived(
        self, request: Request, strategy_id: int, theme_id: int, archived: bool
    ) -> Template | Redirect:
        strategy = await service.get_strategy(strategy_id)
        theme = await service.get_theme(strategy_id, theme_id)
        outcome = await submit_archived(
            request,
            archived,
            lambda version, values: service.update_theme(
                strategy_id, theme_id, version, values, request.user.id
            ),
        )
        if not outcome.saved:
            current, context = outcome.reshown(theme)
            return await self._theme_page(request, strategy, current, context, outcome.status_code)
        message = (
            N_("Theme “{name}” archived. You can restore it at any time.")
            if archived
            else N_("Theme “{name}” restored.")
        )
        return redirect_with_message(
            request, f"{LIST_URL}/{strategy_id}", message, name=theme["name_fi"]
        )

    @post("/{strategy_id:int}/themes/{theme_id:int}/archive", name="theme_archive", status_code=303)
    async def archive_theme(
        self, request: Request, strategy_id: int, theme_id: int
    ) -> Template | Redirect:
        return await self._set_theme_archived(request, strategy_id, theme_id, True)

    @post("/{strategy_id:int}/themes/{theme_id:int}/restore", name="theme_restore", status_code=303)
    async def restore_theme(
        self, request: Request, strategy_id: int, theme_id: int
    ) -> Template | Redirect:
        return await self._set_theme_archived(request, strategy_id, theme_id, False)
