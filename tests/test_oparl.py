"""The OParl 1.1 API: every object valid against OParl's own schemas, a harvester that
walks it from the System finds every meeting once, incremental harvesting, and answers
that caches and other sites can use."""

import datetime
import json
from urllib.parse import urlsplit

import jsonschema
import pytest
from django.utils import timezone

from meetings.demo import DemoMeeting, write_pack
from meetings.models import Meeting
from tests.conftest import SEEDS, SHARED, archive_for_the_module, import_now, shared_file

pytestmark = pytest.mark.django_db

API = "/oparl/v1.1/"
SCHEMAS = SHARED / "oparl-1.1-schema"
# Properties whose value is an object of another type, or a list of them.
EMBEDDED = {
    "location": "Location",
    "invitation": "File",
    "resultsProtocol": "File",
    "verbatimProtocol": "File",
    "mainFile": "File",
    "auxiliaryFile": "File",
    "agendaItem": "AgendaItem",
    "consultation": "Consultation",
    "membership": "Membership",
}


@pytest.fixture(scope="module")
def two_councils(django_db_setup, django_db_blocker, tmp_path_factory):
    """Two councils: Leicestershire (two seeds, minutes and votes) and Wessex Vale (a pack);
    imported once for the module."""
    folder = tmp_path_factory.mktemp("oparl")
    with archive_for_the_module(django_db_blocker, folder):
        import_now(shared_file(SEEDS, "000"))
        import_now(shared_file(SEEDS, "001"))
        for number, day in enumerate((12, 19), start=1):
            path = folder / f"wessex-{day}.pdf"
            topics = ["Youth Services Review", "Carers Support Strategy"]
            meeting = DemoMeeting("Cabinet", datetime.date(2026, 5, day), topics, number)
            write_pack(meeting, None, path)
            import_now(path)
        yield folder


@pytest.fixture
def archive(two_councils, settings, search_index_dir):
    settings.SEARCH_INDEX_DIR = two_councils / "index"


def path_of(url: str) -> str:
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}" == "http://localhost:8000", url
    return parts.path + (f"?{parts.query}" if parts.query else "")


def get_json(client, url: str, **headers):
    response = client.get(path_of(url) if url.startswith("http") else url, **headers)
    assert response.status_code == 200, (url, response.content[:300])
    assert response["Content-Type"] == "application/json"
    return response.json()


def validator(type_name: str):
    shared_file(SCHEMAS, f"{type_name}.json")
    schema = json.loads((SCHEMAS / f"{type_name}.json").read_text())
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())


def check(obj: dict, validators: dict) -> None:
    """The object and every object embedded in it are valid OParl of their type."""
    type_name = obj["type"].rsplit("/", 1)[1]
    validators.setdefault(type_name, validator(type_name)).validate(obj)
    for stamp in ("created", "modified"):
        if stamp in obj:
            assert datetime.datetime.fromisoformat(obj[stamp]).tzinfo is not None
    for name, value in obj.items():
        if name in EMBEDDED:
            for inner in value if isinstance(value, list) else [value]:
                if isinstance(inner, dict):
                    assert inner["type"].endswith(EMBEDDED[name])
                    check(inner, validators)


def walk(client, start: str = API, limit: int = 2):
    """What a harvester does: follow every list's links.next; return each object by type."""
    system = get_json(client, start)
    found: dict[str, list[dict]] = {}
    bodies = list(pages(client, system["body"], limit))
    for body in bodies:
        found.setdefault("Body", []).append(body)
        for key in ("organization", "person", "meeting", "paper", "file", "membership"):
            for obj in pages(client, body[key], limit):
                found.setdefault(obj["type"].rsplit("/", 1)[1], []).append(obj)
    return system, found


def pages(client, url: str, limit: int):
    url = f"{url}?limit={limit}"
    while url:
        page = get_json(client, url)
        assert set(page) == {"data", "pagination", "links"}
        yield from page["data"]
        url = page["links"].get("next")


def test_every_object_a_harvester_finds_is_valid_oparl(client, archive):
    system, found = walk(client)
    validators = {}
    check(system, validators)
    assert sorted(found) == [
        "Body", "File", "Meeting", "Membership", "Organization", "Paper", "Person",
    ]  # fmt: skip
    for objects in found.values():
        for obj in objects:
            check(obj, validators)
    assert {"AgendaItem", "Consultation", "File", "Location"} <= set(validators)


