"""Customer feedback surveys: the owner's writes (create, edit, periods, revoke, delete, copy the
means to the measure), the results of an experiment's surveys, and customers' answers."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from piccolo.query.functions.aggregate import Count, Sum

from app import db, policies
from app.audit import service as audit
from app.cohorts.access import led_cohort_ids
from app.experiments import service as experiments
from app.experiments.tables import Experiment, ExperimentCoOwner, Measure
from app.i18n import N_
from app.service_errors import ConflictError, FieldErrors, Forbidden, NotFound
from app.surveys import group_commit, limits, stats
from app.surveys.masking import mask_personal_data
from app.surveys.policies import can_manage_survey, can_read_survey_comments
from app.surveys.schemas import choice_lines
from app.surveys.tables import Survey, SurveyAnswer, SurveyRefusal

OBJECT_TYPE = "survey"
TOKEN_BYTES = 18  # 24 URL-safe characters, 144 bits; the logs redact paths with 24+ of them
COMMENTS_SHOWN = 100
EDITABLE = (
    "measure",
    "question_fi",
    "question_sv",
    "question_en",
    "second_kind",
    "second_question_fi",
    "second_question_sv",
    "second_question_en",
    "second_choices_fi",
    "second_choices_sv",
    "second_choices_en",
    "allow_comment",
)


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


# --- access -----------------------------------------------------------------------------


@dataclass
class Access:
    experiment: dict[str, Any]
    co_owner_ids: set[int]
    can_manage: bool
    can_read_comments: bool


async def access(user: policies.Actor, experiment_id: int, *, manage: bool = False) -> Access:
    """NotFound if the user may not see the experiment; Forbidden if `manage` and they may not
    change its surveys."""
    row = (
        await Experiment.select(
            Experiment.id,
            Experiment.title,
            Experiment.owner,
            Experiment.status,
            Experiment.cohort,
            Experiment.deleted_at,
        )
        .where(Experiment.id == experiment_id)
        .first()
    )
    if row is None:
        raise NotFound
    co_owner_ids = {
        item["user"]
        for item in await ExperimentCoOwner.select(ExperimentCoOwner.user).where(
            ExperimentCoOwner.experiment == experiment_id
        )
    }
    led = await led_cohort_ids(user)
    if not policies.can_view_experiment(user, row, co_owner_ids, led):
        raise NotFound
    can_manage = can_manage_survey(user, row, co_owner_ids) and row["deleted_at"] is None
    if manage and not can_manage:
        raise Forbidden
    can_read = can_read_survey_comments(user, row, co_owner_ids, led)
    return Access(row, co_owner_ids, can_manage, can_read)


async def _survey(experiment_id: int, survey_id: int) -> dict[str, Any]:
    row = (
        await Survey.select()
        .where(
            (Survey.id == survey_id)
            & (Survey.experiment == experiment_id)
            & Survey.deleted_at.is_null()
        )
        .first()
    )
    if row is None:
        raise NotFound
    return row


async def get_survey(user: policies.Actor, experiment_id: int, survey_id: int) -> dict[str, Any]:
    await access(user, experiment_id)
    return await _survey(experiment_id, survey_id)


async def measures_of(experiment_id: int) -> list[dict[str, Any]]:
    return (
        await Measure.select(
            Measure.id,
            Measure.name,
            Measure.unit,
            Measure.baseline,
            Measure.result,
            Measure.version,
        )
        .where(Measure.experiment == experiment_id)
        .order_by(Measure.position)
        .order_by(Measure.id)
    )


async def _check_measure(experiment_id: int, measure_id: int | None) -> None:
    if measure_id is None:
        raise FieldErrors({"measure": N_("Choose the measure the survey feeds.")})
    found = await Measure.exists().where(
        (Measure.id == measure_id) & (Measure.experiment == experiment_id)
    )
    if not found:
        raise FieldErrors({"measure": N_("Choose one of the options.")})


# --- the owner's writes -----------------------------------------------------------------


async def create(user: policies.Actor, experiment_id: int, values: dict[str, Any]) -> int:
    async with db.write_transaction():
        await access(user, experiment_id, manage=True)
        await _check_measure(experiment_id, values.get("measure"))
        survey = Survey(
            experiment=experiment_id,
            token=new_token(),
            kiosk_token=new_token(),
            created_by=user.id,
            **{name: values[name] for name in EDITABLE},
        )
        return await audit.audited_insert(
            survey, object_type=OBJECT_TYPE, actor_id=user.id, after=values
        )


async def update(
    user: policies.Actor, experiment_id: int, survey_id: int, version: int, values: dict[str, Any]
) -> None:
    async with db.write_transaction():
        await access(user, experiment_id, manage=True)
        current = await _survey(experiment_id, survey_id)
        await _check_measure(experiment_id, values.get("measure"))
        await audit.audited_update(
            Survey,
            current,
            version,
            {name: values[name] for name in EDITABLE},
            object_type=OBJECT_TYPE,
            actor_id=user.id,
        )


def period_change(current: dict[str, Any], action: str, now: datetime) -> dict[str, Any]:
    """The new period columns for "open_before", "open_after" or "close"; FieldErrors if the
    step is not possible. Opening "after" closes "before"; "before" cannot reopen once
    "after" has started (the comparison would mix the two)."""
    open_period = current["open_period"]
    if action == "close":
        if open_period is None:
            raise FieldErrors({"action": N_("No collection period is open.")})
        return {"open_period": None, f"{open_period}_closed_at": now}
    period = action.removeprefix("open_")
    if open_period == period:
        raise FieldErrors({"action": N_("This period is already open.")})
    if period == "before" and current["after_opened_at"] is not None:
        raise FieldErrors(
            {"action": N_("The “before” period cannot be reopened after the “after” period.")}
        )
    values: dict[str, Any] = {"open_period": period, f"{period}_opened_at": now}
    if current[f"{period}_opened_at"] is not None:
        values.pop(f"{period}_opened_at")  # reopening continues the same period
        values[f"{period}_closed_at"] = None
    if open_period is not None:
        values[f"{open_period}_closed_at"] = now
    return values


async def change_period(
    user: policies.Actor, experiment_id: int, survey_id: int, version: int, action: str
) -> None:
    async with db.write_transaction():
        await access(user, experiment_id, manage=True)
        current = await _survey(experiment_id, survey_id)
        values = period_change(current, action, datetime.now(UTC))
        await audit.audited_update(
            Survey,
            current,
            version,
            values,
            object_type=OBJECT_TYPE,
            actor_id=user.id,
            action=action,
        )


async def revoke(user: policies.Actor, experiment_id: int, survey_id: int, version: int) -> None:
    """New link, QR code and kiosk addresses: the old ones answer 404 from now on."""
    async with db.write_transaction():
        await access(user, experiment_id, manage=True)
        current = await _survey(experiment_id, survey_id)
        if not await db.update_versioned(
            Survey, survey_id, version, {"token": new_token(), "kiosk_token": new_token()}
        ):
            raise ConflictError(current)
        await audit.record(
            actor_id=user.id, action="revoke", object_type=OBJECT_TYPE, object_id=survey_id
        )


async def delete(user: policies.Actor, experiment_id: int, survey_id: int) -> None:
    """Soft delete: the public addresses stop working; answers stay in the database."""
    async with db.write_transaction():
        await access(user, experiment_id, manage=True)
        await _survey(experiment_id, survey_id)
        now = datetime.now(UTC)
        await Survey.update(deleted_at=now, open_period=None, updated_at=now).where(
            Survey.id == survey_id
        )
        await audit.record(
            actor_id=user.id, action="delete", object_type=OBJECT_TYPE, object_id=survey_id
        )


async def apply_to_measure(
    user: policies.Actor, experiment_id: int, survey_id: int, measure_version: int
) -> dict[str, float]:
    """Replace the measure's baseline and result by the survey's means (rounded to 0.01),
    through the experiment's own versioned, audited measure update."""
    await access(user, experiment_id, manage=True)
    survey = await _survey(experiment_id, survey_id)
    if survey["measure"] is None:
        raise FieldErrors({"measure_version": N_("Choose the measure the survey feeds.")})
    summaries = (await results_for([survey_id]))[survey_id]
    values = {
        column: round(summaries[period].mean, 2)
        for column, period in (("baseline", "before"), ("result", "after"))
        if summaries[period].mean is not None
    }
    if not values:
        raise FieldErrors({"measure_version": N_("There are no answers yet.")})
    await experiments.save_measure(user, experiment_id, values, survey["measure"], measure_version)
    return values


