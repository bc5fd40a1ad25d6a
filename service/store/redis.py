"""RedisStore: the store for several workers or hosts, on one Redis database.

Key names come from :mod:`service.store.keys`. Hot check-and-set steps
(seeker upsert by phone, intent marks) are Lua scripts, registered once per
connection; rarer multi-key writes (posting update/delete, seeker erasure)
are WATCH + MULTI/EXEC transactions that reuse the counter rules of
:mod:`service.store.common`. Bulk reads are pipelined in chunks.
"""
from __future__ import annotations

import collections
import json
from typing import Iterable

import redis

from . import keys
from .base import (
    REQUEST_KEY_SECONDS, Changes, Conflict, KeyReused, NamesTaken, PostingClosed, Principal, SIDES, Store,
    unavailable_on,
)
from .common import (
    build_stats, difference, dumps, employer_name_key, employer_record, hour_bucket, intent_counts_record,
    intent_record, posting_cells, posting_defaults, search_text, seeker_defaults,
)

READ_CHUNK = 1000  # records per pipelined round trip on bulk reads
# A Redis that stops answering (a partition, a frozen host) fails a call after this long, so the
# client gets a 503 instead of a request held for minutes. Our longest command (a page of the change
# feed) takes milliseconds. A URL may set its own (``?socket_timeout=2&socket_connect_timeout=1``).
SOCKET_TIMEOUT_SECONDS = 5.0

# Appends entities to a fair's change feed, each at the next seq.
FEED_LUA = """
-- KEYS[1] fair seq counter   KEYS[2] fair changes zset
-- ARGV[1..n] members "seeker:{id}" / "posting:{id}"
-- Returns the last seq given out.
local seq = 0
for i = 1, #ARGV do
  seq = redis.call('INCR', KEYS[1])
  redis.call('ZADD', KEYS[2], seq, ARGV[i])
end
return seq
"""

# Creates a record that owns a token, refusing a token hash already in use.
CREATE_WITH_TOKEN_LUA = """
-- KEYS[1] fm:tokens   KEYS[2] record key
-- KEYS[3] (optional) index zset of the fair   KEYS[4] (optional) fair counters hash
-- KEYS[5] (optional) the principal's token key (which hash is its token now)
-- ARGV[1] token hash  ARGV[2] principal JSON  ARGV[3] record JSON  ARGV[4] id
-- ARGV[5] counters field to increment (with KEYS[4])
-- Returns 1, or 0 when the token hash is taken (nothing written).
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('SET', KEYS[2], ARGV[3])
if #KEYS >= 3 then redis.call('ZADD', KEYS[3], ARGV[4], ARGV[4]) end
if #KEYS >= 4 then redis.call('HINCRBY', KEYS[4], ARGV[5], 1) end
if #KEYS >= 5 then redis.call('SET', KEYS[5], ARGV[1]) end
return 1
"""

# Registers employers all or nothing: names are checked against the fair's
# registered names (and each other) in the same step that records them.
CREATE_EMPLOYERS_LUA = """
-- KEYS[1] fm:tokens   KEYS[2] fair employers zset   KEYS[3] fair counters hash
-- KEYS[4] fair employer_names hash
-- KEYS[5..] per employer: its record key, its token key
-- ARGV[1] counters field of the fair's employers
-- ARGV[2..] per employer: id, name key, token hash, principal JSON, record JSON
-- Returns {1}; {0, position, ...} (0-based) when names are taken; {-1} when a token hash
-- is taken; {-2} when the fair has employers but no names hash yet (registered before
-- it was kept: the caller fills it in and tries again). Nothing is written unless {1}.
if redis.call('EXISTS', KEYS[4]) == 0 and redis.call('ZCARD', KEYS[2]) > 0 then return {-2} end
local count = (#ARGV - 1) / 5
local taken, seen_names, seen_tokens = {0}, {}, {}
for i = 0, count - 1 do
  local name_key, token_hash = ARGV[3 + 5 * i], ARGV[4 + 5 * i]
  if seen_names[name_key] or redis.call('HEXISTS', KEYS[4], name_key) == 1 then taken[#taken + 1] = i end
  seen_names[name_key] = true
  if seen_tokens[token_hash] or redis.call('HEXISTS', KEYS[1], token_hash) == 1 then return {-1} end
  seen_tokens[token_hash] = true
end
if #taken > 1 then return taken end
for i = 0, count - 1 do
  local id = ARGV[2 + 5 * i]
  redis.call('HSET', KEYS[1], ARGV[4 + 5 * i], ARGV[5 + 5 * i])
  redis.call('SET', KEYS[5 + 2 * i], ARGV[6 + 5 * i])
  redis.call('SET', KEYS[6 + 2 * i], ARGV[4 + 5 * i])
  redis.call('ZADD', KEYS[2], id, id)
  redis.call('HSET', KEYS[4], ARGV[3 + 5 * i], id)
end
redis.call('HINCRBY', KEYS[3], ARGV[1], count)
return {1}
"""

# Gives an employer or kiosk a new token: the old hash goes and the new one
# comes in one step, so no moment has both or neither working.
REPLACE_TOKEN_LUA = """
-- KEYS[1] fm:tokens   KEYS[2] the principal's token key
-- ARGV[1] new token hash   ARGV[2] principal JSON   ARGV[3] role   ARGV[4] id
-- Returns 1, or 0 when the new hash is taken (nothing written).
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 0 end
local old = redis.call('GET', KEYS[2])
if old then
  redis.call('HDEL', KEYS[1], old)
else
  -- Registered before token keys were kept: its token is found among all of them.
  local all = redis.call('HGETALL', KEYS[1])
  for i = 1, #all, 2 do
    local owner = cjson.decode(all[i + 1])
    if owner[1] == ARGV[3] and owner[2] == tonumber(ARGV[4]) then redis.call('HDEL', KEYS[1], all[i]) end
  end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('SET', KEYS[2], ARGV[1])
return 1
"""

