"""The Jinja environment: translations, Babel formatting filters and Markdown rendering."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.template.config import TemplateConfig
from markupsafe import Markup

from app import i18n
from app.experiments import vocabulary
from app.experiments.filter_choices import person_options
from app.markdown_render import render_markdown
from app.settings import LANGUAGES, PROJECT_ROOT, Settings
from app.web.theme_colours import swatch_class


def query_with(request: Any, **changes: Any) -> str:
    """The current query string with some parameters replaced (None removes), for pagination
    and sort links that keep the filters."""
    params = [
        (key, value) for key, value in request.query_params.multi_items() if key not in changes
    ]
    for key, value in changes.items():
        if value is not None:
            params.append((key, str(value)))
    return "?" + urlencode(params)


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
        query_with=query_with,
        person_options=person_options,
        statuses=vocabulary.STATUSES,
        outcomes=vocabulary.OUTCOMES,
        decisions=vocabulary.DECISIONS,
        channels=vocabulary.CHANNELS,
        history_actions=vocabulary.HISTORY_ACTIONS,
        history_fields=vocabulary.HISTORY_FIELDS,
    )
    return env


def template_config(settings: Settings) -> TemplateConfig:
    env = create_environment(settings)
    return TemplateConfig(instance=JinjaTemplateEngine.from_environment(env))
