"""Postings (jobs offered by employers)."""
from marshmallow import EXCLUDE, Schema, ValidationError, fields, validate, validates_schema

from schemas.base import (
    EDUCATION_LEVELS, JOB_TYPES, MAX_ID, MAX_SALARY, MAX_YEARS, POSTING_STATUSES,
    BaseSchema, OccupationSchema, PageQuery, PageSchema, optional_int, optional_text,
    short_text, text_list,
)

MAX_BATCH = 500
MAX_DESCRIPTION = 5000
MAX_HEADCOUNT = 10_000


def check_salary_range(salary_min, salary_max) -> None:
    """Raise a field error on salary_max when it is below salary_min."""
    if salary_min is not None and salary_max is not None and salary_min > salary_max:
        raise ValidationError("Must be at least salary_min.", field_name="salary_max")


class RequestKeyHeaders(Schema):
    """The optional ``Idempotency-Key`` header of a creation: a retry with the same key creates nothing twice."""

    class Meta:
        unknown = EXCLUDE  # every other header of the request

    request_key = fields.String(
        data_key="Idempotency-Key", load_default=None,
        validate=[validate.Length(min=1, max=128),
                  validate.Regexp(r"^[\x21-\x7e]+$", error="Printable ASCII characters only, no spaces.")],
        metadata={"description": "A new random value (e.g. a UUID) per posting or batch the client means to "
                                 "create, kept for its retries. A request already carried out under the key "
                                 "(within 24 hours) is answered with its postings instead of creating them "
                                 "again; the same key with different content is a 422.",
                  "example": "4f0c2a9e-6a43-4c57-9d2b-1f3e7c0b9a11"},
    )


class PostingIn(BaseSchema):
    """A posting to create (or, partially, to change)."""

    title = short_text(required=True, metadata={"example": "数控车床操作工"})
    description = fields.String(validate=validate.Length(max=MAX_DESCRIPTION), load_default="")
    skills = text_list(50, load_default=list)
    headcount = fields.Integer(strict=True, load_default=1, validate=validate.Range(min=1, max=MAX_HEADCOUNT))
    education_min = fields.String(allow_none=True, validate=validate.OneOf(EDUCATION_LEVELS))
    experience_min_years = optional_int(0, MAX_YEARS)
    salary_min = optional_int(0, MAX_SALARY)
    salary_max = optional_int(0, MAX_SALARY)
    location = optional_text(100, metadata={"example": "两江新区"})
    job_type = fields.String(load_default="full_time", validate=validate.OneOf(JOB_TYPES))

    @validates_schema
    def _salary_range(self, data, **kwargs):
        check_salary_range(data.get("salary_min"), data.get("salary_max"))


class PostingPatch(PostingIn):
    """Fields to change on a posting; only those sent change. ``status`` closes or reopens it."""

    # The same rules as PostingIn, minus "required" and the defaults: absent means unchanged.
    title = short_text()
    description = fields.String(validate=validate.Length(max=MAX_DESCRIPTION))
    skills = text_list(50)
    headcount = fields.Integer(strict=True, validate=validate.Range(min=1, max=MAX_HEADCOUNT))
    job_type = fields.String(validate=validate.OneOf(JOB_TYPES))
    status = fields.String(validate=validate.OneOf(POSTING_STATUSES))


class PostingBatchIn(BaseSchema):
    """Up to 500 postings created all-or-nothing."""

    postings = fields.List(
        fields.Nested(PostingIn), required=True, validate=validate.Length(min=1, max=MAX_BATCH)
    )


class PostingIntentCounts(Schema):
    """How the seekers stand with a posting now (erased seekers and withdrawn marks do not count)."""

    interested = fields.Integer(metadata={"description": "Seekers interested in the posting now."})
    awaiting_employer = fields.Integer(
        metadata={"description": "Of them, those the employer has not marked yet: waiting for its answer."})
    agreed = fields.Integer(metadata={"description": "Of them, those agreed with (the employer marked them too)."})


class PostingReadFromDescription(Schema):
    """The form's fields a posting left blank, as its description states them."""

    education_min = fields.String(metadata={"example": "associate"})
    experience_min_years = fields.Integer(metadata={"example": 3})
    salary_min = fields.Integer(metadata={"example": 8000})
    salary_max = fields.Integer(metadata={"example": 10000})
    location = fields.String(metadata={"example": "长寿区晏家街道"})


class PostingOut(Schema):
    """A posting."""

    id = fields.Integer()
    fair_id = fields.Integer()
    employer_id = fields.Integer()
    employer_name = fields.String(allow_none=True)
    employer_booth = fields.String(allow_none=True, metadata={
        "description": "The employer's booth (展位号), where one is assigned; in the ranked and listed pages."})
    title = fields.String()
    description = fields.String()
    skills = fields.List(fields.String())
    headcount = fields.Integer()
    education_min = fields.String(allow_none=True)
    experience_min_years = fields.Integer(allow_none=True)
    salary_min = fields.Integer(allow_none=True)
    salary_max = fields.Integer(allow_none=True)
    location = fields.String(allow_none=True)
    job_type = fields.String()
    status = fields.String()
    occupation = fields.Nested(OccupationSchema, allow_none=True)
    created_at = fields.String()
    updated_at = fields.String()
    read_from_description = fields.Nested(
        PostingReadFromDescription,
        metadata={"description": "Only in the postings endpoints' answers, where the form left fields blank that "
                                 "the description states: what the matcher ranks by in their place."})
    intent_counts = fields.Nested(
        PostingIntentCounts,
        metadata={"description": "Only in the postings endpoints' answers to the posting's own employer and the "
                                 "organizer: the booth's work, not the kiosks' or other employers' business."})


class PostingCreatedBatch(Schema):
    """Ids of the postings a batch created, in input order."""

    created = fields.List(fields.Integer())


class PostingQuery(PageQuery):
    """Filters of the postings list."""

    q = fields.String(validate=validate.Length(max=100))
    occupation = fields.String(validate=validate.Length(max=20), metadata={"example": "6-18"})
    employer_id = fields.Integer(validate=validate.Range(min=1, max=MAX_ID))
    status = fields.String(validate=validate.OneOf(POSTING_STATUSES))


class PostingPage(PageSchema):
    """A page of postings."""

    items = fields.List(fields.Nested(PostingOut))
