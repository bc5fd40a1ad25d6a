"""Intents: each side marks interest in a posting-seeker pair; both sides make an agreement."""
from flask.views import MethodView
from flask_smorest import abort

from schemas.base import PageQuery
from schemas.intents import AgreementPage, IntentOut
from service import domain
from service.auth import EMPLOYER, KIOSK, ORGANIZER, authorized, fair_for, posting_access, posting_for
from service.blueprint import Blueprint
from service.context import get_store, now
from service.store.base import PostingClosed

blp = Blueprint("intents", __name__, url_prefix="/api/v1", description="Interest marks and agreements.")

MSG_POSTING_CLOSED = "该职位已关闭，重新开放后才能标记意向 / This posting is closed; reopen it to record interest."


def _pair(posting_id: int, seeker_id: int, *roles: str):
    """The caller, the posting and a seeker of the same fair; 404 if the seeker is elsewhere."""
    principal, posting = posting_for(posting_id, *roles)
    seeker = get_store().get_seeker(seeker_id)
    if seeker is None or seeker["fair_id"] != posting["fair_id"]:
        abort(404, message=f"Seeker {seeker_id} not found.")
    return principal, posting, seeker


def _side(principal) -> str:
    """A kiosk speaks for the seeker, an employer for itself."""
    return domain.SEEKER_SIDE if principal.role == KIOSK else domain.EMPLOYER_SIDE


def _mark(principal, posting_id: int, seeker_id: int, interested: bool) -> dict:
    """The caller's side marked or withdrawn; 404 if the seeker is elsewhere or either is gone,
    409 for a new mark on a closed posting.

    Marks are the most frequent request of a fair day: the posting's owner
    (cached per worker) settles the caller's right, and the store checks the
    rest (the posting's status included) in the same atomic step that writes the mark.
    """
    try:
        intent = domain.mark_intent(get_store(), posting_id, seeker_id, _side(principal), interested, now=now())
    except PostingClosed:
        abort(409, message=MSG_POSTING_CLOSED)
    if intent is None:
        abort(404, message=f"Posting {posting_id} or seeker {seeker_id} not found.")
    return intent


marking_side = authorized(lambda posting_id, seeker_id: posting_access(posting_id, KIOSK, EMPLOYER))


@blp.route("/postings/<int:posting_id>/intents/<int:seeker_id>")
class Intent(MethodView):
    @marking_side
    @blp.response(200, IntentOut)
    @blp.alt_response(403, description="Neither a kiosk of the fair nor the owner employer.")
    @blp.alt_response(404, description="No such posting or seeker for this token.")
    @blp.alt_response(409, description="The posting is closed: a mark not already set is refused, nothing written.")
    def put(self, posting_id, seeker_id, access):
        """Mark the caller's side as interested (idempotent)."""
        principal, _ = access
        return _mark(principal, posting_id, seeker_id, True)

    @marking_side
    @blp.response(200, IntentOut)
    @blp.alt_response(403, description="Neither a kiosk of the fair nor the owner employer.")
    @blp.alt_response(404, description="No such posting or seeker for this token.")
    def delete(self, posting_id, seeker_id, access):
        """Withdraw the caller's side's interest (idempotent); an agreement ends."""
        principal, _ = access
        return _mark(principal, posting_id, seeker_id, False)

    @authorized(lambda posting_id, seeker_id: _pair(posting_id, seeker_id, KIOSK, EMPLOYER, ORGANIZER))
    @blp.response(200, IntentOut)
    @blp.alt_response(403, description="Another employer's posting.")
    @blp.alt_response(404, description="No such posting or seeker for this token.")
    def get(self, posting_id, seeker_id, access):
        """Read the pair's intent (either side, organizer)."""
        return get_store().get_intent(posting_id, seeker_id)


@blp.route("/fairs/<int:fair_id>/agreements")
class Agreements(MethodView):
    @authorized(lambda fair_id: fair_for(fair_id, EMPLOYER, ORGANIZER))
    @blp.arguments(PageQuery(), location="query")
    @blp.response(200, AgreementPage)
    @blp.alt_response(403, description="Not an employer or organizer token of this fair.")
    @blp.alt_response(404, description="No such fair for this token.")
    def get(self, query, fair_id, access):
        """Agreed pairs with contact details: an employer sees its own, the organizer all."""
        principal, _ = access
        employer_id = principal.id if principal.role == EMPLOYER else None
        return domain.agreements(get_store(), fair_id, employer_id=employer_id, **query)
