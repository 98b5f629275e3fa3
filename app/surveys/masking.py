"""Personal data out of free-text comments before they are stored: Finnish personal identity
codes (henkilötunnus, with the century signs added in 2023), phone numbers (Finnish and
international formats) and email addresses are replaced by a marker."""

from __future__ import annotations

import re

IDENTITY_CODE_MARK = "[henkilötunnus poistettu]"
PHONE_MARK = "[puhelinnumero poistettu]"
EMAIL_MARK = "[sähköposti poistettu]"

# ddmmyy, a century sign (+ 1800s; - Y X W V U 1900s; A B C D E F 2000s), a three-digit
# individual number and a check character. Spaces around the sign are tolerated.
IDENTITY_CODE = re.compile(
    r"(?<![0-9A-Za-z])"
    r"(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d\d"
    r"\s?[-+ABCDEFYXWVUabcdefyxwvu]\s?"
    r"\d{3}[0-9A-Ya-y]"
    r"(?![0-9A-Za-z])"
)
EMAIL = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+\s?(?:@|\(at\)|\[at\])\s?"
    r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+",
    re.IGNORECASE,
)
# A run that starts like a phone number (+, 00, 0 or an opening parenthesis) and continues with
# digits and the usual separators; dots are not separators, so dates (01.03.2026) are kept.
PHONE_CANDIDATE = re.compile(r"(?<![\w+])(?:\+|\(?0)[\d\s()/-]{5,22}\d(?!\w)")
PHONE_DIGITS = (7, 15)


def _phone(match: re.Match[str]) -> str:
    text = match.group(0)
    digits = sum(character.isdigit() for character in text)
    if PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]:
        return PHONE_MARK
    return text


def mask_personal_data(text: str) -> str:
    """The comment with identity codes, email addresses and phone numbers replaced."""
    text = IDENTITY_CODE.sub(IDENTITY_CODE_MARK, text)
    text = EMAIL.sub(EMAIL_MARK, text)
    return PHONE_CANDIDATE.sub(_phone, text)
