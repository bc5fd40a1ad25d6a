"""Intents (interest marks) and agreements."""
from marshmallow import Schema, fields

from schemas.base import PageSchema
from schemas.postings import PostingOut
from schemas.seekers import SeekerOut


class IntentOut(Schema):
    """A posting-seeker pair's interest on each side."""

    posting_id = fields.Integer()
    seeker_id = fields.Integer()
    seeker_interested = fields.Boolean()
    employer_interested = fields.Boolean()
    agreed = fields.Boolean()
    agreed_at = fields.String(allow_none=True)


class SeekerIntentOut(IntentOut):
    """A posting the seeker has marked, with the pair's intent."""

    posting = fields.Nested(PostingOut)


class SeekerIntentList(Schema):
    """The postings a seeker has marked."""

    seeker_id = fields.Integer()
    results = fields.List(fields.Nested(SeekerIntentOut))


class AgreementOut(IntentOut):
    """An agreed pair with contact details of both sides."""

    posting = fields.Nested(PostingOut)
    seeker = fields.Nested(SeekerOut)
    employer_contact_name = fields.String(allow_none=True)
    employer_contact_phone = fields.String(allow_none=True)


class AgreementPage(PageSchema):
    """A page of agreements."""

    items = fields.List(fields.Nested(AgreementOut))
