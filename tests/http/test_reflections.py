"""Reflection questions and answers: defaults, answering, anonymity, who sees what."""

from __future__ import annotations

from datetime import timedelta

from app.audit.tables import AuditLog
from app.reflections import service
from app.reflections.access import today
from app.reflections.tables import ReflectionAnswer, ReflectionQuestion, ReflectionSubmission
from tests.factories import make_cohort, make_user
from tests.http.browser import page, post_form, sign_in
from tests.http.query_counter import count_queries


async def _setup(client, *, anonymous=False, days_ago=(3,)):
    lead = await make_user(name="Liisa Valmentaja", is_lead=True)
    person = await make_user(name="Pekka Osallistuja")
    cohort = await make_cohort(
        leads=[lead],
        participants=[person],
        days=[today() - timedelta(days=n) for n in days_ago],
        anonymous_reflections=anonymous,
    )
    from app.cohorts.tables import WorkshopDay

    days = (
        await WorkshopDay.select().where(WorkshopDay.cohort == cohort.id).order_by(WorkshopDay.day)
    )
    return lead, person, cohort, days


def _answers(questions, texts):
    return {f"answer_{q['id']}": text for q, text in zip(questions, texts, strict=False)}


async def test_defaults_are_the_six_questions_in_three_languages():
    cohort = await make_cohort()
    assert await service.ensure_default_questions(cohort.id) is True
    assert await service.ensure_default_questions(cohort.id) is False  # only once
    rows = (
        await ReflectionQuestion.select()
        .where(ReflectionQuestion.cohort == cohort.id)
        .order_by(ReflectionQuestion.position)
    )
    assert [row["text_fi"] for row in rows] == [
        "Mitä uutta oivalsin?",
        "Mikä asia jäi vielä minulle epäselväksi?",
        "Mistä olen eri mieltä?",
        "Mistä haluaisin tietää lisää? Miten voisin ottaa selvää?",
        "Kenen kanssa ja milloin voisin keskustella teemasta lisää?",
        "Miltä osin työyhteisömme voisi hyötyä siitä, että keskustelisimme teemasta yhdessä "
        "tarkemmin?",
    ]
    assert all(row["text_sv"] and row["text_en"] for row in rows)
    assert rows[0]["text_sv"] == "Vad lärde jag mig som var nytt?"
    assert len({row["text_en"] for row in rows}) == 6


async def test_a_participant_answers_and_edits_and_the_lead_sees_all(client):
    lead, person, cohort, days = await _setup(client)
    day = days[0]
    await sign_in(client, person.email)
    url = f"/cohorts/{cohort.id}/days/{day['id']}/reflection"
    form = page(await client.get(url))
    assert len(form.select("main form textarea")) == 6  # created on first need
    questions = await service.questions(cohort.id)
    response = await post_form(
        client, url, {"version": "0", **_answers(questions, ["Asiakas ensin.", "", "Ei mitään."])}
    )
    assert response.status_code == 303
    rows = await ReflectionAnswer.select().where(ReflectionAnswer.workshop_day == day["id"])
    assert {row["text"] for row in rows} == {"Asiakas ensin.", "Ei mitään."}
    assert {row["user"] for row in rows} == {person.id}
    # Own answers on "my reflections"
    mine = page(await client.get(f"/cohorts/{cohort.id}/reflections/mine")).get_text()
    assert "Asiakas ensin." in mine
    # Edit: change one, empty one (soft delete), with the version shown
    submission = await ReflectionSubmission.select().first()
    response = await post_form(
        client,
        url,
        {
            "version": str(submission["version"]),
            **_answers(questions, ["Asiakas aina ensin.", "", ""]),
        },
    )
    assert response.status_code == 303
    live = await ReflectionAnswer.select().where(ReflectionAnswer.deleted_at.is_null())
    assert [row["text"] for row in live] == ["Asiakas aina ensin."]
    # A stale form (the old version) is a conflict, nothing saved
    response = await post_form(
        client,
        url,
        {"version": str(submission["version"]), **_answers(questions, ["Vanha versio"])},
    )
    assert response.status_code == 409
    assert "Vanha versio" in page(response).get_text()  # input kept
    assert await ReflectionAnswer.count().where(ReflectionAnswer.text == "Vanha versio") == 0
    assert await AuditLog.count().where(AuditLog.object_type == "reflection_day") == 2
    # The participant may not read everyone's answers
    assert (await client.get(f"/cohorts/{cohort.id}/reflections")).status_code == 403
    # The lead sees every answer with its author and the counts
    await sign_in(client, lead.email)
    soup = page(await client.get(f"/cohorts/{cohort.id}/reflections?day={day['id']}"))
    text = soup.get_text()
    assert "Asiakas aina ensin." in text and person.name in text
    respondents = soup.select_one("#respondents")
    assert (respondents["data-answered"], respondents["data-total"]) == ("1", "1")