# --- results ----------------------------------------------------------------------------


async def results_for(survey_ids: list[int]) -> dict[int, dict[str, stats.Summary]]:
    """Before and after summaries of each survey, from one aggregate query."""
    counts: dict[int, dict[str, dict[int, int]]] = {
        survey_id: {"before": {}, "after": {}} for survey_id in survey_ids
    }
    if survey_ids:
        rows = (
            await SurveyAnswer.select(
                SurveyAnswer.survey,
                SurveyAnswer.period,
                SurveyAnswer.score,
                Count(alias="n"),
            )
            .where(SurveyAnswer.survey.is_in(survey_ids))
            .group_by(SurveyAnswer.survey, SurveyAnswer.period, SurveyAnswer.score)
        )
        for row in rows:
            counts[row["survey"]].setdefault(row["period"], {})[row["score"]] = row["n"]
    return {
        survey_id: {
            period: stats.summarise_counts(by_score) for period, by_score in periods.items()
        }
        for survey_id, periods in counts.items()
    }


@dataclass
class SurveyResults:
    row: dict[str, Any]
    before: stats.Summary
    after: stats.Summary
    comparison: stats.Comparison
    second: dict[str, dict[int, int]] = field(default_factory=dict)
    refusals: dict[str, int] = field(default_factory=dict)
    comments: list[dict[str, Any]] = field(default_factory=list)

    @property
    def second_options(self) -> list[tuple[int, str]]:
        """(value, Finnish label) of the second question's answers, for the owner's table."""
        if self.row["second_kind"] == "scale":
            return [(score, str(score)) for score in stats.SCORES]
        if self.row["second_kind"] == "choice":
            return list(enumerate(choice_lines(self.row["second_choices_fi"]), start=1))
        return []


