"""JSON responses: shared read-only values are spliced in from their kept JSON, which must equal a fresh encoding."""
import collections
import enum
import json

import pytest
from markupsafe import Markup

from matching.reasons import FrozenDict, FrozenList
from service import create_app


class Level(enum.IntEnum):
    HIGH = 3


class Row(list):
    pass


@pytest.fixture
def app(sqlite_url):
    return create_app({"TESTING": True, "STORE_URL": sqlite_url})


def encoded(app, data):
    with app.app_context():
        return app.json.response(data).get_data()


def reason(skill):
    return FrozenDict(factor="skills", score=0.5, text=FrozenDict(zh=f"技能匹配：{skill}", en=f"Skills matched: {skill}"),
                      matched=FrozenList([skill]), missing=FrozenList([]))


def test_shared_values_encode_as_their_plain_json_every_time(app):
    welding, forklift = reason("焊工证"), reason("叉车证")
    page = {"results": [{"reasons": [welding, forklift]}, {"reasons": [welding]}],
            "seeker": FrozenDict(masked_name="张**", skills=["焊接"])}
    plain = json.loads(json.dumps(page, ensure_ascii=False))
    first, again = encoded(app, page), encoded(app, page)
    assert first == again
    assert json.loads(first) == plain
    assert "技能匹配：焊工证".encode() in first  # UTF-8, not \u escapes


def test_a_full_keep_starts_over_without_mixing_values_up(app):
    app.json.max_kept = 1
    reasons = [reason(skill) for skill in ("焊工证", "叉车证", "电工证")]
    for _ in range(2):
        assert [json.loads(encoded(app, item))["matched"] for item in reasons] == [["焊工证"], ["叉车证"], ["电工证"]]


def test_other_subclasses_of_builtins_encode_as_their_values(app):
    data = {"markup": Markup("<b>焊工</b>"), "level": Level.HIGH,
            "ordered": collections.OrderedDict(a=1), "row": Row([1, 2])}
    assert json.loads(encoded(app, data)) == {"markup": "<b>焊工</b>", "level": 3, "ordered": {"a": 1}, "row": [1, 2]}
