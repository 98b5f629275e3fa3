"""Personal data is masked in survey comments before they are stored."""

from __future__ import annotations

import pytest

from app.surveys.masking import EMAIL_MARK, IDENTITY_CODE_MARK, PHONE_MARK, mask_personal_data


@pytest.mark.parametrize(
    "code",
    [
        "131052-308T",  # the 1900s, classic hyphen
        "010594Y9032",  # new 1900s signs from 2023: Y X W V U
        "010594X903P",
        "150301U1234",
        "020304A123B",  # the 2000s: A, and the new B C D E F
        "020304F1230",
        "241199+123L",  # the 1800s
        "131052 - 308T".replace(" ", ""),
        "131052-308t",  # typed in lower case
    ],
)
def test_identity_codes_are_masked(code: str) -> None:
    masked = mask_personal_data(f"Minun hetu on {code}, soittakaa.")
    assert code not in masked
    assert masked == f"Minun hetu on {IDENTITY_CODE_MARK}, soittakaa."


@pytest.mark.parametrize(
    "phone",
    [
        "040 123 4567",
        "040-1234567",
        "0401234567",
        "+358 40 123 4567",
        "+358401234567",
        "00358 40 123 4567",
        "(09) 310 1234",
        "09 3101 2345",
        "+44 20 7946 0958",
        "+1 (555) 123-4567",
        "+46 8 123 456 78",
    ],
)
def test_phone_numbers_are_masked(phone: str) -> None:
    masked = mask_personal_data(f"Numeroni: {phone}. Kiitos")
    assert masked == f"Numeroni: {PHONE_MARK}. Kiitos"


@pytest.mark.parametrize(
    "email", ["matti.meikalainen@example.fi", "a_b+tag@posti.example.com", "liisa (at) varkaus.fi"]
)
def test_email_addresses_are_masked(email: str) -> None:
    assert (
        mask_personal_data(f"Laita viestiä {email} kiitos") == f"Laita viestiä {EMAIL_MARK} kiitos"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Odotin 20 minuuttia ja jonossa oli 12 ihmistä.",
        "Kävin 01.03.2026 klo 9.15, ja asia hoitui 3 päivässä.",
        "Palvelu oli 5/5, kiitos!",
        "Vuonna 2024 oli parempi, nyt 2026 huonompi.",
        "Asiointi kesti 1–2 tuntia.",
    ],
)
def test_ordinary_numbers_are_kept(text: str) -> None:
    assert mask_personal_data(text) == text


def test_several_kinds_in_one_comment() -> None:
    masked = mask_personal_data("Olen 010203A123B, puh. 050 765 4321 ja s-posti maija@example.fi.")
    assert masked == f"Olen {IDENTITY_CODE_MARK}, puh. {PHONE_MARK} ja s-posti {EMAIL_MARK}."
