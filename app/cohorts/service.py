"""Cohorts: who sees and manages which, the list, the cohort page, creating, editing, archiving,
and workshop days. Participants and join links live in app/cohorts/members.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from piccolo.columns.combination import Or
from piccolo.query.functions.aggregate import Count

from app import db, policies
from app.accounts.tables import User
from app.audit import service as audit
from app.cohorts.access import can_manage_cohort
from app.cohorts.tables import (
    Cohort,
    CohortJoinLink,
    CohortLead,
    CohortParticipant,
    CohortTheme,
    WorkshopDay,
)
from app.experiments.service import current_themes, linked_names
from app.experiments.tables import Experiment
from app.i18n import N_
from app.service_errors import ConflictError, FieldErrors, Forbidden, NotFound
from app.strategy.tables import Strategy

OBJECT_TYPE = "cohort"
DAY_OBJECT_TYPE = "workshop_day"
COHORT_FIELDS = ("name", "description", "anonymous_reflections", "stale_after_days")


# --- access -----------------------------------------------------------------------------


async def get_cohort(cohort_id: int) -> dict[str, Any]:
    row = (
        await Cohort.select().where((Cohort.id == cohort_id) & Cohort.deleted_at.is_null()).first()
    )
    if row is None:
        raise NotFound
    return row


async def is_participant(user: policies.Actor, cohort_id: int) -> bool:
    return bool(
        await CohortParticipant.exists().where(
            (CohortParticipant.cohort == cohort_id) & (CohortParticipant.user == user.id)
        )
    )


async def viewable(user: policies.Actor, cohort_id: int) -> tuple[dict[str, Any], bool]:
    """The cohort and whether this user manages it; NotFound unless they lead it, take part
    in it or are an admin (no hint that it exists)."""
    row = await get_cohort(cohort_id)
    if await can_manage_cohort(user, cohort_id):
        return row, True
    if user and user.active and await is_participant(user, cohort_id):
        return row, False
    raise NotFound


async def manageable(user: policies.Actor, cohort_id: int) -> dict[str, Any]:
    """The cohort if this user manages it: NotFound if they may not see it, else Forbidden."""
    row, manages = await viewable(user, cohort_id)
    if not manages:
        raise Forbidden
    return row


def _visible_to(user: policies.Actor) -> Any:
    alive = Cohort.deleted_at.is_null()
    if user.is_admin:
        return alive
    led = CohortLead.select(CohortLead.cohort).where(CohortLead.user == user.id)
    joined = CohortParticipant.select(CohortParticipant.cohort).where(
        CohortParticipant.user == user.id
    )
    return alive & Or(Cohort.id.is_in(led), Cohort.id.is_in(joined))


# --- the list ---------------------------------------------------------------------------


async def _counts(table: type, column: Any, ids: list[int], where: Any = None) -> dict[int, int]:
    query = table.select(column, Count(alias="n")).where(column.is_in(ids))
    if where is not None:
        query = query.where(where)
    return {row[column._meta.name]: row["n"] for row in await query.group_by(column)}


async def _leads_of(ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    leads: dict[int, list[dict[str, Any]]] = {cohort_id: [] for cohort_id in ids}
    if ids:
        rows = (
            await CohortLead.select(
                CohortLead.cohort,
                CohortLead.user.id.as_alias("id"),
                CohortLead.user.name.as_alias("name"),
            )
            .where(CohortLead.cohort.is_in(ids))
            .order_by(CohortLead.user.name)
        )
        for row in rows:
            leads[row.pop("cohort")].append(row)
    return leads


async def list_for(user: policies.Actor) -> list[dict[str, Any]]:
    """The cohorts this user leads or takes part in (admins: all), in five queries."""
    rows = (
        await Cohort.select()
        .where(_visible_to(user))
        .order_by(Cohort.archived)
        .order_by(Cohort.created_at, ascending=False)
        .order_by(Cohort.id, ascending=False)
    )
    ids = [row["id"] for row in rows]
    if not ids:
        return []
    leads = await _leads_of(ids)
    participants = await _counts(CohortParticipant, CohortParticipant.cohort, ids)
    experiments = await _counts(Experiment, Experiment.cohort, ids, Experiment.deleted_at.is_null())
    days: dict[int, list[date]] = {cohort_id: [] for cohort_id in ids}
    for day in (
        await WorkshopDay.select(WorkshopDay.cohort, WorkshopDay.day)
        .where(WorkshopDay.cohort.is_in(ids) & WorkshopDay.deleted_at.is_null())
        .order_by(WorkshopDay.day)
    ):
        days[day["cohort"]].append(day["day"])
    for row in rows:
        cohort_id = row["id"]
        row["leads"] = leads[cohort_id]
        row["participant_count"] = participants.get(cohort_id, 0)
        row["experiment_count"] = experiments.get(cohort_id, 0)
        row["days"] = days[cohort_id]
        row["is_lead"] = any(lead["id"] == user.id for lead in leads[cohort_id])
    return rows


# --- the cohort page --------------------------------------------------------------------


@dataclass
class CohortPage:
    row: dict[str, Any]
    can_manage: bool
    leads: list[dict[str, Any]] = field(default_factory=list)
    themes: list[dict[str, Any]] = field(default_factory=list)
    days: list[dict[str, Any]] = field(default_factory=list)
    participants: list[dict[str, Any]] = field(default_factory=list)
    experiment_count: int = 0
    join_links: list[dict[str, Any]] = field(default_factory=list)

    @property
    def id(self) -> int:
        return self.row["id"]


async def themes_of(cohort_id: int) -> list[dict[str, Any]]:
    return (
        await CohortTheme.select(
            *linked_names(CohortTheme.theme, CohortTheme.theme.colour.as_alias("colour"))
        )
        .where(CohortTheme.cohort == cohort_id)
        .order_by(CohortTheme.theme.position)
    )


async def days_of(cohort_id: int) -> list[dict[str, Any]]:
    return (
        await WorkshopDay.select()
        .where((WorkshopDay.cohort == cohort_id) & WorkshopDay.deleted_at.is_null())
        .order_by(WorkshopDay.day)
        .order_by(WorkshopDay.id)
    )


async def participants_of(cohort_id: int) -> list[dict[str, Any]]:
    """Participants with their department and how many experiments each has in the cohort,
    in two queries whatever their number."""
    rows = (
        await CohortParticipant.select(
            CohortParticipant.user.id.as_alias("id"),
            CohortParticipant.user.name.as_alias("name"),
            CohortParticipant.added_via,
            CohortParticipant.created_at,
            *(
                getattr(CohortParticipant.user.department, f"name_{language}").as_alias(
                    f"department_name_{language}"
                )
                for language in ("fi", "sv", "en")
            ),
        )
        .where(CohortParticipant.cohort == cohort_id)
        .order_by(CohortParticipant.user.name)
    )
    counts = (
        await Experiment.select(Experiment.owner, Count(alias="n"))
        .where((Experiment.cohort == cohort_id) & Experiment.deleted_at.is_null())
        .group_by(Experiment.owner)
    )
    by_owner = {row["owner"]: row["n"] for row in counts}
    for row in rows:
        row["experiment_count"] = by_owner.get(row["id"], 0)
    return rows


async def page(user: policies.Actor, cohort_id: int) -> CohortPage:
    row, manages = await viewable(user, cohort_id)
    view = CohortPage(row=row, can_manage=manages)
    view.leads = (await _leads_of([cohort_id]))[cohort_id]
    view.themes = await themes_of(cohort_id)
    view.days = await days_of(cohort_id)
    view.participants = await participants_of(cohort_id)
    view.experiment_count = await Experiment.count().where(
        (Experiment.cohort == cohort_id) & Experiment.deleted_at.is_null()
    )
    if manages:
        view.join_links = (
            await CohortJoinLink.select(
                CohortJoinLink.all_columns(exclude=[CohortJoinLink.token_hash]),
                CohortJoinLink.created_by.name.as_alias("created_by_name"),
            )
            .where(CohortJoinLink.cohort == cohort_id)
            .order_by(CohortJoinLink.created_at, ascending=False)
        )
        now = datetime.now(UTC)
        for link in view.join_links:
            link["state"] = (
                "revoked"
                if link["revoked_at"]
                else "expired"
                if link["expires_at"] < now
                else "active"
            )
    return view


# --- choices ----------------------------------------------------------------------------


async def lead_choices() -> list[dict[str, Any]]:
    """People who can lead a cohort: active users with the lead role."""
    return (
        await User.select(User.id, User.name)
        .where(User.active.eq(True) & User.is_lead.eq(True))
        .order_by(User.name)
    )


async def theme_choices() -> list[dict[str, Any]]:
    return await current_themes()


async def form_values(cohort_id: int) -> dict[str, Any]:
    """The edit form's starting values: the cohort with its leads and themes."""
    row = await get_cohort(cohort_id)
    leads = await CohortLead.select(CohortLead.user).where(CohortLead.cohort == cohort_id)
    themes = await CohortTheme.select(CohortTheme.theme).where(CohortTheme.cohort == cohort_id)
    return {
        **{key: row[key] for key in (*COHORT_FIELDS, "version", "id", "archived")},
        "leads": [link["user"] for link in leads],
        "themes": [link["theme"] for link in themes],
        "lead_people": (await _leads_of([cohort_id]))[cohort_id],
    }


