"""Collection periods of a survey, and the retention cut-off of comments."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.service_errors import FieldErrors
from app.surveys.service import period_change, retention_cutoff

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
EARLIER = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)


def _survey(**values):
    return {
        "open_period": None,
        "before_opened_at": None,
        "before_closed_at": None,
        "after_opened_at": None,
        "after_closed_at": None,
        **values,
    }


def test_open_before_then_after_closes_before() -> None:
    assert period_change(_survey(), "open_before", NOW) == {
        "open_period": "before",
        "before_opened_at": NOW,
    }
    running = _survey(open_period="before", before_opened_at=EARLIER)
    assert period_change(running, "open_after", NOW) == {
        "open_period": "after",
        "after_opened_at": NOW,
        "before_closed_at": NOW,
    }


def test_close_and_reopen_after_keeps_its_start() -> None:
    running = _survey(open_period="after", before_opened_at=EARLIER, after_opened_at=EARLIER)
    assert period_change(running, "close", NOW) == {"open_period": None, "after_closed_at": NOW}
    closed = _survey(after_opened_at=EARLIER, after_closed_at=NOW, before_opened_at=EARLIER)
    assert period_change(closed, "open_after", NOW) == {
        "open_period": "after",
        "after_closed_at": None,
    }


@pytest.mark.parametrize(
    ("survey", "action"),
    [
        (_survey(), "close"),
        (_survey(open_period="before", before_opened_at=EARLIER), "open_before"),
        (_survey(after_opened_at=EARLIER, before_opened_at=EARLIER), "open_before"),
    ],
)
def test_impossible_steps_are_refused(survey, action) -> None:
    with pytest.raises(FieldErrors):
        period_change(survey, action, NOW)


def test_retention_cutoff_counts_calendar_months() -> None:
    assert retention_cutoff(12, NOW) == datetime(2025, 11, 23, 12, 0, tzinfo=UTC)
    assert retention_cutoff(1, datetime(2026, 3, 31, tzinfo=UTC)) == datetime(
        2026, 2, 28, tzinfo=UTC
    )
    assert retention_cutoff(3, datetime(2026, 1, 15, tzinfo=UTC)) == datetime(
        2025, 10, 15, tzinfo=UTC
    )
