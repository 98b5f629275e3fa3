"""The experiment page's measure and cycle edits with and without htmx, and the PDCA flow:
deciding "adapt" opens the next cycle at once, and the last cycle's decision is where the
experiment's own decision ("What happens next?") starts."""

from __future__ import annotations

from app.experiments.tables import Cycle, Experiment, Measure
from tests.factories import make_experiment
from tests.http.browser import page, post_form

HTMX = {"HX-Request": "true"}


def _chosen(select) -> str:
    option = select.find("option", selected=True)
    return option["value"] if option else ""


async def _experiment_with_measure_and_cycle(owner):
    experiment = await make_experiment(owner, status="running")
    measure = Measure(experiment=experiment.id, name="Odotusaika", unit="min", baseline=12)
    await measure.save()
    cycle = Cycle(experiment=experiment.id, number=1, plan_notes="Soitetaan takaisin")
    await cycle.save()
    return experiment, measure, cycle


async def test_every_htmx_target_on_the_experiment_page_exists(client, employee):
    experiment, measure, cycle = await _experiment_with_measure_and_cycle(employee)
    url = f"/experiments/{experiment.id}"
    for edit in ["", "measure-new", f"measure-{measure.id}", f"cycle-{cycle.id}", "result"]:
        soup = page(await client.get(f"{url}?edit={edit}" if edit else url))
        for element in soup.select("[hx-target^='#']"):
            target = element["hx-target"][1:]
            assert soup.find(id=target) is not None, (edit, element["hx-target"], str(element))
        for link in soup.select("a[href*='?edit=']"):  # without JavaScript: where it scrolls to
            anchor = link["href"].split("#")[1]
            edited = page(await client.get(link["href"].split("#")[0]))
            assert edited.find(id=anchor) is not None, link["href"]


async def test_measure_edit_with_htmx_swaps_the_measures_section(client, employee):
    experiment, measure, _ = await _experiment_with_measure_and_cycle(employee)
    soup = page(await client.get(f"/experiments/{experiment.id}"))
    link = soup.select_one(f"#measure-{measure.id} a[hx-get]")
    assert link["hx-target"] == "#section-measures"
    response = await client.get(link["hx-get"], headers=HTMX)
    fragment = page(response)
    section = fragment.find(id="section-measures")
    assert section is not None and fragment.find("header") is None
    form = section.select_one(f"form[hx-post$='/measures/{measure.id}']")
    assert form["hx-target"] == "#section-measures"
    saved = await post_form(
        client,
        form["hx-post"],
        {"name": "Odotusaika", "baseline": "12", "result": "6,5", "version": "1"},
        headers=HTMX,
    )
    assert saved.status_code == 200
    assert "6,5" in page(saved).find(id="section-measures").get_text()
    assert (await Measure.objects().first()).result == 6.5
    cancel = page(await client.get(link["hx-get"], headers=HTMX)).select_one(
        "#section-measures a[href$='#section-measures']"
    )
    shown = page(await client.get(cancel["hx-get"], headers=HTMX))
    assert shown.find(id="section-measures").select_one("form[action$='/measures']") is not None


async def test_cycle_edit_with_htmx_swaps_the_cycles_section(client, employee):
    experiment, _, cycle = await _experiment_with_measure_and_cycle(employee)
    soup = page(await client.get(f"/experiments/{experiment.id}"))
    link = soup.select_one(f"#cycle-{cycle.id} a[hx-get]")
    assert link["hx-target"] == "#section-cycles"
    assert link["href"].endswith(f"?edit=cycle-{cycle.id}#cycle-{cycle.id}")
    fragment = page(await client.get(link["hx-get"], headers=HTMX))
    form = fragment.find(id="section-cycles").select_one(f"form[hx-post$='/cycles/{cycle.id}']")
    assert form["hx-target"] == "#section-cycles"
    saved = await post_form(
        client, form["hx-post"], {"version": "1", "check_notes": "Toimi"}, headers=HTMX
    )
    assert saved.status_code == 200
    assert page(saved).find(id="section-cycles").find("form", action=form["action"]) is None


