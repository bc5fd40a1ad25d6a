"""Fairs."""
from marshmallow import Schema, fields, post_load

from schemas.base import BaseSchema, optional_text, short_text


class FairIn(BaseSchema):
    """A fair to create."""

    name = short_text(required=True)
    date = fields.Date(required=True, metadata={"example": "2026-03-07"})
    venue = optional_text(200)
    city = optional_text(50, metadata={"example": "重庆"})
    district = optional_text(50, metadata={"example": "渝北区"})

    @post_load
    def _date_as_text(self, data, **kwargs):
        data["date"] = data["date"].isoformat()
        return data


class FairOut(Schema):
    """A fair."""

    id = fields.Integer()
    organizer_id = fields.Integer()
    name = fields.String()
    date = fields.String()
    venue = fields.String(allow_none=True)
    city = fields.String(allow_none=True)
    district = fields.String(allow_none=True)
    created_at = fields.String()
