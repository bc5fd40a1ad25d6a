"""Properties that must hold for any fair (hypothesis)."""
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from matching import MatchIndex

TITLES = ["会计", "出纳", "叉车司机", "数控操作工", "焊工", "研发工程师", "平面设计师", "货车司机", "厨师", "普工", "保安"]
SKILLS = ["Excel", "叉车证", "叉车操作证", "焊工证", "氩弧焊", "CNC编程", "Photoshop", "B2驾照", "C1驾照", "A1驾照",
          "Python", "健康证", "电工证"]
EDUCATION = [None, "junior_high", "high_school", "vocational", "associate", "bachelor", "master"]
PLACES = ["渝北区", "江北区", "沙坪坝区", "璧山区", "重庆", "不限"]
WORDS = ["负责仓库装卸", "熟悉全盘账务", "钢结构焊接", "看图纸", "吃苦耐劳", "有C1驾照", "海报设计", "川菜"]

seekers = st.fixed_dictionaries({
    "desired_titles": st.lists(st.sampled_from(TITLES), max_size=3, unique=True),
    "skills": st.lists(st.sampled_from(SKILLS), max_size=4, unique=True),
    "education": st.sampled_from(EDUCATION),
    "experience_years": st.one_of(st.none(), st.integers(0, 30)),
    "salary_expectation": st.one_of(st.none(), st.integers(2000, 20000)),
    "locations": st.lists(st.sampled_from(PLACES), max_size=2, unique=True),
    "resume_text": st.lists(st.sampled_from(WORDS), max_size=3).map("，".join),
})
postings = st.fixed_dictionaries({
    "title": st.sampled_from(TITLES),
    "skills": st.lists(st.sampled_from(SKILLS), max_size=3, unique=True),
    "education_min": st.sampled_from(EDUCATION),
    "experience_min_years": st.one_of(st.none(), st.integers(0, 5)),
    "salary_min": st.integers(3000, 6000),
    "salary_max": st.integers(6000, 15000),
    "location": st.sampled_from(PLACES[:5]),
    "description": st.lists(st.sampled_from(WORDS), max_size=3).map("，".join),
})


def with_ids(records, start=1):
    return [{**record, "id": number} for number, record in enumerate(records, start)]


def mirror(posting, record_id):
    """A seeker whose profile is exactly what the posting asks for."""
    return {
        "id": record_id,
        "desired_titles": [posting["title"]],
        "skills": list(posting["skills"]),
        "education": posting["education_min"],
        "experience_years": posting["experience_min_years"],
        "salary_expectation": posting["salary_min"],
        "locations": [posting["location"]],
        "resume_text": posting["description"],
    }


@settings(max_examples=40, deadline=None)
@given(postings, st.lists(seekers, max_size=12))
def test_an_identical_profile_ranks_first(posting, others):
    index = MatchIndex()
    index.upsert_seekers(with_ids(others) + [mirror(posting, 999)])
    ranked = index.shortlist({**posting, "id": 1}, limit=len(others) + 1)
    best = max(match.score for match in ranked)
    assert next(match.score for match in ranked if match.id == 999) == best


@settings(max_examples=40, deadline=None)
@given(st.lists(postings, min_size=1, max_size=8), seekers, st.integers(0, 10), st.integers(0, 4))
def test_results_are_bounded_sorted_and_scored_in_unit_range(offers, wanted, limit, offset):
    index = MatchIndex()
    index.upsert_postings(with_ids(offers))
    ranked = index.recommend({**wanted, "id": 1}, limit=limit, offset=offset)
    assert len(ranked) <= limit
    assert len(ranked) == max(0, min(limit, len(offers) - offset))
    assert all(0.0 <= match.score <= 1.0 for match in ranked)
    assert [match.score for match in ranked] == sorted((match.score for match in ranked), reverse=True)
    assert len({match.id for match in ranked}) == len(ranked)


@settings(max_examples=40, deadline=None)
@given(postings, st.lists(seekers, min_size=1, max_size=12))
def test_an_unrelated_seeker_never_reorders_the_others(posting, others):
    index = MatchIndex()
    index.upsert_seekers(with_ids(others))
    query = {**posting, "id": 1}
    before = [match.id for match in index.shortlist(query, limit=5)]
    # Nothing in common with any posting: other script, no skills, titles or places.
    index.upsert_seekers([{"id": 999, "desired_titles": ["Зоолог"], "resume_text": "κείμενο ουδέτερο"}])
    after = [match.id for match in index.shortlist(query, limit=6) if match.id != 999][:5]
    assert after == before


def characters(text):
    return {" " if character.isspace() else character for character in text}


TITLE_TEXT = st.text(st.one_of(st.sampled_from("叉车司机会计焊工 ()-/\t\u3000"), st.characters()), max_size=12)


@settings(max_examples=300, deadline=None)
@given(TITLE_TEXT.filter(bool), TITLE_TEXT)
def test_titles_without_a_common_character_are_not_similar(title, other):
    # The index compares a query title only with the titles (and translations) that share a character
    # with it (other than a role suffix: matching.index._ROLE_CHARACTERS; titles in Latin script alone by
    # words), whitespace of any kind counting as one character (WRatio's token ratios join words with a space).
    other = "".join(character for character in other if characters(character).isdisjoint(characters(title)))
    assert fuzz.WRatio(title, other) == 0 and fuzz.ratio(title, other) == 0
