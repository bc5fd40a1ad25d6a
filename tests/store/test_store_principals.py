"""Organizers, tokens, fairs, employers and kiosks."""
from __future__ import annotations

import sqlite3

import pytest
from store_helpers import NOW, new_token, posting

from service.store import Conflict, NamesTaken, Principal, open_store


def test_ping(store):
    assert store.ping() is True


def test_each_token_finds_its_principal(store):
    organizer = store.create_organizer("王组织", "org-hash", now=NOW)
    fair = store.create_fair(organizer["id"], {"name": "F", "date": "2024-03-02"}, now=NOW)
    employer = store.create_employer(fair["id"], {"name": "甲公司"}, "emp-hash", now=NOW)
    kiosk = store.create_kiosk(fair["id"], {"label": "入口 1"}, "kiosk-hash", now=NOW)

    assert store.find_principal("org-hash") == Principal("organizer", organizer["id"], None, "王组织")
    assert store.find_principal("emp-hash") == Principal("employer", employer["id"], fair["id"], "甲公司")
    assert store.find_principal("kiosk-hash") == Principal("kiosk", kiosk["id"], fair["id"], "入口 1")
    assert store.find_principal("unknown") is None


def test_token_hash_cannot_be_reused(store):
    organizer = store.create_organizer("A", "same", now=NOW)
    fair = store.create_fair(organizer["id"], {"name": "F", "date": "2024-03-02"}, now=NOW)
    with pytest.raises(Conflict):
        store.create_employer(fair["id"], {"name": "E"}, "same", now=NOW)
    assert store.list_employers(fair["id"]) == []
    assert store.stats(fair["id"])["employers"] == 0
    assert store.find_principal("same").role == "organizer"


def test_organizer_record(store):
    organizer = store.create_organizer("王组织", new_token(), now=NOW)
    assert organizer["id"] > 0
    assert organizer["name"] == "王组织"
    assert organizer["created_at"] == NOW


def test_fairs_are_listed_per_organizer_newest_first(store):
    first = store.create_organizer("A", new_token(), now=NOW)
    second = store.create_organizer("B", new_token(), now=NOW)
    old = store.create_fair(first["id"], {"name": "旧", "date": "2024-03-01"}, now=NOW)
    new = store.create_fair(first["id"], {"name": "新", "date": "2024-03-02", "city": "深圳",
                                          "district": "南山区", "venue": "人才市场"}, now=NOW)
    theirs = store.create_fair(second["id"], {"name": "别人的", "date": "2024-03-02"}, now=NOW)

    assert [f["id"] for f in store.list_fairs(first["id"])] == [new["id"], old["id"]]
    assert [f["id"] for f in store.list_fairs(second["id"])] == [theirs["id"]]
    assert store.get_fair(new["id"]) == new
    assert new == {"id": new["id"], "organizer_id": first["id"], "name": "新", "date": "2024-03-02",
                   "venue": "人才市场", "city": "深圳", "district": "南山区", "created_at": NOW}
    assert store.get_fair(10_000) is None


def test_employers_in_creation_order(store, fair):
    later = store.create_employer(fair.id, {"name": "丙", "industry": "制造业", "credit_code": "91440300X",
                                            "contact_name": "李", "contact_phone": "13900000000"},
                                  new_token(), now=NOW)
    assert [e["id"] for e in store.list_employers(fair.id)] == [
        fair.employer["id"], fair.other_employer["id"], later["id"]]
    assert store.get_employer(later["id"]) == later
    assert later == {"id": later["id"], "fair_id": fair.id, "name": "丙", "industry": "制造业",
                     "credit_code": "91440300X", "contact_name": "李", "contact_phone": "13900000000", "booth": None,
                     "created_at": NOW}
    assert store.get_employer(10_000) is None


def test_kiosk_record(fair):
    assert fair.kiosk == {"id": fair.kiosk["id"], "fair_id": fair.id, "label": "入口 1", "created_at": NOW}


def test_employers_created_together_in_order_each_with_its_token(store, fair):
    items = [{"name": "丙公司", "industry": "制造业"}, {"name": "丁公司"}, {"name": "Gamma Ltd"}]
    created = store.create_employers(fair.id, items, ["h-1", "h-2", "h-3"], now=NOW)
    assert [e["name"] for e in created] == ["丙公司", "丁公司", "Gamma Ltd"]
    assert [e["id"] for e in created] == sorted(e["id"] for e in created)
    assert created[0] == {"id": created[0]["id"], "fair_id": fair.id, "name": "丙公司", "industry": "制造业",
                          "credit_code": None, "contact_name": None, "contact_phone": None, "booth": None,
                          "created_at": NOW}
    assert store.list_employers(fair.id)[2:] == created
    for employer, token_hash in zip(created, ["h-1", "h-2", "h-3"]):
        assert store.find_principal(token_hash) == Principal("employer", employer["id"], fair.id, employer["name"])
        assert store.get_employer(employer["id"]) == employer
    assert fair.stats()["employers"] == 5
    assert store.create_employers(fair.id, [], [], now=NOW) == []