# Creates or updates the seeker with a phone: record, phone index, counters
# and change feed in one step, so concurrent submissions make one seeker.
UPSERT_SEEKER_LUA = """
-- KEYS[1] fair phones hash        KEYS[2] fm:ids:seeker
-- KEYS[3] fair counters hash      KEYS[4] fair occupation_names hash
-- KEYS[5] fair resumes_counted set
-- KEYS[6] fair seq counter        KEYS[7] fair changes zset
-- ARGV[1] phone   ARGV[2] seeker key prefix (the record key depends on the id
--         found or allocated here, so it cannot be passed in KEYS)
-- ARGV[3] now as JSON   ARGV[4] hour bucket   ARGV[5] fair id
-- ARGV[6] '1' when the data carries occupations; ARGV[7] the first one's code
--         ('' for none); ARGV[8] its name
-- ARGV[9] '1' when the data carries a non-empty resume_text
-- ARGV[10] n, then n field/JSON-value pairs written on create only (defaults),
--          then field/JSON-value pairs of the data, always written
-- Returns {id, created (1|0), record as JSON text}.
local function bump(dim, key, metric, by)
  redis.call('HINCRBY', KEYS[3], dim .. '|' .. key .. '|' .. metric, by)
end
local id = redis.call('HGET', KEYS[1], ARGV[1])
local created = 0
local old_code = ''
local key
local n = tonumber(ARGV[10])
if not id then
  id = redis.call('INCR', KEYS[2])
  created = 1
  key = ARGV[2] .. id
  redis.call('HSET', KEYS[1], ARGV[1], id)
  for i = 11, 10 + 2 * n, 2 do redis.call('HSET', key, ARGV[i], ARGV[i + 1]) end
  redis.call('HSET', key, 'id', id, 'fair_id', ARGV[5], 'created_at', ARGV[3])
  bump('fair', '', 'seekers', 1)
  bump('hour', ARGV[4], 'seekers', 1)
else
  key = ARGV[2] .. id
  local old = cjson.decode(redis.call('HGET', key, 'occupations') or '[]')
  if type(old) == 'table' and type(old[1]) == 'table' then old_code = old[1]['code'] end
end
for i = 11 + 2 * n, #ARGV, 2 do redis.call('HSET', key, ARGV[i], ARGV[i + 1]) end
redis.call('HSET', key, 'updated_at', ARGV[3])
if ARGV[6] == '1' and ARGV[7] ~= old_code then
  if old_code ~= '' then bump('occupation', old_code, 'seekers', -1) end
  if ARGV[7] ~= '' then
    bump('occupation', ARGV[7], 'seekers', 1)
    redis.call('HSET', KEYS[4], ARGV[7], ARGV[8])
  end
end
if ARGV[9] == '1' and redis.call('SADD', KEYS[5], id) == 1 then bump('fair', '', 'resumes', 1) end
local seq = redis.call('INCR', KEYS[6])
redis.call('ZADD', KEYS[7], seq, 'seeker:' .. id)
local flat = redis.call('HGETALL', key)
local parts = {}
for j = 1, #flat, 2 do parts[#parts + 1] = '"' .. flat[j] .. '":' .. flat[j + 1] end
return {tonumber(id), created, '{' .. table.concat(parts, ',') .. '}'}
"""

# Reads records as JSON text built on the server from their hashes' JSON
# values: one bulk string per record instead of two per field.
RECORD_JSON_LUA = """
-- A record hash (field -> JSON value) as one JSON object text, '' when missing.
local function record_json(key)
  local flat = redis.call('HGETALL', key)
  local parts = {}
  for j = 1, #flat, 2 do parts[#parts + 1] = '"' .. flat[j] .. '":' .. flat[j + 1] end
  return (#flat == 0) and '' or ('{' .. table.concat(parts, ',') .. '}')
end
"""

LOAD_RECORDS_LUA = RECORD_JSON_LUA + """
-- KEYS[1..n] record hashes
-- Returns one JSON object text per key, '' for a missing key.
local out = {}
for i, key in ipairs(KEYS) do out[i] = record_json(key) end
return out
"""

# One page of a fair's change feed with the current records, in one round trip.
CHANGES_LUA = RECORD_JSON_LUA + """
-- KEYS[1] fair seq counter   KEYS[2] fair changes zset
-- ARGV[1] feed position to read after   ARGV[2] most members to return
-- ARGV[3] record key prefix (a member "seeker:7" is the hash PREFIX .. "seeker:7")
-- Returns {position reached, member 1, record 1, member 2, record 2, ...}: the
-- position is the current seq when the page holds everything after ARGV[1],
-- else the last returned member's seq. A record is '' when it was deleted.
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local page = redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. ARGV[1], '+inf', 'WITHSCORES', 'LIMIT', 0, tonumber(ARGV[2]))
local out = {current}
if #page / 2 == tonumber(ARGV[2]) then out[1] = tonumber(page[#page]) end
for i = 1, #page, 2 do
  out[#out + 1] = page[i]
  out[#out + 1] = record_json(ARGV[3] .. page[i])
end
return out
"""

# Employers' own lists (of postings, of agreements) came after the fair's: data written
# before holds only the fair's. These fill an employer's list from the fair's when it is
# missing, inside the script that reads or writes it.
FILL_EMPLOYER_AGREEMENTS_LUA = """
local function fill_employer_agreements(own, fair_agreements, counters, employer, posting_prefix)
  -- An employer with no list and no agreements counted has nothing to copy.
  if redis.call('EXISTS', own) == 1
      or tonumber(redis.call('HGET', counters, 'employer|' .. employer .. '|agreements') or '0') <= 0 then
    return
  end
  local everyone = redis.call('ZRANGE', fair_agreements, 0, -1, 'WITHSCORES')
  for i = 1, #everyone, 2 do
    local posting_id = string.match(everyone[i], '^(%d+):')
    if redis.call('HGET', posting_prefix .. posting_id, 'employer_id') == employer then
      redis.call('ZADD', own, everyone[i + 1], everyone[i])
    end
  end
end
"""

