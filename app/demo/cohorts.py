"""Two demo cohorts: the Varkaus customer-experience workshop (seed 002: three workshop days,
participants from many service areas, one experiment each) and a whole-staff coaching of a
few departments. Deterministic; skipped when a cohort of the same name exists."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from app.accounts.tables import User
from app.audit.tables import AuditLog
from app.cohorts.tables import Cohort, CohortLead, CohortParticipant, CohortTheme, WorkshopDay
from app.demo.content import CURRENT_STRATEGY, DEPARTMENTS, EMAIL_DOMAIN, LEAD_EMAIL, USERS
from app.experiments.tables import Experiment
from app.library.indexing import reindex_experiment
from app.strategy.tables import Strategy, Theme

SEED = 2026


@dataclass(frozen=True)
class DemoDay:
    day: date
    place: str
    agenda: str


@dataclass(frozen=True)
class DemoCohort:
    name: str
    description: str
    leads: tuple[str, ...]  # emails
    themes: tuple[str, ...]  # name_fi of themes of the current strategy
    days: tuple[DemoDay, ...]
    created: date
    people: tuple[str, ...] = ()  # participants by name
    departments: tuple[str, ...] = ()  # ...or everyone of these departments (with children)
    anonymous_reflections: bool = False
    share_of_experiments: float = 0.8  # how many of the participants' experiments it gets


def _email(name: str) -> str:
    return next(user.email for user in USERS if user.name == name)


VARKAUS = DemoCohort(
    name="Varkauden asiakaskokemustyöpaja",
    description=(
        "Kolmen työpajapäivän valmennus, jossa jokainen osallistuja tekee **yhden pienen "
        "kokeilun** omassa työssään asiakkaan näkökulmasta.\n\n"
        "- Työpajapäivien välillä kokeillaan ja mitataan.\n"
        "- Seuraavana työpajapäivänä kerrotaan, miten kävi – myös epäonnistuminen on lahja.\n"
        "- Onnistuneita kokeiluja juhlitaan ja levitetään muihin yksiköihin."
    ),
    leads=(LEAD_EMAIL,),
    themes=(
        "Hiljaisten asiakkaiden mukaan ottaminen",
        "Osallisuuden lisääminen",
        "Sähköiset palvelut",
    ),
    days=(
        DemoDay(
            date(2026, 9, 10),
            "Varkauden kaupungintalo, valtuustosali",
            "- 9.00 Avaus: henkilöstöjohtaja\n- Asiakkaan näkökulma: mikä asiakkaalle on "
            "vaikeaa tänään?\n- Oman kokeilun suunnittelu pienryhmissä\n- 15.30 Yhteenveto ja "
            "kotitehtävä: kokeilu käyntiin kahden viikon kuluessa",
        ),
        DemoDay(
            date(2026, 10, 15),
            "Kulttuurikeskus Kommila",
            "- Kokeilujen väliesittelyt (5 min / kokeilu)\n- Palaute pareittain: *palaute on "
            "lahja*\n- Mittarit kuntoon: miten tiedämme, että kokeilu toimi?",
        ),
        DemoDay(
            date(2026, 11, 26),
            "Varkauden kaupungintalo, valtuustosali",
            "- Kokeilujen tulokset ja opit\n- Juhlitaan onnistumisia ja oppeja\n- Mitkä "
            "kokeilut levitetään muihin yksiköihin?",
        ),
    ),
    created=date(2026, 8, 17),
    people=(
        "Tiina Räsänen",
        "Matti Niskanen",
        "Riikka Huttunen",
        "Antti Kokkonen",
        "Timo Rytkönen",
        "Ville Turunen",
        "Jenni Pitkänen",
        "Joni Karjalainen",
        "Marko Väisänen",
        "Satu Hiltunen",
        "Päivi Koponen",
        "Minna Jääskeläinen",
        "Kaisa Hämäläinen",
        "Johanna Lindqvist",
        "Juha Mönkkönen",
        "Anne Kettunen",
        "Tuomas Tikkanen",
        "Daniel Ochieng",
        "Laura Lappalainen",
        "Tarja Nousiainen",
        "Pirjo Tiihonen",
        "Seija Rissanen",
        "Mikael Sjöberg",
        "Pasi Hirvonen",
        "Harri Pesonen",
    ),
)

KITEE = DemoCohort(
    name="Kiteen koko henkilöstön valmennus",
    description=(
        "Koko henkilöstön valmennus ateria-, kiinteistö- ja asumispalveluille. Jokainen "
        "työyhteisö valitsee yhdessä yhden kokeilun, jolla asiakkaan arki helpottuu.\n\n"
        "Pohdintakysymyksiin vastataan **nimettömästi**."
    ),
    leads=(f"heli.partanen@{EMAIL_DOMAIN}",),
    themes=("Innostajana työyhteisössä", "Ketterä kehittäminen"),
    days=(
        DemoDay(
            date(2026, 9, 24),
            "Kiteen kaupungintalo, auditorio",
            "- Miksi kokeilemme?\n- Työyhteisön oma palvelulupaus\n- Kokeilun valinta yhdessä",
        ),
        DemoDay(
            date(2026, 11, 5),
            "Kiteen kaupungintalo, auditorio",
            "- Työyhteisöjen esitykset\n- Itsearvio 1–5: miten palvelemme nyt?\n- Jatkosta "
            "sopiminen",
        ),
    ),
    created=date(2026, 8, 31),
    departments=("ateria", "kiinteisto", "asumis"),
    anonymous_reflections=True,
    share_of_experiments=0.6,
)

COHORTS: tuple[DemoCohort, ...] = (VARKAUS, KITEE)


def _morning(day: date) -> datetime:
    return datetime.combine(day, time(9, 0), tzinfo=UTC)


def _department_keys(roots: tuple[str, ...]) -> set[str]:
    keys = set(roots)
    while True:
        more = {d.key for d in DEPARTMENTS if d.parent in keys} - keys
        if not more:
            return keys
        keys |= more


def participant_emails(cohort: DemoCohort) -> list[str]:
    emails = [_email(name) for name in cohort.people]
    departments = _department_keys(cohort.departments)
    emails += [u.email for u in USERS if u.department in departments and u.email not in emails]
    return [email for email in emails if email not in cohort.leads]


async def load_demo_cohorts() -> None:
    """Add the demo cohorts that are missing; call inside the loader's write transaction,
    after the experiments."""
    existing = {row["name"] for row in await Cohort.select(Cohort.name)}
    users = {row["email"]: row["id"] for row in await User.select(User.id, User.email)}
    strategy = (
        await Strategy.select(Strategy.id).where(Strategy.name == CURRENT_STRATEGY.name).first()
    )
    if strategy is None:
        return
    themes = {
        row["name_fi"]: row["id"]
        for row in await Theme.select(Theme.id, Theme.name_fi).where(
            Theme.strategy == strategy["id"]
        )
    }
    rng = random.Random(SEED)
    for spec in COHORTS:
        if spec.name in existing:
            continue
        await _load_cohort(spec, users, themes, strategy["id"], rng)


async def _load_cohort(
    spec: DemoCohort, users: dict[str, int], themes: dict[str, int], strategy_id: int, rng
) -> None:
    created = _morning(spec.created)
    cohort = Cohort(
        name=spec.name,
        description=spec.description,
        strategy=strategy_id,
        anonymous_reflections=spec.anonymous_reflections,
        created_at=created,
        updated_at=created,
    )
    await cohort.save()
    lead_ids = [users[email] for email in spec.leads]
    people = [users[email] for email in participant_emails(spec)]
    await CohortLead.insert(*(CohortLead(cohort=cohort.id, user=uid) for uid in lead_ids))
    await CohortTheme.insert(*(CohortTheme(cohort=cohort.id, theme=themes[n]) for n in spec.themes))
    await WorkshopDay.insert(
        *(
            WorkshopDay(
                cohort=cohort.id,
                day=d.day,
                place=d.place,
                agenda=d.agenda,
                created_at=created,
                updated_at=created,
            )
            for d in spec.days
        )
    )
    await CohortParticipant.insert(
        *(
            CohortParticipant(
                cohort=cohort.id,
                user=uid,
                added_by=lead_ids[0],
                added_via="department" if spec.departments else "lead",
                created_at=created,
            )
            for uid in people
        )
    )
    candidates = (
        await Experiment.select(Experiment.id)
        .where(Experiment.owner.is_in(people) & Experiment.cohort.is_null())
        .order_by(Experiment.id)
    )
    chosen = [row["id"] for row in candidates if rng.random() < spec.share_of_experiments]
    if chosen:
        await Experiment.update(cohort=cohort.id).where(Experiment.id.is_in(chosen))
        for experiment_id in chosen:  # the library's copy of the cohort (its lead sees drafts)
            await reindex_experiment(experiment_id)
    await AuditLog.insert(
        AuditLog(
            actor=lead_ids[0],
            action="create",
            object_type="cohort",
            object_id=cohort.id,
            after={"name": spec.name, "participants": len(people)},
            created_at=created,
        )
    )