@dataclass
class Panel:
    access: Access
    measures: list[dict[str, Any]]
    surveys: list[SurveyResults]
    retention_cutoff: datetime

    def measure(self, measure_id: int | None) -> dict[str, Any] | None:
        return next((m for m in self.measures if m["id"] == measure_id), None)


def retention_cutoff(months: int, now: datetime | None = None) -> datetime:
    """The moment `months` calendar months ago: comments older than this are deleted."""
    now = now or datetime.now(UTC)
    month_index = now.year * 12 + now.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    day = min(now.day, _days_in_month(year, month))
    return now.replace(year=year, month=month, day=day)


def _days_in_month(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - date(year, month, 1)).days


async def panel(user: policies.Actor, experiment_id: int, retention_months: int) -> Panel:
    """Everything the experiment page shows about its surveys, in a fixed number of queries."""
    granted = await access(user, experiment_id)
    surveys = (
        await Survey.select()
        .where((Survey.experiment == experiment_id) & Survey.deleted_at.is_null())
        .order_by(Survey.id)
    )
    ids = [row["id"] for row in surveys]
    summaries = await results_for(ids)
    second: dict[int, dict[str, dict[int, int]]] = {survey_id: {} for survey_id in ids}
    refusals: dict[int, dict[str, int]] = {survey_id: {} for survey_id in ids}
    comments: dict[int, list[dict[str, Any]]] = {survey_id: [] for survey_id in ids}
    cutoff = retention_cutoff(retention_months)
    if ids:
        for row in (
            await SurveyAnswer.select(
                SurveyAnswer.survey,
                SurveyAnswer.period,
                SurveyAnswer.second_value,
                Count(alias="n"),
            )
            .where(SurveyAnswer.survey.is_in(ids) & SurveyAnswer.second_value.is_not_null())
            .group_by(SurveyAnswer.survey, SurveyAnswer.period, SurveyAnswer.second_value)
        ):
            second[row["survey"]].setdefault(row["period"], {})[row["second_value"]] = row["n"]
        for row in (
            await SurveyRefusal.select(
                SurveyRefusal.survey,
                SurveyRefusal.reason,
                Sum(SurveyRefusal.count, alias="n"),
            )
            .where(SurveyRefusal.survey.is_in(ids))
            .group_by(SurveyRefusal.survey, SurveyRefusal.reason)
        ):
            refusals[row["survey"]][row["reason"]] = int(row["n"])
        if granted.can_read_comments:
            for row in (
                await SurveyAnswer.select(
                    SurveyAnswer.survey,
                    SurveyAnswer.period,
                    SurveyAnswer.score,
                    SurveyAnswer.comment,
                    SurveyAnswer.created_at,
                )
                .where(
                    SurveyAnswer.survey.is_in(ids)
                    & SurveyAnswer.comment.is_not_null()
                    & (SurveyAnswer.comment != "")
                    & (SurveyAnswer.created_at >= cutoff)
                )
                .order_by(SurveyAnswer.created_at, ascending=False)
                .limit(COMMENTS_SHOWN * max(1, len(ids)))
            ):
                if len(comments[row["survey"]]) < COMMENTS_SHOWN:
                    comments[row["survey"]].append(row)
    results = [
        SurveyResults(
            row=row,
            before=summaries[row["id"]]["before"],
            after=summaries[row["id"]]["after"],
            comparison=stats.compare(summaries[row["id"]]["before"], summaries[row["id"]]["after"]),
            second=second[row["id"]],
            refusals=refusals[row["id"]],
            comments=comments[row["id"]],
        )
        for row in surveys
    ]
    return Panel(granted, await measures_of(experiment_id), results, cutoff)


