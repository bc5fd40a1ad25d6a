"""Intents, agreements and the counters they drive (docs/DESIGN.md semantics)."""
from __future__ import annotations

import pytest
from store_helpers import Fair, posting

from service.store import Conflict, PostingClosed

T1 = "2024-03-02T09:15:00+08:00"
T2 = "2024-03-02T10:20:00+08:00"
T3 = "2024-03-02T10:59:59+08:00"
WELDER = {"code": "6-18-02-04", "name": "电焊工"}


def intent(posting_id, seeker_id, seeker=False, employer=False, agreed_at=None):
    return {"posting_id": posting_id, "seeker_id": seeker_id, "seeker_interested": seeker,
            "employer_interested": employer, "agreed": seeker and employer, "agreed_at": agreed_at}


@pytest.fixture
def pair(store, fair):
    """(posting id, seeker id) of a fresh pair."""
    (job,) = fair.post(posting("电焊工", headcount=2, occupation=WELDER))
    return job["id"], fair.seeker()["id"]


def counts(fair, *names):
    stats = fair.stats()
    return tuple(stats[name] for name in names)


INTENT_COUNTS = ("seeker_intents", "employer_intents", "agreements", "seekers_with_agreement")


def stats_but_time(fair):
    """Every count of the fair (``generated_at`` says when they were read)."""
    return {name: value for name, value in fair.stats().items() if name != "generated_at"}


def test_missing_pair_reads_all_false(store, pair):
    assert store.get_intent(*pair) == intent(*pair)
    assert store.get_intents(posting_id=pair[0]) == {}


def test_marks_agree_and_withdrawals_clear(store, fair, pair):
    assert store.set_intent(*pair, "seeker", True, now=T1) == intent(*pair, seeker=True)
    assert counts(fair, *INTENT_COUNTS) == (1, 0, 0, 0)
    assert store.set_intent(*pair, "employer", True, now=T2) == intent(*pair, True, True, T2)
    assert store.get_intent(*pair) == intent(*pair, True, True, T2)
    assert counts(fair, *INTENT_COUNTS) == (1, 1, 1, 1)

    assert store.set_intent(*pair, "seeker", False, now=T3) == intent(*pair, employer=True)
    assert counts(fair, *INTENT_COUNTS) == (0, 1, 0, 0)
    assert store.list_agreements(fair.id) == ([], 0)
    assert store.list_agreements(fair.id, employer_id=fair.employer["id"]) == ([], 0)


def test_repeating_a_mark_changes_nothing(store, fair, pair):
    store.set_intent(*pair, "seeker", True, now=T1)
    store.set_intent(*pair, "employer", True, now=T1)
    for _ in range(3):
        assert store.set_intent(*pair, "seeker", True, now=T2) == intent(*pair, True, True, T1)
        assert store.set_intent(*pair, "employer", True, now=T3) == intent(*pair, True, True, T1)
    assert counts(fair, *INTENT_COUNTS) == (1, 1, 1, 1)
    assert [row["agreements"] for row in fair.stats()["by_hour"]] == [1]


def test_withdrawing_twice_or_unmarked_changes_nothing(store, fair, pair):
    assert store.set_intent(*pair, "employer", False, now=T1) == intent(*pair)
    store.set_intent(*pair, "seeker", True, now=T1)
    store.set_intent(*pair, "seeker", False, now=T1)
    store.set_intent(*pair, "seeker", False, now=T1)
    assert counts(fair, *INTENT_COUNTS, "postings_without_interest") == (0, 0, 0, 0, 1)


def test_re_marking_agrees_again_with_a_new_time(store, fair, pair):
    store.set_intent(*pair, "seeker", True, now=T1)
    store.set_intent(*pair, "employer", True, now=T1)
    store.set_intent(*pair, "employer", False, now=T2)
    assert store.set_intent(*pair, "employer", True, now=T3) == intent(*pair, True, True, T3)
    assert counts(fair, *INTENT_COUNTS) == (1, 1, 1, 1)
    # by_hour counts events: two agreements happened, one in each hour.
    assert [(row["hour"], row["agreements"], row["seeker_intents"]) for row in fair.stats()["by_hour"]] == [
        ("2024-03-02T09:00:00+08:00", 1, 1), ("2024-03-02T10:00:00+08:00", 1, 0)]


