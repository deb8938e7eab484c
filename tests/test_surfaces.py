"""Nothing confidential reaches anyone anonymous, through any door.

One archive of hostile packs (tests/hostile.py) is imported once for the module; then every
anonymous surface is asked for everything it shows of it: each page type, search (page,
feed and JSON; every view, sort, kind and a withheld thing's own pages), OParl (every object
kind and list), the matters API, the bulk files, feeds and calendars, downloads and the
alert digests. No answer may hold a confidential word.

SURFACES is the one list of them. A public route that is not in it fails
test_every_public_route_is_a_listed_surface: a new endpoint is added there, with the
addresses that show the archive through it.
"""

import datetime
import gzip
import io
import re
from collections.abc import Callable
from dataclasses import dataclass

import pypdfium2
import pytest
from django.conf import settings
from django.contrib import admin
from django.core.management import call_command
from django.forms.models import model_to_dict
from django.http import QueryDict
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from meetings import bulk
from meetings.alerts import following
from meetings.alerts.models import Delivery, Subscriber, Subscription
from meetings.alerts.sending import send_pending, write_digests
from meetings.api.oparl import OPARL_TYPES, rows
from meetings.api.views import BODY_LISTS
from meetings.models import (
    AgendaItem,
    Body,
    Council,
    Document,
    Matter,
    Meeting,
    Minute,
    Page,
    Person,
    Report,
)
from meetings.search import KINDS, SORTS, Filters, indexing, search
from tests import hostile
from tests.conftest import archive_for_the_module, import_now
from tests.routes import public_routes

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("surfaces")]

SEARCH_VIEWS = ["things", "pages"]


@dataclass
class Archive:
    """What the hostile packs made, and the alerts written about them."""

    subscriber: Subscriber

    @staticmethod
    def withheld_groups() -> list[str]:
        """The search groups of every withheld report: its agenda item's ('item-40'), or its
        own ('report-12'), as a result's "more matching pages" link names them."""
        reports = Report.objects.filter(exempt=True) | Report.objects.filter(restricted=True)
        return sorted(
            {f"item-{r.agenda_item_id}" if r.agenda_item_id else f"report-{r.pk}" for r in reports}
        )


def admin_change(client: Client, admin_user, row, **changes) -> None:
    """Save `row` through its admin change form, as an admin ticking a box does."""
    model_admin = admin.site._registry[type(row)]
    request = RequestFactory().get("/")
    request.user = admin_user
    form = model_admin.get_form(request, row)
    data = {}
    for name, value in {**model_to_dict(row, fields=form.base_fields), **changes}.items():
        if value is True:
            data[name] = "on"
        elif value not in (False, None):
            data[name] = value
    url = reverse(f"admin:meetings_{row._meta.model_name}_change", args=[row.pk])
    response = client.post(url, {**data, "_save": "Save"})
    assert response.status_code == 302, response.content.decode()[:2000]


def tick_as_admin() -> None:
    """The admin marks the Internal Audit Plan report exempt and page 5 of the pack (the
    Counter Fraud Report's second page) restricted."""
    from django.contrib.auth import get_user_model

    admin_user = get_user_model().objects.create_superuser("admin", "a@example.org", "x")
    client = Client()
    client.force_login(admin_user)
    report = Report.objects.get(title="Internal Audit Plan")
    admin_change(client, admin_user, report, exempt=True)
    pack = Document.objects.get(file_name__startswith="audit-")
    admin_change(client, admin_user, pack.pages.get(number=5), restricted=True)


BEFORE_THE_PACKS = datetime.timedelta(hours=2)