async def test_anonymous_answers_store_no_user_and_cannot_be_sent_twice(client):
    lead, person, cohort, days = await _setup(client, anonymous=True)
    day = days[0]
    await sign_in(client, person.email)
    url = f"/cohorts/{cohort.id}/days/{day['id']}/reflection"
    soup = page(await client.get(url))
    assert soup.select_one("main .notice--warning") is not None  # told before sending
    questions = await service.questions(cohort.id)
    response = await post_form(
        client, url, {"version": "0", **_answers(questions, ["Nimetön oivallus"])}
    )
    assert response.status_code == 303
    rows = await ReflectionAnswer.select().where(ReflectionAnswer.workshop_day == day["id"])
    assert [(row["text"], row["user"]) for row in rows] == [("Nimetön oivallus", None)]
    assert rows[0]["created_at"].time().isoformat() == "00:00:00"  # no time of day
    submissions = await ReflectionSubmission.select()
    assert [(s["workshop_day"], s["user"]) for s in submissions] == [(day["id"], person.id)]
    assert set(submissions[0]) == {"id", "workshop_day", "user", "version"}  # no answer link
    # A second submission is refused and stores nothing
    response = await post_form(client, url, {"version": "0", **_answers(questions, ["Toinen"])})
    assert response.status_code == 422
    assert await ReflectionAnswer.count() == 1
    # The form is gone once answered; own answers are not shown
    soup = page(await client.get(url))
    assert soup.select("main form textarea") == []
    assert (
        "Nimetön oivallus"
        not in page(await client.get(f"/cohorts/{cohort.id}/reflections/mine")).get_text()
    )
    # The lead sees the answer without a name
    await sign_in(client, lead.email)
    soup = page(await client.get(f"/cohorts/{cohort.id}/reflections?day={day['id']}"))
    assert "Nimetön oivallus" in soup.get_text()
    assert person.name not in soup.select_one("main").get_text()


async def test_cannot_answer_before_the_day(client):
    lead, person, cohort, days = await _setup(client, days_ago=(-2,))
    day = days[0]
    await sign_in(client, person.email)
    url = f"/cohorts/{cohort.id}/days/{day['id']}/reflection"
    soup = page(await client.get(url))
    assert soup.select("main form textarea") == []
    questions = await service.questions(cohort.id)
    response = await post_form(
        client, url, {"version": "0", **_answers(questions, ["Liian aikaisin"])}
    )
    assert response.status_code == 403
    assert await ReflectionAnswer.count() == 0


async def test_empty_answers_are_refused_with_a_message(client):
    lead, person, cohort, days = await _setup(client)
    await sign_in(client, person.email)
    url = f"/cohorts/{cohort.id}/days/{days[0]['id']}/reflection"
    questions = await service.questions(cohort.id)
    response = await post_form(client, url, {"version": "0", **_answers(questions, ["  "])})
    assert response.status_code == 422
    assert page(response).select_one("#form-errors") is not None
    assert await ReflectionSubmission.count() == 0


async def test_outsiders_get_404_and_other_roles_403(client):
    lead, person, cohort, days = await _setup(client)
    day_url = f"/cohorts/{cohort.id}/days/{days[0]['id']}/reflection"
    lead_urls = [
        f"/cohorts/{cohort.id}/reflections",
        f"/cohorts/{cohort.id}/reflections/questions",
    ]
    outsider = await make_user()
    other_lead = await make_user(is_lead=True)
    await make_cohort(leads=[other_lead], participants=[outsider])
    for user in (outsider, other_lead):
        await sign_in(client, user.email)
        for url in [day_url, f"/cohorts/{cohort.id}/reflections/mine", *lead_urls]:
            assert (await client.get(url)).status_code in (403, 404), (user.name, url)
        response = await post_form(client, day_url, {"version": "0", "answer_1": "x"})
        assert response.status_code in (403, 404)
    # The cohort's own lead manages but does not answer as a participant
    await sign_in(client, lead.email)
    assert (await client.get(day_url)).status_code == 403
    for url in lead_urls:
        assert (await client.get(url)).status_code == 200
    # An admin reads everything
    admin = await make_user(is_admin=True)
    await sign_in(client, admin.email)
    assert (await client.get(lead_urls[0])).status_code == 200
    assert await ReflectionAnswer.count() == 0


