"""Experiments: who sees and edits what, creating, editing by section, status changes,
measures, PDCA cycles, soft delete, and the lists (mine, browse, a department's)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from piccolo.columns.combination import Or

from app import db, policies
from app.accounts.tables import User
from app.audit import service as audit
from app.cohorts.access import led_cohort_ids
from app.cohorts.picker import check_cohort_choice
from app.experiments import link_keys
from app.experiments.tables import (
    CustomerGroup,
    Cycle,
    Experiment,
    ExperimentChannel,
    ExperimentCoOwner,
    ExperimentCustomerGroup,
    ExperimentDepartment,
    ExperimentTheme,
    Measure,
)
from app.experiments.vocabulary import TRANSITIONS
from app.i18n import N_
from app.library import indexing
from app.organisation.tables import Department
from app.service_errors import ConflictError, FieldErrors, Forbidden, NotFound
from app.settings import LANGUAGES
from app.strategy.tables import Strategy, Theme

OBJECT_TYPE = "experiment"
TEXT_FIELDS = ("title", "problem", "hypothesis", "plan", "result", "learning", "abandon_reason")
# Link tables: form field -> (table, column of the linked id)
LINKS = {
    "themes": (ExperimentTheme, "theme"),
    "departments": (ExperimentDepartment, "department"),
    "customer_groups": (ExperimentCustomerGroup, "customer_group"),
    "channels": (ExperimentChannel, "channel"),
    "co_owners": (ExperimentCoOwner, "user"),
}
COMPLETION_FIELDS = {
    "result": N_("Describe the situation after the experiment."),
    "outcome": N_("Choose whether the problem was solved."),
    "learning": N_("Write what others can learn from this."),
    "decision": N_("Choose what happens next."),
}


# --- visibility -----------------------------------------------------------------------


def visible_condition(user: policies.Actor, led_cohorts: Collection[int] = ()) -> Any:
    """The SQL twin of policies.can_view_experiment, for list queries; `led_cohorts` are the
    cohorts the user leads (access.led_cohort_ids), whose drafts they may read."""
    alive = Experiment.deleted_at.is_null()
    if user.is_admin:
        return alive
    columns = (Experiment.id, Experiment.status, Experiment.owner, Experiment.cohort)
    return alive & undeleted_visible_condition(user, led_cohorts, *columns)


def undeleted_visible_condition(
    user: policies.Actor,
    led_cohorts: Collection[int],
    id_column: Any,
    status: Any,
    owner: Any,
    cohort: Any,
) -> Any:
    """Which experiments that are not deleted a user other than an admin sees: any but a draft;
    a draft if they own it, co-own it or lead its cohort. The columns are the experiment's, or
    the library's copies of them in its search documents."""
    co_owned = ExperimentCoOwner.select(ExperimentCoOwner.experiment).where(
        ExperimentCoOwner.user == user.id
    )
    visible = Or(Or(status != "draft", owner == user.id), id_column.is_in(co_owned))
    if led_cohorts:
        visible = Or(visible, cohort.is_in(sorted(led_cohorts)))
    return visible


@dataclass
class ExperimentView:
    row: dict[str, Any]
    co_owners: list[dict[str, Any]] = field(default_factory=list)
    departments: list[dict[str, Any]] = field(default_factory=list)
    themes: list[dict[str, Any]] = field(default_factory=list)
    customer_groups: list[dict[str, Any]] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)
    measures: list[dict[str, Any]] = field(default_factory=list)
    cycles: list[dict[str, Any]] = field(default_factory=list)
    can_edit: bool = False

    @property
    def id(self) -> int:
        return self.row["id"]

    @property
    def co_owner_ids(self) -> set[int]:
        return {person["id"] for person in self.co_owners}

    def ids(self, link: str) -> list[Any]:
        if link == "channels":
            return list(self.channels)
        return [item["id"] for item in getattr(self, link)]


def linked_names(link: Any, *extra: Any) -> list[Any]:
    """The id and fi/sv/en names of what a link table points at (a theme, a department…)."""
    return [
        link.id.as_alias("id"),
        *(getattr(link, f"name_{language}").as_alias(f"name_{language}") for language in LANGUAGES),
        *extra,
    ]


