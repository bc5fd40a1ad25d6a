"""Intents: each side marks, idempotently; both sides make one agreement; withdrawals."""
import pytest


def intent_path(world, posting=None, seeker=None):
    posting = posting or world.a.posting
    seeker = seeker or world.a.seeker
    return f"/api/v1/postings/{posting['id']}/intents/{seeker['id']}"


def test_unmarked_pair_reads_all_false(world):
    assert world.a.org.get(intent_path(world)).get_json() == {
        "posting_id": world.a.posting["id"], "seeker_id": world.a.seeker["id"],
        "seeker_interested": False, "employer_interested": False, "agreed": False, "agreed_at": None}


def test_kiosk_marks_the_seeker_side_and_employer_its_own(world):
    path = intent_path(world)
    seeker_side = world.a.kiosk.put(path).get_json()
    assert seeker_side["seeker_interested"] is True and seeker_side["employer_interested"] is False
    assert seeker_side["agreed"] is False and seeker_side["agreed_at"] is None
    both = world.a.emp.put(path).get_json()
    assert both["seeker_interested"] and both["employer_interested"] and both["agreed"]
    assert both["agreed_at"] and "+08:00" in both["agreed_at"]
    for caller in (world.a.kiosk, world.a.emp, world.a.org):
        assert caller.get(path).get_json() == both


def test_marks_are_idempotent_and_count_once(world):
    path = intent_path(world)
    first = world.a.kiosk.put(path).get_json()
    for _ in range(3):
        assert world.a.kiosk.put(path).get_json() == first
    agreed = world.a.emp.put(path).get_json()
    for _ in range(3):
        assert world.a.emp.put(path).get_json() == agreed
        assert world.a.kiosk.put(path).get_json() == agreed
    stats = world.a.org.get(f"{world.a.base}/stats").get_json()
    assert (stats["seeker_intents"], stats["employer_intents"], stats["agreements"],
            stats["seekers_with_agreement"]) == (1, 1, 1, 1)


def test_withdraw_ends_the_agreement(world):
    path = intent_path(world)
    world.a.kiosk.put(path)
    world.a.emp.put(path)
    withdrawn = world.a.emp.delete(path).get_json()
    assert withdrawn["employer_interested"] is False and withdrawn["seeker_interested"] is True
    assert withdrawn["agreed"] is False and withdrawn["agreed_at"] is None
    assert world.a.emp.delete(path).get_json() == withdrawn  # idempotent
    stats = world.a.org.get(f"{world.a.base}/stats").get_json()
    assert stats["agreements"] == 0 and stats["seekers_with_agreement"] == 0 and stats["employer_intents"] == 0
    again = world.a.emp.put(path).get_json()
    assert again["agreed"] is True
    assert world.a.org.get(f"{world.a.base}/stats").get_json()["agreements"] == 1


def test_withdraw_without_a_mark_is_harmless(world):
    response = world.a.kiosk.delete(intent_path(world))
    assert response.status_code == 200 and response.get_json()["seeker_interested"] is False


def test_seeker_of_another_fair_is_not_found(world):
    response = world.a.kiosk.put(intent_path(world, seeker=world.b.seeker))
    assert response.status_code == 404
    assert world.a.emp.put(intent_path(world, seeker={"id": 999999})).status_code == 404


def test_agreements_list_with_contacts(world):
    for posting, employer in ((world.a.posting, world.a.emp), (world.a.posting2, world.a.emp2)):
        path = intent_path(world, posting=posting)
        world.a.kiosk.put(path)
        employer.put(path)
    own = world.a.emp.get(f"{world.a.base}/agreements").get_json()
    assert own["total"] == 1
    (item,) = own["items"]
    assert item["posting"]["id"] == world.a.posting["id"] and item["agreed"] is True
    assert item["seeker"]["phone"] == "13812345678" and item["seeker"]["name"] == "张伟"
    assert item["employer_contact_phone"] == "023-6788 1234"
    everything = world.a.org.get(f"{world.a.base}/agreements").get_json()
    assert everything["total"] == 2
    assert world.a.org.get(f"{world.a.base}/agreements?limit=1").get_json()["items"].__len__() == 1


