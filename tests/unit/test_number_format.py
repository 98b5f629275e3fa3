"""Counts are formatted with a fast path for whole numbers; it must write exactly what Babel
writes, in every language of the app."""

from __future__ import annotations

import pytest
from babel.numbers import format_decimal

from app import i18n
from app.settings import LANGUAGES

NUMBERS = [0, 7, 999, 1000, 1234, 65_000, 100_150, 1_234_567, 10**12]


@pytest.mark.parametrize("language", LANGUAGES)
def test_whole_numbers_are_written_as_babel_writes_them(language):
    i18n.activate(language)
    try:
        for number in NUMBERS:
            assert i18n.format_number(number) == format_decimal(number, locale=language)
        for other in (-1234, 1234.5, 0.25):
            assert i18n.format_number(other) == format_decimal(other, locale=language)
    finally:
        i18n.activate("fi")
    assert i18n.format_number(None) == ""
