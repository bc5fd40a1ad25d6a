"""Fixtures for the export/import tests: an app on a temp SQLite store and a small fair.

The fair, built through the API: employers ``emp`` (welder posting) and ``emp2``
(cook posting), a kiosk, seekers 张伟 (wants welding) and 李娟 (wants cooking);
a second fair with its own organizer, for cross-fair checks.
"""
from __future__ import annotations

import io
from types import SimpleNamespace

import pytest
from openpyxl import Workbook

from service import create_app, domain
from service.context import close_resources, get_store, now


def workbook_upload(headers, rows, filename):
    """A multipart ``file`` field holding a one-sheet workbook: ``headers``, then ``rows``."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return {"file": (io.BytesIO(buffer.getvalue()), filename)}

WELDER = {"title": "电焊工", "description": "钢结构焊接", "skills": ["电焊", "氩弧焊"], "headcount": 3,
          "education_min": "junior_high", "salary_min": 6000, "salary_max": 9000, "location": "两江新区"}
COOK = {"title": "川菜厨师", "skills": ["川菜"], "headcount": 2, "salary_min": 5000, "salary_max": 7000}
ZHANG = {"name": "张伟", "phone": "13812345678", "consent": True, "desired_titles": ["焊工"], "skills": ["电焊"],
         "education": "high_school", "experience_years": 3, "salary_expectation": 7000, "locations": ["两江新区"],
         "resume_text": "五年电焊经验，电话 13812345678。"}
LI = {"name": "李娟", "phone": "13698765432", "consent": True, "desired_titles": ["厨师"], "skills": ["川菜"]}


@pytest.fixture
def app(sqlite_url):
    app = create_app({"TESTING": True, "STORE_URL": sqlite_url})
    yield app
    close_resources(app)


@pytest.fixture
def client(app):
    return app.test_client()


class Caller:
    """The test client with one bearer token (or none)."""

    def __init__(self, client, token):
        self.client, self.token = client, token

    def __call__(self, method, path, status=None, **kwargs):
        headers = {} if self.token is None else {"Authorization": f"Bearer {self.token}"}
        headers.update(kwargs.pop("headers", {}))
        response = self.client.open(path, method=method, headers=headers, **kwargs)
        if status is not None:
            assert response.status_code == status, (path, response.status_code, response.get_data(as_text=True))
        return response


def _json(response):
    return response.get_json()


def build_fair(app, client, suffix=""):
    with app.app_context():
        _, token = domain.create_organizer(get_store(), f"组委会{suffix}", secret_key=app.config["SECRET_KEY"],
                                           now=now())
    org = Caller(client, token)
    fair = _json(org("POST", "/api/v1/fairs", 201, json={"name": f"春风行动{suffix}", "date": "2026-03-07"}))
    base = f"/api/v1/fairs/{fair['id']}"
    employer = _json(org("POST", f"{base}/employers", 201, json={"name": f"长安焊装{suffix}"}))
    employer2 = _json(org("POST", f"{base}/employers", 201, json={"name": f"山城火锅{suffix}"}))
    kiosk = _json(org("POST", f"{base}/kiosks", 201, json={"label": "1号台"}))
    emp, emp2, kiosk_caller = (Caller(client, record["token"]) for record in (employer, employer2, kiosk))
    welder = _json(emp("POST", f"{base}/postings", 201, json=WELDER))
    cook = _json(emp2("POST", f"{base}/postings", 201, json=COOK))
    zhang = _json(kiosk_caller("POST", f"{base}/seekers", 201, json=ZHANG))
    li = _json(kiosk_caller("POST", f"{base}/seekers", 201, json=LI))
    return SimpleNamespace(id=fair["id"], base=base, org=org, emp=emp, emp2=emp2, kiosk=kiosk_caller,
                           employer=employer, welder=welder, cook=cook, zhang=zhang, li=li)


@pytest.fixture
def fair(app, client):
    """The fair described above."""
    return build_fair(app, client)


@pytest.fixture
def other_fair(app, client):
    """A second fair, with another organizer."""
    return build_fair(app, client, suffix="B")


def agree(fair, posting, seeker, employer):
    """Both sides mark interest: the pair agrees."""
    path = f"/api/v1/postings/{posting['id']}/intents/{seeker['id']}"
    fair.kiosk("PUT", path, 200)
    employer("PUT", path, 200)