@pytest.mark.parametrize("names, positions", [
    (["丙公司", "ＢＥＴＡ　ltd", "丁公司"], [1]),  # like the registered "Beta Ltd": full-width, case
    (["  甲公司 ", "丙公司"], [0]),  # like the registered "甲公司", spaces around it
    (["丙公司", "丁公司", "丙公司", "beta  LTD"], [2, 3]),  # repeated among themselves, and registered
])
def test_a_name_taken_registers_none_of_them(store, fair, names, positions):
    before = store.list_employers(fair.id)
    with pytest.raises(NamesTaken) as raised:
        store.create_employers(fair.id, [{"name": name} for name in names],
                               [f"batch-{i}" for i in range(len(names))], now=NOW)
    assert raised.value.positions == positions
    assert store.list_employers(fair.id) == before
    assert all(store.find_principal(f"batch-{i}") is None for i in range(len(names)))
    assert fair.stats()["employers"] == 2
    assert store.create_employers(fair.id, [{"name": "丙公司"}], ["after"], now=NOW)[0]["name"] == "丙公司"


def test_one_employer_with_a_taken_name_is_refused(store, fair):
    with pytest.raises(NamesTaken):
        store.create_employer(fair.id, {"name": "甲公司"}, "again", now=NOW)
    assert store.find_principal("again") is None and len(store.list_employers(fair.id)) == 2
    other = store.create_fair(fair.organizer["id"], {"name": "秋季", "date": "2024-09-02"}, now=NOW)
    assert store.create_employer(other["id"], {"name": "甲公司"}, "elsewhere", now=NOW)["fair_id"] == other["id"]


@pytest.mark.parametrize("hashes", [["fresh", "fresh"], ["fresh", "kiosk-hash"]])
def test_a_taken_token_hash_registers_none_of_them(store, fair, hashes):
    store.create_kiosk(fair.id, {"label": "K"}, "kiosk-hash", now=NOW)
    with pytest.raises(Conflict):
        store.create_employers(fair.id, [{"name": "丙公司"}, {"name": "丁公司"}], hashes, now=NOW)
    assert len(store.list_employers(fair.id)) == 2 and store.find_principal("fresh") is None
    assert store.find_principal("kiosk-hash").role == "kiosk" and fair.stats()["employers"] == 2


def test_kiosks_in_creation_order_per_fair(store, fair):
    later = store.create_kiosk(fair.id, {"label": "入口 2"}, new_token(), now=NOW)
    other_fair = store.create_fair(fair.organizer["id"], {"name": "秋季", "date": "2024-09-02"}, now=NOW)
    store.create_kiosk(other_fair["id"], {"label": "别处"}, new_token(), now=NOW)
    assert store.list_kiosks(fair.id) == [fair.kiosk, later]
    assert store.list_kiosks(10_000) == []


def test_a_new_token_replaces_the_employers_old_one_and_keeps_its_data(store, fair):
    employer = store.create_employer(fair.id, {"name": "丁公司"}, "old-hash", now=NOW)
    (job,) = fair.post(posting("焊工"), employer=employer)
    person = fair.seeker()
    store.set_intent(job["id"], person["id"], "employer", True, now=NOW)

    assert store.replace_token("employer", employer["id"], "new-hash", fair_id=fair.id) == employer
    assert store.find_principal("old-hash") is None
    assert store.find_principal("new-hash") == Principal("employer", employer["id"], fair.id, "丁公司")
    assert store.get_posting(job["id"]) == job
    assert store.get_intent(job["id"], person["id"])["employer_interested"] is True
    assert store.list_employers(fair.id)[-1] == employer and fair.stats()["employers"] == 3


def test_a_new_token_replaces_the_kiosks_old_one(store, fair):
    kiosk = store.create_kiosk(fair.id, {"label": "入口 2"}, "old-kiosk-hash", now=NOW)
    assert store.replace_token("kiosk", kiosk["id"], "new-kiosk-hash", fair_id=fair.id) == kiosk
    assert store.find_principal("old-kiosk-hash") is None
    assert store.find_principal("new-kiosk-hash") == Principal("kiosk", kiosk["id"], fair.id, "入口 2")
    assert store.replace_token("kiosk", kiosk["id"], "third-hash", fair_id=fair.id) == kiosk
    assert store.find_principal("new-kiosk-hash") is None and store.find_principal("third-hash").id == kiosk["id"]


def test_a_new_token_only_for_an_employer_or_kiosk_of_that_fair(store, fair):
    other = store.create_fair(fair.organizer["id"], {"name": "秋季", "date": "2024-09-02"}, now=NOW)
    employer = store.create_employer(other["id"], {"name": "丁公司"}, "theirs", now=NOW)
    kiosk = store.create_kiosk(other["id"], {"label": "别处"}, "their-kiosk", now=NOW)
    assert store.replace_token("employer", employer["id"], "mine", fair_id=fair.id) is None
    assert store.replace_token("kiosk", kiosk["id"], "mine", fair_id=fair.id) is None
    assert store.replace_token("employer", 10_000, "mine", fair_id=fair.id) is None
    assert store.find_principal("theirs").id == employer["id"]
    assert store.find_principal("their-kiosk").id == kiosk["id"]
    assert store.find_principal("mine") is None


