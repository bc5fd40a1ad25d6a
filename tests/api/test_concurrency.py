"""Concurrent requests through the app: one seeker per phone, one agreement per pair."""
import threading

from tests.api.conftest import SEEKER, Caller

THREADS = 8


def run_together(count, action):
    """Start ``count`` threads at the same moment; return their results in order."""
    barrier = threading.Barrier(count)
    results = [None] * count
    errors = []

    def worker(number):
        try:
            barrier.wait()
            results[number] = action(number)
        except BaseException as error:  # reported to the test below
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(number,)) for number in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    return results


def test_same_phone_from_many_kiosks_makes_one_seeker(app, world):
    tokens = [world.a.org.post(f"{world.a.base}/kiosks", json={"label": f"K{n}"}).get_json()["token"]
              for n in range(THREADS)]

    def submit(number):
        kiosk = Caller(app.test_client(), tokens[number])
        body = {**SEEKER, "phone": "159 0000 1234", "name": f"赵{number}"}
        response = kiosk.post(f"{world.a.base}/seekers", json=body)
        return response.status_code, response.get_json()["id"]

    results = run_together(THREADS, submit)
    assert sorted(status for status, _ in results) == [200] * (THREADS - 1) + [201]
    assert len({seeker_id for _, seeker_id in results}) == 1
    stats = world.a.org.get(f"{world.a.base}/stats").get_json()
    assert stats["seekers"] == 2  # the world's seeker and this one


def test_double_marks_from_both_sides_count_once(app, world):
    seekers = []
    for number in range(4):
        body = {**SEEKER, "phone": f"1580000{number:04d}"}
        seekers.append(world.a.kiosk.post(f"{world.a.base}/seekers", json=body).get_json()["id"])
    postings = [world.a.posting["id"], world.a.emp.post(f"{world.a.base}/postings", json={"title": "焊工"})
                .get_json()["id"]]
    pairs = [(posting_id, seeker_id) for posting_id in postings for seeker_id in seekers]
    tokens = [world.a.kiosk.token, world.a.emp.token]

    def mark_everything(number):
        caller = Caller(app.test_client(), tokens[number % 2])
        for posting_id, seeker_id in pairs:
            response = caller.put(f"/api/v1/postings/{posting_id}/intents/{seeker_id}")
            assert response.status_code == 200

    run_together(THREADS, mark_everything)
    stats = world.a.org.get(f"{world.a.base}/stats").get_json()
    assert stats["agreements"] == len(pairs)
    assert stats["seeker_intents"] == len(pairs) and stats["employer_intents"] == len(pairs)
    assert stats["seekers_with_agreement"] == len(seekers)
    assert sum(row["agreements"] for row in stats["by_hour"]) == len(pairs)
    for posting_id, seeker_id in pairs:
        intent = world.a.org.get(f"/api/v1/postings/{posting_id}/intents/{seeker_id}").get_json()
        assert intent["agreed"] is True
