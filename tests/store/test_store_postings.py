"""Postings: create (single and batch), read, update, delete, list."""
from __future__ import annotations

import pytest
from store_helpers import NOW, posting

from service.store.base import KeyReused, RequestKey

LATER = "2024-03-02T10:05:00+08:00"
WELDER = {"code": "6-18-02-04", "name": "电焊工"}
COOK = {"code": "4-03-02-01", "name": "中式烹调师"}


def test_create_fills_defaults_and_server_fields(store, fair):
    (record,) = fair.post(posting("焊工", occupation=WELDER))
    assert record == {
        "id": record["id"], "fair_id": fair.id, "employer_id": fair.employer["id"],
        "title": "焊工", "description": "", "skills": [], "headcount": 1, "education_min": None,
        "experience_min_years": None, "salary_min": None, "salary_max": None, "location": None,
        "job_type": "full_time", "status": "open", "occupation": WELDER,
        "created_at": NOW, "updated_at": NOW,
    }
    assert store.get_posting(record["id"]) == record


def test_create_keeps_every_given_field(store, fair):
    fields = posting("Line cook 厨师", description="负责热菜", skills=["炒菜", "food safety"], headcount=3,
                     education_min="vocational", experience_min_years=2, salary_min=5000, salary_max=8000,
                     location="福田区", job_type="part_time", occupation=COOK)
    (record,) = fair.post(fields)
    assert {k: record[k] for k in fields} == fields
    assert store.get_posting(record["id"]) == record


def test_batch_returns_records_in_input_order(store, fair):
    records = fair.post(*(posting(f"岗位 {i}", headcount=i) for i in range(1, 6)))
    assert [r["title"] for r in records] == [f"岗位 {i}" for i in range(1, 6)]
    assert len({r["id"] for r in records}) == 5
    assert [store.get_posting(r["id"]) for r in records] == records
    assert fair.stats()["positions"] == 15


def test_empty_batch_writes_nothing(store, fair):
    assert fair.post() == []
    assert store.fair_version(fair.id) == 0


@pytest.mark.parametrize("bad_item", [
    posting("坏", headcount=object()),                     # cannot be stored
    posting("坏", occupation={"code": "6-18"}),             # occupation without a name
], ids=["unstorable-value", "broken-occupation"])
def test_batch_is_all_or_nothing(store, fair, bad_item):
    (kept,) = fair.post(posting("之前的"))
    version = store.fair_version(fair.id)
    before = fair.stats()

    with pytest.raises((TypeError, KeyError, ValueError)):
        fair.post(posting("好 1"), posting("好 2"), bad_item, posting("好 3"))

    page, total = store.list_postings(fair.id)
    assert (total, [p["id"] for p in page]) == (1, [kept["id"]])
    assert store.fair_version(fair.id) == version
    assert store.changes_since(fair.id, version).postings == []
    after = fair.stats()
    assert {k: after[k] for k in ("postings", "positions", "postings_without_interest", "by_employer")} == \
        {k: before[k] for k in ("postings", "positions", "postings_without_interest", "by_employer")}


def test_update_changes_fields_and_keeps_identity(store, fair):
    (record,) = fair.post(posting("焊工", skills=["电焊"], occupation=WELDER))
    updated = store.update_posting(record["id"], {"title": "高级焊工", "skills": ["电焊", "氩弧焊"],
                                                  "salary_max": 12000, "id": 999, "fair_id": 999},
                                   now=LATER)
    assert updated == {**record, "title": "高级焊工", "skills": ["电焊", "氩弧焊"], "salary_max": 12000,
                       "updated_at": LATER}
    assert store.get_posting(record["id"]) == updated


def test_update_or_delete_missing_posting(store, fair):
    assert store.update_posting(10_000, {"title": "x"}, now=NOW) is None
    assert store.delete_posting(10_000, now=NOW) is False


def test_delete_removes_posting_and_its_intents(store, fair):
    (record,) = fair.post(posting("焊工"))
    seeker = fair.seeker()
    store.set_intent(record["id"], seeker["id"], "seeker", True, now=NOW)
    assert store.delete_posting(record["id"], now=NOW) is True
    assert store.get_posting(record["id"]) is None
    assert store.get_intents(seeker_id=seeker["id"]) == {}
    assert store.get_intent(record["id"], seeker["id"])["seeker_interested"] is False
    assert store.delete_posting(record["id"], now=NOW) is False
    assert store.list_postings(fair.id) == ([], 0)


@pytest.fixture
def listed(store, fair):
    """Five postings of two employers; returned oldest first."""
    return fair.post(
        posting("电焊工", skills=["氩弧焊"], occupation=WELDER),
        posting("Line COOK", description="Western kitchen", occupation=COOK),
        posting("普工", description="包吃包住", occupation={"code": "6-180", "name": "虚构"}),
    ) + fair.post(
        posting("厨师助理", skills=["切配", "Food Safety"], occupation=COOK, status="closed"),
        posting("仓库管理员"),
        employer=fair.other_employer,
    )


def ids(result):
    page, total = result
    return [p["id"] for p in page], total


