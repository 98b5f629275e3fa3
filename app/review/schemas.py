"""Form input of the review feature."""

from __future__ import annotations

from pydantic import Field

from app.web.forms import FormModel

NOTES_MAX = 10_000
CELEBRATION_NOTE_MAX = 500


class ReviewForm(FormModel):
    notes: str = Field(default="", max_length=NOTES_MAX)
    reviewed: bool = False
    celebrate: bool = False
    celebration_note: str = Field(default="", max_length=CELEBRATION_NOTE_MAX)
    version: int = Field(default=0, ge=0)
