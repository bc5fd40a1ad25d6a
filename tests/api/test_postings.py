"""Postings: create, batch (all-or-nothing), read, change, delete, list."""
import pytest

from tests.api.conftest import WELDER


def test_create_posting_adds_server_fields(world):
    posting = world.a.posting
    assert posting["employer_id"] == world.a.employer["id"] and posting["fair_id"] == world.a.fair["id"]
    assert posting["occupation"]["code"].startswith("6-18")  # welders
    assert posting["status"] == "open" and posting["created_at"]
    assert posting["employer_name"] == world.a.employer["name"]
    for field, value in WELDER.items():
        assert posting[field] == value


def test_defaults(world):
    posting = world.a.emp.post(f"{world.a.base}/postings", json={"title": "Forklift driver"}).get_json()
    assert posting["headcount"] == 1 and posting["job_type"] == "full_time"
    assert posting["skills"] == [] and posting["description"] == ""


@pytest.mark.parametrize("body, field", [
    ({}, "title"),
    ({"title": ""}, "title"),
    ({"title": "   "}, "title"),
    ({"title": "x", "skills": ["电焊", " "]}, "skills"),
    ({"title": "x" * 101}, "title"),
    ({"title": "x", "headcount": 0}, "headcount"),
    ({"title": "x", "headcount": "3"}, "headcount"),
    ({"title": "x", "education_min": "phd"}, "education_min"),
    ({"title": "x", "experience_min_years": -1}, "experience_min_years"),
    ({"title": "x", "salary_min": -5}, "salary_min"),
    ({"title": "x", "salary_min": 9000, "salary_max": 6000}, "salary_max"),
    ({"title": "x", "job_type": "gig"}, "job_type"),
    ({"title": "x", "skills": ["s"] * 51}, "skills"),
    ({"title": "x", "skills": "welding"}, "skills"),
    ({"title": "x", "description": "d" * 5001}, "description"),
    ({"title": "x", "location": "l" * 101}, "location"),
    ({"title": "x", "employer_id": 5}, "employer_id"),
])
def test_posting_validation(world, body, field):
    response = world.a.emp.post(f"{world.a.base}/postings", json=body)
    assert response.status_code == 422
    assert field in response.get_json()["errors"]


def test_a_posting_shows_what_its_description_states_for_the_fields_left_blank(world):
    description = "任职要求：大专及以上学历，3年以上仓储管理经验。\n薪资：8000-10000元/月\n工作地点：长寿区晏家街道"
    posting = world.a.emp.post(f"{world.a.base}/postings",
                               json={"title": "仓库主管", "description": description}).get_json()
    read = {"education_min": "associate", "experience_min_years": 3, "salary_min": 8000, "salary_max": 10000,
            "location": "长寿区晏家街道"}
    assert posting["read_from_description"] == read
    assert posting["education_min"] is None and posting["salary_min"] is None  # the record stays as sent
    listed = world.a.org.get(f"{world.a.base}/postings", query_string={"q": "仓库主管"}).get_json()["items"]
    assert [item["read_from_description"] for item in listed] == [read]
    # A field the form fills is the form's; with every field filled, nothing is read.
    changed = world.a.emp.patch(f"/api/v1/postings/{posting['id']}", json={"salary_min": 7000, "salary_max": 9000,
                                                                            "location": "江北区"}).get_json()
    assert changed["read_from_description"] == {"education_min": "associate", "experience_min_years": 3}
    assert "read_from_description" not in world.a.posting  # the welder's form is complete


def test_batch_creates_all_in_order(world):
    items = [{"title": "数控车床操作工", "headcount": 5}, {"title": "会计"}, {"title": "Sales representative"}]
    response = world.a.emp.post(f"{world.a.base}/postings/batch", json={"postings": items})
    assert response.status_code == 201
    created = response.get_json()["created"]
    assert len(created) == 3
    titles = [world.a.emp.get(f"/api/v1/postings/{posting_id}").get_json()["title"] for posting_id in created]
    assert titles == [item["title"] for item in items]


