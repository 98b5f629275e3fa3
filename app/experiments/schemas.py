"""Validated input for the experiment forms: one model per section of the experiment page."""

from __future__ import annotations

from datetime import date

from pydantic import Field, ValidationInfo, field_validator

from app.experiments.vocabulary import CHANNELS, DECISIONS, OUTCOMES, STATUSES
from app.i18n import N_
from app.web.forms import FormModel, rule_error

LONG_TEXT = 10_000


def _one_of(value: str | None, allowed: dict) -> str | None:
    if value is not None and value not in allowed:
        raise rule_error(N_("Choose one of the options."))
    return value


class NewExperimentForm(FormModel):
    title: str = Field(min_length=1, max_length=200)
    problem: str = Field(min_length=1, max_length=LONG_TEXT)
    themes: list[int] = Field(default_factory=list, max_length=20)
    cohort: int | None = None

    @field_validator("themes")
    @classmethod
    def _at_least_one_theme(cls, value: list[int]) -> list[int]:
        if not value:
            raise rule_error(N_("Choose at least one theme."))
        return value


class BasicsForm(NewExperimentForm):
    problem: str = ""
    departments: list[int] = Field(default_factory=list, max_length=50)
    customer_groups: list[int] = Field(default_factory=list, max_length=50)
    channels: list[str] = Field(default_factory=list, max_length=len(CHANNELS))
    version: int = 0

    @field_validator("channels")
    @classmethod
    def _known_channels(cls, value: list[str]) -> list[str]:
        for channel in value:
            _one_of(channel, CHANNELS)
        return value


class DescriptionForm(FormModel):
    problem: str = Field(min_length=1, max_length=LONG_TEXT)
    hypothesis: str = Field(default="", max_length=LONG_TEXT)
    plan: str = Field(default="", max_length=LONG_TEXT)
    version: int = 0


class PeopleForm(FormModel):
    co_owners: list[int] = Field(default_factory=list, max_length=30)
    version: int = 0


class ResultForm(FormModel):
    result: str = Field(default="", max_length=LONG_TEXT)
    outcome: str | None = None
    learning: str = Field(default="", max_length=LONG_TEXT)
    decision: str | None = None
    version: int = 0

    @field_validator("outcome")
    @classmethod
    def _known_outcome(cls, value: str | None) -> str | None:
        return _one_of(value, OUTCOMES)

    @field_validator("decision")
    @classmethod
    def _known_decision(cls, value: str | None) -> str | None:
        return _one_of(value, DECISIONS)


class StatusForm(FormModel):
    status: str
    abandon_reason: str = Field(default="", max_length=LONG_TEXT)
    version: int = 0

    @field_validator("status")
    @classmethod
    def _known_status(cls, value: str) -> str:
        return _one_of(value, STATUSES) or value


class MeasureForm(FormModel):
    name: str = Field(min_length=1, max_length=200)
    unit: str = Field(default="", max_length=100)
    baseline: float | None = Field(default=None, ge=-1e9, le=1e9)
    target: float | None = Field(default=None, ge=-1e9, le=1e9)
    result: float | None = Field(default=None, ge=-1e9, le=1e9)
    version: int = 0

    @field_validator("baseline", "target", "result", mode="before")
    @classmethod
    def _decimal_comma(cls, value: object) -> object:
        # Finnish users write 3,5 for three and a half.
        return value.replace(",", ".").replace(" ", "") if isinstance(value, str) else value


class CycleForm(FormModel):
    plan_notes: str = Field(default="", max_length=LONG_TEXT)
    do_notes: str = Field(default="", max_length=LONG_TEXT)
    check_notes: str = Field(default="", max_length=LONG_TEXT)
    act_notes: str = Field(default="", max_length=LONG_TEXT)
    starts_on: date | None = None
    ends_on: date | None = None
    decision: str | None = None
    version: int = 0

    @field_validator("ends_on")
    @classmethod
    def _ends_after_start(cls, value: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get("starts_on")
        if value and start and value < start:
            raise rule_error(N_("The end date must not be before the start date."))
        return value

    @field_validator("decision")
    @classmethod
    def _known_decision(cls, value: str | None) -> str | None:
        return _one_of(value, DECISIONS)


class CustomerGroupForm(FormModel):
    name_fi: str = Field(min_length=1, max_length=200)
    name_sv: str = Field(default="", max_length=200)
    name_en: str = Field(default="", max_length=200)
    position: int = Field(default=0, ge=0, le=999)
    version: int = 0
