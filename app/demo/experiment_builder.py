"""Turns the hand-written ideas into about 150 demo experiments, the same ones every time.

Every idea is tried in three or four departments. Statuses, owners, dates, measures and
plan-do-check-act cycles come from one seeded random generator, so the demo database looks
lived-in but is reproducible. Pure data: nothing here touches the database.
"""

from __future__ import annotations

import functools
import random
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta

from app.demo.content import ADMIN_EMAIL, DEPARTMENTS, EMPLOYEE_EMAIL, USERS
from app.demo.experiment_ideas import CUSTOMER_GROUPS, IDEAS, Idea, MeasureIdea

SEED = 2026
FIRST_DAY = date(2025, 1, 1)
LAST_DAY = date(2026, 11, 15)

STATUS_COUNTS = {
    "draft": 15,
    "planned": 15,
    "running": 30,
    "checking": 15,
    "completed": 65,
    "abandoned": 10,
}
OUTCOME_COUNTS = {
    "solved": 24,
    "partly_solved": 16,
    "needs_more_work": 10,
    "not_solved": 8,
    "inconclusive": 7,
}
# The decisions that follow each outcome, the first ones more often.
DECISIONS_BY_OUTCOME = {
    "solved": ("adopt", "adopt", "spread"),
    "partly_solved": ("adopt", "adopt", "adapt"),
    "needs_more_work": ("adapt",),
    "not_solved": ("abandon", "abandon", "adapt"),
    "inconclusive": ("adapt", "abandon"),
}
# When experiments of each status were logged: finished ones earlier, fresh ones later.
CREATED_BETWEEN = {
    "draft": (date(2025, 2, 1), date(2026, 11, 12)),
    "planned": (date(2025, 9, 1), date(2026, 11, 5)),
    # Running and checking ones are moved so that their cycles end near LAST_DAY.
    "running": (FIRST_DAY, date(2025, 6, 30)),
    "checking": (FIRST_DAY, date(2025, 6, 30)),
    "completed": (FIRST_DAY, date(2026, 6, 15)),
    "abandoned": (date(2025, 1, 15), date(2026, 8, 31)),
}
# How Tiina Räsänen's (the demo employee's) own experiments stand, so that signing in as
# her shows every kind of experiment.
EMPLOYEE_STATUSES = ("draft", "completed", "running", "checking", "planned")


@dataclass(frozen=True)
class MeasureSpec:
    name: str
    unit: str
    baseline: float | None
    target: float | None
    result: float | None


@dataclass(frozen=True)
class CycleSpec:
    number: int
    plan_notes: str
    do_notes: str
    check_notes: str
    act_notes: str
    starts_on: date
    ends_on: date | None
    decision: str | None


@dataclass(frozen=True)
class ExperimentSpec:
    title: str
    owner: str  # email
    co_owners: tuple[str, ...]  # emails
    departments: tuple[str, ...]  # department keys of app.demo.content
    themes: tuple[str, ...]  # theme name_fi in the current strategy
    customer_groups: tuple[str, ...]  # customer group name_fi
    channels: tuple[str, ...]
    problem: str
    hypothesis: str
    plan: str
    status: str
    abandon_reason: str
    result: str
    outcome: str | None
    learning: str
    decision: str | None
    created_at: datetime
    updated_at: datetime
    completed_at: datetime | None
    measures: tuple[MeasureSpec, ...]
    cycles: tuple[CycleSpec, ...]


# --- short texts for cycles and endings ---------------------------------------------------

