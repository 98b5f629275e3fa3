"""The demo City of Varkaus as plain data: departments, people, strategies and themes."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

EMAIL_DOMAIN = "varkaus.example"

# Demo only: every demo account shares this password so that testers can switch roles.
DEMO_PASSWORD = "kokeilu-demo-2026"  # noqa: S105 - public on purpose, demo only


@dataclass(frozen=True)
class DemoDepartment:
    key: str  # only for references inside this module; the database knows name_fi + parent
    name_fi: str
    name_sv: str
    name_en: str
    parent: str | None = None


@dataclass(frozen=True)
class DemoUser:
    name: str
    email: str
    department: str
    language: str = "fi"
    is_lead: bool = False
    is_hr: bool = False
    is_admin: bool = False


@dataclass(frozen=True)
class DemoTheme:
    name_fi: str
    name_sv: str
    name_en: str
    description: str
    colour: str


@dataclass(frozen=True)
class DemoStrategy:
    name: str
    period_start: date
    period_end: date
    description: str
    themes: tuple[DemoTheme, ...]
    campaign_name: str = ""
    campaign_target: int | None = None
    is_current: bool = False


@dataclass(frozen=True)
class DemoSignIn:
    role: str
    email: str
    password: str


def email_for(name: str) -> str:
    """firstname.lastname@varkaus.example, with ä/ö/å folded to a/o/a as mail systems do."""
    decomposed = unicodedata.normalize("NFKD", name.lower())
    ascii_name = "".join(c for c in decomposed if not unicodedata.combining(c))
    return ".".join(ascii_name.split()) + "@" + EMAIL_DOMAIN


# toimiala > palvelualue > yksikkö. Parents come before their children.
DEPARTMENTS: tuple[DemoDepartment, ...] = (
    # Konsernipalvelut
    DemoDepartment("konserni", "Konsernipalvelut", "Koncerntjänster", "Corporate Services"),
    DemoDepartment(
        "henkilosto", "Henkilöstöpalvelut", "Personaltjänster", "HR Services", "konserni"
    ),
    DemoDepartment(
        "osaaminen",
        "Osaamisen kehittäminen",
        "Kompetensutveckling",
        "Learning and Development",
        "henkilosto",
    ),
    DemoDepartment(
        "tietohallinto", "Tietohallinto", "IT-förvaltningen", "ICT Services", "konserni"
    ),
    DemoDepartment(
        "strategia",
        "Strategia ja kehittäminen",
        "Strategi och utveckling",
        "Strategy and Development",
        "konserni",
    ),
    # Sivistyspalvelut
    DemoDepartment(
        "sivistys", "Sivistyspalvelut", "Bildningstjänster", "Education and Culture Services"
    ),
    DemoDepartment("nuoriso", "Nuorisopalvelut", "Ungdomstjänster", "Youth Services", "sivistys"),
    DemoDepartment(
        "etsiva",
        "Etsivä nuorisotyö",
        "Uppsökande ungdomsarbete",
        "Outreach Youth Work",
        "nuoriso",
    ),
    DemoDepartment(
        "liikunta", "Liikuntapalvelut", "Idrottstjänster", "Sports Services", "sivistys"
    ),
    DemoDepartment("uimahalli", "Uimahalli", "Simhallen", "Swimming Hall", "liikunta"),
    # Sosiaali- ja terveyspalvelut
    DemoDepartment(
        "sote",
        "Sosiaali- ja terveyspalvelut",
        "Social- och hälsovårdstjänster",
        "Social and Health Services",
    ),
    DemoDepartment("terveys", "Terveydenhuolto", "Hälso- och sjukvård", "Health Care", "sote"),
    DemoDepartment("terveysasema", "Terveysasema", "Hälsostationen", "Health Centre", "terveys"),
    DemoDepartment(
        "suun", "Suun terveydenhuolto", "Mun- och tandvård", "Oral Health Care", "terveys"
    ),
    DemoDepartment(
        "kouluterveys", "Kouluterveydenhuolto", "Skolhälsovård", "School Health Care", "sote"
    ),
    DemoDepartment(
        "paihde", "Päihdepalvelut", "Missbrukarvård", "Substance Abuse Services", "sote"
    ),
    DemoDepartment(
        "aikuissos", "Aikuissosiaalityö", "Socialt arbete för vuxna", "Adult Social Work", "sote"
    ),
    DemoDepartment(
        "tyollisyys", "Työllisyyspalvelut", "Sysselsättningstjänster", "Employment Services", "sote"
    ),
    DemoDepartment(
        "ohjaamo", "Ohjaamo", "Navigatorn", "Ohjaamo Youth Guidance Centre", "tyollisyys"
    ),
    DemoDepartment("vanhus", "Vanhuspalvelut", "Äldreomsorg", "Services for Older People", "sote"),
    DemoDepartment("kotihoito", "Kotihoito", "Hemvård", "Home Care", "vanhus"),
    DemoDepartment("asumis", "Asumispalvelut", "Boendeservice", "Housing Services", "vanhus"),
    # Tekniset palvelut
    DemoDepartment("tekniset", "Tekniset palvelut", "Tekniska tjänster", "Technical Services"),
    DemoDepartment(
        "tekninen",
        "Tekninen ala",
        "Tekniska sektorn",
        "Engineering and Infrastructure",
        "tekniset",
    ),
    DemoDepartment(
        "kadut", "Kadut ja viheralueet", "Gator och grönområden", "Streets and Parks", "tekninen"
    ),
    DemoDepartment(
        "kiinteisto", "Kiinteistöpalvelut", "Fastighetstjänster", "Property Services", "tekninen"
    ),
    DemoDepartment("ateria", "Ateriapalvelut", "Måltidstjänster", "Meal Services", "tekniset"),
    DemoDepartment("keskuskeittio", "Keskuskeittiö", "Centralköket", "Central Kitchen", "ateria"),
)


def _person(
    name: str,
    department: str,
    *,
    email: str | None = None,
    language: str = "fi",
    is_lead: bool = False,
    is_hr: bool = False,
    is_admin: bool = False,
) -> DemoUser:
    return DemoUser(
        name=name,
        email=email or email_for(name),
        department=department,
        language=language,
        is_lead=is_lead,
        is_hr=is_hr,
        is_admin=is_admin,
    )


ADMIN_EMAIL = f"admin@{EMAIL_DOMAIN}"
LEAD_EMAIL = f"valmentaja@{EMAIL_DOMAIN}"
HR_EMAIL = f"nina.holopainen@{EMAIL_DOMAIN}"
EMPLOYEE_EMAIL = f"tyontekija@{EMAIL_DOMAIN}"

USERS: tuple[DemoUser, ...] = (
    # The four fixed demo sign-ins.
    _person("Jari Kinnunen", "tietohallinto", email=ADMIN_EMAIL, is_admin=True),
    _person("Sanna Miettinen", "osaaminen", email=LEAD_EMAIL, is_lead=True),
    # The HR director who opened the Varkaus workshop (seed 002).
    _person("Nina Holopainen", "henkilosto", is_hr=True),
    _person("Tiina Räsänen", "kotihoito", email=EMPLOYEE_EMAIL),
    # Strategy and workshop roles.
    _person("Markku Tolvanen", "strategia", is_hr=True),
    _person("Petri Hyvönen", "liikunta", is_lead=True),
    _person("Outi Kärkkäinen", "aikuissos", is_lead=True),
    _person("Heli Partanen", "vanhus", is_lead=True),
    # Konsernipalvelut
    _person("Matti Niskanen", "konserni"),
    _person("Riikka Huttunen", "henkilosto"),
    _person("Tuula Toivanen", "henkilosto"),
    _person("Katja Ruotsalainen", "osaaminen"),
    _person("Antti Kokkonen", "tietohallinto"),
    _person("Teemu Heiskanen", "tietohallinto"),
    # Sivistyspalvelut
    _person("Timo Rytkönen", "sivistys"),
    _person("Ville Turunen", "nuoriso"),
    _person("Jenni Pitkänen", "nuoriso"),
    _person("Noora Saastamoinen", "nuoriso"),
    _person("Joni Karjalainen", "etsiva"),
    _person("Henna Martikainen", "etsiva"),
    _person("Marko Väisänen", "liikunta"),
    _person("Jarmo Anttonen", "liikunta"),
    _person("Satu Hiltunen", "uimahalli"),
    _person("Kimmo Hyttinen", "uimahalli"),
    # Sosiaali- ja terveyspalvelut
    _person("Arja Juntunen", "sote"),
    _person("Päivi Koponen", "terveys"),
    _person("Minna Jääskeläinen", "terveysasema"),
    _person("Hanna Savolainen", "terveysasema"),
    _person("Kirsi Asikainen", "terveysasema"),
    _person("Kaisa Hämäläinen", "suun"),
    _person("Jaana Heikkinen", "suun"),
    _person("Johanna Lindqvist", "kouluterveys", language="sv"),
    _person("Elina Leskinen", "kouluterveys"),
    _person("Maarit Tuovinen", "kouluterveys"),
    _person("Juha Mönkkönen", "paihde"),
    _person("Merja Puustinen", "paihde"),
    _person("Sami Kolehmainen", "paihde"),
    _person("Anne Kettunen", "aikuissos"),
    _person("Mika Hakkarainen", "aikuissos"),
    _person("Anu Väänänen", "aikuissos"),
    _person("Tuomas Tikkanen", "tyollisyys"),
    _person("Sari Oksanen", "tyollisyys"),
    _person("Daniel Ochieng", "tyollisyys", language="en"),
    _person("Ari Ikäheimonen", "tyollisyys"),
    _person("Laura Lappalainen", "ohjaamo"),
    _person("Emilia Korhonen", "ohjaamo"),
    _person("Tarja Nousiainen", "vanhus"),
    _person("Raija Sutinen", "vanhus"),
    _person("Pirjo Tiihonen", "kotihoito"),
    _person("Eija Pirinen", "kotihoito"),
    _person("Hannele Ronkainen", "kotihoito"),
    _person("Seija Rissanen", "asumis"),
    _person("Kari Ryynänen", "asumis"),
    # Tekniset palvelut
    _person("Esa Laitinen", "tekniset"),
    _person("Mikael Sjöberg", "tekninen", language="sv"),
    _person("Jukka Kauppinen", "tekninen"),
    _person("Pasi Hirvonen", "kadut"),
    _person("Janne Happonen", "kadut"),
    _person("Harri Pesonen", "kiinteisto"),
    _person("Sirpa Rautiainen", "kiinteisto"),
    _person("Marja Parviainen", "ateria"),
    _person("Olga Smirnova", "keskuskeittio", language="en"),
    _person("Leena Lyytikäinen", "keskuskeittio"),
    _person("Susanna Vartiainen", "keskuskeittio"),
)

SIGN_INS: tuple[DemoSignIn, ...] = (
    DemoSignIn("Admin", ADMIN_EMAIL, DEMO_PASSWORD),
    DemoSignIn("Workshop lead", LEAD_EMAIL, DEMO_PASSWORD),
    DemoSignIn("HR director", HR_EMAIL, DEMO_PASSWORD),
    DemoSignIn("Employee", EMPLOYEE_EMAIL, DEMO_PASSWORD),
)


CURRENT_STRATEGY = DemoStrategy(
    name="Kaupunkistrategia 2030",
    period_start=date(2023, 1, 1),
    period_end=date(2030, 12, 31),
    description=(
        "Varkaus kehittää palvelujaan **asiakkaan näkökulmasta**. Kaupunkistrategiaa "
        "toteutetaan arjen tekoina: jokainen työntekijä voi kokeilla pientä muutosta "
        "omassa työssään, oppia siitä ja jakaa opit muille.\n\n"
        "Osa strategian toteutusta on kampanja *100+1 tekoa varkautelaisten hyväksi*. "
        "Työyhteisöjä tuetaan muun muassa Lean-kehittämisellä, digitaalisella muotoilulla "
        "ja työpajoilla, joissa eri palvelualojen työntekijät kehittävät palveluja yhdessä "
        "yli hallinnonrajojen.\n\n"
        "- Ei saa unohtaa, ketä varten työtä tehdään.\n"
        "- Liikkeelle lähdetään pienin askelin.\n"
        "- Myös moka voi olla lahja."
    ),
    campaign_name="100+1 tekoa varkautelaisten hyväksi",
    campaign_target=101,
    is_current=True,
    # The six themes the participants of the first Varkaus workshop day chose (seed 002).
    themes=(
        DemoTheme(
            "Innostajana työyhteisössä",
            "Inspiratör i arbetsgemenskapen",
            "Inspiring others at work",
            "Innostan työkavereita kokeilemaan ja jakamaan ideoitaan. Onnistuneet kokeilut "
            "juhlistetaan, ja epäonnistuneistakin opitaan.",
            "#8a4b00",
        ),
        DemoTheme(
            "Hiljaisten asiakkaiden mukaan ottaminen",
            "Att nå de tysta kunderna",
            "Including silent customers",
            "Tavoitetaan asiakkaat, jotka eivät itse pidä ääntä itsestään tai eivät löydä "
            "palveluihin. Kysytään heidän näkökulmaansa sen sijaan, että oletetaan.",
            "#6a1b9a",
        ),
        DemoTheme(
            "Osallisuuden lisääminen",
            "Ökad delaktighet",
            "Increasing participation",
            "Palvelujen käyttäjät otetaan mukaan suunnittelemaan ja arvioimaan palveluja, "
            "jotta asiakkaan ääni kuuluu.",
            "#00695c",
        ),
        DemoTheme(
            "Hiljaisen tiedon siirtyminen",
            "Överföring av tyst kunskap",
            "Passing on tacit knowledge",
            "Kokeneiden työntekijöiden osaaminen siirtyy työkavereille ja uusille "
            "työntekijöille ennen kuin se katoaa.",
            "#ad1457",
        ),
        DemoTheme(
            "Sähköiset palvelut",
            "Digitala tjänster",
            "Digital services",
            "Asiakas voi hoitaa asiansa sähköisesti silloin, kun se hänelle sopii. Muut "
            "asiointikanavat säilyvät niille, jotka niitä tarvitsevat.",
            "#0b5394",
        ),
        DemoTheme(
            "Ketterä kehittäminen",
            "Agil utveckling",
            "Agile development",
            "Kehitetään pienin askelin ja nopein kokeiluin: suunnittele, toteuta, arvioi, "
            "kehitä. Uuden käyttöönotto vaatii aikaa ja rohkeutta.",
            "#0277bd",
        ),
    ),
)

PREVIOUS_STRATEGY = DemoStrategy(
    name="Kaupunkistrategia 2018–2022",
    period_start=date(2018, 1, 1),
    period_end=date(2022, 12, 31),
    description=(
        "Edellinen kaupunkistrategia painotti Varkauden elinvoimaa, asukkaiden hyvinvointia "
        "ja toimivaa kaupunkiorganisaatiota. Sen kokeilut ja opit ovat yhä luettavissa."
    ),
    themes=(
        DemoTheme(
            "Elinvoimainen Varkaus",
            "Ett livskraftigt Varkaus",
            "A vibrant Varkaus",
            "Yritykset, työpaikat ja tapahtumat tekevät Varkaudesta houkuttelevan paikan "
            "asua ja yrittää.",
            "#7a5c00",
        ),
        DemoTheme(
            "Hyvinvoiva varkautelainen",
            "Välmående invånare",
            "Residents' wellbeing",
            "Varkautelaisten terveyttä ja hyvinvointia tuetaan arjen palveluilla ja "
            "harrastusmahdollisuuksilla.",
            "#b3261e",
        ),
        DemoTheme(
            "Toimiva ja tuottava kaupunkiorganisaatio",
            "En fungerande och produktiv stadsorganisation",
            "An effective and productive city organisation",
            "Palvelut järjestetään sujuvasti ja kustannustehokkaasti yli hallinnonrajojen.",
            "#455a64",
        ),
    ),
)

STRATEGIES: tuple[DemoStrategy, ...] = (CURRENT_STRATEGY, PREVIOUS_STRATEGY)
