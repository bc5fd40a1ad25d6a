"""The fairmatch command and its configuration."""
import pytest

from service import cli, create_app
from service.config import ConfigError, from_environ
from service.context import close_resources, get_store
from service.domain import hash_token
from tests.redis_server import free_port


@pytest.fixture
def environment(monkeypatch, sqlite_url):
    monkeypatch.setenv("FAIRMATCH_STORE_URL", sqlite_url)
    monkeypatch.setenv("FAIRMATCH_SECRET_KEY", "cli-test-secret")
    return sqlite_url


def test_create_organizer_prints_the_token_alone_on_the_last_line(environment, capsys):
    assert cli.main(["create-organizer", "重庆市人社局"]) == 0
    token = capsys.readouterr().out.rstrip("\n").splitlines()[-1]
    assert token.startswith("fmo_") and " " not in token
    app = create_app()
    with app.app_context():
        principal = get_store().find_principal(hash_token(token, "cli-test-secret"))
    close_resources(app)
    assert principal.role == "organizer" and principal.name == "重庆市人社局"


@pytest.mark.parametrize("name", ["", "   ", "x" * 101])
def test_create_organizer_refuses_a_blank_or_overlong_name(environment, capsys, name):
    with pytest.raises(SystemExit) as exited:
        cli.main(["create-organizer", name])
    assert exited.value.code == 2 and "argument name: Length must be between 1 and 100" in capsys.readouterr().err
    assert cli.main(["create-organizer", "重庆市人社局"]) == 0
    assert "Organizer 1 (重庆市人社局) created" in capsys.readouterr().out  # the refused one made none


def test_create_organizer_with_the_store_down_says_so_in_a_line(environment, monkeypatch, capsys):
    monkeypatch.setenv("FAIRMATCH_STORE_URL", f"redis://127.0.0.1:{free_port()}/0")
    assert cli.main(["create-organizer", "重庆市人社局"]) == 1
    error = capsys.readouterr().err
    assert error.startswith("error: the store cannot be reached") and "Traceback" not in error


def test_create_organizer_needs_the_secret(environment, monkeypatch, capsys):
    monkeypatch.delenv("FAIRMATCH_SECRET_KEY")
    assert cli.main(["create-organizer", "x"]) == 2
    assert "FAIRMATCH_SECRET_KEY" in capsys.readouterr().err


def test_serve_refuses_to_start_without_a_secret(environment, monkeypatch, capsys):
    monkeypatch.delenv("FAIRMATCH_SECRET_KEY")
    assert cli.main(["serve", "--port", "1"]) == 2
    assert "FAIRMATCH_SECRET_KEY" in capsys.readouterr().err


def test_serve_logs_requests_only_when_asked(environment, monkeypatch):
    started = []
    monkeypatch.setattr(cli, "FairmatchServer", lambda app, options: started.append(options) or
                        type("Server", (), {"run": lambda self: None})())
    assert cli.main(["serve", "--port", "8123", "--workers", "3"]) == 0
    assert cli.main(["serve", "--port", "8123", "--access-log"]) == 0
    quiet, logged = started
    assert quiet["accesslog"] is None and logged["accesslog"] == "-"
    assert quiet["bind"] == "127.0.0.1:8123" and quiet["workers"] == 3 and quiet["worker_class"] == "gthread"
    assert quiet["threads"] == logged["threads"] == 8  # the environment's store is SQLite


def test_threads_per_worker_follow_the_store(environment, monkeypatch, redis_url):
    started = []
    monkeypatch.setattr(cli, "FairmatchServer", lambda app, options: started.append(options) or
                        type("Server", (), {"run": lambda self: None})())
    monkeypatch.setenv("FAIRMATCH_STORE_URL", redis_url)
    assert cli.main(["serve"]) == 0
    assert cli.main(["serve", "--threads", "5"]) == 0
    assert [options["threads"] for options in started] == [32, 5]


def test_create_app_refuses_without_a_secret_outside_tests(monkeypatch):
    monkeypatch.delenv("FAIRMATCH_SECRET_KEY", raising=False)
    with pytest.raises(ConfigError):
        create_app({"STORE_URL": "sqlite:///unused.db"})