async def _row(experiment_id: int) -> dict[str, Any]:
    row = (
        await Experiment.select(
            Experiment.all_columns(),
            Experiment.owner.name.as_alias("owner_name"),
            Experiment.owner.department.as_alias("owner_department"),
            Experiment.cohort.name.as_alias("cohort_name"),
        )
        .where(Experiment.id == experiment_id)
        .first()
    )
    if row is None:
        raise NotFound
    return row


async def _led(user: policies.Actor, row: dict[str, Any]) -> set[int]:
    """The cohorts the user leads, looked up only when that could matter (a cohort's draft)."""
    if row.get("cohort") is None or row["status"] != "draft":
        return set()
    return await led_cohort_ids(user)


async def _co_owner_ids(experiment_id: int) -> set[int]:
    rows = await ExperimentCoOwner.select(ExperimentCoOwner.user).where(
        ExperimentCoOwner.experiment == experiment_id
    )
    return {row["user"] for row in rows}


async def get_for(user: policies.Actor, experiment_id: int) -> ExperimentView:
    """The whole experiment, if this user may see it (else NotFound: no hint that it exists)."""
    row = await _row(experiment_id)
    people = await ExperimentCoOwner.select(
        ExperimentCoOwner.user.id.as_alias("id"), ExperimentCoOwner.user.name.as_alias("name")
    ).where(ExperimentCoOwner.experiment == experiment_id)
    co_owner_ids = {person["id"] for person in people}
    if not policies.can_view_experiment(user, row, co_owner_ids, await _led(user, row)):
        raise NotFound
    view = ExperimentView(row=row, co_owners=people)
    view.departments = await ExperimentDepartment.select(
        *linked_names(ExperimentDepartment.department)
    ).where(ExperimentDepartment.experiment == experiment_id)
    view.themes = await ExperimentTheme.select(
        *linked_names(ExperimentTheme.theme, ExperimentTheme.theme.colour.as_alias("colour"))
    ).where(ExperimentTheme.experiment == experiment_id)
    view.customer_groups = await ExperimentCustomerGroup.select(
        *linked_names(ExperimentCustomerGroup.customer_group)
    ).where(ExperimentCustomerGroup.experiment == experiment_id)
    channels = await ExperimentChannel.select(ExperimentChannel.channel).where(
        ExperimentChannel.experiment == experiment_id
    )
    view.channels = [row["channel"] for row in channels]
    view.measures = (
        await Measure.select()
        .where(Measure.experiment == experiment_id)
        .order_by(Measure.position)
        .order_by(Measure.id)
    )
    view.cycles = (
        await Cycle.select().where(Cycle.experiment == experiment_id).order_by(Cycle.number)
    )
    view.can_edit = policies.can_edit_experiment(user, row, co_owner_ids)
    return view


async def _editable(user: policies.Actor, experiment_id: int) -> dict[str, Any]:
    row = await _row(experiment_id)
    co_owner_ids = await _co_owner_ids(experiment_id)
    if not policies.can_view_experiment(user, row, co_owner_ids, await _led(user, row)):
        raise NotFound
    if not policies.can_edit_experiment(user, row, co_owner_ids) or row["deleted_at"]:
        raise Forbidden
    return row


async def check_editable(user: policies.Actor, experiment_id: int) -> None:
    """NotFound if the user may not see it, Forbidden if they may not change it."""
    await _editable(user, experiment_id)


# --- choices the forms offer ------------------------------------------------------------


async def current_themes() -> list[dict[str, Any]]:
    strategy = await Strategy.select(Strategy.id).where(Strategy.is_current.eq(True)).first()
    if strategy is None:
        return []
    return (
        await Theme.select()
        .where((Theme.strategy == strategy["id"]) & Theme.archived.eq(False))
        .order_by(Theme.position)
    )


async def customer_groups(include_archived: bool = False) -> list[dict[str, Any]]:
    query = CustomerGroup.select()
    if not include_archived:
        query = query.where(CustomerGroup.archived.eq(False))
    return await query.order_by(CustomerGroup.position).order_by(CustomerGroup.name_fi)


