"""The README documents every setting and every `kokeilu` command."""

from pathlib import Path

from app.cli import main
from app.settings import Settings

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()


def test_every_setting_is_documented():
    missing = [name.upper() for name in Settings.model_fields if f"`{name.upper()}`" not in README]
    assert not missing, f"document these settings in README.md: {missing}"


def test_every_command_is_documented():
    missing = [name for name in main.commands if f"`kokeilu {name}" not in README]
    assert not missing, f"document these commands in README.md: {missing}"


def test_readme_starts_with_the_two_commands():
    assert README.index("make run") < README.index("make test") < README.index("## ")