def test_a_harvester_finds_every_meeting_exactly_once(client, archive):
    _, found = walk(client, limit=2)
    ids = [meeting["id"] for meeting in found["Meeting"]]
    assert len(ids) == len(set(ids)) == Meeting.objects.count() == 7
    names = sorted(meeting["name"] for meeting in found["Meeting"])
    assert names == [  # two councils' meetings: each names its council
        "Leicestershire: Cabinet, 24 March 2026",
        "Leicestershire: Cabinet, 3 February 2026",
        "Leicestershire: Scrutiny Commission, 11 March 2026",
        "Leicestershire: Scrutiny Commission, 18 March 2026 (special meeting)",
        "Leicestershire: Scrutiny Commission, 22 April 2026",
        "Wessex Vale: Cabinet, 12 May 2026",
        "Wessex Vale: Cabinet, 19 May 2026",
    ]


def test_each_id_is_a_permanent_address_that_answers_with_the_same_object(client, archive):
    _, found = walk(client, limit=100)
    for type_name in ("Meeting", "Paper", "Person", "Organization", "File", "Body"):
        listed = found[type_name][0]
        assert get_json(client, listed["id"]) == listed
    item = found["Meeting"][0]["agendaItem"][0]
    assert get_json(client, item["id"]) == item


def test_a_meeting_carries_its_items_decisions_files_and_people(client, archive):
    meeting = Meeting.objects.get(body__council__slug="leicestershire", date="2026-02-03")
    obj = get_json(client, f"{API}meeting/{meeting.pk}")
    assert obj["name"] == "Leicestershire: Cabinet, 3 February 2026"
    assert obj["start"].startswith("2026-02-03T")
    assert obj["web"] == "http://localhost:8000/leicestershire/cabinet/2026-02-03/"
    decided = [item for item in obj["agendaItem"] if "resolutionText" in item]
    assert decided and all(item["resolutionText"] for item in decided)
    assert "resultsProtocol" in obj
    assert len(obj["participant"]) >= 5


def test_modified_since_returns_only_what_changed(client, archive):
    body = get_json(client, f"{API}bodies")["data"][0]
    assert len(get_json(client, body["meeting"])["data"]) == 5
    later = timezone.now() + datetime.timedelta(seconds=1)
    touched = Meeting.objects.filter(body__council__slug="leicestershire").order_by("pk").first()
    Meeting.objects.filter(pk=touched.pk).update(modified=later)
    since = (later - datetime.timedelta(microseconds=1)).isoformat()
    changed = get_json(client, f"{body['meeting']}?modified_since={since.replace('+', '%2B')}")
    assert [meeting["id"] for meeting in changed["data"]] == [
        f"http://localhost:8000/oparl/v1.1/meeting/{touched.pk}"
    ]
    assert "modified_since=" in changed["links"]["first"]
    none_yet = get_json(client, f"{body['meeting']}?created_since=2999-01-01")
    assert none_yet["data"] == [] and "next" not in none_yet["links"]


@pytest.mark.parametrize(
    ("url", "status", "says"),
    [
        (f"{API}bodies?modified_since=yesterday", 400, "modified_since"),
        (f"{API}bodies?created_until=2026-13-45", 400, "created_until"),
        (f"{API}meeting/999999", 404, "no meeting 999999"),
        (f"{API}body/999999/meetings", 404, "no council 999999"),
        (f"{API}bodies?after=not-an-id", 400, "after"),
        (f"{API}bodies?limit=-3", 400, "limit"),
        (f"{API}no/such/thing", 404, "no OParl object"),
        ("/api/search/?q=budget&year=abc", 400, "year"),
        ("/api/search/?q=", 400, "q:"),
        ("/api/search/?q=budget&page=0", 404, "page"),
        ("/api/nothing-here", 404, "no OParl object"),
    ],
)
def test_bad_requests_are_a_json_4xx(client, archive, url, status, says):
    response = client.get(url)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert says in response.json()["detail"]