# --- retention --------------------------------------------------------------------------


async def purge_comments(retention_months: int, now: datetime | None = None) -> int:
    """Delete the comments older than the retention period; the numbers stay. Returns how many."""
    cutoff = retention_cutoff(retention_months, now)
    async with db.write_transaction():
        rows = (
            await SurveyAnswer.update(comment=None)
            .where(SurveyAnswer.comment.is_not_null() & (SurveyAnswer.created_at < cutoff))
            .returning(SurveyAnswer.id)
        )
    return len(rows)


# --- the public side --------------------------------------------------------------------


async def public_survey(token: str, *, kiosk: bool = False) -> dict[str, Any]:
    """A live survey by its public (or kiosk) token, else NotFound: revoked, deleted, or its
    experiment deleted. Only what the public page needs."""
    column = Survey.kiosk_token if kiosk else Survey.token
    row = (
        await Survey.select(
            Survey.id,
            Survey.token,
            Survey.kiosk_token,
            Survey.open_period,
            Survey.allow_comment,
            Survey.second_kind,
            *(
                getattr(Survey, f"{name}_{language}")
                for name in ("question", "second_question", "second_choices")
                for language in ("fi", "sv", "en")
            ),
        )
        .where(
            (column == token) & Survey.deleted_at.is_null() & Survey.experiment.deleted_at.is_null()
        )
        .first()
    )
    if row is None or len(token) > 40:
        raise NotFound
    return row


@dataclass
class Limits:
    secret: str
    client: str  # where the answer came from (hashed before it is stored)
    per_client: int
    per_survey: int


@dataclass
class Submission:
    accepted: bool = False
    duplicate: bool = False
    refused: str | None = None


