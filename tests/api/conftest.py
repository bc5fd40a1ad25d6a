"""API test fixtures: an app per store, a client, and a small world of two fairs.

The world, built through the API itself:

- fair A (organizer ``org``): employers ``emp`` and ``emp2``, kiosk ``kiosk``,
  postings ``posting`` (emp, welder) and ``posting2`` (emp2, cook), seeker ``seeker``;
- fair B (organizer ``org_b``): employer ``emp_b``, kiosk ``kiosk_b``,
  posting ``posting_b``, seeker ``seeker_b``.
"""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from service import create_app, domain
from service.context import close_resources, get_store, now


def bearer(token: str | None) -> dict:
    """Authorization header for a token (none for None)."""
    return {} if token is None else {"Authorization": f"Bearer {token}"}


@pytest.fixture
def app(store_url):
    app = create_app({"TESTING": True, "STORE_URL": store_url})
    yield app
    close_resources(app)


@pytest.fixture
def client(app):
    return app.test_client()


class Caller:
    """A test client bound to one token: ``caller.get(path)`` sends it."""

    def __init__(self, client, token):
        self.client, self.token = client, token

    def open(self, method, path, **kwargs):
        headers = {**bearer(self.token), **kwargs.pop("headers", {})}
        return self.client.open(path, method=method, headers=headers, **kwargs)

    def get(self, path, **kwargs):
        return self.open("GET", path, **kwargs)

    def post(self, path, **kwargs):
        return self.open("POST", path, **kwargs)

    def put(self, path, **kwargs):
        return self.open("PUT", path, **kwargs)

    def patch(self, path, **kwargs):
        return self.open("PATCH", path, **kwargs)

    def delete(self, path, **kwargs):
        return self.open("DELETE", path, **kwargs)


def make_organizer(app, name="组委会") -> str:
    """A new organizer's token (organizers come from the CLI, not the API)."""
    with app.app_context():
        _, token = domain.create_organizer(get_store(), name, secret_key=app.config["SECRET_KEY"], now=now())
    return token


WELDER = {
    "title": "电焊工", "description": "负责钢结构焊接，持焊工证优先", "skills": ["电焊", "氩弧焊"],
    "headcount": 3, "education_min": "junior_high", "experience_min_years": 1,
    "salary_min": 6000, "salary_max": 9000, "location": "两江新区", "job_type": "full_time",
}
COOK = {"title": "厨师", "skills": ["川菜"], "headcount": 2, "salary_min": 5000, "salary_max": 7000,
        "location": "渝中区"}
SEEKER = {
    "name": "张伟", "phone": "13812345678", "consent": True, "desired_titles": ["焊工"],
    "skills": ["电焊"], "education": "high_school", "experience_years": 3,
    "salary_expectation": 7000, "locations": ["两江新区"],
    "resume_text": "张伟，5年电焊经验，联系电话 138-1234-5678。",
}


def _created(response, status=201):
    assert response.status_code == status, response.get_json()
    return response.get_json()


def build_fair(client, org_token, suffix=""):
    """One fair with two employers, a kiosk, two postings and a seeker; returns a namespace."""
    org = Caller(client, org_token)
    fair = _created(org.post("/api/v1/fairs", json={"name": f"重庆春风行动招聘会{suffix}", "date": "2026-03-07",
                                                    "city": "重庆", "district": "渝北区"}))
    base = f"/api/v1/fairs/{fair['id']}"
    emp = _created(org.post(f"{base}/employers", json={"name": f"重庆长安焊装{suffix}", "contact_name": "李经理",
                                                       "contact_phone": "023-6788 1234"}))
    emp2 = _created(org.post(f"{base}/employers", json={"name": f"山城火锅{suffix}"}))
    kiosk = _created(org.post(f"{base}/kiosks", json={"label": "A区1号台"}))
    emp_caller, emp2_caller = Caller(client, emp["token"]), Caller(client, emp2["token"])
    posting = _created(emp_caller.post(f"{base}/postings", json=WELDER))
    posting2 = _created(emp2_caller.post(f"{base}/postings", json=COOK))
    kiosk_caller = Caller(client, kiosk["token"])
    seeker = _created(kiosk_caller.post(f"{base}/seekers", json=SEEKER))
    return SimpleNamespace(
        fair=fair, base=base, org=org, emp=emp_caller, emp2=emp2_caller, kiosk=kiosk_caller,
        employer=emp, employer2=emp2, kiosk_record=kiosk,
        posting=posting, posting2=posting2, seeker=seeker,
    )


@pytest.fixture
def world(app, client):
    """Fair A and fair B (different organizers), built through the API."""
    a = build_fair(client, make_organizer(app, "组委会A"))
    b = build_fair(client, make_organizer(app, "组委会B"), suffix="B")
    return SimpleNamespace(a=a, b=b, client=client, anonymous=Caller(client, None),
                           stranger=Caller(client, "fmo_not-a-real-token"))