def test_batch_is_all_or_nothing_with_errors_by_index(world):
    before = world.a.org.get(f"{world.a.base}/postings").get_json()["total"]
    items = [{"title": "ok"}, {"title": ""}, {"title": "ok"}, {"title": "x", "salary_min": 2, "salary_max": 1}]
    response = world.a.emp.post(f"{world.a.base}/postings/batch", json={"postings": items})
    assert response.status_code == 422
    errors = response.get_json()["errors"]["postings"]
    assert set(errors) == {"1", "3"}
    assert "title" in errors["1"] and "salary_max" in errors["3"]
    assert world.a.org.get(f"{world.a.base}/postings").get_json()["total"] == before


def test_batch_size_bounds(world):
    assert world.a.emp.post(f"{world.a.base}/postings/batch", json={"postings": []}).status_code == 422
    too_many = {"postings": [{"title": "普工"}] * 501}
    response = world.a.emp.post(f"{world.a.base}/postings/batch", json=too_many)
    assert response.status_code == 422 and "postings" in response.get_json()["errors"]


def test_a_retried_posting_with_its_idempotency_key_is_created_once(world):
    key = {"Idempotency-Key": "booth-3-7f1c"}
    first = world.a.emp.post(f"{world.a.base}/postings", json={"title": "氩弧焊工", "headcount": 2}, headers=key)
    again = world.a.emp.post(f"{world.a.base}/postings", json={"headcount": 2, "title": "氩弧焊工"}, headers=key)
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.get_json() == first.get_json()
    titles = [p["title"] for p in world.a.org.get(f"{world.a.base}/postings?limit=200").get_json()["items"]]
    assert titles.count("氩弧焊工") == 1
    other = world.a.emp.post(f"{world.a.base}/postings", json={"title": "会计"}, headers=key)
    assert other.status_code == 422 and list(other.get_json()["errors"]) == ["Idempotency-Key"]
    # Without a key, the same body is another posting, as before.
    plain = world.a.emp.post(f"{world.a.base}/postings", json={"title": "氩弧焊工", "headcount": 2})
    assert plain.status_code == 201 and plain.get_json()["id"] != first.get_json()["id"]


def test_a_retried_batch_is_created_once_and_a_deleted_result_is_a_conflict(world):
    key = {"Idempotency-Key": "batch-1"}
    body = {"postings": [{"title": "会计"}, {"title": "出纳"}]}
    first = world.a.emp.post(f"{world.a.base}/postings/batch", json=body, headers=key)
    again = world.a.emp.post(f"{world.a.base}/postings/batch", json=body, headers=key)
    assert again.status_code == 201 and again.get_json() == first.get_json()
    assert world.a.emp.delete(f"/api/v1/postings/{first.get_json()['created'][0]}").status_code == 204
    gone = world.a.emp.post(f"{world.a.base}/postings/batch", json=body, headers=key)
    assert gone.status_code == 409 and "batch-1" in gone.get_json()["message"]


@pytest.mark.parametrize("key", ["", "has space", "x" * 129, "键"])
def test_a_bad_idempotency_key_is_refused_and_creates_nothing(world, key):
    before = world.a.org.get(f"{world.a.base}/postings").get_json()["total"]
    response = world.a.emp.post(f"{world.a.base}/postings", json={"title": "会计"},
                                headers={"Idempotency-Key": key.encode("utf-8").decode("latin-1")})
    assert response.status_code == 422 and "Idempotency-Key" in response.get_json()["errors"]
    assert world.a.org.get(f"{world.a.base}/postings").get_json()["total"] == before


def test_read_posting_by_owner_organizer_and_kiosk(world):
    path = f"/api/v1/postings/{world.a.posting['id']}"
    for caller in (world.a.emp, world.a.org, world.a.kiosk):
        assert caller.get(path).get_json()["id"] == world.a.posting["id"]