async def _check_ids(values: dict[str, Any], keep: dict[str, list[Any]] | None = None) -> None:
    """Refuse ids that do not exist or may not be chosen (archived), except ones already linked."""
    keep = keep or {}
    checks = {
        "themes": (Theme, Theme.archived.eq(False)),
        "departments": (Department, Department.archived.eq(False)),
        "customer_groups": (CustomerGroup, CustomerGroup.archived.eq(False)),
        "co_owners": (User, User.active.eq(True)),
    }
    errors: dict[str, str] = {}
    for name, (table, allowed) in checks.items():
        wanted = set(values.get(name) or []) - set(keep.get(name, []))
        if not wanted:
            continue
        found = await table.select(table.id).where(table.id.is_in(list(wanted)) & allowed)
        if len(found) != len(wanted):
            errors[name] = N_("Choose one of the options.")
    if values.get("themes") is not None and "themes" not in errors:
        current = {theme["id"] for theme in await current_themes()}
        if set(values["themes"]) - set(keep.get("themes", [])) - current:
            errors["themes"] = N_("Choose themes of the current strategy.")
    if errors:
        raise FieldErrors(errors)


async def _replace_links(experiment_id: int, name: str, ids: list[Any]) -> None:
    table, column = LINKS[name]
    await table.delete().where(table.experiment == experiment_id)
    unique = list(dict.fromkeys(ids))
    if unique:
        await table.insert(
            *[table(**{"experiment": experiment_id, column: value}) for value in unique]
        )
    if name in ("themes", "departments"):
        await link_keys.refresh(experiment_id)


async def _add_departments_of(experiment_id: int, people: set[int]) -> None:
    """A new team member brings their department along: shared customers cross departments."""
    if not people:
        return
    rows = await User.select(User.department).where(
        User.id.is_in(list(people)) & User.department.is_not_null()
    )
    linked = await ExperimentDepartment.select(ExperimentDepartment.department).where(
        ExperimentDepartment.experiment == experiment_id
    )
    missing = {row["department"] for row in rows} - {row["department"] for row in linked}
    if missing:
        await ExperimentDepartment.insert(
            *[
                ExperimentDepartment(experiment=experiment_id, department=department)
                for department in missing
            ]
        )
        await link_keys.refresh(experiment_id)


# --- writes -----------------------------------------------------------------------------


async def create(user: policies.Actor, values: dict[str, Any], department_id: int | None) -> int:
    """A new draft from the short form: title, problem and themes are enough."""
    async with db.write_transaction():
        await _check_ids(values)
        await check_cohort_choice(user, values.get("cohort"))
        strategy = await Strategy.select(Strategy.id).where(Strategy.is_current.eq(True)).first()
        experiment = Experiment(
            title=values["title"],
            problem=values["problem"],
            owner=user.id,
            strategy=strategy["id"] if strategy else None,
            cohort=values.get("cohort"),
        )
        experiment_id = await audit.audited_insert(
            experiment, object_type=OBJECT_TYPE, actor_id=user.id, after=values
        )
        await _replace_links(experiment_id, "themes", values["themes"])
        if department_id:
            await _replace_links(experiment_id, "departments", [department_id])
        await indexing.reindex_experiment(experiment_id)
    return experiment_id


async def update_section(
    user: policies.Actor, experiment_id: int, version: int, values: dict[str, Any]
) -> None:
    """Save one section of the experiment page: its own fields and any linked lists."""
    async with db.write_transaction():
        current = await _editable(user, experiment_id)
        links = {name: values.pop(name) for name in list(values) if name in LINKS}
        old_links = {}
        for name in links:
            table, column = LINKS[name]
            rows = await table.select(getattr(table, column)).where(
                table.experiment == experiment_id
            )
            old_links[name] = [row[column] for row in rows]
        await _check_ids(links, keep=old_links)
        if "cohort" in values:
            await check_cohort_choice(user, values["cohort"], current["cohort"])
        if "co_owners" in links:
            links["co_owners"] = [uid for uid in links["co_owners"] if uid != current["owner"]]
        if not await db.update_versioned(Experiment, experiment_id, version, values):
            raise ConflictError(current)
        for name, ids in links.items():
            await _replace_links(experiment_id, name, ids)
        if "co_owners" in links:
            await _add_departments_of(
                experiment_id, set(links["co_owners"]) - set(old_links["co_owners"])
            )
        before, after = audit.changed_fields(current, values)
        for name, ids in links.items():
            if sorted(map(str, ids)) != sorted(map(str, old_links[name])):
                before[name], after[name] = old_links[name], ids
        await audit.record(
            actor_id=user.id,
            action="update",
            object_type=OBJECT_TYPE,
            object_id=experiment_id,
            before=before,
            after=after,
        )
        await indexing.reindex_experiment(experiment_id)