LATER_PLANS = (
    "Korjataan edellisen kierroksen havainnot ja jatketaan {weeks} viikkoa.",
    "Kokeillaan muutettua tapaa {weeks} viikkoa ja kerrotaan siitä asiakkaille paremmin.",
    "Otetaan mukaan toinen tiimi ja jatketaan {weeks} viikkoa.",
    "Kevennetään kirjaamista ja jatketaan {weeks} viikkoa samalla mittarilla.",
)
DOING = (
    "Toteutettiin suunnitelman mukaan; käynnistykseen meni viikko.",
    "Koko tiimi oli mukana, ja sijaiset perehdytettiin lyhyesti.",
    "Alku viivästyi sairauspoissaolojen takia, mutta sitten päästiin vauhtiin.",
    "Asiakkaille kerrottiin kokeilusta etukäteen, ja palautetta kysyttiin joka kerta.",
    "Havainnot kirjattiin yhteiseen taulukkoon joka perjantai.",
    "Esimies tuki kokeilua ja järjesti työvuorot niin, että aikaa riitti.",
)
RUNNING_NOW = (
    "Kokeilu on käynnissä; ensimmäiset havainnot lupaavia.",
    "Käynnissä. Asiakkaat ovat ottaneet uuden tavan hyvin vastaan.",
    "Käynnissä, mutta kiire on hidastanut kirjaamista.",
)
CHECK_COMMENTS = (
    "Asiakaspalautteen mukaan suunta on oikea.",
    "Tiimin kokemus oli myönteinen, vaikka alku oli työläs.",
    "Vaihtelu viikkojen välillä oli suurta.",
    "Muutama asiakas kertoi muutoksesta oma-aloitteisesti.",
)
ADAPTING = (
    "Jatketaan, mutta muutetaan aikataulua asiakkaiden toiveiden mukaan.",
    "Jatketaan ja kerrotaan kokeilusta laajemmin.",
    "Jatketaan; vastuuhenkilö nimetään selvästi.",
    "Jatketaan kevyemmällä kirjaamisella, jotta kokeilu ei kuormita tiimiä.",
)
FINAL_ACTS = {
    "adopt": "Otetaan pysyvään käyttöön yksikössä ja kirjataan palvelulupaukseen.",
    "spread": "Tarjotaan mallia muille yksiköille; esitellään seuraavassa työpajassa.",
    "adapt": "Jatketaan uudella kierroksella muutetulla tavalla.",
    "abandon": "Lopetetaan tämä tapa. Opit kirjattiin ja jaettiin työpajassa.",
}
PARTLY = (
    "Tavoite jäi kuitenkin osin saavuttamatta, ja vaikutus näkyi selvimmin kokeilun alussa.",
    "Kaikki asiakasryhmät eivät vielä hyötyneet muutoksesta.",
    "Vaikutus jäi hieman tavoitetta pienemmäksi.",
)
INCONCLUSIVE = (
    "Mukana oli niin vähän asiakkaita, ettei tuloksesta voi vetää varmoja johtopäätöksiä.",
    "Samaan aikaan muuttui moni muukin asia, joten kokeilun vaikutusta ei voi erottaa.",
)
NEEDS_MORE = (
    "Ajatus on hyvä, mutta toteutusta pitää vielä hioa.",
    "Suunta on oikea, mutta yksi kierros ei riittänyt.",
)
ABANDON_REASONS = (
    "Kokeilun vetäjä siirtyi toisiin tehtäviin, eikä jatkajaa löytynyt.",
    "Sama asia ratkesi kaupungin yhteisellä uudistuksella, joten oma kokeilu jäi tarpeettomaksi.",
    "Kokeiluun ei löytynyt tarpeeksi asiakkaita tällä aikataululla.",
    "Tietojärjestelmä ei taipunut kokeiluun; palataan asiaan järjestelmäuudistuksen jälkeen.",
    "Yksikön henkilöstövaje vei kaiken ajan perustyöhön.",
    "Asiakkaat toivoivat toisenlaista ratkaisua; aloitetaan alusta uudella kokeilulla.",
)
# Measures that suit almost any experiment, added beside the idea's own measure.
EXTRA_MEASURES = (
    MeasureIdea("Asiakastyytyväisyys", "1–5", 3.7, 4.2, 4.4, 3.8),
    MeasureIdea("Työntekijöiden kokemus kokeilusta", "1–5", 3.0, 4.0, 4.2, 3.1),
    MeasureIdea("Asiakaspalautteet", "kpl/kk", 8, 15, 19, 9),
    MeasureIdea("Suositteluhalukkuus (NPS)", "", 10, 30, 34, 12),
    MeasureIdea("Kokeiluun käytetty työaika", "h/vko", 6, 4, 3.5, 7),
)
SEASONS = {12: "talvi", 1: "talvi", 2: "talvi", 3: "kevät", 4: "kevät", 5: "kevät"}
SEASONS |= {6: "kesä", 7: "kesä", 8: "kesä", 9: "syksy", 10: "syksy", 11: "syksy"}

