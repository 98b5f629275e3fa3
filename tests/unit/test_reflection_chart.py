"""The SVG bar chart's geometry: bar heights follow the values on the 1–5 scale."""

from datetime import date

from app.reflections.chart import bar_chart


def test_bars_are_proportional_and_a_missing_value_leaves_an_empty_slot():
    chart = bar_chart([(date(2026, 1, d), value) for d, value in [(1, 2.0), (2, 4.0), (3, None)]])
    first, second, missing = chart.bars
    assert abs(second.height - first.height * 2) < 0.2
    assert first.y + first.height == second.y + second.height == chart.baseline
    assert missing.value is None and missing.height == 0
    assert first.x < second.x < missing.x
    top = dict(chart.gridlines)[5]
    assert bar_chart([("x", 5.0)]).bars[0].y == top  # a five reaches the top line


def test_bars_stay_inside_the_picture():
    chart = bar_chart([(str(n), 5.0) for n in range(12)])
    for bar in chart.bars:
        assert bar.x >= 0 and bar.x + bar.width <= chart.width
        assert 0 <= bar.y <= chart.baseline <= chart.height
