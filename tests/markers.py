"""Markers shared by test modules."""

from __future__ import annotations

import pytest

from app.library import compounds

# pyvoikko is a locked dependency, so Voikko is missing only when KOKEILU_COMPOUNDS=none.
requires_voikko = pytest.mark.skipif(
    compounds.analyser()[1] is None,
    reason="no Voikko: neither libvoikko nor pyvoikko loads (or KOKEILU_COMPOUNDS=none)",
)