def missing_for_completion(row: dict[str, Any]) -> dict[str, str]:
    return {name: message for name, message in COMPLETION_FIELDS.items() if not row.get(name)}


async def change_status(
    user: policies.Actor, experiment_id: int, version: int, status: str, abandon_reason: str = ""
) -> None:
    async with db.write_transaction():
        current = await _editable(user, experiment_id)
        if status not in TRANSITIONS[current["status"]]:
            raise FieldErrors({"status": N_("This step is not possible from the current status.")})
        values: dict[str, Any] = {"status": status}
        if status == "completed":
            missing = missing_for_completion(current)
            if missing:
                raise FieldErrors(missing)
            values["completed_at"] = datetime.now(UTC)
        if status == "abandoned":
            if not abandon_reason.strip():
                raise FieldErrors(
                    {"abandon_reason": N_("Tell others why the experiment was abandoned.")}
                )
            values["abandon_reason"] = abandon_reason.strip()
        if current["status"] == "completed":
            values["completed_at"] = None
        await audit.audited_update(
            Experiment,
            current,
            version,
            values,
            object_type=OBJECT_TYPE,
            actor_id=user.id,
            action="status",
        )
        await indexing.reindex_experiment(experiment_id)


async def set_deleted(user: policies.Actor, experiment_id: int, deleted: bool) -> None:
    """Soft delete and restore: nothing a user wrote is lost."""
    async with db.write_transaction():
        row = await _row(experiment_id)
        co_owner_ids = await _co_owner_ids(experiment_id)
        if not (policies.can_edit_experiment(user, row, co_owner_ids) or user.is_admin):
            led = await _led(user, row)
            visible = policies.can_view_experiment(user, row, co_owner_ids, led)
            raise NotFound if not visible else Forbidden
        await Experiment.update(
            deleted_at=datetime.now(UTC) if deleted else None, updated_at=datetime.now(UTC)
        ).where(Experiment.id == experiment_id)
        await audit.record(
            actor_id=user.id,
            action="delete" if deleted else "restore",
            object_type=OBJECT_TYPE,
            object_id=experiment_id,
        )
        await indexing.reindex_experiment(experiment_id)


async def _touch(experiment_id: int) -> None:
    await Experiment.update(updated_at=datetime.now(UTC)).where(Experiment.id == experiment_id)


async def _child(table: type, child_id: int, experiment_id: int) -> dict[str, Any]:
    """A measure or cycle, only if it belongs to this experiment."""
    row = (
        await table.select()
        .where((table.id == child_id) & (table.experiment == experiment_id))
        .first()
    )
    if row is None:
        raise NotFound
    return row


async def save_measure(
    user: policies.Actor,
    experiment_id: int,
    values: dict[str, Any],
    measure_id: int | None = None,
    version: int = 0,
) -> None:
    async with db.write_transaction():
        await _editable(user, experiment_id)
        if measure_id is None:
            count = await Measure.count().where(Measure.experiment == experiment_id)
            measure = Measure(experiment=experiment_id, position=count, **values)
            await measure.save()
            before, after, action = None, {"measure": values}, "add_measure"
        else:
            current = await _child(Measure, measure_id, experiment_id)
            if not await db.update_versioned(Measure, measure_id, version, values):
                raise ConflictError(current)
            changed_before, changed_after = audit.changed_fields(current, values)
            before, after, action = (
                {"measure": changed_before},
                {"measure": changed_after},
                "update_measure",
            )
        await _touch(experiment_id)
        await audit.record(
            actor_id=user.id,
            action=action,
            object_type=OBJECT_TYPE,
            object_id=experiment_id,
            before=before,
            after=after,
        )


async def delete_measure(user: policies.Actor, experiment_id: int, measure_id: int) -> None:
    async with db.write_transaction():
        await _editable(user, experiment_id)
        current = await _child(Measure, measure_id, experiment_id)
        await Measure.delete().where(Measure.id == measure_id)
        await _touch(experiment_id)
        # The values stay in the audit log, so a removed measure can be typed back.
        await audit.record(
            actor_id=user.id,
            action="remove_measure",
            object_type=OBJECT_TYPE,
            object_id=experiment_id,
            before={
                "measure": {
                    key: current[key] for key in ("name", "unit", "baseline", "target", "result")
                }
            },
        )


