"""Who leads which cohort: the lookups behind the cohort authorisation rules."""

from __future__ import annotations

from app.cohorts.tables import CohortLead
from app.policies import Actor


async def led_cohort_ids(user: Actor | None) -> set[int]:
    """The cohorts this person leads (empty for anyone without the lead role)."""
    if not (user and user.active and (user.is_lead or user.is_admin)):
        return set()
    rows = await CohortLead.select(CohortLead.cohort).where(CohortLead.user == user.id)
    return {row["cohort"] for row in rows}


async def can_manage_cohort(user: Actor | None, cohort_id: int) -> bool:
    """A cohort's own leads and admins manage it, see its drafts and its reflections."""
    if not (user and user.active):
        return False
    if user.is_admin:
        return True
    return user.is_lead and cohort_id in await led_cohort_ids(user)