DEPARTMENTS_BY_KEY = {d.key: d for d in DEPARTMENTS}
GROUP_NAMES = {g.key: g.name_fi for g in CUSTOMER_GROUPS}
# The admin account is for administration, not for logging experiments.
PEOPLE = tuple(u for u in USERS if u.email != ADMIN_EMAIL)
TOTAL = sum(STATUS_COUNTS.values())


@dataclass
class _Slot:
    """One planned use of an idea in one department, before the details are drawn."""

    idea: Idea
    department: str
    status: str = ""
    owner: str = ""
    co_owners: tuple[str, ...] = ()


def _slots() -> list[_Slot]:
    """Every idea three or four times, in a different department each time where it can.
    Ideas suitable for the most departments are used four times."""
    by_breadth = sorted(IDEAS, key=lambda idea: -len(idea.departments))
    fours = TOTAL - 3 * len(IDEAS)
    uses = {idea.title: 4 if n < fours else 3 for n, idea in enumerate(by_breadth)}
    return [
        _Slot(idea, idea.departments[use % len(idea.departments)])
        for idea in IDEAS
        for use in range(uses[idea.title])
    ]


def _assign_statuses(rng: random.Random, slots: list[_Slot]) -> None:
    statuses = [status for status, count in STATUS_COUNTS.items() for _ in range(count)]
    rng.shuffle(statuses)
    for slot, status in zip(slots, statuses, strict=True):
        slot.status = status


def _people_in(department: str) -> list[str]:
    """Emails of the people in a department; else in its parent; else anyone."""
    key: str | None = department
    while key:
        people = [u.email for u in PEOPLE if u.department == key and u.email != EMPLOYEE_EMAIL]
        if people:
            return people
        key = DEPARTMENTS_BY_KEY[key].parent
    return [u.email for u in PEOPLE if u.email != EMPLOYEE_EMAIL]


def _assign_people(rng: random.Random, slots: list[_Slot]) -> None:
    """Owners from the experiment's department and sometimes a co-owner or two, some from
    other departments. The demo employee gets her own experiments explicitly."""
    employee_slots = [s for s in slots if s.department == "kotihoito"][: len(EMPLOYEE_STATUSES)]
    for slot, wanted in zip(employee_slots, EMPLOYEE_STATUSES, strict=True):
        if slot.status != wanted:
            other = next(s for s in slots if s.status == wanted and s not in employee_slots)
            other.status, slot.status = slot.status, wanted
        slot.owner = EMPLOYEE_EMAIL
    everyone = [u.email for u in PEOPLE if u.email != EMPLOYEE_EMAIL]
    for slot in slots:
        if not slot.owner:
            slot.owner = rng.choice(_people_in(slot.department))
        count = rng.choice((0, 0, 0, 1, 1, 1, 2))
        colleagues = [e for e in _people_in(slot.department) if e != slot.owner]
        chosen: list[str] = []
        for _ in range(count):
            pool = colleagues if colleagues and rng.random() < 0.5 else everyone
            candidates = [e for e in pool if e != slot.owner and e not in chosen]
            chosen.append(rng.choice(candidates))
        slot.co_owners = tuple(chosen)
    # ... and she is on a colleague's team in Services for Older People too.
    shared = next(
        s
        for s in slots
        if s.department in ("vanhus", "asumis") and s.status in ("running", "completed")
    )
    shared.co_owners = (EMPLOYEE_EMAIL, *shared.co_owners[:1])


# --- dates and numbers ------------------------------------------------------------------


