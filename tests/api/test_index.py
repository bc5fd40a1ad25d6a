"""Per-worker index freshness: incremental application of the store's change feed."""
import json
import threading
import time
import tracemalloc

import pytest

import service.index
from service.index import IndexRegistry
from service.store import open_store
from service.store.base import StoreUnavailable

NOW = "2026-03-07T09:30:00+08:00"


class RecordingStore:
    """A real store that records the feed positions the index asks for."""

    def __init__(self, store):
        self.store = store
        self.asked = []

    def changes_since(self, fair_id, version):
        self.asked.append(version)
        return self.store.changes_since(fair_id, version)


@pytest.fixture
def store(store_url):
    store = open_store(store_url)
    yield store
    store.close()


@pytest.fixture
def fair(store):
    organizer = store.create_organizer("组委会", "hash-o", now=NOW)
    fair = store.create_fair(organizer["id"], {"name": "招聘会", "date": "2026-03-07"}, now=NOW)
    employer = store.create_employer(fair["id"], {"name": "单位"}, "hash-e", now=NOW)
    return {"fair": fair, "employer": employer}


def seeker(store, fair_id, phone, title="焊工"):
    record, _ = store.upsert_seeker(fair_id, {"name": "张三", "phone": phone, "desired_titles": [title],
                                              "skills": ["电焊"]}, now=NOW)
    return record


def posting(store, fair, title="电焊工"):
    (record,) = store.create_postings(fair["fair"]["id"], fair["employer"]["id"], [{"title": title}], now=NOW)
    return record


def shortlist_ids(registry, store, fair_id, record):
    with registry.fresh(store, fair_id) as fair_index:
        return [match.id for match in fair_index.matcher.shortlist(record, limit=50)]


def recommend_ids(registry, store, fair_id, record):
    with registry.fresh(store, fair_id) as fair_index:
        return [match.id for match in fair_index.matcher.recommend(record, limit=50)]


def test_applies_only_what_changed_since_its_version(store, fair):
    fair_id = fair["fair"]["id"]
    job = posting(store, fair)
    first = seeker(store, fair_id, "13800000001")
    recording = RecordingStore(store)
    registry = IndexRegistry()
    assert shortlist_ids(registry, recording, fair_id, job) == [first["id"]]
    with registry.fresh(recording, fair_id) as fair_index:
        built_version, matcher = fair_index.version, fair_index.matcher
    assert recording.asked == [0, built_version] and built_version > 0

    second = seeker(store, fair_id, "13800000002")
    assert set(shortlist_ids(registry, recording, fair_id, job)) == {first["id"], second["id"]}
    with registry.fresh(recording, fair_id) as fair_index:
        assert fair_index.matcher is matcher  # updated in place, not rebuilt
        assert fair_index.version > built_version
    assert recording.asked[2] == built_version


def test_removed_and_closed_records_leave_the_index(store, fair):
    fair_id = fair["fair"]["id"]
    job, other_job = posting(store, fair), posting(store, fair, "焊接工")
    person = seeker(store, fair_id, "13800000003")
    registry = IndexRegistry()
    assert set(recommend_ids(registry, store, fair_id, person)) == {job["id"], other_job["id"]}

    store.update_posting(job["id"], {"status": "closed"}, now=NOW)
    assert recommend_ids(registry, store, fair_id, person) == [other_job["id"]]
    store.update_posting(job["id"], {"status": "open"}, now=NOW)
    assert set(recommend_ids(registry, store, fair_id, person)) == {job["id"], other_job["id"]}
    store.delete_posting(other_job["id"], now=NOW)
    assert recommend_ids(registry, store, fair_id, person) == [job["id"]]

    store.delete_seeker(person["id"], now=NOW)
    assert shortlist_ids(registry, store, fair_id, job) == []


def test_updated_seeker_replaces_the_old_record(store, fair):
    fair_id = fair["fair"]["id"]
    job = posting(store, fair, "厨师")
    registry = IndexRegistry()
    person = seeker(store, fair_id, "13800000004", title="焊工")
    with registry.fresh(store, fair_id) as fair_index:
        assert fair_index.seeker(person["id"])["desired_titles"] == ["焊工"]
    seeker(store, fair_id, "13800000004", title="厨师")
    assert shortlist_ids(registry, store, fair_id, job) == [person["id"]]
    with registry.fresh(store, fair_id) as fair_index:
        assert fair_index.seeker(person["id"])["desired_titles"] == ["厨师"]


def test_fairs_have_separate_indexes(store, fair):
    other_fair = store.create_fair(fair["fair"]["organizer_id"], {"name": "另一场", "date": "2026-03-08"}, now=NOW)
    job = posting(store, fair)
    seeker(store, other_fair["id"], "13800000005")
    registry = IndexRegistry()
    assert shortlist_ids(registry, store, fair["fair"]["id"], job) == []


