"""The demo experiments are plentiful, consistent with the demo city and fit to show."""

from collections import Counter
from datetime import UTC

from app.demo.content import CURRENT_STRATEGY, DEPARTMENTS, EMPLOYEE_EMAIL, USERS
from app.demo.experiment_builder import (
    FIRST_DAY,
    LAST_DAY,
    ExperimentSpec,
    build_experiments,
)
from app.demo.experiment_ideas import CUSTOMER_GROUPS, IDEAS
from app.experiments.vocabulary import CHANNELS, DECISIONS, OUTCOMES, STATUSES

SPECS: tuple[ExperimentSpec, ...] = build_experiments()
EMAILS = {u.email for u in USERS}
DEPARTMENT_KEYS = {d.key for d in DEPARTMENTS}
THEMES = {t.name_fi for t in CURRENT_STRATEGY.themes}
GROUPS = {g.name_fi for g in CUSTOMER_GROUPS}


def test_there_are_enough_experiments_with_unique_titles():
    assert len(SPECS) >= 140
    titles = [spec.title for spec in SPECS]
    assert len(set(titles)) == len(titles)
    assert all(0 < len(title) <= 200 for title in titles)


def test_the_builder_is_deterministic():
    build_experiments.cache_clear()
    assert build_experiments() == SPECS


def test_ideas_and_customer_groups_are_complete():
    assert len(CUSTOMER_GROUPS) == 10
    assert len({g.key for g in CUSTOMER_GROUPS}) == len(GROUPS) == 10
    assert all(g.name_sv and g.name_en for g in CUSTOMER_GROUPS)
    assert len(IDEAS) >= 35
    for idea in IDEAS:
        assert idea.hypothesis.startswith("Uskomme, että"), idea.title
        assert "Tiedämme onnistuneemme, kun" in idea.hypothesis, idea.title
        bullets = idea.plan.splitlines()
        assert 2 <= len(bullets) <= 3 and all(b.startswith("- ") for b in bullets), idea.title
        assert 1 <= len(idea.themes) <= 2 and 1 <= len(idea.groups) <= 2, idea.title
        assert 1 <= len(idea.channels) <= 2, idea.title
        assert all(text.strip() for text in (*idea.success, *idea.failure)), idea.title


def test_every_reference_exists_in_the_demo_content():
    for spec in SPECS:
        assert spec.owner in EMAILS, spec.title
        assert set(spec.co_owners) <= EMAILS and spec.owner not in spec.co_owners, spec.title
        assert len(set(spec.co_owners)) == len(spec.co_owners) <= 2, spec.title
        assert spec.departments and set(spec.departments) <= DEPARTMENT_KEYS, spec.title
        assert spec.themes and set(spec.themes) <= THEMES, spec.title
        assert set(spec.customer_groups) <= GROUPS, spec.title
        assert set(spec.channels) <= set(CHANNELS), spec.title


def test_owners_and_co_owners_bring_their_departments():
    department_of = {u.email: u.department for u in USERS}
    for spec in SPECS:
        for person in (spec.owner, *spec.co_owners):
            assert department_of[person] in spec.departments, spec.title


def test_every_status_is_well_represented():
    counts = Counter(spec.status for spec in SPECS)
    assert set(counts) == set(STATUSES)
    assert all(count >= 5 for count in counts.values()), counts


def test_hypotheses_say_what_we_believe():
    for spec in SPECS:
        assert spec.problem.strip(), spec.title
        if spec.status != "draft":
            assert spec.hypothesis.startswith("Uskomme"), spec.title
            assert spec.plan.strip(), spec.title
        elif spec.hypothesis:
            assert spec.hypothesis.startswith("Uskomme"), spec.title


def test_completed_experiments_are_complete_and_use_every_outcome():
    completed = [spec for spec in SPECS if spec.status == "completed"]
    for spec in completed:
        assert spec.result and spec.learning, spec.title
        assert spec.outcome in OUTCOMES and spec.decision in DECISIONS, spec.title
        assert spec.completed_at and spec.created_at <= spec.completed_at <= spec.updated_at
        assert spec.cycles and spec.cycles[-1].decision == spec.decision, spec.title
        assert all(m.result is not None for m in spec.measures), spec.title
    assert {spec.outcome for spec in completed} == set(OUTCOMES)
    assert {spec.decision for spec in completed} == set(DECISIONS)
    for spec in SPECS:
        if spec.status != "completed":
            assert not (spec.outcome or spec.decision or spec.completed_at), spec.title
            assert not (spec.result or spec.learning), spec.title


def test_abandoned_experiments_tell_why():
    for spec in SPECS:
        assert bool(spec.abandon_reason) == (spec.status == "abandoned"), spec.title


def test_measures_have_results_only_once_measured():
    for spec in SPECS:
        assert len(spec.measures) <= 3, spec.title
        assert len({m.name for m in spec.measures}) == len(spec.measures), spec.title
        for measure in spec.measures:
            assert measure.name and measure.baseline is not None and measure.target is not None
            if spec.status not in ("checking", "completed"):
                assert measure.result is None, spec.title


def test_cycles_are_numbered_and_dated_in_order():
    for spec in SPECS:
        cycles = spec.cycles
        if spec.status in ("running", "checking", "completed"):
            assert 1 <= len(cycles) <= 3, spec.title
        elif spec.status in ("draft", "planned"):
            assert not cycles, spec.title
        assert [c.number for c in cycles] == list(range(1, len(cycles) + 1)), spec.title
        assert all(c.decision == "adapt" for c in cycles[:-1]), spec.title
        previous_end = spec.created_at.date()
        for cycle in cycles:
            assert cycle.ends_on and previous_end <= cycle.starts_on <= cycle.ends_on, spec.title
            assert cycle.ends_on <= LAST_DAY and cycle.plan_notes and cycle.do_notes
            previous_end = cycle.ends_on
        if spec.status in ("running", "checking"):
            assert cycles[-1].decision is None and not cycles[-1].act_notes, spec.title


def test_dates_fall_in_the_demo_period():
    for spec in SPECS:
        assert spec.created_at.tzinfo is UTC and spec.updated_at.tzinfo is UTC
        assert FIRST_DAY <= spec.created_at.date() <= spec.updated_at.date() <= LAST_DAY
        assert spec.created_at <= spec.updated_at, spec.title
    months = {spec.created_at.strftime("%Y-%m") for spec in SPECS}
    assert len(months) >= 18, "experiments are spread over the demo period"


def test_the_demo_employee_has_experiments_of_her_own_and_a_shared_one():
    own = [spec for spec in SPECS if spec.owner == EMPLOYEE_EMAIL]
    assert len(own) >= 5
    assert {"draft", "completed"} <= {spec.status for spec in own}
    assert any(EMPLOYEE_EMAIL in spec.co_owners for spec in SPECS)