def _day_between(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _moment(rng: random.Random, day: date) -> datetime:
    """A time during Finnish office hours (UTC+2/+3), in UTC."""
    return datetime.combine(day, time(rng.randint(5, 13), rng.randint(0, 59)), tzinfo=UTC)


def _later(rng: random.Random, moment: datetime, day: date) -> datetime:
    """A moment on `day`, but never before `moment` nor after LAST_DAY."""
    return max(moment, _moment(rng, min(day, LAST_DAY)))


def _cycle_dates(rng: random.Random, start: date, count: int) -> list[tuple[date, date]]:
    spans: list[tuple[date, date]] = []
    day = start
    for _ in range(count):
        length = rng.randint(21, 49)
        spans.append((day, day + timedelta(days=length)))
        day += timedelta(days=length + rng.randint(1, 10))
    if spans[-1][1] > LAST_DAY:  # squeeze the cycles in before the end of the demo period
        each = max(7, (LAST_DAY - start).days // count)
        spans = [
            (start + timedelta(days=n * each), start + timedelta(days=(n + 1) * each - 1))
            for n in range(count)
        ]
    return spans


def _is_whole(measure: MeasureIdea) -> bool:
    values = (measure.baseline, measure.target, measure.good, measure.poor)
    return all(float(v).is_integer() for v in values)


def _round(measure: MeasureIdea, value: float) -> float:
    return float(round(value)) if _is_whole(measure) else round(value, 1)


def _jitter(rng: random.Random, measure: MeasureIdea) -> MeasureIdea:
    """The same idea measured in another unit starts from a slightly different level."""
    if not measure.baseline:
        return measure
    step = max(1.0, round(abs(measure.baseline) * 0.05)) if _is_whole(measure) else 0.1
    delta = rng.choice((-2, -1, 0, 1, 2)) * step
    values = [v + delta for v in (measure.baseline, measure.target, measure.good, measure.poor)]
    ceiling = 5 if measure.unit == "1–5" else 100 if measure.unit == "%" else None
    if min(values) < 0 or (ceiling and max(values) > ceiling):
        return measure
    return MeasureIdea(measure.name, measure.unit, *(_round(measure, v) for v in values))


def _number(value: float, unit: str) -> str:
    text = str(int(value)) if float(value).is_integer() else f"{value:.1f}".replace(".", ",")
    return f"{text} {unit}".strip()


def _final_value(measure: MeasureIdea, outcome: str) -> float:
    if outcome == "solved":
        return measure.good
    if outcome == "partly_solved":
        return _round(measure, (measure.good + measure.baseline) / 2 + 0.01)
    return measure.poor


def _measures(
    rng: random.Random, idea: Idea, status: str, outcome: str | None
) -> tuple[list[MeasureIdea], list[MeasureSpec]]:
    """The idea's own measure first, then up to two common ones; results once measured."""
    count = {
        "draft": rng.choice((0, 0, 1)),
        "planned": rng.choice((1, 1, 2)),
        "abandoned": rng.choice((0, 1, 2)),
    }.get(status, rng.choice((1, 1, 2, 3)))
    extras = [m for m in EXTRA_MEASURES if m.name != idea.measure.name]
    chosen = [_jitter(rng, idea.measure), *rng.sample(extras, 2)][:count]
    specs = []
    for measure in chosen:
        result = None
        if status == "completed" and outcome:
            result = _final_value(measure, outcome)
        elif status == "checking":
            towards = measure.good if rng.random() < 0.7 else measure.poor
            share = rng.uniform(0.4, 0.9)
            result = _round(measure, measure.baseline + (towards - measure.baseline) * share)
        specs.append(
            MeasureSpec(measure.name, measure.unit, measure.baseline, measure.target, result)
        )
    return chosen, specs


# --- plan-do-check-act cycles -----------------------------------------------------------


def _check_note(measure: MeasureIdea | None, value: float | None, comment: str) -> str:
    if measure is None or value is None:
        return comment
    return (
        f"{measure.name}: {_number(value, measure.unit)} (lähtötaso "
        f"{_number(measure.baseline, measure.unit)}, tavoite "
        f"{_number(measure.target, measure.unit)}). {comment}"
    )


def _cycles(
    rng: random.Random,
    slot: _Slot,
    start: date,
    measure: tuple[MeasureIdea, MeasureSpec] | None,
    decision: str | None,
    abandon_reason: str,
) -> list[CycleSpec]:
    count = {
        "completed": rng.choice((1, 2, 2, 3)),
        "running": rng.choice((1, 1, 2, 3)),
        "checking": rng.choice((1, 2, 3)),
        "abandoned": rng.choice((0, 1)),
    }.get(slot.status, 0)
    if not count:
        return []
    count = min(count, max(1, (LAST_DAY - start).days // 28))
    first_step = slot.idea.plan.splitlines()[0].removeprefix("- ")
    # Each note at most once per experiment.
    plans, doings = rng.sample(LATER_PLANS, count), rng.sample(DOING, count)
    comments, adaptings = rng.sample(CHECK_COMMENTS, count), rng.sample(ADAPTING, count)
    cycles = []
    for number, (starts_on, ends_on) in enumerate(_cycle_dates(rng, start, count), start=1):
        weeks = max(1, (ends_on - starts_on).days // 7)
        last = number == count
        if number == 1:
            plan = f"Kokeillaan {weeks} viikkoa. {first_step}"
        else:
            plan = plans[number - 1].format(weeks=weeks)
        ongoing = last and slot.status == "running"
        do = rng.choice(RUNNING_NOW) if ongoing else doings[number - 1]
        value = None
        if measure and not ongoing:
            idea_measure, spec = measure
            final = spec.result if spec.result is not None else idea_measure.poor
            share = 1.0 if last else 0.5 * number / count
            value = _round(idea_measure, spec.baseline + (final - spec.baseline) * share)
        comment = comments[number - 1]
        check = "" if ongoing else _check_note(measure[0] if measure else None, value, comment)
        act, cycle_decision = adaptings[number - 1], "adapt"
        if last:
            if slot.status == "completed":
                act, cycle_decision = FINAL_ACTS[decision or "adopt"], decision
            elif slot.status == "abandoned":
                act, cycle_decision = f"Kokeilu keskeytettiin. {abandon_reason}", "abandon"
            else:  # still running or being checked
                act, cycle_decision = "", None
        cycles.append(CycleSpec(number, plan, do, check, act, starts_on, ends_on, cycle_decision))
    return cycles


def _ending(rng: random.Random, idea: Idea, outcome: str) -> tuple[str, str]:
    """The result and learning for a completed experiment: failures teach too."""
    if outcome == "solved":
        return idea.success
    if outcome == "partly_solved":
        return f"{idea.success[0]} {rng.choice(PARTLY)}", idea.success[1]
    result, learning = idea.failure
    if outcome == "inconclusive":
        return f"{result} {rng.choice(INCONCLUSIVE)}", learning
    if outcome == "needs_more_work":
        return f"{result} {rng.choice(NEEDS_MORE)}", learning
    return result, learning


# --- the experiments ----------------------------------------------------------------------


def _title(rng: random.Random, slot: _Slot, day: date, taken: set[str]) -> str:
    """The idea's title with the department, and sometimes the season, to tell them apart."""
    base = f"{slot.idea.title} – {DEPARTMENTS_BY_KEY[slot.department].name_fi}"
    season = f"{base} ({SEASONS[day.month]} {day.year})"
    candidates = [season, base] if rng.random() < 0.2 else [base, season]
    candidates += [f"{base} – jatkokokeilu {n}" for n in range(2, 10)]
    title = next(t for t in candidates if t not in taken)
    taken.add(title)
    return title


def _departments(slot: _Slot) -> tuple[str, ...]:
    """The experiment's own department, and those its owner and co-owners bring along."""
    by_email = {u.email: u.department for u in USERS}
    people = (slot.owner, *slot.co_owners)
    return tuple(dict.fromkeys((slot.department, *(by_email[e] for e in people))))


def _experiment(
    rng: random.Random, slot: _Slot, outcome: str | None, taken: set[str]
) -> ExperimentSpec:
    idea, status = slot.idea, slot.status
    created_day = _day_between(rng, *CREATED_BETWEEN[status])
    created_at = _moment(rng, created_day)
    decision = rng.choice(DECISIONS_BY_OUTCOME[outcome]) if outcome else None
    abandon_reason = rng.choice(ABANDON_REASONS) if status == "abandoned" else ""
    chosen, measures = _measures(rng, idea, status, outcome)
    first = (chosen[0], measures[0]) if measures else None
    start = created_day + timedelta(days=rng.randint(3, 21))
    cycles = _cycles(rng, slot, start, first, decision, abandon_reason)
    if status in ("running", "checking"):
        # The current cycle is under way (or just ended) at the end of the demo period, and
        # the experiment was logged a little before its first cycle.
        before_end = rng.randint(0, 10) if status == "running" else rng.randint(3, 40)
        shift = LAST_DAY - timedelta(days=before_end) - (cycles[-1].ends_on or LAST_DAY)
        cycles = [
            replace(c, starts_on=c.starts_on + shift, ends_on=(c.ends_on or LAST_DAY) + shift)
            for c in cycles
        ]
        created_day = cycles[0].starts_on - timedelta(days=rng.randint(3, 21))
        created_at = _moment(rng, created_day)
    result = learning = ""
    if outcome:
        result, learning = _ending(rng, idea, outcome)
    hypothesis, plan = idea.hypothesis, idea.plan
    groups, channels = idea.groups, idea.channels
    if status == "draft":  # a draft may be just a title and a problem so far
        hypothesis = hypothesis if rng.random() < 0.5 else ""
        plan = plan if hypothesis and rng.random() < 0.6 else ""
        if rng.random() < 0.4:
            groups, channels = (), ()
    completed_at = None
    last_day = cycles[-1].ends_on or cycles[-1].starts_on if cycles else created_day
    if status == "completed":
        completed_at = _later(rng, created_at, last_day + timedelta(days=rng.randint(1, 10)))
        updated_at = _later(rng, completed_at, completed_at.date() + timedelta(rng.randint(0, 9)))
    elif status == "running":
        updated_at = _later(rng, created_at, _day_between(rng, cycles[-1].starts_on, LAST_DAY))
    elif status == "checking":
        updated_at = _later(rng, created_at, _day_between(rng, last_day, LAST_DAY))
    elif status == "abandoned":
        days = rng.randint(1, 10) if cycles else rng.randint(14, 90)
        updated_at = _later(rng, created_at, last_day + timedelta(days=days))
    else:
        updated_at = _later(rng, created_at, created_day + timedelta(days=rng.randint(0, 30)))
    return ExperimentSpec(
        title=_title(rng, slot, created_day, taken),
        owner=slot.owner,
        co_owners=slot.co_owners,
        departments=_departments(slot),
        themes=idea.themes,
        customer_groups=tuple(GROUP_NAMES[key] for key in groups),
        channels=channels,
        problem=idea.problem,
        hypothesis=hypothesis,
        plan=plan,
        status=status,
        abandon_reason=abandon_reason,
        result=result,
        outcome=outcome,
        learning=learning,
        decision=decision,
        created_at=created_at,
        updated_at=updated_at,
        completed_at=completed_at,
        measures=tuple(measures),
        cycles=tuple(cycles),
    )


@functools.cache
def build_experiments() -> tuple[ExperimentSpec, ...]:
    """About 150 experiments from the ideas, oldest first; the same on every call."""
    rng = random.Random(SEED)
    slots = _slots()
    _assign_statuses(rng, slots)
    _assign_people(rng, slots)
    outcomes = [outcome for outcome, count in OUTCOME_COUNTS.items() for _ in range(count)]
    rng.shuffle(outcomes)
    if len(outcomes) != Counter(s.status for s in slots)["completed"]:
        raise ValueError("OUTCOME_COUNTS must add up to the completed experiments")
    taken: set[str] = set()
    specs = [
        _experiment(rng, slot, outcomes.pop() if slot.status == "completed" else None, taken)
        for slot in slots
    ]
    return tuple(sorted(specs, key=lambda spec: spec.created_at))
