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


def test_every_image_and_document_the_readme_links_to_exists():
    import re

    root = Path(__file__).resolve().parents[2]
    targets = re.findall(r"\]\(((?:docs/)[^)#\s]+)", README)
    assert targets, "the README links to its docs and screenshots"
    missing = [target for target in targets if not (root / target).exists()]
    assert not missing, f"README links to missing files: {missing}"
