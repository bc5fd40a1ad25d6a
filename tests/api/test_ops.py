"""Health checks, identity, the OpenAPI spec and the docs page."""
import os
import socket

from service import create_app
from service.context import close_resources


def test_healthz_needs_no_token(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_readyz_reports_the_store(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_worker_pid_header(client):
    assert client.get("/healthz").headers["X-Worker-Pid"] == str(os.getpid())


def test_me_for_each_role(world):
    fair_id = world.a.fair["id"]
    assert world.a.org.get("/api/v1/me").get_json() == {
        "role": "organizer", "id": world.a.fair["organizer_id"], "fair_id": None, "name": "组委会A"}
    employer = world.a.emp.get("/api/v1/me").get_json()
    assert employer == {"role": "employer", "id": world.a.employer["id"], "fair_id": fair_id,
                        "name": world.a.employer["name"], "booth": None}
    kiosk = world.a.kiosk.get("/api/v1/me").get_json()
    assert kiosk == {"role": "kiosk", "id": world.a.kiosk_record["id"], "fair_id": fair_id, "name": "A区1号台"}


def test_openapi_spec_lists_every_contract_path(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    expected = {
        "/api/v1/fairs", "/api/v1/fairs/{fair_id}", "/api/v1/fairs/{fair_id}/employers",
        "/api/v1/fairs/{fair_id}/kiosks", "/api/v1/fairs/{fair_id}/postings",
        "/api/v1/fairs/{fair_id}/postings/batch", "/api/v1/postings/{posting_id}",
        "/api/v1/fairs/{fair_id}/seekers", "/api/v1/seekers/{seeker_id}",
        "/api/v1/postings/{posting_id}/shortlist", "/api/v1/seekers/{seeker_id}/recommendations",
        "/api/v1/postings/{posting_id}/intents/{seeker_id}", "/api/v1/fairs/{fair_id}/stats",
        "/api/v1/fairs/{fair_id}/stats.csv", "/api/v1/me", "/api/v1/fairs/{fair_id}/seekers/lookup",
        "/api/v1/fairs/{fair_id}/agreements", "/api/v1/seekers/{seeker_id}/intents",
    }
    assert expected <= set(spec["paths"])
    seeker_in = spec["components"]["schemas"]["SeekerIn"]
    assert {"name", "phone", "consent"} <= set(seeker_in["required"])


def test_openapi_spec_lists_the_organizers_setup_endpoints(client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    assert {"get", "post"} <= set(paths["/api/v1/fairs/{fair_id}/kiosks"])
    assert "post" in paths["/api/v1/fairs/{fair_id}/employers/{employer_id}/token"]
    assert "post" in paths["/api/v1/fairs/{fair_id}/kiosks/{kiosk_id}/token"]
    assert "get" in paths["/api/v1/fairs/{fair_id}/employers/template.xlsx"]
    imported = paths["/api/v1/fairs/{fair_id}/employers/import"]["post"]
    assert {"201", "422"} <= set(imported["responses"])


def test_openapi_spec_says_what_a_503_means(client):
    about = client.get("/api/v1/openapi.json").get_json()["info"]["description"]
    assert "503" in about and "Retry-After" in about


def test_docs_page_is_self_contained(client):
    response = client.get("/docs")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "/api/v1/openapi.json" in page
    assert "http://" not in page and "https://" not in page  # no CDN: works offline


def test_readyz_is_503_when_the_store_does_not_answer():
    # A port nothing listens on: the Redis store cannot be reached.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app({"TESTING": True, "STORE_URL": f"redis://127.0.0.1:{port}/0"})
    try:
        response = app.test_client().get("/readyz")
        assert response.status_code == 503
        assert response.get_json() == {"code": 503, "status": "Service Unavailable",
                                        "message": "The store does not answer."}
    finally:
        close_resources(app)
