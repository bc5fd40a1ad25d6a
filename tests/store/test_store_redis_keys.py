"""RedisStore only: the keys themselves, named by service/store/keys.py."""
from __future__ import annotations

import json

import pytest
import redis
from store_helpers import NOW, Fair, posting

from service.store import NamesTaken, keys
from service.store.redis import RedisStore

pytestmark = pytest.mark.redis


@pytest.fixture
def client(redis_url):
    connection = redis.Redis.from_url(redis_url, decode_responses=True)
    yield connection
    connection.close()


@pytest.fixture
def rstore(client):
    """A RedisStore on a connection the test also inspects."""
    return RedisStore(client)


def test_every_key_is_named_by_keys_module(client, rstore):
    fair = Fair(rstore)
    (job, other) = fair.post(posting("焊工", occupation={"code": "6-18", "name": "焊工"}), posting("B"))
    person = fair.seeker(resume_text="简历")
    rstore.set_intent(job["id"], person["id"], "seeker", True, now=NOW)
    rstore.set_intent(job["id"], person["id"], "employer", True, now=NOW)

    f = fair.id
    expected = {
        keys.TOKENS, keys.organizer(fair.organizer["id"]), keys.organizer_fairs(fair.organizer["id"]),
        keys.fair(f), keys.employer(fair.employer["id"]), keys.employer(fair.other_employer["id"]),
        keys.kiosk(fair.kiosk["id"]), keys.posting(job["id"]), keys.posting(other["id"]),
        keys.principal_token("employer", fair.employer["id"]),
        keys.principal_token("employer", fair.other_employer["id"]), keys.principal_token("kiosk", fair.kiosk["id"]),
        keys.posting_interest(job["id"]), keys.posting_intents(job["id"]), keys.employer_agreements(fair.employer["id"]),
        keys.employer_postings(fair.employer["id"]),
        keys.seeker(person["id"]), keys.seeker_intents(person["id"]),
        *(keys.ids(kind) for kind in ("organizer", "fair", "employer", "kiosk", "posting", "seeker")),
        *(keys.fair_key(f, name) for name in keys.FAIR_KEYS),
    }
    assert set(client.keys("*")) == expected
    assert all(key.startswith(keys.PREFIX) for key in expected)


def test_agreements_recorded_before_employers_had_a_list_are_listed(client, rstore):
    # Data written before fm:employer:{id}:agreements existed has only the fair's list.
    fair = Fair(rstore)
    mine = fair.post(posting("A"), posting("B"))
    (theirs,) = fair.post(posting("C"), employer=fair.other_employer)
    person = fair.seeker()
    for job in (*mine, theirs):
        rstore.set_intent(job["id"], person["id"], "seeker", True, now=NOW)
        rstore.set_intent(job["id"], person["id"], "employer", True, now=NOW)
    client.delete(keys.employer_agreements(fair.employer["id"]), keys.employer_agreements(fair.other_employer["id"]))

    page, total = rstore.list_agreements(fair.id, employer_id=fair.employer["id"], limit=1)
    assert ([a["posting_id"] for a in page], total) == ([mine[1]["id"]], 2)
    assert client.zrevrange(keys.employer_agreements(fair.employer["id"]), 0, -1) == [
        f"{job['id']}:{person['id']}" for job in reversed(mine)]
    page, total = rstore.list_agreements(fair.id, employer_id=fair.other_employer["id"])
    assert ([a["posting_id"] for a in page], total) == ([theirs["id"]], 1)


def test_an_agreement_made_after_data_without_employer_lists_keeps_the_older_ones(client, rstore):
    fair = Fair(rstore)
    older, newer = fair.post(posting("A"), posting("B"))
    person = fair.seeker()
    rstore.set_intent(older["id"], person["id"], "seeker", True, now=NOW)
    rstore.set_intent(older["id"], person["id"], "employer", True, now=NOW)
    client.delete(keys.employer_agreements(fair.employer["id"]))

    rstore.set_intent(newer["id"], person["id"], "seeker", True, now=NOW)
    rstore.set_intent(newer["id"], person["id"], "employer", True, now=NOW)
    page, total = rstore.list_agreements(fair.id, employer_id=fair.employer["id"])
    assert ([a["posting_id"] for a in page], total) == ([newer["id"], older["id"]], 2)


