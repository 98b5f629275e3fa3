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
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from tests.database import create_test_database, drop_test_database
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
# Short enough that a missing element fails the test quickly, long enough for a slow CI box.
ACTION_TIMEOUT_MS = 10_000


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


@pytest.fixture(scope="session")
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
    env.pop("REDIS_URL", None)
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


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    if not Path(CHROMIUM).exists():
        message = "Chromium is not installed: apt-get install chromium (CI installs it)"
        if os.environ.get("KOKEILU_REQUIRE_BROWSER"):
            pytest.fail(f"KOKEILU_REQUIRE_BROWSER is set but {message}", pytrace=False)
        pytest.skip(message)
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def new_context(browser: Browser, live_server: str) -> Iterator[Callable[..., BrowserContext]]:
    """Make a fresh browser context (own cookies) with Finnish defaults; closed after the test.
    Keyword arguments go to `browser.new_context`, e.g. viewport=PHONE, java_script_enabled=False."""
    contexts: list[BrowserContext] = []

    def make(**options: Any) -> BrowserContext:
        settings = {"base_url": live_server, "viewport": DESKTOP, "locale": "fi-FI", **options}
        context = browser.new_context(**settings)
        context.set_default_timeout(ACTION_TIMEOUT_MS)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context: Callable[..., BrowserContext]) -> Page:
    """A desktop page (1280×900, fi-FI) in its own context, so every test starts signed out."""
    return new_context().new_page()
