"""Fairs, employers and kiosks."""
import pytest

from tests.api.conftest import Caller


def test_create_fair_returns_it(world):
    response = world.a.org.post("/api/v1/fairs", json={"name": "秋季招聘会", "date": "2026-09-12",
                                                       "venue": "重庆国际博览中心"})
    assert response.status_code == 201
    fair = response.get_json()
    assert fair["name"] == "秋季招聘会" and fair["date"] == "2026-09-12" and fair["venue"] == "重庆国际博览中心"
    assert fair["id"] > 0 and "created_at" in fair


def test_list_fairs_only_the_organizers_own(world):
    listed = world.a.org.get("/api/v1/fairs").get_json()
    assert [fair["id"] for fair in listed] == [world.a.fair["id"]]


def test_get_fair_for_every_role_of_the_fair(world):
    for caller in (world.a.org, world.a.emp, world.a.kiosk):
        response = caller.get(world.a.base)
        assert response.status_code == 200
        assert response.get_json()["id"] == world.a.fair["id"]


def test_fair_validation(world):
    errors = world.a.org.post("/api/v1/fairs", json={"name": "", "date": "2026-02-30"}).get_json()["errors"]
    assert set(errors) == {"name", "date"}
    errors = world.a.org.post("/api/v1/fairs", json={"name": "x" * 101, "date": "2026-02-01"}).get_json()["errors"]
    assert set(errors) == {"name"}


def test_employer_token_works_once_created(world):
    response = world.a.org.post(f"{world.a.base}/employers", json={
        "name": "重庆钢铁", "industry": "制造业", "credit_code": "91500000202801234X",
        "contact_name": "王工", "contact_phone": "13900001111"})
    assert response.status_code == 201
    employer = response.get_json()
    assert employer["token"].startswith("fme_")
    me = Caller(world.client, employer["token"]).get("/api/v1/me").get_json()
    assert me["id"] == employer["id"] and me["role"] == "employer"


def test_employer_validation(world):
    response = world.a.org.post(f"{world.a.base}/employers", json={
        "name": "x", "credit_code": "not-a-code", "contact_phone": "call me"})
    assert response.status_code == 422
    assert set(response.get_json()["errors"]) == {"credit_code", "contact_phone"}
    assert world.a.org.post(f"{world.a.base}/employers", json={}).get_json()["errors"] == {
        "name": ["Missing data for required field."]}


@pytest.mark.parametrize("spelling", ["重庆长安焊装", " 重庆长安焊装  ", "山城火锅"])
def test_an_employer_name_registered_in_the_fair_is_refused(world, spelling):
    # E.g. a registration retried after its answer was lost: the organizer gives the first a new token instead.
    response = world.a.org.post(f"{world.a.base}/employers", json={"name": spelling})
    assert response.status_code == 422
    assert response.get_json()["errors"] == {
        "name": ["本场招聘会已登记同名单位 / An employer of this name is already registered in this fair."]}
    assert world.a.org.get(f"{world.a.base}/employers").get_json()["total"] == 2


def test_names_are_compared_ignoring_case_and_full_width_forms(world):
    assert world.a.org.post(f"{world.a.base}/employers", json={"name": "ACME（重庆）有限公司"}).status_code == 201
    for spelling in ("acme(重庆)有限公司", "ａｃｍｅ（重庆）有限公司", " Acme(重庆)有限公司"):
        assert world.a.org.post(f"{world.a.base}/employers", json={"name": spelling}).status_code == 422
    # Another fair may have an employer of the same name.
    assert world.b.org.post(f"{world.b.base}/employers", json={"name": "ACME（重庆）有限公司"}).status_code == 201


def test_list_employers_paginated_without_tokens(world):
    page = world.a.org.get(f"{world.a.base}/employers?limit=1&offset=1").get_json()
    assert page["total"] == 2 and page["limit"] == 1 and page["offset"] == 1
    assert [employer["id"] for employer in page["items"]] == [world.a.employer2["id"]]
    assert "token" not in page["items"][0]


def test_kiosk_created_with_token(world):
    response = world.a.org.post(f"{world.a.base}/kiosks", json={"label": "B区2号台"})
    assert response.status_code == 201
    kiosk = response.get_json()
    assert kiosk["label"] == "B区2号台" and kiosk["token"].startswith("fmk_")
    assert Caller(world.client, kiosk["token"]).get("/api/v1/me").get_json()["role"] == "kiosk"


def test_list_kiosks_paginated_without_tokens(world):
    second = world.a.org.post(f"{world.a.base}/kiosks", json={"label": "B区2号台"}).get_json()
    page = world.a.org.get(f"{world.a.base}/kiosks").get_json()
    assert page == {"items": [{key: kiosk[key] for key in ("id", "fair_id", "label", "created_at")}
                              for kiosk in (world.a.kiosk_record, second)],
                    "total": 2, "limit": 50, "offset": 0}
    page = world.a.org.get(f"{world.a.base}/kiosks?limit=1&offset=1").get_json()
    assert [kiosk["id"] for kiosk in page["items"]] == [second["id"]] and page["total"] == 2
    assert world.a.org.get(f"{world.a.base}/kiosks?limit=201").status_code == 422


def test_kiosk_label_required_and_bounded(world):
    assert world.a.org.post(f"{world.a.base}/kiosks", json={}).status_code == 422
    assert world.a.org.post(f"{world.a.base}/kiosks", json={"label": "x" * 51}).status_code == 422


def test_tokens_are_stored_hashed(app, world):
    from service.context import get_store
    from service.domain import hash_token

    token = world.a.employer["token"]
    with app.app_context():
        store = get_store()
        assert store.find_principal(token) is None
        assert store.find_principal(hash_token(token, app.config["SECRET_KEY"])).id == world.a.employer["id"]


@pytest.mark.parametrize("changes, field", [
    ({"venue": "v" * 201}, "venue"),
    ({"city": "c" * 51}, "city"),
    ({"district": "d" * 51}, "district"),
    ({"date": "07/03/2026"}, "date"),
    ({"organizer_id": 2}, "organizer_id"),
    ({"name": "   "}, "name"),
])
def test_fair_field_rules(world, changes, field):
    body = {"name": "招聘会", "date": "2026-03-07", **changes}
    response = world.a.org.post("/api/v1/fairs", json=body)
    assert response.status_code == 422 and field in response.get_json()["errors"]


@pytest.mark.parametrize("changes, field", [
    ({"name": "n" * 101}, "name"),
    ({"industry": "i" * 51}, "industry"),
    ({"contact_name": "c" * 51}, "contact_name"),
    ({"credit_code": "91500000202801234"}, "credit_code"),  # 17 characters
    # A regex's "$" also matches before a final newline; the whole value must fit.
    ({"credit_code": "91500000202801234X\n"}, "credit_code"),
    ({"contact_phone": "023-6788 1234\n"}, "contact_phone"),
    ({"name": " \u3000 "}, "name"),
    ({"token": "fme_mine"}, "token"),
])
def test_employer_field_rules(world, changes, field):
    response = world.a.org.post(f"{world.a.base}/employers", json={"name": "单位", **changes})
    assert response.status_code == 422 and field in response.get_json()["errors"]
