"""Group self-assessment: statements, ratings 1–5 per group and day, the summary table."""

from __future__ import annotations

from datetime import timedelta

from app.cohorts.tables import WorkshopDay
from app.reflections.access import today
from app.reflections.tables import AssessmentRating, AssessmentStatement
from tests.factories import make_cohort, make_department, make_user
from tests.http.browser import page, post_form, sign_in
from tests.http.query_counter import count_queries


async def _setup(days_ago=(14, 7, 1)):
    lead = await make_user(is_lead=True)
    kitchen = await make_department(name_fi="Ruokapalvelu")
    cleaning = await make_department(name_fi="Laitoshuolto")
    cook = await make_user(department=kitchen.id)
    cleaner = await make_user(department=cleaning.id)
    cohort = await make_cohort(
        leads=[lead],
        participants=[cook, cleaner],
        days=[today() - timedelta(days=n) for n in days_ago],
    )
    days = (
        await WorkshopDay.select().where(WorkshopDay.cohort == cohort.id).order_by(WorkshopDay.day)
    )
    return lead, cook, cleaner, kitchen, cleaning, cohort, days


async def _statements(cohort_id: int, count: int = 3) -> list[int]:
    ids = []
    for position in range(1, count + 1):
        statement = AssessmentStatement(
            cohort=cohort_id, text=f"Väite {position}", position=position
        )
        await statement.save()
        ids.append(statement.id)
    return ids


async def test_the_lead_writes_statements_and_others_may_not(client):
    lead, cook, *_rest, cohort, _days = await _setup()
    base = f"/cohorts/{cohort.id}/assessment/statements"
    await sign_in(client, cook.email)
    assert (await client.get(base)).status_code == 403
    assert (await post_form(client, base, {"text": "Ei saa"})).status_code == 403
    await sign_in(client, lead.email)
    assert (await post_form(client, base, {"text": ""})).status_code == 422
    response = await post_form(client, base, {"text": "Tervehdimme jokaista asiakasta."})
    assert response.status_code == 303
    response = await post_form(client, base, {"text": "Kerromme, mitä seuraavaksi tapahtuu."})
    rows = await AssessmentStatement.select().order_by(AssessmentStatement.position)
    assert [row["text"] for row in rows] == [
        "Tervehdimme jokaista asiakasta.",
        "Kerromme, mitä seuraavaksi tapahtuu.",
    ]
    response = await post_form(
        client, f"{base}/{rows[1]['id']}/move", {"direction": "up", "version": "1"}
    )
    assert response.status_code == 303
    rows = await AssessmentStatement.select().order_by(AssessmentStatement.position)
    assert rows[0]["text"] == "Kerromme, mitä seuraavaksi tapahtuu."
    response = await post_form(client, f"{base}/{rows[0]['id']}/archive", {"version": "1"})
    assert response.status_code == 303
    assert (await AssessmentStatement.select().where(AssessmentStatement.id == rows[0]["id"]))[0][
        "archived"
    ]


async def test_a_group_rates_with_validation_uniqueness_and_conflicts(client):
    lead, cook, cleaner, kitchen, cleaning, cohort, days = await _setup()
    s1, s2, s3 = await _statements(cohort.id)
    url = f"/cohorts/{cohort.id}/assessment/days/{days[0]['id']}"
    await sign_in(client, cook.email)
    soup = page(await client.get(url))
    assert soup.select_one("#f-department option[selected]")["value"] == str(kitchen.id)
    assert len(soup.select(f"input[type=radio][name=rating_{s1}]")) == 5
    # Out of range and not a number: refused next to the statement, nothing saved
    response = await post_form(
        client, url, {"department": kitchen.id, f"rating_{s1}": "6", f"rating_{s2}": "abc"}
    )
    assert response.status_code == 422
    soup = page(response)
    assert soup.select_one(f"#f-rating_{s1}-error").get_text(strip=True)
    assert soup.select_one(f"#f-rating_{s2}-error").get_text(strip=True)
    response = await post_form(client, url, {"department": kitchen.id, f"rating_{s1}": "0"})
    assert response.status_code == 422
    response = await post_form(client, url, {"department": kitchen.id})
    assert response.status_code == 422  # nothing rated
    # A department that is not a group of this cohort
    stranger = await make_department()
    response = await post_form(client, url, {"department": stranger.id, f"rating_{s1}": "3"})
    assert response.status_code == 422
    assert await AssessmentRating.count() == 0
    # Valid
    response = await post_form(
        client, url, {"department": kitchen.id, f"rating_{s1}": "3", f"rating_{s2}": "4"}
    )
    assert response.status_code == 303
    assert await AssessmentRating.count() == 2
    # Another member of the group with an old form (version 0) gets a conflict, not a duplicate
    response = await post_form(client, url, {"department": kitchen.id, f"rating_{s1}": "5"})
    assert response.status_code == 409
    assert await AssessmentRating.count() == 2
    row = await AssessmentRating.select().where(AssessmentRating.statement == s1).first()
    assert row["rating"] == 3
    # With the saved version it updates the one row (unique per statement/day/group)
    response = await post_form(
        client,
        url,
        {"department": kitchen.id, f"rating_{s1}": "5", f"version_{s1}": str(row["version"])},
    )
    assert response.status_code == 303
    rows = await AssessmentRating.select().where(AssessmentRating.statement == s1)
    assert [(r["rating"], r["version"]) for r in rows] == [(5, 2)]
    # Another group rates the same statement on the same day: a row of its own
    await sign_in(client, cleaner.email)
    response = await post_form(client, url, {"department": cleaning.id, f"rating_{s1}": "4"})
    assert response.status_code == 303
    assert await AssessmentRating.count() == 3


