"""Fresh experiments for the htmx sweep (run as a subprocess with the e2e server's
DATABASE_URL): one running experiment for each demo role, with two measures, two cycles (the
first decided "adapt"), a comment by its owner, in a cohort the demo lead leads, so that every
edit mode of the experiment page and the comment and review controls have something to act on.
Clicking through them changes only these rows. Prints {email: experiment id} as JSON."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from app.demo.content import ADMIN_EMAIL, EMPLOYEE_EMAIL, HR_EMAIL, LEAD_EMAIL

ROLES = {
    "employee": EMPLOYEE_EMAIL,
    "workshop_lead": LEAD_EMAIL,
    "hr_director": HR_EMAIL,
    "admin": ADMIN_EMAIL,
}


def create_sweep_experiments(server_env: dict[str, str]) -> dict[str, int]:
    """Run this module against the e2e server's database; return {email: experiment id}."""
    result = subprocess.run(  # noqa: S603 - our own module, no shell
        [sys.executable, "-m", "tests.e2e.sweep_setup"],
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, **server_env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


async def main() -> dict[str, int]:
    from app.accounts.tables import User
    from app.cohorts.tables import CohortLead
    from app.conversation.tables import Comment
    from app.experiments import link_keys
    from app.experiments.tables import (
        Cycle,
        Experiment,
        ExperimentDepartment,
        ExperimentTheme,
        Measure,
    )
    from app.strategy.tables import Strategy, Theme

    strategy = await Strategy.select(Strategy.id).where(Strategy.is_current.eq(True)).first()
    theme = (
        await Theme.select(Theme.id)
        .where((Theme.strategy == strategy["id"]) & Theme.archived.eq(False))
        .first()
    )
    lead = await User.select(User.id).where(User.email == LEAD_EMAIL).first()
    cohort = await CohortLead.select(CohortLead.cohort).where(CohortLead.user == lead["id"]).first()
    made: dict[str, int] = {}
    for role, email in ROLES.items():
        owner = await User.select(User.id, User.department).where(User.email == email).first()
        experiment = Experiment(
            title=f"Htmx-läpikäynti: {role}",
            problem="Asiakkaat odottavat puhelinjonossa liian kauan.",
            hypothesis="Takaisinsoitto lyhentää odotusta.",
            owner=owner["id"],
            strategy=strategy["id"],
            cohort=cohort["cohort"] if cohort else None,
            status="running",
        )
        await experiment.save()
        await ExperimentTheme.insert(ExperimentTheme(experiment=experiment.id, theme=theme["id"]))
        if owner["department"]:
            await ExperimentDepartment.insert(
                ExperimentDepartment(experiment=experiment.id, department=owner["department"])
            )
        await link_keys.refresh(experiment.id)
        await Measure.insert(
            Measure(experiment=experiment.id, name="Odotusaika", unit="min", baseline=12, target=5),
            Measure(
                experiment=experiment.id, name="Luovuttaneet", unit="%", baseline=30, position=1
            ),
        )
        await Cycle.insert(
            Cycle(
                experiment=experiment.id,
                number=1,
                plan_notes="Soitetaan takaisin aamuisin.",
                check_notes="Odotus lyheni.",
                act_notes="Laajennetaan iltapäivään.",
                starts_on=date(2026, 9, 1),
                decision="adapt",
            ),
            Cycle(experiment=experiment.id, number=2, plan_notes="Laajennetaan iltapäivään."),
        )
        await Comment.insert(
            Comment(experiment=experiment.id, author=owner["id"], body="Ensimmäiset tulokset.")
        )
        made[email] = experiment.id
    return made


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main())))