def test_marks_on_an_erased_seeker_or_deleted_posting_are_not_found_and_count_nothing(world):
    path = intent_path(world)
    assert world.a.kiosk.put(path).status_code == 200  # the worker now knows both owners
    before = world.a.org.get(f"/api/v1/fairs/{world.a.fair['id']}/stats").get_json()
    assert world.a.kiosk.delete(f"/api/v1/seekers/{world.a.seeker['id']}").status_code == 204
    for caller in (world.a.kiosk, world.a.emp):
        response = caller.put(path)
        assert response.status_code == 404 and response.get_json()["code"] == 404
    assert world.a.emp2.delete(f"/api/v1/postings/{world.a.posting2['id']}").status_code == 204
    fresh = world.a.kiosk.post(f"/api/v1/fairs/{world.a.fair['id']}/seekers",
                               json={"name": "李四", "phone": "13900000077", "consent": True}).get_json()
    assert world.a.emp2.put(intent_path(world, posting=world.a.posting2, seeker=fresh)).status_code == 404
    after = world.a.org.get(f"/api/v1/fairs/{world.a.fair['id']}/stats").get_json()
    for key in ("seeker_intents", "employer_intents", "agreements"):
        assert after[key] == before[key]


def set_status(world, status):
    response = world.a.emp.patch(f"/api/v1/postings/{world.a.posting['id']}", json={"status": status})
    assert response.status_code == 200 and response.get_json()["status"] == status


def fair_counts(world):
    stats = world.a.org.get(f"{world.a.base}/stats").get_json()
    return {name: value for name, value in stats.items() if name != "generated_at"}


@pytest.mark.parametrize("side", ["kiosk", "emp"])
def test_a_new_mark_on_a_closed_posting_is_refused_and_changes_nothing(world, side):
    path = intent_path(world)
    set_status(world, "closed")
    before = fair_counts(world)
    response = getattr(world.a, side).put(path)
    assert response.status_code == 409
    assert response.get_json() == {
        "code": 409, "status": "Conflict",
        "message": "该职位已关闭，重新开放后才能标记意向 / This posting is closed; reopen it to record interest."}
    assert world.a.org.get(path).get_json() == {
        "posting_id": world.a.posting["id"], "seeker_id": world.a.seeker["id"],
        "seeker_interested": False, "employer_interested": False, "agreed": False, "agreed_at": None}
    assert fair_counts(world) == before


def test_marks_already_set_and_withdrawals_go_through_on_a_closed_posting(world):
    path = intent_path(world)
    world.a.kiosk.put(path)
    agreed = world.a.emp.put(path).get_json()
    set_status(world, "closed")
    for caller in (world.a.kiosk, world.a.emp):
        response = caller.put(path)
        assert response.status_code == 200 and response.get_json() == agreed
    assert world.a.emp.get(f"{world.a.base}/agreements").get_json()["total"] == 1
    assert fair_counts(world)["agreements"] == 1
    withdrawn = world.a.emp.delete(path)
    assert withdrawn.status_code == 200 and withdrawn.get_json()["agreed"] is False
    assert world.a.kiosk.delete(path).get_json()["seeker_interested"] is False
    assert world.a.emp.put(path).status_code == 409  # withdrawn, so a new mark again


def test_a_reopened_posting_takes_marks_again(world):
    path = intent_path(world)
    set_status(world, "closed")
    assert world.a.kiosk.put(path).status_code == 409
    set_status(world, "open")
    assert world.a.kiosk.put(path).get_json()["seeker_interested"] is True
    assert world.a.emp.put(path).get_json()["agreed"] is True
