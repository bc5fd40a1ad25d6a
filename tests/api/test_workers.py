"""Freshness across two real gunicorn worker processes (``fairmatch serve --workers 2``).

A seeker or posting written through one worker must be in the next shortlist
or recommendation served by either worker. ``X-Worker-Pid`` tells which
worker answered; requests use a new connection each so both workers serve.
"""
import os
import secrets
import socket
import subprocess
import sys
import time

import pytest
import requests

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MAX_TRIES = 400

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(store_url, tmp_path):
    """``fairmatch serve --workers 2`` on a free port, and an organizer token for it."""
    env = {**os.environ, "FAIRMATCH_STORE_URL": store_url, "FAIRMATCH_SECRET_KEY": secrets.token_hex(16),
           "PYTHONPATH": REPO + os.pathsep + os.environ.get("PYTHONPATH", "")}
    command = [sys.executable, "-m", "service.cli"]
    created = subprocess.run(command + ["create-organizer", "组委会"], env=env, cwd=tmp_path,
                             capture_output=True, text=True, timeout=120, check=True)
    token = created.stdout.strip().splitlines()[-1]
    port = free_port()
    log = open(tmp_path / "server.log", "w")
    process = subprocess.Popen(command + ["serve", "--port", str(port), "--workers", "2", "--threads", "2"],
                               env=env, cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            if requests.get(f"{base}/readyz", timeout=2).status_code == 200:
                break
        except (requests.ConnectionError, requests.Timeout):
            pass  # not listening yet, or too busy to answer within the timeout
        assert process.poll() is None, (tmp_path / "server.log").read_text()
        assert time.monotonic() < deadline, "server did not come up"
        time.sleep(0.2)
    yield base, token
    process.terminate()
    process.wait(timeout=60)
    log.close()


def call(base, method, path, token, **kwargs):
    headers = {"Authorization": f"Bearer {token}", "Connection": "close"}
    response = requests.request(method, base + path, headers=headers, timeout=30, **kwargs)
    assert response.status_code < 300, response.text
    return response


def until_both_workers(fetch, expected):
    """Call ``fetch()`` -> (pid, ids) until both workers answered; every answer must pass ``expected(ids)``."""
    seen = set()
    for _ in range(MAX_TRIES):
        pid, ids = fetch()
        assert expected(ids), f"worker {pid} served a stale result: {ids}"
        seen.add(pid)
        if len(seen) == 2:
            return seen
    pytest.fail(f"only workers {seen} answered in {MAX_TRIES} requests")


def test_writes_are_seen_by_both_workers(server):
    base, org = server
    fair = call(base, "POST", "/api/v1/fairs", org, json={"name": "跨进程招聘会", "date": "2026-03-07"}).json()
    employer = call(base, "POST", f"/api/v1/fairs/{fair['id']}/employers", org, json={"name": "单位"}).json()
    kiosk = call(base, "POST", f"/api/v1/fairs/{fair['id']}/kiosks", org, json={"label": "1号"}).json()
    posting = call(base, "POST", f"/api/v1/fairs/{fair['id']}/postings", employer["token"],
                   json={"title": "电焊工", "skills": ["电焊"]}).json()
    first = call(base, "POST", f"/api/v1/fairs/{fair['id']}/seekers", kiosk["token"],
                 json={"name": "张伟", "phone": "13800000001", "consent": True, "desired_titles": ["焊工"]}).json()

    def shortlist_ids():
        response = call(base, "GET", f"/api/v1/postings/{posting['id']}/shortlist", employer["token"])
        return response.headers["X-Worker-Pid"], {r["seeker_id"] for r in response.json()["results"]}

    # Both workers build their index first, so what follows tests the incremental path.
    until_both_workers(shortlist_ids, lambda ids: ids == {first["id"]})

    second = call(base, "POST", f"/api/v1/fairs/{fair['id']}/seekers", kiosk["token"],
                  json={"name": "李娜", "phone": "13800000002", "consent": True, "desired_titles": ["电焊工"]}).json()
    until_both_workers(shortlist_ids, lambda ids: second["id"] in ids)

    def recommended_ids():
        response = call(base, "GET", f"/api/v1/seekers/{first['id']}/recommendations", kiosk["token"])
        return response.headers["X-Worker-Pid"], {r["posting_id"] for r in response.json()["results"]}

    until_both_workers(recommended_ids, lambda ids: ids == {posting["id"]})
    new_posting = call(base, "POST", f"/api/v1/fairs/{fair['id']}/postings", employer["token"],
                       json={"title": "氩弧焊工"}).json()
    until_both_workers(recommended_ids, lambda ids: new_posting["id"] in ids)

    call(base, "PATCH", f"/api/v1/postings/{posting['id']}", employer["token"], json={"status": "closed"})
    until_both_workers(recommended_ids, lambda ids: posting["id"] not in ids)
