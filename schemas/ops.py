"""Operations: health and the caller's identity."""
from marshmallow import Schema, fields


class HealthOut(Schema):
    """Liveness or readiness."""

    status = fields.String(metadata={"example": "ok"})


class MeOut(Schema):
    """Who the token belongs to."""

    role = fields.String(metadata={"example": "kiosk"})
    id = fields.Integer()
    fair_id = fields.Integer(allow_none=True)
    name = fields.String()
