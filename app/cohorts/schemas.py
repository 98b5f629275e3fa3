"""Validated input for the cohort forms: the cohort itself, workshop days, participants, links."""

from __future__ import annotations

from datetime import date

from pydantic import Field, field_validator

from app.i18n import N_
from app.web.forms import FormModel, rule_error

LONG_TEXT = 10_000
JOIN_LINK_DEFAULT_DAYS = 14


class CohortForm(FormModel):
    name: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=LONG_TEXT)
    leads: list[int] = Field(default_factory=list, max_length=20)
    themes: list[int] = Field(default_factory=list, max_length=20)
    anonymous_reflections: bool = False
    stale_after_days: int = Field(default=14, ge=1, le=365)
    version: int = 0

    @field_validator("leads")
    @classmethod
    def _at_least_one_lead(cls, value: list[int]) -> list[int]:
        if not value:
            raise rule_error(N_("Choose at least one lead."))
        return list(dict.fromkeys(value))


class WorkshopDayForm(FormModel):
    day: date
    place: str = Field(default="", max_length=200)
    agenda: str = Field(default="", max_length=LONG_TEXT)
    version: int = 0

    @field_validator("day")
    @classmethod
    def _plausible_year(cls, value: date) -> date:
        if not 2000 <= value.year <= 2100:
            raise rule_error(N_("Enter a valid date."))
        return value


class ParticipantForm(FormModel):
    user: int


class DepartmentForm(FormModel):
    department: int


class JoinLinkForm(FormModel):
    valid_days: int = Field(default=JOIN_LINK_DEFAULT_DAYS, ge=1, le=90)
