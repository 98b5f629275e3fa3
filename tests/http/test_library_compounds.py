"""Finnish compound words in the learning library, on both databases: a search for a word finds
the compounds built on it ("auto" finds "kirjastoautossa"), a whole-word match ranks above a
match on a part, the whole compound is highlighted, similar experiments use the parts too, and
the migration fills the parts of an upgraded database's documents."""

from __future__ import annotations

from piccolo.apps.migrations.commands.backwards import run_backwards
from piccolo.apps.migrations.commands.forwards import run_forwards

from app.library.tables import ExperimentSearchDocument
from tests.factories import make_department, make_user
from tests.http.browser import page, sign_in
from tests.http.test_library import indexed_experiment, titles
from tests.markers import requires_voikko

pytestmark = requires_voikko

# One experiment per compound of municipal service vocabulary, its title the key below.
DOCUMENTS = {
    "Kirjastoauto": "Kirjastoautossa on liian vähän tilaa.",
    "Ajanvaraus": "Ajanvarausjärjestelmässä oli katko.",
    "Odotus": "Asiakkaat valittivat odotusajan pituudesta.",
    "Asiakaspalvelu": "Asiakaspalvelussa on ruuhkaa aamuisin.",
    "Neuvonta": "Palveluneuvonnassa kysytään paljon veroista.",
    "Kotihoito": "Kotihoidon käynnit venyvät.",
    "Terveysasema": "Terveysasemalla jonotetaan pitkään.",
    "Nuorisotalo": "Nuorisotalolla järjestetään iltaisin pelikerho.",
    "Puhelinjono": "Puhelinjonossa odotetaan puoli tuntia.",
    "Sosiaalityö": "Sosiaalityöntekijälle ei saa aikaa.",
    "Päiväkoti": "Päiväkodissa ei ole tarpeeksi hoitajia.",
    "Koulukuljetus": "Koulukuljetuksia myöhästyy talvella.",
    "Jätehuolto": "Jätehuollon laskut ovat epäselviä.",
    "Pysäköinti": "Pysäköintilupien käsittely kestää.",
    "Rakennuslupa": "Rakennuslupahakemukset ovat puutteellisia.",
    "Vesimaksu": "Vesimaksujen eräpäivät unohtuvat.",
    "Uimahalli": "Uimahallin aukiolo ei riitä.",
    "Liikunta": "Liikuntapaikkojen varaaminen on hankalaa.",
    "Omaishoito": "Omaishoitajille ei tiedoteta vapaista.",
    "Toimeentulo": "Toimeentulotuen hakemus on pitkä.",
    "Lastensuojelu": "Lastensuojelun ilmoitukset kasautuvat.",
    "Varhaiskasvatus": "Varhaiskasvatuspaikan haku on sähköinen.",
    "Valtuusto": "Kaupunginvaltuuston kokoukset näkyvät verkossa.",
    "Kirjastokortti": "Kirjastokortin uusiminen vaatii käynnin.",
    "Muistutus": "Tekstiviestimuistutus vähensi peruutuksia.",
    "Verkkoasiointi": "Verkkoasioinnin tunnistautuminen on vaikeaa.",
    "Hammashoito": "Hammashoitolaan pääsee kuukauden päästä.",
    "Vanhuspalvelu": "Vanhuspalveluiden esite uudistettiin.",
    "Palaute": "Palautelomakkeella tuli paljon kiitoksia.",
    "Neuvola": "Neuvolakäynnit siirrettiin iltapäivään.",
    "Kotona": "Asukas asuu kotona yksin.",
}

