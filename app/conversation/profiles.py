"""A person's profile: name, department, their non-draft experiments and the kudos they
received. A fixed number of queries whatever the number of experiments."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from piccolo.columns.combination import Or

from app.accounts.tables import User
from app.conversation import kudos
from app.experiments.tables import Experiment, ExperimentCoOwner
from app.service_errors import NotFound
from app.settings import LANGUAGES

EXPERIMENTS_SHOWN = 50
KUDOS_SHOWN = 10


@dataclass
class Profile:
    person: dict[str, Any]
    experiments: list[dict[str, Any]]
    experiment_total: int
    kudos_counts: dict[int, int]
    kudos_received: int
    latest_kudos: list[dict[str, Any]]


def _experiments_of(user_id: int) -> Any:
    """Their experiments others may see: owned or co-owned, never drafts, never deleted."""
    co_owned = ExperimentCoOwner.select(ExperimentCoOwner.experiment).where(
        ExperimentCoOwner.user == user_id
    )
    return (
        Or(Experiment.owner == user_id, Experiment.id.is_in(co_owned))
        & (Experiment.status != "draft")
        & Experiment.deleted_at.is_null()
    )


async def profile(user_id: int) -> Profile:
    person = (
        await User.select(
            User.id,
            User.name,
            User.active,
            User.department,
            *(
                getattr(User.department, f"name_{language}").as_alias(f"department_name_{language}")
                for language in LANGUAGES
            ),
        )
        .where(User.id == user_id)
        .first()
    )
    if person is None:
        raise NotFound
    condition = _experiments_of(user_id)
    experiments = (
        await Experiment.select(
            Experiment.id,
            Experiment.title,
            Experiment.status,
            Experiment.outcome,
            Experiment.owner,
            Experiment.updated_at,
        )
        .where(condition)
        .order_by(Experiment.updated_at, ascending=False)
        .order_by(Experiment.id, ascending=False)
        .limit(EXPERIMENTS_SHOWN)
    )
    return Profile(
        person=person,
        experiments=experiments,
        experiment_total=await Experiment.count().where(condition),
        kudos_counts=await kudos.kudos_counts([row["id"] for row in experiments]),
        kudos_received=await kudos.received_count(user_id),
        latest_kudos=await kudos.received_latest(user_id, KUDOS_SHOWN),
    )