def follow_everything() -> Subscriber:
    """One address following every body, person and matter, and a search for each secret
    and public word (as plurals, see search_addresses), since before the packs came."""
    subscriber = Subscriber.objects.create(email="follower@example.org")
    searches = [f"q={case.secret}s" for case in hostile.CASES]
    searches += [f"q={case.public}s" for case in hostile.CASES]
    follows = [("search", value) for value in searches]
    for kind, model in (("body", Body), ("person", Person), ("matter", Matter)):
        follows += [(kind, str(pk)) for pk in model.objects.values_list("pk", flat=True)]
    for kind, value in follows:
        target = following.target_of(kind, value)
        Subscription.objects.create(
            subscriber=subscriber, kind=kind, search=target.search, target=target.key,
            label=target.label, frequency="immediate", **{f"{kind}_id": target.object_id}
            if kind != "search" else {},
        )  # fmt: skip
    Subscription.objects.update(created=timezone.now() - BEFORE_THE_PACKS)
    return subscriber


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker, tmp_path_factory):
    """The hostile packs imported, an admin's ticks, the bulk files and the alerts written:
    once for the module."""
    folder = tmp_path_factory.mktemp("surfaces")
    with archive_for_the_module(django_db_blocker, folder):
        (folder / "packs").mkdir()
        for make in hostile.PACKS:
            import_now(make(folder / "packs"))
        tick_as_admin()
        indexing.apply_pending()  # the worker's turn after the admin's changes
        call_command("make_bulk_data", stdout=io.StringIO())
        subscriber = follow_everything()
        window = f"immediate:{timezone.now():%Y-%m-%dT%H:%M}"
        write_digests("immediate", window, timezone.now() - BEFORE_THE_PACKS)
        yield Archive(subscriber)


@pytest.fixture(autouse=True)
def search_index_dir(archive):
    """Every test here asks the module's archive and its index (tests/conftest.py)."""


# -- the addresses each surface answers ------------------------------------------------------


def search_addresses(path: str) -> Callable[[Archive], list[str]]:
    """Searches for each secret word (written as a plural, which search reads as the word, so
    the query shown back is not the word itself): every view and sort, every kind, and the
    pages of each withheld thing; and each public word once."""

    def addresses(archive: Archive) -> list[str]:
        found = []
        for case in hostile.CASES:
            q = f"q={case.secret}s"
            found += [
                f"{path}?{q}&view={view}&sort={sort}" for view in SEARCH_VIEWS for sort in SORTS
            ]
            found += [f"{path}?{q}&kind={kind}" for kind in KINDS]
            found += [f"{path}?{q}&within={group}" for group in archive.withheld_groups()]
            found.append(f"{path}?q={case.public}s")
        return found

    return addresses


def every(model, url=lambda row: row.get_absolute_url()):
    return lambda archive: [url(row) for row in model.objects.all()]


def legacy(suffix: str, model=Body):
    """The addresses published before councils, for every body, meeting, report or minute."""

    def addresses(archive):
        if model is Body:
            return [f"/bodies/{body.slug}/{suffix}" for body in Body.objects.all()]
        found = []
        for row in model.objects.select_related("body" if model is Meeting else "meeting__body"):
            meeting = row if model is Meeting else row.meeting
            old = f"/meetings/{meeting.body.slug}/{meeting.date.isoformat()}/"
            if model is Report:
                old += f"reports/{row.slug}/"
            elif model is Minute:
                old += f"minutes/{row.number}/"
            found.append(old)
        return found

    return addresses


def oparl_objects(kind: str):
    return lambda archive: [f"/oparl/v1.1/{kind}/{row.pk}" for row in rows(kind)]


def oparl_body_list(name: str):
    return lambda archive: [
        f"/oparl/v1.1/body/{council.pk}/{name}s?limit=100" for council in Council.objects.all()
    ]


def confirm_pages(archive: Archive) -> list[str]:
    targets = [following.target_of("body", str(body.pk)) for body in Body.objects.all()]
    tokens = [following.confirmation_token("new@example.org", t, "daily") for t in targets]
    return [reverse("meetings:alerts_confirm", args=[token]) for token in tokens]


def council_pages(suffix: str = ""):
    return lambda archive: [f"/{council.slug}/{suffix}" for council in Council.objects.all()]


def body_pages(suffix: str = ""):
    return lambda archive: [f"{body.get_absolute_url()}{suffix}" for body in Body.objects.all()]


