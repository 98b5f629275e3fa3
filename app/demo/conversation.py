"""Demo comments, kudos ("kiitos") and notifications on the demo city's shared experiments:
colleagues ask, encourage and thank; the demo employee has a few unread notifications."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

from app.accounts.tables import User
from app.conversation.tables import Comment, Kudos, Notification
from app.demo.content import EMPLOYEE_EMAIL, LEAD_EMAIL
from app.demo.experiment_builder import LAST_DAY
from app.experiments.tables import Experiment, ExperimentCoOwner

SEED = 5005
# The demo clock: nothing happens after the demo's last day.
DEMO_NOW = datetime(LAST_DAY.year, LAST_DAY.month, LAST_DAY.day, 16, 0, tzinfo=UTC)
UNREAD_FOR_EMPLOYEE = 4

COMMENTS = (
    "Tosi hyvä idea! Meillä on sama ongelma asiakaspalvelussa – saisimmeko kokeilla samaa "
    "ensi kuussa?",
    "Miten mittasitte asiakastyytyväisyyttä ennen kokeilua? Olisi kiva verrata meidän lukuihin.",
    "Kiitos, että kirjasitte myös sen, mikä ei toiminut. Siitä oppii eniten.",
    "Voisiko kokeilun laajentaa myös iltapäivävuoroon? Silloin jonot ovat pisimmillään.",
    "Kysyimme samaa asukasraadissa keväällä: **odotusaika** oli asiakkaiden suurin huoli.",
    "Hienoa, että otitte asiakkaat mukaan suunnitteluun heti alussa.",
    "Kertokaa tuloksista myös seuraavassa työpajassa – tämä kiinnostaa monia yksiköitä.",
    "Olisiko kirjeestä mahdollista tehdä selkokielinen versio? Voin auttaa, olen tehnyt "
    "niitä aiemmin.",
    "Toimiiko tämä myös ruotsinkielisille asiakkaille? Käännösapua saa viestinnästä.",
    "Meillä kotihoidossa vastaava muutos vähensi puheluita noin kolmanneksella.",
    "Hyvä hypoteesi. Ehdotan, että mittaatte myös sitä, miten henkilöstö kokee kuormituksen.",
    "Tästä voisi tehdä pysyvän käytännön. Mitä tarvitsisitte esihenkilöiltä?",
    "Kokeilin samaa omassa tiimissä – asiakkaat kiittelivät erityisesti tekstiviestimuistutusta.",
    "Entä asiakkaat, jotka eivät käytä sähköisiä palveluja? Heidät kannattaa huomioida "
    "mittareissa.",
    "Moka on lahja: tämä oppi säästää muilta monta viikkoa työtä.",
    "Voisitteko jakaa käyttämänne palautelomakkeen? Haluaisimme kokeilla sitä nuorisotiloilla.",
    "Sopii hyvin strategian teemaan hiljaisten asiakkaiden mukaan ottamisesta.",
    "Kuinka pitkään kokeilu on tarkoitus pitää käynnissä ennen arviointia?",
    "Seuraavassa syklissä voisi kokeilla lyhyempää lomaketta – kolme kysymystä riittäisi.",
    "Kävin katsomassa tätä paikan päällä, ja asiakkaat olivat tyytyväisiä. Hyvä meininki!",
    "Löytyisikö tähän kumppani järjestöistä? Esimerkiksi eläkeläisjärjestöt auttavat mielellään.",
    "Mikä oli suurin yllätys kokeilun aikana?",
)
COACH_COMMENTS = (
    "Hyvä alku! Kirjatkaa vielä mittari, jolla näette, muuttuiko asiakkaan tilanne.",
    "Muistakaa tarkistaa tulokset ennen seuraavaa työpajaa – esittelemme ne yhdessä.",
    "Tämä on hieno esimerkki pienestä askeleesta. Mitä kokeilisitte seuraavaksi?",
    "Kirjatkaa myös oppi, vaikka tulos jäisi vaatimattomaksi. Se on arvokas muille.",
)
KUDOS_MESSAGES = (
    "Kiitos rohkeasta kokeilusta!",
    "Tästä saimme idean omaan yksikköömme. Kiitos!",
    "Upeaa asiakaslähtöisyyttä.",
    "Kiitos, että jaoitte myös epäonnistumiset.",
    "Selkeä ja hyvin mitattu kokeilu – mallia muille!",
    "Asiakkaat huomasivat muutoksen heti. Kiitos!",
    "Hienoa yhteistyötä yli yksikkörajojen.",
    "Inspiroiva esimerkki työpajassa.",
    "Kiitos sinnikkyydestä!",
    "Tämä helpotti myös meidän työtämme.",
    "",
)


async def load_conversation() -> None:
    """Add the demo conversation once: a database that already has comments or kudos is
    left as it is. Call inside the demo's write transaction, after the experiments."""
    if await Comment.count() or await Kudos.count():
        return
    experiments = (
        await Experiment.select(
            Experiment.id, Experiment.owner, Experiment.created_at, Experiment.title
        )
        .where((Experiment.status != "draft") & Experiment.deleted_at.is_null())
        .order_by(Experiment.created_at)
        .order_by(Experiment.title)
    )
    people = await User.select(User.id, User.email).where(User.active.eq(True)).order_by(User.email)
    if not experiments or len(people) < 3:
        return
    by_email = {row["email"]: row["id"] for row in people}
    employee_id = by_email.get(EMPLOYEE_EMAIL)
    coach_id = by_email.get(LEAD_EMAIL)
    team: dict[int, set[int]] = {}
    for row in await ExperimentCoOwner.select(ExperimentCoOwner.experiment, ExperimentCoOwner.user):
        team.setdefault(row["experiment"], set()).add(row["user"])
    rng = random.Random(SEED)
    notifications: list[dict[str, Any]] = []
    for experiment in experiments:
        owners = {experiment["owner"], *team.get(experiment["id"], set())}
        featured = experiment["owner"] == employee_id  # the demo employee's always get some
        if not (featured or rng.random() < 0.5):
            continue
        others = [row["id"] for row in people if row["id"] not in owners]
        start = experiment["created_at"]
        await _comments(rng, experiment["id"], owners, others, coach_id, start, notifications)
        await _kudos(rng, experiment["id"], owners, others, start, notifications, featured)
    await _notifications(notifications, employee_id)


