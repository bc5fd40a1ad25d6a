"""Seekers (people registered at a kiosk)."""
from marshmallow import Schema, fields, validate

from schemas.base import (
    EDUCATION_LEVELS, MAX_SALARY, MAX_YEARS, BaseSchema, JSONBoolean, MobilePhone, OccupationSchema,
    optional_int, short_text, text_list,
)

MAX_RESUME = 20_000


class SeekerIn(BaseSchema):
    """A seeker's profile as a kiosk submits it; the phone identifies them within the fair.

    A profile is submitted whole: submitting the phone again replaces every field, and one
    left out is cleared (a person who blanks a field at the kiosk means it).
    """

    name = short_text(50, required=True, metadata={"example": "张伟"})
    phone = MobilePhone(required=True, metadata={"example": "138 0000 5678"})
    consent = JSONBoolean(
        required=True,
        validate=validate.Equal(True, error="Consent to share the profile with the fair's employers is required."),
    )
    desired_titles = text_list(load_default=list, metadata={"example": ["焊工", "电焊工"]})
    skills = text_list(50, load_default=list)
    education = fields.String(allow_none=True, validate=validate.OneOf(EDUCATION_LEVELS), load_default=None)
    experience_years = optional_int(0, MAX_YEARS, load_default=None)
    salary_expectation = optional_int(0, MAX_SALARY, load_default=None)
    locations = text_list(load_default=list)
    resume_text = fields.String(validate=validate.Length(max=MAX_RESUME), load_default="")


class PhoneLookupIn(BaseSchema):
    """A phone number to look a seeker up by (kept out of URLs and logs)."""

    phone = MobilePhone(required=True)


class _SeekerProfile(Schema):
    """What any viewer of a seeker may see, whatever the agreement state."""

    id = fields.Integer()
    fair_id = fields.Integer()
    desired_titles = fields.List(fields.String())
    skills = fields.List(fields.String())
    education = fields.String(allow_none=True)
    experience_years = fields.Integer(allow_none=True)
    salary_expectation = fields.Integer(allow_none=True)
    locations = fields.List(fields.String())
    resume_text = fields.String()
    occupations = fields.List(fields.Nested(OccupationSchema))
    created_at = fields.String()
    updated_at = fields.String()


class SeekerOut(_SeekerProfile):
    """A seeker in full (kiosk of the fair, organizer)."""

    name = fields.String()
    phone = fields.String()
    consent = fields.Boolean()


class ShortlistSeekerOut(_SeekerProfile):
    """A seeker as an employer sees them: masked until the pair has agreed."""

    masked_name = fields.String(metadata={"example": "张**"})
    masked_phone = fields.String(metadata={"example": "138****5678"})
    name = fields.String(metadata={"description": "Only once the pair has agreed."})
    phone = fields.String(metadata={"description": "Only once the pair has agreed."})
