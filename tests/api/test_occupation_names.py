"""English occupation names: every occupation the API shows carries ``name_en``, looked up when answering."""
import csv
import io

from service.context import get_store

from tests.api.test_matching import add_seekers

WELDER = {"code": "6-18-02-04", "name": "焊工", "name_en": "welder"}
# 篆刻家 (a seal engraver) normalises to an occupation the matching package knows no English name for.
ENGRAVER = {"code": "2-09-05-02", "name": "篆刻家", "name_en": None}


def test_a_posting_carries_the_english_name_where_one_is_known_and_null_where_not(world):
    assert world.a.posting["occupation"] == WELDER  # as created
    assert world.a.emp.get(f"/api/v1/postings/{world.a.posting['id']}").get_json()["occupation"] == WELDER
    listed = world.a.kiosk.get(f"{world.a.base}/postings?occupation=6-18").get_json()["items"]
    assert [posting["occupation"] for posting in listed] == [WELDER]
    engraver = world.a.emp.post(f"{world.a.base}/postings", json={"title": "篆刻家"}).get_json()
    assert engraver["occupation"] == ENGRAVER
    renamed = world.a.emp.patch(f"/api/v1/postings/{engraver['id']}", json={"title": "电焊工"}).get_json()
    assert renamed["occupation"] == WELDER


def test_a_seeker_carries_the_english_names_of_their_occupations(world):
    assert world.a.seeker["occupations"] == [WELDER]
    assert world.a.kiosk.get(f"/api/v1/seekers/{world.a.seeker['id']}").get_json()["occupations"] == [WELDER]
    both = world.a.kiosk.post(f"{world.a.base}/seekers", json={
        "name": "李娜", "phone": "13900000001", "consent": True, "desired_titles": ["篆刻家", "焊工"]}).get_json()
    assert both["occupations"] == [ENGRAVER, WELDER]


def test_the_english_name_is_computed_when_answering_not_stored(app, world):
    # Records stored before English names existed read the same as new ones: the store keeps {code, name}.
    with app.app_context():
        store = get_store()
        assert store.get_posting(world.a.posting["id"])["occupation"] == {"code": "6-18-02-04", "name": "焊工"}
        assert store.get_seeker(world.a.seeker["id"])["occupations"] == [{"code": "6-18-02-04", "name": "焊工"}]
    assert world.a.kiosk.get(f"/api/v1/seekers/{world.a.seeker['id']}").get_json()["occupations"] == [WELDER]


def test_a_shortlists_seekers_carry_the_english_names_masked_or_agreed(world):
    (engraver,) = add_seekers(world, 1, desired_titles=["篆刻家"])
    path = f"/api/v1/postings/{world.a.posting['id']}/shortlist"
    occupations = {result["seeker_id"]: result["seeker"]["occupations"]
                   for result in world.a.emp.get(path).get_json()["results"]}
    assert occupations == {world.a.seeker["id"]: [WELDER], engraver: [ENGRAVER]}
    intent = f"/api/v1/postings/{world.a.posting['id']}/intents/{world.a.seeker['id']}"
    world.a.emp.put(intent)
    world.a.kiosk.put(intent)  # agreed: the seeker is shown with name and phone
    (agreed,) = [result for result in world.a.emp.get(path).get_json()["results"]
                 if result["seeker_id"] == world.a.seeker["id"]]
    assert agreed["seeker"]["name"] == "张伟" and agreed["seeker"]["occupations"] == [WELDER]
    agreements = world.a.emp.get(f"{world.a.base}/agreements").get_json()["items"]
    assert agreements[0]["seeker"]["occupations"] == [WELDER] and agreements[0]["posting"]["occupation"] == WELDER


def test_a_recommendations_postings_carry_the_english_names(world):
    engraver = world.a.emp.post(f"{world.a.base}/postings", json={"title": "篆刻家"}).get_json()
    results = world.a.kiosk.get(f"/api/v1/seekers/{world.a.seeker['id']}/recommendations").get_json()["results"]
    occupations = {result["posting_id"]: result["posting"]["occupation"] for result in results}
    assert occupations[world.a.posting["id"]] == WELDER
    assert occupations[engraver["id"]] == ENGRAVER
    world.a.kiosk.put(f"/api/v1/postings/{world.a.posting['id']}/intents/{world.a.seeker['id']}")
    marked = world.a.kiosk.get(f"/api/v1/seekers/{world.a.seeker['id']}/intents").get_json()["results"]
    assert [item["posting"]["occupation"] for item in marked] == [WELDER]


def test_stats_by_occupation_carry_the_english_names(world):
    world.a.emp.post(f"{world.a.base}/postings", json={"title": "篆刻家"})
    by_occupation = {row["code"]: row for row in world.a.org.get(f"{world.a.base}/stats").get_json()["by_occupation"]}
    assert by_occupation[WELDER["code"]]["name_en"] == "welder"
    assert by_occupation[ENGRAVER["code"]]["name"] == "篆刻家" and by_occupation[ENGRAVER["code"]]["name_en"] is None


def test_the_openapi_spec_documents_the_english_name(client):
    schemas = client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]
    for name in ("Occupation", "OccupationStats"):
        field = schemas[name]["properties"]["name_en"]
        assert field["readOnly"] and "English" in field["description"], (name, field)


def test_the_stats_csv_has_the_english_name_beside_the_chinese_one(world):
    # The CSV's header rows are the JSON's keys: by_occupation's name_en is a column like the others.
    world.a.emp.post(f"{world.a.base}/postings", json={"title": "篆刻家"})
    text = world.a.org.get(f"{world.a.base}/stats.csv").get_data().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header = rows.index(["code", "name", "name_en", "postings", "positions", "seekers", "agreements"])
    section = {row[0]: row for row in rows[header + 1:] if row and row[0][:1].isdigit()}
    assert section[WELDER["code"]][:3] == [WELDER["code"], "焊工", "welder"]
    assert section[ENGRAVER["code"]][:3] == [ENGRAVER["code"], "篆刻家", ""]
