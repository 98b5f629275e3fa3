"""Hypothesis settings shared by the fuzz tests: a fixed number of examples, derandomized so
that CI runs the same examples every time, no example database, no deadline (the requests go
through the whole app and a database), and no health checks (the data is drawn per request)."""

from __future__ import annotations

from hypothesis import HealthCheck, settings


def bounded(examples: int) -> settings:
    return settings(
        max_examples=examples,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        print_blob=False,
    )
