"""Validated input for the department forms."""

from __future__ import annotations

from pydantic import Field

from app.web.forms import FormModel, VersionForm


class DepartmentForm(FormModel):
    name_fi: str = Field(min_length=1, max_length=200)
    name_sv: str = Field(default="", max_length=200)
    name_en: str = Field(default="", max_length=200)
    parent: int | None = None
    version: int = 0


class DepartmentDeleteForm(VersionForm):
    """Deleting for good needs a ticked box, which works without JavaScript too."""

    confirm: bool = False