# --- writes -----------------------------------------------------------------------------


async def _check_links(values: dict[str, Any], keep: dict[str, list[int]] | None = None) -> None:
    """Leads must have the lead role and themes belong to the current strategy, except the
    ones the cohort already has (a lead may since have lost the role)."""
    keep = keep or {"leads": [], "themes": []}
    errors: dict[str, str] = {}
    wanted_leads = set(values["leads"]) - set(keep["leads"])
    if wanted_leads:
        allowed = {person["id"] for person in await lead_choices()}
        if wanted_leads - allowed:
            errors["leads"] = N_("Choose leads from the list: people with the workshop lead role.")
    wanted_themes = set(values["themes"]) - set(keep["themes"])
    if wanted_themes - {theme["id"] for theme in await current_themes()}:
        errors["themes"] = N_("Choose themes of the current strategy.")
    if errors:
        raise FieldErrors(errors)


async def _replace(table: type, column: str, cohort_id: int, ids: list[int]) -> None:
    await table.delete().where(table.cohort == cohort_id)
    unique = list(dict.fromkeys(ids))
    if unique:
        await table.insert(*[table(**{"cohort": cohort_id, column: value}) for value in unique])


async def _name_taken(name: str, except_id: int | None = None) -> bool:
    return await db.name_taken(Cohort, Cohort.name, name, Cohort.deleted_at.is_null(), except_id)


