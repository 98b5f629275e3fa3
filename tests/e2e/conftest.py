"""End-to-end set-up: one real server per test run (uvicorn in a subprocess, on a throwaway
database loaded with the demo city) and Debian's Chromium driven by Playwright's sync API."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Playwright,
    Response,
    sync_playwright,
)

from tests.database import create_test_database, drop_test_database
from tests.e2e.accessibility import register_without_javascript
from tests.e2e.actions import DESKTOP

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SERVER_START_SECONDS = 30
# The server, Playwright and the browser are made once for the tests/e2e package and closed
# after its last test (scope="package"): Playwright's sync API keeps an event loop running in
# this thread, which would break the async tests of other packages run in the same session.
# Short enough that a missing element fails the test quickly, long enough for a slow CI box.
ACTION_TIMEOUT_MS = 10_000
# The live server's environment (its DATABASE_URL), for fixtures that insert rows directly.
LIVE_SERVER_ENV: dict[str, str] = {}


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run_cli(env: dict[str, str], *args: str) -> None:
    # The same entry point as the `kokeilu` command, run with this interpreter.
    command = [sys.executable, "-c", "from app.cli import main; main()", *args]
    result = subprocess.run(  # noqa: S603 - our own command, no shell
        command, cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    if result.returncode != 0:
        pytest.fail(
            f"`kokeilu {' '.join(args)}` failed ({result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}",
            pytrace=False,
        )


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no server log)"


def _wait_until_healthy(process: subprocess.Popen[bytes], base_url: str, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(
                f"The server exited with {process.returncode} while starting:\n{_tail(log)}",
                pytrace=False,
            )
        try:
            with urllib.request.urlopen(f"{base_url}/health", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    pytest.fail(
        f"The server did not answer /health within {SERVER_START_SECONDS} s:\n{_tail(log)}",
        pytrace=False,
    )


@pytest.fixture(scope="package")
def live_server() -> Iterator[str]:
    """Base URL of a running Kokeilu with the demo data (shared by every e2e test)."""
    database_url = create_test_database("kokeilu_e2e")
    data_dir = Path(tempfile.mkdtemp(prefix="kokeilu_e2e_data_"))
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DATA_DIR": str(data_dir),
        "SECRET_KEY": "e2e-secret-key-not-for-production-0123456789",
        "LOG_LEVEL": "WARNING",
    }
    # Run as in production, whatever another test package set in this process.
    for name in ("REDIS_URL", "DATABASE_POOL"):
        env.pop(name, None)
    LIVE_SERVER_ENV.update(env)
    log = data_dir / "server.log"
    process: subprocess.Popen[bytes] | None = None
    try:
        _run_cli(env, "migrate")
        _run_cli(env, "demo-data")
        port = _free_port()
        base_url = f"http://127.0.0.1:{port}"
        with log.open("wb") as log_file:
            process = subprocess.Popen(  # noqa: S603 - our own command, no shell
                [
                    sys.executable,
                    "-m",
                    "uvicorn",
                    "app.main:create_app",
                    "--factory",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(port),
                    "--no-access-log",
                ],
                cwd=REPO_ROOT,
                env=env,
                stdout=log_file,
                stderr=subprocess.STDOUT,
            )
        _wait_until_healthy(process, base_url, log)
        yield base_url
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        drop_test_database(database_url)
        shutil.rmtree(data_dir, ignore_errors=True)
        if database_url.startswith("sqlite:///"):
            shutil.rmtree(Path(database_url.removeprefix("sqlite:///")).parent, ignore_errors=True)


@pytest.fixture(scope="package")
def playwright(request: pytest.FixtureRequest) -> Iterator[Playwright]:
    if not Path(CHROMIUM).exists():
        message = "Chromium is not installed: apt-get install chromium (CI installs it)"
        if os.environ.get("KOKEILU_REQUIRE_BROWSER"):
            pytest.fail(f"KOKEILU_REQUIRE_BROWSER is set but {message}", pytrace=False)
        pytest.skip(message)
    # The server (whose database is made and dropped with asyncio.run) must start before and
    # stop after Playwright, whose sync API keeps an event loop running in this thread.
    request.getfixturevalue("live_server")
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="package")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


# A subresource that fails to load (a missing stylesheet or script) breaks the page quietly.
CHECKED_RESOURCES = {"stylesheet", "script", "image", "font"}


@pytest.fixture
def new_context(browser: Browser, live_server: str) -> Iterator[Callable[..., BrowserContext]]:
    """Make a fresh browser context (own cookies) with Finnish defaults; closed after the test.
    Keyword arguments go to `browser.new_context`, e.g. viewport=PHONE, java_script_enabled=False.
    The test fails if a page logs a JavaScript error (CSP refusals included) or a stylesheet,
    script, image or font does not load."""
    contexts: list[BrowserContext] = []
    problems: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        # Failed loads are reported by on_response, with their address; the browser's own
        # /favicon.ico request is not the page's.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            where = message.page.url if message.page else message.location.get("url")
            problems.append(f"console error on {where}: {message.text}")

    def on_response(response: Response) -> None:
        if response.request.resource_type in CHECKED_RESOURCES and response.status >= 400:
            problems.append(f"{response.status} for {response.url}")

    def make(**options: Any) -> BrowserContext:
        settings = {"base_url": live_server, "viewport": DESKTOP, "locale": "fi-FI", **options}
        context = browser.new_context(**settings)
        context.set_default_timeout(ACTION_TIMEOUT_MS)
        if settings.get("java_script_enabled") is False:
            register_without_javascript(context)
        context.on("console", on_console)
        context.on("weberror", lambda error: problems.append(f"JavaScript error: {error.error}"))
        context.on("response", on_response)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    if problems:
        pytest.fail("The browser reported problems:\n" + "\n".join(problems), pytrace=False)


@pytest.fixture
def page(new_context: Callable[..., BrowserContext]) -> Page:
    """A desktop page (1280×900, fi-FI) in its own context, so every test starts signed out."""
    return new_context().new_page()