async def _decide(client, experiment, cycle, decision, *, htmx=False, version="1"):
    return await post_form(
        client,
        f"/experiments/{experiment.id}/cycles/{cycle.id}",
        {
            "version": version,
            "plan_notes": "Soitetaan takaisin",
            "act_notes": "Laajennetaan iltaan",
            "decision": decision,
        },
        headers=HTMX if htmx else None,
    )


async def test_adapt_opens_the_next_cycle_without_javascript(client, employee):
    experiment, _, cycle = await _experiment_with_measure_and_cycle(employee)
    response = await _decide(client, experiment, cycle, "adapt")
    second = await Cycle.objects().where(Cycle.number == 2).first()
    assert second is not None and second.plan_notes == "Laajennetaan iltaan"
    assert response.status_code == 303
    assert response.headers["location"].endswith(f"?edit=cycle-{second.id}#cycle-{second.id}")
    soup = page(await client.get(response.headers["location"].split("#")[0]))
    form = soup.select_one(f"#cycle-{second.id} form[action$='/cycles/{second.id}']")
    assert form.find(id="c-plan_notes").get_text() == "Laajennetaan iltaan"
    assert form.select_one(".notice--info") is not None  # says where the plan came from
    # Saving the same decision again, or deciding on an earlier cycle, opens nothing more.
    again = await _decide(client, experiment, cycle, "adapt", version="2")
    assert again.status_code == 303 and "edit=" not in again.headers["location"]
    assert await Cycle.count() == 2


async def test_adapt_opens_the_next_cycle_with_htmx(client, employee):
    experiment, _, cycle = await _experiment_with_measure_and_cycle(employee)
    response = await _decide(client, experiment, cycle, "adapt", htmx=True)
    assert response.status_code == 200
    second = await Cycle.objects().where(Cycle.number == 2).first()
    section = page(response).find(id="section-cycles")
    form = section.select_one(f"form[hx-post$='/cycles/{second.id}']")
    assert form is not None and form.find(id="c-plan_notes").get_text() == "Laajennetaan iltaan"
    assert section.select_one(f"form[action$='/cycles/{cycle.id}']") is None


async def test_other_decisions_open_no_cycle(client, employee):
    experiment, _, cycle = await _experiment_with_measure_and_cycle(employee)
    response = await _decide(client, experiment, cycle, "adopt", htmx=True)
    assert response.status_code == 200
    assert await Cycle.count() == 1
    assert page(response).find(id="section-cycles").find("form", attrs={"hx-post": True}) is None


async def test_the_last_cycle_decision_prefills_the_experiment_decision(client, employee):
    experiment, _, cycle = await _experiment_with_measure_and_cycle(employee)
    await _decide(client, experiment, cycle, "spread")
    url = f"/experiments/{experiment.id}?edit=result"
    select = page(await client.get(url)).find(id="f-decision")
    assert _chosen(select) == "spread"
    assert select.get("aria-describedby", "").startswith("f-decision-hint")
    saved = await post_form(
        client,
        f"/experiments/{experiment.id}/sections/result",
        {"version": "1", "result": "Parempi", "learning": "Kannatti", "decision": "spread"},
    )
    assert saved.status_code == 303
    row = await Experiment.select(Experiment.decision).first()
    assert row["decision"] == "spread"
    # The experiment's own decision, once saved, wins over a later cycle decision.
    await post_form(
        client,
        f"/experiments/{experiment.id}/sections/result",
        {"version": "2", "decision": "adopt"},
    )
    select = page(await client.get(url)).find(id="f-decision")
    assert _chosen(select) == "adopt"
    assert not select.get("aria-describedby", "").startswith("f-decision-hint")


async def test_no_prefill_while_the_last_cycle_is_undecided(client, employee):
    experiment, _, cycle = await _experiment_with_measure_and_cycle(employee)
    await _decide(client, experiment, cycle, "adapt")  # opens cycle 2, still undecided
    select = page(await client.get(f"/experiments/{experiment.id}?edit=result")).find(
        id="f-decision"
    )
    assert _chosen(select) == ""