# A page of one employer's agreements.
EMPLOYER_AGREEMENTS_LUA = FILL_EMPLOYER_AGREEMENTS_LUA + """
-- KEYS[1] the employer's agreements zset   KEYS[2] fair agreements zset
-- KEYS[3] fair counters hash
-- ARGV[1] employer id   ARGV[2] posting key prefix   ARGV[3] first rank   ARGV[4] last rank
-- Returns {total, member, member, ...}, newest first.
fill_employer_agreements(KEYS[1], KEYS[2], KEYS[3], ARGV[1], ARGV[2])
local out = {redis.call('ZCARD', KEYS[1])}
for _, member in ipairs(redis.call('ZREVRANGE', KEYS[1], ARGV[3], ARGV[4])) do out[#out + 1] = member end
return out
"""

# An employer's posting ids, newest first (see FILL_EMPLOYER_AGREEMENTS_LUA for the filling;
# an employer without postings looks through the fair's each time, a few milliseconds).
EMPLOYER_POSTINGS_LUA = """
-- KEYS[1] the employer's postings zset   KEYS[2] fair postings zset
-- ARGV[1] employer id   ARGV[2] posting key prefix
if redis.call('EXISTS', KEYS[1]) == 0 then
  for _, posting_id in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
    if redis.call('HGET', ARGV[2] .. posting_id, 'employer_id') == ARGV[1] then
      redis.call('ZADD', KEYS[1], posting_id, posting_id)
    end
  end
end
return redis.call('ZREVRANGE', KEYS[1], 0, -1)
"""

# How the seekers stand with some postings, counted on the server from each posting's
# intents hash, so only three numbers per posting cross the network.
INTENT_COUNTS_LUA = """
-- KEYS[1..n] posting intents hashes
-- Returns per key, in order: seekers interested, of them not marked by the employer,
-- of them agreed (states "SE|agreed_at", S and E being 1 or 0).
local out = {}
for _, key in ipairs(KEYS) do
  local interested, awaiting, agreed = 0, 0, 0
  for _, state in ipairs(redis.call('HVALS', key)) do
    if string.sub(state, 1, 1) == '1' then
      interested = interested + 1
      if string.sub(state, 2, 2) == '1' then agreed = agreed + 1 else awaiting = awaiting + 1 end
    end
  end
  out[#out + 1] = interested
  out[#out + 1] = awaiting
  out[#out + 1] = agreed
end
return out
"""

# Per employer, the seekers interested now whom the employer has not marked, counted from the
# intents of the fair's postings (no counter: an erased seeker no longer waits).
AWAITING_EMPLOYER_LUA = """
-- KEYS[1] fair postings zset
-- ARGV[1] posting key prefix   ARGV[2] intents key suffix (a posting's intents hash is
-- ARGV[1] .. id .. ARGV[2])
-- Returns {employer id, count, employer id, count, ...} for the employers someone waits for.
-- A closed posting takes no new marks: its seekers wait for no answer (statuses are JSON).
local waiting = {}
for _, posting_id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  local owner = redis.call('HMGET', ARGV[1] .. posting_id, 'employer_id', 'status')
  if owner[2] == '"open"' then
    local count = 0
    for _, state in ipairs(redis.call('HVALS', ARGV[1] .. posting_id .. ARGV[2])) do
      if string.sub(state, 1, 2) == '10' then count = count + 1 end
    end
    if count > 0 then waiting[owner[1]] = (waiting[owner[1]] or 0) + count end
  end
end
local out = {}
for employer, count in pairs(waiting) do
  out[#out + 1] = employer
  out[#out + 1] = count
end
return out
"""

# One side marks or withdraws interest in a pair; counters move only on a
# real transition, so repeated and concurrent marks count once.
SET_INTENT_LUA = FILL_EMPLOYER_AGREEMENTS_LUA + """
-- KEYS[1] posting hash            KEYS[2] seeker hash
-- KEYS[3] posting intents hash    KEYS[4] seeker intents hash
-- KEYS[5] posting interest counter
-- KEYS[6] fair counters hash      KEYS[7] fair seeker_agreed hash
-- KEYS[8] fair agreements zset    KEYS[9] fair agreement_seq counter
-- KEYS[10] the posting's employer's agreements zset
-- ARGV[1] posting id   ARGV[2] seeker id   ARGV[3] side 'seeker' | 'employer'
-- ARGV[4] '1' to mark, '0' to withdraw   ARGV[5] now   ARGV[6] hour bucket
-- ARGV[7] posting key prefix
-- Returns the state "SE|agreed_at"; nil when the posting or seeker is missing;
-- an error when they belong to different fairs, or for a new mark on a closed posting.
local function bump(dim, key, metric, by)
  redis.call('HINCRBY', KEYS[6], dim .. '|' .. key .. '|' .. metric, by)
end
local posting = redis.call('HMGET', KEYS[1], 'fair_id', 'employer_id', 'status', 'occupation')
local seeker_fair = redis.call('HGET', KEYS[2], 'fair_id')
if not posting[1] or not seeker_fair then return nil end
if posting[1] ~= seeker_fair then return redis.error_reply('posting and seeker belong to different fairs') end
local state = redis.call('HGET', KEYS[3], ARGV[2]) or '00|'
local s, e, agreed_at = string.sub(state, 1, 1), string.sub(state, 2, 2), string.sub(state, 4)
local side, want = ARGV[3], ARGV[4]
if (side == 'seeker' and s == want) or (side == 'employer' and e == want) then return state end
local status = cjson.decode(posting[3])
if want == '1' and status == 'closed' then return redis.error_reply('posting closed') end
local was_agreed = (s == '1' and e == '1')
if side == 'seeker' then s = want else e = want end
local is_agreed = (s == '1' and e == '1')
local step = (want == '1') and 1 or -1
local employer = posting[2]
local occupation = cjson.decode(posting[4])
local code = (type(occupation) == 'table') and occupation['code'] or nil
bump('fair', '', side .. '_intents', step)
bump('employer', employer, side .. '_intents', step)
if side == 'seeker' then
  if step == 1 then bump('hour', ARGV[6], 'seeker_intents', 1) end
  local interest = redis.call('INCRBY', KEYS[5], step)
  -- The first seeker mark takes an open posting out of "without interest";
  -- the last withdrawal puts it back.
  if status == 'open' and ((interest == 1 and step == 1) or (interest == 0 and step == -1)) then
    bump('fair', '', 'postings_without_interest', -step)
  end
end
local pair = ARGV[1] .. ':' .. ARGV[2]
if was_agreed ~= is_agreed then
  fill_employer_agreements(KEYS[10], KEYS[8], KEYS[6], employer, ARGV[7])
  local agreed_step = is_agreed and 1 or -1
  bump('fair', '', 'agreements', agreed_step)
  bump('employer', employer, 'agreements', agreed_step)
  if code then bump('occupation', code, 'agreements', agreed_step) end
  local pairs_now = redis.call('HINCRBY', KEYS[7], ARGV[2], agreed_step)
  if (pairs_now == 1 and agreed_step == 1) or (pairs_now == 0 and agreed_step == -1) then
    bump('fair', '', 'seekers_with_agreement', agreed_step)
  end
  if is_agreed then
    bump('hour', ARGV[6], 'agreements', 1)
    agreed_at = ARGV[5]
    local seq = redis.call('INCR', KEYS[9])
    redis.call('ZADD', KEYS[8], seq, pair)
    redis.call('ZADD', KEYS[10], seq, pair)
  else
    agreed_at = ''
    redis.call('ZREM', KEYS[8], pair)
    redis.call('ZREM', KEYS[10], pair)
  end
end
state = s .. e .. '|' .. agreed_at
redis.call('HSET', KEYS[3], ARGV[2], state)
redis.call('HSET', KEYS[4], ARGV[1], state)
return state
"""


