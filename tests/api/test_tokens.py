"""New tokens for employers and kiosks whose token cards were lost: the old token stops working."""
from tests.api.conftest import Caller


def _new_token(caller, a, kind, principal_id):
    return caller.post(f"{a.base}/{kind}s/{principal_id}/token")


def test_an_employers_new_token_works_and_the_old_one_is_refused(world):
    a = world.a
    old = a.employer["token"]
    assert a.emp.get("/api/v1/me").status_code == 200  # the old token is in this worker's cache now
    response = _new_token(a.org, a, "employer", a.employer["id"])
    assert response.status_code == 201
    issued = response.get_json()
    assert set(issued) == {"id", "name", "token"}
    assert (issued["id"], issued["name"]) == (a.employer["id"], a.employer["name"])
    assert issued["token"].startswith("fme_") and issued["token"] != old

    assert Caller(world.client, old).get("/api/v1/me").status_code == 401
    renewed = Caller(world.client, issued["token"])
    assert renewed.get("/api/v1/me").get_json()["id"] == a.employer["id"]
    # Its postings and interest marks are its own still.
    assert renewed.get(f"/api/v1/postings/{a.posting['id']}/shortlist").status_code == 200
    assert renewed.patch(f"/api/v1/postings/{a.posting['id']}", json={"headcount": 4}).status_code == 200


def test_a_kiosks_new_token_works_and_the_old_one_is_refused(world):
    a = world.a
    assert a.kiosk.get("/api/v1/me").status_code == 200
    issued = _new_token(a.org, a, "kiosk", a.kiosk_record["id"]).get_json()
    assert set(issued) == {"id", "label", "token"} and issued["label"] == "A区1号台"
    assert issued["token"].startswith("fmk_")
    assert a.kiosk.get("/api/v1/me").status_code == 401
    assert Caller(world.client, issued["token"]).get(f"/api/v1/seekers/{a.seeker['id']}").status_code == 200


def test_an_employer_or_kiosk_of_another_fair_is_not_found(world):
    a, b = world.a, world.b
    assert _new_token(a.org, a, "employer", b.employer["id"]).status_code == 404
    assert _new_token(a.org, a, "kiosk", b.kiosk_record["id"]).status_code == 404
    assert _new_token(a.org, a, "employer", 10_000).status_code == 404
    assert b.emp.get("/api/v1/me").status_code == 200 and b.kiosk.get("/api/v1/me").status_code == 200


def test_only_the_fairs_organizer_gives_new_tokens(world):
    a, b = world.a, world.b
    for kind, principal_id in (("employer", a.employer["id"]), ("kiosk", a.kiosk_record["id"])):
        assert _new_token(b.org, a, kind, principal_id).status_code == 404
        assert _new_token(a.emp, a, kind, principal_id).status_code == 403
        assert _new_token(a.kiosk, a, kind, principal_id).status_code == 403
        assert _new_token(world.anonymous, a, kind, principal_id).status_code == 401
    assert a.emp.get("/api/v1/me").status_code == 200 and a.kiosk.get("/api/v1/me").status_code == 200
