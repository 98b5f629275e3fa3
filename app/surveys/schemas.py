"""Validated input: the owner's survey form, period changes, and a customer's answer."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from app.i18n import N_
from app.web.forms import FormModel, rule_error

QUESTION_LENGTH = 300
CHOICES_LENGTH = 2000
MAX_CHOICES = 8
COMMENT_LENGTH = 1000


def choice_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class SurveyForm(FormModel):
    measure: int | None = None
    question_fi: str = Field(min_length=1, max_length=QUESTION_LENGTH)
    question_sv: str = Field(default="", max_length=QUESTION_LENGTH)
    question_en: str = Field(default="", max_length=QUESTION_LENGTH)
    second_kind: Literal["", "scale", "choice"] = ""
    second_question_fi: str = Field(default="", max_length=QUESTION_LENGTH)
    second_question_sv: str = Field(default="", max_length=QUESTION_LENGTH)
    second_question_en: str = Field(default="", max_length=QUESTION_LENGTH)
    second_choices_fi: str = Field(default="", max_length=CHOICES_LENGTH)
    second_choices_sv: str = Field(default="", max_length=CHOICES_LENGTH)
    second_choices_en: str = Field(default="", max_length=CHOICES_LENGTH)
    allow_comment: bool = False
    version: int = 0

    @field_validator(
        "question_sv",
        "question_en",
        "second_question_sv",
        "second_question_en",
        "second_question_fi",
        "second_choices_fi",
        "second_choices_sv",
        "second_choices_en",
        mode="before",
    )
    @classmethod
    def _none_is_empty(cls, value: object) -> object:
        return "" if value is None else value

    @model_validator(mode="after")
    def _second_question_complete(self) -> SurveyForm:
        if self.second_kind and not self.second_question_fi:
            raise_field("second_question_fi", N_("Write the second question in Finnish."))
        if self.second_kind == "choice":
            fi = choice_lines(self.second_choices_fi)
            if not 2 <= len(fi) <= MAX_CHOICES:
                raise_field("second_choices_fi", N_("Write 2–8 options, one per line."))
            for language in ("sv", "en"):
                lines = choice_lines(getattr(self, f"second_choices_{language}"))
                if lines and len(lines) != len(fi):
                    raise_field(
                        f"second_choices_{language}",
                        N_("Write as many options as in Finnish, in the same order."),
                    )
        return self


def raise_field(name: str, msgid: str) -> None:
    """A model-level rule error shown next to one field."""
    from pydantic_core import InitErrorDetails, ValidationError

    raise ValidationError.from_exception_data(
        "SurveyForm",
        [
            InitErrorDetails(
                type=rule_error(msgid),
                loc=(name,),
                input=None,  # type: ignore[typeddict-item]
            )
        ],
    )


class PeriodForm(FormModel):
    action: Literal["open_before", "open_after", "close"]
    version: int = 0


class ApplyForm(FormModel):
    measure_version: int = 0


class AnswerForm(FormModel):
    score: int = Field(ge=1, le=5)
    second_value: int | None = Field(default=None, ge=1, le=MAX_CHOICES)
    comment: str = Field(default="", max_length=COMMENT_LENGTH)
    submission_id: str | None = Field(default=None, pattern=r"^[A-Za-z0-9_-]{8,64}$")

    @field_validator("score", mode="before")
    @classmethod
    def _chosen(cls, value: object) -> object:
        if value in (None, ""):
            raise rule_error(N_("Choose one of the faces."))
        return value

    @field_validator("comment", mode="before")
    @classmethod
    def _no_comment(cls, value: object) -> object:
        return "" if value is None else value