def _unavailable(error: redis.RedisError) -> bool:
    """Whether Redis failed because it cannot be reached or cannot do this now (see :class:`StoreUnavailable`):
    refused, dropped or timed-out connections, a server still loading its data, a read-only replica
    (after a failover), a full memory, a script running too long, a failed snapshot refusing writes.
    A wrong password or permission is a deployment error, and a wrong command or key type a bug."""
    if isinstance(error, (redis.AuthenticationError, redis.exceptions.AuthorizationError)):
        return False
    if isinstance(error, (redis.ConnectionError, redis.TimeoutError, redis.ReadOnlyError,
                          redis.exceptions.OutOfMemoryError, redis.exceptions.TryAgainError,
                          redis.exceptions.ClusterDownError)):
        return True
    return isinstance(error, redis.ResponseError) and str(error).startswith(("BUSY ", "MISCONF "))


def _decode(fields: dict) -> dict | None:
    """A record from its hash (field -> JSON), None for an empty hash."""
    return {name: json.loads(value) for name, value in fields.items()} or None


def _parse(text: str) -> dict | None:
    """A record from the JSON text the scripts build, None for ''."""
    return json.loads(text) if text else None


def _intent(posting_id: int, seeker_id: int, state: str | None) -> dict:
    if not state:
        return intent_record(posting_id, seeker_id, False, False, None)
    return intent_record(posting_id, seeker_id, state[0] == "1", state[1] == "1", state[3:] or None)


def _principal(raw: str) -> Principal:
    return Principal(*json.loads(raw))


