"""Form handling: HTML form data -> pydantic model, with errors translated per field."""

from __future__ import annotations

import re
import types
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, TypeVar, Union, get_args, get_origin

from litestar.datastructures import FormMultiDict
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator
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


# C0 control characters but tab, line feed and carriage return: nobody types them, PostgreSQL
# cannot store NUL, and XML (so XLSX exports) allows none of them.
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
NUL_MESSAGE = N_(
    "The text had a null character, which cannot be saved. It was removed: check the text "
    "and save again."
)


# Every whole number and date of a form or query string fits the database: ids and versions are
# 32-bit integer columns (PostgreSQL's "integer"), and dates stay in years people mean.
MAX_ROW_ID = 2**31 - 1
EARLIEST_YEAR = 1900
LATEST_YEAR = 2200
DATE_RANGE_MESSAGE = N_("Enter a date between the years {first} and {last}.")


def clean_text(value: Any) -> Any:
    """Text (or a list of texts) without C0 control characters; other values as they are."""
    if isinstance(value, str):
        return _CONTROL_CHARACTERS.sub("", value)
    if isinstance(value, list):
        return [clean_text(item) for item in value]
    return value


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


class QueryModel(BaseModel):
    """Base for query-string and form input: text loses its control characters (tab and line
    breaks stay), whoever validates the model."""

    @model_validator(mode="before")
    @classmethod
    def _clean_input(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        return cls._tidy({name: clean_text(value) for name, value in data.items()})

    @classmethod
    def _tidy(cls, data: dict[str, Any]) -> dict[str, Any]:
        return data

    @field_validator("*", mode="after")
    @classmethod
    def _within_database_range(cls, value: Any) -> Any:
        for item in value if isinstance(value, list | set | tuple) else (value,):
            _check_range(item)
        return value


def _check_range(value: Any) -> None:
    if isinstance(value, bool):
        return
    if isinstance(value, int) and value > MAX_ROW_ID:
        raise rule_error(_MESSAGES["less_than_equal"], le=MAX_ROW_ID)
    if isinstance(value, int) and value < -MAX_ROW_ID:
        raise rule_error(_MESSAGES["greater_than_equal"], ge=-MAX_ROW_ID)
    if isinstance(value, date) and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise rule_error(DATE_RANGE_MESSAGE, first=EARLIEST_YEAR, last=LATEST_YEAR)


class FormModel(QueryModel):
    """Base for form input: strips text, treats an empty optional field as "not given"."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="ignore")

    @classmethod
    def _tidy(cls, data: dict[str, Any]) -> dict[str, Any]:
        for name, info in cls.model_fields.items():
            value = data.get(name)
            if isinstance(value, str) and not value.strip() and _allows_none(info.annotation):
                data[name] = None
        return data


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


def untranslated_message(error: dict[str, Any]) -> str:
    """The English message of a validation error (for the JSON API)."""
    ctx = error.get("ctx") or {}
    if error["type"] == "kokeilu":
        return str(ctx["msgid"]).format(**{k: v for k, v in ctx.items() if k != "msgid"})
    return str(error.get("msg", ""))


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
    """The form's (or query string's) values by name, lists for list fields, without control
    characters, so that what is shown again or kept as a draft can be saved."""
    data: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if _is_list(info.annotation):
            data[name] = [value for value in form.getall(name, []) if value != ""]
        elif name in form:
            data[name] = form.get(name)
    for name in form:
        data.setdefault(name, form.get(name))
    return {name: clean_text(value) for name, value in data.items()}


def fields_with_nul(form: FormMultiDict, model: type[BaseModel]) -> list[str]:
    """The model's fields where a NUL character was sent (form_to_dict removes it)."""
    return [
        name
        for name in model.model_fields
        if any(isinstance(value, str) and "\x00" in value for value in form.getall(name, []))
    ]


def validate_form(model: type[ModelT], data: dict[str, Any]) -> FormResult[ModelT]:
    try:
        return FormResult(data=data, value=model.model_validate(data))
    except ValidationError as exc:
        errors: dict[str, str] = {}
        for error in exc.errors():
            name = str(error["loc"][0]) if error["loc"] else "__all__"
            errors.setdefault(name, translate_error(error))
        return FormResult(data=data, errors=errors)


def nul_errors(params: FormMultiDict, model: type[BaseModel]) -> dict[str, str]:
    """For a query string: the translated message for each field where a NUL was sent (the
    filters use the rest of the value, as form_to_dict keeps it)."""
    return {name: gettext(NUL_MESSAGE) for name in fields_with_nul(params, model)}


async def read_form(request: Any, model: type[ModelT]) -> FormResult[ModelT]:
    """The form validated; a NUL character is refused next to its field, the rest kept."""
    form = await request.form()
    result = validate_form(model, form_to_dict(form, model))
    refused = fields_with_nul(form, model)
    if refused:
        result.add_errors({name: NUL_MESSAGE for name in refused})
    return result
