"""The save flow every form shares: validate, save, and report field errors, conflicts or
an inline (htmx) check of one field without saving."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Generic

from litestar import Request
from litestar.response import Template

from app.service_errors import ConflictError, FieldErrors
from app.web.forms import FormResult, ModelT, VersionForm, read_form

VALIDATE_FIELD = "_validate"
ERROR_ID = "_error_id"  # the id of the element the inline error replaces
_ERROR_ID_PATTERN = re.compile(r"[a-z]+-[a-z0-9_]+-error")


@dataclass
class FormOutcome(Generic[ModelT]):
    form: FormResult[ModelT]
    conflict: dict[str, Any] | None = None
    result: Any = None
    validate_only: str | None = None

    @property
    def saved(self) -> bool:
        return self.form.ok and self.conflict is None and self.validate_only is None

    @property
    def status_code(self) -> int:
        return 409 if self.conflict is not None else 422

    def context(self) -> dict[str, Any]:
        return {"form": self.form.data, "errors": self.form.errors, "conflict": self.conflict}

    def reshown(self, item: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        """After a state-change button (archive, restore…) was not saved: the item to show again
        (as someone else saved it meanwhile, if that was why) and its edit page's form context."""
        current = self.conflict or item
        return current, {"form": current, "errors": self.form.errors, "conflict": self.conflict}

    def inline_error(self) -> Template:
        name = self.validate_only or ""
        error_id = str(self.form.data.get(ERROR_ID, ""))
        if not _ERROR_ID_PATTERN.fullmatch(error_id):
            error_id = f"f-{name}-error"
        return Template(
            template_name="components/field_error.html",
            context={"error_id": error_id, "error": self.form.errors.get(name, "")},
        )


async def submit_form(
    request: Request, model: type[ModelT], save: Callable[[ModelT], Awaitable[Any]]
) -> FormOutcome[ModelT]:
    form = await read_form(request, model)
    outcome: FormOutcome[ModelT] = FormOutcome(form=form)
    if request.headers.get("hx-request") and form.data.get(VALIDATE_FIELD):
        outcome.validate_only = str(form.data[VALIDATE_FIELD])
        return outcome
    if form.ok:
        try:
            outcome.result = await save(form.value)
        except FieldErrors as exc:
            form.add_errors(exc.errors)
        except ConflictError as exc:
            outcome.conflict = exc.current
            # The form now carries the saved version: saving again keeps the user's input.
            form.data["version"] = exc.current["version"]
    return outcome


async def submit_archived(
    request: Request, archived: bool, save: Callable[[int, dict[str, Any]], Awaitable[Any]]
) -> FormOutcome[VersionForm]:
    """An archive or restore button: its form holds only the version the page was shown with;
    `save(version, {"archived": archived})` writes the change with the version check."""
    return await submit_form(
        request, VersionForm, lambda value: save(value.version, {"archived": archived})
    )
