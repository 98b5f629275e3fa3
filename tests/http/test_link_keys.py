"""The department and theme keys on each experiment (app/experiments/link_keys.py) follow its
links through every way they change: the new-experiment form, the basics section, a new team
member who brings their department, `kokeilu reindex`, and the migration that filled them."""

from __future__ import annotations

import importlib

from app.experiments import link_keys
from app.experiments.tables import Experiment, ExperimentDepartment
from tests.factories import make_department, make_experiment, make_strategy, make_theme, make_user
from tests.http.browser import post_form, sign_in

FILL_MIGRATION = "migrations.kokeilu_2026_11_23t18_53_38_000000_rollup_group_indexes"


async def _keys(experiment_id: int) -> tuple[str, str]:
    row = await Experiment.select(Experiment.department_key, Experiment.theme_key).where(
        Experiment.id == experiment_id
    )
    return row[0]["department_key"], row[0]["theme_key"]


def test_a_key_is_the_sorted_ids_without_repeats():
    assert link_keys.key_of([12, 4, 12, 100]) == "4,12,100"
    assert link_keys.key_of([]) == ""


async def test_keys_follow_the_forms(client):
    strategy = await make_strategy()
    first, second = await make_theme(strategy), await make_theme(strategy)
    home, other, team = [await make_department() for _ in range(3)]
    owner = await make_user(department=home.id)
    colleague = await make_user(department=team.id)
    await sign_in(client, owner.email)
    response = await post_form(
        client,
        "/experiments/new",
        {"title": "Avainkokeilu", "problem": "Jonot.", "themes": [str(second.id), str(first.id)]},
    )
    assert response.status_code == 303
    experiment = await Experiment.objects().where(Experiment.title == "Avainkokeilu").first()
    assert await _keys(experiment.id) == (str(home.id), f"{first.id},{second.id}")

    response = await post_form(
        client,
        f"/experiments/{experiment.id}/sections/basics",
        {
            "version": "1",
            "title": "Avainkokeilu",
            "problem": "Jonot.",
            "themes": [str(second.id)],
            "departments": [str(other.id), str(home.id)],
        },
    )
    assert response.status_code == 303
    assert await _keys(experiment.id) == (
        link_keys.key_of([home.id, other.id]),
        str(second.id),
    )

    response = await post_form(
        client,
        f"/experiments/{experiment.id}/sections/people",
        {"version": "2", "co_owners": [str(colleague.id)]},
    )
    assert response.status_code == 303
    linked = await ExperimentDepartment.select(ExperimentDepartment.department).where(
        ExperimentDepartment.experiment == experiment.id
    )
    assert {row["department"] for row in linked} == {home.id, other.id, team.id}
    assert (await _keys(experiment.id))[0] == link_keys.key_of([home.id, other.id, team.id])


async def test_refresh_all_corrects_only_stale_keys():
    strategy = await make_strategy()
    theme = await make_theme(strategy)
    department = await make_department()
    owner = await make_user()
    right = await make_experiment(owner, themes=[theme], departments=[department])
    stale = await make_experiment(owner, themes=[theme], departments=[department])
    await Experiment.update({Experiment.department_key: "999", Experiment.theme_key: ""}).where(
        Experiment.id == stale.id
    )
    assert await link_keys.refresh_all(batch_size=1) == 1
    assert await _keys(stale.id) == await _keys(right.id) == (str(department.id), str(theme.id))
    assert await link_keys.refresh_all() == 0


async def test_the_migration_fills_the_same_keys_on_this_engine():
    strategy = await make_strategy()
    themes = [await make_theme(strategy) for _ in range(3)]
    departments = [await make_department() for _ in range(12)]  # ids past 9: numeric order
    owner = await make_user()
    experiments = [
        await make_experiment(owner, themes=themes[::-1], departments=departments[::-1]),
        await make_experiment(owner, themes=themes[1:2], departments=[]),
        await make_experiment(owner),
    ]
    expected = [await _keys(experiment.id) for experiment in experiments]
    assert expected[0] == (
        link_keys.key_of(d.id for d in departments),
        link_keys.key_of(t.id for t in themes),
    )
    await Experiment.update({Experiment.department_key: "x", Experiment.theme_key: "x"}).where(
        Experiment.id > 0
    )
    await importlib.import_module(FILL_MIGRATION).fill_keys()
    assert [await _keys(experiment.id) for experiment in experiments] == expected