def test_counters_per_employer_and_occupation(store, fair, pair):
    (other_job,) = fair.post(posting("Cashier"), employer=fair.other_employer)
    store.set_intent(*pair, "seeker", True, now=T1)
    store.set_intent(*pair, "employer", True, now=T1)
    store.set_intent(other_job["id"], pair[1], "seeker", True, now=T1)
    store.set_employer_booths({fair.employer["id"]: "A12"})
    stats = fair.stats()
    rows = {row["employer_id"]: row for row in stats["by_employer"]}
    assert rows[fair.employer["id"]] == {"employer_id": fair.employer["id"], "name": "甲公司", "booth": "A12", "postings": 1,
                                         "positions": 2, "seeker_intents": 1, "employer_intents": 1,
                                         "agreements": 1, "awaiting_employer": 0}
    assert rows[fair.other_employer["id"]] == {"employer_id": fair.other_employer["id"], "name": "Beta Ltd", "booth": None,
                                               "postings": 1, "positions": 1, "seeker_intents": 1,
                                               "employer_intents": 0, "agreements": 0, "awaiting_employer": 1}
    assert [row["employer_id"] for row in stats["by_employer"]] == [fair.employer["id"], fair.other_employer["id"]]
    assert stats["by_occupation"] == [{"code": WELDER["code"], "name": "电焊工", "postings": 1, "positions": 2,
                                       "seekers": 0, "agreements": 1}]
    assert stats["postings_without_interest"] == 0


def test_seekers_with_agreement_counts_people_not_pairs(store, fair):
    jobs = fair.post(posting("A"), posting("B"), posting("C"))
    person = fair.seeker("13800000001")
    for job in jobs:
        store.set_intent(job["id"], person["id"], "seeker", True, now=T1)
        store.set_intent(job["id"], person["id"], "employer", True, now=T1)
    assert counts(fair, "agreements", "seekers_with_agreement") == (3, 1)
    store.set_intent(jobs[0]["id"], person["id"], "seeker", False, now=T2)
    store.set_intent(jobs[1]["id"], person["id"], "seeker", False, now=T2)
    assert counts(fair, "agreements", "seekers_with_agreement") == (1, 1)
    store.set_intent(jobs[2]["id"], person["id"], "employer", False, now=T2)
    assert counts(fair, "agreements", "seekers_with_agreement") == (0, 0)


def test_postings_without_interest(store, fair):
    jobs = fair.post(posting("A"), posting("B"), posting("C"))
    person = fair.seeker()
    store.set_intent(jobs[2]["id"], person["id"], "seeker", True, now=T1)
    store.update_posting(jobs[2]["id"], {"status": "closed"}, now=T1)   # closed with interest
    assert counts(fair, "postings_without_interest") == (2,)
    store.set_intent(jobs[0]["id"], person["id"], "employer", True, now=T1)
    assert counts(fair, "postings_without_interest") == (2,)   # employer marks do not count
    store.set_intent(jobs[0]["id"], person["id"], "seeker", True, now=T1)
    assert counts(fair, "postings_without_interest") == (1,)
    store.update_posting(jobs[1]["id"], {"status": "closed"}, now=T2)
    assert counts(fair, "postings_without_interest") == (0,)
    store.update_posting(jobs[2]["id"], {"status": "open"}, now=T2)   # reopened with interest
    assert counts(fair, "postings_without_interest") == (0,)
    store.set_intent(jobs[0]["id"], person["id"], "seeker", False, now=T2)
    assert counts(fair, "postings_without_interest") == (1,)
    store.delete_posting(jobs[0]["id"], now=T2)
    assert counts(fair, "postings_without_interest") == (0,)


