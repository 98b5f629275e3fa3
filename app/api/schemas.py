"""Input of the API token form, and the JSON shapes the API answers with (pydantic models, so
that Litestar's OpenAPI schema documents them)."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field, field_validator

from app.i18n import HELSINKI, N_
from app.web.forms import FormModel, rule_error

MAX_EXPIRY_DAYS = 2 * 366


class TokenForm(FormModel):
    name: str = Field(min_length=1, max_length=100)
    expires_on: date | None = None

    @field_validator("expires_on")
    @classmethod
    def _in_the_future(cls, value: date | None) -> date | None:
        if value is None:
            return value
        today = datetime.now(HELSINKI).date()
        if value < today:
            raise rule_error(N_("Choose today or a later day."))
        if (value - today).days > MAX_EXPIRY_DAYS:
            raise rule_error(N_("Choose a day at most two years from now."))
        return value


# --- API responses ----------------------------------------------------------------------


class Names(BaseModel):
    """A name in Finnish, Swedish and English (empty when not translated)."""

    fi: str
    sv: str
    en: str


class ThemeRef(BaseModel):
    id: int
    name: Names
    colour: str | None = None


class DepartmentRef(BaseModel):
    id: int
    name: Names


class CustomerGroupRef(BaseModel):
    id: int
    name: Names


class Person(BaseModel):
    id: int
    name: str


class ExperimentSummary(BaseModel):
    id: int
    title: str
    status: str = Field(description="planned, running, checking, completed or abandoned")
    outcome: str | None = Field(
        description="solved, partly_solved, not_solved, needs_more_work or inconclusive"
    )
    owner: Person
    themes: list[ThemeRef]
    departments: list[DepartmentRef]
    created_at: datetime
    updated_at: datetime
    url: str = Field(description="The experiment's page in the app")


class ExperimentPage(BaseModel):
    items: list[ExperimentSummary]
    total: int = Field(description="How many experiments match the filters")
    limit: int
    offset: int
    next: str | None = Field(description="The URL of the next page, or null on the last page")


class MeasureOut(BaseModel):
    name: str
    unit: str
    baseline: float | None
    target: float | None
    result: float | None


class CycleOut(BaseModel):
    number: int
    plan_notes: str
    do_notes: str
    check_notes: str
    act_notes: str
    starts_on: date | None
    ends_on: date | None
    decision: str | None


class ExperimentDetail(ExperimentSummary):
    problem: str
    hypothesis: str
    plan: str
    result: str
    learning: str
    decision: str | None = Field(description="adopt, adapt, abandon or spread")
    abandon_reason: str
    completed_at: datetime | None
    co_owners: list[Person]
    customer_groups: list[CustomerGroupRef]
    channels: list[str]
    measures: list[MeasureOut]
    cycles: list[CycleOut]


class ThemeOut(BaseModel):
    id: int
    name: Names
    description: str
    colour: str
    position: int
    archived: bool
    strategy_id: int
    strategy_name: str
    strategy_is_current: bool


class ThemeList(BaseModel):
    items: list[ThemeOut]


class DepartmentNodeOut(BaseModel):
    id: int
    name: Names
    archived: bool
    children: list[DepartmentNodeOut]


class DepartmentTree(BaseModel):
    items: list[DepartmentNodeOut] = Field(description="The top-level departments")


class ApiError(BaseModel):
    status: int
    error: str
