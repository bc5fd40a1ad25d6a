"""The change feed, stats shape and fair isolation."""
from __future__ import annotations

from store_helpers import NOW, Fair, posting

from service.store import Changes

LATER = "2024-03-02T10:30:00+08:00"


def test_empty_fair_has_version_zero(store, fair):
    assert store.fair_version(fair.id) == 0
    assert store.changes_since(fair.id, 0) == Changes(0, [], [], [], [])


def test_every_seeker_and_posting_write_moves_the_version(store, fair):
    versions = [store.fair_version(fair.id)]
    jobs = fair.post(posting("A"), posting("B"))
    versions.append(store.fair_version(fair.id))
    person = fair.seeker()
    versions.append(store.fair_version(fair.id))
    fair.seeker(name="改名")
    versions.append(store.fair_version(fair.id))
    store.update_posting(jobs[0]["id"], {"headcount": 3}, now=LATER)
    versions.append(store.fair_version(fair.id))
    store.delete_posting(jobs[1]["id"], now=LATER)
    versions.append(store.fair_version(fair.id))
    store.delete_seeker(person["id"], now=LATER)
    versions.append(store.fair_version(fair.id))
    assert versions == sorted(set(versions)), versions


def test_intents_do_not_move_the_version(store, fair):
    (job,) = fair.post(posting())
    person = fair.seeker()
    version = store.fair_version(fair.id)
    store.set_intent(job["id"], person["id"], "seeker", True, now=NOW)
    assert store.fair_version(fair.id) == version


def test_changes_since_returns_current_records_once(store, fair):
    jobs = fair.post(posting("A"), posting("B"), posting("C"))
    first = fair.seeker("13800000001")
    mark = store.fair_version(fair.id)
    second = fair.seeker("13800000002")
    fair.seeker("13800000002", skills=["叉车"])
    fair.seeker("13800000002", skills=["叉车", "电工"], now=LATER)
    store.update_posting(jobs[0]["id"], {"title": "A2"}, now=LATER)
    store.update_posting(jobs[0]["id"], {"title": "A3"}, now=LATER)
    store.delete_posting(jobs[1]["id"], now=LATER)

    changes = store.changes_since(fair.id, mark)
    assert changes.version == store.fair_version(fair.id) > mark
    assert changes.seekers == [store.get_seeker(second["id"])]
    assert changes.seekers[0]["skills"] == ["叉车", "电工"]
    assert changes.postings == [store.get_posting(jobs[0]["id"])]
    assert changes.postings[0]["title"] == "A3"
    assert changes.removed_postings == [jobs[1]["id"]]
    assert changes.removed_seekers == []

    store.delete_seeker(first["id"], now=LATER)
    later = store.changes_since(fair.id, changes.version)
    assert later == Changes(store.fair_version(fair.id), [], [], [first["id"]], [])
    assert store.changes_since(fair.id, later.version) == Changes(later.version, [], [], [], [])


def test_changes_since_zero_returns_everything(store, fair):
    jobs = fair.post(*(posting(f"岗位{i}") for i in range(5)))
    people = [fair.seeker(f"1390000000{i}") for i in range(7)]
    store.delete_seeker(people[3]["id"], now=LATER)
    everything = store.changes_since(fair.id, 0)
    assert sorted(s["id"] for s in everything.seekers) == sorted(p["id"] for i, p in enumerate(people) if i != 3)
    assert sorted(p["id"] for p in everything.postings) == sorted(j["id"] for j in jobs)
    assert everything.removed_seekers == [people[3]["id"]]
    assert everything.version == store.fair_version(fair.id)
    for record in everything.seekers:
        assert record == store.get_seeker(record["id"])


