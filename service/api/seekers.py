"""Seekers: registered and updated at kiosks, keyed by phone within a fair."""
from flask.views import MethodView
from flask_smorest import abort

from schemas.intents import SeekerIntentList
from schemas.seekers import PhoneLookupIn, SeekerIn, SeekerOut
from service import domain
from service.auth import KIOSK, ORGANIZER, authorized, fair_for, seeker_for
from service.blueprint import Blueprint
from service.context import get_store, now

blp = Blueprint("seekers", __name__, url_prefix="/api/v1", description="Job seekers registered at kiosks.")


@blp.route("/fairs/<int:fair_id>/seekers")
class Seekers(MethodView):
    @authorized(lambda fair_id: fair_for(fair_id, KIOSK))
    @blp.arguments(SeekerIn())
    @blp.response(201, SeekerOut, description="A new seeker.")
    @blp.alt_response(200, schema=SeekerOut, description="The seeker with this phone, updated.")
    @blp.alt_response(403, description="Not a kiosk token of this fair.")
    @blp.alt_response(404, description="No such fair for this token.")
    @blp.alt_response(422, description="Invalid fields.")
    def post(self, data, fair_id, access):
        """Register a seeker, or update the one with this phone (201 new, 200 updated)."""
        seeker, created = domain.upsert_seeker(get_store(), fair_id, data, now=now())
        return seeker, 201 if created else 200


@blp.route("/fairs/<int:fair_id>/seekers/lookup")
class SeekerLookup(MethodView):
    @authorized(lambda fair_id: fair_for(fair_id, KIOSK, ORGANIZER))
    @blp.arguments(PhoneLookupIn())
    @blp.response(200, SeekerOut)
    @blp.alt_response(404, description="No seeker with this phone in the fair.")
    def post(self, data, fair_id, access):
        """Find the fair's seeker with a phone number (kept out of URLs and logs)."""
        seeker = get_store().find_seeker_by_phone(fair_id, data["phone"])
        if seeker is None:
            abort(404, message="No seeker with this phone in this fair.")
        return seeker


@blp.route("/seekers/<int:seeker_id>")
class Seeker(MethodView):
    @authorized(lambda seeker_id: seeker_for(seeker_id, KIOSK, ORGANIZER))
    @blp.response(200, SeekerOut)
    @blp.alt_response(403, description="Not a kiosk or organizer token of this fair.")
    @blp.alt_response(404, description="No such seeker for this token.")
    def get(self, seeker_id, access):
        """Read a seeker (kiosks of the fair, organizer)."""
        _, seeker = access
        return seeker

    @authorized(lambda seeker_id: seeker_for(seeker_id, KIOSK, ORGANIZER))
    @blp.response(204)
    @blp.alt_response(403, description="Not a kiosk or organizer token of this fair.")
    @blp.alt_response(404, description="No such seeker for this token.")
    def delete(self, seeker_id, access):
        """Erase a seeker's data; counts already reported stay."""
        if not get_store().delete_seeker(seeker_id, now=now()):
            abort(404, message=f"Seeker {seeker_id} not found.")


@blp.route("/seekers/<int:seeker_id>/intents")
class SeekerIntents(MethodView):
    @authorized(lambda seeker_id: seeker_for(seeker_id, KIOSK, ORGANIZER))
    @blp.response(200, SeekerIntentList)
    @blp.alt_response(403, description="Not a kiosk or organizer token of this fair.")
    @blp.alt_response(404, description="No such seeker for this token.")
    def get(self, seeker_id, access):
        """The postings this seeker has marked (withdrawn marks left out), with the pair's state."""
        _, seeker = access
        return domain.seeker_intents(get_store(), seeker)