def test_a_conditional_get_of_an_unchanged_object_or_list_is_a_304(client, archive):
    meeting = Meeting.objects.first()
    for url in (f"{API}meeting/{meeting.pk}", f"{API}bodies", "/oparl/v1.1/bodies?limit=1"):
        first = client.get(url)
        assert first["Cache-Control"] == "public, max-age=300"
        assert first["Last-Modified"]
        again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert (again.status_code, again.content) == (304, b"")
        dated = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        assert dated.status_code == 304
    url = f"{API}meeting/{meeting.pk}"
    etag = client.get(url)["ETag"]
    meeting.save(update_fields=["location"])  # a change moves `modified` on
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_other_sites_may_read_the_api_but_not_the_pages(client, archive):
    origin = {"HTTP_ORIGIN": "https://example.org"}
    assert client.get(f"{API}bodies", **origin)["Access-Control-Allow-Origin"] == "*"
    assert client.get("/api/search/?q=budget", **origin)["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Origin" not in client.get("/", **origin)
    preflight = client.options(f"{API}bodies", HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST", **origin)
    assert "POST" not in preflight.get("Access-Control-Allow-Methods", "")
    assert client.post(f"{API}bodies").status_code == 405


def test_json_search_matches_the_search_page(client, archive):
    found = client.get("/api/search/", {"q": "school term dates", "kind": "report"}).json()
    assert found["total"] == 1
    hit = found["results"][0]
    assert hit["title"] == "Leicestershire School Term Dates Autumn 2027 to Summer 2032"
    assert hit["url"].startswith("http://localhost:8000/leicestershire/cabinet/2026-03-24/")
    assert "<mark>" in hit["snippet_html"]
    page = client.get("/search/", {"q": "school term dates", "kind": "report"}).content.decode()
    assert '<h2 id="results-heading" class="count" role="status">1 match</h2>' in page


def test_json_search_gives_a_things_page_and_rows_and_its_pages_address(client, archive):
    found = client.get("/api/search/", {"q": "term dates"}).json()
    thing = found["results"][0]
    assert (thing["kind"], thing["more_pages"]) == ("report", 1)
    assert [row["detail"] for row in thing["related"]] == ["agenda item 7"]
    assert thing["page"]["title"].endswith(", p. 121")
    assert thing["group"].startswith("item-")  # the report's agenda item holds it together
    assert thing["pages_url"] == (
        f"http://localhost:8000/api/search/?q=term+dates&within={thing['group']}"
    )
    pages = client.get(thing["pages_url"].removeprefix("http://localhost:8000")).json()
    assert pages["total"] == thing["more_pages"] + 1 == 2  # its best page and one more
    assert {hit["kind"] for hit in pages["results"]} == {"page"}
    everything = client.get("/api/search/", {"q": "term dates", "view": "pages"}).json()
    assert everything["total"] == found["counts"]["kind"]["page"] == len(everything["results"])
    assert client.get("/api/search/", {"q": "x", "view": "all"}).status_code == 400


def test_the_openapi_description_is_served_at_a_stable_address(client):
    response = client.get("/api/openapi.yaml")
    assert response.status_code == 200
    text = response.content.decode()
    assert "/oparl/v1.1/meeting/{id}:" in text
    assert "/api/search/:" in text
    assert "modified_since" in text


def test_what_an_import_removes_is_listed_as_deleted_to_a_harvester(client, import_file, tmp_path):
    from meetings.models import Council, Document, Minute
    from tests.test_councils import UNNAMED

    (tmp_path / "first").mkdir()
    (tmp_path / "second").mkdir()
    first, second = tmp_path / "first" / "planning.txt", tmp_path / "second" / "planning.txt"
    first.write_text(UNNAMED)
    second.write_text(UNNAMED.split("2. Land at Mill Lane")[0])  # re-issued without item 2
    import_file(first, council="Kent County Council")
    council = Council.objects.get(slug="kent")  # the module has others
    dropped = Minute.objects.get(number="2", document__council=council)
    replaced = Document.objects.get(council=council)
    since = timezone.now().isoformat().replace("+", "%2B")
    import_file(second, council="kent")
    files = get_json(client, f"{API}body/{council.pk}/files?modified_since={since}")["data"]
    assert [(f["id"].rsplit("/", 1)[1], f.get("deleted", False)) for f in files] == [
        (str(replaced.pk), True),
        (str(Document.objects.get(council=council).pk), False),
    ]
    assert all(
        "deleted" not in f for f in get_json(client, f"{API}body/{council.pk}/files")["data"]
    )
    gone = get_json(client, f"{API}minute/{dropped.pk}")
    assert (gone["type"], gone["deleted"]) == ("https://schema.oparl.org/1.1/AgendaItem", True)
    check(gone, {})
    meeting = get_json(client, f"{API}body/{council.pk}/meetings?modified_since={since}")["data"]
    assert [item["number"] for item in meeting[0]["agendaItem"]] == ["1"]
