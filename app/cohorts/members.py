"""Who takes part in a cohort: adding people one by one or a department at a time, removing
them, and join links (only a hash of the token is stored; the link is shown once)."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from app import db, policies
from app.accounts.tables import User
from app.audit import service as audit
from app.cohorts.service import OBJECT_TYPE, get_cohort, manageable
from app.cohorts.tables import CohortJoinLink, CohortParticipant
from app.i18n import N_
from app.organisation import service as organisation
from app.service_errors import FieldErrors, NotFound

SEARCH_LIMIT = 20


async def _member_ids(cohort_id: int) -> set[int]:
    rows = await CohortParticipant.select(CohortParticipant.user).where(
        CohortParticipant.cohort == cohort_id
    )
    return {row["user"] for row in rows}


async def search_people(cohort_id: int, text: str) -> list[dict[str, Any]]:
    """Active people who are not in the cohort yet, whose name or email contains `text`."""
    text = text.strip()
    if not text:
        return []
    pattern = f"%{text}%"
    members = CohortParticipant.select(CohortParticipant.user).where(
        CohortParticipant.cohort == cohort_id
    )
    return (
        await User.select(
            User.id,
            User.name,
            *(
                getattr(User.department, f"name_{language}").as_alias(f"department_name_{language}")
                for language in ("fi", "sv", "en")
            ),
        )
        .where(
            User.active.eq(True)
            & (User.name.ilike(pattern) | User.email.ilike(pattern))
            & User.id.not_in(members)
        )
        .order_by(User.name)
        .limit(SEARCH_LIMIT)
    )


async def add_participant(user: policies.Actor, cohort_id: int, person_id: int) -> str:
    """Add one person; returns their name for the confirmation message."""
    async with db.write_transaction():
        await manageable(user, cohort_id)
        person = (
            await User.select(User.id, User.name)
            .where((User.id == person_id) & User.active.eq(True))
            .first()
        )
        if person is None:
            raise FieldErrors({"user": N_("Choose a person from the list.")})
        if person_id in await _member_ids(cohort_id):
            raise FieldErrors({"user": N_("This person is already in the cohort.")})
        await CohortParticipant.insert(
            CohortParticipant(cohort=cohort_id, user=person_id, added_by=user.id, added_via="lead")
        )
        await audit.record(
            actor_id=user.id,
            action="add_participant",
            object_type=OBJECT_TYPE,
            object_id=cohort_id,
            after={"user": person_id},
        )
    return person["name"]


@dataclass
class DepartmentPreview:
    department: dict[str, Any]
    to_add: list[dict[str, Any]]
    already: int


async def department_preview(
    user: policies.Actor, cohort_id: int, department_id: int
) -> DepartmentPreview:
    """Who adding this department (with its sub-departments) would bring in."""
    await manageable(user, cohort_id)
    try:
        department = await organisation.get(department_id)
    except NotFound:
        raise FieldErrors({"department": N_("Choose one of the options.")}) from None
    subtree = [department_id, *await organisation.descendant_ids(department_id)]
    people = (
        await User.select(User.id, User.name)
        .where(User.active.eq(True) & User.department.is_in(subtree))
        .order_by(User.name)
    )
    members = await _member_ids(cohort_id)
    to_add = [person for person in people if person["id"] not in members]
    return DepartmentPreview(department, to_add, len(people) - len(to_add))


async def add_department(user: policies.Actor, cohort_id: int, department_id: int) -> int:
    """Add every active person of the department subtree who is not in yet; returns how many."""
    async with db.write_transaction():
        preview = await department_preview(user, cohort_id, department_id)
        if preview.to_add:
            await CohortParticipant.insert(
                *[
                    CohortParticipant(
                        cohort=cohort_id,
                        user=person["id"],
                        added_by=user.id,
                        added_via="department",
                    )
                    for person in preview.to_add
                ]
            )
        await audit.record(
            actor_id=user.id,
            action="add_department",
            object_type=OBJECT_TYPE,
            object_id=cohort_id,
            after={
                "department": department_id,
                "users": [person["id"] for person in preview.to_add],
            },
        )
    return len(preview.to_add)


async def remove_participant(user: policies.Actor, cohort_id: int, person_id: int) -> None:
    async with db.write_transaction():
        await manageable(user, cohort_id)
        removed = (
            await CohortParticipant.delete()
            .where((CohortParticipant.cohort == cohort_id) & (CohortParticipant.user == person_id))
            .returning(CohortParticipant.id)
        )
        if not removed:
            raise NotFound
        await audit.record(
            actor_id=user.id,
            action="remove_participant",
            object_type=OBJECT_TYPE,
            object_id=cohort_id,
            before={"user": person_id},
        )


# --- join links -------------------------------------------------------------------------


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def create_join_link(user: policies.Actor, cohort_id: int, valid_days: int) -> str:
    """A new link; the token is returned once and only its hash is kept."""
    token = secrets.token_urlsafe(24)
    expires_at = datetime.now(UTC) + timedelta(days=valid_days)
    async with db.write_transaction():
        await manageable(user, cohort_id)
        link = CohortJoinLink(
            cohort=cohort_id,
            token_hash=token_hash(token),
            expires_at=expires_at,
            created_by=user.id,
        )
        await link.save()
        await audit.record(
            actor_id=user.id,
            action="create_join_link",
            object_type=OBJECT_TYPE,
            object_id=cohort_id,
            after={"link": link.id, "expires_at": expires_at},
        )
    return token


async def revoke_join_link(user: policies.Actor, cohort_id: int, link_id: int) -> None:
    async with db.write_transaction():
        await manageable(user, cohort_id)
        revoked = (
            await CohortJoinLink.update(revoked_at=datetime.now(UTC))
            .where(
                (CohortJoinLink.id == link_id)
                & (CohortJoinLink.cohort == cohort_id)
                & CohortJoinLink.revoked_at.is_null()
            )
            .returning(CohortJoinLink.id)
        )
        if not revoked:
            raise NotFound
        await audit.record(
            actor_id=user.id,
            action="revoke_join_link",
            object_type=OBJECT_TYPE,
            object_id=cohort_id,
            after={"link": link_id},
        )


@dataclass
class JoinInvitation:
    """What a join link leads to: its cohort and whether it can still be used."""

    cohort: dict[str, Any]
    link_id: int
    state: str  # "active", "expired", "revoked" or "archived"
    already_in: bool = False


async def invitation(user: policies.Actor, token: str) -> JoinInvitation:
    link = (
        await CohortJoinLink.select().where(CohortJoinLink.token_hash == token_hash(token)).first()
    )
    if link is None:
        raise NotFound
    cohort = await get_cohort(link["cohort"])
    if link["revoked_at"] is not None:
        state = "revoked"
    elif link["expires_at"] < datetime.now(UTC):
        state = "expired"
    elif cohort["archived"]:
        state = "archived"
    else:
        state = "active"
    already_in = user.id in await _member_ids(cohort["id"])
    return JoinInvitation(cohort, link["id"], state, already_in)


async def join(user: policies.Actor, token: str) -> JoinInvitation:
    """Become a participant through a link; joining twice changes nothing."""
    async with db.write_transaction():
        found = await invitation(user, token)
        if found.state == "active" and not found.already_in:
            await CohortParticipant.insert(
                CohortParticipant(
                    cohort=found.cohort["id"], user=user.id, added_by=None, added_via="link"
                )
            )
            await audit.record(
                actor_id=user.id,
                action="join_by_link",
                object_type=OBJECT_TYPE,
                object_id=found.cohort["id"],
                after={"link": found.link_id},
            )
    return found
