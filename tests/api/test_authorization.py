"""The authorization matrix: every endpoint against every role of this fair and of another.

Callers: ``org``, ``emp`` (owns ``posting``), ``emp2`` (another employer of the
fair), ``kiosk``; the same three roles of fair B; no token; an unknown token.
Expected: allowed roles succeed; other roles of fair A get 403; every role of
fair B gets 404 (fair A's objects do not exist for them); no or unknown token 401.
"""
import pytest

from tests.api.conftest import SEEKER

FAIR_A_ROLES = ("org", "emp", "emp2", "kiosk")
FAIR_B_ROLES = ("org", "emp", "kiosk")


def _posting(a):
    return f"/api/v1/postings/{a.posting['id']}"


def _seeker(a):
    return f"/api/v1/seekers/{a.seeker['id']}"


def _intent(a):
    return f"/api/v1/postings/{a.posting['id']}/intents/{a.seeker['id']}"


# name -> (method, path builder, json body or None, roles of fair A allowed)
ENDPOINTS = {
    "get fair": ("GET", lambda a: a.base, None, FAIR_A_ROLES),
    "create employer": ("POST", lambda a: f"{a.base}/employers", {"name": "新单位"}, ("org",)),
    "list employers": ("GET", lambda a: f"{a.base}/employers", None, ("org",)),
    "create kiosk": ("POST", lambda a: f"{a.base}/kiosks", {"label": "C区"}, ("org",)),
    "list kiosks": ("GET", lambda a: f"{a.base}/kiosks", None, ("org",)),
    "new employer token": ("POST", lambda a: f"{a.base}/employers/{a.employer['id']}/token", None, ("org",)),
    "new kiosk token": ("POST", lambda a: f"{a.base}/kiosks/{a.kiosk_record['id']}/token", None, ("org",)),
    "create posting": ("POST", lambda a: f"{a.base}/postings", {"title": "焊工"}, ("emp", "emp2")),
    "batch postings": ("POST", lambda a: f"{a.base}/postings/batch", {"postings": [{"title": "焊工"}]},
                       ("emp", "emp2")),
    "list postings": ("GET", lambda a: f"{a.base}/postings", None, FAIR_A_ROLES),
    "get posting": ("GET", _posting, None, ("org", "emp", "kiosk")),
    "patch posting": ("PATCH", _posting, {"headcount": 2}, ("org", "emp")),
    "delete posting": ("DELETE", _posting, None, ("org", "emp")),
    "submit seeker": ("POST", lambda a: f"{a.base}/seekers", {**SEEKER, "phone": "13911112222"}, ("kiosk",)),
    "lookup seeker": ("POST", lambda a: f"{a.base}/seekers/lookup", {"phone": SEEKER["phone"]}, ("org", "kiosk")),
    "get seeker": ("GET", _seeker, None, ("org", "kiosk")),
    "delete seeker": ("DELETE", _seeker, None, ("org", "kiosk")),
    "seeker intents": ("GET", lambda a: f"{_seeker(a)}/intents", None, ("org", "kiosk")),
    "shortlist": ("GET", lambda a: f"{_posting(a)}/shortlist", None, ("org", "emp")),
    "recommendations": ("GET", lambda a: f"{_seeker(a)}/recommendations", None, ("org", "kiosk")),
    "mark intent": ("PUT", _intent, None, ("emp", "kiosk")),
    "withdraw intent": ("DELETE", _intent, None, ("emp", "kiosk")),
    "read intent": ("GET", _intent, None, ("org", "emp", "kiosk")),
    "agreements": ("GET", lambda a: f"{a.base}/agreements", None, ("org", "emp", "emp2")),
    "stats": ("GET", lambda a: f"{a.base}/stats", None, ("org",)),
    "stats csv": ("GET", lambda a: f"{a.base}/stats.csv", None, ("org",)),
}

ALLOWED_CASES = [(name, role) for name, (*_, roles) in ENDPOINTS.items() for role in roles]


def _call(caller, endpoint_name, a):
    method, path, body, _ = ENDPOINTS[endpoint_name]
    return caller.open(method, path(a), json=body) if body is not None else caller.open(method, path(a))


@pytest.mark.parametrize("endpoint_name, role", ALLOWED_CASES, ids=[f"{n}-{r}" for n, r in ALLOWED_CASES])
def test_allowed(world, endpoint_name, role):
    response = _call(getattr(world.a, role), endpoint_name, world.a)
    assert 200 <= response.status_code < 300, response.get_json()


@pytest.mark.parametrize("endpoint_name", list(ENDPOINTS))
def test_denied(world, endpoint_name):
    allowed = ENDPOINTS[endpoint_name][3]
    outcomes = {}
    for role in FAIR_A_ROLES:
        if role not in allowed:
            outcomes[f"A.{role}"] = _call(getattr(world.a, role), endpoint_name, world.a).status_code
    for role in FAIR_B_ROLES:
        outcomes[f"B.{role}"] = _call(getattr(world.b, role), endpoint_name, world.a).status_code
    outcomes["anonymous"] = _call(world.anonymous, endpoint_name, world.a).status_code
    outcomes["unknown token"] = _call(world.stranger, endpoint_name, world.a).status_code
    expected = {name: 403 for name in outcomes if name.startswith("A.")}
    expected.update({name: 404 for name in outcomes if name.startswith("B.")})
    expected.update({"anonymous": 401, "unknown token": 401})
    assert outcomes == expected


@pytest.mark.parametrize("method, body", [("GET", None), ("POST", {"name": "x", "date": "2026-01-01"})])
def test_fairs_collection_is_for_organizers(world, method, body):
    for caller in (world.a.emp, world.a.kiosk):
        assert caller.open(method, "/api/v1/fairs", json=body).status_code == 403
    assert world.anonymous.open(method, "/api/v1/fairs", json=body).status_code == 401


def test_denied_write_changes_nothing(world):
    path = f"/api/v1/postings/{world.a.posting['id']}"
    assert world.a.emp2.patch(path, json={"headcount": 99}).status_code == 403
    assert world.b.org.delete(path).status_code == 404
    assert world.a.emp.get(path).get_json()["headcount"] == world.a.posting["headcount"]


def test_denial_comes_before_validation(world):
    # A caller without access learns nothing from validation messages.
    response = world.a.kiosk.post(f"{world.a.base}/postings", json={"title": ""})
    assert response.status_code == 403
    response = world.b.emp.post(f"{world.a.base}/postings", json={"title": ""})
    assert response.status_code == 404
