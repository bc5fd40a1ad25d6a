"""Contract-suite fixtures: every test here runs against both stores."""
from __future__ import annotations

import pytest
from store_helpers import Fair

from service.store import open_store


@pytest.fixture
def store(store_url):
    """An empty store of each kind."""
    opened = open_store(store_url)
    yield opened
    opened.close()


@pytest.fixture
def fair(store):
    """A fair in the store under test."""
    return Fair(store)
