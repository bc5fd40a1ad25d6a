"""Stats: counts from the store, and the CSV for spreadsheets."""
import csv
import io


def test_stats_counts(world):
    base = world.a.base
    world.a.emp.post(f"{base}/postings/batch", json={"postings": [{"title": "电焊工", "headcount": 4}]})
    path = f"/api/v1/postings/{world.a.posting['id']}/intents/{world.a.seeker['id']}"
    world.a.kiosk.put(path)
    world.a.emp.put(path)
    world.a.kiosk.post(f"{base}/seekers", json={"name": "李娜", "phone": "13900000001", "consent": True})
    stats = world.a.org.get(f"{base}/stats").get_json()
    assert stats["fair_id"] == world.a.fair["id"] and stats["generated_at"]
    assert stats["employers"] == 2 and stats["kiosks"] == 1
    assert stats["postings"] == 3 and stats["positions"] == 3 + 2 + 4
    assert stats["seekers"] == 2 and stats["resumes"] == 1
    assert stats["seeker_intents"] == 1 and stats["employer_intents"] == 1
    assert stats["agreements"] == 1 and stats["seekers_with_agreement"] == 1
    assert stats["postings_without_interest"] == 2
    by_employer = {row["employer_id"]: row for row in stats["by_employer"]}
    assert by_employer[world.a.employer["id"]]["agreements"] == 1
    assert by_employer[world.a.employer["id"]]["positions"] == 7
    assert stats["by_occupation"][0]["positions"] == 7  # welders lead, sorted by positions
    assert sum(row["seekers"] for row in stats["by_hour"]) == 2
    assert sum(row["agreements"] for row in stats["by_hour"]) == 1


def test_stats_are_per_fair(world):
    assert world.b.org.get(f"{world.b.base}/stats").get_json()["employers"] == 2
    world.a.org.post(f"{world.a.base}/employers", json={"name": "新单位"})
    assert world.b.org.get(f"{world.b.base}/stats").get_json()["employers"] == 2


def test_stats_csv_is_spreadsheet_friendly(world):
    response = world.a.org.get(f"{world.a.base}/stats.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].startswith("attachment; filename=")
    raw = response.get_data()
    assert raw.startswith("\ufeff".encode("utf-8"))
    text = raw.decode("utf-8-sig")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    totals = {row[0]: row[2] for row in rows if len(row) == 3 and row[2].isdigit()}
    assert totals["employers"] == "2" and totals["seekers"] == "1" and totals["positions"] == "5"
    flat = [cell for row in rows for cell in row]
    assert "按职业 By occupation" in flat and "按单位 By employer" in flat and "按小时 By hour" in flat
    assert world.a.employer["name"] in flat


def test_awaiting_employer_counts_the_seekers_each_booth_has_not_answered(world):
    a = world.a

    def awaiting():
        stats = a.org.get(f"{a.base}/stats").get_json()
        return stats["awaiting_employer"], {row["employer_id"]: row["awaiting_employer"] for row in stats["by_employer"]}

    assert awaiting() == (0, {a.employer["id"]: 0, a.employer2["id"]: 0})
    for posting in (a.posting, a.posting2):
        assert a.kiosk.put(f"/api/v1/postings/{posting['id']}/intents/{a.seeker['id']}").status_code == 200
    assert awaiting() == (2, {a.employer["id"]: 1, a.employer2["id"]: 1})
    a.emp.put(f"/api/v1/postings/{a.posting['id']}/intents/{a.seeker['id']}")  # the welding booth answers
    assert awaiting() == (1, {a.employer["id"]: 0, a.employer2["id"]: 1})

    rows = list(csv.reader(io.StringIO(a.org.get(f"{a.base}/stats.csv").get_data().decode("utf-8-sig"), newline="")))
    header = rows[rows.index(["按单位 By employer"]) + 1]
    assert header[-1] == "awaiting_employer"
    by_employer = {row[0]: row[-1] for row in rows[rows.index(["按单位 By employer"]) + 2:] if row}
    assert by_employer[str(a.employer2["id"])] == "1" and by_employer[str(a.employer["id"])] == "0"
    assert ["awaiting_employer", "待回复 Awaiting reply", "1"] in rows

    # The seeker erased can't be answered: nobody waits any more, though the counters stay as reported.
    assert a.kiosk.delete(f"/api/v1/seekers/{a.seeker['id']}").status_code in (200, 204)
    assert awaiting() == (0, {a.employer["id"]: 0, a.employer2["id"]: 0})
    assert a.org.get(f"{a.base}/stats").get_json()["seeker_intents"] == 2


def test_a_seeker_who_names_no_job_counts_under_the_jobs_their_resume_names(world):
    base = world.a.base
    seeker = world.a.kiosk.post(f"{base}/seekers", json={
        "name": "王强", "phone": "13900000002", "consent": True,
        "resume_text": "8年叉车司机工作经验，持叉车证。"}).get_json()
    assert [o["name"] for o in seeker["occupations"]] == ["起重装卸机械操作工"]
    stats = world.a.org.get(f"{base}/stats").get_json()
    forklift = [row for row in stats["by_occupation"] if row["code"] == "6-30-05-01"]
    assert forklift and forklift[0]["seekers"] == 1
    # Titles the seeker names are theirs, whatever the resume says.
    named = world.a.kiosk.post(f"{base}/seekers", json={
        "name": "王强", "phone": "13900000002", "consent": True, "desired_titles": ["厨师"],
        "resume_text": "8年叉车司机工作经验，持叉车证。"}).get_json()
    assert [o["name"] for o in named["occupations"]] == ["中式烹调师"]
