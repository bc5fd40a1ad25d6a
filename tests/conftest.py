"""Store fixtures shared by every test tier.

``store_url`` runs a test once per store: SQLite on a temp file and Redis on a
real redis-server started for the session (flushed before each test). Without
redis-server the Redis variants skip, unless ``FAIRMATCH_REQUIRE_REDIS=1``.
"""
from __future__ import annotations

import os
import shutil

import pytest
import redis

import service.store.sqlite
from tests.redis_server import RedisServer

STORE_KINDS = ["sqlite", "redis"]


def _require_redis_server() -> None:
    """Skip the test when redis-server is missing (fail instead under FAIRMATCH_REQUIRE_REDIS=1)."""
    if shutil.which("redis-server") is None:
        if os.environ.get("FAIRMATCH_REQUIRE_REDIS") == "1":
            pytest.fail("FAIRMATCH_REQUIRE_REDIS=1 but redis-server is not installed")
        pytest.skip("redis-server is not installed")


@pytest.fixture(scope="session")
def redis_server():
    """A redis-server for the whole session, or a skip when none is installed."""
    _require_redis_server()
    with RedisServer() as server:
        yield server


@pytest.fixture
def own_redis_server():
    """A redis-server of the test's own, which it may stop, pause or start again."""
    _require_redis_server()
    with RedisServer() as server:
        yield server


@pytest.fixture
def redis_url(redis_server):
    """URL of an empty Redis database."""
    client = redis.Redis.from_url(redis_server.url)
    client.flushdb()
    client.close()
    return redis_server.url


@pytest.fixture
def short_busy_timeout(monkeypatch):
    """SQLite writers give up on a locked file after 0.1 s instead of 30 s (set before a store opens it)."""
    monkeypatch.setattr(service.store.sqlite, "BUSY_TIMEOUT_MS", 100)


@pytest.fixture
def sqlite_url(tmp_path):
    """URL of a fresh SQLite file."""
    return f"sqlite:///{tmp_path / 'fairmatch.db'}"


@pytest.fixture(params=STORE_KINDS)
def store_url(request):
    """Each store's URL in turn."""
    return request.getfixturevalue(f"{request.param}_url")