def test_postings_created_before_employers_had_a_list_are_listed(client, rstore):
    fair = Fair(rstore)
    mine = fair.post(posting("A"), posting("B"))
    (theirs,) = fair.post(posting("C"), employer=fair.other_employer)
    client.delete(keys.employer_postings(fair.employer["id"]), keys.employer_postings(fair.other_employer["id"]))

    page, total = rstore.list_postings(fair.id, employer_id=fair.other_employer["id"])
    assert ([p["id"] for p in page], total) == ([theirs["id"]], 1)
    # A posting created before the employer's list is read again: the list is filled first, then grows.
    (newest,) = fair.post(posting("D"))
    page, total = rstore.list_postings(fair.id, employer_id=fair.employer["id"])
    assert ([p["id"] for p in page], total) == ([newest["id"], mine[1]["id"], mine[0]["id"]], 3)
    assert rstore.delete_posting(mine[0]["id"], now=NOW) is True
    assert [p["id"] for p in rstore.list_postings(fair.id, employer_id=fair.employer["id"])[0]] == [
        newest["id"], mine[1]["id"]]
    assert client.zrevrange(keys.employer_postings(fair.employer["id"]), 0, -1) == [
        str(newest["id"]), str(mine[1]["id"])]


def test_a_new_token_finds_the_old_one_without_its_token_key(client, rstore):
    # Employers and kiosks registered before token keys were kept have none: their old token is
    # found among all tokens, and a second employer's is left alone.
    fair = Fair(rstore)
    employer = rstore.create_employer(fair.id, {"name": "旧单位"}, "old-hash", now=NOW)
    client.delete(keys.principal_token("employer", employer["id"]),
                  keys.principal_token("employer", fair.employer["id"]))
    rstore.replace_token("employer", employer["id"], "new-hash", fair_id=fair.id)
    assert rstore.find_principal("old-hash") is None
    assert rstore.find_principal("new-hash").id == employer["id"]
    assert client.get(keys.principal_token("employer", employer["id"])) == "new-hash"
    assert client.hlen(keys.TOKENS) == 5  # organizer, three employers, kiosk


def test_a_fair_registered_before_names_were_kept_gets_them_on_its_next_registration(client, rstore):
    fair = Fair(rstore)
    client.delete(keys.fair_key(fair.id, "employer_names"))
    with pytest.raises(NamesTaken):
        rstore.create_employer(fair.id, {"name": "甲公司"}, "again", now=NOW)
    added = rstore.create_employer(fair.id, {"name": "丙公司"}, "new", now=NOW)
    assert client.hgetall(keys.fair_key(fair.id, "employer_names")) == {
        "甲公司": str(fair.employer["id"]), "beta ltd": str(fair.other_employer["id"]), "丙公司": str(added["id"])}


def test_key_types(client, rstore):
    fair = Fair(rstore)
    (job,) = fair.post(posting())
    person = fair.seeker()
    rstore.set_intent(job["id"], person["id"], "seeker", True, now=NOW)
    assert client.type(keys.posting(job["id"])) == "hash"
    assert client.type(keys.seeker(person["id"])) == "hash"
    assert client.type(keys.fair_key(fair.id, "phones")) == "hash"
    assert client.type(keys.fair_key(fair.id, "counters")) == "hash"
    assert client.type(keys.fair_key(fair.id, "changes")) == "zset"
    assert client.type(keys.fair_key(fair.id, "postings")) == "zset"
    assert client.type(keys.fair(fair.id)) == "string"
    assert client.type(keys.posting_intents(job["id"])) == "hash"


