"""The project's own alias tables (matching/data/zh_aliases.tsv, en_aliases.tsv) and how the loader uses them."""
import csv
from importlib import resources

import pytest

from matching import OccupationNormalizer
from matching.occupations import default_normalizer, english_names, load_labelled_titles, load_occupations
from matching.text import clean_title, fold

DATA = resources.files("matching") / "data"


def _read(name):
    with (DATA / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _code_key(code):
    return tuple(int(part) for part in code.split("-"))


CSCO = _read("csco2022.tsv")
ZH = _read("zh_aliases.tsv")
EN = _read("en_aliases.tsv")


def test_zh_aliases_are_well_formed_and_sorted_by_code():
    with (DATA / "zh_aliases.tsv").open(encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    assert lines[0] == "alias\tcode"
    assert all(line.count("\t") == 1 and line.split("\t")[0].strip() for line in lines[1:])
    known = {row["code"] for row in CSCO}
    assert [row["code"] for row in ZH if row["code"] not in known] == []
    codes = [_code_key(row["code"]) for row in ZH]
    assert codes == sorted(codes)


def test_each_project_alias_names_one_occupation():
    owner = {}
    clashes = [row["alias"] for row in ZH if owner.setdefault(fold(row["alias"]), row["code"]) != row["code"]]
    assert clashes == []


def test_the_project_aliases_override_the_derived_ones():
    # 美工 and 成本会计 are derived CSCO aliases of 装饰美工 and 工程造价工程技术人员; the project
    # gives them to 装潢美术设计师 and 会计专业人员, and the loader drops them from the derived rows,
    # so the exact hit no longer depends on which code comes first.
    rows = {code: (name, aliases) for code, name, aliases in load_occupations()}
    assert "美工" in rows["4-08-08-06"][1] and "美工" not in rows["4-07-07-02"][1]
    assert "成本会计" in rows["2-06-03-00"][1] and "成本会计" not in rows["2-02-30-10"][1]
    assert rows["4-07-07-02"][0] == "装饰美工" and "装饰美工" in rows["4-07-07-02"][1]
    table_only = OccupationNormalizer().fit(load_occupations())
    assert table_only.normalize("美工").code == "4-08-08-06"
    assert table_only.normalize("成本会计").code == "2-06-03-00"
    assert table_only.normalize("装饰美工").code == "4-07-07-02"


def test_an_alias_listed_twice_for_one_occupation_counts_once():
    # 会计 and 叉车工 are both derived CSCO aliases and project aliases of the same occupation.
    for code, _, aliases in load_occupations():
        folded = [fold(alias) for alias in aliases]
        extra = [fold(row["alias"]) for row in ZH if row["code"] == code]
        assert all(folded.count(alias) == 1 for alias in extra), code


def test_no_project_alias_is_another_occupations_official_name():
    official = {fold(row["name"]): row["code"] for row in CSCO}
    assert [(row["alias"], row["code"]) for row in ZH if fold(row["alias"]) in official] == []


@pytest.mark.parametrize("order", [1, -1])
def test_an_official_name_keeps_winning_over_another_occupations_alias(order):
    rows = [("6-18-02-04", "焊工", ["电焊工", "铆焊工"]), ("6-18-01-11", "铆工", ["铆焊工"])][::order]
    normalizer = OccupationNormalizer().fit(rows)
    # Whichever occupation is listed first, an official name is decisive for its own occupation.
    assert normalizer.normalize("焊工").code == "6-18-02-04"
    assert normalizer.normalize("铆工").code == "6-18-01-11"
    rows = [("6-18-02-04", "焊工", ["铆工"]), ("6-18-01-11", "铆工", [])][::order]
    assert OccupationNormalizer().fit(rows).normalize("铆工").code == "6-18-01-11"


def test_every_project_alias_maps_to_its_occupation_unless_a_labelled_title_spells_it():
    # The classifier had overruled 1,381 of them by a shared character (翻砂工 read as 翻译).
    labelled = {clean_title(title) for title in load_labelled_titles()[0]}
    normalizer = default_normalizer()
    elsewhere = [(row["alias"], row["code"], found and found.code) for row in ZH
                 if not {fold(row["alias"]), clean_title(row["alias"])} & labelled
                 and ((found := normalizer.normalize(row["alias"])) is None or found.code != row["code"])]
    assert elsewhere == []


def test_the_loader_adds_the_project_aliases_to_their_occupations():
    aliases = {code: set(found) for code, _, found in load_occupations()}
    assert all(row["alias"] in aliases[row["code"]] for row in ZH)


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("外卖骑手", "4-10-08-01"),
        ("CNC操机", "6-18-01-07"),
        ("幼师", "2-08-03-00"),
        ("月嫂阿姨", "4-10-01-06"),
        ("仓管员", "4-02-06-01"),
        ("Java开发工程师", "2-02-10-03"),
    ],
)
def test_the_table_alone_maps_common_ad_titles(title, code):
    normalizer = OccupationNormalizer().fit(load_occupations())
    assert normalizer.normalize(title).code == code


def test_en_aliases_are_well_formed_and_each_names_one_occupation():
    with (DATA / "en_aliases.tsv").open(encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    assert lines[0] == "alias\tcode"
    assert all(line.count("\t") == 1 and line.split("\t")[0].strip() for line in lines[1:])
    known = {row["code"] for row in CSCO}
    assert [row["code"] for row in EN if row["code"] not in known] == []
    owner = {}
    assert [row["alias"] for row in EN if owner.setdefault(fold(row["alias"]), row["code"]) != row["code"]] == []


def test_every_english_alias_maps_to_its_own_occupation():
    # An English title written as the table writes it lands where the table says, whatever the
    # other aliases that share a word with it ("sales staff", "catering staff", "research staff").
    normalizer = default_normalizer()
    found = {row["alias"]: normalizer.normalize(row["alias"]) for row in EN}
    assert [(row["alias"], row["code"], found[row["alias"]]) for row in EN
            if found[row["alias"]] is None or found[row["alias"]].code != row["code"]] == []


def test_every_occupation_the_labelled_titles_teach_and_every_group_a_fair_sees_has_an_english_name():
    # What an English page and reason show for the occupations a fair's postings map to; an
    # ambiguous title maps to its 大类, 中类 or 小类 (普工: 生产制造及有关人员): every 大类 and 中类,
    # and the 小类 of the service and production 大类 (4, 6), their "其他…" groups aside.
    _, codes = load_labelled_titles()
    groups = [row["code"] for row in CSCO if row["level"] in ("1", "2") or (
        row["level"] == "3" and row["code"][0] in "46" and not row["name"].startswith("其他"))]
    assert sorted(set(codes + groups) - set(english_names())) == []
    assert english_names()["4-01-02-00"] == "sales staff"
    assert english_names()["2-08-02-01"] == "high school teacher"
