"""Experiments: create, who sees and edits what, sections, status, measures, cycles, delete."""

from __future__ import annotations

from app.audit.tables import AuditLog
from app.experiments.tables import Cycle, Experiment, ExperimentTheme, FormDraft, Measure
from tests.factories import make_department, make_experiment, make_strategy, make_theme, make_user
from tests.http.browser import field_error, field_value, page, post_form, sign_in


async def _world():
    strategy = await make_strategy()
    themes = [await make_theme(strategy, name_fi=f"Teema {n}") for n in range(2)]
    department = await make_department(name_fi="Nuorisopalvelut")
    return strategy, themes, department


async def test_employee_creates_a_private_draft_in_two_fields(client, app):
    from litestar.testing import AsyncTestClient

    _, themes, department = await _world()
    owner = await make_user(department=department.id)
    await sign_in(client, owner.email)
    response = await post_form(
        client,
        "/experiments/new",
        {
            "title": "Takaisinsoitto",
            "problem": "Puhelin ruuhkautuu.",
            "themes": [str(themes[0].id)],
        },
    )
    assert response.status_code == 303
    experiment = await Experiment.objects().where(Experiment.title == "Takaisinsoitto").first()
    assert (experiment.status, experiment.owner) == ("draft", owner.id)
    assert [row["theme"] for row in await ExperimentTheme.select(ExperimentTheme.theme)] == [
        themes[0].id
    ]
    assert (await client.get(f"/experiments/{experiment.id}")).status_code == 200

    colleague = await make_user()
    admin = await make_user(is_admin=True)
    for other, expected in [(colleague, 404), (admin, 200)]:
        async with AsyncTestClient(app=app, base_url="http://127.0.0.1:8000") as other_client:
            other_client.follow_redirects = False
            await sign_in(other_client, other.email)
            assert (await other_client.get(f"/experiments/{experiment.id}")).status_code == expected
            listing = await other_client.get("/experiments")
            assert ("Takaisinsoitto" in listing.text) is (expected == 200)


async def test_new_experiment_bad_input_keeps_what_was_typed(client, employee):
    _, themes, _ = await _world()
    other_strategy_theme = await make_theme(await make_strategy(is_current=False), name_fi="Vanha")
    cases = [
        ({"title": "", "problem": "Ongelma", "themes": [str(themes[0].id)]}, "title"),
        ({"title": "x" * 201, "problem": "Ongelma", "themes": [str(themes[0].id)]}, "title"),
        ({"title": "Otsikko", "problem": "", "themes": [str(themes[0].id)]}, "problem"),
        ({"title": "Otsikko", "problem": "Ongelma"}, "themes"),
        ({"title": "Otsikko", "problem": "Ongelma", "themes": ["99999"]}, "themes"),
        ({"title": "Otsikko", "problem": "Ongelma", "themes": ["abc"]}, "themes"),
        (
            {"title": "Otsikko", "problem": "Ongelma", "themes": [str(other_strategy_theme.id)]},
            "themes",
        ),
    ]
    for data, field in cases:
        response = await post_form(client, "/experiments/new", data)
        assert response.status_code == 422, data
        soup = page(response)
        assert field_error(soup, field), data
        assert soup.find(id="f-problem").get_text() == data["problem"]
    assert await Experiment.count() == 0