def test_posting_changes_move_positions_but_not_intent_counters(store, fair, pair):
    store.set_intent(*pair, "seeker", True, now=T1)
    store.set_intent(*pair, "employer", True, now=T1)
    assert counts(fair, "postings", "positions") == (1, 2)
    store.update_posting(pair[0], {"headcount": 5}, now=T2)
    assert counts(fair, "postings", "positions") == (1, 5)
    store.update_posting(pair[0], {"status": "closed"}, now=T2)
    assert counts(fair, "postings", "positions") == (0, 0)
    store.update_posting(pair[0], {"status": "open", "headcount": 4}, now=T2)
    assert counts(fair, "postings", "positions") == (1, 4)
    assert fair.stats()["by_occupation"][0]["positions"] == 4

    assert store.delete_posting(pair[0], now=T3)
    assert counts(fair, "postings", "positions") == (0, 0)
    assert counts(fair, *INTENT_COUNTS) == (1, 1, 1, 1)
    row = fair.stats()["by_employer"][0]
    assert (row["postings"], row["positions"], row["agreements"]) == (0, 0, 1)


def test_occupation_change_moves_posting_counts(store, fair, pair):
    cook = {"code": "4-03-02-01", "name": "中式烹调师"}
    store.update_posting(pair[0], {"title": "厨师", "occupation": cook}, now=T2)
    assert [(r["code"], r["postings"], r["positions"]) for r in fair.stats()["by_occupation"]] == [
        (cook["code"], 1, 2)]


def test_get_intents_by_either_side(store, fair):
    jobs = fair.post(posting("A"), posting("B"))
    people = [fair.seeker(f"1380000000{i}") for i in range(3)]
    store.set_intent(jobs[0]["id"], people[0]["id"], "seeker", True, now=T1)
    store.set_intent(jobs[0]["id"], people[1]["id"], "employer", True, now=T1)
    store.set_intent(jobs[1]["id"], people[0]["id"], "seeker", True, now=T1)
    store.set_intent(jobs[1]["id"], people[0]["id"], "employer", True, now=T2)

    by_seeker = store.get_intents(posting_id=jobs[0]["id"])
    assert by_seeker == {people[0]["id"]: intent(jobs[0]["id"], people[0]["id"], seeker=True),
                         people[1]["id"]: intent(jobs[0]["id"], people[1]["id"], employer=True)}
    assert store.get_intents(posting_id=jobs[0]["id"], others=[people[1]["id"], people[2]["id"]]) == {
        people[1]["id"]: by_seeker[people[1]["id"]]}
    assert store.get_intents(seeker_id=people[0]["id"]) == {
        jobs[0]["id"]: intent(jobs[0]["id"], people[0]["id"], seeker=True),
        jobs[1]["id"]: intent(jobs[1]["id"], people[0]["id"], True, True, T2)}
    assert store.get_intents(seeker_id=people[2]["id"]) == {}
    with pytest.raises(ValueError):
        store.get_intents()


def test_list_agreements_newest_first_with_records(store, fair):
    mine = fair.post(posting("A"), posting("B"))
    (theirs,) = fair.post(posting("C"), employer=fair.other_employer)
    person = fair.seeker(name="韩梅梅")
    for job, when in ((mine[0], T1), (theirs, T2), (mine[1], T3)):
        store.set_intent(job["id"], person["id"], "seeker", True, now=when)
        store.set_intent(job["id"], person["id"], "employer", True, now=when)

    everyone, total = store.list_agreements(fair.id)
    assert total == 3
    assert [(a["posting_id"], a["agreed_at"]) for a in everyone] == [
        (mine[1]["id"], T3), (theirs["id"], T2), (mine[0]["id"], T1)]
    assert everyone[0]["posting"] == store.get_posting(mine[1]["id"])
    assert everyone[0]["seeker"] == store.get_seeker(person["id"])
    assert everyone[0]["agreed"] is True
    my_agreements, my_total = store.list_agreements(fair.id, employer_id=fair.employer["id"])
    assert ([a["posting_id"] for a in my_agreements], my_total) == ([mine[1]["id"], mine[0]["id"]], 2)
    their_agreements, their_total = store.list_agreements(fair.id, employer_id=fair.other_employer["id"])
    assert ([a["posting_id"] for a in their_agreements], their_total) == ([theirs["id"]], 1)


