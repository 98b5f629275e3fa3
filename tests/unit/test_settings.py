"""Settings: defaults, the generated secret key, and one clear line for a bad value."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def test_defaults_use_sqlite_in_the_data_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    settings = Settings(data_dir=tmp_path, _env_file=None)
    assert settings.resolved_database_url == f"sqlite:///{tmp_path / 'kokeilu.sqlite3'}"
    assert settings.default_language == "fi"
    assert not settings.is_https


def test_secret_key_is_generated_once_and_kept(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = Settings(data_dir=tmp_path, _env_file=None).resolved_secret_key()
    second = Settings(data_dir=tmp_path, _env_file=None).resolved_secret_key()
    assert first == second and len(first) >= 40
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0  # readable by the owner only


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DATABASE_URL", "mysql://localhost/x"),
        ("DEFAULT_LANGUAGE", "de"),
        ("SESSION_IDLE_MINUTES", "never"),
        ("REDIS_URL", "localhost:6379"),
    ],
)
def test_invalid_setting_stops_with_one_line_naming_the_variable(variable, value):
    result = subprocess.run(
        [sys.executable, "-c", "from app.settings import load_settings; load_settings()"],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", variable: value},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Invalid setting {variable}:"), result.stderr
