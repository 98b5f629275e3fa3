"""Validated input for sign-in, passwords and the user admin forms."""

from __future__ import annotations

from pydantic import EmailStr, Field, ValidationInfo, field_validator

from app.accounts.passwords import MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH
from app.i18n import N_
from app.settings import LANGUAGES
from app.web.forms import FormModel, rule_error


class SignInForm(FormModel):
    email: str = Field(min_length=1, max_length=254)
    password: str = Field(min_length=1, max_length=MAX_PASSWORD_LENGTH)
    next: str = "/"


class NewPasswordForm(FormModel):
    new_password: str = Field(min_length=1, max_length=MAX_PASSWORD_LENGTH)
    new_password_again: str = Field(min_length=1, max_length=MAX_PASSWORD_LENGTH)

    @field_validator("new_password")
    @classmethod
    def _long_enough(cls, value: str) -> str:
        if len(value) < MIN_PASSWORD_LENGTH:
            raise rule_error(
                N_("The password must have at least {count} characters."),
                count=MIN_PASSWORD_LENGTH,
            )
        return value

    @field_validator("new_password_again")
    @classmethod
    def _same_twice(cls, value: str, info: ValidationInfo) -> str:
        if value != info.data.get("new_password", value):
            raise rule_error(N_("The passwords do not match."))
        return value


class ChangePasswordForm(NewPasswordForm):
    current_password: str = Field(min_length=1, max_length=MAX_PASSWORD_LENGTH)


class UserForm(FormModel):
    name: str = Field(min_length=1, max_length=200)
    email: EmailStr = Field(max_length=254)
    department: int | None = None
    language: str = "fi"
    is_employee: bool = False
    is_lead: bool = False
    is_hr: bool = False
    is_admin: bool = False
    version: int = 0

    @field_validator("language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        if value not in LANGUAGES:
            raise rule_error(N_("Choose one of the options."))
        return value
