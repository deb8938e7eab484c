"""Every request gets a proper answer: searches of stop words, time zones no database holds,
a minute by its OParl id, the health check over plain http, and rate limits that count
each real client once, whichever form or proxy it comes through."""

import datetime

import pytest
from django.test import override_settings

from archive.settings import proxy_settings
from meetings.demo import DemoMeeting, write_pack
from meetings.models import Minute

pytestmark = pytest.mark.django_db

STOP_WORD_SEARCHES = [
    "to be or not to be",
    "this or that",
    "the -planning",
    '"the" OR "a"',
    "a OR a",
]


@pytest.fixture
def two_cabinets(import_file, tmp_path):
    """Cabinet of 12 May 2026, then 9 June 2026 whose pack prints the May minutes: their
    minute on the Youth Services Review names its agenda item, 'Agenda Item 5'."""
    may = DemoMeeting("Cabinet", datetime.date(2026, 5, 12), ["Youth Services Review"], 40)
    june = DemoMeeting(
        "Cabinet", datetime.date(2026, 6, 9), ["Carers Support Strategy"], 50, may.date
    )
    for meeting, previous in ((may, None), (june, may)):
        path = tmp_path / f"cabinet-{meeting.date}.pdf"
        write_pack(meeting, previous, path)
        import_file(path)


@pytest.mark.parametrize("query", STOP_WORD_SEARCHES)
def test_a_search_of_stop_words_says_so_on_every_surface(client, two_cabinets, query):
    page = client.get("/search/", {"q": query})
    assert page.status_code == 200
    assert "no searchable words" in page.content.decode()
    feed = client.get("/search/feed/", {"q": query})
    assert feed.status_code == 200 and "<entry>" not in feed.content.decode()
    api = client.get("/api/search/", {"q": query})
    assert (api.status_code, api["Content-Type"]) == (200, "application/json")
    assert (api.json()["total"], api.json()["results"]) == (0, [])
    assert "no searchable words" in api.json()["detail"]


def test_the_words_left_after_the_stop_words_are_searched(client, two_cabinets):
    answer = client.get("/api/search/", {"q": "the youth OR this"}).json()
    assert answer["total"] == client.get("/api/search/", {"q": "youth"}).json()["total"] > 0
    assert "detail" not in answer


@pytest.mark.parametrize(
    "url",
    [
        "/oparl/v1.1/bodies?modified_since=2026-01-01T00:00:00-23:59",
        "/oparl/v1.1/body/1/meetings?created_since=2026-01-01T00:00:00%2B16:00",
        "/api/matters/?modified_since=2026-01-01T00:00:00-23:59",
    ],
)
def test_an_offset_no_database_holds_is_a_400_naming_the_parameter(client, two_cabinets, url):
    response = client.get(url)
    assert response.status_code == 400
    name = url.split("?")[1].split("=")[0]
    assert response.json()["detail"].startswith(f"{name}: ")
    assert "±15:59" in response.json()["detail"]


def test_a_minute_of_an_agenda_item_leads_to_the_item_that_publishes_it(client, two_cabinets):
    minute = Minute.objects.get(title="Youth Services Review")
    assert minute.agenda_item is not None
    response = client.get(f"/oparl/v1.1/minute/{minute.pk}")
    assert response.status_code == 301
    assert (
        response["Location"]
        == f"http://localhost:8000/oparl/v1.1/agendaitem/{minute.agenda_item.pk}"
    )
    item = client.get(f"/oparl/v1.1/agendaitem/{minute.agenda_item.pk}").json()
    assert item["resolutionText"].startswith("(a) That the Youth Services Review be approved")
    unlinked = Minute.objects.filter(agenda_item=None).first()
    assert (
        client.get(f"/oparl/v1.1/minute/{unlinked.pk}")
        .json()["id"]
        .endswith(f"/minute/{unlinked.pk}")
    )


@override_settings(SECURE_SSL_REDIRECT=True)
def test_the_health_check_answers_over_plain_http_when_everything_else_redirects(client):
    assert client.get("/healthz/").status_code in (200, 503)
    assert client.get("/search/").status_code == 301


@override_settings(RATELIMIT_ENABLE=True, SEARCH_RATE_LIMIT="3/m")
def test_the_search_page_its_feed_and_the_api_share_one_budget(client):
    answers = [
        client.get("/search/", {"q": "budget"}).status_code,
        client.get("/search/feed/", {"q": "budget"}).status_code,
        client.get("/api/search/", {"q": "budget"}).status_code,
        client.get("/search/", {"q": "budget"}).status_code,
        client.get("/api/search/", {"q": "budget"}).status_code,
    ]
    assert answers == [200, 200, 200, 429, 429]


@override_settings(RATELIMIT_ENABLE=True, ALERTS_CLIENT_RATE="2/h")
def test_the_two_alert_forms_share_one_budget(client):
    form = {"email": "ann@example.org", "frequency": "daily", "kind": "body", "target": "1"}
    answers = [
        client.post("/alerts/follow/", form).status_code,  # no body 1: not followable
        client.post("/alerts/", {"email": "ann@example.org"}).status_code,
        client.post("/alerts/", {"email": "ann@example.org"}).status_code,
    ]
    assert answers == [400, 200, 429]


PROXY = "10.0.0.2"  # the reverse proxy every request comes through


def through_proxy(client, forwarded: str, path="/search/"):
    return client.get(path, {"q": "budget"}, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)


@override_settings(RATELIMIT_ENABLE=True, SEARCH_RATE_LIMIT="2/m", **proxy_settings(1))
def test_behind_a_trusted_proxy_each_real_client_has_its_own_budget(client):
    assert [through_proxy(client, "203.0.113.5").status_code for _ in range(3)] == [200, 200, 429]
    assert through_proxy(client, "203.0.113.6").status_code == 200
    # A client cannot claim another address: the proxy adds the one it saw to the end.
    assert through_proxy(client, "198.51.100.1, 203.0.113.5").status_code == 429


@override_settings(RATELIMIT_ENABLE=True, SEARCH_RATE_LIMIT="2/m", **proxy_settings(0))
def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(client):
    statuses = [through_proxy(client, f"203.0.113.{n}").status_code for n in range(3)]
    assert statuses == [200, 200, 429]


@override_settings(AXES_FAILURE_LIMIT=2, **proxy_settings(1))
def test_behind_a_trusted_proxy_the_login_locks_out_the_real_client_only(client, django_user_model):
    django_user_model.objects.create_superuser("admin", "admin@example.org", "right")

    def login(forwarded: str, password: str):
        return client.post(
            "/admin/login/",
            {"username": "admin", "password": password},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=forwarded,
        )

    for _ in range(2):
        login("203.0.113.5", "wrong")
    assert login("203.0.113.5", "right").status_code == 429
    assert login("203.0.113.6", "right").status_code == 302