async def test_autosave_keeps_the_new_form_until_it_is_saved(client, employee):
    _, themes, _ = await _world()
    response = await post_form(
        client,
        "/experiments/new/autosave",
        {"title": "Puolivalmis", "problem": "Kesken jäi"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    soup = page(await client.get("/experiments/new"))
    assert field_value(soup, "title") == "Puolivalmis"
    assert soup.find(id="f-problem").get_text() == "Kesken jäi"
    await post_form(
        client,
        "/experiments/new",
        {"title": "Valmis", "problem": "Nyt", "themes": [str(themes[0].id)]},
    )
    assert await FormDraft.count() == 0


async def test_others_read_but_cannot_edit_and_co_owners_can(client, app):
    from litestar.testing import AsyncTestClient

    _, themes, _ = await _world()
    owner, co_owner, colleague = await make_user(), await make_user(), await make_user()
    experiment = await make_experiment(
        owner, themes=themes[:1], co_owners=[co_owner], status="running"
    )
    data = {"version": "1", "problem": "Muutettu ongelma", "hypothesis": "Uskomme"}
    async with AsyncTestClient(app=app, base_url="http://127.0.0.1:8000") as other:
        other.follow_redirects = False
        await sign_in(other, colleague.email)
        assert (await other.get(f"/experiments/{experiment.id}")).status_code == 200
        for url, form in [
            (f"/experiments/{experiment.id}/sections/description", data),
            (f"/experiments/{experiment.id}/status", {"version": "1", "status": "checking"}),
            (f"/experiments/{experiment.id}/measures", {"name": "X"}),
            (f"/experiments/{experiment.id}/cycles", {}),
            (f"/experiments/{experiment.id}/delete", {}),
        ]:
            assert (await post_form(other, url, form)).status_code == 403, url
    await sign_in(client, co_owner.email)
    assert (
        await post_form(client, f"/experiments/{experiment.id}/sections/description", data)
    ).status_code == 303
    row = await Experiment.select().where(Experiment.id == experiment.id).first()
    assert (row["problem"], row["status"], row["deleted_at"]) == (
        "Muutettu ongelma",
        "running",
        None,
    )


async def test_drafts_cannot_be_reached_by_guessing_ids(client, employee):
    owner = await make_user()
    draft = await make_experiment(owner)
    assert (await client.get(f"/experiments/{draft.id}")).status_code == 404
    for url in ["sections/description", "status", "measures", "cycles", "delete"]:
        response = await post_form(
            client,
            f"/experiments/{draft.id}/{url}",
            {"version": "1", "problem": "x", "status": "planned", "name": "x"},
        )
        assert response.status_code == 404, url


async def test_second_stale_save_is_a_conflict(client, employee):
    experiment = await make_experiment(employee)
    url = f"/experiments/{experiment.id}/sections/description"
    assert (
        await post_form(client, url, {"version": "1", "problem": "Ensimmäinen"})
    ).status_code == 303
    stale = await post_form(client, url, {"version": "1", "problem": "Toinen"})
    assert stale.status_code == 409
    soup = page(stale)
    assert "Ensimmäinen" in soup.select_one(".notice--warning").get_text()
    assert soup.find(id="f-problem").get_text() == "Toinen"
    assert (
        await Experiment.select(Experiment.problem).where(Experiment.id == experiment.id).first()
    )["problem"] == "Ensimmäinen"


async def test_completing_needs_result_outcome_learning_and_decision(client, employee):
    experiment = await make_experiment(employee, status="running")
    status_url = f"/experiments/{experiment.id}/status"
    refused = await post_form(client, status_url, {"version": "1", "status": "completed"})
    assert refused.status_code == 422
    assert len(page(refused).select("#form-errors li")) == 4
    saved = await post_form(
        client,
        f"/experiments/{experiment.id}/sections/result",
        {
            "version": "1",
            "result": "Odotus lyheni.",
            "outcome": "not_solved",
            "learning": "Moka opetti.",
            "decision": "adapt",
        },
    )
    assert saved.status_code == 303
    assert (
        await post_form(client, status_url, {"version": "2", "status": "completed"})
    ).status_code == 303
    row = await Experiment.select().where(Experiment.id == experiment.id).first()
    assert row["status"] == "completed" and row["completed_at"] is not None
    detail = page(await client.get(f"/experiments/{experiment.id}"))
    assert detail.select_one(
        "#section-result .notice--success"
    )  # failure with a learning is celebrated


async def test_status_rules(client, employee):
    experiment = await make_experiment(employee, status="draft")
    url = f"/experiments/{experiment.id}/status"
    assert (
        await post_form(client, url, {"version": "1", "status": "completed"})
    ).status_code == 422
    assert (await post_form(client, url, {"version": "1", "status": "nonsense"})).status_code == 422
    no_reason = await post_form(client, url, {"version": "1", "status": "abandoned"})
    assert no_reason.status_code == 422 and field_error(page(no_reason), "abandon_reason")
    ok = await post_form(
        client, url, {"version": "1", "status": "abandoned", "abandon_reason": "Ei resursseja"}
    )
    assert ok.status_code == 303
    assert (
        await Experiment.select(Experiment.status).where(Experiment.id == experiment.id).first()
    )["status"] == "abandoned"


async def test_measures_with_decimal_comma_and_validation(client, employee):
    experiment = await make_experiment(employee, status="running")
    url = f"/experiments/{experiment.id}/measures"
    assert (
        await post_form(
            client, url, {"name": "Tyytyväisyys", "unit": "1–5", "baseline": "3,2", "target": "4"}
        )
    ).status_code == 303
    measure = await Measure.objects().first()
    assert (measure.baseline, measure.target, measure.result) == (3.2, 4.0, None)
    bad = await post_form(client, url, {"name": "", "baseline": "kolme"})
    assert bad.status_code == 422
    soup = page(bad)
    assert field_error(soup, "name", "m") and field_error(soup, "baseline", "m")
    update = await post_form(
        client,
        f"{url}/{measure.id}",
        {"name": "Tyytyväisyys", "baseline": "3,2", "result": "4,4", "version": "1"},
    )
    assert update.status_code == 303
    detail = await client.get(f"/experiments/{experiment.id}")
    assert "4,4" in page(detail).select_one("#section-measures").get_text()  # Finnish number format
    assert (await post_form(client, f"{url}/{measure.id}/delete")).status_code == 303
    assert await Measure.count() == 0
    removed = (
        await AuditLog.select()
        .where(AuditLog.action == "remove_measure")
        .output(load_json=True)
        .first()
    )
    assert removed["before"]["measure"]["result"] == 4.4  # what was removed stays in the history


async def test_cycles_adapt_prefills_the_next_one(client, employee):
    experiment = await make_experiment(employee, status="running")
    assert (await post_form(client, f"/experiments/{experiment.id}/cycles")).status_code == 303
    first = await Cycle.objects().first()
    assert first.number == 1
    saved = await post_form(
        client,
        f"/experiments/{experiment.id}/cycles/{first.id}",
        {
            "version": "1",
            "plan_notes": "Soitetaan takaisin",
            "check_notes": "Toimi osin",
            "act_notes": "Laajennetaan iltaan",
            "decision": "adapt",
            "starts_on": "2026-03-01",
            "ends_on": "2026-02-01",
        },
    )
    assert saved.status_code == 422 and field_error(page(saved), "ends_on", "c")
    saved = await post_form(
        client,
        f"/experiments/{experiment.id}/cycles/{first.id}",
        {
            "version": "1",
            "check_notes": "Toimi osin",
            "act_notes": "Laajennetaan iltaan",
            "decision": "adapt",
        },
    )
    assert saved.status_code == 303
    await post_form(client, f"/experiments/{experiment.id}/cycles")
    second = await Cycle.objects().where(Cycle.number == 2).first()
    assert second.plan_notes == "Laajennetaan iltaan"


async def test_soft_delete_and_restore(client, employee, app):
    experiment = await make_experiment(employee, status="running", title="Poistettava")
    assert (await post_form(client, f"/experiments/{experiment.id}/delete")).status_code == 303
    assert "Poistettava" not in (await client.get("/experiments")).text
    mine = page(await client.get("/experiments/mine"))
    assert "Poistettava" in mine.get_text()
    from litestar.testing import AsyncTestClient

    colleague = await make_user()
    async with AsyncTestClient(app=app, base_url="http://127.0.0.1:8000") as other:
        other.follow_redirects = False
        await sign_in(other, colleague.email)
        assert (await other.get(f"/experiments/{experiment.id}")).status_code == 404
    assert (await post_form(client, f"/experiments/{experiment.id}/restore")).status_code == 303
    assert "Poistettava" in (await client.get("/experiments")).text


async def test_history_lists_who_changed_what(client, employee):
    experiment = await make_experiment(employee)
    await post_form(
        client,
        f"/experiments/{experiment.id}/sections/description",
        {"version": "1", "problem": "Uusi"},
    )
    history = page(await client.get(f"/experiments/{experiment.id}")).select("#section-history li")
    assert history and employee.name in history[0].get_text()


async def test_htmx_edit_returns_only_the_section(client, employee):
    experiment = await make_experiment(employee)
    response = await client.get(
        f"/experiments/{experiment.id}?edit=description", headers={"HX-Request": "true"}
    )
    soup = page(response)
    assert soup.find(id="section-description").find("form") is not None
    assert soup.find("header") is None and soup.find(id="section-basics") is None
    saved = await post_form(
        client,
        f"/experiments/{experiment.id}/sections/description",
        {"version": "1", "problem": "Htmx"},
        headers={"HX-Request": "true"},
    )
    assert saved.status_code == 200
    assert page(saved).find(id="section-description").find("form") is None


async def test_markdown_preview_is_sanitised(client, employee):
    response = await post_form(
        client,
        "/markdown-preview",
        {"_field": "problem", "problem": "**Hei** <script>alert(1)</script>"},
    )
    assert "<strong>Hei</strong>" in response.text and "<script>" not in response.text


async def test_htmx_cancel_returns_the_same_section_in_view_mode(client, employee):
    experiment = await make_experiment(employee)
    for section in ["basics", "description", "result", "people", "measures", "cycles"]:
        response = await client.get(
            f"/experiments/{experiment.id}?edit=none-{section}", headers={"HX-Request": "true"}
        )
        soup = page(response)
        assert soup.find(id=f"section-{section}") is not None, section
        assert soup.select_one(f"#section-{section} form[action$='/sections/{section}']") is None, (
            section
        )


async def test_section_text_is_autosaved_and_restored_until_saved(client, employee, app):
    from litestar.testing import AsyncTestClient

    experiment = await make_experiment(employee, status="running")
    autosave = f"/experiments/{experiment.id}/sections/result/autosave"
    response = await post_form(
        client,
        autosave,
        {"result": "Puolikas tulos", "learning": "Kesken"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    editing = page(await client.get(f"/experiments/{experiment.id}?edit=result"))
    assert editing.find(id="f-result").get_text() == "Puolikas tulos"
    assert editing.select_one("#section-result .notice--info")
    saved = await post_form(
        client,
        f"/experiments/{experiment.id}/sections/result",
        {"version": "1", "result": "Valmis tulos", "learning": "Opittu"},
    )
    assert saved.status_code == 303
    assert await FormDraft.count() == 0
    again = page(await client.get(f"/experiments/{experiment.id}?edit=result"))
    assert again.find(id="f-result").get_text() == "Valmis tulos"

    colleague = await make_user()
    async with AsyncTestClient(app=app, base_url="http://127.0.0.1:8000") as other:
        other.follow_redirects = False
        await sign_in(other, colleague.email)
        assert (await post_form(other, autosave, {"result": "x"})).status_code == 403
        assert (
            await post_form(other, f"/experiments/{experiment.id}/sections/title/autosave", {})
        ).status_code == 404
