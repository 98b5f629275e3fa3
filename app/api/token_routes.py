"""The signed-in user's API tokens page: create (the token is shown once), list, revoke
(after a confirmation page, which also works without JavaScript)."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, get, post
from litestar.response import Redirect, Template

from app.api import tokens
from app.api.schemas import TokenForm
from app.i18n import N_
from app.web.form_flow import submit_form
from app.web.guards import signed_in
from app.web.rendering import redirect_with_message, render

PAGE_URL = "/account/api-tokens"
# The page that shows a new token must never be cached or kept in history.
NO_STORE = {"Cache-Control": "no-store"}


class ApiTokenController(Controller):
    path = PAGE_URL
    guards = [signed_in]

    async def _page(
        self,
        request: Request,
        context: dict[str, Any],
        status_code: int = 200,
    ) -> Template:
        page = render(
            request,
            "api/tokens.html",
            {
                "tokens": await tokens.list_for(request.user.id),
                "form": {},
                "errors": {},
                "created": None,
                **context,
            },
            status_code=status_code,
        )
        page.headers.update(NO_STORE)
        return page

    @get("/", name="api_tokens")
    async def index(self, request: Request) -> Template:
        return await self._page(request, {})

    @post("/", name="api_token_create", status_code=200)
    async def create(self, request: Request) -> Template:
        outcome = await submit_form(
            request,
            TokenForm,
            lambda value: tokens.create(request.user.id, value.name, value.expires_on),
        )
        if outcome.validate_only:
            return outcome.inline_error()
        if outcome.saved:
            return await self._page(request, {"created": outcome.result}, status_code=201)
        return await self._page(request, outcome.context(), outcome.status_code)

    @get("/{token_id:int}/revoke", name="api_token_revoke_confirm")
    async def confirm_revoke(self, request: Request, token_id: int) -> Template:
        token = await tokens.get_own(request.user, token_id)
        return render(request, "api/revoke.html", {"token": token})

    @post("/{token_id:int}/revoke", name="api_token_revoke", status_code=303)
    async def revoke(self, request: Request, token_id: int) -> Redirect:
        token = await tokens.revoke(request.user, token_id)
        return redirect_with_message(
            request, PAGE_URL, N_("The token “{name}” was revoked."), name=token["name"]
        )
