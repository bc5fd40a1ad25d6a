"""Every error has one shape: {code, status, message, errors?}; errors only on 422."""
import io
import json

import pytest

from service import create_app
from service.context import close_resources


def assert_error(response, code, status):
    body = response.get_json()
    assert response.status_code == code
    assert body["code"] == code
    assert body["status"] == status
    assert isinstance(body["message"], str) and body["message"]
    if code == 422:
        assert isinstance(body["errors"], dict) and body["errors"]
    else:
        assert "errors" not in body
    return body


def test_400_malformed_json(world):
    response = world.a.org.post("/api/v1/fairs", data='{"name": "x", ', content_type="application/json")
    assert_error(response, 400, "Bad Request")


def test_400_deeply_nested_json(world):
    response = world.a.org.post("/api/v1/fairs", data="[" * 5000 + "]" * 5000, content_type="application/json")
    assert_error(response, 400, "Bad Request")


def test_400_lone_surrogate_writes_nothing(world):
    # Valid JSON syntax, but no Unicode text: neither store can keep it.
    fairs = world.a.org.get("/api/v1/fairs").get_json()
    response = world.a.org.post("/api/v1/fairs", data='{"name": "\\ud800", "date": "2026-03-07"}',
                                content_type="application/json")
    assert_error(response, 400, "Bad Request")
    assert world.a.org.get("/api/v1/fairs").get_json() == fairs


def test_401_without_token(world):
    assert_error(world.anonymous.get(f"/api/v1/fairs/{world.a.fair['id']}"), 401, "Unauthorized")


def test_401_unknown_token(world):
    assert_error(world.stranger.get(f"/api/v1/fairs/{world.a.fair['id']}"), 401, "Unauthorized")


def test_401_non_bearer_scheme(world):
    response = world.client.get("/api/v1/me", headers={"Authorization": "Basic dXNlcjpwYXNz"})
    assert_error(response, 401, "Unauthorized")


def test_403_wrong_role(world):
    assert_error(world.a.kiosk.post("/api/v1/fairs", json={"name": "x", "date": "2026-01-01"}), 403, "Forbidden")


def test_404_unknown_route(world):
    assert_error(world.client.get("/api/v1/no-such-thing"), 404, "Not Found")


def test_404_unknown_object(world):
    assert_error(world.a.org.get("/api/v1/postings/999999"), 404, "Not Found")


def test_405_wrong_method(world):
    body = assert_error(world.a.org.open("PUT", "/api/v1/fairs"), 405, "Method Not Allowed")
    assert body["message"]


def test_422_field_messages(world):
    body = assert_error(world.a.org.post("/api/v1/fairs", json={"date": "not a date"}), 422, "Unprocessable Entity")
    assert set(body["errors"]) == {"name", "date"}
    assert all(isinstance(messages, list) for messages in body["errors"].values())


def test_422_unknown_field(world):
    body = assert_error(world.a.org.post("/api/v1/fairs", json={"name": "x", "date": "2026-01-01", "colour": "red"}),
                        422, "Unprocessable Entity")
    assert "colour" in body["errors"]


def test_422_query_errors_keyed_by_field(world):
    response = world.a.org.get(f"{world.a.base}/postings?limit=0")
    body = assert_error(response, 422, "Unprocessable Entity")
    assert "limit" in body["errors"]


def test_422_body_not_an_object(world):
    assert_error(world.a.org.post("/api/v1/fairs", json=["a", "list"]), 422, "Unprocessable Entity")


def test_413_body_over_limit(store_url):
    app = create_app({"TESTING": True, "STORE_URL": store_url, "MAX_BODY_BYTES": 2048})
    try:
        response = app.test_client().post(
            "/api/v1/fairs", data='{"name": "' + "x" * 4096 + '"}', content_type="application/json",
            headers={"Authorization": "Bearer whatever"},
        )
        assert_error(response, 413, "Request Entity Too Large")
    finally:
        close_resources(app)


def _chunked_post(caller, path, body: bytes):
    # As gunicorn hands over a chunked request: no Content-Length, the stream terminated by the server.
    return caller.post(path, input_stream=io.BytesIO(body), content_type="application/json",
                       headers={"Transfer-Encoding": "chunked"},
                       environ_overrides={"wsgi.input_terminated": True})


def test_413_chunked_body_over_limit_writes_nothing(world):
    # Valid JSON, padded past the limit with whitespace: cut at the limit it still parsed, and was written.
    limit = world.client.application.config["MAX_CONTENT_LENGTH"]
    fairs = world.a.org.get("/api/v1/fairs").get_json()
    body = json.dumps({"name": "超限", "date": "2026-03-07"}).encode() + b" " * limit
    assert_error(_chunked_post(world.a.org, "/api/v1/fairs", body), 413, "Request Entity Too Large")
    assert world.a.org.get("/api/v1/fairs").get_json() == fairs


def test_chunked_body_within_limit_is_read(world):
    limit = world.client.application.config["MAX_CONTENT_LENGTH"]
    body = json.dumps({"name": "分块", "date": "2026-03-07"}).encode()
    response = _chunked_post(world.a.org, "/api/v1/fairs", body + b" " * (limit - len(body)))
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["name"] == "分块"


def test_500_unhandled_exception_has_the_shape(store_url):
    app = create_app({"TESTING": True, "STORE_URL": store_url})

    def explode():
        raise RuntimeError("secret internals")

    app.add_url_rule("/explode", view_func=explode)
    try:
        body = assert_error(app.test_client().get("/explode"), 500, "Internal Server Error")
        assert "secret internals" not in body["message"]
    finally:
        close_resources(app)


@pytest.mark.parametrize("path", ["/api/v1/fairs/1", "/api/v1/me", "/api/v1/postings/1"])
def test_error_responses_are_json(world, path):
    response = world.anonymous.get(path)
    assert response.mimetype == "application/json"


BEYOND_ANY_ID = str(2**63)  # ids are 64-bit (SQLite rowids, Redis INCR)


@pytest.mark.parametrize("method, path", [
    ("GET", "/api/v1/fairs/{big}"),
    ("GET", "/api/v1/postings/{big}"),
    ("GET", "/api/v1/postings/{big}/shortlist"),
    ("GET", "/api/v1/seekers/{big}"),
    ("GET", "/api/v1/seekers/{big}/recommendations"),
    ("PUT", "/api/v1/postings/{posting}/intents/{big}"),
    ("GET", "/api/v1/postings/{posting}/intents/{big}"),
])
def test_404_for_an_id_beyond_any_store_id(world, method, path):
    caller = world.a.kiosk if method == "PUT" else world.a.org
    response = caller.open(method, path.format(big=BEYOND_ANY_ID, posting=world.a.posting["id"]))
    assert_error(response, 404, "Not Found")
