"""StoreUnavailable: both stores raise it when their database cannot be reached or cannot act now;
a programming error stays the database's own exception. A write that fails half way leaves nothing."""
from __future__ import annotations

import sqlite3

import pytest
import redis
from store_helpers import NOW, Fair, new_token, posting, seeker

from service.store import keys, open_store
from service.store.base import StoreUnavailable
from service.store.sqlite import SQLiteStore
from tests.redis_server import free_port


def everything(store, fair) -> dict:
    """All a fair's store shows: its postings, its feed and its statistics."""
    return {"postings": store.list_postings(fair.id, limit=500), "changes": store.changes_since(fair.id, 0),
            "stats": store.stats(fair.id)}


def test_sqlite_write_that_fills_the_disk_half_way_writes_nothing(tmp_path):
    store = SQLiteStore(str(tmp_path / "fairmatch.db"))
    try:
        fair = Fair(store)
        fair.post(posting("焊工"))
        before = everything(store, fair)
        # A disk that fills up during the write: the file may grow by a few pages only.
        (conn,) = store._pool
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 4}")
        inserted = []
        conn.set_trace_callback(lambda sql: inserted.append(sql) if sql.startswith("INSERT INTO postings") else None)
        items = [posting(f"岗位{i}", description="描述" * 300) for i in range(20)]
        with pytest.raises(StoreUnavailable) as raised:
            fair.post(*items)
        conn.set_trace_callback(None)
        assert 1 < len(inserted) < len(items)  # it failed half way
        assert isinstance(raised.value.__cause__, sqlite3.OperationalError)
        assert "full" in str(raised.value)
        assert everything(store, fair) == before
        conn.execute("PRAGMA max_page_count = 4294967294")
        assert len(fair.post(*items)) == 20  # the same connection works on
    finally:
        store.close()


def test_sqlite_locked_file_is_unavailable_for_writes_only(tmp_path, monkeypatch):
    monkeypatch.setattr("service.store.sqlite.BUSY_TIMEOUT_MS", 50)
    path = str(tmp_path / "fairmatch.db")
    store = SQLiteStore(path)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        fair = Fair(store)
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StoreUnavailable, match="locked"):
            fair.seeker("13800000001")
        assert store.get_fair(fair.id) == fair.record
        other.execute("ROLLBACK")
        assert fair.seeker("13800000001")["phone"] == "13800000001"
    finally:
        other.close()
        store.close()


def test_sqlite_programming_errors_are_not_unavailability(tmp_path):
    path = str(tmp_path / "fairmatch.db")
    store = SQLiteStore(path)
    try:
        fair = Fair(store)
        other = sqlite3.connect(path)
        other.execute("DROP TABLE counters")
        other.close()
        with pytest.raises(sqlite3.OperationalError, match="no such table"):
            store.stats(fair.id)
    finally:
        store.close()


def test_redis_that_does_not_answer_is_unavailable():
    store = open_store(f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there
    try:
        calls = [
            lambda: store.find_principal("hash"),
            lambda: store.create_organizer("组织者", new_token(), now=NOW),
            lambda: store.upsert_seeker(1, seeker(), now=NOW),
            lambda: store.create_postings(1, 1, [posting()], now=NOW),
            lambda: store.update_posting(1, {"headcount": 2}, now=NOW),
            lambda: store.changes_since(1, 0),
            lambda: store.stats(1),
        ]
        for call in calls:
            with pytest.raises(StoreUnavailable) as raised:
                call()
            assert isinstance(raised.value.__cause__, redis.ConnectionError)
        assert store.ping() is False
    finally:
        store.close()


def test_redis_programming_errors_are_not_unavailability(redis_url):
    store = open_store(redis_url)
    try:
        fair = Fair(store)
        store.client.set(keys.fair_key(fair.id, "counters"), "not a hash")
        with pytest.raises(redis.ResponseError, match="WRONGTYPE"):
            store.stats(fair.id)
    finally:
        store.close()
