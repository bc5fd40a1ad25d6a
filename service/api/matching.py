"""Ranking: shortlists of seekers for a posting, recommendations of postings for a seeker."""
from flask import jsonify
from flask.views import MethodView
from flask_smorest import abort

from schemas.matching import RecommendationQuery, RecommendationsOut, ShortlistOut, ShortlistQuery
from service import domain
from service.auth import EMPLOYER, KIOSK, ORGANIZER, authorized, posting_access, seeker_access
from service.blueprint import Blueprint
from service.context import get_indexes, get_store

blp = Blueprint("matching", __name__, url_prefix="/api/v1", description="Shortlists and recommendations.")

# The domain builds these pages in exactly the documented shape (tests/api check
# that dumping them through the schema changes nothing), so the views send them
# as they are: dumping 50 ranked seekers through marshmallow on every shortlist
# was a large part of the CPU of the busiest endpoints.


@blp.route("/postings/<int:posting_id>/shortlist")
class Shortlist(MethodView):
    @authorized(lambda posting_id: posting_access(posting_id, ORGANIZER, EMPLOYER))
    @blp.arguments(ShortlistQuery(), location="query")
    @blp.response(200, ShortlistOut)
    @blp.alt_response(403, description="Not the owner employer or the organizer.")
    @blp.alt_response(404, description="No such posting for this token.")
    def get(self, query, posting_id, access):
        """Seekers ranked for the posting, best first; names and phones only for agreed pairs."""
        _, fair_id = access
        page = domain.shortlist(get_store(), get_indexes(), fair_id, posting_id, **query)
        if page is None:
            abort(404, message=f"Posting {posting_id} not found.")
        return jsonify(page)


@blp.route("/seekers/<int:seeker_id>/recommendations")
class Recommendations(MethodView):
    @authorized(lambda seeker_id: seeker_access(seeker_id, KIOSK, ORGANIZER))
    @blp.arguments(RecommendationQuery(), location="query")
    @blp.response(200, RecommendationsOut)
    @blp.alt_response(403, description="Not a kiosk or organizer token of this fair.")
    @blp.alt_response(404, description="No such seeker for this token.")
    def get(self, query, seeker_id, access):
        """Open postings ranked for the seeker, best first."""
        _, fair_id = access
        page = domain.recommendations(get_store(), get_indexes(), fair_id, seeker_id, **query)
        if page is None:
            abort(404, message=f"Seeker {seeker_id} not found.")
        return jsonify(page)
