"""Demo customer feedback surveys with before/after answers on three demo experiments: a callback
system at the health centre (satisfaction 3.1 -> 4.2), a service promise at the swimming hall
(3.7 -> 3.8, no clear difference) and principles for customer encounters at the dental clinic
(its "after" period still open). Deterministic: answers come from fixed distributions, shuffled
with a seeded generator. Tokens are random, so that no demo address can be guessed."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from app.experiments.tables import Experiment, Measure
from app.surveys.masking import mask_personal_data
from app.surveys.service import new_token
from app.surveys.tables import Survey, SurveyAnswer
from app.surveys.vocabulary import DEFAULT_QUESTION

SEED = 7007


@dataclass(frozen=True)
class Period:
    opened: datetime
    closed: datetime | None  # None: still open
    counts: dict[int, int]  # score -> answers


@dataclass(frozen=True)
class DemoSurvey:
    experiment_title: str
    measure_name: str
    new_measure: tuple[str, float, float, float] | None  # unit, baseline, target, result
    before: Period
    after: Period | None
    comments: tuple[tuple[str, int, str], ...]  # period, score, text
    second: tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]] | None = None


def _at(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 9, 0, tzinfo=UTC)


SURVEYS = (
    DemoSurvey(
        "Takaisinsoitto aamun ruuhkatunneille – Terveysasema",
        "Asiakastyytyväisyys (asiakaskysely)",
        ("1–5", 3.1, 4.0, 4.2),
        Period(_at(2025, 5, 19), _at(2025, 6, 2), {1: 6, 2: 12, 3: 20, 4: 14, 5: 8}),  # 3.1
        Period(_at(2025, 7, 14), _at(2025, 8, 1), {1: 1, 2: 3, 3: 9, 4: 25, 5: 32}),  # 4.2
        (
            (
                "before",
                1,
                "Soitin neljä kertaa ennen kuin pääsin läpi. Soita minulle 040 123 4567.",
            ),
            ("before", 2, "Jonotin puhelimessa 25 minuuttia, ja puhelu katkesi."),
            ("before", 3, "Asia hoitui, mutta aamulla ei pääse läpi millään."),
            ("before", 2, "Lapsi oli kipeä, ja jouduin soittamaan töistä monta kertaa."),
            ("after", 5, "Hoitaja soitti takaisin puolessa tunnissa. Tosi hyvä!"),
            ("after", 4, "Takaisinsoitto toimi, vaikka tuli vähän myöhemmin kuin luvattiin."),
            ("after", 5, "Ei tarvinnut jonottaa. Kiitos!"),
            ("after", 3, "Hyvä idea, mutta kerro tekstiviestillä, milloin soitatte."),
        ),
        (
            "Saitko asiasi hoidettua samana päivänä?",
            ("Kyllä", "Osittain", "En"),
            ("Ja", "Delvis", "Nej"),
            ("Yes", "Partly", "No"),
        ),
    ),
    DemoSurvey(
        "Palvelulupaus näkyviin asiakkaille – Uimahalli (talvi 2025)",
        "Asiakastyytyväisyys",
        None,
        Period(_at(2025, 2, 3), _at(2025, 2, 21), {1: 2, 2: 4, 3: 8, 4: 16, 5: 10}),  # 3.7
        Period(_at(2025, 4, 7), _at(2025, 4, 25), {1: 2, 2: 4, 3: 8, 4: 18, 5: 13}),  # 3.8
        (
            ("before", 3, "Kassalla ei tiedetty, milloin allas aukeaa remontin jälkeen."),
            ("before", 4, "Ystävällinen henkilökunta."),
            ("after", 2, "Lupauksessa sanotaan vastaus päivässä, sain vastauksen viikon päästä."),
            ("after", 5, "Hyvä, että aukioloajat ja lupaus ovat nyt esillä."),
        ),
    ),
    DemoSurvey(
        "Huoneentaulu asiakaskohtaamisesta – Suun terveydenhuolto",
        "Asiakkaiden arvio ystävällisyydestä",
        None,
        Period(_at(2026, 9, 1), _at(2026, 9, 30), {1: 1, 2: 3, 3: 9, 4: 11, 5: 6}),  # 3.6
        Period(_at(2026, 11, 2), None, {3: 1, 4: 4, 5: 3}),  # still collecting
        (
            ("before", 2, "Vastaanotossa ei tervehditty, tuntui että olin vaivaksi."),
            ("before", 4, "Hammashoitaja selitti hyvin, mitä tehdään."),
            (
                "after",
                5,
                "Tosi mukava vastaanotto, kiitos! Olen tavoitettavissa maija.k@example.fi",
            ),
            ("after", 4, "Aula oli ystävällisempi kuin viimeksi."),
        ),
    ),
)


async def load_demo_surveys() -> None:
    """Add the demo surveys (once: an experiment that already has a survey is skipped).
    Call inside the demo loader's write transaction."""
    rng = random.Random(SEED)
    for spec in SURVEYS:
        experiment = (
            await Experiment.select(Experiment.id, Experiment.owner)
            .where(Experiment.title == spec.experiment_title)
            .first()
        )
        if experiment is None or await Survey.exists().where(Survey.experiment == experiment["id"]):
            continue
        measure_id = await _measure(experiment["id"], spec)
        survey_id = await _survey(experiment, measure_id, spec)
        await SurveyAnswer.insert(*_answers(rng, survey_id, spec))


