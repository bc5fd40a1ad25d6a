"""Employers' booths (展位号): assigned by the organizer, shown with the postings wherever a seeker
or the organizer reads them."""
from tests.api.conftest import Caller


def booth_path(world, employer=None, fair=None):
    fair = fair or world.a
    return f"{fair.base}/employers/{(employer or fair.employer)['id']}"


def test_a_booth_given_at_registration_is_written_as_the_floor_plan_does(world):
    created = world.a.org.post(f"{world.a.base}/employers", json={"name": "渝北物流", "booth": " Ｃ区－０３ "})
    assert created.status_code == 201 and created.get_json()["booth"] == "C区-03"
    listed = world.a.org.get(f"{world.a.base}/employers").get_json()["items"]
    assert [(e["name"], e["booth"]) for e in listed][-1] == ("渝北物流", "C区-03")
    assert world.a.employer["booth"] is None  # registered without one


def test_the_organizer_assigns_changes_and_clears_a_booth_and_the_postings_show_it(world):
    changed = world.a.org.patch(booth_path(world), json={"booth": "A12"})
    assert changed.status_code == 200
    assert changed.get_json() == {**{k: v for k, v in world.a.employer.items() if k != "token"}, "booth": "A12"}
    seeker, welder = world.a.seeker["id"], world.a.posting["id"]
    # The kiosk's recommendations and the seeker's marks, the booth's own list and the agreements.
    ranked = world.a.kiosk.get(f"/api/v1/seekers/{seeker}/recommendations").get_json()["results"]
    assert {r["posting_id"]: r["posting"]["employer_booth"] for r in ranked} == {
        welder: "A12", world.a.posting2["id"]: None}
    world.a.kiosk.put(f"/api/v1/postings/{welder}/intents/{seeker}")
    world.a.emp.put(f"/api/v1/postings/{welder}/intents/{seeker}")
    marks = world.a.kiosk.get(f"/api/v1/seekers/{seeker}/intents").get_json()["results"]
    assert [m["posting"]["employer_booth"] for m in marks] == ["A12"]
    listed = world.a.emp.get(f"{world.a.base}/postings?employer_id={world.a.employer['id']}").get_json()["items"]
    assert [p["employer_booth"] for p in listed] == ["A12"]
    assert world.a.kiosk.get(f"/api/v1/postings/{welder}").get_json()["employer_booth"] == "A12"
    agreed = world.a.org.get(f"{world.a.base}/agreements").get_json()["items"]
    assert [a["posting"]["employer_booth"] for a in agreed] == ["A12"]

    assert world.a.org.patch(booth_path(world), json={"booth": "B07"}).get_json()["booth"] == "B07"
    assert world.a.kiosk.get(f"/api/v1/postings/{welder}").get_json()["employer_booth"] == "B07"
    assert world.a.org.patch(booth_path(world), json={"booth": None}).get_json()["booth"] is None
    assert world.a.org.patch(booth_path(world), json={"booth": "  "}).get_json()["booth"] is None
    assert world.a.kiosk.get(f"/api/v1/postings/{welder}").get_json()["employer_booth"] is None


def test_only_the_fairs_organizer_gives_booths_and_bad_input_changes_nothing(world):
    world.a.org.patch(booth_path(world), json={"booth": "A12"})
    assert world.a.emp.patch(booth_path(world), json={"booth": "Z99"}).status_code == 403
    assert world.a.kiosk.patch(booth_path(world), json={"booth": "Z99"}).status_code == 403
    assert world.b.org.patch(booth_path(world), json={"booth": "Z99"}).status_code in (403, 404)
    # Fair B's employer is not in fair A.
    assert world.a.org.patch(booth_path(world, employer=world.b.employer), json={"booth": "Z99"}).status_code == 404
    too_long = world.a.org.patch(booth_path(world), json={"booth": "A" * 21})
    assert too_long.status_code == 422 and "booth" in too_long.get_json()["errors"]
    renamed = world.a.org.patch(booth_path(world), json={"booth": "Z99", "name": "别的名字"})
    assert renamed.status_code == 422 and "name" in renamed.get_json()["errors"]
    assert world.a.org.patch(booth_path(world), json={}).status_code == 422
    employers = world.a.org.get(f"{world.a.base}/employers").get_json()["items"]
    assert [(e["name"], e["booth"]) for e in employers][0] == (world.a.employer["name"], "A12")
    assert world.b.org.get(f"{world.b.base}/employers").get_json()["items"][0]["booth"] is None


def test_the_employers_token_still_works_after_its_booth_changes_and_says_where_its_booth_is(world):
    emp = Caller(world.client, world.a.employer["token"])
    assert emp.get("/api/v1/me").get_json()["booth"] is None
    world.a.org.patch(booth_path(world), json={"booth": "A12"})
    assert emp.get(f"/api/v1/postings/{world.a.posting['id']}/shortlist").status_code == 200
    me = emp.get("/api/v1/me").get_json()
    assert (me["role"], me["name"], me["booth"]) == ("employer", world.a.employer["name"], "A12")
    assert "booth" not in world.a.kiosk.get("/api/v1/me").get_json()
    assert "booth" not in world.a.org.get("/api/v1/me").get_json()