def test_records_are_hashes_of_json_values(client, rstore):
    fair = Fair(rstore)
    person = fair.seeker(skills=["叉车", "forklift"], experience_years=3)
    raw = client.hgetall(keys.seeker(person["id"]))
    assert json.loads(raw["skills"]) == ["叉车", "forklift"]
    assert "叉车" in raw["skills"]  # stored readable, not \u-escaped
    assert {name: json.loads(value) for name, value in raw.items()} == person


def test_phone_index_and_erasure_leave_no_personal_keys(client, rstore):
    fair = Fair(rstore)
    (job,) = fair.post(posting())
    person = fair.seeker("13800138000")
    assert client.hget(keys.fair_key(fair.id, "phones"), "13800138000") == str(person["id"])
    rstore.set_intent(job["id"], person["id"], "seeker", True, now=NOW)
    rstore.set_intent(job["id"], person["id"], "employer", True, now=NOW)

    rstore.delete_seeker(person["id"], now=NOW)
    assert not client.exists(keys.seeker(person["id"]), keys.seeker_intents(person["id"]))
    assert client.hget(keys.fair_key(fair.id, "phones"), "13800138000") is None
    assert client.hlen(keys.posting_intents(job["id"])) == 0
    assert client.zcard(keys.fair_key(fair.id, "agreements")) == 0
    assert not any("13800138000" in json.dumps(client.hgetall(key), ensure_ascii=False)
                   for key in client.keys("*") if client.type(key) == "hash")


def test_intent_state_is_mirrored_on_both_sides(client, rstore):
    fair = Fair(rstore)
    (job,) = fair.post(posting())
    person = fair.seeker()
    rstore.set_intent(job["id"], person["id"], "seeker", True, now=NOW)
    rstore.set_intent(job["id"], person["id"], "employer", True, now=NOW)
    state = f"11|{NOW}"
    assert client.hget(keys.posting_intents(job["id"]), person["id"]) == state
    assert client.hget(keys.seeker_intents(person["id"]), job["id"]) == state
    assert client.zrange(keys.fair_key(fair.id, "agreements"), 0, -1) == [f"{job['id']}:{person['id']}"]
    rstore.set_intent(job["id"], person["id"], "employer", False, now=NOW)
    assert client.hget(keys.seeker_intents(person["id"]), job["id"]) == "10|"


def test_change_feed_holds_each_entity_once_at_its_latest_seq(client, rstore):
    fair = Fair(rstore)
    (job,) = fair.post(posting())
    person = fair.seeker()
    fair.seeker(name="二")
    rstore.update_posting(job["id"], {"title": "新"}, now=NOW)
    changes = client.zrange(keys.fair_key(fair.id, "changes"), 0, -1, withscores=True)
    assert changes == [(f"seeker:{person['id']}", 3.0), (f"posting:{job['id']}", 4.0)]
    assert client.get(keys.fair_key(fair.id, "seq")) == "4"


def test_counters_hash_fields(client, rstore):
    fair = Fair(rstore)
    fair.post(posting(headcount=3, occupation={"code": "6-18", "name": "焊工"}))
    fair.seeker(now="2024-03-02T09:15:00+08:00")
    counters = client.hgetall(keys.fair_key(fair.id, "counters"))
    assert counters[keys.counter_field("fair", "", "positions")] == "3"
    assert counters[keys.counter_field("occupation", "6-18", "positions")] == "3"
    assert counters[keys.counter_field("employer", fair.employer["id"], "postings")] == "1"
    assert counters[keys.counter_field("hour", "2024-03-02T09:00:00+08:00", "seekers")] == "1"


def test_counter_fields_round_trip():
    for cell in [("fair", "", "seekers"), ("hour", "2024-03-02T09:00:00+08:00", "agreements"),
                 ("occupation", "6-18-01", "positions"), ("employer", "12", "postings")]:
        assert keys.parse_counter_field(keys.counter_field(*cell)) == cell


def test_unknown_fair_key_names_are_refused():
    with pytest.raises(ValueError):
        keys.fair_key(1, "scratch")

