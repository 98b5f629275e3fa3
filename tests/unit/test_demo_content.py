"""The demo data is internally consistent and fit to show: names, roles, themes, colours."""

import re
from collections import Counter

from app.demo.content import (
    CURRENT_STRATEGY,
    DEMO_PASSWORD,
    DEPARTMENTS,
    EMAIL_DOMAIN,
    SIGN_INS,
    STRATEGIES,
    USERS,
    email_for,
)

DEPARTMENTS_BY_KEY = {d.key: d for d in DEPARTMENTS}
USERS_BY_EMAIL = {u.email: u for u in USERS}


def _relative_luminance(hex_colour: str) -> float:
    """WCAG 2.x relative luminance of an sRGB #rrggbb colour."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def _contrast_with_white(hex_colour: str) -> float:
    return (1.0 + 0.05) / (_relative_luminance(hex_colour) + 0.05)


def _depth(key: str) -> int:
    parent = DEPARTMENTS_BY_KEY[key].parent
    return 1 if parent is None else 1 + _depth(parent)


def test_contrast_helper_matches_known_values():
    assert round(_contrast_with_white("#000000"), 1) == 21.0
    assert round(_contrast_with_white("#ffffff"), 1) == 1.0
    # #767676 is the well-known lightest grey that still passes AA on white.
    assert 4.5 <= _contrast_with_white("#767676") < 4.6


def test_every_department_has_names_in_three_languages():
    for department in DEPARTMENTS:
        assert department.name_fi.strip(), department
        assert department.name_sv.strip(), department
        assert department.name_en.strip(), department


def test_department_tree_is_sound_and_three_levels_deep():
    assert len(DEPARTMENTS_BY_KEY) == len(DEPARTMENTS), "department keys must be unique"
    seen: set[str] = set()
    for department in DEPARTMENTS:
        # The loader matches rows by parent + name_fi, so parents must come first.
        assert department.parent is None or department.parent in seen, department
        seen.add(department.key)
    natural_keys = Counter((d.parent, d.name_fi) for d in DEPARTMENTS)
    assert max(natural_keys.values()) == 1
    roots = [d for d in DEPARTMENTS if d.parent is None]
    assert 3 <= len(roots) <= 4
    assert max(_depth(d.key) for d in DEPARTMENTS) == 3


def test_workshop_service_areas_and_hr_unit_exist():
    names = {d.name_fi.lower() for d in DEPARTMENTS}
    for area in (
        "tekninen ala",
        "terveydenhuolto",
        "nuorisopalvelut",
        "liikuntapalvelut",
        "päihdepalvelut",
        "aikuissosiaalityö",
        "työllisyyspalvelut",
        "kouluterveydenhuolto",
        "ateriapalvelut",
        "vanhuspalvelut",
        "henkilöstöpalvelut",
    ):
        assert area in names


def test_user_emails_are_unique_lower_case_ascii_and_in_the_demo_domain():
    emails = [u.email for u in USERS]
    assert len(emails) == len(set(emails))
    for email in emails:
        assert email == email.lower()
        assert re.fullmatch(r"[a-z0-9.\-]+@" + re.escape(EMAIL_DOMAIN), email), email
    assert len({u.name for u in USERS}) == len(USERS), "names must be unique too"


def test_email_for_folds_finnish_letters():
    assert email_for("Päivi Hämäläinen") == f"paivi.hamalainen@{EMAIL_DOMAIN}"
    assert email_for("Mikael Sjöberg") == f"mikael.sjoberg@{EMAIL_DOMAIN}"
    assert email_for("Åsa Öhman") == f"asa.ohman@{EMAIL_DOMAIN}"


def test_users_are_many_and_placed_in_existing_departments():
    assert 55 <= len(USERS) <= 70
    for user in USERS:
        assert user.department in DEPARTMENTS_BY_KEY, user
        assert user.language in ("fi", "sv", "en"), user
        assert len(user.name.split()) >= 2, user
    languages = Counter(u.language for u in USERS)
    assert languages["fi"] > len(USERS) * 0.8
    assert languages["sv"] >= 1
    assert languages["en"] >= 1


def test_role_counts():
    assert sum(u.is_admin for u in USERS) == 1
    assert sum(u.is_hr for u in USERS) == 2
    assert 3 <= sum(u.is_lead for u in USERS) <= 5


def test_fixed_sign_ins_exist_with_the_right_roles():
    roles = {s.role: s.email for s in SIGN_INS}
    assert roles == {
        "Admin": "admin@varkaus.example",
        "Workshop lead": "valmentaja@varkaus.example",
        "HR director": "nina.holopainen@varkaus.example",
        "Employee": "tyontekija@varkaus.example",
    }
    assert all(s.password == DEMO_PASSWORD for s in SIGN_INS)

    admin = USERS_BY_EMAIL["admin@varkaus.example"]
    assert admin.is_admin

    lead = USERS_BY_EMAIL["valmentaja@varkaus.example"]
    assert lead.is_lead and not lead.is_admin

    hr = USERS_BY_EMAIL["nina.holopainen@varkaus.example"]
    assert hr.name == "Nina Holopainen"
    assert hr.is_hr and not hr.is_admin
    assert DEPARTMENTS_BY_KEY[hr.department].name_fi == "Henkilöstöpalvelut"

    employee = USERS_BY_EMAIL["tyontekija@varkaus.example"]
    assert not (employee.is_lead or employee.is_hr or employee.is_admin)


def test_exactly_one_current_strategy_with_the_campaign():
    assert [s for s in STRATEGIES if s.is_current] == [CURRENT_STRATEGY]
    assert len({s.name for s in STRATEGIES}) == len(STRATEGIES)
    assert CURRENT_STRATEGY.name == "Kaupunkistrategia 2030"
    assert CURRENT_STRATEGY.campaign_name == "100+1 tekoa varkautelaisten hyväksi"
    assert CURRENT_STRATEGY.campaign_target == 101
    for strategy in STRATEGIES:
        assert strategy.period_start < strategy.period_end
        assert strategy.description.strip()


def test_six_current_themes_in_workshop_order():
    assert [t.name_fi.lower() for t in CURRENT_STRATEGY.themes] == [
        "innostajana työyhteisössä",
        "hiljaisten asiakkaiden mukaan ottaminen",
        "osallisuuden lisääminen",
        "hiljaisen tiedon siirtyminen",
        "sähköiset palvelut",
        "ketterä kehittäminen",
    ]


def test_themes_are_complete_and_distinct_within_each_strategy():
    for strategy in STRATEGIES:
        assert strategy.themes
        assert len({t.name_fi for t in strategy.themes}) == len(strategy.themes)
        assert len({t.colour for t in strategy.themes}) == len(strategy.themes)
        for theme in strategy.themes:
            assert theme.name_sv.strip() and theme.name_en.strip(), theme
            assert theme.description.strip(), theme


def test_theme_colours_give_aa_contrast_with_white_text():
    for strategy in STRATEGIES:
        for theme in strategy.themes:
            assert re.fullmatch(r"#[0-9a-f]{6}", theme.colour), theme.colour
            assert _contrast_with_white(theme.colour) >= 4.5, (theme.name_fi, theme.colour)
