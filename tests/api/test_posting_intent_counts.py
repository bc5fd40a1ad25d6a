"""A posting's intent counts: its own employer and the organizer see who waits for the booth's answer."""
from tests.api.conftest import SEEKER


def counted(interested=0, awaiting_employer=0, agreed=0):
    return {"interested": interested, "awaiting_employer": awaiting_employer, "agreed": agreed}


def listed(caller, world, query=""):
    """The fair's postings as the caller lists them, by id."""
    page = caller.get(f"{world.a.base}/postings{query}").get_json()
    return {posting["id"]: posting for posting in page["items"]}


def intents(world, posting=None, seeker=None):
    posting, seeker = posting or world.a.posting, seeker or world.a.seeker
    return f"/api/v1/postings/{posting['id']}/intents/{seeker['id']}"


def second_seeker(world):
    response = world.a.kiosk.post(f"{world.a.base}/seekers", json={**SEEKER, "name": "李娜", "phone": "13912345678"})
    assert response.status_code == 201
    return response.get_json()


def test_the_owner_sees_waiting_seekers_until_it_answers(world):
    path = f"/api/v1/postings/{world.a.posting['id']}"
    mine = f"?employer_id={world.a.employer['id']}"
    assert world.a.emp.get(path).get_json()["intent_counts"] == counted()
    other = second_seeker(world)
    world.a.kiosk.put(intents(world))
    world.a.kiosk.put(intents(world, seeker=other))
    assert world.a.emp.get(path).get_json()["intent_counts"] == counted(2, 2, 0)
    assert listed(world.a.emp, world, mine)[world.a.posting["id"]]["intent_counts"] == counted(2, 2, 0)

    world.a.emp.put(intents(world))  # answered: agreed
    assert world.a.emp.get(path).get_json()["intent_counts"] == counted(2, 1, 1)
    world.a.kiosk.delete(intents(world, seeker=other))  # withdrawn
    assert listed(world.a.emp, world, mine)[world.a.posting["id"]]["intent_counts"] == counted(1, 0, 1)
    changed = world.a.emp.patch(path, json={"headcount": 5}).get_json()
    assert changed["intent_counts"] == counted(1, 0, 1)


def test_an_erased_seeker_waits_no_more(world):
    world.a.kiosk.put(intents(world))
    assert world.a.org.delete(f"/api/v1/seekers/{world.a.seeker['id']}").status_code == 204
    assert world.a.emp.get(f"/api/v1/postings/{world.a.posting['id']}").get_json()["intent_counts"] == counted()


def test_counts_are_per_posting(world):
    world.a.kiosk.put(intents(world, posting=world.a.posting2))
    everything = listed(world.a.org, world)
    assert everything[world.a.posting["id"]]["intent_counts"] == counted()
    assert everything[world.a.posting2["id"]]["intent_counts"] == counted(1, 1, 0)


def test_the_organizer_sees_every_postings_counts(world):
    world.a.kiosk.put(intents(world))
    assert {posting_id: posting["intent_counts"] for posting_id, posting in listed(world.a.org, world).items()} == {
        world.a.posting["id"]: counted(1, 1, 0), world.a.posting2["id"]: counted()}
    read = world.a.org.get(f"/api/v1/postings/{world.a.posting['id']}").get_json()
    assert read["intent_counts"] == counted(1, 1, 0)


def test_kiosks_and_other_employers_do_not_see_them(world):
    # How many seekers wait and how many the employer has answered is the booth's own work: a
    # kiosk's public screen and the fair's other employers have no need of it.
    world.a.kiosk.put(intents(world))
    assert all("intent_counts" not in posting for posting in listed(world.a.kiosk, world).values())
    assert "intent_counts" not in world.a.kiosk.get(f"/api/v1/postings/{world.a.posting['id']}").get_json()
    seen_by_other = listed(world.a.emp2, world)
    assert "intent_counts" not in seen_by_other[world.a.posting["id"]]
    assert seen_by_other[world.a.posting2["id"]]["intent_counts"] == counted()  # its own


def test_a_new_posting_counts_nothing_yet(world):
    created = world.a.emp.post(f"{world.a.base}/postings", json={"title": "叉车司机"}).get_json()
    assert created["intent_counts"] == counted()


def test_the_spec_documents_the_counts(client):
    schemas = client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]
    assert "intent_counts" in schemas["PostingOut"]["properties"]
    assert set(schemas["PostingIntentCounts"]["properties"]) == {"interested", "awaiting_employer", "agreed"}