def test_list_agreements_reads_a_page_of_the_fair_or_of_one_employer(store, fair):
    mine = fair.post(*[posting(f"岗位{n}") for n in range(4)])
    (theirs,) = fair.post(posting("C"), employer=fair.other_employer)
    person = fair.seeker()
    for job in (mine[0], theirs, mine[1], mine[2], mine[3]):
        store.set_intent(job["id"], person["id"], "seeker", True, now=T1)
        store.set_intent(job["id"], person["id"], "employer", True, now=T2)

    def listed(**options):
        page, total = store.list_agreements(fair.id, **options)
        return [a["posting_id"] for a in page], total

    newest_first = [mine[3]["id"], mine[2]["id"], mine[1]["id"], theirs["id"], mine[0]["id"]]
    assert listed(limit=2) == (newest_first[:2], 5)
    assert listed(limit=2, offset=2) == (newest_first[2:4], 5)
    assert listed(offset=4) == (newest_first[4:], 5)
    assert listed(limit=2, offset=5) == ([], 5)
    assert listed(limit=0) == ([], 5)
    assert listed(employer_id=fair.employer["id"], limit=0) == ([], 4)
    mine_newest_first = [job_id for job_id in newest_first if job_id != theirs["id"]]
    assert listed(employer_id=fair.employer["id"], limit=3, offset=1) == (mine_newest_first[1:4], 4)
    assert listed(employer_id=fair.other_employer["id"], limit=3) == ([theirs["id"]], 1)

    store.set_intent(mine[2]["id"], person["id"], "employer", False, now=T3)  # withdrawn: leaves both lists
    assert listed(limit=2, offset=1) == ([mine[1]["id"], theirs["id"]], 4)
    assert listed(employer_id=fair.employer["id"]) == ([mine[3]["id"], mine[1]["id"], mine[0]["id"]], 3)
    store.set_intent(mine[2]["id"], person["id"], "employer", True, now=T3)  # agreed again: newest
    assert listed(employer_id=fair.employer["id"], limit=1) == ([mine[2]["id"]], 4)


def test_deleted_postings_and_erased_seekers_leave_the_employers_list(store, fair):
    first, second = fair.post(posting("A"), posting("B"))
    (theirs,) = fair.post(posting("C"), employer=fair.other_employer)
    kept, erased = fair.seeker("13800000001"), fair.seeker("13800000002")
    for job in (first, second, theirs):
        for person in (kept, erased):
            store.set_intent(job["id"], person["id"], "seeker", True, now=T1)
            store.set_intent(job["id"], person["id"], "employer", True, now=T2)

    assert store.delete_posting(first["id"], now=T3) is True
    assert store.delete_seeker(erased["id"], now=T3) is True

    def pairs(**options):
        page, total = store.list_agreements(fair.id, **options)
        return [(a["posting_id"], a["seeker_id"]) for a in page], total

    assert pairs(employer_id=fair.employer["id"]) == ([(second["id"], kept["id"])], 1)
    assert pairs(employer_id=fair.other_employer["id"]) == ([(theirs["id"], kept["id"])], 1)
    assert pairs() == ([(theirs["id"], kept["id"]), (second["id"], kept["id"])], 2)


def test_agreements_of_one_second_are_listed_in_the_order_they_were_made(store, fair):
    # agreed_at has whole seconds; a busy booth agrees more than once in one.
    first_marked, second_marked = fair.post(posting("A"), posting("B"))
    person = fair.seeker()
    for job in (first_marked, second_marked):
        store.set_intent(job["id"], person["id"], "seeker", True, now=T1)
    for job in (second_marked, first_marked):
        store.set_intent(job["id"], person["id"], "employer", True, now=T2)
    assert [a["posting_id"] for a in store.list_agreements(fair.id)[0]] == [first_marked["id"], second_marked["id"]]


