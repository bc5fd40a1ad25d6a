"""Fair statistics."""
from marshmallow import Schema, fields

from schemas.base import EnglishOccupationName


class OccupationStats(Schema):
    """Counts for one occupation."""

    code = fields.String()
    name = fields.String()
    name_en = EnglishOccupationName()
    postings = fields.Integer()
    positions = fields.Integer()
    seekers = fields.Integer()
    agreements = fields.Integer()


class EmployerStats(Schema):
    """Counts for one employer."""

    employer_id = fields.Integer()
    name = fields.String()
    booth = fields.String(allow_none=True)
    postings = fields.Integer()
    positions = fields.Integer()
    seeker_intents = fields.Integer()
    employer_intents = fields.Integer()
    agreements = fields.Integer()
    awaiting_employer = fields.Integer()


class HourStats(Schema):
    """Events in one hour of the fair (fair time zone)."""

    hour = fields.String()
    seekers = fields.Integer()
    seeker_intents = fields.Integer()
    agreements = fields.Integer()


class StatsOut(Schema):
    """A fair's statistics, from the store's counters (``awaiting_employer`` from the intents)."""

    fair_id = fields.Integer()
    generated_at = fields.String()
    employers = fields.Integer()
    kiosks = fields.Integer()
    postings = fields.Integer()
    positions = fields.Integer()
    seekers = fields.Integer()
    resumes = fields.Integer()
    seeker_intents = fields.Integer()
    employer_intents = fields.Integer()
    agreements = fields.Integer()
    seekers_with_agreement = fields.Integer()
    postings_without_interest = fields.Integer()
    awaiting_employer = fields.Integer()
    by_occupation = fields.List(fields.Nested(OccupationStats))
    by_employer = fields.List(fields.Nested(EmployerStats))
    by_hour = fields.List(fields.Nested(HourStats))
