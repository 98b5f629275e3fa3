"""Time the reflection and self-assessment pages of a big cohort over real HTTP: 300
participants, three past workshop days, everyone answering every question, 10 statements
rated by 12 groups on each day. Prints the median and 95th percentile per page.

    uv run python bench/reflections.py [--requests 100]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import httpx

from bench.demo_database import ROOT, demo_server  # noqa: E402

PARTICIPANTS = 300
GROUPS = 12
STATEMENTS = 10

BIG_COHORT = f"""
import asyncio
from datetime import timedelta
from app.accounts.tables import User
from app.cohorts.tables import Cohort, CohortLead, CohortParticipant, WorkshopDay
from app.organisation.tables import Department
from app.reflections.access import today
from app.reflections.service import ensure_default_questions, questions
from app.reflections.tables import (
    AssessmentRating, AssessmentStatement, ReflectionAnswer, ReflectionSubmission,
)

async def main():
    lead = await User.select(User.id).where(User.email == "valmentaja@varkaus.example").first()
    departments = [r["id"] for r in await Department.select(Department.id).limit({GROUPS})]
    password = (await User.select(User.password_hash).first())["password_hash"]
    await User.insert(*(
        User(name=f"Osallistuja {{n}}", email=f"bench{{n}}@varkaus.example",
             password_hash=password, department=departments[n % len(departments)])
        for n in range({PARTICIPANTS})
    ))
    people = [r["id"] for r in await User.select(User.id).where(User.email.like("bench%"))]
    cohort = Cohort(name="Suuri valmennus")
    await cohort.save()
    await CohortLead.insert(CohortLead(cohort=cohort.id, user=lead["id"]))
    await CohortParticipant.insert(*(CohortParticipant(cohort=cohort.id, user=p) for p in people))
    days = []
    for weeks in (6, 3, 0):
        day = WorkshopDay(cohort=cohort.id, day=today() - timedelta(weeks=weeks))
        await day.save()
        days.append(day.id)
    await ensure_default_questions(cohort.id)
    asked = await questions(cohort.id)
    statements = []
    for n in range({STATEMENTS}):
        statement = AssessmentStatement(cohort=cohort.id, text=f"Väittämä {{n + 1}}", position=n)
        await statement.save()
        statements.append(statement.id)
    for index, day in enumerate(days):
        await ReflectionSubmission.insert(
            *(ReflectionSubmission(workshop_day=day, user=p) for p in people)
        )
        await ReflectionAnswer.insert(*(
            ReflectionAnswer(question=q["id"], workshop_day=day, user=p,
                             text=f"Pohdinta {{p}} kysymykseen {{q['position']}}")
            for p in people for q in asked
        ))
        await AssessmentRating.insert(*(
            AssessmentRating(statement=s, workshop_day=day, department=d,
                             rating=min(5, 2 + index + (s + d) % 2))
            for s in statements for d in departments
        ))
    print(cohort.id, days[-1])

asyncio.run(main())
"""

found: dict[str, str] = {}


def add_big_cohort(env: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, "-c", BIG_COHORT],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    found["cohort"], found["day"] = result.stdout.split()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()
    with demo_server(add_big_cohort) as base, httpx.Client(base_url=base, timeout=30) as client:
        client.get("/sign-in")
        client.post(
            "/sign-in",
            data={"email": "valmentaja@varkaus.example", "password": "kokeilu-demo-2026"},
            headers={"x-csrftoken": client.cookies.get("kokeilu_csrf")},
        )
        cohort, day = found["cohort"], found["day"]
        pages = [
            f"/cohorts/{cohort}/reflections?day={day}",
            f"/cohorts/{cohort}/assessment",
            f"/cohorts/{cohort}/assessment/days/{day}",
            f"/cohorts/{cohort}/reflections/questions",
        ]
        print(
            f"{PARTICIPANTS} participants x 6 answers per day; {STATEMENTS} statements x "
            f"{GROUPS} groups x 3 days; {args.requests} sequential requests each"
        )
        print(f"{'page':<42} {'median ms':>10} {'p95 ms':>8}")
        for path in pages:
            timings = []
            for _ in range(args.requests):
                started = time.perf_counter()
                response = client.get(path)
                timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (path, response.status_code)
            timings.sort()
            p95 = timings[int(len(timings) * 0.95) - 1]
            print(f"{path:<42} {statistics.median(timings):>10.2f} {p95:>8.2f}")


if __name__ == "__main__":
    main()
