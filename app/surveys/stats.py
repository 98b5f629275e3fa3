"""Statistics for 1–5 answers: distribution, mean, a 95 % confidence interval from Student's t
distribution, and a plain-language verdict on a before/after difference that refuses to call
a difference real when there are too few answers.

The t quantile is computed here (regularised incomplete beta function, Numerical Recipes
style continued fraction, then bisection) so that scipy is not needed."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

SCORES = (1, 2, 3, 4, 5)
# Below this many answers in a period no verdict is given, whatever the numbers look like.
MIN_ANSWERS_FOR_VERDICT = 20
CONFIDENCE = 0.95


def _beta_continued_fraction(a: float, b: float, x: float) -> float:
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-14:
            break
    return h


def regularised_incomplete_beta(a: float, b: float, x: float) -> float:
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    front = math.exp(log_front)
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _beta_continued_fraction(a, b, x) / a
    return 1.0 - front * _beta_continued_fraction(b, a, 1.0 - x) / b


def t_cdf(t: float, df: float) -> float:
    """P(T <= t) for Student's t with df degrees of freedom."""
    tail = 0.5 * regularised_incomplete_beta(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t >= 0 else tail


def t_quantile(probability: float, df: float) -> float:
    """The t value with P(T <= t) = probability (e.g. 0.975 for a two-sided 95 % interval)."""
    if not 0.0 < probability < 1.0 or df <= 0:
        raise ValueError("probability must be in (0, 1) and df positive")
    if probability < 0.5:
        return -t_quantile(1.0 - probability, df)
    low, high = 0.0, 1.0
    while t_cdf(high, df) < probability:
        high *= 2.0
    for _ in range(200):
        middle = (low + high) / 2.0
        if t_cdf(middle, df) < probability:
            low = middle
        else:
            high = middle
        if high - low < 1e-12:
            break
    return (low + high) / 2.0


@dataclass(frozen=True)
class Summary:
    """n, mean, standard deviation and the 95 % confidence interval of one period's answers."""

    counts: dict[int, int] = field(default_factory=dict)
    n: int = 0
    mean: float | None = None
    sd: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None

    def share(self, score: int) -> float:
        return self.counts.get(score, 0) / self.n if self.n else 0.0

    @property
    def percentages(self) -> dict[int, int]:
        return {score: round(100 * self.share(score)) for score in SCORES}


def summarise_values(values: list[float]) -> Summary:
    counts: dict[int, int] = {}
    for value in values:
        counts[int(value)] = counts.get(int(value), 0) + 1
    return _summary(counts, [float(value) for value in values])


def summarise_counts(counts: dict[int, int]) -> Summary:
    """From a distribution (score -> how many), as the database aggregates it."""
    values = [float(score) for score, count in sorted(counts.items()) for _ in range(count)]
    return _summary({score: counts.get(score, 0) for score in SCORES}, values)


def _summary(counts: dict[int, int], values: list[float]) -> Summary:
    n = len(values)
    if n == 0:
        return Summary(counts=counts)
    mean = math.fsum(values) / n
    if n < 2:
        return Summary(counts=counts, n=n, mean=mean)
    sd = math.sqrt(math.fsum((value - mean) ** 2 for value in values) / (n - 1))
    margin = t_quantile(0.5 + CONFIDENCE / 2, n - 1) * sd / math.sqrt(n)
    return Summary(
        counts=counts, n=n, mean=mean, sd=sd, ci_low=mean - margin, ci_high=mean + margin
    )


@dataclass(frozen=True)
class Comparison:
    """After minus before, with Welch's 95 % interval, and what can honestly be said of it."""

    verdict: str  # too_few | better | worse | no_clear_difference
    difference: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None


def compare(before: Summary, after: Summary, minimum: int = MIN_ANSWERS_FOR_VERDICT) -> Comparison:
    if before.n < minimum or after.n < minimum or before.sd is None or after.sd is None:
        difference = (
            after.mean - before.mean if before.mean is not None and after.mean is not None else None
        )
        return Comparison("too_few", difference)
    difference = after.mean - before.mean
    var_before, var_after = before.sd**2 / before.n, after.sd**2 / after.n
    standard_error = math.sqrt(var_before + var_after)
    if standard_error == 0:
        verdict = (
            "no_clear_difference" if difference == 0 else ("better" if difference > 0 else "worse")
        )
        return Comparison(verdict, difference, difference, difference)
    df = (var_before + var_after) ** 2 / (
        var_before**2 / (before.n - 1) + var_after**2 / (after.n - 1)
    )
    margin = t_quantile(0.5 + CONFIDENCE / 2, df) * standard_error
    low, high = difference - margin, difference + margin
    if low > 0:
        verdict = "better"
    elif high < 0:
        verdict = "worse"
    else:
        verdict = "no_clear_difference"
    return Comparison(verdict, difference, low, high)
