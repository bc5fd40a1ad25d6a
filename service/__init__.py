"""fairmatch: a job-fair matching service (Flask application factory)."""
from __future__ import annotations

import os
import secrets

from flask import Flask, request
from flask.sessions import SessionInterface
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.routing import IntegerConverter
from flask_smorest import Api

from schemas.base import MAX_ID
from service import config as settings
from service import errors
from service.encoding import FastJSONProvider

API_PREFIX = "/api/v1"


class NoSessions(SessionInterface):
    """fairmatch keeps no sessions (callers send bearer tokens), so no cookie is
    opened or signed: Flask's default did both on every request, ~0.1 ms each."""

    def open_session(self, app, request):
        return self.make_null_session(app)

    def save_session(self, app, session, response):
        return None


class IdConverter(IntegerConverter):
    """``<int:...>`` in fairmatch's routes: a store id, 1..MAX_ID. A larger number
    names nothing, so it is a 404 of the router instead of reaching a store
    (SQLite cannot even bind it)."""

    def __init__(self, map, *args, **kwargs):
        super().__init__(map, min=1, max=MAX_ID)


def create_app(config: dict | None = None) -> Flask:
    """Build the app: defaults, then ``FAIRMATCH_*`` variables, then ``config`` (which wins).

    A secret key is required unless ``TESTING`` is set (tests get a random one).
    """
    app = Flask(__name__, instance_path=os.path.join(os.getcwd(), "instance"))
    app.json = FastJSONProvider(app)
    app.session_interface = NoSessions()
    app.url_map.converters["int"] = IdConverter  # before any route is added
    app.config.update(settings.defaults())
    app.config.update(settings.from_environ())
    app.config.update(config or {})
    if not app.config.get("SECRET_KEY"):
        if not app.config["TESTING"]:
            raise settings.ConfigError(
                "FAIRMATCH_SECRET_KEY is not set: tokens are hashed with it, so it is required."
            )
        app.config["SECRET_KEY"] = secrets.token_hex(32)
    app.config["MAX_CONTENT_LENGTH"] = app.config["MAX_BODY_BYTES"]
    app.config.update(
        API_TITLE="fairmatch",
        API_VERSION="v1",
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX=API_PREFIX,
        OPENAPI_JSON_PATH="openapi.json",
        API_SPEC_OPTIONS={
            "info": {"description": "Job-fair matching: kiosks register seekers, employers post jobs, "
                                    "both sides mark interest, organizers watch the numbers. "
                                    "Every error is {code, status, message, errors?}. 503 (with Retry-After, "
                                    "in seconds) means the store could not be reached or could not write just "
                                    "now: nothing was wrong with the request, and repeating it then is right."},
            "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
            "security": [{"bearer": []}],
        },
    )
    if app.config["STORE_URL"].startswith("sqlite:///"):
        os.makedirs(os.path.dirname(app.config["STORE_URL"][len("sqlite:///"):]) or ".", exist_ok=True)

    api = Api(app)
    errors.init_app(app)

    from service import api as api_package
    from service import docs, web

    api_package.init_app(app, api)
    docs.init_app(app)
    web.init_app(app)

    @app.before_request
    def _reject_oversized_body():
        # Werkzeug enforces the limit only when the body is read; answer 413
        # before authentication so a big upload is refused without being read.
        limit = app.config["MAX_CONTENT_LENGTH"]
        if request.content_length is not None and request.content_length > limit:
            raise RequestEntityTooLarge()
        if request.content_length is None and "chunked" in request.headers.get("Transfer-Encoding", "").lower():
            # A chunked body declares no length. Werkzeug reads such a stream only up to the
            # limit and then stops without an error, so a longer body reached the parsers cut
            # short: a 400 for broken JSON, or a write when what was cut was padding. Read it
            # here (at most the limit, kept for the parsers) and look for one byte more.
            if len(request.get_data(cache=True)) >= limit and request.environ["wsgi.input"].read(1):
                raise RequestEntityTooLarge()

    @app.after_request
    def _worker_header(response):
        # Lets clients (and the cross-worker tests) see which worker answered.
        response.headers["X-Worker-Pid"] = str(os.getpid())
        return response

    return app