@unavailable_on(redis.RedisError, _unavailable)
class RedisStore(Store):
    """Store in one Redis database; ``client`` must use ``decode_responses=True``."""

    def __init__(self, client: redis.Redis):
        self.client = client
        self._feed = client.register_script(FEED_LUA)
        self._create_with_token = client.register_script(CREATE_WITH_TOKEN_LUA)
        self._replace_token = client.register_script(REPLACE_TOKEN_LUA)
        self._create_employers = client.register_script(CREATE_EMPLOYERS_LUA)
        self._upsert_seeker = client.register_script(UPSERT_SEEKER_LUA)
        self._set_intent = client.register_script(SET_INTENT_LUA)
        self._load_records = client.register_script(LOAD_RECORDS_LUA)
        self._changes = client.register_script(CHANGES_LUA)
        self._employer_agreements = client.register_script(EMPLOYER_AGREEMENTS_LUA)
        self._employer_postings = client.register_script(EMPLOYER_POSTINGS_LUA)
        self._intent_counts = client.register_script(INTENT_COUNTS_LUA)
        self._awaiting_employer = client.register_script(AWAITING_EMPLOYER_LUA)
        # posting id -> (fair id, employer id); ids are never reused, so entries never go stale.
        self._posting_owners: dict[int, tuple[int, int]] = {}

    @classmethod
    def from_url(cls, url: str) -> "RedisStore":
        # Options in the URL win over these defaults.
        return cls(redis.Redis.from_url(url, decode_responses=True, socket_timeout=SOCKET_TIMEOUT_SECONDS,
                                        socket_connect_timeout=SOCKET_TIMEOUT_SECONDS))

    # -- lifecycle -------------------------------------------------------------
    def ping(self) -> bool:
        try:
            return bool(self.client.ping())
        except redis.RedisError:
            return False

    def close(self) -> None:
        self.client.close()

    # -- helpers -----------------------------------------------------------------
    @staticmethod
    def _bump(pipe, fair_id: int, cells: Iterable[tuple]) -> None:
        counters = keys.fair_key(fair_id, "counters")
        for dim, key, metric, value in cells:
            pipe.hincrby(counters, keys.counter_field(dim, key, metric), value)

    def _log_changes(self, pipe, fair_id: int, members: list[str]) -> None:
        self._feed(keys=[keys.fair_key(fair_id, "seq"), keys.fair_key(fair_id, "changes")],
                   args=members, client=pipe)

    @staticmethod
    def _name_occupation(pipe, fair_id: int, occupation: dict | None) -> None:
        if occupation:
            pipe.hset(keys.fair_key(fair_id, "occupation_names"), occupation["code"], occupation["name"])

    def _load_hashes(self, names: list[str]) -> list[dict | None]:
        """Records of many hashes (None where missing), in chunks."""
        records = []
        for start in range(0, len(names), READ_CHUNK):
            records.extend(map(_parse, self._load_records(keys=names[start:start + READ_CHUNK])))
        return records

    def _load_strings(self, names: list[str]) -> list[dict | None]:
        records = []
        for start in range(0, len(names), READ_CHUNK):
            records.extend(json.loads(raw) if raw else None
                           for raw in self.client.mget(names[start:start + READ_CHUNK]))
        return records

    def _get_string(self, name: str) -> dict | None:
        raw = self.client.get(name)
        return json.loads(raw) if raw else None

    def _create_owned(self, key_names: list[str], token_hash: str, principal: Principal,
                      record: dict, counter: str = "") -> None:
        created = self._create_with_token(
            keys=key_names, args=[token_hash, dumps(list(principal)), dumps(record), record["id"], counter])
        if not created:
            raise Conflict("token already in use")

    # -- principals ------------------------------------------------------------------
    def create_organizer(self, name: str, token_hash: str, *, now: str) -> dict:
        record = {"id": self.client.incr(keys.ids("organizer")), "name": name, "created_at": now}
        self._create_owned([keys.TOKENS, keys.organizer(record["id"])], token_hash,
                           Principal("organizer", record["id"], None, name), record)
        return record

    def find_principal(self, token_hash: str) -> Principal | None:
        raw = self.client.hget(keys.TOKENS, token_hash)
        return _principal(raw) if raw else None

    # -- fairs -------------------------------------------------------------------------
    def create_fair(self, organizer_id: int, data: dict, *, now: str) -> dict:
        fair_id = self.client.incr(keys.ids("fair"))
        record = {"id": fair_id, "organizer_id": organizer_id, "name": data["name"],
                  "date": data.get("date"), "venue": data.get("venue"), "city": data.get("city"),
                  "district": data.get("district"), "created_at": now}
        pipe = self.client.pipeline(transaction=True)
        pipe.set(keys.fair(fair_id), dumps(record))
        pipe.zadd(keys.organizer_fairs(organizer_id), {fair_id: fair_id})
        pipe.execute()
        return record

    def get_fair(self, fair_id: int) -> dict | None:
        return self._get_string(keys.fair(fair_id))

    def list_fairs(self, organizer_id: int) -> list[dict]:
        ids = self.client.zrevrange(keys.organizer_fairs(organizer_id), 0, -1)
        return [r for r in self._load_strings([keys.fair(i) for i in ids]) if r]

    # -- employers and kiosks ----------------------------------------------------------
    def create_employers(self, fair_id: int, items: list[dict], token_hashes: list[str], *,
                         now: str) -> list[dict]:
        if not items:
            return []
        last_id = self.client.incrby(keys.ids("employer"), len(items))
        records = [{"id": employer_id, **employer_record(fair_id, item, now)}
                   for employer_id, item in enumerate(items, start=last_id - len(items) + 1)]
        key_names = [keys.TOKENS, keys.fair_key(fair_id, "employers"), keys.fair_key(fair_id, "counters"),
                     keys.fair_key(fair_id, "employer_names")]
        args = [keys.counter_field("fair", "", "employers")]
        for record, token_hash in zip(records, token_hashes, strict=True):
            key_names += [keys.employer(record["id"]), keys.principal_token("employer", record["id"])]
            principal = Principal("employer", record["id"], fair_id, record["name"])
            args += [record["id"], employer_name_key(record["name"]), token_hash, dumps(list(principal)),
                     dumps(record)]
        reply = self._create_employers(keys=key_names, args=args)
        if reply[0] == -2:
            self._index_employer_names(fair_id)
            reply = self._create_employers(keys=key_names, args=args)
        if reply[0] == -1:
            raise Conflict("token already in use")
        if reply[0] == 0:
            raise NamesTaken(reply[1:])
        return records

    def _index_employer_names(self, fair_id: int) -> None:
        """Fill in the names hash of a fair whose employers were registered before it was kept."""
        names_key, employers_key = keys.fair_key(fair_id, "employer_names"), keys.fair_key(fair_id, "employers")

        def index(pipe):
            if pipe.exists(names_key):
                return
            employers = self._load_strings([keys.employer(i) for i in pipe.zrange(employers_key, 0, -1)])
            pipe.multi()
            for employer in employers:
                if employer:
                    pipe.hsetnx(names_key, employer_name_key(employer["name"]), employer["id"])

        self.client.transaction(index, names_key, employers_key)

    def get_employer(self, employer_id: int) -> dict | None:
        return self._get_string(keys.employer(employer_id))

    def list_employers(self, fair_id: int) -> list[dict]:
        ids = self.client.zrange(keys.fair_key(fair_id, "employers"), 0, -1)
        return [r for r in self._load_strings([keys.employer(i) for i in ids]) if r]

    def set_employer_booths(self, booths: dict[int, str | None]) -> list[dict]:
        record_keys = [keys.employer(employer_id) for employer_id in booths]
        changed = []

        def change(pipe):
            found = pipe.mget(record_keys)  # watched: a concurrent change makes this retry
            records = [{**json.loads(raw), "booth": booth} for raw, booth in zip(found, booths.values()) if raw]
            pipe.multi()
            for record in records:
                pipe.set(keys.employer(record["id"]), dumps(record))
            changed[:] = records

        if record_keys:
            self.client.transaction(change, *record_keys)
        return changed

    def create_kiosk(self, fair_id: int, data: dict, token_hash: str, *, now: str) -> dict:
        record = {"id": self.client.incr(keys.ids("kiosk")), "fair_id": fair_id,
                  "label": data["label"], "created_at": now}
        self._create_owned(
            [keys.TOKENS, keys.kiosk(record["id"]), keys.fair_key(fair_id, "kiosks"),
             keys.fair_key(fair_id, "counters"), keys.principal_token("kiosk", record["id"])],
            token_hash, Principal("kiosk", record["id"], fair_id, record["label"]), record,
            keys.counter_field("fair", "", "kiosks"))
        return record

    def list_kiosks(self, fair_id: int) -> list[dict]:
        ids = self.client.zrange(keys.fair_key(fair_id, "kiosks"), 0, -1)
        return [r for r in self._load_strings([keys.kiosk(i) for i in ids]) if r]

    def replace_token(self, kind: str, principal_id: int, token_hash: str, *, fair_id: int) -> dict | None:
        record_key = {"employer": keys.employer, "kiosk": keys.kiosk}[kind](principal_id)
        record = self._get_string(record_key)  # never changes once created: safe to read first
        if record is None or record["fair_id"] != fair_id:
            return None
        principal = Principal(kind, principal_id, fair_id, record["name" if kind == "employer" else "label"])
        replaced = self._replace_token(keys=[keys.TOKENS, keys.principal_token(kind, principal_id)],
                                       args=[token_hash, dumps(list(principal)), kind, principal_id])
        if not replaced:
            raise Conflict("token already in use")
        return record

    # -- postings ------------------------------------------------------------------------
    def create_postings(self, fair_id: int, employer_id: int, items: list[dict], *, now: str,
                        request_key=None) -> list[dict | None]:
        if not items:
            return []
        request = None if request_key is None else keys.employer_request(employer_id, request_key.key)

        def create(pipe):
            # The request key is WATCHed: of two tries with one key, the second finds the first's postings.
            done = None if request is None else pipe.get(request)
            if done is not None:
                fingerprint, _, ids = done.partition("|")
                if fingerprint != request_key.fingerprint:
                    raise KeyReused(request_key.key)
                return [self.get_posting(int(posting_id)) for posting_id in ids.split(",")]
            return self._create_postings(pipe, fair_id, employer_id, items, now=now,
                                         request=None if request is None else (request, request_key.fingerprint))

        watched = () if request is None else (request,)
        return self.client.transaction(create, *watched, value_from_callable=True)

    def _create_postings(self, pipe, fair_id: int, employer_id: int, items: list[dict], *, now: str,
                         request=None) -> list[dict]:
        """Queue the creation in ``pipe``'s transaction (and ``request``: its key's name and fingerprint)."""
        # Build and encode everything first: a bad item fails before any write.
        self._employer_posting_ids(fair_id, employer_id)  # the employer's list is whole before it grows
        last_id = self.client.incrby(keys.ids("posting"), len(items))
        records, encoded, cells = [], [], []
        for posting_id, item in enumerate(items, start=last_id - len(items) + 1):
            record = {**posting_defaults(), **item, "id": posting_id, "fair_id": fair_id,
                      "employer_id": employer_id, "created_at": now, "updated_at": now}
            encoded.append({name: dumps(value) for name, value in record.items()})
            cells += posting_cells(record, 0)
            records.append(record)
        pipe.multi()
        for record, fields in zip(records, encoded):
            pipe.hset(keys.posting(record["id"]), mapping=fields)
            self._name_occupation(pipe, fair_id, record["occupation"])
        pipe.zadd(keys.fair_key(fair_id, "postings"), {r["id"]: r["id"] for r in records})
        pipe.zadd(keys.employer_postings(employer_id), {r["id"]: r["id"] for r in records})
        self._bump(pipe, fair_id, difference(cells, []))
        self._log_changes(pipe, fair_id, [f"posting:{r['id']}" for r in records])
        if request is not None:
            request_name, fingerprint = request
            ids = ",".join(str(record["id"]) for record in records)
            pipe.set(request_name, f"{fingerprint}|{ids}", ex=REQUEST_KEY_SECONDS)
        return records

    def _employer_posting_ids(self, fair_id: int, employer_id: int) -> list[str]:
        return self._employer_postings(keys=[keys.employer_postings(employer_id), keys.fair_key(fair_id, "postings")],
                                       args=[employer_id, keys.posting("")])

    def get_posting(self, posting_id: int) -> dict | None:
        return _decode(self.client.hgetall(keys.posting(posting_id)))

    def posting_owner(self, posting_id: int) -> tuple[int, int] | None:
        fair_id, employer_id = self.client.hmget(keys.posting(posting_id), ["fair_id", "employer_id"])
        return None if fair_id is None else (int(fair_id), int(employer_id))

    def update_posting(self, posting_id: int, changes: dict, *, now: str) -> dict | None:
        posting_key, interest_key = keys.posting(posting_id), keys.posting_interest(posting_id)

        def update(pipe):
            old = _decode(pipe.hgetall(posting_key))
            if old is None:
                return None
            interest = int(pipe.get(interest_key) or 0)
            record = {**old, **changes, "updated_at": now}
            for fixed in ("id", "fair_id", "employer_id", "created_at"):
                record[fixed] = old[fixed]
            fair_id = old["fair_id"]
            pipe.multi()
            pipe.hset(posting_key, mapping={name: dumps(record[name]) for name in [*changes, "updated_at"]})
            self._bump(pipe, fair_id, difference(posting_cells(record, interest), posting_cells(old, interest)))
            self._name_occupation(pipe, fair_id, record.get("occupation"))
            self._log_changes(pipe, fair_id, [f"posting:{posting_id}"])
            return record

        return self.client.transaction(update, posting_key, interest_key, value_from_callable=True)

    def delete_posting(self, posting_id: int, *, now: str) -> bool:
        posting_key, interest_key = keys.posting(posting_id), keys.posting_interest(posting_id)
        intents_key = keys.posting_intents(posting_id)

        def delete(pipe):
            old = _decode(pipe.hgetall(posting_key))
            if old is None:
                return False
            interest = int(pipe.get(interest_key) or 0)
            seeker_ids = pipe.hkeys(intents_key)
            fair_id = old["fair_id"]
            pipe.multi()
            pipe.delete(posting_key, interest_key, intents_key)
            pipe.zrem(keys.fair_key(fair_id, "postings"), posting_id)
            pipe.zrem(keys.employer_postings(old["employer_id"]), posting_id)
            for seeker_id in seeker_ids:
                pipe.hdel(keys.seeker_intents(seeker_id), posting_id)
            if seeker_ids:
                pairs = [f"{posting_id}:{s}" for s in seeker_ids]
                pipe.zrem(keys.fair_key(fair_id, "agreements"), *pairs)
                pipe.zrem(keys.employer_agreements(old["employer_id"]), *pairs)
            self._bump(pipe, fair_id, difference([], posting_cells(old, interest)))
            self._log_changes(pipe, fair_id, [f"posting:{posting_id}"])
            return True

        return self.client.transaction(delete, posting_key, interest_key, intents_key,
                                       value_from_callable=True)

    def list_postings(self, fair_id, *, employer_id=None, occupation=None, status=None,
                      q=None, limit=50, offset=0, without_interest=False):
        postings_key = keys.fair_key(fair_id, "postings")
        if not (employer_id is not None or occupation or status or q or without_interest):
            # Plain paging (browsing) reads just the page.
            pipe = self.client.pipeline(transaction=True)
            pipe.zrevrange(postings_key, offset, offset + limit - 1)
            pipe.zcard(postings_key)
            ids, total = pipe.execute()
            return [r for r in self._load_hashes([keys.posting(i) for i in ids]) if r], total
        # An employer's postings are read from its own list, not the fair's.
        ids = self.client.zrevrange(postings_key, 0, -1) if employer_id is None \
            else self._employer_posting_ids(fair_id, employer_id)
        if without_interest and ids:
            # The interest counters first: by midday few postings have none, and only those are read.
            interest = self.client.mget([keys.posting_interest(i) for i in ids])
            ids = [i for i, count in zip(ids, interest) if not int(count or 0)]
        needle = q.lower() if q else None
        matches = []
        for record in self._load_hashes([keys.posting(i) for i in ids]):
            if record is None:
                continue
            code = (record.get("occupation") or {}).get("code") or ""
            if ((employer_id is None or record["employer_id"] == employer_id)
                    and (not occupation or code == occupation or code.startswith(occupation + "-"))
                    and (not status or record["status"] == status)
                    and (not needle or needle in search_text(record))):
                matches.append(record)
        return matches[offset:offset + limit], len(matches)

    # -- seekers ---------------------------------------------------------------------------
    def upsert_seeker(self, fair_id: int, data: dict, *, now: str) -> tuple[dict, bool]:
        defaults = {name: value for name, value in seeker_defaults().items() if name not in data}
        occupations = data.get("occupations") or []
        first = occupations[0] if occupations else {"code": "", "name": ""}
        args = [data["phone"], keys.SEEKER_PREFIX, dumps(now), hour_bucket(now), fair_id,
                "1" if "occupations" in data else "0", first["code"], first["name"],
                "1" if data.get("resume_text") else "0", len(defaults)]
        for fields in (defaults, data):
            for name, value in fields.items():
                args += [name, dumps(value)]
        reply = self._upsert_seeker(
            keys=[keys.fair_key(fair_id, "phones"), keys.ids("seeker"), keys.fair_key(fair_id, "counters"),
                  keys.fair_key(fair_id, "occupation_names"), keys.fair_key(fair_id, "resumes_counted"),
                  keys.fair_key(fair_id, "seq"), keys.fair_key(fair_id, "changes")],
            args=args)
        return _parse(reply[2]), bool(reply[1])

    def get_seeker(self, seeker_id: int) -> dict | None:
        return _decode(self.client.hgetall(keys.seeker(seeker_id)))

    def seeker_fair(self, seeker_id: int) -> int | None:
        fair_id = self.client.hget(keys.seeker(seeker_id), "fair_id")
        return None if fair_id is None else int(fair_id)

    def find_seeker_by_phone(self, fair_id: int, phone: str) -> dict | None:
        seeker_id = self.client.hget(keys.fair_key(fair_id, "phones"), phone)
        return self.get_seeker(seeker_id) if seeker_id else None

    def delete_seeker(self, seeker_id: int, *, now: str) -> bool:
        seeker_key, intents_key = keys.seeker(seeker_id), keys.seeker_intents(seeker_id)

        def erase(pipe):
            old = _decode(pipe.hgetall(seeker_key))
            if old is None:
                return False
            posting_ids = pipe.hkeys(intents_key)
            # The seeker's agreements leave each posting's employer's list too (a posting
            # deleted meanwhile took its own pairs with it).
            employer_pairs = collections.defaultdict(list)
            for posting_id in posting_ids:
                owners = self._owners_of_posting(int(posting_id))
                if owners is not None:
                    employer_pairs[owners[1]].append(f"{posting_id}:{seeker_id}")
            fair_id = old["fair_id"]
            pipe.multi()
            # Counters stay as reported: only the person's data goes.
            pipe.delete(seeker_key, intents_key)
            pipe.hdel(keys.fair_key(fair_id, "phones"), old["phone"])
            pipe.hdel(keys.fair_key(fair_id, "seeker_agreed"), seeker_id)
            pipe.srem(keys.fair_key(fair_id, "resumes_counted"), seeker_id)
            for posting_id in posting_ids:
                pipe.hdel(keys.posting_intents(posting_id), seeker_id)
            if posting_ids:
                pipe.zrem(keys.fair_key(fair_id, "agreements"), *[f"{p}:{seeker_id}" for p in posting_ids])
            for employer_id, pairs in employer_pairs.items():
                pipe.zrem(keys.employer_agreements(employer_id), *pairs)
            self._log_changes(pipe, fair_id, [f"seeker:{seeker_id}"])
            return True

        return self.client.transaction(erase, seeker_key, intents_key, value_from_callable=True)

    # -- intents -------------------------------------------------------------------------------
    def _owners_of_posting(self, posting_id: int) -> tuple[int, int] | None:
        """:meth:`posting_owner`, kept: neither id ever changes."""
        owners = self._posting_owners.get(posting_id)
        if owners is None:
            owners = self.posting_owner(posting_id)
            if owners is not None:
                self._posting_owners[posting_id] = owners
        return owners

    def set_intent(self, posting_id: int, seeker_id: int, side: str, interested: bool, *, now: str) -> dict:
        if side not in SIDES:
            raise ValueError(f"side must be one of {SIDES}, not {side!r}")
        owners = self._owners_of_posting(posting_id)
        if owners is None:
            return None
        fair_id, employer_id = owners
        try:
            state = self._set_intent(
                keys=[keys.posting(posting_id), keys.seeker(seeker_id), keys.posting_intents(posting_id),
                      keys.seeker_intents(seeker_id), keys.posting_interest(posting_id),
                      keys.fair_key(fair_id, "counters"), keys.fair_key(fair_id, "seeker_agreed"),
                      keys.fair_key(fair_id, "agreements"), keys.fair_key(fair_id, "agreement_seq"),
                      keys.employer_agreements(employer_id)],
                args=[posting_id, seeker_id, side, "1" if interested else "0", now, hour_bucket(now),
                      keys.posting("")])
        except redis.ResponseError as exc:
            if "different fairs" in str(exc):
                raise Conflict("posting and seeker belong to different fairs") from exc
            if "posting closed" in str(exc):
                raise PostingClosed(f"posting {posting_id} is closed") from exc
            raise
        return None if state is None else _intent(posting_id, seeker_id, state)

    def get_intent(self, posting_id: int, seeker_id: int) -> dict:
        return _intent(posting_id, seeker_id, self.client.hget(keys.posting_intents(posting_id), seeker_id))

    def get_intents(self, posting_id=None, seeker_id=None, *, others=()) -> dict[int, dict]:
        if (posting_id is None) == (seeker_id is None):
            raise ValueError("give exactly one of posting_id and seeker_id")
        key = keys.posting_intents(posting_id) if posting_id is not None else keys.seeker_intents(seeker_id)
        others = [int(other) for other in others]
        if others:
            states = dict(zip(others, self.client.hmget(key, others)))
        else:
            states = {int(other): state for other, state in self.client.hgetall(key).items()}
        if posting_id is not None:
            return {other: _intent(posting_id, other, state) for other, state in states.items() if state}
        return {other: _intent(other, seeker_id, state) for other, state in states.items() if state}

    def intent_counts(self, posting_ids: Iterable[int]) -> dict[int, dict]:
        ids = list(dict.fromkeys(int(posting_id) for posting_id in posting_ids))
        counts = {}
        for start in range(0, len(ids), READ_CHUNK):
            chunk = ids[start:start + READ_CHUNK]
            reply = self._intent_counts(keys=[keys.posting_intents(posting_id) for posting_id in chunk])
            for position, posting_id in enumerate(chunk):
                counts[posting_id] = intent_counts_record(*reply[3 * position:3 * position + 3])
        return counts

    def list_agreements(self, fair_id: int, *, employer_id: int | None = None, limit: int | None = None,
                        offset: int = 0) -> tuple[list[dict], int]:
        fair_agreements = keys.fair_key(fair_id, "agreements")
        # Ranks first..last, newest first; 1..0 is empty (0..-1 would be everything).
        first, last = (1, 0) if limit == 0 else (offset, -1 if limit is None else offset + limit - 1)
        if employer_id is None:
            pipe = self.client.pipeline(transaction=True)
            pipe.zrevrange(fair_agreements, first, last)
            pipe.zcard(fair_agreements)
            members, total = pipe.execute()
        else:
            total, *members = self._employer_agreements(
                keys=[keys.employer_agreements(employer_id), fair_agreements, keys.fair_key(fair_id, "counters")],
                args=[employer_id, keys.posting(""), first, last])
        pairs = [tuple(map(int, member.split(":"))) for member in members]
        if not pairs:
            return [], total
        postings = self._load_hashes([keys.posting(p) for p, _ in pairs])
        seekers = self._load_hashes([keys.seeker(s) for _, s in pairs])
        pipe = self.client.pipeline(transaction=False)
        for posting_id, seeker_id in pairs:
            pipe.hget(keys.posting_intents(posting_id), seeker_id)
        states = pipe.execute()
        page = []
        # A pair withdrawn, erased or deleted since the page was read is left out.
        for (posting_id, seeker_id), posting, seeker, state in zip(pairs, postings, seekers, states):
            if posting and seeker and posting["fair_id"] == fair_id and state and state[:2] == "11":
                page.append({**_intent(posting_id, seeker_id, state), "posting": posting, "seeker": seeker})
        return page, total

    # -- change feed and stats -------------------------------------------------------------------
    def fair_version(self, fair_id: int) -> int:
        return int(self.client.get(keys.fair_key(fair_id, "seq")) or 0)

    def changes_since(self, fair_id: int, version: int) -> Changes:
        # Pages of READ_CHUNK members keep each script short (an initial read of
        # a whole fair must not stall Redis for other clients).
        latest: dict[str, str] = {}
        while True:
            reply = self._changes(keys=[keys.fair_key(fair_id, "seq"), keys.fair_key(fair_id, "changes")],
                                  args=[version, READ_CHUNK, keys.PREFIX])
            reached = int(reply[0])
            for position in range(1, len(reply), 2):
                latest.pop(reply[position], None)  # keeps the feed's order of last changes
                latest[reply[position]] = reply[position + 1]
            if reached == version or len(reply) - 1 < 2 * READ_CHUNK:
                break
            version = reached
        result = {"seeker": [], "posting": [], "removed_seeker": [], "removed_posting": []}
        for member, raw in latest.items():
            kind, entity_id = member.split(":")
            if raw:
                result[kind].append(json.loads(raw))
            else:
                result["removed_" + kind].append(int(entity_id))
        return Changes(reached, result["seeker"], result["posting"],
                       result["removed_seeker"], result["removed_posting"])

    def stats(self, fair_id: int) -> dict:
        pipe = self.client.pipeline(transaction=True)
        pipe.hgetall(keys.fair_key(fair_id, "counters"))
        pipe.hgetall(keys.fair_key(fair_id, "occupation_names"))
        pipe.zrange(keys.fair_key(fair_id, "employers"), 0, -1)
        self._awaiting_employer(keys=[keys.fair_key(fair_id, "postings")],
                                args=[keys.posting(""), keys.POSTING_INTENTS_SUFFIX], client=pipe)
        counters, names, employer_ids, awaiting = pipe.execute()
        employers = {e["id"]: e for e in self._load_strings([keys.employer(i) for i in employer_ids]) if e}
        cells = [(*keys.parse_counter_field(field), value) for field, value in counters.items()]
        awaiting_employer = {int(awaiting[i]): int(awaiting[i + 1]) for i in range(0, len(awaiting), 2)}
        return build_stats(fair_id, cells, employers, names, awaiting_employer)
