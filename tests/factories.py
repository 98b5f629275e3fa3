"""Test data builders: a few rows with sensible defaults, overridable by keyword."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from app.accounts.passwords import hash_password
from app.accounts.tables import User
from app.organisation.tables import Department
from app.strategy.tables import Strategy, Theme

PASSWORD = "oikein-hyvä-salasana"
_PASSWORD_HASH = hash_password(PASSWORD)  # argon2 is slow on purpose: hash once per run
_sequence = itertools.count(1)


async def make_department(**values: Any) -> Department:
    number = next(_sequence)
    department = Department(
        **{"name_fi": f"Yksikkö {number}", "name_sv": f"Enhet {number}", **values}
    )
    await department.save()
    return department


async def make_user(**values: Any) -> User:
    number = next(_sequence)
    user = User(
        **{
            "name": f"Testi Käyttäjä {number}",
            "email": f"user{number}@example.fi",
            "password_hash": _PASSWORD_HASH,
            "language": "fi",
            **values,
        }
    )
    await user.save()
    return user


async def make_strategy(**values: Any) -> Strategy:
    strategy = Strategy(
        **{
            "name": f"Strategia {next(_sequence)}",
            "period_start": date(2023, 1, 1),
            "period_end": date(2030, 12, 31),
            "is_current": True,
            **values,
        }
    )
    await strategy.save()
    return strategy


async def make_theme(strategy: Strategy, **values: Any) -> Theme:
    theme = Theme(**{"strategy": strategy.id, "name_fi": f"Teema {next(_sequence)}", **values})
    await theme.save()
    return theme


async def make_experiment(owner: User, *, themes=(), departments=(), co_owners=(), **values: Any):
    """An experiment with its links, written directly (no audit): for reading tests."""
    from app.experiments import link_keys
    from app.experiments.tables import (
        Experiment,
        ExperimentCoOwner,
        ExperimentDepartment,
        ExperimentTheme,
    )

    experiment = Experiment(
        **{
            "title": f"Kokeilu {next(_sequence)}",
            "problem": "Asiakkaat odottavat.",
            "owner": owner.id,
            **values,
        }
    )
    await experiment.save()
    for theme in themes:
        await ExperimentTheme.insert(ExperimentTheme(experiment=experiment.id, theme=theme.id))
    for department in departments:
        await ExperimentDepartment.insert(
            ExperimentDepartment(experiment=experiment.id, department=department.id)
        )
    for person in co_owners:
        await ExperimentCoOwner.insert(ExperimentCoOwner(experiment=experiment.id, user=person.id))
    await link_keys.refresh(experiment.id)
    return experiment


async def make_cohort(*, leads=(), participants=(), themes=(), days=(), **values: Any):
    """A cohort with its leads, participants, themes and workshop days (dates), written directly."""
    from app.cohorts.tables import (
        Cohort,
        CohortLead,
        CohortParticipant,
        CohortTheme,
        WorkshopDay,
    )

    cohort = Cohort(**{"name": f"Valmennus {next(_sequence)}", **values})
    await cohort.save()
    for person in leads:
        await CohortLead.insert(CohortLead(cohort=cohort.id, user=person.id))
    for person in participants:
        await CohortParticipant.insert(CohortParticipant(cohort=cohort.id, user=person.id))
    for theme in themes:
        await CohortTheme.insert(CohortTheme(cohort=cohort.id, theme=theme.id))
    for day in days:
        await WorkshopDay.insert(WorkshopDay(cohort=cohort.id, day=day))
    return cohort