def test_patch_changes_only_sent_fields(world):
    path = f"/api/v1/postings/{world.a.posting['id']}"
    updated = world.a.emp.patch(path, json={"headcount": 10, "title": "厨师长"}).get_json()
    assert updated["headcount"] == 10 and updated["title"] == "厨师长"
    assert updated["skills"] == WELDER["skills"] and updated["salary_max"] == WELDER["salary_max"]
    assert updated["occupation"]["code"] != world.a.posting["occupation"]["code"]  # re-normalised from the title


def test_patch_checks_salary_against_stored_values(world):
    path = f"/api/v1/postings/{world.a.posting['id']}"
    response = world.a.emp.patch(path, json={"salary_min": 20000})  # stored salary_max is 9000
    assert response.status_code == 422
    assert "salary_max" in response.get_json()["errors"]
    assert world.a.emp.get(path).get_json()["salary_min"] == WELDER["salary_min"]


def test_patch_validation_and_status(world):
    path = f"/api/v1/postings/{world.a.posting['id']}"
    assert world.a.emp.patch(path, json={"headcount": 0}).status_code == 422
    assert world.a.emp.patch(path, json={"status": "paused"}).status_code == 422
    assert world.a.emp.patch(path, json={"fair_id": 3}).status_code == 422
    assert world.a.org.patch(path, json={"status": "closed"}).get_json()["status"] == "closed"


def test_delete_posting(world):
    path = f"/api/v1/postings/{world.a.posting['id']}"
    assert world.a.emp.delete(path).status_code == 204
    assert world.a.emp.get(path).status_code == 404
    assert world.a.emp.delete(path).status_code == 404


def test_list_filters_and_pagination(world):
    world.a.emp.post(f"{world.a.base}/postings/batch", json={"postings": [
        {"title": "氩弧焊工", "skills": ["氩弧焊"]}, {"title": "叉车司机"}, {"title": "会计"}]})
    everything = world.a.kiosk.get(f"{world.a.base}/postings").get_json()
    assert everything["total"] == 5 and len(everything["items"]) == 5
    page = world.a.kiosk.get(f"{world.a.base}/postings?limit=2&offset=1").get_json()
    assert page["total"] == 5 and [p["id"] for p in page["items"]] == [p["id"] for p in everything["items"][1:3]]
    by_text = world.a.kiosk.get(f"{world.a.base}/postings?q=氩弧焊").get_json()
    assert {p["title"] for p in by_text["items"]} == {"氩弧焊工", "电焊工"}  # title or skills
    by_employer = world.a.kiosk.get(f"{world.a.base}/postings?employer_id={world.a.employer2['id']}").get_json()
    assert [p["title"] for p in by_employer["items"]] == ["厨师"]
    code = world.a.posting["occupation"]["code"]
    by_occupation = world.a.kiosk.get(f"{world.a.base}/postings?occupation={code[:4]}").get_json()
    assert "电焊工" in {p["title"] for p in by_occupation["items"]} and "会计" not in {
        p["title"] for p in by_occupation["items"]}
    world.a.emp.patch(f"/api/v1/postings/{world.a.posting['id']}", json={"status": "closed"})
    closed = world.a.kiosk.get(f"{world.a.base}/postings?status=closed").get_json()
    assert [p["id"] for p in closed["items"]] == [world.a.posting["id"]]


@pytest.mark.parametrize("query", ["limit=201", "limit=0", "offset=-1", "status=paused",
                                   f"offset={2**63}", f"employer_id={2**63}"])
def test_list_query_validation(world, query):
    response = world.a.kiosk.get(f"{world.a.base}/postings?{query}")
    assert response.status_code == 422
    assert query.split("=")[0] in response.get_json()["errors"]


def test_list_is_per_fair(world):
    titles = {p["fair_id"] for p in world.b.kiosk.get(f"{world.b.base}/postings").get_json()["items"]}
    assert titles == {world.b.fair["id"]}
