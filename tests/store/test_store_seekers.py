"""Seekers: upsert by phone, lookup, erasure."""
from __future__ import annotations

from store_helpers import NOW, posting, seeker

LATER = "2024-03-02T11:40:00+08:00"
WELDER = {"code": "6-18-02-04", "name": "电焊工"}
COOK = {"code": "4-03-02-01", "name": "中式烹调师"}


def test_create_fills_defaults(store, fair):
    record, created = store.upsert_seeker(fair.id, seeker("13800138000", "李雷"), now=NOW)
    assert created is True
    assert record == {
        "id": record["id"], "fair_id": fair.id, "name": "李雷", "phone": "13800138000", "consent": True,
        "desired_titles": [], "skills": [], "education": None, "experience_years": None,
        "salary_expectation": None, "locations": [], "resume_text": "", "occupations": [],
        "created_at": NOW, "updated_at": NOW,
    }
    assert store.get_seeker(record["id"]) == record
    assert store.find_seeker_by_phone(fair.id, "13800138000") == record


def test_same_phone_updates_the_same_seeker(store, fair):
    first, _ = store.upsert_seeker(fair.id, seeker(desired_titles=["电焊工"], skills=["氩弧焊"],
                                                   occupations=[WELDER], resume_text="十年焊接经验"), now=NOW)
    second, created = store.upsert_seeker(fair.id, seeker(name="张三丰", skills=["电焊", "Welding"],
                                                          experience_years=10), now=LATER)
    assert created is False
    assert second["id"] == first["id"]
    # Fields the update does not carry keep their values.
    assert second == {**first, "name": "张三丰", "skills": ["电焊", "Welding"], "experience_years": 10,
                      "updated_at": LATER}
    assert store.get_seeker(first["id"]) == second
    assert fair.stats()["seekers"] == 1


def test_same_phone_in_another_fair_is_another_seeker(store, fair):
    from store_helpers import Fair

    other = Fair(store, name="秋季招聘会")
    mine = fair.seeker("13800138000")
    theirs = other.seeker("13800138000")
    assert mine["id"] != theirs["id"]
    assert store.find_seeker_by_phone(other.id, "13800138000")["fair_id"] == other.id
    assert (fair.stats()["seekers"], other.stats()["seekers"]) == (1, 1)


def test_missing_lookups(store, fair):
    assert store.get_seeker(10_000) is None
    assert store.find_seeker_by_phone(fair.id, "13900000000") is None
    assert store.delete_seeker(10_000, now=NOW) is False


def test_erasure_removes_data_phone_and_intents_but_keeps_counts(store, fair):
    (job,) = fair.post(posting())
    person = fair.seeker(resume_text="简历", occupations=[WELDER])
    store.set_intent(job["id"], person["id"], "seeker", True, now=NOW)
    store.set_intent(job["id"], person["id"], "employer", True, now=NOW)
    before = fair.stats()

    assert store.delete_seeker(person["id"], now=LATER) is True

    assert store.get_seeker(person["id"]) is None
    assert store.find_seeker_by_phone(fair.id, person["phone"]) is None
    assert store.get_intents(posting_id=job["id"]) == {}
    assert store.get_intent(job["id"], person["id"])["agreed"] is False
    assert store.list_agreements(fair.id) == ([], 0)
    assert store.list_agreements(fair.id, employer_id=fair.employer["id"]) == ([], 0)
    after = fair.stats()
    before.pop("generated_at"), after.pop("generated_at")
    assert after == before
    assert (after["seekers"], after["resumes"], after["agreements"], after["seekers_with_agreement"]) == (1, 1, 1, 1)
    assert store.delete_seeker(person["id"], now=LATER) is False


def test_phone_is_free_again_after_erasure(store, fair):
    gone = fair.seeker("13800138000")
    store.delete_seeker(gone["id"], now=NOW)
    back, created = store.upsert_seeker(fair.id, seeker("13800138000", "回来了"), now=LATER)
    assert created is True
    assert back["id"] != gone["id"]
    assert fair.stats()["seekers"] == 2


def test_resumes_count_each_seeker_once(store, fair):
    fair.seeker("13800000001")
    assert fair.stats()["resumes"] == 0
    fair.seeker("13800000001", resume_text="第一版")
    fair.seeker("13800000001", resume_text="第二版")
    fair.seeker("13800000001", resume_text="")
    fair.seeker("13800000001", resume_text="第三版")
    fair.seeker("13800000002", resume_text="English resume")
    assert fair.stats()["resumes"] == 2


def test_seekers_by_first_occupation_follow_updates(store, fair):
    fair.seeker("13800000001", occupations=[WELDER, COOK])
    fair.seeker("13800000002", occupations=[COOK])
    fair.seeker("13800000003")

    def by_occupation():
        return {row["code"]: (row["name"], row["seekers"]) for row in fair.stats()["by_occupation"]}

    assert by_occupation() == {WELDER["code"]: ("电焊工", 1), COOK["code"]: ("中式烹调师", 1)}
    fair.seeker("13800000001", occupations=[COOK])
    assert by_occupation() == {COOK["code"]: ("中式烹调师", 2)}
    fair.seeker("13800000002", name="不改职业")
    assert by_occupation() == {COOK["code"]: ("中式烹调师", 2)}
    fair.seeker("13800000002", occupations=[])
    assert by_occupation() == {COOK["code"]: ("中式烹调师", 1)}
