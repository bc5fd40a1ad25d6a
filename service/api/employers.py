"""Employers and kiosks of a fair, registered by its organizer."""
from flask import current_app
from flask.views import MethodView
from flask_smorest import abort

from schemas.base import PageQuery
from schemas.employers import (
    EmployerBooth, EmployerCreated, EmployerIn, EmployerOut, EmployerPage, EmployerToken, KioskCreated, KioskIn,
    KioskPage, KioskToken,
)
from service import domain
from service.auth import ORGANIZER, authorized, fair_for
from service.blueprint import Blueprint
from service.context import get_store, now

blp = Blueprint("employers", __name__, url_prefix="/api/v1/fairs", description="Employers and kiosks of a fair.")

organizer_of_fair = authorized(lambda fair_id, **_: fair_for(fair_id, ORGANIZER))


def _new_token(fair_id: int, kind: str, principal_id: int) -> dict:
    issued = domain.new_token(get_store(), fair_id, kind, principal_id, secret_key=current_app.config["SECRET_KEY"])
    if issued is None:
        abort(404, message=f"No {kind} {principal_id} in fair {fair_id}.")
    return issued


def _page(records: list[dict], query: dict) -> dict:
    limit, offset = query["limit"], query["offset"]
    return {"items": records[offset:offset + limit], "total": len(records), "limit": limit, "offset": offset}


@blp.route("/<int:fair_id>/employers")
class Employers(MethodView):
    @organizer_of_fair
    @blp.arguments(EmployerIn())
    @blp.response(201, EmployerCreated)
    @blp.alt_response(403, description="Not this fair's organizer.")
    @blp.alt_response(404, description="No such fair for this token.")
    @blp.alt_response(422, description="Invalid fields, or a name already registered in this fair.")
    def post(self, data, fair_id, access):
        """Register an employer; its token is in this response only.

        Names are compared ignoring case, full-width forms and extra spaces: a registration
        retried after its answer was lost is refused rather than making a second employer.
        """
        return domain.create_employer(
            get_store(), fair_id, data, secret_key=current_app.config["SECRET_KEY"], now=now()
        )

    @organizer_of_fair
    @blp.arguments(PageQuery(), location="query")
    @blp.response(200, EmployerPage)
    @blp.alt_response(403, description="Not this fair's organizer.")
    @blp.alt_response(404, description="No such fair for this token.")
    def get(self, query, fair_id, access):
        """List the fair's employers in registration order."""
        return _page(get_store().list_employers(fair_id), query)


@blp.route("/<int:fair_id>/kiosks")
class Kiosks(MethodView):
    @organizer_of_fair
    @blp.arguments(KioskIn())
    @blp.response(201, KioskCreated)
    @blp.alt_response(403, description="Not this fair's organizer.")
    @blp.alt_response(404, description="No such fair for this token.")
    @blp.alt_response(422, description="Invalid fields.")
    def post(self, data, fair_id, access):
        """Add a kiosk; its token is in this response only."""
        return domain.create_kiosk(
            get_store(), fair_id, data, secret_key=current_app.config["SECRET_KEY"], now=now()
        )

    @organizer_of_fair
    @blp.arguments(PageQuery(), location="query")
    @blp.response(200, KioskPage)
    @blp.alt_response(403, description="Not this fair's organizer.")
    @blp.alt_response(404, description="No such fair for this token.")
    def get(self, query, fair_id, access):
        """List the fair's kiosks in the order they were added (tokens are not shown again)."""
        return _page(get_store().list_kiosks(fair_id), query)


@blp.route("/<int:fair_id>/employers/<int:employer_id>")
class EmployerBoothView(MethodView):
    @organizer_of_fair
    @blp.arguments(EmployerBooth())
    @blp.response(200, EmployerOut)
    @blp.alt_response(403, description="Not this fair's organizer.")
    @blp.alt_response(404, description="No such fair for this token, or no such employer in it.")
    @blp.alt_response(422, description="Not a booth (20 characters at most), or a field other than the booth.")
    def patch(self, data, fair_id, employer_id, access):
        """Assign or change an employer's booth (展位号), or clear it with null.

        The booth is the one field that changes after registration; the kiosks show it with the
        employer's postings (other workers within 30 seconds).
        """
        employer = domain.set_employer_booth(get_store(), fair_id, employer_id, data["booth"])
        if employer is None:
            abort(404, message=f"No employer {employer_id} in fair {fair_id}.")
        return employer


@blp.route("/<int:fair_id>/employers/<int:employer_id>/token")
class EmployerNewToken(MethodView):
    @organizer_of_fair
    @blp.response(201, EmployerToken)
    @blp.alt_response(403, description="Not this fair's organizer.")
    @blp.alt_response(404, description="No such fair for this token, or no such employer in it.")
    def post(self, fair_id, employer_id, access):
        """Give an employer a new token (its card was lost); the old one stops working.

        Workers that saw the old token in the last 30 seconds may still honour it that long.
        """
        return _new_token(fair_id, "employer", employer_id)


@blp.route("/<int:fair_id>/kiosks/<int:kiosk_id>/token")
class KioskNewToken(MethodView):
    @organizer_of_fair
    @blp.response(201, KioskToken)
    @blp.alt_response(403, description="Not this fair's organizer.")
    @blp.alt_response(404, description="No such fair for this token, or no such kiosk in it.")
    def post(self, fair_id, kiosk_id, access):
        """Give a kiosk a new token (its card was lost); the old one stops working.

        Workers that saw the old token in the last 30 seconds may still honour it that long.
        """
        return _new_token(fair_id, "kiosk", kiosk_id)