async def create(user: policies.Actor, values: dict[str, Any]) -> int:
    if not policies.can_lead_workshops(user):
        raise Forbidden
    async with db.write_transaction():
        await _check_links(values)
        if await _name_taken(values["name"]):
            raise FieldErrors({"name": N_("There is already a cohort with this name.")})
        strategy = await Strategy.select(Strategy.id).where(Strategy.is_current.eq(True)).first()
        cohort = Cohort(
            **{key: values[key] for key in COHORT_FIELDS},
            strategy=strategy["id"] if strategy else None,
        )
        cohort_id = await audit.audited_insert(
            cohort, object_type=OBJECT_TYPE, actor_id=user.id, after=values
        )
        await _replace(CohortLead, "user", cohort_id, values["leads"])
        await _replace(CohortTheme, "theme", cohort_id, values["themes"])
    return cohort_id


async def update(
    user: policies.Actor, cohort_id: int, version: int, values: dict[str, Any]
) -> None:
    async with db.write_transaction():
        await manageable(user, cohort_id)
        current = await form_values(cohort_id)
        await _check_links(values, keep=current)
        if not user.is_admin and user.id not in values["leads"]:
            # Leaving would lock the lead out of the cohort they are editing.
            raise FieldErrors(
                {"leads": N_("Keep yourself among the leads; an admin can hand the cohort over.")}
            )
        if await _name_taken(values["name"], cohort_id):
            raise FieldErrors({"name": N_("There is already a cohort with this name.")})
        own = {key: values[key] for key in COHORT_FIELDS}
        if not await db.update_versioned(Cohort, cohort_id, version, own):
            raise ConflictError(current)
        await _replace(CohortLead, "user", cohort_id, values["leads"])
        await _replace(CohortTheme, "theme", cohort_id, values["themes"])
        before, after = audit.changed_fields(current, values)
        await audit.record(
            actor_id=user.id,
            action="update",
            object_type=OBJECT_TYPE,
            object_id=cohort_id,
            before=before,
            after=after,
        )


async def set_archived(user: policies.Actor, cohort_id: int, version: int, archived: bool) -> None:
    async with db.write_transaction():
        current = await manageable(user, cohort_id)
        await audit.audited_update(
            Cohort,
            current,
            version,
            {"archived": archived},
            object_type=OBJECT_TYPE,
            actor_id=user.id,
            action="archive" if archived else "restore",
        )


# --- workshop days ----------------------------------------------------------------------


async def get_day(cohort_id: int, day_id: int) -> dict[str, Any]:
    row = (
        await WorkshopDay.select()
        .where(
            (WorkshopDay.id == day_id)
            & (WorkshopDay.cohort == cohort_id)
            & WorkshopDay.deleted_at.is_null()
        )
        .first()
    )
    if row is None:
        raise NotFound
    return row


async def create_day(user: policies.Actor, cohort_id: int, values: dict[str, Any]) -> int:
    async with db.write_transaction():
        await manageable(user, cohort_id)
        return await audit.audited_insert(
            WorkshopDay(cohort=cohort_id, **values),
            object_type=DAY_OBJECT_TYPE,
            actor_id=user.id,
            after={"cohort": cohort_id, **values},
        )


async def update_day(
    user: policies.Actor, cohort_id: int, day_id: int, version: int, values: dict[str, Any]
) -> None:
    async with db.write_transaction():
        await manageable(user, cohort_id)
        current = await get_day(cohort_id, day_id)
        await audit.audited_update(
            WorkshopDay, current, version, values, object_type=DAY_OBJECT_TYPE, actor_id=user.id
        )


async def delete_day(user: policies.Actor, cohort_id: int, day_id: int, version: int) -> None:
    """Soft delete: the day disappears from the cohort, its agenda stays in the database."""
    async with db.write_transaction():
        await manageable(user, cohort_id)
        current = await get_day(cohort_id, day_id)
        await audit.audited_update(
            WorkshopDay,
            current,
            version,
            {"deleted_at": datetime.now(UTC)},
            object_type=DAY_OBJECT_TYPE,
            actor_id=user.id,
            action="delete",
        )
