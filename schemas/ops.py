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
    booth = fields.String(allow_none=True, metadata={"description": "An employer's booth (展位号), where assigned; "
                                                                     "employers only."})
