"""Seekers: submitted at kiosks, keyed by phone within a fair, erasable."""
import pytest

from tests.api.conftest import SEEKER


def test_created_seeker_has_server_fields(world):
    seeker = world.a.seeker
    assert seeker["fair_id"] == world.a.fair["id"] and seeker["created_at"] and seeker["updated_at"]
    assert seeker["phone"] == "13812345678" and seeker["consent"] is True
    assert seeker["occupations"] and seeker["occupations"][0]["code"].startswith("6-18")


def test_same_phone_updates_from_any_kiosk(world):
    other_kiosk = world.a.org.post(f"{world.a.base}/kiosks", json={"label": "B区"}).get_json()
    from tests.api.conftest import Caller

    kiosk = Caller(world.client, other_kiosk["token"])
    response = kiosk.post(f"{world.a.base}/seekers", json={**SEEKER, "phone": "+86 138-1234-5678", "skills": ["气割"]})
    assert response.status_code == 200
    assert response.get_json()["id"] == world.a.seeker["id"]
    assert response.get_json()["skills"] == ["气割"]
    stats = world.a.org.get(f"{world.a.base}/stats").get_json()
    assert stats["seekers"] == 1


def test_resubmission_is_the_whole_profile(world):
    # The kiosk sends the form as the person left it: a field they cleared is not sent, and must
    # not keep its old value (numbers and education were kept while lists were cleared).
    cleared = {key: value for key, value in SEEKER.items()
               if key not in ("education", "experience_years", "salary_expectation", "skills")}
    response = world.a.kiosk.post(f"{world.a.base}/seekers", json=cleared)
    assert response.status_code == 200
    seeker = world.a.kiosk.get(f"/api/v1/seekers/{world.a.seeker['id']}").get_json()
    assert seeker["education"] is None and seeker["experience_years"] is None
    assert seeker["salary_expectation"] is None and seeker["skills"] == []
    assert seeker["desired_titles"] == SEEKER["desired_titles"] and seeker["created_at"] == world.a.seeker["created_at"]


def test_full_width_digits_are_the_same_phone(world):
    response = world.a.kiosk.post(f"{world.a.base}/seekers", json={**SEEKER, "phone": "138１２３４５６７８"})
    assert response.status_code == 200 and response.get_json()["id"] == world.a.seeker["id"]
    assert world.a.org.get(f"{world.a.base}/stats").get_json()["seekers"] == 1


def test_same_phone_in_another_fair_is_another_seeker(world):
    # Both fairs registered SEEKER's phone: two people records, one per fair.
    assert world.b.seeker["phone"] == world.a.seeker["phone"]
    assert world.b.seeker["id"] != world.a.seeker["id"]
    response = world.b.kiosk.post(f"{world.b.base}/seekers", json={**SEEKER, "name": "李娜"})
    assert response.status_code == 200 and response.get_json()["id"] == world.b.seeker["id"]
    assert world.a.kiosk.get(f"/api/v1/seekers/{world.a.seeker['id']}").get_json()["name"] == "张伟"


@pytest.mark.parametrize("phone, normalised", [
    ("13912345678", "13912345678"),
    ("139 1234 5678", "13912345678"),
    ("139-1234-5678", "13912345678"),
    ("+8613912345678", "13912345678"),
    ("+86 139 1234 5678", "13912345678"),
    ("１３９１２３４５６７８", "13912345678"),  # full-width, as a Chinese input method types it
    ("139 １２３４ 5678", "13912345678"),
    ("＋８６ １３９－１２３４－５６７８", "13912345678"),
])
def test_phone_is_normalised(world, phone, normalised):
    response = world.a.kiosk.post(f"{world.a.base}/seekers", json={**SEEKER, "phone": phone})
    assert response.status_code == 201
    assert response.get_json()["phone"] == normalised


@pytest.mark.parametrize("phone", ["12812345678", "1381234567", "138123456789", "02368881234", "abc", "",
                                   "138١٢٣٤٥٦٧٨"])  # Arabic-Indic digits are no mainland number
def test_phone_must_be_a_mainland_mobile(world, phone):
    response = world.a.kiosk.post(f"{world.a.base}/seekers", json={**SEEKER, "phone": phone})
    assert response.status_code == 422
    assert "phone" in response.get_json()["errors"]


@pytest.mark.parametrize("changes, field", [
    ({"consent": False}, "consent"),
    ({"consent": "true"}, "consent"),
    ({"consent": None}, "consent"),
    ({"consent": 1}, "consent"),  # equal to True in Python, but not the JSON true the contract asks for
    ({"consent": 1.0}, "consent"),
    ({"name": ""}, "name"),
    ({"name": "   "}, "name"),  # spaces alone are no name: the employer of an agreement would get "?**"
    ({"name": "\u3000\t"}, "name"),
    ({"desired_titles": ["焊工", " "]}, "desired_titles"),
    ({"name": "名" * 51}, "name"),
    ({"education": "kindergarten"}, "education"),
    ({"experience_years": -1}, "experience_years"),
    ({"experience_years": 61}, "experience_years"),
    ({"salary_expectation": -1}, "salary_expectation"),
    ({"desired_titles": ["焊工"] * 51}, "desired_titles"),
    ({"desired_titles": ["x" * 101]}, "desired_titles"),
    ({"skills": [""]}, "skills"),
    ({"locations": "渝北区"}, "locations"),
    ({"resume_text": "简" * 20_001}, "resume_text"),
    ({"id_card": "500101199001011234"}, "id_card"),
])
def test_seeker_validation(world, changes, field):
    response = world.a.kiosk.post(f"{world.a.base}/seekers", json={**SEEKER, "phone": "13700000000", **changes})
    assert response.status_code == 422
    assert field in response.get_json()["errors"]


