"""The base schema (unknown-field policy set once) and fields shared by resources."""
from __future__ import annotations

import re
import unicodedata

from marshmallow import RAISE, Schema, ValidationError, fields, validate

from matching.occupations import english_names

EDUCATION_LEVELS = (
    "none", "junior_high", "high_school", "vocational",
    "associate", "bachelor", "master", "doctorate",
)
JOB_TYPES = ("full_time", "part_time", "internship")
POSTING_STATUSES = ("open", "closed")

# Ids are positive 64-bit integers (SQLite rowids, Redis INCR): a larger number names nothing.
MAX_ID = 2**63 - 1
MAX_LIST_ITEMS = 50
MAX_OFFSET = 1_000_000  # far beyond any fair's list; the stores page with 64-bit numbers
MAX_SHORT_TEXT = 100
MAX_SALARY = 1_000_000
MAX_YEARS = 60

_MOBILE = re.compile(r"^1[3-9]\d{9}$", re.ASCII)  # \d alone would take any script's digits
_PHONE_SEPARATORS = re.compile(r"[\s\-()]")


class BaseSchema(Schema):
    """Every fairmatch schema: unknown fields are an error (422), never ignored."""

    class Meta:
        unknown = RAISE


def normalize_mobile(raw: str) -> str:
    """``+86 138-0000-0000`` -> ``13800000000``; raises ValidationError if not a mainland mobile.

    Full-width characters (``１３８…``, as Chinese input methods type them) are
    read as their ASCII forms (NFKC), so one phone is one seeker however typed.
    """
    digits = _PHONE_SEPARATORS.sub("", unicodedata.normalize("NFKC", raw))
    for prefix in ("+86", "0086", "86"):
        if digits.startswith(prefix) and len(digits) == len(prefix) + 11:
            digits = digits[len(prefix):]
            break
    if not _MOBILE.match(digits):
        raise ValidationError("Not a mainland China mobile number (11 digits starting 13-19).")
    return digits


class MobilePhone(fields.String):
    """A mainland mobile number, accepted with spaces, dashes or +86 and stored as 11 digits."""

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        return normalize_mobile(text)


class JSONBoolean(fields.Boolean):
    """A JSON ``true`` or ``false`` and nothing else (``1`` and ``1.0`` equal True in Python)."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value


class FullMatch(validate.Regexp):
    """``validate.Regexp`` over the whole value: ``$`` alone also matches before a final newline,
    so ``"023-6788 1234\\n"`` passed as a phone. (The pattern itself is unchanged for the OpenAPI spec.)"""

    def __call__(self, value):
        if self.regex.fullmatch(value) is None:
            raise ValidationError(self._format_error(value))
        return value


def not_blank(value: str) -> None:
    """A text that must say something: spaces alone (a name of "   ") are as good as missing."""
    if not value.strip():
        raise ValidationError("May not be blank.")


def short_text(max_length: int = MAX_SHORT_TEXT, **kwargs) -> fields.String:
    """A trimmed-by-caller string of 1..max_length characters, not all spaces."""
    return fields.String(validate=[validate.Length(min=1, max=max_length), not_blank], **kwargs)


def optional_text(max_length: int, **kwargs) -> fields.String:
    """An optional string up to max_length characters (null allowed)."""
    return fields.String(validate=validate.Length(max=max_length), allow_none=True, **kwargs)


def text_list(item_length: int = MAX_SHORT_TEXT, **kwargs) -> fields.List:
    """A list of at most MAX_LIST_ITEMS short strings, none of them all spaces."""
    return fields.List(
        fields.String(validate=[validate.Length(min=1, max=item_length), not_blank]),
        validate=validate.Length(max=MAX_LIST_ITEMS),
        **kwargs,
    )


def optional_int(minimum: int, maximum: int, **kwargs) -> fields.Integer:
    """An optional strict integer in [minimum, maximum] (null allowed)."""
    return fields.Integer(
        strict=True, allow_none=True, validate=validate.Range(min=minimum, max=maximum), **kwargs
    )


class PageQuery(BaseSchema):
    """``limit`` (1..200, default 50) and ``offset`` (0..MAX_OFFSET) for list endpoints."""

    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=200))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0, max=MAX_OFFSET))


class PageSchema(Schema):
    """The envelope of a page of a list."""

    total = fields.Integer(required=True)
    limit = fields.Integer(required=True)
    offset = fields.Integer(required=True)


def english_occupation_name(code: str | None) -> str | None:
    """The English name of an occupation code (``"6-18-02-04"`` -> ``"welder"``), or None where none is known."""
    return english_names().get(code) if code else None


class EnglishOccupationName(fields.String):
    """An occupation's English name, looked up by its ``code`` when dumping, never stored:
    records stored before English names were shown get it too."""

    def __init__(self, **kwargs):
        super().__init__(dump_only=True, allow_none=True, metadata={
            "description": "The occupation's English name where one is known (CSCO publishes Chinese names "
                           "only), else null. Pages in English show it as \"welder (焊工)\".",
            "example": "welder"}, **kwargs)

    def serialize(self, attr, obj, accessor=None, **kwargs):
        return english_occupation_name(obj.get("code"))  # from the code, whatever the record holds


class OccupationSchema(Schema):
    """A normalised occupation: code (national classification style), Chinese name and English name."""

    code = fields.String(required=True, metadata={"example": "6-18-02-04"})
    name = fields.String(required=True, metadata={"example": "焊工"})
    name_en = EnglishOccupationName()
