"""One error shape for every error: ``{code, status, message, errors?}``."""
from __future__ import annotations

from flask import current_app, jsonify, request
from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.http import HTTP_STATUS_CODES

from service.domain import InvalidChanges, RequestSpent
from service.store.base import StoreUnavailable

DEFAULT_MESSAGES = {
    400: "The request could not be understood (malformed JSON?).",
    401: "A valid bearer token is required.",
    403: "This token may not do that.",
    404: "Not found.",
    405: "This method is not allowed here.",
    413: "The request body is too large.",
    422: "Some fields are invalid.",
    500: "Something went wrong on our side.",
}

# The store could not be reached or could not write just now: the request was fine, and trying it
# again shortly is right (the pages do, for requests that are safe to repeat).
MSG_STORE_UNAVAILABLE = "系统繁忙，请稍后重试 / The service is busy, please try again in a few seconds."
DEFAULT_RETRY_AFTER_SECONDS = 3


def _field_errors(messages):
    """Validation messages keyed by field, whatever request part they came from.

    webargs keys errors by location (``{"json": {...}, "query": {...}}``); the
    contract keys them by field, so the location level is dropped.
    """
    if not isinstance(messages, dict):
        return {"_schema": messages if isinstance(messages, list) else [str(messages)]}
    locations = {"json", "query", "form", "files", "headers", "cookies", "path", "view_args"}
    if messages and set(messages) <= locations:
        merged: dict = {}
        for part in messages.values():
            merged.update(part if isinstance(part, dict) else {"_schema": part})
        return merged
    return messages


def error_response(code: int, message: str | None = None, errors=None, headers=None):
    """A JSON error response in the contract's shape."""
    payload = {
        "code": code,
        "status": _reason(code),
        "message": message or DEFAULT_MESSAGES.get(code, _reason(code)),
    }
    if errors is not None and code == 422:
        payload["errors"] = _field_errors(errors)
    response = jsonify(payload)
    response.status_code = code
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _reason(code: int) -> str:
    # werkzeug's table, not http.HTTPStatus: its phrases do not change between Python versions.
    return HTTP_STATUS_CODES.get(code, "Error")


def handle_http_exception(error: HTTPException):
    """Turn Flask, werkzeug and flask-smorest HTTP errors into the error shape."""
    data = getattr(error, "data", None) or {}
    errors = data.get("errors", data.get("messages"))
    message = data.get("message")
    if error.code == 400 and errors is not None:
        # webargs reports unparsable JSON as a 400 with messages; keep them readable.
        message = message or "Invalid JSON body."
        errors = None
    if message is None and error.code not in DEFAULT_MESSAGES:
        message = error.description
    headers = dict(data.get("headers") or {})
    if error.code == 405:
        allowed = error.get_headers()
        headers.update({k: v for k, v in allowed if k == "Allow"})
    return error_response(error.code, message, errors, headers)


def handle_unexpected(error: Exception):
    """Log an unhandled exception and answer 500 without leaking details."""
    if isinstance(error, HTTPException):
        return handle_http_exception(error)
    current_app.logger.exception("unhandled error", exc_info=error)
    return handle_http_exception(InternalServerError())


def handle_store_unavailable(error: StoreUnavailable):
    """503 with Retry-After for a store that cannot be reached or cannot write now.

    Logged as one warning line: during an outage every request fails the same way, and a
    stack trace each would bury the log; a bug (any other exception) still gets its trace.
    """
    current_app.logger.warning("store unavailable, %s %s answered 503: %s", request.method, request.path, error)
    seconds = current_app.config.get("RETRY_AFTER_SECONDS", DEFAULT_RETRY_AFTER_SECONDS)
    return error_response(503, MSG_STORE_UNAVAILABLE, headers={"Retry-After": str(seconds)})


def handle_invalid_changes(error: InvalidChanges):
    """A request that is invalid given what is stored: 422, keyed by field like any validation error."""
    return error_response(422, errors=error.errors)


def handle_request_spent(error: RequestSpent):
    return error_response(409, str(error))


def init_app(app):
    """Install the handlers (after flask-smorest's, so ours win)."""
    app.register_error_handler(InvalidChanges, handle_invalid_changes)
    app.register_error_handler(RequestSpent, handle_request_spent)
    app.register_error_handler(StoreUnavailable, handle_store_unavailable)
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(Exception, handle_unexpected)
