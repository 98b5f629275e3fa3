"""Validated input for strategy and theme forms."""

from __future__ import annotations

from datetime import date

from pydantic import Field, ValidationInfo, field_validator

from app.i18n import N_
from app.web.forms import FormModel, rule_error
from app.web.theme_colours import PALETTE


class StrategyForm(FormModel):
    name: str = Field(min_length=1, max_length=200)
    period_start: date
    period_end: date
    description: str = Field(default="", max_length=20_000)
    campaign_name: str = Field(default="", max_length=200)
    campaign_target: int | None = Field(default=None, ge=1, le=1_000_000)
    campaign_end: date | None = None
    is_current: bool = False
    version: int = 0

    @field_validator("period_end")
    @classmethod
    def _ends_after_start(cls, value: date, info: ValidationInfo) -> date:
        start = info.data.get("period_start")
        if start and value < start:
            raise rule_error(N_("The end date must not be before the start date."))
        return value

    @field_validator("campaign_target")
    @classmethod
    def _target_needs_name(cls, value: int | None, info: ValidationInfo) -> int | None:
        if value is not None and not info.data.get("campaign_name"):
            raise rule_error(N_("Give the campaign a name too."))
        return value

    @field_validator("campaign_end")
    @classmethod
    def _campaign_ends_in_period(cls, value: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get("period_start")
        if value is not None and start and value < start:
            raise rule_error(N_("The campaign cannot end before the strategy starts."))
        return value


class ThemeForm(FormModel):
    name_fi: str = Field(min_length=1, max_length=200)
    name_sv: str = Field(default="", max_length=200)
    name_en: str = Field(default="", max_length=200)
    description: str = Field(default="", max_length=5_000)
    colour: str = PALETTE[0]
    position: int = Field(default=0, ge=0, le=999)
    version: int = 0

    @field_validator("colour")
    @classmethod
    def _palette_colour(cls, value: str) -> str:
        if value.lower() not in PALETTE:
            raise rule_error(N_("Choose one of the options."))
        return value.lower()
