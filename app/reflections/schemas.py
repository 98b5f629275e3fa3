"""Validated input for reflection and self-assessment forms. The answer and rating forms have
one field per question or statement, so their models are built for the cohort at hand."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, create_model, model_validator

from app.i18n import N_
from app.web.forms import FormModel, rule_error

ANSWER_MAX = 5_000


class QuestionForm(FormModel):
    text_fi: str = Field(min_length=1, max_length=500)
    text_sv: str = Field(default="", max_length=500)
    text_en: str = Field(default="", max_length=500)
    version: int = 0


class StatementForm(FormModel):
    text: str = Field(min_length=1, max_length=300)
    version: int = 0


class MoveForm(FormModel):
    direction: Literal["up", "down"]
    version: int = 0


class AnswersBase(FormModel):
    version: int = 0

    @model_validator(mode="after")
    def _something_answered(self) -> AnswersBase:
        if not any(self.texts().values()):
            raise rule_error(N_("Answer at least one question."))
        return self

    def texts(self) -> dict[int, str]:
        return {
            int(name.removeprefix("answer_")): value
            for name, value in self.__dict__.items()
            if name.startswith("answer_")
        }


def answers_form(question_ids: list[int]) -> type[AnswersBase]:
    fields: dict[str, Any] = {
        f"answer_{qid}": (str, Field(default="", max_length=ANSWER_MAX)) for qid in question_ids
    }
    return create_model("AnswersForm", __base__=AnswersBase, **fields)


class RatingsBase(FormModel):
    department: int

    @model_validator(mode="after")
    def _something_rated(self) -> RatingsBase:
        if not self.ratings():
            raise rule_error(N_("Rate at least one statement."))
        return self

    def ratings(self) -> dict[int, int]:
        return {
            int(name.removeprefix("rating_")): value
            for name, value in self.__dict__.items()
            if name.startswith("rating_") and value is not None
        }

    def versions(self) -> dict[int, int]:
        return {
            int(name.removeprefix("version_")): value
            for name, value in self.__dict__.items()
            if name.startswith("version_")
        }


def ratings_form(statement_ids: list[int]) -> type[RatingsBase]:
    fields: dict[str, Any] = {}
    for sid in statement_ids:
        fields[f"rating_{sid}"] = (int | None, Field(default=None, ge=1, le=5))
        fields[f"version_{sid}"] = (int, Field(default=0, ge=0))
    return create_model("RatingsForm", __base__=RatingsBase, **fields)
