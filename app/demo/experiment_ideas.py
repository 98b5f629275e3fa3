"""Hand-written experiment ideas for the demo City of Varkaus, in the words of its employees.

Each idea is a small customer-centric change (seed 002: "liikkeelle pienin askelin") with
two ways it may end: a success and a failure that still teaches something ("moka voi olla
lahja"). The builder (experiment_builder.py) turns every idea into a few experiments in
different departments. Departments are the keys of app.demo.content.DEPARTMENTS, themes are
theme names of the current strategy and customer groups are keys of CUSTOMER_GROUPS below.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoCustomerGroup:
    key: str  # only for references inside the demo data; the database knows name_fi
    name_fi: str
    name_sv: str
    name_en: str


@dataclass(frozen=True)
class MeasureIdea:
    name: str
    unit: str
    baseline: float
    target: float
    good: float  # the measured result when the experiment succeeds
    poor: float  # ... and when it does not


@dataclass(frozen=True)
class Idea:
    title: str
    problem: str  # the customer's view
    hypothesis: str  # "Uskomme, että … Tiedämme onnistuneemme, kun …"
    plan: str  # Markdown bullets
    departments: tuple[str, ...]
    themes: tuple[str, ...]
    groups: tuple[str, ...]
    channels: tuple[str, ...]
    measure: MeasureIdea
    success: tuple[str, str]  # result, learning
    failure: tuple[str, str]  # result, learning


CUSTOMER_GROUPS: tuple[DemoCustomerGroup, ...] = (
    DemoCustomerGroup("asukkaat", "Asukkaat", "Invånare", "Residents"),
    DemoCustomerGroup("ikaihmiset", "Ikäihmiset", "Äldre personer", "Older people"),
    DemoCustomerGroup("perheet", "Lapsiperheet", "Barnfamiljer", "Families with children"),
    DemoCustomerGroup("nuoret", "Nuoret", "Unga", "Young people"),
    DemoCustomerGroup("tyonhakijat", "Työnhakijat", "Arbetssökande", "Jobseekers"),
    DemoCustomerGroup("yritykset", "Yritykset", "Företag", "Companies"),
    DemoCustomerGroup("hiljaiset", "Hiljaiset asiakkaat", "Tysta kunder", "Silent customers"),
    DemoCustomerGroup("maahanmuuttajat", "Maahanmuuttajat", "Invandrare", "Immigrants"),
    DemoCustomerGroup("omaishoitajat", "Omaishoitajat", "Närståendevårdare", "Family carers"),
    DemoCustomerGroup(
        "vammaiset", "Vammaiset henkilöt", "Personer med funktionsnedsättning", "Disabled people"
    ),
)

# The six themes of "Kaupunkistrategia 2030" (app.demo.content.CURRENT_STRATEGY).
INNOSTAJA = "Innostajana työyhteisössä"
HILJAISET = "Hiljaisten asiakkaiden mukaan ottaminen"
OSALLISUUS = "Osallisuuden lisääminen"
HILJAINEN_TIETO = "Hiljaisen tiedon siirtyminen"
DIGI = "Sähköiset palvelut"
KETTERA = "Ketterä kehittäminen"

M = MeasureIdea

IDEAS: tuple[Idea, ...] = (
    # --- reachability and contacts -----------------------------------------------------
)
