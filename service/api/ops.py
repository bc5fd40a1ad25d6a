"""Operations: liveness and readiness (no auth), and the caller's identity."""
from flask import Blueprint as FlaskBlueprint
from flask import jsonify
from flask.views import MethodView

from schemas.ops import MeOut
from service import domain
from service.auth import current_principal
from service.blueprint import Blueprint
from service.context import get_store
from service.errors import error_response

blp = Blueprint("ops", __name__, url_prefix="/api/v1", description="Who am I.")
health = FlaskBlueprint("health", __name__)


@blp.route("/me")
class Me(MethodView):
    @blp.response(200, MeOut)
    @blp.alt_response(401, description="No or unknown token.")
    def get(self):
        """The caller's role, fair and name (and an employer's booth)."""
        return domain.me(get_store(), current_principal())


@health.get("/healthz")
def healthz():
    """Liveness: the process answers."""
    return jsonify(status="ok")


@health.get("/readyz")
def readyz():
    """Readiness: the store answers; 503 otherwise."""
    try:
        ready = get_store().ping()
    except Exception:  # any failure to reach the store means "not ready", not a 500
        ready = False
    if not ready:
        return error_response(503, "The store does not answer.")
    return jsonify(status="ok")