def test_a_fair_never_sees_another_fairs_writes(store, fair):
    other = Fair(store, name="另一场")
    (mine,) = fair.post(posting("我的岗位", headcount=4))
    (theirs,) = other.post(posting("他们的岗位", headcount=9))
    me = fair.seeker("13800000001", resume_text="简历")
    them = other.seeker("13800000002")
    other.seeker("13800000003")
    store.set_intent(theirs["id"], them["id"], "seeker", True, now=NOW)
    store.set_intent(theirs["id"], them["id"], "employer", True, now=NOW)

    changes = store.changes_since(fair.id, 0)
    assert [s["id"] for s in changes.seekers] == [me["id"]]
    assert [p["id"] for p in changes.postings] == [mine["id"]]
    stats = fair.stats()
    assert {k: stats[k] for k in ("employers", "kiosks", "postings", "positions", "seekers", "resumes",
                                  "seeker_intents", "agreements")} == {
        "employers": 2, "kiosks": 1, "postings": 1, "positions": 4, "seekers": 1, "resumes": 1,
        "seeker_intents": 0, "agreements": 0}
    assert {row["employer_id"] for row in stats["by_employer"]} == {fair.employer["id"], fair.other_employer["id"]}
    assert [row["seekers"] for row in stats["by_hour"]] == [1]
    assert store.list_agreements(fair.id) == ([], 0)
    assert store.list_postings(fair.id)[1] == 1
    assert other.stats()["agreements"] == 1
    assert store.find_seeker_by_phone(fair.id, "13800000002") is None


def test_stats_shape(store, fair):
    stats = fair.stats()
    assert stats["fair_id"] == fair.id
    assert isinstance(stats["generated_at"], str)
    assert set(stats) == {
        "fair_id", "generated_at", "employers", "kiosks", "postings", "positions", "seekers", "resumes",
        "seeker_intents", "employer_intents", "agreements", "seekers_with_agreement",
        "postings_without_interest", "awaiting_employer", "by_occupation", "by_employer", "by_hour"}
    assert stats["by_occupation"] == [] and stats["by_hour"] == []


def test_by_hour_buckets_keep_the_offset_and_sort_ascending(store, fair):
    fair.seeker("13800000001", now="2024-03-02T14:59:59+08:00")
    fair.seeker("13800000002", now="2024-03-02T09:00:00+08:00")
    fair.seeker("13800000003", now="2024-03-02T09:30:12.345+08:00")
    assert [(row["hour"], row["seekers"]) for row in fair.stats()["by_hour"]] == [
        ("2024-03-02T09:00:00+08:00", 2), ("2024-03-02T14:00:00+08:00", 1)]


def test_by_occupation_sorted_by_positions(store, fair):
    fair.post(posting("A", headcount=2, occupation={"code": "1", "name": "甲"}),
              posting("B", headcount=7, occupation={"code": "2", "name": "乙"}),
              posting("C", headcount=3, occupation={"code": "3", "name": "丙"}))
    assert [row["code"] for row in fair.stats()["by_occupation"]] == ["2", "3", "1"]


def test_changes_since_pages_through_a_long_feed(store, fair, monkeypatch):
    # Redis reads the feed in pages (one short script each); the result is the
    # same as one read, whatever the page size.
    monkeypatch.setattr("service.store.redis.READ_CHUNK", 3)
    jobs = fair.post(*(posting(f"岗位{i}") for i in range(4)))
    people = [fair.seeker(f"1390000001{i}") for i in range(8)]
    fair.seeker(people[0]["phone"], skills=["焊工证"], now=LATER)  # moves to the end of the feed
    store.delete_seeker(people[5]["id"], now=LATER)
    store.delete_posting(jobs[2]["id"], now=LATER)

    everything = store.changes_since(fair.id, 0)
    assert everything.version == store.fair_version(fair.id)
    assert [s["id"] for s in everything.seekers] == [p["id"] for i, p in enumerate(people) if i not in (0, 5)] + [
        people[0]["id"]]
    assert everything.seekers[-1]["skills"] == ["焊工证"]
    assert [p["id"] for p in everything.postings] == [j["id"] for i, j in enumerate(jobs) if i != 2]
    assert (everything.removed_seekers, everything.removed_postings) == ([people[5]["id"]], [jobs[2]["id"]])
    assert store.changes_since(fair.id, everything.version) == Changes(everything.version, [], [], [], [])


def test_owners_of_postings_and_seekers(store, fair):
    (job,) = fair.post(posting())
    person = fair.seeker()
    assert store.posting_owner(job["id"]) == (fair.id, fair.employer["id"])
    assert store.seeker_fair(person["id"]) == fair.id
    store.delete_posting(job["id"], now=LATER)
    store.delete_seeker(person["id"], now=LATER)
    assert store.posting_owner(job["id"]) is None
    assert store.seeker_fair(person["id"]) is None
    assert store.posting_owner(987654) is None and store.seeker_fair(987654) is None
