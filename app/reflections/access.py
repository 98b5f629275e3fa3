"""Who may do what with a cohort's reflections and self-assessment.

- The cohort's leads and admins manage the questions and statements and read every answer.
- Participants answer the questions (after the day), see their own answers, rate statements
  for a group and see the groups' ratings.
- Anyone else gets 404: they do not learn that the cohort exists. A lead or participant who
  may see the cohort but not do the thing gets 403.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from app.cohorts.access import can_manage_cohort
from app.cohorts.tables import Cohort, CohortParticipant, WorkshopDay
from app.i18n import HELSINKI
from app.policies import Actor
from app.service_errors import Forbidden, NotFound


@dataclass(frozen=True)
class CohortAccess:
    cohort: dict[str, Any]
    manages: bool
    participates: bool

    @property
    def id(self) -> int:
        return self.cohort["id"]

    @property
    def anonymous(self) -> bool:
        return bool(self.cohort["anonymous_reflections"])

    def context(self) -> dict[str, Any]:
        """What every reflection page template needs to know about the cohort and the person."""
        return {"cohort": self.cohort, "manages": self.manages, "participates": self.participates}

    def require_manager(self) -> None:
        if not self.manages:
            raise Forbidden

    def require_participant(self) -> None:
        if not self.participates:
            raise Forbidden


def today() -> date:
    """Today's date where the workshops happen."""
    return datetime.now(HELSINKI).date()


def is_open_for_answers(day: dict[str, Any]) -> bool:
    """A workshop day's questions open on the day itself (Helsinki time)."""
    return day["day"] <= today()


async def cohort_access(user: Actor | None, cohort_id: int) -> CohortAccess:
    """The cohort and this person's part in it; NotFound for anyone outside it."""
    cohort = (
        await Cohort.select().where((Cohort.id == cohort_id) & Cohort.deleted_at.is_null()).first()
    )
    if cohort is None or not (user and user.active):
        raise NotFound
    manages = await can_manage_cohort(user, cohort_id)
    participates = bool(
        await CohortParticipant.exists().where(
            (CohortParticipant.cohort == cohort_id) & (CohortParticipant.user == user.id)
        )
    )
    if not (manages or participates):
        raise NotFound
    return CohortAccess(cohort=cohort, manages=manages, participates=participates)


async def workshop_days(cohort_id: int) -> list[dict[str, Any]]:
    return (
        await WorkshopDay.select()
        .where((WorkshopDay.cohort == cohort_id) & WorkshopDay.deleted_at.is_null())
        .order_by(WorkshopDay.day)
        .order_by(WorkshopDay.id)
    )
