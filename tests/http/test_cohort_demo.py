"""The demo data brings two cohorts with days, participants and experiments; loading twice
adds nothing."""

from app.cohorts.tables import Cohort, CohortLead, CohortParticipant, WorkshopDay
from app.demo.content import EMPLOYEE_EMAIL, LEAD_EMAIL
from app.demo.loader import load_demo_data
from app.experiments.tables import Experiment
from tests.http.browser import page, sign_in


async def _counts() -> tuple[int, ...]:
    return (
        await Cohort.count(),
        await CohortParticipant.count(),
        await WorkshopDay.count(),
        await Experiment.count().where(Experiment.cohort.is_not_null()),
    )


async def test_demo_cohorts_are_loaded_once_and_shown_to_the_lead(client):
    await load_demo_data()
    counts = await _counts()
    varkaus = await Cohort.objects().where(Cohort.name == "Varkauden asiakaskokemustyöpaja").first()
    kitee = await Cohort.objects().where(Cohort.name == "Kiteen koko henkilöstön valmennus").first()
    assert varkaus and kitee and kitee.anonymous_reflections
    assert await WorkshopDay.count().where(WorkshopDay.cohort == varkaus.id) == 3
    assert await WorkshopDay.count().where(WorkshopDay.cohort == kitee.id) == 2
    assert await CohortParticipant.count().where(CohortParticipant.cohort == varkaus.id) >= 20
    in_varkaus = await Experiment.count().where(Experiment.cohort == varkaus.id)
    owned = await Experiment.count().where(
        Experiment.owner.is_in(
            CohortParticipant.select(CohortParticipant.user).where(
                CohortParticipant.cohort == varkaus.id
            )
        )
    )
    assert owned * 0.6 <= in_varkaus < owned  # most of the participants' experiments
    lead = await CohortLead.select(CohortLead.user.email.as_alias("email")).where(
        CohortLead.cohort == varkaus.id
    )
    assert [row["email"] for row in lead] == [LEAD_EMAIL]

    await load_demo_data()
    assert await _counts() == counts

    await sign_in(client, LEAD_EMAIL, "kokeilu-demo-2026")
    soup = page(await client.get("/cohorts"))
    assert [a.get_text() for a in soup.select(".cohort-card__title a")] == [varkaus.name]
    detail = page(await client.get(f"/cohorts/{varkaus.id}"))
    assert len(detail.select(".workshop-day")) == 3
    await sign_in(client, EMPLOYEE_EMAIL, "kokeilu-demo-2026")
    new_form = page(await client.get("/experiments/new"))
    assert new_form.select_one("#f-cohort option[selected]")["value"] == str(varkaus.id)