async def test_no_ratings_before_the_day_and_outsiders_get_404(client):
    lead, cook, cleaner, kitchen, cleaning, cohort, days = await _setup(days_ago=(-3,))
    (s1,) = await _statements(cohort.id, 1)
    url = f"/cohorts/{cohort.id}/assessment/days/{days[0]['id']}"
    await sign_in(client, cook.email)
    assert page(await client.get(url)).select("input[type=radio]") == []
    response = await post_form(client, url, {"department": kitchen.id, f"rating_{s1}": "4"})
    assert response.status_code == 403
    outsider = await make_user(department=kitchen.id)
    other_lead = await make_user(is_lead=True)
    await make_cohort(leads=[other_lead], participants=[outsider])
    for user in (outsider, other_lead):
        await sign_in(client, user.email)
        for target in [url, f"/cohorts/{cohort.id}/assessment"]:
            assert (await client.get(target)).status_code == 404
        response = await post_form(client, url, {"department": kitchen.id, f"rating_{s1}": "4"})
        assert response.status_code == 404
    assert await AssessmentRating.count() == 0


async def _rate(statements, days, groups, base=2):
    rows = []
    for day_index, day in enumerate(days):
        for group_index, group in enumerate(groups):
            for s_index, sid in enumerate(statements):
                rating = min(5, base + day_index + (s_index + group_index) % 2)
                rows.append(
                    AssessmentRating(
                        statement=sid, workshop_day=day["id"], department=group.id, rating=rating
                    )
                )
    await AssessmentRating.insert(*rows)


async def test_the_table_shows_the_sql_means(client):
    lead, cook, cleaner, kitchen, cleaning, cohort, days = await _setup()
    statements = await _statements(cohort.id, 3)
    await _rate(statements, days, [kitchen, cleaning])
    await sign_in(client, cook.email)  # participants see the summary too
    soup = page(await client.get(f"/cohorts/{cohort.id}/assessment"))
    assert len(soup.select(".assessment-chart svg rect.chart__bar")) == 6  # 2 groups × 3 days
    # Independent aggregates, straight from SQL
    per_day = await AssessmentRating.raw(
        "SELECT department, workshop_day, AVG(rating * 1.0) AS mean FROM assessment_rating "
        "GROUP BY department, workshop_day"
    )
    per_statement = await AssessmentRating.raw(
        "SELECT department, workshop_day, statement, AVG(rating * 1.0) AS mean "
        "FROM assessment_rating GROUP BY department, workshop_day, statement"
    )

    def shown(group_id, statement, day_id):
        table = soup.select_one(f"#assessment-table-{group_id}")
        cell = table.select_one(f"tr[data-statement='{statement}'] td[data-day='{day_id}']")
        return float(cell.get_text(strip=True).replace(",", "."))

    assert len(per_day) == 6 and len(per_statement) == 18
    for row in per_day:
        expected = round(float(row["mean"]), 1)
        assert shown(row["department"], "mean", row["workshop_day"]) == expected
    for row in per_statement:
        expected = round(float(row["mean"]), 1)
        assert shown(row["department"], row["statement"], row["workshop_day"]) == expected
    # The chart's value labels are the same numbers as the tables' mean rows
    for group in (kitchen, cleaning):
        section = soup.select_one(f"#assessment-table-{group.id}").find_parent("section")
        labels = [t.get_text() for t in section.select("svg text.chart__value")]
        means = [td.get_text(strip=True) for td in section.select("tr[data-statement='mean'] td")]
        assert labels == means


async def test_the_assessment_page_uses_a_fixed_number_of_queries(client):
    lead, cook, cleaner, kitchen, cleaning, cohort, days = await _setup()
    statements = await _statements(cohort.id, 2)
    await _rate(statements, days[:1], [kitchen])  # a few rows
    await sign_in(client, lead.email)
    url = f"/cohorts/{cohort.id}/assessment"
    with count_queries() as few:
        assert (await client.get(url)).status_code == 200
    more = await _statements(cohort.id, 8)
    groups = [kitchen, cleaning]
    for _ in range(6):
        department = await make_department()
        await make_user(department=department.id)
        groups.append(department)
    await AssessmentRating.delete(force=True)
    await _rate(statements + more, days, groups)
    assert await AssessmentRating.count() >= 200
    with count_queries() as many:
        response = await client.get(url)
    assert response.status_code == 200
    assert few["queries"] == many["queries"]
