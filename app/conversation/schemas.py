"""Validated input for comments and kudos."""

from __future__ import annotations

from pydantic import Field

from app.conversation.kudos import MESSAGE_MAX
from app.web.forms import FormModel

COMMENT_MAX = 5_000


class CommentForm(FormModel):
    body: str = Field(min_length=1, max_length=COMMENT_MAX)
    version: int = 0


class KudosForm(FormModel):
    message: str = Field(default="", max_length=MESSAGE_MAX)


class MarkReadForm(FormModel):
    experiment: int | None = None
    next: str = Field(default="/notifications", max_length=500)