@pytest.mark.parametrize("filters, expected", [
    ({}, [4, 3, 2, 1, 0]),
    ({"q": "cook"}, [1]),                   # case-insensitive, title
    ({"q": "KITCHEN"}, [1]),                # description
    ({"q": "food safety"}, [3]),            # skills
    ({"q": "氩弧"}, [0]),                    # Chinese substring of a skill
    ({"q": "包吃"}, [2]),
    ({"q": "不存在"}, []),
    ({"q": "%"}, []),                       # no wildcard surprises
    ({"occupation": "6-18"}, [0]),          # code prefix, not "6-180"
    ({"occupation": "4-03-02-01"}, [3, 1]),
    ({"status": "closed"}, [3]),
    ({"status": "open"}, [4, 2, 1, 0]),
    ({"employer_id": "other"}, [4, 3]),
    ({"employer_id": "other", "status": "open"}, [4]),
])
def test_list_filters_newest_first(store, fair, listed, filters, expected):
    if filters.get("employer_id") == "other":
        filters = {**filters, "employer_id": fair.other_employer["id"]}
    want = [listed[i]["id"] for i in expected]
    assert ids(store.list_postings(fair.id, **filters)) == (want, len(want))


def test_list_pages_with_limit_and_offset(store, fair, listed):
    newest_first = [p["id"] for p in reversed(listed)]
    assert ids(store.list_postings(fair.id, limit=2)) == (newest_first[:2], 5)
    assert ids(store.list_postings(fair.id, limit=2, offset=2)) == (newest_first[2:4], 5)
    assert ids(store.list_postings(fair.id, limit=2, offset=4)) == (newest_first[4:], 5)
    assert ids(store.list_postings(fair.id, offset=10)) == ([], 5)


def test_list_reflects_updates(store, fair, listed):
    store.update_posting(listed[4]["id"], {"title": "Cook assistant"}, now=LATER)
    assert ids(store.list_postings(fair.id, q="cook")) == ([listed[4]["id"], listed[1]["id"]], 2)


def test_list_postings_without_interest_agrees_with_the_counter(store, fair, listed):
    person = fair.seeker()
    store.set_intent(listed[0]["id"], person["id"], "seeker", True, now=NOW)
    store.set_intent(listed[1]["id"], person["id"], "employer", True, now=NOW)   # not a seeker mark
    store.set_intent(listed[2]["id"], person["id"], "seeker", True, now=NOW)
    store.set_intent(listed[2]["id"], person["id"], "seeker", False, now=NOW)
    open_without = ids(store.list_postings(fair.id, status="open", without_interest=True))
    assert open_without == ([listed[4]["id"], listed[2]["id"], listed[1]["id"]], 3)
    assert fair.stats()["postings_without_interest"] == 3
    assert ids(store.list_postings(fair.id, without_interest=True, limit=1)) == ([listed[4]["id"]], 4)


def test_a_request_key_creates_its_postings_once(store, fair):
    key = RequestKey("retry-1", "fingerprint-a")
    items = [posting("焊工", occupation=WELDER), posting("厨师", occupation=COOK)]
    created = store.create_postings(fair.id, fair.employer["id"], items, now=NOW, request_key=key)
    store.update_posting(created[0]["id"], {"headcount": 4}, now=LATER)
    again = store.create_postings(fair.id, fair.employer["id"], items, now=LATER, request_key=key)
    assert [r["id"] for r in again] == [r["id"] for r in created]
    assert again[0]["headcount"] == 4  # the postings as they are now
    assert fair.stats()["postings"] == 2
    assert store.changes_since(fair.id, 0).version == store.fair_version(fair.id)
    with pytest.raises(KeyReused):
        store.create_postings(fair.id, fair.employer["id"], items[:1], now=LATER,
                              request_key=RequestKey("retry-1", "fingerprint-b"))
    assert fair.stats()["postings"] == 2
    # Keys are the employer's own: another employer's same key is another request.
    other = store.create_postings(fair.id, fair.other_employer["id"], items[:1], now=LATER, request_key=key)
    assert other[0]["id"] not in {r["id"] for r in created}


def test_a_request_key_reports_postings_deleted_since(store, fair):
    key = RequestKey("retry-2", "fingerprint")
    first, second = store.create_postings(fair.id, fair.employer["id"], [posting("甲"), posting("乙")],
                                          now=NOW, request_key=key)
    store.delete_posting(first["id"], now=LATER)
    again = store.create_postings(fair.id, fair.employer["id"], [posting("甲"), posting("乙")],
                                  now=LATER, request_key=key)
    assert again == [None, store.get_posting(second["id"])]


def test_a_request_key_is_forgotten_after_a_day(store, fair):
    key = RequestKey("retry-3", "fingerprint")
    (first,) = store.create_postings(fair.id, fair.employer["id"], [posting()], now=NOW, request_key=key)
    (same,) = store.create_postings(fair.id, fair.employer["id"], [posting()],
                                    now="2024-03-03T09:14:00+08:00", request_key=key)
    assert same["id"] == first["id"]
    if store.__class__.__name__ == "RedisStore":
        # Redis expires the key on its own clock: check the time it was given.
        ttl = store.client.ttl(f"fm:employer:{fair.employer['id']}:request:retry-3")
        assert 24 * 3600 - 60 < ttl <= 24 * 3600
    else:
        (later,) = store.create_postings(fair.id, fair.employer["id"], [posting()],
                                         now="2024-03-03T09:16:00+08:00", request_key=key)
        assert later["id"] != first["id"]
