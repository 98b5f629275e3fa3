"""A throwaway SQLite database with the demo city, for the benchmark scripts."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def prepare_demo_database() -> tuple[Path, dict[str, str]]:
    """Migrate and load the demo data; returns the database file and the environment to use."""
    data_dir = Path(tempfile.mkdtemp(prefix="kokeilu_bench_"))
    database = data_dir / "bench.sqlite3"
    env = {
        **os.environ,
        "DATA_DIR": str(data_dir),
        "DATABASE_URL": f"sqlite:///{database}",
        "LOG_LEVEL": "WARNING",
    }
    for command in (["migrate"], ["demo-data"]):
        subprocess.run(
            [sys.executable, "-m", "app.cli", *command],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
    return database, env
