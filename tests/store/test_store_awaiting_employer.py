"""Stats' ``awaiting_employer``: per booth and for the fair, the seekers interested now whom the
employer has not marked, counted from the intents when stats are read (not from counters)."""
from __future__ import annotations

from store_helpers import Fair, posting

T1 = "2024-03-02T09:15:00+08:00"
T2 = "2024-03-02T10:20:00+08:00"


def awaiting(fair):
    """(the fair's total, {employer id: its row's count}) from one stats read."""
    stats = fair.stats()
    return stats["awaiting_employer"], {row["employer_id"]: row["awaiting_employer"] for row in stats["by_employer"]}


def test_awaiting_follows_marks_answers_withdrawals_and_agreements(store, fair):
    welder, cook = fair.post(posting("电焊工"), posting("厨师"))
    (cashier,) = fair.post(posting("收银员"), employer=fair.other_employer)
    ann, bo, cai = (fair.seeker(phone)["id"] for phone in ("13800000001", "13800000002", "13800000003"))
    mine, theirs = fair.employer["id"], fair.other_employer["id"]
    assert awaiting(fair) == (0, {mine: 0, theirs: 0})

    store.set_intent(welder["id"], ann, "seeker", True, now=T1)
    store.set_intent(cook["id"], ann, "seeker", True, now=T1)
    store.set_intent(welder["id"], bo, "seeker", True, now=T1)
    store.set_intent(cashier["id"], cai, "seeker", True, now=T1)
    assert awaiting(fair) == (4, {mine: 3, theirs: 1})  # pairs, not people: ann waits at two postings

    store.set_intent(welder["id"], ann, "employer", True, now=T2)  # answered yes: agreed
    store.set_intent(welder["id"], cai, "employer", True, now=T2)  # the employer's mark alone: nobody waits
    for _ in range(2):  # repeated marks count once
        store.set_intent(cook["id"], ann, "seeker", True, now=T2)
        store.set_intent(welder["id"], ann, "employer", True, now=T2)
    assert awaiting(fair) == (3, {mine: 2, theirs: 1})

    store.set_intent(welder["id"], bo, "seeker", False, now=T2)  # the seeker withdraws: no longer waiting
    assert awaiting(fair) == (2, {mine: 1, theirs: 1})
    store.set_intent(welder["id"], ann, "employer", False, now=T2)  # the employer takes its yes back
    assert awaiting(fair) == (3, {mine: 2, theirs: 1})
    store.set_intent(welder["id"], cai, "seeker", True, now=T2)  # answering the employer's mark agrees
    assert awaiting(fair) == (3, {mine: 2, theirs: 1})
    store.set_intent(cashier["id"], cai, "employer", True, now=T2)  # the other booth answers its own only
    assert awaiting(fair) == (2, {mine: 2, theirs: 0})


def test_erased_seekers_and_deleted_postings_wait_no_more(store, fair):
    welder, cook = fair.post(posting("电焊工"), posting("厨师"))
    kept, erased = fair.seeker("13800000001")["id"], fair.seeker("13800000002")["id"]
    for job in (welder, cook):
        for person in (kept, erased):
            store.set_intent(job["id"], person, "seeker", True, now=T1)
    assert awaiting(fair)[0] == 4

    assert store.delete_seeker(erased, now=T2) is True
    assert awaiting(fair) == (2, {fair.employer["id"]: 2, fair.other_employer["id"]: 0})
    assert fair.stats()["seeker_intents"] == 4  # the counters stay as reported; the waiting are people here

    assert store.delete_posting(cook["id"], now=T2) is True
    assert awaiting(fair) == (1, {fair.employer["id"]: 1, fair.other_employer["id"]: 0})


def test_seekers_of_a_closed_posting_wait_for_no_answer(store, fair):
    welder, cook = fair.post(posting("电焊工"), posting("厨师"))
    person = fair.seeker("13800000001")["id"]
    for job in (welder, cook):
        store.set_intent(job["id"], person, "seeker", True, now=T1)
    store.update_posting(cook["id"], {"status": "closed"}, now=T2)  # it takes no new marks: no answer comes
    assert awaiting(fair) == (1, {fair.employer["id"]: 1, fair.other_employer["id"]: 0})
    store.update_posting(cook["id"], {"status": "open"}, now=T2)
    assert awaiting(fair)[0] == 2


def test_another_fair_waits_apart(store, fair):
    (welder,) = fair.post(posting("电焊工"))
    store.set_intent(welder["id"], fair.seeker("13800000001")["id"], "seeker", True, now=T1)
    other = Fair(store, name="秋季招聘会")
    (cook,) = other.post(posting("厨师"))
    store.set_intent(cook["id"], other.seeker("13800000001")["id"], "seeker", True, now=T1)
    store.set_intent(cook["id"], other.seeker("13800000002")["id"], "seeker", True, now=T1)
    assert awaiting(fair) == (1, {fair.employer["id"]: 1, fair.other_employer["id"]: 0})
    assert awaiting(other) == (2, {other.employer["id"]: 2, other.other_employer["id"]: 0})