def test_a_new_token_hash_already_in_use_changes_nothing(store, fair):
    employer = store.create_employer(fair.id, {"name": "丁公司"}, "emp-hash", now=NOW)
    store.create_kiosk(fair.id, {"label": "K"}, "kiosk-hash-taken", now=NOW)
    with pytest.raises(Conflict):
        store.replace_token("employer", employer["id"], "kiosk-hash-taken", fair_id=fair.id)
    assert store.find_principal("emp-hash").id == employer["id"]
    assert store.find_principal("kiosk-hash-taken").role == "kiosk"


def test_employers_and_kiosks_are_counted(store, fair):
    store.create_kiosk(fair.id, {"label": "入口 2"}, new_token(), now=NOW)
    stats = fair.stats()
    assert (stats["employers"], stats["kiosks"]) == (2, 2)
    assert {row["name"] for row in stats["by_employer"]} == {"甲公司", "Beta Ltd"}


def test_data_survives_reopening(store_url):
    first = open_store(store_url)
    organizer = first.create_organizer("A", "persisted", now=NOW)
    first.close()
    second = open_store(store_url)
    try:
        assert second.find_principal("persisted").id == organizer["id"]
    finally:
        second.close()


def test_a_sqlite_file_from_before_the_new_indexes_opens_and_keeps_the_rules(sqlite_url):
    first = open_store(sqlite_url)
    organizer = first.create_organizer("A", "org", now=NOW)
    fair = first.create_fair(organizer["id"], {"name": "F", "date": "2024-03-02"}, now=NOW)
    employer = first.create_employer(fair["id"], {"name": "甲公司"}, "old", now=NOW)
    first.close()
    with sqlite3.connect(sqlite_url[len("sqlite:///"):]) as conn:  # as files written before them are
        conn.execute("DROP INDEX tokens_principal")
        conn.execute("DROP INDEX kiosks_fair")
    second = open_store(sqlite_url)
    try:
        with pytest.raises(NamesTaken):
            second.create_employer(fair["id"], {"name": "甲公司"}, "again", now=NOW)
        assert second.replace_token("employer", employer["id"], "new", fair_id=fair["id"]) == employer
        assert second.find_principal("old") is None and second.find_principal("new").id == employer["id"]
    finally:
        second.close()


@pytest.mark.parametrize("url", ["postgres://x/y", "sqlite://", "sqlite:///", "file.db"])
def test_unsupported_urls_are_refused(url):
    with pytest.raises(ValueError):
        open_store(url)


def test_sqlite_url_forms(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    absolute_url = f"sqlite:///{tmp_path / 'abs.db'}"
    assert absolute_url.startswith("sqlite:////")
    relative = open_store("sqlite:///instance/rel.db")
    absolute = open_store(absolute_url)
    try:
        assert (tmp_path / "instance" / "rel.db").exists()
        assert (tmp_path / "abs.db").exists()
    finally:
        relative.close()
        absolute.close()


def test_an_employers_booth_is_set_changed_and_cleared_and_nothing_else_changes(store):
    organizer = store.create_organizer("王组织", new_token(), now=NOW)
    fair = store.create_fair(organizer["id"], {"name": "F", "date": "2024-03-02"}, now=NOW)
    employer = store.create_employer(fair["id"], {"name": "甲公司", "contact_name": "李经理", "booth": "A12"},
                                     "emp-hash", now=NOW)
    other = store.create_employer(fair["id"], {"name": "乙公司"}, new_token(), now=NOW)
    assert store.get_employer(employer["id"])["booth"] == "A12" and other["booth"] is None
    (changed,) = store.set_employer_booths({employer["id"]: "B07"})
    assert changed == {**employer, "booth": "B07"}
    assert store.get_employer(employer["id"]) == changed
    assert store.list_employers(fair["id"]) == [changed, other]
    assert store.set_employer_booths({employer["id"]: None})[0]["booth"] is None
    assert store.get_employer(employer["id"]) == {**employer, "booth": None}
    # The token still finds the employer; an unknown employer changes nothing.
    assert store.find_principal("emp-hash") == Principal("employer", employer["id"], fair["id"], "甲公司")
    assert store.set_employer_booths({employer["id"] + other["id"] + 100: "C01"}) == []
    assert store.list_employers(fair["id"]) == [{**employer, "booth": None}, other]
    # Many at once, in the order given; one not found leaves the others to change.
    both = store.set_employer_booths({other["id"]: "C01", 10_000: "X", employer["id"]: "C02"})
    assert [(e["id"], e["booth"]) for e in both] == [(other["id"], "C01"), (employer["id"], "C02")]
    assert [e["booth"] for e in store.list_employers(fair["id"])] == ["C02", "C01"]
    assert store.set_employer_booths({}) == []