def test_pages_leave_out_records_removed_while_they_were_ranked(store, fair):
    # Ranking runs outside the fair's lock: a record the matcher ranked may have
    # left the id maps by the time the page is built; it is left out, ranks stay 1..n.
    from service import domain

    fair_id = fair["fair"]["id"]
    job = posting(store, fair)
    kept, erased = seeker(store, fair_id, "13800000011"), seeker(store, fair_id, "13800000012")
    registry = IndexRegistry()
    with registry.fresh(store, fair_id) as fair_index:
        fair_index.seekers.pop(erased["id"])
        fair_index.postings.pop(job["id"])
    page = domain.shortlist(store, registry, fair_id, job["id"])
    assert [(r["seeker_id"], r["rank"]) for r in page["results"]] == [(kept["id"], 1)]
    assert domain.recommendations(store, registry, fair_id, kept["id"])["results"] == []


def test_pages_ranked_on_a_seekers_old_lists_mask_them_too(store, fair):
    # A kiosk's change reaches the kept record before the matcher: a page ranked in between has
    # reasons repeating the old skills and places, which the new record's masking never saw.
    from service import domain
    from service.index import compact_json

    fair_id = fair["fair"]["id"]
    job = posting(store, fair)
    old, _ = store.upsert_seeker(fair_id, {"name": "张三", "phone": "13800000011", "desired_titles": ["焊工"],
                                           "skills": ["电焊", "张三 13912345678"], "locations": ["微信：zs_1990"]},
                                 now=NOW)
    registry = IndexRegistry()
    with registry.fresh(store, fair_id) as fair_index:
        fair_index.seekers[old["id"]] = compact_json({**old, "skills": ["电焊"], "locations": ["江北区"]})
    (result,) = domain.shortlist(store, registry, fair_id, job["id"])["results"]
    shown = json.dumps(result["reasons"], ensure_ascii=False)
    assert "电焊" in shown and "139****5678" in shown and "微信：***" in shown and "张**" in shown
    assert "13912345678" not in shown and "zs_1990" not in shown and "张三" not in shown


class GatedStore(RecordingStore):
    """Holds the first feed read until released, so other threads queue up behind it."""

    def __init__(self, store):
        super().__init__(store)
        self.reading, self.release = threading.Event(), threading.Event()

    def changes_since(self, fair_id, version):
        if not self.reading.is_set():
            self.reading.set()
            assert self.release.wait(10)
        return super().changes_since(fair_id, version)


def test_waiting_callers_share_one_refresh_that_started_after_they_arrived(store, fair):
    fair_id = fair["fair"]["id"]
    job = posting(store, fair)
    registry, gated = IndexRegistry(), GatedStore(store)
    seen = {}

    def rank(name):
        seen[name] = shortlist_ids(registry, gated, fair_id, job)

    first = threading.Thread(target=rank, args=("first",))
    first.start()
    assert gated.reading.wait(10)
    # Written after the first refresh began reading: the first caller may miss
    # it, the callers who arrive now must not.
    person = seeker(store, fair_id, "13800000021")
    late = [threading.Thread(target=rank, args=(name,)) for name in ("second", "third", "fourth")]
    for thread in late:
        thread.start()
    while sum(1 for t in late if t.is_alive()) < 3:
        pass
    time.sleep(0.2)  # let the late callers start waiting for the refresh under way
    gated.release.set()
    for thread in [first, *late]:
        thread.join(10)
    assert seen["second"] == seen["third"] == seen["fourth"] == [person["id"]]
    # The first refresh plus one for the three late callers, not one each.
    assert len(gated.asked) == 2


class FailingOnceStore(GatedStore):
    """Holds the first feed read until released, then fails it (the store went away for a moment)."""

    def changes_since(self, fair_id, version):
        first = not self.reading.is_set()
        found = super().changes_since(fair_id, version)
        if first:
            raise ConnectionError("store unavailable")
        return found


def test_callers_waiting_on_a_failed_refresh_refresh_again(store, fair):
    fair_id = fair["fair"]["id"]
    job = posting(store, fair)
    registry, failing = IndexRegistry(), FailingOnceStore(store)
    outcome = {}

    def rank(name):
        try:
            outcome[name] = shortlist_ids(registry, failing, fair_id, job)
        except ConnectionError as error:
            outcome[name] = error

    first = threading.Thread(target=rank, args=("first",))
    first.start()
    assert failing.reading.wait(10)
    person = seeker(store, fair_id, "13800000041")
    waiting = threading.Thread(target=rank, args=("waiting",))
    waiting.start()
    time.sleep(0.2)  # let it wait for the refresh under way
    failing.release.set()
    first.join(60)
    waiting.join(60)  # the first index fits the occupation normaliser
    assert isinstance(outcome["first"], ConnectionError)
    assert outcome["waiting"] == [person["id"]]
    assert len(failing.asked) == 2


class GoneAfterFirstReadStore(GatedStore):
    """The first feed read is held until ``release``; the second until ``release_second``, and
    then it and every later read find the store unavailable."""

    def __init__(self, store):
        super().__init__(store)
        self.reading_second, self.release_second = threading.Event(), threading.Event()

    def changes_since(self, fair_id, version):
        if not self.reading.is_set():
            return super().changes_since(fair_id, version)
        self.asked.append(version)
        if not self.reading_second.is_set():
            self.reading_second.set()
            assert self.release_second.wait(10)
        raise StoreUnavailable("Redis: Timeout reading from socket")


