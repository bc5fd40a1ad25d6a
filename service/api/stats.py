"""Fair statistics for organizers, as JSON or as a spreadsheet-friendly CSV."""
from flask import Response
from flask.views import MethodView

from schemas.stats import StatsOut
from service.auth import ORGANIZER, authorized, fair_for
from service.blueprint import Blueprint
from service.context import get_store, now
from service.web.exports import stats_csv_rows
from service.web.spreadsheets import csv_report_bytes

blp = Blueprint("stats", __name__, url_prefix="/api/v1/fairs", description="Fair statistics.")

organizer_of_fair = authorized(lambda fair_id: fair_for(fair_id, ORGANIZER))
_STATS_OUT = StatsOut()


def _stats(fair_id: int) -> dict:
    return {**get_store().stats(fair_id), "fair_id": fair_id, "generated_at": now()}


@blp.route("/<int:fair_id>/stats")
class Stats(MethodView):
    @organizer_of_fair
    @blp.response(200, StatsOut)
    @blp.alt_response(403, description="Not this fair's organizer.")
    @blp.alt_response(404, description="No such fair for this token.")
    def get(self, fair_id, access):
        """The fair's counts: totals, by occupation, by employer, by hour."""
        return _stats(fair_id)


@blp.route("/<int:fair_id>/stats.csv")
class StatsCsv(MethodView):
    @organizer_of_fair
    @blp.response(200, content_type="text/csv", description="UTF-8 with BOM, CRLF; sections separated by a blank row.")
    @blp.alt_response(403, description="Not this fair's organizer.")
    @blp.alt_response(404, description="No such fair for this token.")
    def get(self, fair_id, access):
        """The fair's counts as CSV, ready for a spreadsheet."""
        # Dumped as the JSON is, so its columns hold what the JSON's keys do (by_occupation's name_en included).
        rows = stats_csv_rows(_STATS_OUT.dump(_stats(fair_id)))
        return Response(csv_report_bytes(rows), mimetype="text/csv", headers={
            "Content-Disposition": f'attachment; filename="fair-{fair_id}-stats.csv"',
        })