async def _measure(experiment_id: int, spec: DemoSurvey) -> int:
    if spec.new_measure is not None:
        unit, baseline, target, result = spec.new_measure
        count = await Measure.count().where(Measure.experiment == experiment_id)
        rows = await Measure.insert(
            Measure(
                experiment=experiment_id,
                name=spec.measure_name,
                unit=unit,
                baseline=baseline,
                target=target,
                result=result,
                position=count,
            )
        )
        return rows[0]["id"]
    row = (
        await Measure.select(Measure.id)
        .where((Measure.experiment == experiment_id) & (Measure.name == spec.measure_name))
        .first()
    )
    return row["id"]


async def _survey(experiment: dict, measure_id: int, spec: DemoSurvey) -> int:
    after = spec.after
    second = {}
    if spec.second:
        question, fi, sv, en = spec.second
        second = {
            "second_kind": "choice",
            "second_question_fi": question,
            "second_question_sv": "Fick du ditt ärende skött samma dag?",
            "second_question_en": "Did you get your matter handled on the same day?",
            "second_choices_fi": "\n".join(fi),
            "second_choices_sv": "\n".join(sv),
            "second_choices_en": "\n".join(en),
        }
    open_period = "after" if after and after.closed is None else None
    rows = await Survey.insert(
        Survey(
            experiment=experiment["id"],
            measure=measure_id,
            token=new_token(),
            kiosk_token=new_token(),
            question_fi=DEFAULT_QUESTION["fi"],
            question_sv=DEFAULT_QUESTION["sv"],
            question_en=DEFAULT_QUESTION["en"],
            allow_comment=True,
            open_period=open_period,
            before_opened_at=spec.before.opened,
            before_closed_at=spec.before.closed,
            after_opened_at=after.opened if after else None,
            after_closed_at=after.closed if after else None,
            created_by=experiment["owner"],
            created_at=spec.before.opened - timedelta(days=3),
            updated_at=(after.opened if after else spec.before.opened),
            **second,
        )
    )
    return rows[0]["id"]


def _answers(rng: random.Random, survey_id: int, spec: DemoSurvey) -> list[SurveyAnswer]:
    rows: list[SurveyAnswer] = []
    periods = [("before", spec.before)] + ([("after", spec.after)] if spec.after else [])
    for name, period in periods:
        scores = [score for score, count in sorted(period.counts.items()) for _ in range(count)]
        rng.shuffle(scores)
        comments = [(score, text) for p, score, text in spec.comments if p == name]
        end = period.closed or datetime.now(UTC) - timedelta(hours=1)
        span = max((end - period.opened).total_seconds(), 3600)
        # Comments go with answers of the same score, so that the numbers stay as planned.
        for number, score in enumerate(scores):
            comment = None
            for index, (comment_score, text) in enumerate(comments):
                if comment_score == score:
                    comment = mask_personal_data(text)
                    comments.pop(index)
                    break
            second = (
                rng.choices((1, 2, 3), weights=(score, 2, 6 - score))[0] if spec.second else None
            )
            rows.append(
                SurveyAnswer(
                    survey=survey_id,
                    period=name,
                    score=score,
                    second_value=second,
                    comment=comment,
                    language=rng.choices(("fi", "sv", "en"), weights=(90, 7, 3))[0],
                    channel=rng.choices(("qr", "link", "kiosk"), weights=(5, 2, 3))[0],
                    submission_id=f"demo-{survey_id}-{name}-{number:04d}",
                    created_at=period.opened
                    + timedelta(seconds=span * (number + 0.5) / len(scores)),
                )
            )
    return rows
