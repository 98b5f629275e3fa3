"""The demo cohorts fit the demo city: real people, departments and themes, autumn 2026 days."""

from app.demo.cohorts import COHORTS, KITEE, VARKAUS, participant_emails
from app.demo.content import CURRENT_STRATEGY, DEPARTMENTS, EMPLOYEE_EMAIL, LEAD_EMAIL, USERS

BY_EMAIL = {user.email: user for user in USERS}
THEMES = {theme.name_fi for theme in CURRENT_STRATEGY.themes}


def test_varkaus_workshop_has_three_autumn_days_and_people_from_many_departments():
    assert VARKAUS.name == "Varkauden asiakaskokemustyöpaja"
    assert VARKAUS.leads == (LEAD_EMAIL,)
    assert len(VARKAUS.days) == 3
    assert all(d.day.year == 2026 and 9 <= d.day.month <= 11 for d in VARKAUS.days)
    people = participant_emails(VARKAUS)
    assert 20 <= len(people) <= 30 and len(set(people)) == len(people)
    assert EMPLOYEE_EMAIL in people
    assert len({BY_EMAIL[email].department for email in people}) >= 15


def test_kitee_coaching_is_whole_staff_of_a_few_departments_and_anonymous():
    assert KITEE.name == "Kiteen koko henkilöstön valmennus"
    assert len(KITEE.days) == 2 and KITEE.anonymous_reflections
    people = participant_emails(KITEE)
    keys = {d.key for d in DEPARTMENTS}
    assert set(KITEE.departments) <= keys
    covered = {BY_EMAIL[email].department for email in people}
    everyone = [u.email for u in USERS if u.department in covered and u.email not in KITEE.leads]
    assert sorted(people) == sorted(everyone)  # the whole staff of those departments


def test_every_reference_exists():
    for cohort in COHORTS:
        assert set(cohort.themes) <= THEMES, cohort.name
        for email in cohort.leads:
            assert BY_EMAIL[email].is_lead, email
        assert all(email in BY_EMAIL for email in participant_emails(cohort))
        assert all(day.place and day.agenda for day in cohort.days)
        assert 0 < cohort.share_of_experiments <= 1