def document_pages(suffix: str = ""):
    return lambda archive: [f"/documents/{d.sha256}/{suffix}" for d in Document.objects.all()]


def decision_pages(archive: Archive) -> list[str]:
    return [
        reverse("meetings:decision_detail", args=[*minute.meeting.path_args, minute.number])
        for minute in Minute.objects.select_related("meeting__body__council")
    ]


def data_files(archive: Archive) -> list[str]:
    return [
        f"/data/{found.name}"
        for council in Council.objects.all()
        for found in bulk.council_files(council)
    ]


def follow_pages(archive: Archive) -> list[str]:
    searches = [f"kind=search&target=q%3D{case.secret}s" for case in hostile.CASES]
    bodies = [f"kind=body&target={pk}" for pk in Body.objects.values_list("pk", flat=True)]
    return [f"/alerts/follow/?{query}" for query in searches + bodies]


def manage_page(archive: Archive) -> list[str]:
    token = following.subscriber_token(archive.subscriber)
    return [reverse("meetings:alerts_manage", args=[token])]


def unsubscribe_page(archive: Archive) -> list[str]:
    token = following.unsubscribe_token(archive.subscriber, "immediate")
    return [reverse("meetings:alerts_unsubscribe", args=[token])]


def fixed(*addresses: str):
    return lambda archive: list(addresses)


def filtered(path: str, name: str, model):
    """The list at `path`, and filtered by each row of `model` (by slug)."""
    return lambda archive: [path, *[f"{path}?{name}={row.slug}" for row in model.objects.all()]]


def organization_meetings(archive: Archive) -> list[str]:
    bodies = Body.objects.values_list("pk", flat=True)
    return [f"/oparl/v1.1/organization/{pk}/meetings?limit=100" for pk in bodies]


@dataclass
class Surface:
    addresses: Callable[[Archive], list[str]]
    shows_archive: bool = True  # some answer shows the packs' public words


DIGESTS = "email: alert digests"
MEETING = "<slug:council>/<slug:body>/<isodate:date>/"
LEGACY_MEETING = "meetings/<slug:body>/<isodate:date>/"

