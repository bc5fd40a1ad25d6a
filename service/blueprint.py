"""The API's Blueprint: flask-smorest's, with request bodies parsed as strict JSON."""
from __future__ import annotations

import orjson
from flask_smorest import Blueprint as SmorestBlueprint
from webargs import core
from webargs.flaskparser import FlaskParser, is_json_request


class StrictJSONParser(FlaskParser):
    """webargs' parser, with JSON bodies read by orjson.

    The standard library's decoder accepts lone surrogates (``"\\ud800"``),
    which neither store can encode, and raises RecursionError on a body of
    ~1,000 nested arrays: both were 500s. orjson refuses both with a
    JSONDecodeError (nesting beyond 1,024 levels), which webargs answers as
    invalid JSON: 400. Bytes that are not UTF-8 stay webargs' 400 as well.
    """

    def _raw_load_json(self, req):
        if not is_json_request(req):
            return core.missing
        return orjson.loads(req.get_data(cache=True).decode("utf-8"))


class Blueprint(SmorestBlueprint):
    """A flask-smorest Blueprint whose ``@blp.arguments`` use :class:`StrictJSONParser`."""

    ARGUMENTS_PARSER = StrictJSONParser()
