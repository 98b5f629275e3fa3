"""Errors that services raise for the routes to show: invalid input beyond types, and lost updates."""

from __future__ import annotations

from typing import Any


class FieldErrors(Exception):
    """Rule violations found by a service (e.g. a duplicate email), keyed by form field.
    Messages are msgids: the route translates them for the user."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(errors)
        self.errors = errors


class ConflictError(Exception):
    """Someone else saved the object after this form was loaded."""

    def __init__(self, current: dict[str, Any]) -> None:
        super().__init__("conflict")
        self.current = current


class NotFound(Exception):
    """The object does not exist or this user may not see it (the route answers 404)."""


class Forbidden(Exception):
    """The user may see the object but not change it (the route answers 403)."""