# Every anonymous surface: each public route (as urls.py spells it), and the emails.
SURFACES = {
    "": Surface(fixed("/")),
    "bodies/": Surface(fixed("/bodies/")),
    "meetings/": Surface(filtered("/meetings/", "body", Body)),
    "decisions/": Surface(filtered("/decisions/", "body", Body)),
    "healthz/": Surface(fixed("/healthz/"), shows_archive=False),
    "search/": Surface(search_addresses("/search/")),
    "search/feed/": Surface(search_addresses("/search/feed/")),
    "feeds/meetings/": Surface(filtered("/feeds/meetings/", "council", Council)),
    "feeds/decisions/": Surface(filtered("/feeds/decisions/", "council", Council)),
    "documents/<str:sha256>/": Surface(document_pages()),
    "documents/<str:sha256>/download/": Surface(document_pages("download/")),
    "documents/<str:sha256>/page/<int:number>/": Surface(every(Page)),
    "data/": Surface(fixed("/data/")),
    "data/<str:name>": Surface(data_files),
    "alerts/": Surface(fixed("/alerts/"), shows_archive=False),
    "alerts/follow/": Surface(follow_pages),
    "alerts/confirm/<str:token>/": Surface(confirm_pages),
    "alerts/manage/<str:token>/": Surface(manage_page),
    "alerts/unsubscribe/<str:token>/": Surface(unsubscribe_page, shows_archive=False),
    "bodies/<slug:body>/": Surface(legacy("")),
    "bodies/<slug:body>/meetings.atom": Surface(legacy("meetings.atom")),
    "bodies/<slug:body>/decisions.atom": Surface(legacy("decisions.atom")),
    "bodies/<slug:body>/meetings.ics": Surface(legacy("meetings.ics")),
    LEGACY_MEETING: Surface(legacy("", Meeting)),
    f"{LEGACY_MEETING}reports/<slug:slug>/": Surface(legacy("", Report)),
    f"{LEGACY_MEETING}minutes/<str:number>/": Surface(legacy("", Minute)),
    "people/<slug:key>/": Surface(every(Person, lambda person: f"/people/{person.key}/")),
    "<slug:council>/": Surface(council_pages()),
    "<slug:council>/people/<slug:key>/": Surface(every(Person)),
    "<slug:council>/matters/": Surface(council_pages("matters/")),
    "<slug:council>/matters/<int:pk>/": Surface(every(Matter)),
    "<slug:council>/<slug:slug>/": Surface(body_pages()),
    "<slug:council>/<slug:slug>/meetings.atom": Surface(body_pages("meetings.atom")),
    "<slug:council>/<slug:slug>/decisions.atom": Surface(body_pages("decisions.atom")),
    "<slug:council>/<slug:slug>/meetings.ics": Surface(body_pages("meetings.ics")),
    MEETING: Surface(every(Meeting)),
    f"{MEETING}reports/<slug:slug>/": Surface(every(Report)),
    f"{MEETING}minutes/<str:number>/": Surface(decision_pages),
    "oparl/v1.1/": Surface(fixed("/oparl/v1.1/"), shows_archive=False),
    "oparl/v1.1/bodies": Surface(fixed("/oparl/v1.1/bodies")),
    **{f"oparl/v1.1/{kind}/<int:pk>": Surface(oparl_objects(kind)) for kind in OPARL_TYPES},
    **{f"oparl/v1.1/body/<int:pk>/{name}s": Surface(oparl_body_list(name)) for name in BODY_LISTS},
    # Memberships and consultations name what they join by ids alone.
    **{
        route: Surface(addresses, shows_archive=False)
        for kind in ("membership", "consultation")
        for route, addresses in (
            (f"oparl/v1.1/{kind}/<int:pk>", oparl_objects(kind)),
            (f"oparl/v1.1/body/<int:pk>/{kind}s", oparl_body_list(kind)),
        )
    },
    "oparl/v1.1/organization/<int:pk>/meetings": Surface(organization_meetings),
    "oparl/v1.1/^(?P<rest>.*)$": Surface(fixed("/oparl/v1.1/nothing/here"), shows_archive=False),
    "api/search/": Surface(search_addresses("/api/search/")),
    "api/matters/": Surface(filtered("/api/matters/", "council", Council)),
    "api/matters/<int:pk>/": Surface(every(Matter, lambda matter: f"/api/matters/{matter.pk}/")),
    "api/openapi.yaml": Surface(fixed("/api/openapi.yaml"), shows_archive=False),
    "api/^(?P<rest>.*)$": Surface(fixed("/api/nothing/here"), shows_archive=False),
    DIGESTS: Surface(lambda archive: []),  # what the SMTP server received: digests()
}


def cases():
    for route in SURFACES:
        for case in hostile.CASES:
            yield pytest.param(route, case, id=f"{route} | {case.name}")


def test_every_public_route_is_a_listed_surface():
    routes = public_routes()
    assert sorted(routes - set(SURFACES)) == [], "public routes missing from SURFACES"
    assert sorted(set(SURFACES) - routes - {DIGESTS}) == [], "no such routes"


# -- reading what each surface answers -------------------------------------------------------


