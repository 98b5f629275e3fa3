"""The `kokeilu` command: migrate, serve, run (first start), create-user, demo-data,
purge-survey-comments, reindex."""

from __future__ import annotations

import asyncio
import contextlib
import getpass
import io
import sys
from collections.abc import Awaitable, Callable

import click

from app.settings import get_settings


async def _migrate() -> None:
    from piccolo.apps.migrations.commands.forwards import run_forwards

    # Piccolo's own progress lines are confusing on a new database ("2 already complete"
    # right before running them); keep them for a failure and say it plainly otherwise.
    progress = io.StringIO()
    with contextlib.redirect_stdout(progress):
        result = await run_forwards(app_name="kokeilu", migration_id="all", fake=False)
    if not result.success:
        sys.exit(f"Migration failed: {result.message}\n{progress.getvalue()}")
    applied = progress.getvalue().count("[forwards]")
    click.echo(f"Applied {applied} migration(s)." if applied else "No migrations to apply.")


async def _has_users() -> bool:
    from app.accounts.tables import User

    return await User.exists().run()


async def _demo_data(experiments: int = 0, seed: int = 1) -> None:
    from app.demo.loader import load_demo_data

    sign_ins = await load_demo_data()
    if experiments:
        from app.demo.bulk import generate

        written = await generate(experiments, seed)
        click.echo(f"Added {written} generated experiments (seed {seed}).")
    click.echo("Demo data is ready. Sign in at the address below with one of these:")
    for sign_in in sign_ins:
        click.echo(f"  {sign_in.role:<15} {sign_in.email:<36} password: {sign_in.password}")


@click.group()
def main() -> None:
    """Kokeilu: experiments and learnings of a learning organisation."""


@main.command()
def migrate() -> None:
    """Apply database migrations."""
    asyncio.run(_migrate())
    click.echo("Database is up to date.")


@main.command("demo-data")
@click.option(
    "--experiments",
    default=0,
    type=click.IntRange(min=0),
    help="Also add this many generated experiments (for benchmarks); added on every run.",
)
@click.option("--seed", default=1, type=int, help="Seed of the generated experiments.")
def demo_data(experiments: int, seed: int) -> None:
    """Load the demo city (idempotent) and print its sign-ins."""
    asyncio.run(_demo_data(experiments, seed))


@main.command("purge-survey-comments")
def purge_survey_comments() -> None:
    """Delete survey comments older than SURVEY_COMMENT_RETENTION_MONTHS (numbers stay)."""
    from app.surveys.retention import purge

    months = get_settings().survey_comment_retention_months
    deleted = asyncio.run(purge(months))
    click.echo(f"Deleted {deleted} survey comment(s) older than {months} months.")


@main.command()
@click.option("--batch-size", default=500, show_default=True, type=click.IntRange(1, 10_000))
def reindex(batch_size: int) -> None:
    """Rebuild the learning library's search index from every experiment, and check the
    department and theme keys the strategy rollup groups by."""
    from app.experiments.link_keys import refresh_all
    from app.library.indexing import reindex_all

    def progress(done: int, total: int) -> None:
        click.echo(f"Indexed {done} / {total} experiments")

    count = asyncio.run(reindex_all(batch_size=batch_size, progress=progress))
    click.echo(f"Search index rebuilt: {count} experiment(s).")
    fixed = asyncio.run(_in_write_transaction(refresh_all))
    click.echo(f"Rollup keys checked: {fixed} experiment(s) corrected.")


async def _in_write_transaction(work: Callable[[], Awaitable[int]]) -> int:
    from app.db import write_transaction

    async with write_transaction():
        return await work()


@main.command("create-user")
@click.option("--email", prompt=True)
@click.option("--name", prompt=True)
@click.option("--admin", is_flag=True, help="Give the admin role.")
@click.option(
    "--password", envvar="KOKEILU_PASSWORD", default=None, help="Or set KOKEILU_PASSWORD."
)
def create_user(email: str, name: str, admin: bool, password: str | None) -> None:
    """Create a user (the first admin comes from here)."""
    from app.accounts import service
    from app.accounts.schemas import UserForm
    from app.service_errors import FieldErrors
    from app.web.forms import validate_form

    if password is None:
        password = getpass.getpass("Password: ")
    form = validate_form(
        UserForm, {"name": name, "email": email, "is_employee": True, "is_admin": admin}
    )
    if not form.ok:
        sys.exit("; ".join(f"{field}: {message}" for field, message in form.errors.items()))
    if len(password) < 10:
        sys.exit("The password must have at least 10 characters.")
    values = {**form.value.model_dump(exclude={"version"}), "password": password}
    try:
        user = asyncio.run(service.create_user(values, actor_id=None))
    except FieldErrors as exc:
        sys.exit("; ".join(exc.errors.values()))
    click.echo(
        f"Created user {user.email} (id {user.id}){' with the admin role' if admin else ''}."
    )


@main.command()
@click.option("--host", default="127.0.0.1")
@click.option("--port", default=8000, type=int)
@click.option("--workers", default=1, type=int)
def serve(host: str, port: int, workers: int) -> None:
    """Serve the app (migrate first)."""
    import uvicorn

    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=True,
        # The app logs every request itself (app/web/middleware.py), without client addresses;
        # uvicorn's access log would keep customers' IP addresses (docs/surveys.md).
        access_log=False,
    )


@main.command()
@click.option("--host", default="127.0.0.1")
@click.option("--port", default=8000, type=int)
@click.pass_context
def run(ctx: click.Context, host: str, port: int) -> None:
    """Migrate, load the demo data on first start, and serve."""
    settings = get_settings()
    asyncio.run(_migrate())
    if not asyncio.run(_has_users()):
        asyncio.run(_demo_data())
    click.echo(
        f"Serving Kokeilu on http://{host}:{port} (database: {settings.resolved_database_url})"
    )
    ctx.invoke(serve, host=host, port=port, workers=1)


if __name__ == "__main__":
    main()
