"""Helpers for the store contract suite: sample records and a ready-made fair."""
from __future__ import annotations

import itertools

NOW = "2024-03-02T09:15:00+08:00"
_tokens = itertools.count(1)


def new_token() -> str:
    """A fresh token hash (the store never sees plain tokens)."""
    return f"hash-{next(_tokens):06d}"


def posting(title: str = "普工", **fields) -> dict:
    """Validated posting fields, as the API would hand them to the store."""
    return {"title": title, **fields}


def seeker(phone: str = "13800138000", name: str = "张三", **fields) -> dict:
    """Validated seeker fields, as the API would hand them to the store."""
    return {"name": name, "phone": phone, "consent": True, **fields}


class Fair:
    """A fair with one organizer, two employers and a kiosk, for brevity in tests."""

    def __init__(self, store, name="春季招聘会"):
        self.store = store
        self.organizer = store.create_organizer("组织者", new_token(), now=NOW)
        self.record = store.create_fair(self.organizer["id"], {"name": name, "date": "2024-03-02"}, now=NOW)
        self.id = self.record["id"]
        self.employer = store.create_employer(self.id, {"name": "甲公司"}, new_token(), now=NOW)
        self.other_employer = store.create_employer(self.id, {"name": "Beta Ltd"}, new_token(), now=NOW)
        self.kiosk = store.create_kiosk(self.id, {"label": "入口 1"}, new_token(), now=NOW)

    def post(self, *items, employer=None, now=NOW) -> list[dict]:
        employer = employer or self.employer
        return self.store.create_postings(self.id, employer["id"], list(items), now=now)

    def seeker(self, phone="13800138000", now=NOW, **fields) -> dict:
        return self.store.upsert_seeker(self.id, seeker(phone, **fields), now=now)[0]

    def stats(self) -> dict:
        return self.store.stats(self.id)
