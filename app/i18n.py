"""Translations (gettext catalogues in app/translations) and Babel formatting for the current request."""

from __future__ import annotations

import gettext as gettext_module
from contextvars import ContextVar
from datetime import date, datetime
from functools import cache, lru_cache
from io import BytesIO
from pathlib import Path
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.dates import format_datetime as babel_format_datetime
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, get_group_symbol
from babel.support import Translations

from app.settings import LANGUAGES

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"
HELSINKI = ZoneInfo("Europe/Helsinki")
LANGUAGE_NAMES = {"fi": "suomi", "sv": "svenska", "en": "English"}

_current_language: ContextVar[str] = ContextVar("language", default="fi")


@cache
def translations_for(language: str) -> gettext_module.NullTranslations:
    """Compile the .po catalogue in memory once per process: no build step, no binaries in git."""
    po_path = TRANSLATIONS_DIR / language / "LC_MESSAGES" / "messages.po"
    if not po_path.exists():
        return gettext_module.NullTranslations()
    with po_path.open("rb") as po_file:
        catalog = read_po(po_file, locale=language)
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(fp=buffer)


def activate(language: str) -> None:
    _current_language.set(language if language in LANGUAGES else "fi")


def current_language() -> str:
    return _current_language.get()


def gettext(message: str) -> str:
    return translations_for(current_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations_for(current_language()).ngettext(singular, plural, n)


_ = gettext


def N_(message: str) -> str:  # noqa: N802 - the conventional name for "mark for extraction"
    """Mark a string for extraction; it is translated later, where it is shown."""
    return message


def negotiate_language(accept_language: str | None, default: str) -> str:
    """Pick fi/sv/en from an Accept-Language header by its q-values."""
    if not accept_language:
        return default
    weighted: list[tuple[float, str]] = []
    for part in accept_language.split(","):
        tag, _sep, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        weighted.append((quality, tag.strip().lower()[:2]))
    for _quality, language in sorted(weighted, key=lambda item: -item[0]):
        if language in LANGUAGES:
            return language
    return default


def localised(obj: object, field: str = "name") -> str:
    """The fi/sv/en variant of a field (e.g. name_sv), falling back to Finnish."""
    language = current_language()
    value = (
        getattr(obj, f"{field}_{language}", None)
        if not isinstance(obj, dict)
        else obj.get(f"{field}_{language}")
    )
    if value:
        return value
    return (
        getattr(obj, f"{field}_fi", "") if not isinstance(obj, dict) else obj.get(f"{field}_fi", "")
    )


def format_datetime(value: datetime | None, format: str = "short") -> str:  # noqa: A002
    if value is None:
        return ""
    return babel_format_datetime(
        value.astimezone(HELSINKI), format=format, locale=current_language()
    )


def format_date(value: date | None, format: str = "medium") -> str:  # noqa: A002
    if value is None:
        return ""
    return _formatted_date(value, format, current_language())


@lru_cache(maxsize=4096)
def _formatted_date(value: date, format: str, language: str) -> str:  # noqa: A002
    # Babel takes ~60 µs a date; the rollup's trend names the same months on every page.
    return babel_format_date(value, format=format, locale=language)


def format_number(value: float | int | None) -> str:
    if value is None:
        return ""
    language = current_language()
    if type(value) is int and value >= 0:
        # Babel's format_decimal takes ~70 µs; a rollup page shows ~500 counts. A whole
        # non-negative number only needs the locale's group separator (tested against Babel).
        return f"{value:,}".replace(",", _group_symbol(language))
    return format_decimal(value, locale=language)


@cache
def _group_symbol(language: str) -> str:
    return get_group_symbol(locale=language)


def language_display_name(language: str) -> str:
    return Locale.parse(language).get_display_name(language) or LANGUAGE_NAMES[language]