def text_of(response) -> str:
    """What an answer says, as a person or a program reading it would see it."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    content_type = response.get("Content-Type", "")
    if content_type == "application/pdf":
        document = pypdfium2.PdfDocument(io.BytesIO(body))
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    if content_type == "application/gzip":
        body = gzip.decompress(body)
    charset = re.search(r"charset=([\w-]+)", content_type)
    return body.decode(charset.group(1) if charset else "utf-8")


ANSWERS: dict[str, list[tuple[str, int, str]]] = {}  # each surface's answers, asked once


def answers(route: str, archive: Archive, smtp=None) -> list[tuple[str, int, str]]:
    if route not in ANSWERS:
        if route == DIGESTS:
            ANSWERS[route] = digests(archive, smtp)
        else:
            client = Client()
            found = []
            for address in SURFACES[route].addresses(archive):
                response = client.get(address, follow=True)
                assert response.status_code in (200, 404, 410), (address, response.status_code)
                found.append((address, response.status_code, text_of(response)))
            ANSWERS[route] = found
    return ANSWERS[route]


def digests(archive: Archive, smtp) -> list[tuple[str, int, str]]:
    """The digests written for the follower, as the SMTP server received them."""
    assert Delivery.objects.filter(subscriber=archive.subscriber).exists()
    send_pending()
    messages = []
    for message in smtp.messages:
        parts = [part.get_content() for part in message.walk() if not part.is_multipart()]
        messages.append((message["Subject"], 200, "\n".join([message["Subject"], *parts])))
    return messages


def words(text: str, word: str) -> bool:
    """Whether `text` holds `word` as a word (not inside another: the plural searched for)."""
    return re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE) is not None


def public_words() -> list[str]:
    """Words any surface that shows the packs shows some of: their public words, the
    council's, bodies' and people's names, and where the meetings are."""
    names = [case.public for case in hostile.CASES]
    for model, field in (
        (Council, "name"),
        (Body, "name"),
        (Person, "name"),
        (Meeting, "location"),
    ):
        names += model.objects.values_list(field, flat=True)
    return names


def shows(text: str, any_of: list[str]) -> bool:
    return any(words(text, word) for word in any_of)


@pytest.fixture(scope="module", autouse=True)
def forget_answers():
    yield
    ANSWERS.clear()


@pytest.mark.parametrize(("route", "case"), list(cases()))
def test_no_confidential_word_reaches_an_anonymous_surface(route, case, archive, smtp):
    found = answers(route, archive, smtp)
    assert found, f"{route}: no address to ask"
    leaks = [address for address, _, text in found if words(text, case.secret)]
    assert leaks == [], f"{case.secret!r} ({case.name}) is public at {leaks[:5]}"
    if SURFACES[route].shows_archive:
        public = public_words()
        shown = [text for _, status, text in found if status == 200 and shows(text, public)]
        assert shown, f"{route}: no answer shows the packs' public words, so it proves nothing"


def test_each_confidential_word_is_in_the_archive_for_admins(archive):
    """The leak checks above look for words that are there to find."""
    for case in hostile.CASES:
        assert Page.objects.filter(text__icontains=case.secret).exists(), case.name
        assert search(f"{case.secret}s", Filters(public_only=False)).total > 0, case.name


# -- hostile parameters on every route -------------------------------------------------------

# Every query parameter a view of the archive reads.
QUERY_PARAMETERS = [
    "q", "page", "kind", "council", "body", "year", "date_from", "date_to", "key_decision",
    "sort", "view", "within", "status", "has_minutes", "has_reports", "modified_since",
    "modified_until", "created_since", "created_until", "limit", "after", "target",
]  # fmt: skip
# Too long for any field, and of no type any parameter takes: not a number, date, slug or
# choice. (The views answer it with a 4xx, or leave it out.)
HOSTILE_VALUE = "9" * 30 + "-13-45T99:99 x'\"<>%;" * 300
# And a value of the right form but out of range, for each parameter that takes a number,
# a date or a moment.
OUT_OF_RANGE = {
    "page": "0", "year": "99999999999999999999", "limit": "-1", "after": "-1",
    "date_from": "2026-02-30", "date_to": "2026-02-30",
    **dict.fromkeys(
        ["modified_since", "modified_until", "created_since", "created_until"],
        "2026-01-01T00:00:00-23:59",  # an offset beyond ±15:59
    ),
}  # fmt: skip
CONTROL_CHARACTERS = ["\x00", "\x01", "\x1b", "\x7f"]
CONTROL_CHARACTER_REFUSED = (
    b"The address holds a character that is not allowed (a control character)."
)


def with_parameters(address: str, **parameters: str) -> str:
    path, _, query = address.partition("?")
    params = QueryDict(query, mutable=True)
    for name, value in parameters.items():
        params[name] = value
    return f"{path}?{params.urlencode()}"


