"""Employers and kiosks."""
from marshmallow import Schema, fields

from schemas.base import BaseSchema, FullMatch, PageSchema, optional_text, short_text

# Unified social credit code (统一社会信用代码): 18 characters, no I, O, Z, S, V.
CREDIT_CODE = r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$"


class EmployerIn(BaseSchema):
    """An employer to register in a fair."""

    name = short_text(required=True, metadata={"example": "重庆长安汽车股份有限公司"})
    industry = optional_text(50)
    credit_code = fields.String(
        allow_none=True,
        validate=FullMatch(CREDIT_CODE, error="Not a unified social credit code (18 characters)."),
    )
    contact_name = optional_text(50)
    contact_phone = fields.String(
        allow_none=True,
        validate=FullMatch(r"^[0-9+\-() ]{5,30}$", error="Not a phone number."),
    )


class EmployerOut(Schema):
    """An employer."""

    id = fields.Integer()
    fair_id = fields.Integer()
    name = fields.String()
    industry = fields.String(allow_none=True)
    credit_code = fields.String(allow_none=True)
    contact_name = fields.String(allow_none=True)
    contact_phone = fields.String(allow_none=True)
    created_at = fields.String()


class EmployerCreated(EmployerOut):
    """A new employer with its token, shown this once."""

    token = fields.String(required=True)


class EmployersImported(Schema):
    """Employers registered from a spreadsheet, in file order, each with its token shown this once."""

    created = fields.List(fields.Nested(EmployerCreated), required=True)


class EmployerToken(Schema):
    """An employer's new token, shown this once; the old one no longer works."""

    id = fields.Integer()
    name = fields.String()
    token = fields.String(required=True)


class EmployerPage(PageSchema):
    """A page of employers."""

    items = fields.List(fields.Nested(EmployerOut))


class KioskIn(BaseSchema):
    """A kiosk (registration desk) to add to a fair."""

    label = short_text(50, required=True, metadata={"example": "A区1号台"})


class KioskOut(Schema):
    """A kiosk."""

    id = fields.Integer()
    fair_id = fields.Integer()
    label = fields.String()
    created_at = fields.String()


class KioskCreated(KioskOut):
    """A new kiosk with its token, shown this once."""

    token = fields.String(required=True)


class KioskPage(PageSchema):
    """A page of kiosks."""

    items = fields.List(fields.Nested(KioskOut))


class KioskToken(Schema):
    """A kiosk's new token, shown this once; the old one no longer works."""

    id = fields.Integer()
    label = fields.String()
    token = fields.String(required=True)