@pytest.mark.parametrize("missing", ["name", "phone", "consent"])
def test_required_seeker_fields(world, missing):
    body = {key: value for key, value in SEEKER.items() if key != missing}
    response = world.a.kiosk.post(f"{world.a.base}/seekers", json=body)
    assert response.status_code == 422 and missing in response.get_json()["errors"]


def test_nothing_written_on_invalid_submission(world):
    world.a.kiosk.post(f"{world.a.base}/seekers", json={**SEEKER, "phone": "13600000000", "consent": False})
    lookup = world.a.kiosk.post(f"{world.a.base}/seekers/lookup", json={"phone": "13600000000"})
    assert lookup.status_code == 404


def test_lookup_by_phone(world):
    response = world.a.kiosk.post(f"{world.a.base}/seekers/lookup", json={"phone": "138 1234 5678"})
    assert response.status_code == 200 and response.get_json()["id"] == world.a.seeker["id"]
    assert world.a.org.post(f"{world.a.base}/seekers/lookup", json={"phone": "13812345678"}).status_code == 200
    assert world.a.kiosk.post(f"{world.a.base}/seekers/lookup", json={"phone": "123"}).status_code == 422


def test_get_seeker(world):
    path = f"/api/v1/seekers/{world.a.seeker['id']}"
    for caller in (world.a.kiosk, world.a.org):
        assert caller.get(path).get_json()["name"] == "张伟"


def test_delete_erases_but_counts_stay(world):
    path = f"/api/v1/seekers/{world.a.seeker['id']}"
    world.a.kiosk.put(f"/api/v1/postings/{world.a.posting['id']}/intents/{world.a.seeker['id']}")
    assert world.a.kiosk.delete(path).status_code == 204
    assert world.a.org.get(path).status_code == 404
    assert world.a.kiosk.post(f"{world.a.base}/seekers/lookup", json={"phone": SEEKER["phone"]}).status_code == 404
    stats = world.a.org.get(f"{world.a.base}/stats").get_json()
    assert stats["seekers"] == 1 and stats["seeker_intents"] == 1
    assert world.a.org.delete(path).status_code == 404


def test_organizer_may_erase(world):
    assert world.a.org.delete(f"/api/v1/seekers/{world.a.seeker['id']}").status_code == 204


def test_seeker_intents_list_the_seekers_own_marks(world):
    seeker_id = world.a.seeker["id"]
    marked, agreed = world.a.posting, world.a.posting2
    world.a.kiosk.put(f"/api/v1/postings/{marked['id']}/intents/{seeker_id}")
    world.a.kiosk.put(f"/api/v1/postings/{agreed['id']}/intents/{seeker_id}")
    world.a.emp2.put(f"/api/v1/postings/{agreed['id']}/intents/{seeker_id}")
    listed = world.a.kiosk.get(f"/api/v1/seekers/{seeker_id}/intents").get_json()
    by_posting = {item["posting_id"]: item for item in listed["results"]}
    assert set(by_posting) == {marked["id"], agreed["id"]}
    assert by_posting[marked["id"]]["seeker_interested"] is True and by_posting[marked["id"]]["agreed"] is False
    assert by_posting[agreed["id"]]["agreed"] is True and by_posting[agreed["id"]]["agreed_at"]
    assert by_posting[marked["id"]]["posting"]["title"] == "电焊工"
    assert by_posting[agreed["id"]]["posting"]["employer_name"] == "山城火锅"


def test_seeker_intents_leave_out_withdrawn_marks_and_the_employers_alone(world):
    # An employer's mark the seeker has not answered is the employer's side, not one of the seeker's marks.
    seeker_id = world.a.seeker["id"]
    world.a.kiosk.put(f"/api/v1/postings/{world.a.posting['id']}/intents/{seeker_id}")
    world.a.kiosk.delete(f"/api/v1/postings/{world.a.posting['id']}/intents/{seeker_id}")
    world.a.emp2.put(f"/api/v1/postings/{world.a.posting2['id']}/intents/{seeker_id}")
    for caller in (world.a.kiosk, world.a.org):
        assert caller.get(f"/api/v1/seekers/{seeker_id}/intents").get_json()["results"] == []


def test_seeker_intents_keep_a_closed_postings_mark(world):
    seeker_id = world.a.seeker["id"]
    world.a.kiosk.put(f"/api/v1/postings/{world.a.posting['id']}/intents/{seeker_id}")
    world.a.emp.patch(f"/api/v1/postings/{world.a.posting['id']}", json={"status": "closed"})
    [item] = world.a.kiosk.get(f"/api/v1/seekers/{seeker_id}/intents").get_json()["results"]
    assert item["posting"]["status"] == "closed" and item["seeker_interested"] is True


def test_seeker_intents_are_the_fairs_own(world):
    path = f"/api/v1/seekers/{world.a.seeker['id']}/intents"
    assert world.b.kiosk.get(path).status_code == 404
    assert world.a.emp.get(path).status_code == 403
