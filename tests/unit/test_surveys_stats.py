"""Survey statistics against textbook values: Student's t quantiles (any printed t table) and
Student's own 1908 sleep data (Cushny & Peebles), as R's t.test reports them."""

from __future__ import annotations

import pytest

from app.surveys.stats import (
    compare,
    summarise_counts,
    summarise_values,
    t_cdf,
    t_quantile,
)

# Two-sided 95 % critical values t(0.975, df) from a standard t table.
T_TABLE_975 = {1: 12.706, 2: 4.303, 4: 2.776, 9: 2.262, 10: 2.228, 29: 2.045, 60: 2.000, 120: 1.980}
# One-sided 0.95 values, for a second column of the same table.
T_TABLE_95 = {1: 6.314, 5: 2.015, 20: 1.725}

# R: data(sleep); extra hours of sleep with drug 1 (group 1) and drug 2 (group 2).
SLEEP_GROUP_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]
SLEEP_GROUP_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]


@pytest.mark.parametrize(("df", "expected"), T_TABLE_975.items())
def test_t_quantile_matches_the_table(df: int, expected: float) -> None:
    assert t_quantile(0.975, df) == pytest.approx(expected, abs=0.0005)


@pytest.mark.parametrize(("df", "expected"), T_TABLE_95.items())
def test_t_quantile_one_sided(df: int, expected: float) -> None:
    assert t_quantile(0.95, df) == pytest.approx(expected, abs=0.0005)
    assert t_quantile(0.05, df) == pytest.approx(-expected, abs=0.0005)


def test_t_cdf_is_symmetric_and_one_half_at_zero() -> None:
    assert t_cdf(0.0, 7) == pytest.approx(0.5)
    assert t_cdf(1.3, 7) + t_cdf(-1.3, 7) == pytest.approx(1.0)


def test_paired_sleep_data_confidence_interval() -> None:
    """R: t.test(extra ~ group, data = sleep, paired = TRUE):
    mean difference -1.58, 95 percent confidence interval -2.4598858 -0.7001142."""
    differences = [a - b for a, b in zip(SLEEP_GROUP_1, SLEEP_GROUP_2, strict=True)]
    summary = summarise_values(differences)
    assert summary.n == 10
    assert summary.mean == pytest.approx(-1.58)
    assert summary.ci_low == pytest.approx(-2.4598858, abs=1e-6)
    assert summary.ci_high == pytest.approx(-0.7001142, abs=1e-6)


def test_welch_comparison_of_the_sleep_groups() -> None:
    """R: t.test(extra ~ group, data = sleep) (Welch): df 17.776,
    95 percent confidence interval -3.3654832 0.2054832 (group 1 minus group 2)."""
    result = compare(summarise_values(SLEEP_GROUP_2), summarise_values(SLEEP_GROUP_1), minimum=2)
    assert result.difference == pytest.approx(-1.58)
    assert result.ci_low == pytest.approx(-3.3654832, abs=1e-6)
    assert result.ci_high == pytest.approx(0.2054832, abs=1e-6)
    assert result.verdict == "no_clear_difference"  # the interval contains zero


def test_summary_from_counts_equals_summary_from_values() -> None:
    values = [1, 2, 2, 3, 3, 3, 4, 4, 5, 5, 5, 5]
    counts = {1: 1, 2: 2, 3: 3, 4: 2, 5: 4}
    from_counts, from_values = summarise_counts(counts), summarise_values(values)
    assert from_counts.n == from_values.n == 12
    assert from_counts.mean == pytest.approx(from_values.mean)
    assert from_counts.ci_low == pytest.approx(from_values.ci_low)
    assert from_counts.percentages == {1: 8, 2: 17, 3: 25, 4: 17, 5: 33}


def test_no_verdict_with_too_few_answers_even_for_a_big_difference() -> None:
    before = summarise_counts({1: 5, 2: 5})
    after = summarise_counts({5: 9, 4: 1})
    result = compare(before, after, minimum=20)
    assert result.verdict == "too_few"
    assert result.difference == pytest.approx(4.9 - 1.5)


def test_clear_improvement_with_enough_answers() -> None:
    before = summarise_counts({1: 4, 2: 8, 3: 14, 4: 10, 5: 4})  # mean 3.05
    after = summarise_counts({2: 2, 3: 6, 4: 16, 5: 16})  # mean 4.15
    result = compare(before, after, minimum=20)
    assert result.verdict == "better"
    assert result.ci_low > 0
    assert compare(after, before, minimum=20).verdict == "worse"


def test_same_answers_are_no_clear_difference() -> None:
    counts = {2: 5, 3: 10, 4: 10, 5: 5}
    assert compare(summarise_counts(counts), summarise_counts(counts)).verdict == (
        "no_clear_difference"
    )


def test_empty_and_single_answer_summaries() -> None:
    assert summarise_counts({}).mean is None
    single = summarise_counts({4: 1})
    assert (single.n, single.mean, single.ci_low) == (1, 4.0, None)
