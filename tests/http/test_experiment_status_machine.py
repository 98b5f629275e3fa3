"""The plan–do–check–act status machine over every (from, to) pair of statuses, through the
status form: the pairs in TRANSITIONS succeed, every other pair is refused with a clear
message next to the status buttons and nothing changes (status, version, history)."""

from __future__ import annotations

import itertools

import pytest

from app.audit.tables import AuditLog
from app.experiments.tables import Experiment
from app.experiments.vocabulary import STATUSES, TRANSITIONS
from tests.factories import make_experiment
from tests.http.browser import page, post_form

PAIRS = list(itertools.product(STATUSES, STATUSES))
# Everything completing needs (COMPLETION_FIELDS), so that only the machine decides.
COMPLETE = {
    "result": "Odotus lyheni.",
    "outcome": "solved",
    "learning": "Ajanvaraus auttoi.",
    "decision": "adopt",
}
REFUSED = "Tämä siirto ei ole mahdollinen nykyisestä tilasta."  # in Finnish, the user's language


def test_every_status_has_its_transitions_and_they_lead_to_statuses():
    assert set(TRANSITIONS) == set(STATUSES)
    for targets in TRANSITIONS.values():
        assert set(targets) <= set(STATUSES)


async def _row(experiment_id: int) -> dict:
    return await Experiment.select().where(Experiment.id == experiment_id).first()


@pytest.mark.parametrize(("current", "target"), PAIRS, ids=[f"{a}->{b}" for a, b in PAIRS])
async def test_status_change(client, employee, current, target):
    experiment = await make_experiment(employee, status=current, **COMPLETE)
    before = await _row(experiment.id)
    form = {"version": str(before["version"]), "status": target, "abandon_reason": "Ei aikaa."}
    response = await post_form(client, f"/experiments/{experiment.id}/status", form)
    after = await _row(experiment.id)
    history = await AuditLog.count().where(
        (AuditLog.object_type == "experiment") & (AuditLog.action == "status")
    )
    if target in TRANSITIONS[current]:
        assert response.status_code == 303, response.text
        assert after["status"] == target
        assert after["version"] == before["version"] + 1
        assert (after["completed_at"] is not None) == (target == "completed")
        assert history == 1
    else:
        assert response.status_code == 422
        errors = page(response).select_one("#form-errors")
        assert errors is not None and REFUSED in errors.get_text()
        assert after == before
        assert history == 0
