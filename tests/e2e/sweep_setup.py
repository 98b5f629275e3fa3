"""Fresh experiments for the htmx sweep (run as a subprocess with the e2e server's
DATABASE_URL): one running experiment for each demo role, with two measures, two cycles (the
first decided "adapt"), a comment by its owner, all in a new cohort that the demo lead leads
(with a workshop day today; nobody else takes part, so no one's own lists change), so that every edit mode of the experiment page and the comment
and review controls have something to act on. Saving their forms changes only these rows. One more experiment of the employee's, with a
measure and one undecided cycle, is for the plan-do-check-act steps without JavaScript.
Prints {email: experiment id, "pdca": experiment id, "cohort": cohort id} as JSON."""

from __future__ import annotations

import asyncio
import json
from datetime import date

from app.demo.content import ADMIN_EMAIL, EMPLOYEE_EMAIL, HR_EMAIL, LEAD_EMAIL
from app.reflections.access import today
from tests.e2e.server_setup import run_in_server_database

ROLES = {
    "employee": EMPLOYEE_EMAIL,
    "workshop_lead": LEAD_EMAIL,
    "hr_director": HR_EMAIL,
    "admin": ADMIN_EMAIL,
}


def create_sweep_experiments() -> dict[str, int]:
    """Run this module against the e2e server's database; return what it printed."""
    return run_in_server_database("tests.e2e.sweep_setup")


async def main() -> dict[str, int]:
    from app.accounts.tables import User
    from app.cohorts.tables import Cohort, CohortLead, WorkshopDay
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
    people = {
        row["email"]: row
        for row in await User.select(User.id, User.email, User.department).where(
            User.email.is_in(list(ROLES.values()))
        )
    }
    cohort = Cohort(name="Htmx-läpikäynti", description="Päästä päähän -testin valmennus")
    await cohort.save()
    await CohortLead.insert(CohortLead(cohort=cohort.id, user=people[LEAD_EMAIL]["id"]))
    await WorkshopDay.insert(WorkshopDay(cohort=cohort.id, day=today(), place="Kaupungintalo"))
    made: dict[str, int] = {"cohort": cohort.id}
    for role, email in ROLES.items():
        owner = people[email]
        experiment = Experiment(
            title=f"Htmx-läpikäynti: {role}",
            problem="Asiakkaat odottavat puhelinjonossa liian kauan.",
            hypothesis="Takaisinsoitto lyhentää odotusta.",
            owner=owner["id"],
            strategy=strategy["id"],
            cohort=cohort.id,
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
    employee = people[EMPLOYEE_EMAIL]
    pdca = Experiment(
        title="Htmx-läpikäynti: kierrokset ilman JavaScriptiä",
        problem="Asiakkaat eivät löydä oikeaa lomaketta.",
        owner=employee["id"],
        strategy=strategy["id"],
        status="running",
    )
    await pdca.save()
    await ExperimentTheme.insert(ExperimentTheme(experiment=pdca.id, theme=theme["id"]))
    await Measure.insert(Measure(experiment=pdca.id, name="Virheelliset lomakkeet", baseline=40))
    await Cycle.insert(Cycle(experiment=pdca.id, number=1, plan_notes="Selkeämpi ohje."))
    made["pdca"] = pdca.id
    return made


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main())))
