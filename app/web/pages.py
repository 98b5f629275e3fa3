"""Pages that belong to no feature: home, language choice, accessibility statement, health and
readiness checks."""

from __future__ import annotations

from typing import Annotated

from litestar import Request, get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body
from litestar.response import Redirect, Response, Template
from pydantic import BaseModel

from app.accounts import service as accounts
from app.cohorts.access import led_cohorts
from app.library.indexing import dictionaries_loaded
from app.settings import LANGUAGES
from app.web.guards import signed_in
from app.web.middleware import SESSION_LANGUAGE
from app.web.rendering import render


@get("/", guards=[signed_in], name="home")
async def home(request: Request) -> Template:
    return render(request, "home.html", {"led_cohorts": await led_cohorts(request.user)})


class LanguageChoice(BaseModel):
    language: str
    next: str = "/"


def safe_next(target: str) -> str:
    """Only same-site paths: never redirect to another host."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


@post("/language", name="set_language", status_code=303)
async def set_language(
    request: Request,
    data: Annotated[LanguageChoice, Body(media_type=RequestEncodingType.URL_ENCODED)],
) -> Redirect:
    if data.language in LANGUAGES:
        request.session[SESSION_LANGUAGE] = data.language
        if request.user is not None:
            await accounts.set_language(request.user.id, data.language)
    return Redirect(path=safe_next(data.next), status_code=303)


@post("/markdown-preview", name="markdown_preview", guards=[signed_in], status_code=200)
async def markdown_preview(request: Request) -> Template:
    """The sanitised HTML of one Markdown field, for the Preview button next to long texts."""
    form = await request.form()
    text = str(form.get(str(form.get("_field", "")), ""))[:20_000]
    return Template(template_name="components/markdown_preview.html", context={"text": text})


@get("/accessibility", name="accessibility")
async def accessibility_statement(request: Request) -> Template:
    return render(request, "accessibility.html")


@get("/health", name="health", media_type="text/plain")
async def health() -> str:
    """The process answers (liveness)."""
    return "ok"


@get("/ready", name="ready", media_type="text/plain")
async def ready() -> Response[str]:
    """The process has finished starting (readiness): the learning library's word lists,
    loaded in the background for a few seconds after start, are in memory. Until then pages
    work, but the first searches wait for the lists and everything else shares the CPU."""
    if dictionaries_loaded():
        return Response("ready", media_type="text/plain")
    return Response("starting", status_code=503, media_type="text/plain")


PAGE_ROUTES = [home, set_language, markdown_preview, accessibility_statement, health, ready]
