"""A store that cannot be reached, or cannot write now, answers 503 with Retry-After; a bug stays 500.

Real outages of real stores: a redis-server stopped, frozen, or turned into a
read-only replica (as after a failover), and a SQLite file whose write lock
another connection holds, or which cannot be opened. After each, the app
recovers without a restart, and what a failed request meant to write is either
absent or whole.
"""
from __future__ import annotations

import logging
import sqlite3

import pytest
import redis

from service import create_app
from service.context import close_resources
from service.store import keys
from tests.api.conftest import COOK, SEEKER, Caller, build_fair, make_organizer
from tests.redis_server import free_port
from tests.sqlite_locks import write_lock_held


def assert_busy(response):
    """503 in the contract's shape, with a bilingual message and a Retry-After of a few seconds."""
    assert response.status_code == 503, (response.status_code, response.get_data(as_text=True)[:300])
    body = response.get_json()
    assert set(body) == {"code", "status", "message"}
    assert body["code"] == 503 and body["status"] == "Service Unavailable"
    assert "系统繁忙" in body["message"] and "try again" in body["message"]
    assert 1 <= int(response.headers["Retry-After"]) <= 10


def statuses(responses):
    return [response.status_code for response in responses]


NEW_SEEKER = {**SEEKER, "name": "王芳", "phone": "13900000001", "desired_titles": ["厨师"], "skills": ["川菜"],
              "resume_text": "王芳，川菜厨师八年。"}


def lookup(world, phone):
    return world.kiosk.post(f"{world.base}/seekers/lookup", json={"phone": phone})


def counts(world):
    stats = world.org.get(f"{world.base}/stats").get_json()
    return {name: stats[name] for name in ("postings", "positions", "seekers", "resumes", "seeker_intents",
                                           "employer_intents", "agreements")}


@pytest.fixture
def redis_app(own_redis_server):
    app = create_app({"TESTING": True, "STORE_URL": own_redis_server.url})
    yield app
    close_resources(app)


@pytest.fixture
def redis_world(redis_app):
    return build_fair(redis_app.test_client(), make_organizer(redis_app))


def writes_of_each_kind(world):
    """Writes a store must refuse whole when it cannot write: a seeker (one key), an intent (the
    agreement's counters), a change, a batch (several keys at once) and a new fair."""
    posting, seeker = world.posting["id"], world.seeker["id"]
    return [
        world.kiosk.post(f"{world.base}/seekers", json=NEW_SEEKER),
        world.kiosk.put(f"/api/v1/postings/{posting}/intents/{seeker}"),
        world.emp.patch(f"/api/v1/postings/{posting}", json={"headcount": 9}),
        world.emp.post(f"{world.base}/postings/batch", json={"postings": [COOK, COOK]}),
        world.org.post("/api/v1/fairs", json={"name": "秋季招聘会", "date": "2026-09-12"}),
    ]


def writes_and_reads(world):
    """Requests of each kind a fair day makes: writes (Lua, MULTI/EXEC, WATCH), reads, a ranking
    (the index's change-feed refresh), an export, and a token no worker has seen yet."""
    posting, seeker = world.posting["id"], world.seeker["id"]
    return [
        world.kiosk.post(f"{world.base}/seekers", json=NEW_SEEKER),
        world.emp.post(f"{world.base}/postings", json=COOK, headers={"Idempotency-Key": "outage-1"}),
        world.kiosk.put(f"/api/v1/postings/{posting}/intents/{seeker}"),
        world.emp.patch(f"/api/v1/postings/{posting}", json={"headcount": 9}),
        world.org.post("/api/v1/fairs", json={"name": "秋季招聘会", "date": "2026-09-12"}),
        world.org.get(f"/api/v1/postings/{posting}"),
        world.org.get(f"{world.base}/postings"),
        world.emp.get(f"/api/v1/postings/{posting}/shortlist"),
        world.kiosk.get(f"/api/v1/seekers/{seeker}/recommendations"),
        world.org.get(f"{world.base}/stats"),
        world.org.get(f"{world.base}/stats.xlsx"),
        Caller(world.org.client, "fmo_a-token-this-worker-never-saw").get("/api/v1/me"),
    ]


# -- Redis ----------------------------------------------------------------------------------

def test_redis_down_answers_503_and_the_app_recovers_when_it_is_back(own_redis_server, redis_world, caplog):
    world = redis_world
    world.emp.get(f"/api/v1/postings/{world.posting['id']}/shortlist")  # the worker's index exists
    before = counts(world)
    own_redis_server.stop_keeping_data()
    with caplog.at_level(logging.WARNING):
        for response in writes_and_reads(world):
            assert_busy(response)
    # One warning line per request, no stack trace: an outage is not a bug.
    assert caplog.records and all(record.levelno == logging.WARNING and not record.exc_info
                                  for record in caplog.records)

    own_redis_server.start_again()
    assert counts(world) == before  # nothing was written by the refused requests
    assert lookup(world, NEW_SEEKER["phone"]).status_code == 404
    # The same app, not restarted, serves everything again; the clients' retries take effect once.
    assert statuses(writes_and_reads(world)) == [201, 201, 200, 200, 201, 200, 200, 200, 200, 200, 200, 401]
    again = world.emp.post(f"{world.base}/postings", json=COOK, headers={"Idempotency-Key": "outage-1"})
    assert again.status_code == 201
    after = counts(world)
    assert after["seekers"] == before["seekers"] + 1
    assert after["postings"] == before["postings"] + 1
    assert after["seeker_intents"] == before["seeker_intents"] + 1


