"""Lists of experiments — browse with filters, my experiments, a department's — each in a fixed
number of queries whatever the number of rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, TypeVar

from piccolo.columns.combination import Or
from piccolo.query.functions.aggregate import Count
from pydantic import BaseModel, Field, ValidationError, field_validator

from app import policies
from app.cohorts.access import led_cohort_ids
from app.experiments.service import linked_names, visible_condition
from app.experiments.tables import (
    Cycle,
    Experiment,
    ExperimentChannel,
    ExperimentCoOwner,
    ExperimentCustomerGroup,
    ExperimentDepartment,
    ExperimentTheme,
    Measure,
)
from app.experiments.vocabulary import CHANNELS, DECISIONS, OUTCOMES, STATUSES
from app.i18n import HELSINKI, N_
from app.organisation import service as organisation
from app.web.forms import QueryModel, form_to_dict, translate_error

ModelT = TypeVar("ModelT", bound=BaseModel)

PER_PAGE = 25
MAX_PAGE = 100_000
SORTS = {
    "updated": (Experiment.updated_at, False),
    "created": (Experiment.created_at, False),
    "title": (Experiment.title, True),
}


class BrowseFilters(QueryModel):
    """The browse page's query string; unknown values are dropped rather than refused, so that
    an old shared link still opens."""

    theme: list[int] = Field(default_factory=list)
    department: int | None = None
    status: list[str] = Field(default_factory=list)
    outcome: list[str] = Field(default_factory=list)
    customer_group: list[int] = Field(default_factory=list)
    channel: list[str] = Field(default_factory=list)
    owner: int | None = None
    cohort: int | None = None
    created_from: date | None = None
    created_to: date | None = None
    # Used by the rollup's links: the strategy an experiment was logged under, when it was
    # completed (Helsinki dates) and what was decided next.
    strategy: int | None = None
    completed_from: date | None = None
    completed_to: date | None = None
    decision: list[str] = Field(default_factory=list)
    q: str = Field(default="", max_length=200)
    sort: str = "updated"
    page: int = Field(default=1, ge=1, le=MAX_PAGE)

    @field_validator("status")
    @classmethod
    def _statuses(cls, value: list[str]) -> list[str]:
        return [item for item in value if item in STATUSES]

    @field_validator("outcome")
    @classmethod
    def _outcomes(cls, value: list[str]) -> list[str]:
        return [item for item in value if item in OUTCOMES]

    @field_validator("decision")
    @classmethod
    def _decisions(cls, value: list[str]) -> list[str]:
        return [item for item in value if item in DECISIONS]

    @field_validator("channel")
    @classmethod
    def _channels(cls, value: list[str]) -> list[str]:
        return [item for item in value if item in CHANNELS]

    @field_validator("sort")
    @classmethod
    def _sort(cls, value: str) -> str:
        return value if value in SORTS else "updated"

    def is_filtered(self) -> bool:
        return bool(
            self.theme or self.department or self.status or self.outcome or self.customer_group
            or self.channel or self.owner or self.cohort or self.created_from or self.created_to or self.q.strip()
            or self.strategy or self.completed_from or self.completed_to or self.decision
        )  # fmt: skip


BrowseFiltersT = TypeVar("BrowseFiltersT", bound=BrowseFilters)


def lenient(
    model: type[ModelT], data: dict[str, Any], dropped: dict[str, DroppedFilter] | None = None
) -> ModelT:
    """Validate a query string, dropping empty values (an empty form field) and then each
    value that does not validate, instead of refusing the whole link. What was dropped, and
    why, goes into `dropped` (by field) for the page to say."""
    data = {key: value for key, value in data.items() if value != "" and value != []}
    for _attempt in range(len(model.model_fields) + 1):
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            for error in exc.errors():
                name = str(error["loc"][0]) if error["loc"] else ""
                if dropped is not None and name in data:
                    dropped[name] = DroppedFilter(_shown(data[name]), translate_error(error))
                data.pop(name, None)
    return model()


@dataclass(frozen=True)
class DroppedFilter:
    """A filter value of the link that did not validate: the page left it out and says why."""

    value: str
    message: str


def _shown(value: Any) -> str:
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return text if len(text) <= 60 else text[:59] + "…"


def browse_filters_from_query(
    params: Any,
    dropped: dict[str, DroppedFilter] | None = None,
    model: type[BrowseFiltersT] = BrowseFilters,
) -> BrowseFiltersT:
    """The browse filters of a query string (or `model`'s, a subclass such as the library's),
    leniently: the search text cut to its length, each broken value dropped (see `lenient`)."""
    data = form_to_dict(params, model)
    data["q"] = str(data.get("q") or "")[:200]
    return lenient(model, data, dropped)


def _linked(table: type, column: str, values: list[Any]) -> Any:
    return Experiment.id.is_in(
        table.select(table.experiment).where(getattr(table, column).is_in(values))
    )


def _helsinki_midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=HELSINKI)


NOT_DRAFTS = frozenset(STATUSES) - {"draft"}


async def filter_condition(user: policies.Actor, filters: BrowseFilters) -> Any:
    if filters.status and "draft" not in filters.status:
        # No drafts asked for, and everything else that is not deleted is open to everyone
        # signed in (policies.can_view_experiment): the visibility test can go, which saves
        # the database a test per experiment (the rollup counts 100,000 of them).
        condition = Experiment.deleted_at.is_null()
    else:
        condition = visible_condition(user, await led_cohort_ids(user))
    if filters.theme:
        condition &= _linked(ExperimentTheme, "theme", filters.theme)
    if filters.department:
        subtree = [filters.department, *await organisation.descendant_ids(filters.department)]
        condition &= _linked(ExperimentDepartment, "department", subtree)
    if set(filters.status) == NOT_DRAFTS:
        condition &= Experiment.status != "draft"  # one comparison instead of a list lookup
    elif filters.status:
        condition &= Experiment.status.is_in(filters.status)
    if filters.outcome:
        condition &= Experiment.outcome.is_in(filters.outcome)
    if filters.customer_group:
        condition &= _linked(ExperimentCustomerGroup, "customer_group", filters.customer_group)
    if filters.channel:
        condition &= _linked(ExperimentChannel, "channel", filters.channel)
    if filters.owner:
        condition &= Or(
            Experiment.owner == filters.owner, _linked(ExperimentCoOwner, "user", [filters.owner])
        )
    if filters.cohort:
        condition &= Experiment.cohort == filters.cohort
    if filters.created_from:
        condition &= Experiment.created_at >= _helsinki_midnight(filters.created_from)
    if filters.created_to:
        condition &= Experiment.created_at < _helsinki_midnight(
            filters.created_to + timedelta(days=1)
        )
    if filters.strategy:
        condition &= Experiment.strategy == filters.strategy
    if filters.decision:
        condition &= Experiment.decision.is_in(filters.decision)
    if filters.completed_from:
        condition &= Experiment.completed_at >= _helsinki_midnight(filters.completed_from)
    if filters.completed_to:
        condition &= Experiment.completed_at < _helsinki_midnight(
            filters.completed_to + timedelta(days=1)
        )
    text = filters.q.strip()
    if text:
        pattern = f"%{text}%"
        condition &= Or(
            Or(
                Or(Experiment.title.ilike(pattern), Experiment.problem.ilike(pattern)),
                Experiment.hypothesis.ilike(pattern),
            ),
            Or(Experiment.result.ilike(pattern), Experiment.learning.ilike(pattern)),
        )
    return condition


LIST_COLUMNS = (
    Experiment.id,
    Experiment.title,
    Experiment.status,
    Experiment.outcome,
    Experiment.owner,
    Experiment.created_at,
    Experiment.updated_at,
    Experiment.deleted_at,
)


async def _attach_links(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Themes and departments of a page of experiments: two queries for the whole page."""
    ids = [row["id"] for row in rows]
    for row in rows:
        row["themes"], row["departments"] = [], []
    if not ids:
        return rows
    by_id = {row["id"]: row for row in rows}
    themes = await ExperimentTheme.select(
        ExperimentTheme.experiment,
        *linked_names(ExperimentTheme.theme, ExperimentTheme.theme.colour.as_alias("colour")),
    ).where(ExperimentTheme.experiment.is_in(ids))
    for theme in themes:
        by_id[theme.pop("experiment")]["themes"].append(theme)
    departments = await ExperimentDepartment.select(
        ExperimentDepartment.experiment, *linked_names(ExperimentDepartment.department)
    ).where(ExperimentDepartment.experiment.is_in(ids))
    for department in departments:
        by_id[department.pop("experiment")]["departments"].append(department)
    return rows


