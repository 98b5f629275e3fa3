"""The rollup's filters (the page's query string) and its figures, as plain data that the page,
the exports and the JSON API share."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field, field_validator, model_validator

from app.web.forms import QueryModel

MAX_PERIOD_DAYS = 366 * 20


class RollupFilters(QueryModel):
    """Unknown or broken values are dropped rather than refused, so that an old link opens."""

    strategy: int | None = None
    start: date | None = None
    end: date | None = None
    department: int | None = None
    theme: list[int] = Field(default_factory=list)
    cohort: int | None = None

    @field_validator("theme")
    @classmethod
    def _distinct(cls, value: list[int]) -> list[int]:
        return list(dict.fromkeys(value))

    @model_validator(mode="after")
    def _ordered(self) -> RollupFilters:
        if self.start and self.end and self.end < self.start:
            self.start, self.end = self.end, self.start
        return self


class Names(BaseModel):
    id: int
    name_fi: str
    name_sv: str = ""
    name_en: str = ""


class ThemeColumn(Names):
    colour: str = "#0072c6"


class StrategyInfo(BaseModel):
    id: int
    name: str
    period_start: date
    period_end: date
    campaign_name: str = ""
    campaign_target: int | None = None
    campaign_end: date | None = None


class Cell(BaseModel):
    count: int
    url: str


class DepartmentRow(Names):
    parent: int | None
    depth: int
    has_children: bool
    cells: dict[int, Cell]
    """Experiments per theme column, by theme id."""
    total: Cell
    """Experiments linked to this department or its sub-departments, any theme."""
    people: int
    """Active people in this department and its sub-departments."""
    involved: int
    """Of them, people who own or co-own at least one experiment in the rollup."""

    @property
    def share(self) -> float | None:
        return self.involved / self.people if self.people else None


class Breakdown(BaseModel):
    """Status, outcome and decision counts of the experiments of one theme (or all)."""

    theme: int | None
    statuses: dict[str, Cell]
    outcomes: dict[str, Cell]
    decisions: dict[str, Cell]
    total: int


class Campaign(BaseModel):
    name: str
    target: int | None
    start: date
    end: date
    completed: Cell
    today: date
    remaining: int | None
    months_left: float
    pace_needed: float | None
    """Completed experiments needed per month from today to reach the target by the end."""
    current_pace: float | None
    """Completed experiments per month so far."""
    forecast: date | None
    """When the target is reached at the current pace (None: never, or already reached)."""
    reached: bool


class MonthPoint(BaseModel):
    month: date
    started: Cell
    completed: Cell


class Rollup(BaseModel):
    strategy: StrategyInfo | None
    filters: RollupFilters
    themes: list[ThemeColumn] = Field(default_factory=list)
    departments: list[DepartmentRow] = Field(default_factory=list)
    theme_totals: dict[int, Cell] = Field(default_factory=dict)
    total: Cell | None = None
    cross_department: int = 0
    breakdowns: list[Breakdown] = Field(default_factory=list)
    campaign: Campaign | None = None
    trend: list[MonthPoint] = Field(default_factory=list)
    people: int = 0
    involved: int = 0
    kudos: int = 0