async def _last_cycle(experiment_id: int) -> dict[str, Any] | None:
    return (
        await Cycle.select()
        .where(Cycle.experiment == experiment_id)
        .order_by(Cycle.number, ascending=False)
        .first()
    )


async def _open_cycle(user_id: int, experiment_id: int, last: dict[str, Any] | None) -> int:
    """The cycle after `last` (or the first); after an "adapt" decision it starts from what the
    last cycle decided to change (its act notes, else its plan)."""
    cycle = Cycle(experiment=experiment_id, number=(last["number"] + 1) if last else 1)
    if last and last["decision"] == "adapt":
        cycle.plan_notes = last["act_notes"] or last["plan_notes"]
    await cycle.save()
    await audit.record(
        actor_id=user_id,
        action="start_cycle",
        object_type=OBJECT_TYPE,
        object_id=experiment_id,
        after={"cycle": cycle.number},
    )
    return cycle.id


async def start_cycle(user: policies.Actor, experiment_id: int) -> int:
    """Open the next PDCA cycle; after an "adapt" decision it starts from the last cycle's plan."""
    async with db.write_transaction():
        await _editable(user, experiment_id)
        cycle_id = await _open_cycle(user.id, experiment_id, await _last_cycle(experiment_id))
        await _touch(experiment_id)
    return cycle_id


async def update_cycle(
    user: policies.Actor, experiment_id: int, cycle_id: int, version: int, values: dict[str, Any]
) -> int | None:
    """Save a cycle. Deciding "adapt" on the last cycle means running another one, so that one
    is opened at once (as start_cycle does): its id is returned, else None."""
    async with db.write_transaction():
        await _editable(user, experiment_id)
        current = await _child(Cycle, cycle_id, experiment_id)
        if not await db.update_versioned(Cycle, cycle_id, version, values):
            raise ConflictError(current)
        await _touch(experiment_id)
        before, after = audit.changed_fields(current, values)
        await audit.record(
            actor_id=user.id,
            action="update_cycle",
            object_type=OBJECT_TYPE,
            object_id=experiment_id,
            before={"cycle": current["number"], **before},
            after={"cycle": current["number"], **after},
        )
        if values.get("decision") != "adapt" or current["decision"] == "adapt":
            return None
        last = await _last_cycle(experiment_id)
        if last is None or last["id"] != cycle_id:
            return None  # a later cycle is already open
        return await _open_cycle(user.id, experiment_id, last)


HISTORY_LIMIT = 100


async def history(experiment_id: int) -> list[dict[str, Any]]:
    """Who changed what and when, from the audit log (newest first)."""
    return await audit.entries_for(OBJECT_TYPE, experiment_id, limit=HISTORY_LIMIT)


# --- customer groups (an admin-managed list) ---------------------------------------------


async def get_customer_group(group_id: int) -> dict[str, Any]:
    row = await CustomerGroup.select().where(CustomerGroup.id == group_id).first()
    if row is None:
        raise NotFound
    return row


async def create_customer_group(values: dict[str, Any], actor_id: int) -> int:
    async with db.write_transaction():
        if await db.name_taken(CustomerGroup, CustomerGroup.name_fi, values["name_fi"]):
            raise FieldErrors({"name_fi": N_("There is already a customer group with this name.")})
        return await audit.audited_insert(
            CustomerGroup(**values), object_type="customer_group", actor_id=actor_id, after=values
        )


async def update_customer_group(
    group_id: int, version: int, values: dict[str, Any], actor_id: int
) -> None:
    async with db.write_transaction():
        current = await get_customer_group(group_id)
        if "name_fi" in values and await db.name_taken(
            CustomerGroup, CustomerGroup.name_fi, values["name_fi"], None, group_id
        ):
            raise FieldErrors({"name_fi": N_("There is already a customer group with this name.")})
        action = {True: "archive", False: "restore"}.get(values.get("archived"), "update")
        await audit.audited_update(
            CustomerGroup,
            current,
            version,
            values,
            object_type="customer_group",
            actor_id=actor_id,
            action=action,
        )
