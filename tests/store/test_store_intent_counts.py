"""Per-posting intent counts (``Store.intent_counts``): what a booth sees waiting for its answer."""
from __future__ import annotations

from store_helpers import posting

T1 = "2024-03-02T09:15:00+08:00"
T2 = "2024-03-02T10:20:00+08:00"


def counted(interested=0, awaiting_employer=0, agreed=0):
    return {"interested": interested, "awaiting_employer": awaiting_employer, "agreed": agreed}


def test_postings_without_intents_and_missing_ones_count_nothing(store, fair):
    (job,) = fair.post(posting("电焊工"))
    assert store.intent_counts([job["id"], 10_000]) == {job["id"]: counted(), 10_000: counted()}
    assert store.intent_counts([]) == {}


def test_counts_follow_marks_withdrawals_and_agreements_per_posting(store, fair):
    welder, cook = fair.post(posting("电焊工"), posting("厨师"))
    (cashier,) = fair.post(posting("收银员"), employer=fair.other_employer)
    ann, bo, cai = (fair.seeker(phone)["id"] for phone in ("13800000001", "13800000002", "13800000003"))

    def now():
        return store.intent_counts([welder["id"], cook["id"], cashier["id"]])

    store.set_intent(welder["id"], ann, "seeker", True, now=T1)
    store.set_intent(welder["id"], bo, "seeker", True, now=T1)
    store.set_intent(cashier["id"], cai, "seeker", True, now=T1)
    assert now() == {welder["id"]: counted(2, 2, 0), cook["id"]: counted(), cashier["id"]: counted(1, 1, 0)}

    store.set_intent(welder["id"], ann, "employer", True, now=T2)  # agreed: answered
    store.set_intent(welder["id"], cai, "employer", True, now=T2)  # the employer's mark alone: nobody waits
    for _ in range(2):  # repeated marks count once
        store.set_intent(welder["id"], bo, "seeker", True, now=T2)
        store.set_intent(welder["id"], ann, "employer", True, now=T2)
    assert now()[welder["id"]] == counted(2, 1, 1)

    store.set_intent(welder["id"], bo, "seeker", False, now=T2)  # withdrawn: no longer waiting
    assert now()[welder["id"]] == counted(1, 0, 1)
    store.set_intent(welder["id"], ann, "employer", False, now=T2)  # the employer takes its mark back
    assert now()[welder["id"]] == counted(1, 1, 0)
    store.set_intent(welder["id"], cai, "seeker", True, now=T2)  # answering the employer's mark agrees
    assert now() == {welder["id"]: counted(2, 1, 1), cook["id"]: counted(), cashier["id"]: counted(1, 1, 0)}


def test_erased_seekers_and_deleted_postings_count_no_more(store, fair):
    welder, cook = fair.post(posting("电焊工"), posting("厨师"))
    kept, erased = fair.seeker("13800000001")["id"], fair.seeker("13800000002")["id"]
    for job in (welder, cook):
        for person in (kept, erased):
            store.set_intent(job["id"], person, "seeker", True, now=T1)
        store.set_intent(job["id"], erased, "employer", True, now=T1)
    assert store.intent_counts([welder["id"], cook["id"]]) == {
        welder["id"]: counted(2, 1, 1), cook["id"]: counted(2, 1, 1)}

    assert store.delete_seeker(erased, now=T2) is True
    assert store.intent_counts([welder["id"], cook["id"]]) == {
        welder["id"]: counted(1, 1, 0), cook["id"]: counted(1, 1, 0)}
    assert fair.stats()["agreements"] == 2  # the fair's counts stay as reported; the booth's are of people here

    assert store.delete_posting(cook["id"], now=T2) is True
    assert store.intent_counts([welder["id"], cook["id"]]) == {welder["id"]: counted(1, 1, 0), cook["id"]: counted()}