@dataclass
class BrowsePage:
    rows: list[dict[str, Any]]
    total: int
    page: int
    pages: int
    filters: BrowseFilters


async def browse(
    user: policies.Actor, filters: BrowseFilters, per_page: int = PER_PAGE
) -> BrowsePage:
    condition = await filter_condition(user, filters)
    total = await Experiment.count().where(condition)
    pages = max(1, -(-total // per_page))
    page = min(filters.page, pages)
    column, ascending = SORTS[filters.sort]
    rows = (
        await Experiment.select(*LIST_COLUMNS, Experiment.owner.name.as_alias("owner_name"))
        .where(condition)
        .order_by(column, ascending=ascending)
        .order_by(Experiment.id, ascending=False)
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    return BrowsePage(await _attach_links(rows), total, page, pages, filters)


# --- my experiments ---------------------------------------------------------------------


@dataclass
class MyExperiments:
    groups: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    deleted: list[dict[str, Any]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(rows) for rows in self.groups.values())


def next_step(row: dict[str, Any]) -> str:
    """The one thing this experiment needs next, said to its owner."""
    status, cycles, measures = row["status"], row["cycle_count"], row["measure_count"]
    if status == "draft":
        return N_("Write the hypothesis and plan, then mark it planned")
    if status == "planned":
        return (
            N_("Add a measure and start the experiment")
            if not measures
            else N_("Start the experiment")
        )
    if status == "running":
        return N_("Start cycle 1") if not cycles else N_("Record how cycle {number} went")
    if status == "checking":
        return N_("Record the result and the learning")
    if status == "abandoned":
        return N_("Share what was learned")
    return ""


async def mine(user: policies.Actor) -> MyExperiments:
    """My experiments (owned or co-owned) grouped by status, in four queries."""
    co_owned = ExperimentCoOwner.select(ExperimentCoOwner.experiment).where(
        ExperimentCoOwner.user == user.id
    )
    rows = (
        await Experiment.select(*LIST_COLUMNS, Experiment.owner.name.as_alias("owner_name"))
        .where(Or(Experiment.owner == user.id, Experiment.id.is_in(co_owned)))
        .order_by(Experiment.updated_at, ascending=False)
    )
    ids = [row["id"] for row in rows]
    cycle_counts: dict[int, int] = {}
    measure_counts: dict[int, int] = {}
    if ids:
        for row in (
            await Cycle.select(Cycle.experiment, Count(alias="n"))
            .where(Cycle.experiment.is_in(ids))
            .group_by(Cycle.experiment)
        ):
            cycle_counts[row["experiment"]] = row["n"]
        for row in (
            await Measure.select(Measure.experiment, Count(alias="n"))
            .where(Measure.experiment.is_in(ids))
            .group_by(Measure.experiment)
        ):
            measure_counts[row["experiment"]] = row["n"]
    result = MyExperiments(groups={status: [] for status in STATUSES})
    for row in await _attach_links(rows):
        row["cycle_count"] = cycle_counts.get(row["id"], 0)
        row["measure_count"] = measure_counts.get(row["id"], 0)
        row["next_step"] = next_step(row)
        if row["deleted_at"] is not None:
            result.deleted.append(row)
        else:
            result.groups[row["status"]].append(row)
    return result


# Exports (app/rollups/exports.py) attach themes and departments to each batch the same way.
attach_links = _attach_links