# Each search and the experiments it must find, no more, no fewer.
CASES = [
    ("auto", {"Kirjastoauto"}),
    ("kirjasto", {"Kirjastoauto", "Kirjastokortti"}),
    ("varaus", {"Ajanvaraus"}),
    ("ajanvaraus", {"Ajanvaraus"}),  # a shorter compound inside a longer one
    ("järjestelmä", {"Ajanvaraus"}),
    # ajan-, -ajan: the part's base form; and "aikaa" (Sosiaalityö) as a whole word.
    ("aika", {"Ajanvaraus", "Odotus", "Sosiaalityö"}),
    ("odotus", {"Odotus"}),
    ("palvelu", {"Asiakaspalvelu", "Neuvonta", "Vanhuspalvelu"}),
    ("palvelujen", {"Asiakaspalvelu", "Neuvonta", "Vanhuspalvelu"}),  # inflected query
    ("neuvonta", {"Neuvonta"}),
    ("hoito", {"Kotihoito", "Hammashoito", "Omaishoito"}),  # the titles too
    ("koti", {"Kotihoito", "Päiväkoti"}),
    ("asema", {"Terveysasema"}),
    ("terveys", {"Terveysasema"}),
    ("talo", {"Nuorisotalo"}),
    ("nuoriso", {"Nuorisotalo"}),
    ("jono", {"Puhelinjono"}),
    ("puhelin", {"Puhelinjono"}),
    ("työntekijä", {"Sosiaalityö"}),
    ("tekijä", {"Sosiaalityö"}),
    ("kuljetus", {"Koulukuljetus"}),
    ("koulu", {"Koulukuljetus"}),
    ("huolto", {"Jätehuolto"}),
    ("lupa", {"Pysäköinti", "Rakennuslupa"}),
    ("hakemus", {"Rakennuslupa", "Toimeentulo"}),
    ("rakennuslupa", {"Rakennuslupa"}),
    ("maksu", {"Vesimaksu"}),
    ("halli", {"Uimahalli"}),
    ("paikka", {"Liikunta", "Varhaiskasvatus"}),
    ("hoitaja", {"Omaishoito", "Päiväkoti"}),
    ("tuki", {"Toimeentulo"}),
    ("suojelu", {"Lastensuojelu"}),
    ("lapsi", {"Lastensuojelu"}),
    ("kasvatus", {"Varhaiskasvatus"}),
    ("valtuusto", {"Valtuusto"}),
    ("kortti", {"Kirjastokortti"}),
    ("viesti", {"Muistutus"}),
    ("tekstiviesti", {"Muistutus"}),
    ("verkko", {"Verkkoasiointi", "Valtuusto"}),
    ("asiointi", {"Verkkoasiointi"}),
    ("hammas", {"Hammashoito"}),
    ("vanhus", {"Vanhuspalvelu"}),
    ("lomake", {"Palaute"}),
    ("käynti", {"Neuvola", "Kotihoito", "Kirjastokortti"}),
    ("auto kirjasto", {"Kirjastoauto"}),  # every word must match, a part or a whole word
    ("koto", set()),  # "kotona" is not a compound
]


async def _documents() -> None:
    owner = await make_user()
    for title, problem in DOCUMENTS.items():
        await indexed_experiment(owner, title=title, problem=problem, status="running")


async def test_a_word_finds_the_compounds_built_on_it(client, employee):
    assert len(CASES) >= 30
    await _documents()
    wrong = {}
    for query, expected in CASES:
        found = set(titles(await client.get("/library", params={"q": query})))
        if found != expected:
            wrong[query] = (sorted(found), sorted(expected))
    assert wrong == {}


async def test_a_whole_word_ranks_above_a_part_and_the_whole_compound_is_marked(client, employee):
    owner = await make_user()
    await indexed_experiment(
        owner, title="Kirjastoauto kulkee", problem="Kirjastoautossa on ruuhkaa.", status="running"
    )
    await indexed_experiment(
        owner, title="Auto kulkee", problem="Autossa on ruuhkaa.", status="running"
    )
    response = await client.get("/library", params={"q": "auto", "sort": "relevance"})
    assert titles(response) == ["Auto kulkee", "Kirjastoauto kulkee"]
    marked = [str(mark) for mark in page(response).select("mark")]
    assert "<mark>Kirjastoautossa</mark>" in marked and "<mark>Autossa</mark>" in marked


async def test_similar_experiments_meet_on_compound_parts(client):
    mine, other = await make_department(name_fi="Kirjasto"), await make_department(name_fi="Koti")
    me = await make_user(department=mine.id)
    colleague = await make_user(department=other.id)
    await sign_in(client, me.email)
    await indexed_experiment(
        colleague, title="Kotihoidon reitit", problem="Kotihoitajat ajavat ristiin.",
        status="running", departments=[other],
    )  # fmt: skip
    writing = await client.get(
        "/library/similar",
        params={"title": "Hoitajien reitit", "problem": "Hoitaja ajaa pitkiä matkoja"},
        headers={"HX-Request": "true"},
    )
    assert [a.get_text() for a in page(writing).select(".library-similar a")] == [
        "Kotihoidon reitit"
    ]


async def test_the_migration_fills_the_parts_of_an_upgraded_database(client, employee):
    """Back to the schema before compound parts, with documents written then (lemmas only),
    and forwards again: the migration rebuilds the index and fills the parts."""
    await _documents()
    rolled_back = await run_backwards(
        app_name="kokeilu", migration_id="2026-12-04T16:50:00:000000", auto_agree=True
    )
    assert rolled_back.success, rolled_back.message
    assert titles(await client.get("/library", params={"q": "kirjastoauto"})) == ["Kirjastoauto"]
    try:
        assert titles(await client.get("/library", params={"q": "auto"})) == []
    finally:
        migrated = await run_forwards(app_name="kokeilu", migration_id="all")
    assert migrated.success, migrated.message
    parts = await ExperimentSearchDocument.select(ExperimentSearchDocument.parts).where(
        ExperimentSearchDocument.parts != ""
    )
    assert len(parts) >= 30
    assert titles(await client.get("/library", params={"q": "auto"})) == ["Kirjastoauto"]
    assert titles(await client.get("/library", params={"q": "varaus"})) == ["Ajanvaraus"]
