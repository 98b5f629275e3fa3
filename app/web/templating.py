"""The Jinja environment: translations, Babel formatting filters and Markdown rendering."""

from __future__ import annotations

import json

from jinja2 import Environment, FileSystemLoader, select_autoescape
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.template.config import TemplateConfig
from markupsafe import Markup

from app import i18n
from app.markdown_render import render_markdown
from app.settings import LANGUAGES, PROJECT_ROOT, Settings
from app.web.theme_colours import swatch_class


def create_environment(settings: Settings) -> Environment:
    env = Environment(
        loader=FileSystemLoader(PROJECT_ROOT / "templates"),
        autoescape=select_autoescape(["html", "xml"], default_for_string=True),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(
        datetime=i18n.format_datetime,
        date=i18n.format_date,
        number=i18n.format_number,
        localised=i18n.localised,
        markdown=lambda text: Markup(render_markdown(text or "")),  # noqa: S704 - sanitised by nh3
        swatch=swatch_class,
        tojson_attr=lambda value: json.dumps(value),
    )
    env.globals.update(
        settings=settings,
        languages=LANGUAGES,
        language_names=i18n.LANGUAGE_NAMES,
        current_language=i18n.current_language,
    )
    return env


def template_config(settings: Settings) -> TemplateConfig:
    env = create_environment(settings)
    return TemplateConfig(instance=JinjaTemplateEngine.from_environment(env))
