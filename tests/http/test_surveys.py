"""Customer feedback surveys over HTTP: the owner's pages, the public form and the kiosk, the
abuse protections, and the numbers that reach the experiment's measure."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from app.experiments.tables import Measure
from app.surveys.tables import Survey, SurveyAnswer, SurveyRateWindow, SurveyRefusal
from tests.factories import make_experiment, make_user
from tests.http.browser import csrf_token, field_error, page, post_form, sign_in

KIOSK = {"x-kokeilu-kiosk": "1"}


async def _experiment_with_measure(owner, **values):
    experiment = await make_experiment(owner, status="running", **values)
    measure = Measure(experiment=experiment.id, name="Asiakastyytyväisyys", unit="1–5")
    await measure.save()
    return experiment, measure


async def _create_survey(client, experiment_id: int, measure_id: int, **extra) -> dict:
    response = await post_form(
        client,
        f"/experiments/{experiment_id}/surveys/new",
        {
            "measure": measure_id,
            "question_fi": "Miten onnistuimme palvelemaan sinua tänään?",
            "question_sv": "Hur lyckades vi betjäna dig i dag?",
            "allow_comment": "true",
            **extra,
        },
    )
    assert response.status_code == 303, response.text
    return await Survey.select().where(Survey.experiment == experiment_id).first()


async def _period(client, experiment_id: int, survey_id: int, action: str):
    survey = await Survey.select(Survey.version).where(Survey.id == survey_id).first()
    return await post_form(
        client,
        f"/experiments/{experiment_id}/surveys/{survey_id}/period",
        {"action": action, "version": survey["version"]},
    )


async def _answer(client, token: str, score: int, **extra):
    """A customer answers on the public page (fresh submission id, as the page gives)."""
    shown = page(await client.get(f"/s/{token}"))
    field = shown.find(attrs={"name": "submission_id"})  # no form while the survey is closed
    submission_id = field["value"] if field else f"test-{score}-{id(shown)}"
    return await client.post(
        f"/s/{token}",
        data={
            "_csrf_token": csrf_token(client),
            "score": score,
            "submission_id": submission_id,
            "lang": "fi",
            **extra,
        },
    )


async def _kiosk(client, token: str, score: int, submission_id: str):
    await client.get(f"/k/{token}")
    return await client.post(
        f"/k/{token}",
        data={"score": score, "submission_id": submission_id, "lang": "fi"},
        headers={**KIOSK, "x-csrftoken": csrf_token(client)},
    )


@pytest.fixture
async def owner_setup(client, employee):
    experiment, measure = await _experiment_with_measure(employee)
    survey = await _create_survey(client, experiment.id, measure.id)
    return employee, experiment, measure, survey


async def test_owner_creates_a_survey_and_the_experiment_page_loads_its_panel(client, owner_setup):
    _owner, experiment, measure, survey = owner_setup
    assert survey["measure"] == measure.id
    assert len(survey["token"]) >= 16 and survey["token"] != survey["kiosk_token"]
    detail = await client.get(f"/experiments/{experiment.id}")
    assert f'hx-get="/experiments/{experiment.id}/surveys/panel"' in detail.text
    panel = await client.get(f"/experiments/{experiment.id}/surveys/panel")
    assert panel.status_code == 200
    assert f"/s/{survey['token']}" in panel.text
    assert f"/k/{survey['kiosk_token']}" in panel.text


async def test_invalid_survey_form_keeps_input_and_shows_errors(client, employee):
    experiment, measure = await _experiment_with_measure(employee)
    response = await post_form(
        client,
        f"/experiments/{experiment.id}/surveys/new",
        {
            "measure": measure.id,
            "question_fi": "",
            "question_sv": "Hur var det?",
            "second_kind": "choice",
            "second_question_fi": "Miten asioit?",
            "second_choices_fi": "Vain yksi",
        },
    )
    assert response.status_code == 422
    soup = page(response)
    assert field_error(soup, "question_fi")
    assert soup.find(id="f-question_sv")["value"] == "Hur var det?"
    response = await post_form(
        client,
        f"/experiments/{experiment.id}/surveys/new",
        {
            "measure": measure.id,
            "question_fi": "Miten onnistuimme?",
            "second_kind": "choice",
            "second_question_fi": "Miten asioit?",
            "second_choices_fi": "Vain yksi",
        },
    )
    assert response.status_code == 422
    assert field_error(page(response), "second_choices_fi")
    assert await Survey.count() == 0


async def test_answers_move_the_measure_before_and_after_exactly(client, owner_setup):
    _owner, experiment, measure, survey = owner_setup
    token = survey["token"]
    assert (await _period(client, experiment.id, survey["id"], "open_before")).status_code == 303
    # Each answer from its own "device": a fresh client, no answered-cookie.
    for score in (3, 4, 2, 3):  # mean 3.0
        async with type(client)(app=client.app, base_url=str(client.base_url)) as customer:
            customer.follow_redirects = False
            response = await _answer(customer, token, score)
            assert response.status_code == 303, response.text
    assert (await _period(client, experiment.id, survey["id"], "open_after")).status_code == 303
    for score in (5, 4, 4, 5, 4):  # mean 4.4
        async with type(client)(app=client.app, base_url=str(client.base_url)) as customer:
            customer.follow_redirects = False
            assert (await _answer(customer, token, score)).status_code == 303
    await _period(client, experiment.id, survey["id"], "close")

    panel = page(await client.get(f"/experiments/{experiment.id}/surveys/panel"))
    assert panel.find(attrs={"data-period": "before"})["data-n"] == "4"
    assert panel.find(attrs={"data-period": "after"})["data-n"] == "5"
    assert panel.find(attrs={"data-verdict": True})["data-verdict"] == "too_few"

    current = await Measure.select().where(Measure.id == measure.id).first()
    response = await post_form(
        client,
        f"/experiments/{experiment.id}/surveys/{survey['id']}/apply",
        {"measure_version": current["version"]},
    )
    assert response.status_code == 303
    updated = await Measure.select().where(Measure.id == measure.id).first()
    assert updated["baseline"] == pytest.approx(3.0)
    assert updated["result"] == pytest.approx(4.4)
    assert updated["version"] == current["version"] + 1
    audit = await client.get(f"/experiments/{experiment.id}")
    assert audit.status_code == 200


async def test_copying_means_with_a_stale_measure_version_is_refused(client, owner_setup):
    _owner, experiment, measure, survey = owner_setup
    await _period(client, experiment.id, survey["id"], "open_before")
    async with type(client)(app=client.app, base_url=str(client.base_url)) as customer:
        customer.follow_redirects = False
        await _answer(customer, survey["token"], 4)
    response = await post_form(
        client,
        f"/experiments/{experiment.id}/surveys/{survey['id']}/apply",
        {"measure_version": 99},
    )
    assert response.status_code == 303
    unchanged = await Measure.select().where(Measure.id == measure.id).first()
    assert unchanged["baseline"] is None


async def test_closed_period_refuses_answers_and_counts_them(client, owner_setup):
    _owner, experiment, _measure, survey = owner_setup
    response = await _answer(client, survey["token"], 4)
    assert response.status_code == 409
    assert await SurveyAnswer.count() == 0
    refusals = await SurveyRefusal.select().where(SurveyRefusal.survey == survey["id"])
    assert [(row["reason"], row["count"]) for row in refusals] == [("closed", 1)]
    panel = await client.get(f"/experiments/{experiment.id}/surveys/panel")
    assert "survey-refusals" in panel.text


async def test_revoked_token_answers_404(client, owner_setup):
    _owner, experiment, _measure, survey = owner_setup
    assert (await client.get(f"/s/{survey['token']}")).status_code == 200
    response = await post_form(
        client,
        f"/experiments/{experiment.id}/surveys/{survey['id']}/revoke",
        {"version": survey["version"]},
    )
    assert response.status_code == 303
    assert (await client.get(f"/s/{survey['token']}")).status_code == 404
    assert (await client.get(f"/k/{survey['kiosk_token']}")).status_code == 404
    renewed = await Survey.select().where(Survey.id == survey["id"]).first()
    assert (await client.get(f"/s/{renewed['token']}")).status_code == 200
    assert (await client.get("/s/not-a-real-token")).status_code == 404


async def test_public_page_reveals_only_the_question(client, owner_setup):
    _owner, experiment, _measure, survey = owner_setup
    await _period(client, experiment.id, survey["id"], "open_before")
    async with type(client)(app=client.app, base_url=str(client.base_url)) as visitor:
        response = await visitor.get(f"/s/{survey['token']}?lang=sv")
        assert response.status_code == 200
        assert "Hur lyckades vi betjäna dig i dag?" in response.text
        assert '<html lang="sv">' in response.text
        for secret in (experiment.title, "Tavallinen Työntekijä", "Asiakastyytyväisyys"):
            assert secret not in response.text
        assert page(response).find(attrs={"name": "_csrf_token"})["value"]
        assert page(response).find("script") is None


async def test_device_cookie_allows_one_answer_outside_kiosk(client, owner_setup):
    _owner, experiment, _measure, survey = owner_setup
    await _period(client, experiment.id, survey["id"], "open_before")
    async with type(client)(app=client.app, base_url=str(client.base_url)) as customer:
        customer.follow_redirects = False
        first = await _answer(customer, survey["token"], 5)
        assert first.status_code == 303
        assert first.headers["location"].startswith(f"/s/{survey['token']}/thanks")
        again = await _answer(customer, survey["token"], 1)
        assert again.status_code == 200
    assert await SurveyAnswer.count() == 1
    refusal = await SurveyRefusal.select().where(SurveyRefusal.reason == "repeat").first()
    assert refusal["count"] == 1


async def test_honeypot_is_refused_silently_but_counted(client, owner_setup):
    _owner, experiment, _measure, survey = owner_setup
    await _period(client, experiment.id, survey["id"], "open_before")
    response = await _answer(client, survey["token"], 5, website="http://spam.example")
    assert response.status_code == 303  # the robot sees the thank-you page
    assert await SurveyAnswer.count() == 0
    refusal = await SurveyRefusal.select().where(SurveyRefusal.reason == "honeypot").first()
    assert refusal["count"] == 1


@pytest.fixture
def one_minute(monkeypatch):
    """Every hit falls in the same one-minute window, however long the test takes."""
    from app.surveys import limits

    fixed = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    monkeypatch.setattr(limits, "window_start", lambda _now: fixed)


async def test_rate_limit_per_client(client, owner_setup, app, monkeypatch, one_minute):
    _owner, experiment, _measure, survey = owner_setup
    await _period(client, experiment.id, survey["id"], "open_before")
    monkeypatch.setattr(app.state["settings"], "survey_kiosk_limit_per_minute", 5)
    statuses = [
        (await _kiosk(client, survey["kiosk_token"], 4, f"rate-{number:06d}")).status_code
        for number in range(8)
    ]
    assert statuses == [200] * 5 + [429] * 3
    assert await SurveyAnswer.count() == 5
    refused = await SurveyRefusal.select().where(SurveyRefusal.reason == "rate_client").first()
    assert refused["count"] == 3
    # Only keyed hashes are kept, never the address itself.
    keys = [row["key"] for row in await SurveyRateWindow.select(SurveyRateWindow.key)]
    assert keys and all(re.fullmatch(r"[0-9a-f]{64}", key) for key in keys)
    assert not any("127.0.0.1" in key or "testclient" in key for key in keys)


async def test_rate_limit_per_survey(client, owner_setup, app, monkeypatch, one_minute):
    _owner, experiment, _measure, survey = owner_setup
    await _period(client, experiment.id, survey["id"], "open_before")
    monkeypatch.setattr(app.state["settings"], "survey_limit_per_minute", 2)
    statuses = [
        (await _kiosk(client, survey["kiosk_token"], 3, f"survey-{number:06d}")).status_code
        for number in range(4)
    ]
    assert statuses == [200, 200, 429, 429]
    refused = await SurveyRefusal.select().where(SurveyRefusal.reason == "rate_survey").first()
    assert refused["count"] == 2


async def test_kiosk_resend_is_stored_once(client, owner_setup):
    _owner, experiment, _measure, survey = owner_setup
    await _period(client, experiment.id, survey["id"], "open_before")
    first = await _kiosk(client, survey["kiosk_token"], 4, "kiosk-answer-0001")
    again = await _kiosk(client, survey["kiosk_token"], 4, "kiosk-answer-0001")
    other = await _kiosk(client, survey["kiosk_token"], 2, "kiosk-answer-0002")
    assert (first.json(), again.json(), other.json()) == (
        {"status": "accepted"},
        {"status": "duplicate"},
        {"status": "accepted"},
    )
    rows = await SurveyAnswer.select(SurveyAnswer.score, SurveyAnswer.channel).order_by(
        SurveyAnswer.id
    )
    assert rows == [{"score": 4, "channel": "kiosk"}, {"score": 2, "channel": "kiosk"}]


async def test_kiosk_without_javascript_posts_and_shows_thanks(client, owner_setup):
    _owner, experiment, _measure, survey = owner_setup
    await _period(client, experiment.id, survey["id"], "open_before")
    await client.get(f"/k/{survey['kiosk_token']}")
    response = await client.post(
        f"/k/{survey['kiosk_token']}",
        data={"_csrf_token": csrf_token(client), "score": 5, "submission_id": "nojs-000001"},
    )
    assert response.status_code == 303
    assert "thanks=1" in response.headers["location"]
    thanks = await client.get(response.headers["location"])
    assert 'http-equiv="refresh"' in thanks.text
    assert await SurveyAnswer.count() == 1


async def test_public_post_needs_the_csrf_token(client, owner_setup):
    _owner, experiment, _measure, survey = owner_setup
    await _period(client, experiment.id, survey["id"], "open_before")
    async with type(client)(app=client.app, base_url=str(client.base_url)) as stranger:
        await stranger.get(f"/s/{survey['token']}")
        response = await stranger.post(f"/s/{survey['token']}", data={"score": 5})
        assert response.status_code == 403
    assert await SurveyAnswer.count() == 0


async def test_comments_are_masked_before_storage_and_shown_only_to_owners(client, owner_setup):
    owner, experiment, _measure, survey = owner_setup
    await _period(client, experiment.id, survey["id"], "open_before")
    async with type(client)(app=client.app, base_url=str(client.base_url)) as customer:
        customer.follow_redirects = False
        await _answer(
            customer,
            survey["token"],
            2,
            comment="Soittakaa 040 123 4567 tai maija@example.fi, hetu 010203A123B.",
        )
    stored = (await SurveyAnswer.select(SurveyAnswer.comment).first())["comment"]
    assert "040" not in stored and "maija@" not in stored and "010203A123B" not in stored
    assert "[puhelinnumero poistettu]" in stored
    panel = await client.get(f"/experiments/{experiment.id}/surveys/panel")
    assert "[sähköposti poistettu]" in panel.text

    reader = await make_user(name="Lukija")
    async with type(client)(app=client.app, base_url=str(client.base_url)) as other:
        other.follow_redirects = False
        await sign_in(other, reader.email)
        seen = await other.get(f"/experiments/{experiment.id}/surveys/panel")
        assert seen.status_code == 200
        assert "poistettu]" not in seen.text  # numbers yes, comments no
        assert f"/s/{survey['token']}" not in seen.text  # nor the links to manage
        refused = await post_form(
            other,
            f"/experiments/{experiment.id}/surveys/{survey['id']}/period",
            {"action": "close", "version": 1},
        )
        assert refused.status_code == 403
        assert (await other.get(f"/experiments/{experiment.id}/surveys/new")).status_code == 403
        poster = await other.get(f"/experiments/{experiment.id}/surveys/{survey['id']}/poster")
        assert poster.status_code == 403


async def test_draft_experiment_surveys_are_404_for_others(client, employee):
    experiment, measure = await _experiment_with_measure(employee)
    await experiment.__class__.update(status="draft").where(
        experiment.__class__.id == experiment.id
    )
    survey = await _create_survey(client, experiment.id, measure.id)
    stranger = await make_user()
    async with type(client)(app=client.app, base_url=str(client.base_url)) as other:
        other.follow_redirects = False
        await sign_in(other, stranger.email)
        assert (await other.get(f"/experiments/{experiment.id}/surveys")).status_code == 404
        assert (await other.get(f"/experiments/{experiment.id}/surveys/panel")).status_code == 404
        assert (
            await other.get(f"/experiments/{experiment.id}/surveys/{survey['id']}/qr.svg")
        ).status_code == 404


async def test_qr_code_and_poster(client, owner_setup):
    _owner, experiment, _measure, survey = owner_setup
    svg = await client.get(f"/experiments/{experiment.id}/surveys/{survey['id']}/qr.svg")
    assert svg.status_code == 200
    assert svg.headers["content-type"].startswith("image/svg+xml")
    assert svg.text.lstrip().startswith("<?xml") and "<svg" in svg.text
    poster = await client.get(f"/experiments/{experiment.id}/surveys/{survey['id']}/poster?size=a5")
    soup = page(poster)
    assert soup.find(class_="poster--a5")
    assert soup.find("svg", class_="qr-code")
    assert "Varkauden kaupunki" in poster.text  # the organisation name setting
    assert "style=" not in poster.text


async def test_retention_deletes_old_comments_but_keeps_numbers(client, owner_setup):
    from app.surveys.service import purge_comments

    _owner, experiment, _measure, survey = owner_setup
    old = datetime.now(UTC) - timedelta(days=400)
    recent = datetime.now(UTC) - timedelta(days=30)
    await SurveyAnswer.insert(
        SurveyAnswer(
            survey=survey["id"],
            period="before",
            score=2,
            comment="vanha",
            submission_id="old-000001",
            created_at=old,
        ),
        SurveyAnswer(
            survey=survey["id"],
            period="before",
            score=4,
            comment="uusi",
            submission_id="new-000001",
            created_at=recent,
        ),
    )
    assert await purge_comments(12) == 1
    rows = await SurveyAnswer.select(SurveyAnswer.score, SurveyAnswer.comment).order_by(
        SurveyAnswer.score
    )
    assert rows == [{"score": 2, "comment": None}, {"score": 4, "comment": "uusi"}]


async def test_panel_query_count_does_not_grow_with_surveys(client, employee):
    from tests.http.query_counter import count_queries

    experiment, measure = await _experiment_with_measure(employee)
    counts = []
    for total in (2, 12):
        while await Survey.count().where(Survey.experiment == experiment.id) < total:
            await _create_survey(client, experiment.id, measure.id)
        with count_queries() as counter:
            response = await client.get(f"/experiments/{experiment.id}/surveys/panel")
        assert response.status_code == 200
        counts.append(counter["queries"])
    assert counts[0] == counts[1]


async def test_answers_arriving_together_are_each_stored_once(
    client, owner_setup, app, monkeypatch
):
    """Group commit: concurrent answers share transactions, and each gets its own reply."""
    import asyncio

    _owner, experiment, _measure, survey = owner_setup
    await _period(client, experiment.id, survey["id"], "open_before")
    monkeypatch.setattr(app.state["settings"], "survey_kiosk_limit_per_minute", 1000)
    await client.get(f"/k/{survey['kiosk_token']}")
    headers = {**KIOSK, "x-csrftoken": csrf_token(client)}

    async def send(number: int):
        return await client.post(
            f"/k/{survey['kiosk_token']}",
            data={"score": 1 + number % 5, "submission_id": f"together-{number % 20:04d}"},
            headers=headers,
        )

    replies = await asyncio.gather(*(send(number) for number in range(25)))
    assert [reply.status_code for reply in replies] == [200] * 25
    statuses = [reply.json()["status"] for reply in replies]
    assert statuses.count("accepted") == 20 and statuses.count("duplicate") == 5
    assert await SurveyAnswer.count() == 20


async def test_a_failing_batch_reaches_its_callers_and_the_next_batch_works(client):
    import asyncio

    from app.surveys.group_commit import GroupCommit

    group = GroupCommit()

    async def fails():
        raise RuntimeError("broken")

    async def works():
        return "ok"

    outcomes = await asyncio.gather(group.run(fails), group.run(works), return_exceptions=True)
    assert all(isinstance(outcome, RuntimeError) for outcome in outcomes)  # one batch, rolled back
    assert await group.run(works) == "ok"


async def test_oversized_answer_is_refused_and_counted(client, owner_setup):
    _owner, experiment, _measure, survey = owner_setup
    await _period(client, experiment.id, survey["id"], "open_before")
    await client.get(f"/s/{survey['token']}")
    response = await client.post(
        f"/s/{survey['token']}",
        data={"_csrf_token": csrf_token(client), "score": 4, "comment": "x" * 20_000},
    )
    assert response.status_code == 413
    assert await SurveyAnswer.count() == 0
    refusal = await SurveyRefusal.select().where(SurveyRefusal.reason == "too_large").first()
    assert refusal["count"] == 1


async def test_comment_over_the_limit_is_an_error_next_to_the_field(client, owner_setup):
    _owner, experiment, _measure, survey = owner_setup
    await _period(client, experiment.id, survey["id"], "open_before")
    response = await _answer(client, survey["token"], 3, comment="sana " * 300)
    assert response.status_code == 422
    soup = page(response)
    assert field_error(soup, "comment")
    assert soup.find(id="f-comment").get_text().startswith("sana sana")  # the input is kept
    assert soup.find(id="f-score-3").has_attr("checked")
    assert await SurveyAnswer.count() == 0


async def test_old_comments_are_purged_when_the_app_starts(client, owner_setup, app):
    from litestar.testing import AsyncTestClient

    _owner, _experiment, _measure, survey = owner_setup
    await SurveyAnswer.insert(
        SurveyAnswer(
            survey=survey["id"],
            period="before",
            score=3,
            comment="liian vanha",
            submission_id="startup-000001",
            created_at=datetime.now(UTC) - timedelta(days=800),
        )
    )
    async with AsyncTestClient(app=app, base_url="http://127.0.0.1:8000") as restarted:
        assert (await restarted.get("/health")).status_code == 200
    row = await SurveyAnswer.select(SurveyAnswer.score, SurveyAnswer.comment).first()
    assert row == {"score": 3, "comment": None}


async def test_the_leads_of_the_experiments_cohort_read_comments_but_other_leads_do_not(
    client, employee
):
    from app.experiments.tables import Experiment
    from tests.factories import make_cohort

    experiment, measure = await _experiment_with_measure(employee)
    survey = await _create_survey(client, experiment.id, measure.id)
    await _period(client, experiment.id, survey["id"], "open_before")
    async with type(client)(app=client.app, base_url=str(client.base_url)) as customer:
        customer.follow_redirects = False
        await _answer(customer, survey["token"], 4, comment="Ystävällinen palvelu, kiitos!")
    lead, other_lead = await make_user(is_lead=True), await make_user(is_lead=True)
    cohort = await make_cohort(leads=[lead], participants=[employee])
    await make_cohort(leads=[other_lead])
    await Experiment.update({Experiment.cohort: cohort.id}).where(Experiment.id == experiment.id)

    for person, sees_comment in ((lead, True), (other_lead, False)):
        async with type(client)(app=client.app, base_url=str(client.base_url)) as browser:
            browser.follow_redirects = False
            await sign_in(browser, person.email)
            panel = await browser.get(f"/experiments/{experiment.id}/surveys/panel")
            assert panel.status_code == 200
            assert ("Ystävällinen palvelu" in panel.text) is sees_comment
