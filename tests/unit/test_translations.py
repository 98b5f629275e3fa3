"""Every message in app/ and templates/ is translated in fi, sv and en, with the same placeholders.

The messages are extracted fresh from the code with the same config as `make messages`, so a
string added without running `make messages` (and translating it) fails here, by name.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from app import i18n
from app.settings import LANGUAGES, PROJECT_ROOT

TRANSLATIONS = PROJECT_ROOT / "app" / "translations"
# The keywords `make messages` passes to pybabel extract: -k N_ -k _ -k gettext -k ngettext:1,2.
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None, "_": None, "gettext": None, "ngettext": (1, 2)}

# str.format fields ({name}, {count:d}) and %-style named fields (%(name)s, %(num)d).
BRACE_FIELD = re.compile(r"(?<!\{)\{(\w+)(?:![rsa])?(?::[^{}]*)?\}")
PERCENT_FIELD = re.compile(r"%\((\w+)\)[#0 +-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")


@cache
def extracted_messages() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """msgid -> (msgid[, msgid_plural], source locations), extracted from the code now."""
    config = TRANSLATIONS / "babel.cfg"
    with config.open(encoding="utf-8") as config_file:
        method_map, options_map = parse_mapping_cfg(config_file, filename=str(config))
    found: dict[str, tuple[tuple[str, ...], list[str]]] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(PROJECT_ROOT), method_map, options_map, keywords=KEYWORDS, comment_tags=()
    ):
        ids = (message,) if isinstance(message, str) else tuple(message)
        if not ids or not ids[0]:
            continue
        ids_seen, locations = found.setdefault(ids[0], (ids, []))
        if len(ids) > len(ids_seen):  # the same msgid used as ngettext() and as gettext()
            found[ids[0]] = (ids, locations)
        locations.append(f"{Path(filename).as_posix()}:{lineno}")
    return {msgid: (ids, tuple(locations)) for msgid, (ids, locations) in found.items()}


@cache
def catalogue(language: str) -> Catalog:
    with (TRANSLATIONS / language / "LC_MESSAGES" / "messages.po").open("rb") as po_file:
        return read_po(po_file, locale=language, abort_invalid=True)


def placeholders(text: str) -> set[str]:
    return {f"{{{name}}}" for name in BRACE_FIELD.findall(text)} | {
        match.group(0) for match in PERCENT_FIELD.finditer(text)
    }


def format_problem(msgid: str, msgstr: str, locations: tuple[str, ...]) -> str | None:
    """The translation must survive the formatting the app applies to it, like the msgid does.

    Jinja's newstyle gettext always applies `%` to template messages; Python code applies
    str.format (a stray "%" or "{" breaks one or the other).
    """
    names = {name: 1 for name in BRACE_FIELD.findall(msgid) + PERCENT_FIELD.findall(msgid)}
    checks = []
    if any(location.startswith("templates/") for location in locations):
        checks.append(lambda text: text % names)
    if any(location.startswith("app/") for location in locations):
        checks.append(lambda text: text.format(**names))
    for check in checks:
        try:
            check(msgid)
        except (KeyError, ValueError, TypeError, IndexError):
            continue  # the msgid itself is not formatted this way
        try:
            check(msgstr)
        except (KeyError, ValueError, TypeError, IndexError) as error:
            return f"breaks formatting ({type(error).__name__}: {error})"
    return None


def test_babel_config_finds_python_and_template_messages() -> None:
    locations = [loc for _ids, locs in extracted_messages().values() for loc in locs]
    assert any(loc.startswith("app/") for loc in locations)
    assert any(loc.startswith("templates/") for loc in locations)
    assert "Sign in" in extracted_messages()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language: str) -> None:
    catalog = catalogue(language)
    assert catalog.num_plurals == 2, f"{language}: expected 2 plural forms"
    problems: list[str] = []
    for msgid, (ids, locations) in sorted(extracted_messages().items()):
        where = f"  ({', '.join(locations[:3])}{', …' if len(locations) > 3 else ''})"
        message = catalog.get(msgid)
        if message is None:
            problems.append(f"missing: {msgid!r}{where}")
            continue
        if message.fuzzy:
            problems.append(f"fuzzy: {msgid!r}{where}")
        expected_forms = catalog.num_plurals if len(ids) > 1 else 1
        forms = (message.string,) if isinstance(message.string, str) else tuple(message.string)
        if len(ids) > 1 and not message.pluralizable:
            problems.append(f"needs plural forms (run `make messages`): {msgid!r}{where}")
            continue
        if len(forms) != expected_forms or not all(forms):
            problems.append(f"untranslated: {msgid!r}{where}")
            continue
        expected = set().union(*(placeholders(text) for text in ids))
        for form in forms:
            found = placeholders(form)
            if found != expected:
                problems.append(
                    f"placeholders {sorted(found)} instead of {sorted(expected)}: "
                    f"{msgid!r} -> {form!r}"
                )
            elif problem := format_problem(ids[0], form, locations):
                problems.append(f"{problem}: {msgid!r} -> {form!r}")
    po_path = f"app/translations/{language}/LC_MESSAGES/messages.po"
    assert not problems, (
        f"{language}: {len(problems)} message(s) need work in {po_path} "
        "(run `make messages`, then translate):\n" + "\n".join(problems)
    )


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_catalogue_loads_in_the_app(language: str) -> None:
    assert (i18n.TRANSLATIONS_DIR / language / "LC_MESSAGES" / "messages.po").exists(), (
        f"app.i18n looks for catalogues in {i18n.TRANSLATIONS_DIR}, but they are in {TRANSLATIONS}"
    )
    assert i18n.translations_for(language).gettext("Sign in") != "Sign in"
