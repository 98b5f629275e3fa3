"""What the read-only API answers: experiments (never drafts, only what the token's user may
see), themes and the department tree. Lists take a fixed number of queries per page.

Rollup figures: the rollup feature (app/rollups/service.py) adds its endpoint beside these in
app/api/routes.py, reusing its own service; nothing is computed here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app import policies
from app.api import schemas
from app.experiments import listing
from app.experiments import service as experiments
from app.experiments.tables import Experiment
from app.organisation import service as organisation
from app.service_errors import NotFound
from app.strategy.tables import Theme

MAX_LIMIT = 100
DEFAULT_LIMIT = 25
API_STATUSES = tuple(status for status in listing.STATUSES if status != "draft")


def names(row: dict[str, Any], prefix: str = "name") -> schemas.Names:
    return schemas.Names(
        fi=row[f"{prefix}_fi"] or "", sv=row[f"{prefix}_sv"] or "", en=row[f"{prefix}_en"] or ""
    )


@dataclass
class ExperimentQuery:
    theme: list[int]
    department: int | None
    status: list[str]
    updated_since: datetime | None
    limit: int
    offset: int


async def _condition(user: policies.Actor, query: ExperimentQuery) -> Any:
    filters = listing.BrowseFilters(
        theme=query.theme,
        department=query.department,
        status=[status for status in query.status if status in API_STATUSES],
    )
    condition = await listing.filter_condition(user, filters)
    condition &= Experiment.status != "draft"
    condition &= Experiment.deleted_at.is_null()  # admins see deleted ones in the app; not here
    if query.status and not filters.status:
        # Only unknown statuses (or "draft") were asked for: nothing matches.
        condition &= Experiment.id.is_null()
    if query.updated_since is not None:
        condition &= Experiment.updated_at >= query.updated_since
    return condition


def _summary(row: dict[str, Any], base_url: str) -> dict[str, Any]:
    return {
        "id": row["id"],
        "title": row["title"],
        "status": row["status"],
        "outcome": row["outcome"],
        "owner": {"id": row["owner"], "name": row["owner_name"]},
        "themes": [
            {"id": theme["id"], "name": names(theme), "colour": theme.get("colour")}
            for theme in row["themes"]
        ],
        "departments": [
            {"id": department["id"], "name": names(department)} for department in row["departments"]
        ],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
        "url": f"{base_url}/experiments/{row['id']}",
    }


async def experiment_page(
    user: policies.Actor, query: ExperimentQuery, base_url: str
) -> tuple[list[dict[str, Any]], int]:
    """One page of experiments, newest change first, and the total: four queries (count, page,
    themes, departments) plus one for a department filter's subtree."""
    condition = await _condition(user, query)
    total = await Experiment.count().where(condition)
    rows = (
        await Experiment.select(*listing.LIST_COLUMNS, Experiment.owner.name.as_alias("owner_name"))
        .where(condition)
        .order_by(Experiment.updated_at, ascending=False)
        .order_by(Experiment.id, ascending=False)
        .limit(query.limit)
        .offset(query.offset)
    )
    rows = await listing._attach_links(rows)  # noqa: SLF001 - the browse page's own helper
    return [_summary(row, base_url) for row in rows], total


async def experiment_detail(
    user: policies.Actor, experiment_id: int, base_url: str
) -> dict[str, Any]:
    view = await experiments.get_for(user, experiment_id)
    row = view.row
    if row["status"] == "draft" or row["deleted_at"] is not None:
        raise NotFound
    summary = _summary({**row, "themes": view.themes, "departments": view.departments}, base_url)
    return {
        **summary,
        **{
            key: row[key]
            for key in (
                "problem",
                "hypothesis",
                "plan",
                "result",
                "learning",
                "decision",
                "abandon_reason",
                "completed_at",
            )
        },
        "co_owners": view.co_owners,
        "customer_groups": [
            {"id": group["id"], "name": names(group)} for group in view.customer_groups
        ],
        "channels": view.channels,
        "measures": view.measures,
        "cycles": view.cycles,
    }


async def themes(include_archived: bool) -> list[dict[str, Any]]:
    query = Theme.select(
        Theme.all_columns(),
        Theme.strategy.name.as_alias("strategy_name"),
        Theme.strategy.is_current.as_alias("strategy_is_current"),
    )
    if not include_archived:
        query = query.where(Theme.archived.eq(False) & Theme.strategy.archived.eq(False))
    rows = await query.order_by(Theme.strategy, ascending=False).order_by(Theme.position)
    return [
        {
            "id": row["id"],
            "name": names(row),
            "description": row["description"],
            "colour": row["colour"],
            "position": row["position"],
            "archived": row["archived"],
            "strategy_id": row["strategy"],
            "strategy_name": row["strategy_name"],
            "strategy_is_current": bool(row["strategy_is_current"]),
        }
        for row in rows
    ]


def _node(node: organisation.DepartmentNode) -> dict[str, Any]:
    return {
        "id": node.id,
        "name": names(node.row),
        "archived": node.row["archived"],
        "children": [_node(child) for child in node.children],
    }


async def department_tree(include_archived: bool) -> list[dict[str, Any]]:
    return [_node(root) for root in await organisation.tree(include_archived=include_archived)]