def test_settings_are_parsed_and_typed():
    settings = from_environ({"FAIRMATCH_STORE_URL": " redis://localhost:6379/0 ", "FAIRMATCH_SECRET_KEY": "s",
                             "FAIRMATCH_MAX_BODY_BYTES": "2048", "FAIRMATCH_TIMEZONE": "Asia/Urumqi"})
    assert settings == {"STORE_URL": "redis://localhost:6379/0", "SECRET_KEY": "s",
                        "MAX_BODY_BYTES": 2048, "TIMEZONE": "Asia/Urumqi"}
    assert from_environ({}) == {}


@pytest.mark.parametrize("name, value", [
    ("FAIRMATCH_MAX_BODY_BYTES", "1MB"), ("FAIRMATCH_MAX_BODY_BYTES", "10"), ("FAIRMATCH_TIMEZONE", "Mars/Base"),
])
def test_bad_settings_are_reported(name, value):
    with pytest.raises(ConfigError, match=name):
        from_environ({name: value})


def test_config_argument_wins_over_environment(monkeypatch, sqlite_url):
    monkeypatch.setenv("FAIRMATCH_MAX_BODY_BYTES", "4096")
    monkeypatch.setenv("FAIRMATCH_STORE_URL", "redis://nowhere:1/0")
    app = create_app({"TESTING": True, "STORE_URL": sqlite_url, "MAX_BODY_BYTES": 8192})
    assert app.config["MAX_CONTENT_LENGTH"] == 8192 and app.config["STORE_URL"] == sqlite_url


def test_default_store_is_a_file_in_instance(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FAIRMATCH_STORE_URL", raising=False)
    app = create_app({"TESTING": True})
    assert app.config["STORE_URL"] == f"sqlite:///{tmp_path / 'instance' / 'fairmatch.db'}"
    assert app.config["TIMEZONE"] == "Asia/Shanghai" and app.config["MAX_CONTENT_LENGTH"] == 1024 * 1024


def test_demo_builds_a_believable_fair(tmp_path):
    from service import demo

    app, summary = demo.build(str(tmp_path / "instance"))
    client = app.test_client()
    organizer = {"Authorization": f"Bearer {summary['organizer_token']}"}
    fair_id = summary["fair"]["id"]
    stats = client.get(f"/api/v1/fairs/{fair_id}/stats", headers=organizer).get_json()
    assert stats["employers"] >= 50 and stats["postings"] >= 200 and stats["seekers"] >= 300
    assert 0 < stats["agreements"] < stats["seeker_intents"]
    assert len(stats["by_hour"]) >= 4
    _, employer_token = summary["employers"][0]
    employer = {"Authorization": f"Bearer {employer_token}"}
    me = client.get("/api/v1/me", headers=employer).get_json()
    postings = client.get(f"/api/v1/fairs/{fair_id}/postings?employer_id={me['id']}", headers=employer).get_json()
    shortlist = client.get(f"/api/v1/postings/{postings['items'][0]['id']}/shortlist?limit=5",
                           headers=employer).get_json()
    assert len(shortlist["results"]) == 5 and shortlist["results"][0]["score"] > 0.5
    text = demo.describe(summary, host="0.0.0.0", port=8123)
    for needle in (f"http://127.0.0.1:8123/employer#token={employer_token}", "/kiosk#token=fmk_",
                   f"/dashboard#token={summary['organizer_token']}", f"/setup#token={summary['organizer_token']}",
                   "/docs"):
        assert needle in text
    close_resources(app)


def test_loading_the_app_in_the_master_raises_the_young_collection_threshold(monkeypatch):
    import gc

    from service import server

    monkeypatch.setattr(server.gc, "freeze", lambda: None)
    monkeypatch.setattr(server, "_limit_malloc_arenas", lambda: None)
    before = gc.get_threshold()
    app = object()
    try:
        assert server.FairmatchServer(app, {}).load() is app
        assert gc.get_threshold() == (server.YOUNG_COLLECTION_THRESHOLD, *before[1:])
    finally:
        gc.set_threshold(*before)
