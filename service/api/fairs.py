"""Fairs: created and listed by organizers, readable by every role of the fair."""
from flask.views import MethodView

from schemas.fairs import FairIn, FairOut
from service.auth import EMPLOYER, KIOSK, ORGANIZER, authorized, fair_for, require_role
from service.blueprint import Blueprint
from service.context import get_store, now

blp = Blueprint("fairs", __name__, url_prefix="/api/v1/fairs", description="Job fairs.")


@blp.route("")
class Fairs(MethodView):
    @authorized(lambda: require_role(ORGANIZER))
    @blp.arguments(FairIn())
    @blp.response(201, FairOut)
    @blp.alt_response(401, description="No or unknown token.")
    @blp.alt_response(403, description="Not an organizer token.")
    @blp.alt_response(422, description="Invalid fields.")
    def post(self, data, access):
        """Create a fair run by the calling organizer."""
        return get_store().create_fair(access.id, data, now=now())

    @authorized(lambda: require_role(ORGANIZER))
    @blp.response(200, FairOut(many=True))
    @blp.alt_response(403, description="Not an organizer token.")
    def get(self, access):
        """List the calling organizer's fairs, newest first."""
        return get_store().list_fairs(access.id)


@blp.route("/<int:fair_id>")
class Fair(MethodView):
    @authorized(lambda fair_id: fair_for(fair_id, ORGANIZER, EMPLOYER, KIOSK))
    @blp.response(200, FairOut)
    @blp.alt_response(404, description="No such fair for this token.")
    def get(self, fair_id, access):
        """Read a fair (any role of the fair)."""
        _, fair = access
        return fair
