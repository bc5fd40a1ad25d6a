"""Employers and kiosks."""
import unicodedata

from marshmallow import Schema, ValidationError, fields

from schemas.base import BaseSchema, FullMatch, PageSchema, optional_text, short_text

# Unified social credit code (统一社会信用代码): 18 characters, no I, O, Z, S, V.
CREDIT_CODE = r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$"
BOOTH_MAX_LENGTH = 20


class Booth(fields.String):
    """A booth number as the floor plan writes it (A12, B区-07): full-width forms read as their
    ASCII ones, spaces trimmed; blank is no booth (null)."""

    def __init__(self, **kwargs):
        super().__init__(allow_none=True, metadata={
            "description": "Where the employer receives seekers (展位号), shown with its postings at the kiosks.",
            "example": "A12", "maxLength": BOOTH_MAX_LENGTH}, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        text = " ".join(unicodedata.normalize("NFKC", super()._deserialize(value, attr, data, **kwargs)).split())
        if len(text) > BOOTH_MAX_LENGTH:
            raise ValidationError(f"Longer than maximum length {BOOTH_MAX_LENGTH}.")
        return text or None


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
    booth = Booth()


class EmployerBooth(BaseSchema):
    """An employer's booth, assigned or changed by the organizer (null: none yet)."""

    booth = Booth(required=True)


class EmployerOut(Schema):
    """An employer."""

    id = fields.Integer()
    fair_id = fields.Integer()
    name = fields.String()
    industry = fields.String(allow_none=True)
    credit_code = fields.String(allow_none=True)
    contact_name = fields.String(allow_none=True)
    contact_phone = fields.String(allow_none=True)
    booth = fields.String(allow_none=True)
    created_at = fields.String()


class EmployerCreated(EmployerOut):
    """A new employer with its token, shown this once."""

    token = fields.String(required=True)


class EmployersImported(Schema):
    """Employers registered from a spreadsheet, in file order, each with its token shown this once."""

    created = fields.List(fields.Nested(EmployerCreated), required=True)


class EmployerBoothsSet(Schema):
    """Employers whose booths a spreadsheet set, in file order."""

    updated = fields.List(fields.Nested(EmployerOut), required=True)


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
