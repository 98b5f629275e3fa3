"""Comment retention: comments older than SURVEY_COMMENT_RETENTION_MONTHS are deleted (the
numbers stay), by `kokeilu purge-survey-comments` and once at every start of the app."""

from __future__ import annotations

from contextlib import asynccontextmanager

from litestar import Litestar

from app.logs import get_logger
from app.surveys import service

log = get_logger("kokeilu.surveys")


async def purge(retention_months: int) -> int:
    deleted = await service.purge_comments(retention_months)
    log.info("survey comments purged", deleted=deleted, retention_months=retention_months)
    return deleted


@asynccontextmanager
async def purge_survey_comments_at_startup(app: Litestar):
    """Runs after the connection pool is open. A database that is not migrated yet is no
    reason to stop the app: the purge waits for the next start or the command."""
    try:
        await purge(app.state["settings"].survey_comment_retention_months)
    except Exception as exc:  # noqa: BLE001
        log.warning("survey comments not purged at start-up", error=str(exc))
    yield
