"""Set-up modules that write rows straight into the live e2e server's database run in a
process of their own (with the server's environment), so that their database connection never
meets the test process's event loop. Each prints its result as JSON on its last line."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any


def run_in_server_database(module: str, *args: str, timeout: int = 120) -> Any:
    """Run `python -m module args…` against the live server's database; return its JSON."""
    # Imported here: the set-up modules import this one and run without pytest's fixtures.
    from tests.e2e.conftest import LIVE_SERVER_ENV, REPO_ROOT

    result = subprocess.run(  # noqa: S603 - our own module, no shell
        [sys.executable, "-m", module, *args],
        cwd=REPO_ROOT,
        env=LIVE_SERVER_ENV,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])
