"""Insert a cohort with a past and a future workshop day into the e2e server's database (run
as a subprocess with the server's environment); print its ids as JSON."""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import timedelta

from app.reflections.access import today

LEAD = "valmentaja@varkaus.example"
PARTICIPANT = "tyontekija@varkaus.example"
STATEMENTS = [
    "Tervehdimme jokaista asiakasta ja kohtaamme hänet ystävällisesti.",
    "Kerromme asiakkaalle selkeästi, mitä seuraavaksi tapahtuu.",
]


async def main(name: str) -> dict:
    from app.accounts.tables import User
    from app.cohorts.tables import Cohort, CohortLead, CohortParticipant, WorkshopDay
    from app.reflections.tables import AssessmentStatement

    users = {row["email"]: row for row in await User.select(User.id, User.email, User.department)}
    cohort = Cohort(name=name, description="Päästä päähän -testin valmennus")
    await cohort.save()
    await CohortLead.insert(CohortLead(cohort=cohort.id, user=users[LEAD]["id"]))
    colleagues = [u for u in users.values() if u["email"] not in (LEAD, PARTICIPANT)][:3]
    await CohortParticipant.insert(
        *(
            CohortParticipant(cohort=cohort.id, user=u["id"])
            for u in [users[PARTICIPANT], *colleagues]
        )
    )
    past = WorkshopDay(cohort=cohort.id, day=today() - timedelta(days=2), place="Kaupungintalo")
    future = WorkshopDay(cohort=cohort.id, day=today() + timedelta(days=12), place="Kaupungintalo")
    await past.save()
    await future.save()
    statement_ids = []
    for position, text in enumerate(STATEMENTS, start=1):
        statement = AssessmentStatement(cohort=cohort.id, text=text, position=position)
        await statement.save()
        statement_ids.append(statement.id)
    return {
        "cohort": cohort.id,
        "past_day": past.id,
        "future_day": future.id,
        "statements": statement_ids,
        "department": users[PARTICIPANT]["department"],
    }


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(sys.argv[1]))))
