"""JSON responses encoded with orjson: compact UTF-8, keys in the order built.

Shortlists are large (50 seekers, each with reasons in Chinese and English),
and the standard library's encoder was a tenth of a worker's time on the
fair-day replay; orjson does the same work several times faster.

Most of a ranked page is values shared read-only between pages: a reason
(``matching.reasons.FrozenDict`` / ``FrozenList``) serves every pair it fits,
and a seeker's masked view every shortlist that shows the seeker. Their JSON
is kept per object and spliced in (``orjson.Fragment``): a 140 KB shortlist's
response took ~225 µs to make, ~115 µs with its shared values kept.
"""
from __future__ import annotations

import orjson
from flask.json.provider import DefaultJSONProvider

from matching.reasons import FrozenDict, FrozenList

_OPTIONS = orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY
# With subclasses of dict, list, str and int handed to ``default``, the shared values are found there.
_RESPONSE_OPTIONS = _OPTIONS | orjson.OPT_PASSTHROUGH_SUBCLASS | orjson.OPT_APPEND_NEWLINE
_FRAGMENT_OPTIONS = _OPTIONS | orjson.OPT_PASSTHROUGH_SUBCLASS
_SHARED = (FrozenDict, FrozenList)
_BUILTINS = (dict, list, str, int)


def compact_json(value, **options) -> bytes:
    """``orjson.dumps(value, **options)`` in a bytes object no larger than its text.

    orjson hands back its output buffer as it is (3.13: 8 KB held for a
    0.6 KB record). Kept for every seeker of a fair, those buffers made a
    worker peak at 2.09 GB on the 180,000-seeker replay; with copies, 0.78 GB.
    """
    return bytes(memoryview(orjson.dumps(value, **options)))


class FastJSONProvider(DefaultJSONProvider):
    """Flask's JSON provider with responses written by orjson (Chinese stays readable)."""

    ensure_ascii = False
    # A reason's JSON is ~0.3 KB and a masked seeker's ~1.3 KB: under 80 MB per worker (+35 MB measured
    # on the reference day).
    max_kept = 60_000

    def __init__(self, app):
        super().__init__(app)
        self._kept: dict[int, tuple[object, orjson.Fragment]] = {}

    def response(self, *args, **kwargs):
        data = self._prepare_response_obj(args, kwargs)
        return self._app.response_class(orjson.dumps(data, default=self._encode_other, option=_RESPONSE_OPTIONS),
                                        mimetype=self.mimetype)

    def _encode_other(self, value):
        if isinstance(value, _SHARED):
            # The kept entry holds the value, so its id cannot be reused while the entry lives.
            found = self._kept.get(id(value))
            if found is not None and found[0] is value:
                return found[1]
            plain = dict(value) if isinstance(value, dict) else list(value)
            fragment = orjson.Fragment(compact_json(plain, default=self._encode_other, option=_FRAGMENT_OPTIONS))
            if len(self._kept) >= self.max_kept:
                self._kept.clear()  # rare: starting over is cheaper than tracking use
            self._kept[id(value)] = (value, fragment)
            return fragment
        for builtin in _BUILTINS:
            if isinstance(value, builtin):
                return builtin(value)
        return self.default(value)
