"""The rollup's fast link builder gives exactly the links that building and validating browse
filters gives (the slow, obvious way), whatever the filters and changes."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from app.experiments.vocabulary import DECISIONS, OUTCOMES
from app.rollups.schemas import RollupFilters
from app.rollups.service import Links, browse_filters, browse_url

FILTERS = [
    RollupFilters(),
    RollupFilters(strategy=3, start=date(2025, 1, 1), end=date(2025, 12, 31)),
    RollupFilters(strategy=3, department=7, theme=[4, 2], cohort=9, start=date(2024, 2, 29)),
]
CHANGES = [
    {},
    {"department": 12, "theme": [5]},
    {"department": None},
    {"theme": [2], "status": ["completed"]},
    {"theme": [], "outcome": [next(iter(OUTCOMES))]},
    {"decision": [list(DECISIONS)[-1]], "theme": [4]},
    {"created_from": None, "created_to": None, "status": ["completed"]},
    {
        "created_from": None,
        "created_to": None,
        "status": ["completed"],
        "completed_from": date(2025, 3, 1),
        "completed_to": date(2025, 3, 31),
    },
    {"created_from": date(2025, 6, 1), "created_to": date(2025, 6, 30)},
]


@pytest.mark.parametrize(("filters", "changes"), list(itertools.product(FILTERS, CHANGES)))
def test_fast_links_equal_validated_filters(filters, changes):
    fast = Links(filters)(**changes)
    assert fast == browse_url(browse_filters(filters, **changes))
    assert fast.startswith("/experiments?")


def test_links_name_every_filter_once_in_a_stable_order():
    url = Links(FILTERS[2])(department=12, theme=[5])
    assert url == (
        "/experiments?theme=5&department=12"
        "&status=planned&status=running&status=checking&status=completed&status=abandoned"
        "&cohort=9&created_from=2024-02-29&strategy=3"
    )