def test_missing_posting_or_seeker(store, pair):
    assert store.set_intent(10_000, pair[1], "seeker", True, now=T1) is None
    assert store.set_intent(pair[0], 10_000, "employer", True, now=T1) is None


def test_pairs_across_fairs_are_refused(store, fair, pair):
    stranger = Fair(store, name="别的招聘会").seeker()
    with pytest.raises(Conflict):
        store.set_intent(pair[0], stranger["id"], "seeker", True, now=T1)
    assert counts(fair, *INTENT_COUNTS) == (0, 0, 0, 0)


def test_unknown_side_is_refused(store, pair):
    with pytest.raises(ValueError):
        store.set_intent(*pair, "organizer", True, now=T1)


def close(store, posting_id, now=T2):
    store.update_posting(posting_id, {"status": "closed"}, now=now)


def test_a_closed_posting_refuses_new_marks_and_writes_nothing(store, fair, pair):
    store.set_intent(*pair, "seeker", True, now=T1)
    other = fair.seeker("13900139000")["id"]
    close(store, pair[0])
    before = stats_but_time(fair)
    with pytest.raises(PostingClosed):
        store.set_intent(*pair, "employer", True, now=T3)
    with pytest.raises(PostingClosed):
        store.set_intent(pair[0], other, "seeker", True, now=T3)
    assert store.get_intent(*pair) == intent(*pair, seeker=True)
    assert store.get_intent(pair[0], other) == intent(pair[0], other)
    assert store.get_intents(posting_id=pair[0]) == {pair[1]: intent(*pair, seeker=True)}
    assert store.get_intents(seeker_id=other) == {}
    assert stats_but_time(fair) == before
    assert store.list_agreements(fair.id) == ([], 0)


def test_a_mark_already_set_is_repeated_on_a_closed_posting_and_its_agreement_stays(store, fair, pair):
    store.set_intent(*pair, "seeker", True, now=T1)
    store.set_intent(*pair, "employer", True, now=T1)
    close(store, pair[0])
    assert store.set_intent(*pair, "seeker", True, now=T3) == intent(*pair, True, True, T1)
    assert store.set_intent(*pair, "employer", True, now=T3) == intent(*pair, True, True, T1)
    assert counts(fair, *INTENT_COUNTS) == (1, 1, 1, 1)
    assert [(a["posting_id"], a["seeker_id"]) for a in store.list_agreements(fair.id)[0]] == [pair]


def test_withdrawing_goes_through_on_a_closed_posting(store, fair, pair):
    store.set_intent(*pair, "seeker", True, now=T1)
    store.set_intent(*pair, "employer", True, now=T1)
    close(store, pair[0])
    assert store.set_intent(*pair, "employer", False, now=T3) == intent(*pair, seeker=True)
    assert counts(fair, *INTENT_COUNTS) == (1, 0, 0, 0)
    assert store.set_intent(*pair, "seeker", False, now=T3) == intent(*pair)
    # A closed posting is off offer: its last seeker leaving does not make it one "without interest".
    assert counts(fair, *INTENT_COUNTS, "postings_without_interest") == (0, 0, 0, 0, 0)
    with pytest.raises(PostingClosed):   # and a withdrawn mark is a new one again
        store.set_intent(*pair, "seeker", True, now=T3)
    assert store.get_intent(*pair) == intent(*pair)


def test_a_reopened_posting_takes_marks_again(store, fair, pair):
    close(store, pair[0])
    with pytest.raises(PostingClosed):
        store.set_intent(*pair, "seeker", True, now=T2)
    store.update_posting(pair[0], {"status": "open"}, now=T3)
    assert store.set_intent(*pair, "seeker", True, now=T3) == intent(*pair, seeker=True)
    assert store.set_intent(*pair, "employer", True, now=T3) == intent(*pair, True, True, T3)
    assert counts(fair, *INTENT_COUNTS, "postings_without_interest") == (1, 1, 1, 1, 0)