def _moment(rng: random.Random, after: datetime) -> datetime:
    """A working-day moment 1–40 days later (06–13 UTC is 8–16 in Finland), never after the
    demo's last day."""
    day = after + timedelta(days=rng.randint(1, 40))
    moment = day.replace(hour=rng.randint(6, 12), minute=rng.randint(0, 59), second=0)
    latest = DEMO_NOW - timedelta(minutes=rng.randint(5, 300))
    return moment if moment <= latest else latest


async def _comments(rng, experiment_id, owners, others, coach_id, start, notifications) -> None:
    authors = rng.sample(others, k=min(len(others), rng.randint(1, 3)))
    if coach_id in others and rng.random() < 0.3:
        authors.append(coach_id)
    when = start
    for author in authors:
        when = _moment(rng, when)
        text = rng.choice(COACH_COMMENTS if author == coach_id else COMMENTS)
        comment = Comment(
            experiment=experiment_id, author=author, body=text, created_at=when, updated_at=when
        )
        await comment.save()
        notifications += [
            {"recipient": owner, "kind": "comment", "experiment": experiment_id, "actor": author,
             "comment": comment.id, "created_at": when}
            for owner in owners
        ]  # fmt: skip


async def _kudos(rng, experiment_id, owners, others, start, notifications, featured) -> None:
    if not (featured or rng.random() < 0.7):
        return
    givers = rng.sample(others, k=min(len(others), rng.randint(1, 5)))
    for giver in givers:
        when = _moment(rng, start)
        kudos = Kudos(
            experiment=experiment_id,
            giver=giver,
            message=rng.choice(KUDOS_MESSAGES),
            created_at=when,
        )
        await kudos.save()
        notifications += [
            {"recipient": owner, "kind": "kudos", "experiment": experiment_id, "actor": giver,
             "kudos": kudos.id, "created_at": when}
            for owner in owners
        ]  # fmt: skip


async def _notifications(rows: list[dict[str, Any]], employee_id: int | None) -> None:
    """Everything is read a day later, except the demo employee's newest few."""
    rows.sort(key=lambda row: (row["created_at"], row["experiment"], row["actor"]))
    employee_rows = [row for row in rows if row["recipient"] == employee_id]
    unread = {id(row) for row in employee_rows[-UNREAD_FOR_EMPLOYEE:]}
    if rows:
        await Notification.insert(
            *(
                Notification(
                    **row,
                    read_at=None
                    if id(row) in unread
                    else min(row["created_at"] + timedelta(days=1), DEMO_NOW),
                )
                for row in rows
            )
        )