def test_redis_refusing_writes_answers_503_to_writes_while_reads_go_on(own_redis_server, redis_world):
    # After a failover the old primary is a read-only replica until it is promoted again.
    world = redis_world
    before = counts(world)
    admin = redis.Redis.from_url(own_redis_server.url)
    admin.replicaof("127.0.0.1", free_port())  # a primary that is gone: the data stays, writes are refused
    try:
        posting = world.posting["id"]
        for response in writes_of_each_kind(world):
            assert_busy(response)
        assert world.org.get(f"/api/v1/postings/{posting}").get_json()["headcount"] == world.posting["headcount"]
        assert counts(world) == before
    finally:
        admin.replicaof("NO", "ONE")
        admin.close()
    assert world.kiosk.post(f"{world.base}/seekers", json=NEW_SEEKER).status_code == 201
    assert counts(world)["seekers"] == before["seekers"] + 1


def test_redis_not_answering_in_time_answers_503_and_a_write_is_whole_or_absent(own_redis_server):
    app = create_app({"TESTING": True, "STORE_URL": own_redis_server.url + "?socket_timeout=0.5"})
    try:
        world = build_fair(app.test_client(), make_organizer(app))
        before = counts(world)
        own_redis_server.pause()
        try:
            assert_busy(world.kiosk.post(f"{world.base}/seekers", json=NEW_SEEKER))
            assert_busy(world.emp.get(f"/api/v1/postings/{world.posting['id']}/shortlist"))
        finally:
            own_redis_server.resume()
        # The script reached Redis before the answer was given up on: it ran whole when Redis woke, or not at all.
        found, after = lookup(world, NEW_SEEKER["phone"]), counts(world)
        if found.status_code == 200:
            assert found.get_json()["resume_text"] == NEW_SEEKER["resume_text"]
            assert after == {**before, "seekers": before["seekers"] + 1, "resumes": before["resumes"] + 1}
        else:
            assert found.status_code == 404 and after == before
        # The kiosk's retry (same phone) makes one seeker either way.
        assert world.kiosk.post(f"{world.base}/seekers", json=NEW_SEEKER).status_code in (200, 201)
        assert counts(world)["seekers"] == before["seekers"] + 1
    finally:
        close_resources(app)


# -- SQLite ---------------------------------------------------------------------------------

@pytest.fixture
def sqlite_app(short_busy_timeout, sqlite_url):
    app = create_app({"TESTING": True, "STORE_URL": sqlite_url})
    yield app
    close_resources(app)


def test_sqlite_locked_answers_503_to_writes_while_reads_go_on(sqlite_app, sqlite_url):
    world = build_fair(sqlite_app.test_client(), make_organizer(sqlite_app))
    posting = world.posting["id"]
    before = counts(world)
    with write_lock_held(sqlite_url):
        for response in writes_of_each_kind(world):
            assert_busy(response)
        assert world.org.get(f"/api/v1/postings/{posting}").status_code == 200
        assert counts(world) == before
        assert world.emp.get(f"/api/v1/postings/{posting}/shortlist").status_code == 200
    assert counts(world) == before
    assert world.kiosk.post(f"{world.base}/seekers", json=NEW_SEEKER).status_code == 201
    assert world.emp.post(f"{world.base}/postings/batch", json={"postings": [COOK, COOK]}).status_code == 201
    assert counts(world)["postings"] == before["postings"] + 2


def test_sqlite_file_that_cannot_be_opened_answers_503_until_it_can(tmp_path):
    path = tmp_path / "fairmatch.db"
    path.mkdir()  # where the file should be (a volume not mounted, say): SQLite cannot open it
    app = create_app({"TESTING": True, "STORE_URL": f"sqlite:///{path}"})
    try:
        client = app.test_client()
        assert_busy(Caller(client, "fmo_whatever").get("/api/v1/me"))
        assert client.get("/readyz").status_code == 503
        path.rmdir()
        token = make_organizer(app)  # the same app opens the store now
        assert Caller(client, token).get("/api/v1/me").status_code == 200
    finally:
        close_resources(app)


# -- genuine bugs stay 500 --------------------------------------------------------------------

def test_a_store_bug_is_still_500_with_its_stack_trace_logged(app, world, store_url, caplog):
    # A programming error in the store (a table that is not there, a key of the wrong type) is no outage.
    fair_id = world.a.fair["id"]
    if store_url.startswith("sqlite:"):
        other = sqlite3.connect(store_url[len("sqlite:///"):])
        other.execute("DROP TABLE counters")
        other.close()
    else:
        admin = redis.Redis.from_url(store_url)
        admin.delete(keys.fair_key(fair_id, "counters"))
        admin.set(keys.fair_key(fair_id, "counters"), "not a hash")
        admin.close()
    with caplog.at_level(logging.ERROR):
        response = world.a.org.get(f"/api/v1/fairs/{fair_id}/stats")
    assert response.status_code == 500
    assert response.get_json()["status"] == "Internal Server Error"
    assert "Retry-After" not in response.headers
    assert any(record.levelno == logging.ERROR and record.exc_info for record in caplog.records)
