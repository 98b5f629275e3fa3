"""Render a page, or just one block of it for htmx: one template per page, never two copies."""

from __future__ import annotations

from typing import Any

from jinja2_fragments.litestar import HTMXBlockTemplate
from litestar import Request
from litestar.plugins.flash import flash
from litestar.response import Redirect, Template

from app.i18n import gettext


def render(
    request: Request,
    template: str,
    context: dict[str, Any] | None = None,
    *,
    block: str | None = None,
    status_code: int = 200,
) -> Template:
    context = context or {}
    if block and request.headers.get("hx-request") and not request.headers.get("hx-boosted"):
        return HTMXBlockTemplate(
            template_name=template, block_name=block, context=context, status_code=status_code
        )
    return Template(template_name=template, context=context, status_code=status_code)


def redirect_with_message(
    request: Request, path: str, msgid: str, category: str = "success", **params: Any
) -> Redirect:
    flash(request, gettext(msgid).format(**params), category=category)
    return Redirect(path=path, status_code=303)
