"""`kokeilu demo-data --experiments N`: N generated experiments on top of the demo city, the
same ones for the same seed, with believable statuses, outcomes, links and dates."""

from __future__ import annotations

from collections import Counter

from app.accounts.tables import User
from app.demo import bulk
from app.demo.loader import load_demo_data
from app.experiments.tables import Experiment, ExperimentDepartment, ExperimentTheme

COLUMNS = (Experiment.title, Experiment.owner, Experiment.status, Experiment.outcome,
           Experiment.learning, Experiment.created_at)  # fmt: skip


async def _generated(after_id: int) -> list[dict]:
    return (
        await Experiment.select(Experiment.id, *COLUMNS)
        .where(Experiment.id > after_id)
        .order_by(Experiment.id)
    )


async def test_the_generator_adds_n_experiments_the_same_for_the_same_seed():
    await load_demo_data()
    demo_last = (
        await Experiment.select(Experiment.id).order_by(Experiment.id, ascending=False).first()
    )["id"]
    people_before = await User.count()
    assert await bulk.generate(300, seed=7) == 300
    first = await _generated(demo_last)
    assert len(first) == 300
    assert await User.count() > people_before  # more employees to own them

    await Experiment.delete().where(Experiment.id > demo_last)
    people = await User.count()
    assert await bulk.generate(300, seed=7) == 300
    again = await _generated(demo_last)
    assert [{k: v for k, v in row.items() if k != "id"} for row in again] == [
        {k: v for k, v in row.items() if k != "id"} for row in first
    ]
    assert await User.count() == people  # the employees are reused, not added twice

    await bulk.generate(300, seed=8)
    other = await _generated(again[-1]["id"])
    assert [row["title"] for row in other[:20]] != [row["title"] for row in first[:20]]


async def test_generated_experiments_are_believable():
    await load_demo_data()
    demo_last = (
        await Experiment.select(Experiment.id).order_by(Experiment.id, ascending=False).first()
    )["id"]
    await bulk.generate(400, seed=3)
    rows = await _generated(demo_last)
    statuses = Counter(row["status"] for row in rows)
    assert set(statuses) == set(bulk.STATUS_COUNTS)
    assert statuses["completed"] > statuses["draft"]
    for row in rows:
        if row["status"] == "completed":
            assert row["outcome"] and row["learning"]
        else:
            assert row["outcome"] is None
    years = {row["created_at"].year for row in rows}
    assert len(years) >= 3  # spread over three years
    ids = [row["id"] for row in rows]
    themed = {
        r["experiment"]
        for r in await ExperimentTheme.select(ExperimentTheme.experiment).where(
            ExperimentTheme.experiment.is_in(ids)
        )
    }
    placed = {
        r["experiment"]
        for r in await ExperimentDepartment.select(ExperimentDepartment.experiment).where(
            ExperimentDepartment.experiment.is_in(ids)
        )
    }
    assert themed == placed == set(ids)


async def test_generated_experiments_are_in_the_learning_library_index():
    from app.library.tables import ExperimentSearchDocument

    await load_demo_data()
    demo_last = (
        await Experiment.select(Experiment.id).order_by(Experiment.id, ascending=False).first()
    )["id"]
    await bulk.generate(50, seed=5)
    generated = {row["id"] for row in await _generated(demo_last)}
    indexed = {
        row["experiment"]
        for row in await ExperimentSearchDocument.select(ExperimentSearchDocument.experiment)
    }
    assert generated <= indexed