async def test_the_lead_edits_adds_reorders_and_archives_questions(client):
    lead, person, cohort, days = await _setup(client)
    await sign_in(client, lead.email)
    base = f"/cohorts/{cohort.id}/reflections/questions"
    assert (await client.get(base)).status_code == 200
    questions = await service.questions(cohort.id)
    first, second = questions[0], questions[1]
    response = await post_form(client, base, {"text_fi": ""})
    assert response.status_code == 422
    response = await post_form(client, base, {"text_fi": "Mitä kokeilen seuraavaksi?"})
    assert response.status_code == 303
    assert [q["text_fi"] for q in await service.questions(cohort.id)][-1] == (
        "Mitä kokeilen seuraavaksi?"
    )
    response = await post_form(
        client,
        f"{base}/{first['id']}",
        {"text_fi": "Mitä uutta opin?", "text_sv": "", "text_en": "", "version": "1"},
    )
    assert response.status_code == 303
    response = await post_form(
        client, f"{base}/{first['id']}", {"text_fi": "Vanha lomake", "version": "1"}
    )
    assert response.status_code == 409
    response = await post_form(
        client, f"{base}/{second['id']}/move", {"direction": "up", "version": "1"}
    )
    assert response.status_code == 303
    order = [q["id"] for q in await service.questions(cohort.id)]
    assert order[:2] == [second["id"], first["id"]]
    response = await post_form(client, f"{base}/{second['id']}/archive", {"version": "1"})
    assert response.status_code == 303
    assert second["id"] not in [q["id"] for q in await service.questions(cohort.id)]
    # Participants are no longer asked the archived question
    await sign_in(client, person.email)
    soup = page(await client.get(f"/cohorts/{cohort.id}/days/{days[0]['id']}/reflection"))
    assert soup.find(attrs={"name": f"answer_{second['id']}"}) is None
    assert soup.find(attrs={"name": f"answer_{first['id']}"}) is not None


async def _answer_rows(cohort_id: int, day_id: int, count: int) -> None:
    questions = await service.questions(cohort_id)
    people = [await make_user() for _ in range(count)]
    from app.cohorts.tables import CohortParticipant

    await CohortParticipant.insert(
        *(CohortParticipant(cohort=cohort_id, user=person.id) for person in people)
    )
    await ReflectionSubmission.insert(
        *(ReflectionSubmission(workshop_day=day_id, user=person.id) for person in people)
    )
    await ReflectionAnswer.insert(
        *(
            ReflectionAnswer(
                question=questions[i % len(questions)]["id"],
                workshop_day=day_id,
                user=people[i].id,
                text=f"Vastaus {i}",
            )
            for i in range(count)
        )
    )


async def test_the_lead_answers_page_uses_a_fixed_number_of_queries(client):
    lead, person, cohort, days = await _setup(client)
    await sign_in(client, lead.email)
    url = f"/cohorts/{cohort.id}/reflections?day={days[0]['id']}"
    await client.get(url)  # creates the default questions
    await _answer_rows(cohort.id, days[0]["id"], 10)
    with count_queries() as few:
        assert (await client.get(url)).status_code == 200
    await _answer_rows(cohort.id, days[0]["id"], 190)
    with count_queries() as many:
        response = await client.get(url)
    assert response.status_code == 200
    assert len(page(response).select(".reflection-answer-list > li")) == 200
    assert few["queries"] == many["queries"]


async def test_questions_are_shown_in_the_users_language(client):
    lead, person, cohort, days = await _setup(client)
    await person.update_self({"language": "sv"})
    await sign_in(client, person.email)
    soup = page(await client.get(f"/cohorts/{cohort.id}/days/{days[0]['id']}/reflection"))
    labels = [label.get_text(strip=True) for label in soup.select("main form label")]
    assert labels[0] == "1. Vad lärde jag mig som var nytt?"


async def test_two_submissions_at_the_same_moment_store_one(client):
    import asyncio

    from app.service_errors import FieldErrors

    lead, person, cohort, days = await _setup(client, anonymous=True)
    questions = await service.questions(cohort.id)
    cohort_row = {"id": cohort.id, "anonymous_reflections": True}

    async def submit(text):
        await service.submit_answers(
            cohort=cohort_row,
            day=days[0],
            user_id=person.id,
            texts={questions[0]["id"]: text},
            version=0,
        )

    results = await asyncio.gather(submit("Eka"), submit("Toka"), return_exceptions=True)
    assert sorted(type(result).__name__ for result in results) == ["FieldErrors", "NoneType"]
    assert any(isinstance(result, FieldErrors) for result in results)
    assert await ReflectionSubmission.count() == 1
    assert await ReflectionAnswer.count() == 1


async def test_the_audit_log_of_an_anonymous_answer_holds_no_answer(client):
    lead, person, cohort, days = await _setup(client, anonymous=True)
    await sign_in(client, person.email)
    url = f"/cohorts/{cohort.id}/days/{days[0]['id']}/reflection"
    questions = await service.questions(cohort.id)
    await post_form(client, url, {"version": "0", **_answers(questions, ["Salainen ajatus"])})
    entries = await AuditLog.select().where(AuditLog.object_type == "reflection_day")
    assert len(entries) == 1
    assert "Salainen ajatus" not in str(entries)
    assert entries[0]["object_id"] == days[0]["id"]  # the day, not an answer
    assert await AuditLog.count().where(AuditLog.object_type.like("reflection_answer%")) == 0
