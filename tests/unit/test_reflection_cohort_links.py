"""The partial for the cohort page links leads and participants to their reflection pages."""

from app.settings import get_settings
from app.web.templating import create_environment


def _render(manages: bool) -> str:
    template = create_environment(get_settings()).get_template("reflections/_cohort_links.html")
    return template.render(cohort={"id": 7}, manages=manages)


def test_leads_get_the_answers_questions_and_statements():
    html = _render(True)
    for path in ("reflections", "reflections/questions", "assessment/statements", "assessment"):
        assert f'href="/cohorts/7/{path}"' in html
    assert "/reflections/mine" not in html


def test_participants_get_their_own_reflections_and_the_assessment():
    html = _render(False)
    assert 'href="/cohorts/7/reflections/mine"' in html
    assert 'href="/cohorts/7/assessment"' in html
    assert 'href="/cohorts/7/reflections"' not in html