def test_callers_waiting_on_a_refresh_that_found_the_store_unavailable_share_that_answer(store, fair):
    # Against a store that times out, each of the callers queued behind a failed refresh would
    # otherwise try again in turn, the last one waiting out every timeout before its own.
    fair_id = fair["fair"]["id"]
    job = posting(store, fair)
    registry, gone = IndexRegistry(), GoneAfterFirstReadStore(store)
    outcome = {}

    def rank(name):
        try:
            outcome[name] = shortlist_ids(registry, gone, fair_id, job)
        except StoreUnavailable as error:
            outcome[name] = error

    first = threading.Thread(target=rank, args=("first",))
    first.start()
    assert gone.reading.wait(10)
    late = [threading.Thread(target=rank, args=(name,)) for name in ("second", "third", "fourth")]
    for thread in late:
        thread.start()
    time.sleep(0.2)  # they wait for the first refresh, which started before they arrived
    gone.release.set()
    assert gone.reading_second.wait(60)  # one of them refreshes for all three (the first fits the normaliser)
    time.sleep(0.2)  # the other two join it
    gone.release_second.set()
    for thread in [first, *late]:
        thread.join(10)
    assert outcome["first"] == []
    assert all(isinstance(outcome[name], StoreUnavailable) for name in ("second", "third", "fourth"))
    assert len(gone.asked) == 2  # the first refresh and the one that failed, not one per caller


def test_a_caller_after_a_refresh_reads_the_feed_again(store, fair):
    fair_id = fair["fair"]["id"]
    job = posting(store, fair)
    registry, recording = IndexRegistry(), RecordingStore(store)
    for phone in ("13800000031", "13800000032", "13800000033"):
        person = seeker(store, fair_id, phone)
        assert person["id"] in shortlist_ids(registry, recording, fair_id, job)
    assert len(recording.asked) == 3


def test_kept_seekers_hold_no_more_memory_than_their_json(store, fair):
    fair_id = fair["fair"]["id"]
    people = [seeker(store, fair_id, f"138000005{n:02d}") for n in range(50)]
    registry = IndexRegistry()
    tracemalloc.start()
    try:
        with registry.fresh(store, fair_id) as fair_index:
            snapshot = tracemalloc.take_snapshot()
            kept = [fair_index.seekers[person["id"]] for person in people]
    finally:
        tracemalloc.stop()
    # What service/index.py allocated and still holds: the kept records and their dict.
    held = snapshot.filter_traces([tracemalloc.Filter(True, service.index.__file__)])
    assert sum(stat.size for stat in held.statistics("filename")) < 2 * sum(map(len, kept))


def test_kept_seekers_are_copies_and_derived_views_follow_updates(store, fair):
    fair_id = fair["fair"]["id"]
    person = seeker(store, fair_id, "13800000041")
    registry, made = IndexRegistry(), []

    def titles(record):
        made.append(record["id"])
        return tuple(record["desired_titles"])

    with registry.fresh(store, fair_id) as fair_index:
        fair_index.seeker(person["id"])["desired_titles"].append("改过")
        assert fair_index.seeker(person["id"])["desired_titles"] == ["焊工"]
        assert fair_index.derived_seeker(person["id"], "titles", titles) == ("焊工",)
        assert fair_index.derived_seeker(person["id"], "titles", titles) == ("焊工",)
        assert fair_index.derived_seeker(999999, "titles", titles) is None
    assert made == [person["id"]]
    seeker(store, fair_id, "13800000041", title="厨师")
    with registry.fresh(store, fair_id) as fair_index:
        assert fair_index.derived_seeker(person["id"], "titles", titles) == ("厨师",)
    assert made == [person["id"], person["id"]]


def test_the_growing_index_is_kept_out_of_garbage_collections(store, fair, monkeypatch):
    import service.index

    freezes = []
    monkeypatch.setattr(service.index, "FREEZE_MINIMUM", 4)
    monkeypatch.setattr(service.index.gc, "freeze", lambda: freezes.append(1))
    fair_id = fair["fair"]["id"]
    registry = IndexRegistry()
    seeker(store, fair_id, "13800000051")
    with registry.fresh(store, fair_id):
        assert freezes == []  # too small yet
    for phone in ("13800000052", "13800000053", "13800000054"):
        seeker(store, fair_id, phone)
    with registry.fresh(store, fair_id):
        assert len(freezes) == 1
    seeker(store, fair_id, "13800000054", title="厨师")  # an update: no growth, no new freeze
    seeker(store, fair_id, "13800000055")  # 5 records >= 4 x 1.1: grown by a tenth
    with registry.fresh(store, fair_id):
        assert len(freezes) == 2
    seeker(store, fair_id, "13800000055", title="厨师")
    with registry.fresh(store, fair_id):
        assert len(freezes) == 2
