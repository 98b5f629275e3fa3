"""HTTP test set-up: a throwaway database (SQLite, or PostgreSQL when DATABASE_URL says so),
migrated once per run and emptied between tests."""

from __future__ import annotations

import os
import tempfile

from tests.database import create_test_database, drop_test_database

# Settings are read when the app is imported: point them at the test database first.
TEST_DATABASE_URL = create_test_database()
os.environ["DATABASE_URL"] = TEST_DATABASE_URL
os.environ["SECRET_KEY"] = "test-secret-key-not-for-production-0123456789"
os.environ["DATA_DIR"] = tempfile.mkdtemp(prefix="kokeilu_data_")
os.environ["DATABASE_POOL"] = "false"
os.environ.pop("REDIS_URL", None)

import pytest  # noqa: E402
from litestar.testing import AsyncTestClient  # noqa: E402

from app.cli import _migrate  # noqa: E402
from app.experiments.filter_choices import forget_choices  # noqa: E402
from app.main import create_app  # noqa: E402
from app.piccolo_app import TABLES  # noqa: E402
from app.settings import get_settings  # noqa: E402


def pytest_report_header() -> str:
    engine = "PostgreSQL" if TEST_DATABASE_URL.startswith("postgres") else "SQLite"
    return f"kokeilu test database: {engine} ({TEST_DATABASE_URL})"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    drop_test_database(TEST_DATABASE_URL)


@pytest.fixture(scope="session", autouse=True)
async def migrated_database() -> None:
    await _migrate()


@pytest.fixture(autouse=True)
async def empty_tables(migrated_database: None) -> None:
    # Children before parents, so that foreign keys never block the delete.
    for table in reversed(TABLES):
        await table.delete(force=True)
    forget_choices()  # the filter form's lists are kept per process, like a worker's


@pytest.fixture(scope="session")
def app():
    return create_app(get_settings())


@pytest.fixture
async def client(app):
    async with AsyncTestClient(app=app, base_url="http://127.0.0.1:8000") as test_client:
        test_client.follow_redirects = False  # tests look at each redirect themselves
        yield test_client


@pytest.fixture
async def admin(client):
    """A signed-in admin (the client carries the session)."""
    from tests.factories import make_user
    from tests.http.browser import sign_in

    user = await make_user(name="Pää Käyttäjä", is_admin=True)
    await sign_in(client, user.email)
    return user


@pytest.fixture
async def employee(client):
    """A signed-in employee with no other role."""
    from tests.factories import make_user
    from tests.http.browser import sign_in

    user = await make_user(name="Tavallinen Työntekijä")
    await sign_in(client, user.email)
    return user