def hostile_path(address: str) -> str:
    """The address with a control character in its path: in a value, or after the last part."""
    path, _, query = address.partition("?")
    return path.rstrip("/") + "%01/" + (f"?{query}" if query else "")


ROUTES = sorted(set(SURFACES) - {DIGESTS})


def address_of(route: str, archive: Archive) -> str:
    """An address of the route that answers (or is a 404 by design)."""
    address = SURFACES[route].addresses(archive)[0]
    assert Client().get(address, follow=True).status_code in (200, 404)
    return address


def never_a_server_error(address: str, values: dict[str, str]) -> dict[str, int]:
    """The parameters (of `values`) that the route at `address` answers with a 5xx."""
    client = Client()
    errors = {}
    for name, value in values.items():
        response = client.get(with_parameters(address, **{name: value}), follow=True)
        if response.status_code >= 500:
            errors[name] = response.status_code
    return errors


@pytest.mark.parametrize("route", ROUTES)
def test_a_control_character_anywhere_in_an_address_is_a_400(route, archive):
    address = address_of(route, archive)
    refused = [hostile_path(address), with_parameters(address, **{"a\x01b": "1"})]
    refused += [
        with_parameters(address, **{name: f"2026{character}"})
        for name in QUERY_PARAMETERS
        for character in CONTROL_CHARACTERS
    ]
    client = Client()
    answers = {url: client.get(url) for url in refused}
    assert {url: r.status_code for url, r in answers.items() if r.status_code != 400} == {}
    for answer in answers.values():  # a plain line, never a page that might run anything
        assert answer["Content-Type"] == "text/plain; charset=utf-8"
        assert answer.content == CONTROL_CHARACTER_REFUSED


@pytest.mark.parametrize("route", ROUTES)
def test_a_value_too_long_or_of_no_type_is_never_a_server_error(route, archive):
    address = address_of(route, archive)
    values = dict.fromkeys(QUERY_PARAMETERS, HOSTILE_VALUE)
    assert never_a_server_error(address, values) == {}
    path, _, query = address.partition("?")
    longer = path.rstrip("/") + "x" * 3000 + "/" + (f"?{query}" if query else "")
    assert Client().get(longer, follow=True).status_code < 500


@pytest.mark.parametrize("route", ROUTES)
def test_a_value_out_of_range_is_never_a_server_error(route, archive):
    assert never_a_server_error(address_of(route, archive), OUT_OF_RANGE) == {}


def test_oparl_says_which_agenda_items_are_not_public(archive):
    """Each agenda item, embedded in its meeting or listed, is public exactly when it is not
    exempt; a minute on no item is public (its withheld pages are another matter)."""
    client = Client()
    expected = {
        f"{settings.BASE_URL}/oparl/v1.1/agendaitem/{pk}": not exempt
        for pk, exempt in AgendaItem.objects.values_list("pk", "exempt")
    }
    assert False in expected.values() and True in expected.values()
    embedded = {}
    for meeting in Meeting.objects.all():
        for item in client.get(f"/oparl/v1.1/meeting/{meeting.pk}").json()["agendaItem"]:
            embedded[item["id"]] = item["public"]
    listed = {}
    for council in Council.objects.all():
        page = client.get(f"/oparl/v1.1/body/{council.pk}/agendaItems?limit=100").json()
        listed |= {item["id"]: item["public"] for item in page["data"]}
    for found in (embedded, listed):
        assert {url: public for url, public in found.items() if "/agendaitem/" in url} == expected


@pytest.mark.parametrize("route", ROUTES)
def test_every_answer_says_how_long_the_app_took(route, archive):
    """Server-Timing, which the benchmarks and a browser's tools read: app;dur=<ms>."""
    response = Client().get(address_of(route, archive))
    timing = re.fullmatch(r"app;dur=(\d+\.\d)", response["Server-Timing"])
    assert timing and 0 < float(timing.group(1)) < 60_000
