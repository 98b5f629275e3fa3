"""Vendored files are exactly the versions recorded in app/static/vendor/VERSIONS.md."""

import hashlib
import re
from pathlib import Path

VENDOR = Path(__file__).resolve().parents[2] / "app" / "static" / "vendor"
RECORDED = re.findall(
    r"^\| `([^`]+)` \|.*\| `([0-9a-f]{64})` \|$", (VENDOR / "VERSIONS.md").read_text(), re.M
)


def test_every_vendored_file_matches_its_recorded_sha256():
    on_disk = {
        str(path.relative_to(VENDOR))
        for path in VENDOR.rglob("*")
        if path.is_file() and path.name != "VERSIONS.md"
    }
    assert {name for name, _digest in RECORDED} == on_disk, (
        "VERSIONS.md and the vendor folder disagree"
    )
    for name, digest in RECORDED:
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, name


def test_pages_load_the_vendored_htmx():
    base = (VENDOR.parents[2] / "templates" / "base.html").read_text()
    assert '<script src="/static/vendor/htmx/htmx.min.js" defer></script>' in base
