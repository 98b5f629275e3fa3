"""Form handling: HTML form data -> pydantic model, with errors translated per field."""

from __future__ import annotations

import types
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, Union, get_args, get_origin

from litestar.datastructures import FormMultiDict
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from app.i18n import N_, gettext

ModelT = TypeVar("ModelT", bound=BaseModel)

# pydantic error type -> message id (translated when shown) ; params come from the error's ctx.
_MESSAGES = {
    "missing": N_("This field is required."),
    "string_too_short": N_("At least {min_length} characters."),
    "string_too_long": N_("At most {max_length} characters."),
    "int_parsing": N_("Enter a whole number."),
    "int_type": N_("Enter a whole number."),
    "int_from_float": N_("Enter a whole number."),
    "greater_than_equal": N_("Must be at least {ge}."),
    "greater_than": N_("Must be more than {gt}."),
    "less_than_equal": N_("Must be at most {le}."),
    "date_parsing": N_("Enter a valid date."),
    "date_from_datetime_parsing": N_("Enter a valid date."),
    "date_type": N_("Enter a valid date."),
    "literal_error": N_("Choose one of the options."),
    "enum": N_("Choose one of the options."),
    "bool_parsing": N_("Choose one of the options."),
    "value_error": N_("Enter a valid value."),
    "string_pattern_mismatch": N_("Enter a valid value."),
}


def rule_error(msgid: str, **params: Any) -> PydanticCustomError:
    """An error from our own validators; `msgid` is translated when shown."""
    return PydanticCustomError("kokeilu", "{msgid}", {"msgid": msgid, **params})


def _allows_none(annotation: Any) -> bool:
    origin = get_origin(annotation)
    return origin in (Union, types.UnionType) and type(None) in get_args(annotation)


def _is_list(annotation: Any) -> bool:
    if get_origin(annotation) in (Union, types.UnionType):
        return any(_is_list(arg) for arg in get_args(annotation))
    return get_origin(annotation) in (list, set, tuple)


class FormModel(BaseModel):
    """Base for form input: strips text, treats an empty optional field as "not given"."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="ignore")

    @model_validator(mode="before")
    @classmethod
    def _blank_to_none(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        cleaned = dict(data)
        for name, info in cls.model_fields.items():
            value = cleaned.get(name)
            if isinstance(value, str) and not value.strip() and _allows_none(info.annotation):
                cleaned[name] = None
        return cleaned


class VersionForm(FormModel):
    """The version a state-change button (archive, restore…) was shown with."""

    version: int = 0


def translate_error(error: dict[str, Any]) -> str:
    ctx = error.get("ctx") or {}
    if error["type"] == "kokeilu":
        params = {key: value for key, value in ctx.items() if key != "msgid"}
        msgid = ctx["msgid"]  # a variable, so that message extraction does not pick up "msgid"
        return gettext(msgid).format(**params)
    if error["type"] == "value_error" and "email" in str(error.get("msg", "")).lower():
        return gettext(N_("Enter a valid email address."))
    error_type = error["type"]
    if error_type == "string_too_short" and ctx.get("min_length") == 1:
        error_type = "missing"
    msgid = _MESSAGES.get(error_type, _MESSAGES["value_error"])
    return gettext(msgid).format(**{key: value for key, value in ctx.items() if key != "error"})


@dataclass
class FormResult(Generic[ModelT]):
    data: dict[str, Any]
    value: ModelT | None = None
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.value is not None and not self.errors

    def add_errors(self, errors: dict[str, str]) -> None:
        """Add service-level errors (msgids) after validation succeeded."""
        self.errors.update({name: gettext(msgid) for name, msgid in errors.items()})
        self.value = None


def form_to_dict(form: FormMultiDict, model: type[BaseModel]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if _is_list(info.annotation):
            data[name] = [value for value in form.getall(name, []) if value != ""]
        elif name in form:
            data[name] = form.get(name)
    for name in form:
        data.setdefault(name, form.get(name))
    return data


def validate_form(model: type[ModelT], data: dict[str, Any]) -> FormResult[ModelT]:
    try:
        return FormResult(data=data, value=model.model_validate(data))
    except ValidationError as exc:
        errors: dict[str, str] = {}
        for error in exc.errors():
            name = str(error["loc"][0]) if error["loc"] else "__all__"
            errors.setdefault(name, translate_error(error))
        return FormResult(data=data, errors=errors)


async def read_form(request: Any, model: type[ModelT]) -> FormResult[ModelT]:
    return validate_form(model, form_to_dict(await request.form(), model))
