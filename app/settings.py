"""Application settings, read once from the environment (or a `.env` file)."""

from __future__ import annotations

import secrets
import sys
from functools import lru_cache
from pathlib import Path

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("fi", "sv", "en")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    data_dir: Path = Field(default=PROJECT_ROOT / "data")
    database_url: str = ""
    secret_key: str = ""
    # PostgreSQL connection pool, opened in the app lifespan. The HTTP tests switch it off: their
    # test client runs the app on another event loop than the test code, and a pool is per loop.
    database_pool: bool = True
    redis_url: str | None = None
    base_url: str = "http://127.0.0.1:8000"
    default_language: str = "fi"
    session_idle_minutes: int = Field(default=60, ge=1, le=24 * 60)
    session_max_hours: int = Field(default=12, ge=1, le=24 * 30)
    log_level: str = "INFO"
    # Shown in the header and the accessibility statement: each city sets its own.
    organisation_name: str = "Varkauden kaupunki"
    accessibility_contact: str = "saavutettavuus@example.fi"
    # Requests per minute per personal API token (per process, or shared with REDIS_URL).
    api_rate_limit_per_minute: int = Field(default=120, ge=1, le=100_000)
    # Customer feedback surveys (docs/surveys.md): comment retention, abuse limits per minute.
    survey_comment_retention_months: int = Field(default=12, ge=1, le=120)
    survey_client_limit_per_minute: int = Field(default=10, ge=1)
    survey_kiosk_limit_per_minute: int = Field(default=60, ge=1)
    survey_limit_per_minute: int = Field(default=600, ge=1)
    survey_device_window_hours: int = Field(default=12, ge=0, le=24 * 30)

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, value: str) -> str:
        if value and not value.startswith(("sqlite:///", "postgres://", "postgresql://")):
            raise ValueError("must start with sqlite:///, postgres:// or postgresql://")
        return value

    @field_validator("default_language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        if value not in LANGUAGES:
            raise ValueError(f"must be one of {', '.join(LANGUAGES)}")
        return value

    @field_validator("redis_url")
    @classmethod
    def _redis_scheme(cls, value: str | None) -> str | None:
        if value and not value.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("must start with redis://, rediss:// or unix://")
        return value or None

    @property
    def is_https(self) -> bool:
        return self.base_url.startswith("https://")

    @property
    def is_sqlite(self) -> bool:
        return self.resolved_database_url.startswith("sqlite")

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'kokeilu.sqlite3'}"

    def resolved_secret_key(self) -> str:
        """The configured key, or one generated once and kept in the data dir."""
        if self.secret_key:
            return self.secret_key
        key_file = self.data_dir / "secret_key"
        if key_file.exists():
            return key_file.read_text().strip()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(48)
        key_file.write_text(key)
        key_file.chmod(0o600)
        return key


def load_settings() -> Settings:
    """Read settings; on bad input stop with one line naming the variable."""
    try:
        return Settings()
    except ValidationError as exc:
        error = exc.errors()[0]
        name = str(error["loc"][0]).upper() if error["loc"] else "settings"
        sys.exit(f"Invalid setting {name}: {error['msg']}")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
