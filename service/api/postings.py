"""Postings: employers manage their own; every role of the fair can read them."""
import functools

from flask.views import MethodView
from flask_smorest import abort

from schemas.postings import (
    PostingBatchIn, PostingCreatedBatch, PostingIn, PostingOut, PostingPage, PostingPatch, PostingQuery,
    RequestKeyHeaders,
)
from service import domain
from service.auth import EMPLOYER, KIOSK, ORGANIZER, authorized, fair_for, posting_for, sees_intent_counts
from service.blueprint import Blueprint
from service.context import get_store, now

blp = Blueprint("postings", __name__, url_prefix="/api/v1", description="Jobs offered at a fair.")

employer_of_fair = authorized(lambda fair_id: fair_for(fair_id, EMPLOYER))


def _shown(store, principal, posting: dict) -> dict:
    """One posting as the caller sees it (:func:`domain.shown_postings`)."""
    return domain.shown_postings(store, [posting], counted=functools.partial(sees_intent_counts, principal))[0]


@blp.route("/fairs/<int:fair_id>/postings")
class Postings(MethodView):
    @employer_of_fair
    @blp.arguments(PostingIn())
    @blp.arguments(RequestKeyHeaders(), location="headers")
    @blp.response(201, PostingOut)
    @blp.alt_response(403, description="Not an employer token of this fair.")
    @blp.alt_response(404, description="No such fair for this token.")
    @blp.alt_response(409, description="Its Idempotency-Key created a posting that was deleted since.")
    @blp.alt_response(422, description="Invalid fields, or an Idempotency-Key used for another posting.")
    def post(self, data, headers, fair_id, access):
        """Create one posting for the calling employer."""
        employer, _ = access
        store = get_store()
        (created,) = domain.create_postings(store, fair_id, employer.id, [data], now=now(),
                                            request_key=headers["request_key"])
        return _shown(store, employer, created)

    @authorized(lambda fair_id: fair_for(fair_id, ORGANIZER, EMPLOYER, KIOSK))
    @blp.arguments(PostingQuery(), location="query")
    @blp.response(200, PostingPage)
    @blp.alt_response(404, description="No such fair for this token.")
    def get(self, query, fair_id, access):
        """List the fair's postings, newest first; q searches title, description and skills."""
        principal, _ = access
        return domain.list_postings(get_store(), fair_id, counted=functools.partial(sees_intent_counts, principal),
                                    **query)


@blp.route("/fairs/<int:fair_id>/postings/batch")
class PostingBatch(MethodView):
    @employer_of_fair
    @blp.arguments(PostingBatchIn())
    @blp.arguments(RequestKeyHeaders(), location="headers")
    @blp.response(201, PostingCreatedBatch)
    @blp.alt_response(403, description="Not an employer token of this fair.")
    @blp.alt_response(409, description="Its Idempotency-Key created postings that were deleted since.")
    @blp.alt_response(422, description="Invalid items, keyed by index (nothing was created), "
                                       "or an Idempotency-Key used for other postings.")
    def post(self, data, headers, fair_id, access):
        """Create up to 500 postings, all or nothing."""
        employer, _ = access
        created = domain.create_postings(get_store(), fair_id, employer.id, data["postings"], now=now(),
                                         request_key=headers["request_key"])
        return {"created": [posting["id"] for posting in created]}


@blp.route("/postings/<int:posting_id>")
class Posting(MethodView):
    @authorized(lambda posting_id: posting_for(posting_id, ORGANIZER, EMPLOYER, KIOSK))
    @blp.response(200, PostingOut)
    @blp.alt_response(403, description="Another employer's posting.")
    @blp.alt_response(404, description="No such posting for this token.")
    def get(self, posting_id, access):
        """Read a posting (owner employer, organizer, kiosks of the fair)."""
        principal, posting = access
        return _shown(get_store(), principal, posting)

    @authorized(lambda posting_id: posting_for(posting_id, ORGANIZER, EMPLOYER))
    @blp.arguments(PostingPatch())
    @blp.response(200, PostingOut)
    @blp.alt_response(403, description="Not the owner employer or the organizer.")
    @blp.alt_response(404, description="No such posting for this token.")
    @blp.alt_response(422, description="Invalid fields.")
    def patch(self, changes, posting_id, access):
        """Change some fields of a posting; ``status: closed`` takes it off offer."""
        principal, posting = access
        store = get_store()
        updated = domain.update_posting(store, posting, changes, now=now())
        if updated is None:
            abort(404, message=f"Posting {posting_id} not found.")
        return _shown(store, principal, updated)

    @authorized(lambda posting_id: posting_for(posting_id, ORGANIZER, EMPLOYER))
    @blp.response(204)
    @blp.alt_response(403, description="Not the owner employer or the organizer.")
    @blp.alt_response(404, description="No such posting for this token.")
    def delete(self, posting_id, access):
        """Delete a posting and its intents."""
        if not get_store().delete_posting(posting_id, now=now()):
            abort(404, message=f"Posting {posting_id} not found.")
