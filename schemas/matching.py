"""Shortlists and recommendations."""
from marshmallow import Schema, fields, validate

from schemas.base import BaseSchema
from schemas.intents import IntentOut
from schemas.postings import PostingOut
from schemas.seekers import ShortlistSeekerOut


class ShortlistQuery(BaseSchema):
    """Paging of a shortlist, and whether to rank only the seekers who marked interest."""

    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=200))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0, max=10_000))
    interested = fields.Boolean(
        load_default=False,
        metadata={"description": "Only the seekers who marked interest in the posting, however they rank."})
    seeker_id = fields.Integer(
        load_default=None, validate=validate.Range(min=1),
        metadata={"description": "Only this seeker: one row as the list shows it (rank 1 of 1), e.g. to show "
                                 "the contact an agreement reveals without ranking the page again. None "
                                 "when the seeker is not of the fair (or, with `interested`, not interested)."})


class RecommendationQuery(BaseSchema):
    """Paging of recommendations, and words the postings must mention."""

    limit = fields.Integer(load_default=10, validate=validate.Range(min=1, max=100))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0, max=10_000))
    q = fields.String(
        load_default=None, validate=validate.Length(max=100),
        metadata={"description": "Only the postings that mention every word of it (separated by spaces) in "
                                 "their title, description, skills, location, occupation or employer name; "
                                 "case, full-width forms and traditional characters aside. Still ranked for "
                                 "the seeker. Blank: no filter."})


def _reasons():
    # A reason's details differ by factor (matched/missing skills, required/actual), so it stays a dict.
    return fields.List(fields.Dict(), metadata={
        "description": "Parts of the score: {factor, score, weight, text: {zh, en}, ...details}",
        "example": [{"factor": "skills", "score": 0.5, "weight": 0.25,
                     "text": {"zh": "技能匹配 1/2：焊接", "en": "Skills 1/2 matched: welding"},
                     "matched": ["焊接"], "missing": ["氩弧焊"]}],
    })


class ShortlistItem(Schema):
    """A ranked seeker for a posting."""

    seeker_id = fields.Integer()
    rank = fields.Integer()
    score = fields.Float()
    reasons = _reasons()
    seeker = fields.Nested(ShortlistSeekerOut)
    intent = fields.Nested(IntentOut)


class ShortlistOut(Schema):
    """Seekers ranked for a posting, best first."""

    posting_id = fields.Integer()
    limit = fields.Integer()
    offset = fields.Integer()
    results = fields.List(fields.Nested(ShortlistItem))


class RecommendationItem(Schema):
    """A ranked posting for a seeker."""

    posting_id = fields.Integer()
    rank = fields.Integer()
    score = fields.Float()
    reasons = _reasons()
    posting = fields.Nested(PostingOut)
    intent = fields.Nested(IntentOut)


class RecommendationsOut(Schema):
    """Postings ranked for a seeker, best first."""

    seeker_id = fields.Integer()
    limit = fields.Integer()
    offset = fields.Integer()
    q = fields.String(metadata={"description": "The search asked for, when one was."})
    results = fields.List(fields.Nested(RecommendationItem))