async def _refuse(survey_id: int, reason: str, now: datetime) -> Submission:
    day = now.date().isoformat()
    table = SurveyRefusal._meta.tablename
    await SurveyRefusal.raw(
        f"INSERT INTO {table} (bucket, survey, reason, day, count) "  # noqa: S608
        f"VALUES ({{}}, {{}}, {{}}, {{}}, 1) "
        f"ON CONFLICT (bucket) DO UPDATE SET count = {table}.count + 1",
        f"{survey_id}:{reason}:{day}",
        survey_id,
        reason,
        day,
    )
    return Submission(refused=reason)


async def record_refusal(survey_id: int, reason: str) -> None:
    """Count an answer refused before it reached `submit` (e.g. too large to read)."""
    async with db.write_transaction():
        await _refuse(survey_id, reason, datetime.now(UTC))


async def submit(
    token: str,
    values: dict[str, Any],
    *,
    kiosk: bool,
    channel: str,
    language: str,
    limits_: Limits,
    honeypot: bool = False,
    answered_surveys: frozenset[int] | set[int] = frozenset(),
) -> tuple[dict[str, Any], Submission]:
    """Store one answer in the open period of the survey with this token (NotFound if there is
    none), or count why it was refused. A resent answer (the same submission id) is stored
    once. `answered_surveys`: the surveys this device answered within the one-answer window.
    Answers arriving together share one write transaction (group commit); each is answered
    after its transaction has committed."""

    async def work() -> tuple[dict[str, Any], Submission] | None:
        try:
            survey = await public_survey(token, kiosk=kiosk)
        except NotFound:
            return None
        return survey, await _submit(
            survey,
            values,
            channel=channel,
            language=language,
            limits_=limits_,
            honeypot=honeypot,
            answered_recently=survey["id"] in answered_surveys,
        )

    outcome = await group_commit.for_this_loop().run(work)
    if outcome is None:
        raise NotFound
    return outcome


async def _submit(
    survey: dict[str, Any],
    values: dict[str, Any],
    *,
    channel: str,
    language: str,
    limits_: Limits,
    honeypot: bool,
    answered_recently: bool,
) -> Submission:
    now = datetime.now(UTC)
    survey_id = survey["id"]
    period = survey["open_period"]
    if honeypot:
        return await _refuse(survey_id, "honeypot", now)
    if period is None:
        return await _refuse(survey_id, "closed", now)
    if not await limits.hit(
        limits_.secret, f"{channel}:{limits_.client}:{survey_id}", limits_.per_client, now
    ):
        return await _refuse(survey_id, "rate_client", now)
    if not await limits.hit(limits_.secret, f"survey:{survey_id}", limits_.per_survey, now):
        return await _refuse(survey_id, "rate_survey", now)
    submission_id = values.get("submission_id") or secrets.token_urlsafe(16)
    if await SurveyAnswer.exists().where(SurveyAnswer.submission_id == submission_id):
        return Submission(accepted=True, duplicate=True)
    if answered_recently:
        return await _refuse(survey_id, "repeat", now)
    second = values.get("second_value")
    if survey["second_kind"] == "scale" and second is not None and second > 5:
        second = None
    if survey["second_kind"] == "choice" and second is not None:
        second = second if second <= len(choice_lines(survey["second_choices_fi"])) else None
    if not survey["second_kind"]:
        second = None
    comment = (values.get("comment") or "").strip() if survey["allow_comment"] else ""
    inserted = await SurveyAnswer.insert(
        SurveyAnswer(
            survey=survey_id,
            period=period,
            score=values["score"],
            second_value=second,
            comment=mask_personal_data(comment) if comment else None,
            language=language,
            channel=channel,
            submission_id=submission_id,
            created_at=now,
        )
    ).on_conflict(target=SurveyAnswer.submission_id, action="DO NOTHING")
    # Two copies of one answer racing each other: the database keeps the first.
    return Submission(accepted=True, duplicate=not inserted)
