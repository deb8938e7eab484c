"""Follow by email: a real SMTP server (aiosmtpd) receives every message the archive sends,
and the tests follow the links in them as a person would."""

import datetime
import re
import socket

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from meetings.alerts import following, sending
from meetings.alerts.models import Delivery, SentItem, Subscriber, Subscription
from meetings.demo import DemoMeeting, write_pack
from meetings.matters import linking
from meetings.models import Body, Matter, MatterStep, Person

pytestmark = pytest.mark.django_db
BASE = "http://localhost:8000"


def text_of(message) -> str:
    return message.get_body(("plain",)).get_content().replace("\r\n", "\n")


def html_of(message) -> str:
    return message.get_body(("html",)).get_content()


def link_in(message, name: str) -> str:
    """The path of the message's /alerts/<name>/ link."""
    found = re.search(rf"{BASE}(/alerts/{name}/[^/\s]+/)", text_of(message))
    assert found, f"no {name} link in: {text_of(message)}"
    return found[1]


def follow(client, kind, target, email="ann@example.org", frequency="daily"):
    data = {"email": email, "frequency": frequency, "kind": kind, "target": target}
    return client.post("/alerts/follow/", data)


def subscribe(client, smtp, kind, target, email="ann@example.org", frequency="daily"):
    """The whole double opt-in, as a person does it; the subscriber."""
    assert follow(client, kind, target, email, frequency).status_code == 200
    assert client.post(link_in(smtp.messages[-1], "confirm")).status_code == 302
    return Subscriber.objects.get(email=email)


@pytest.fixture
def cabinet(import_file, cabinet_pack):
    import_file(cabinet_pack)
    return Body.objects.get(name="Cabinet")


def new_pack(
    tmp_path,
    import_file,
    body="Cabinet",
    date=datetime.date(2026, 6, 9),
    topics=None,
    previous=None,
):
    path = tmp_path / f"{body}-{date}.pdf"
    meeting = DemoMeeting(
        body, date, topics or ["Youth Services Review"], 50, previous and previous.date
    )
    write_pack(meeting, previous, path)
    import_file(path)
    return meeting


# -- subscribing -----------------------------------------------------------------------------


def test_following_a_committee_takes_effect_only_from_the_emailed_link(client, smtp, cabinet):
    form = client.get("/alerts/follow/", {"kind": "body", "target": cabinet.pk})
    assert "Follow Cabinet, " in form.content.decode()
    answer = follow(client, "body", str(cabinet.pk), email="Ann@Example.org ")
    assert "Check your email" in answer.content.decode()
    assert not Subscriber.objects.exists()  # nothing is stored before the link is followed
    (message,) = smtp.messages
    assert message["To"] == "ann@example.org"
    assert message["Subject"].startswith("Confirm: follow Cabinet, ")
    assert message.get_content_type() == "multipart/alternative"
    confirm = link_in(message, "confirm")
    assert f"{BASE}{confirm}" in html_of(message)
    assert "Confirm" in client.get(confirm).content.decode()  # a link scanner changes nothing
    assert not Subscriber.objects.exists()
    response = client.post(confirm)
    subscription = Subscription.objects.get()
    assert (subscription.kind, subscription.body, subscription.frequency) == (
        "body",
        cabinet,
        "daily",
    )
    assert subscription.subscriber.email == "ann@example.org"
    manage = client.get(response["Location"]).content.decode()
    assert subscription.label in manage
    client.post(confirm)  # following the link twice follows once
    assert Subscription.objects.count() == 1


def test_the_answer_never_says_whether_an_address_is_known(client, smtp, cabinet):
    subscribe(client, smtp, "body", str(cabinet.pk), email="known@example.org")
    known = follow(client, "body", str(cabinet.pk), email="known@example.org")
    unknown = follow(client, "body", str(cabinet.pk), email="new@example.org")
    assert (known.status_code, known.content) == (unknown.status_code, unknown.content)


@override_settings(RATELIMIT_ENABLE=True, ALERTS_ADDRESS_RATE="2/h", ALERTS_CLIENT_RATE="4/h")
def test_the_form_is_rate_limited_per_address_and_per_client(client, smtp, cabinet):
    answers = [follow(client, "body", str(cabinet.pk), email="ann@example.org") for _ in range(3)]
    assert [answer.status_code for answer in answers] == [200, 200, 200]
    assert len({answer.content for answer in answers}) == 1  # the same answer, however many
    assert len(smtp.messages) == 2  # the third asked for too many emails to one address
    assert follow(client, "body", str(cabinet.pk), email="bob@example.org").status_code == 200
    refused = follow(client, "body", str(cabinet.pk), email="cat@example.org")
    assert (refused.status_code, refused["Retry-After"]) == (429, "3600")
    assert "asked to follow more things by email than" in refused.content.decode()


def test_links_that_are_wrong_or_expired_say_so(client, smtp, cabinet, monkeypatch):
    follow(client, "body", str(cabinet.pk))
    confirm = link_in(smtp.messages[-1], "confirm")
    assert client.get(confirm[:-3] + "xx/").status_code == 404
    monkeypatch.setattr(following, "CONFIRM_MAX_AGE", -1)
    assert client.post(confirm).status_code == 410
    assert not Subscriber.objects.exists()
    assert client.get("/alerts/manage/forged/").status_code == 410
    assert follow(client, "body", "99999").status_code == 400
    assert follow(client, "search", "q=").status_code == 400
    assert client.get("/alerts/follow/", {"kind": "council", "target": "1"}).status_code == 400


def test_a_search_is_followed_with_its_filters(client, smtp, cabinet):
    subscribe(client, smtp, "search", f"q=youth++services&body={cabinet.slug}&page=3")
    subscription = Subscription.objects.get()
    assert subscription.search == {"q": "youth services", "body": cabinet.slug}
    assert subscription.label == f"the search “youth services” (body {cabinet.slug})"


# -- digests ---------------------------------------------------------------------------------


def test_a_digest_says_why_each_entry_matched_and_is_sent_once(
    client, smtp, cabinet, tmp_path, import_file
):
    subscribe(client, smtp, "body", str(cabinet.pk))
    subscribe(client, smtp, "search", "q=youth")
    subscribe(client, smtp, "search", "q=services", frequency="weekly")
    smtp.messages.clear()
    new_pack(tmp_path, import_file)  # Cabinet, 9 June 2026: the Youth Services Review
    summary = sending.run_digests("daily")
    assert (summary.deliveries, summary.sent) == (1, 1)
    (message,) = smtp.messages
    text = text_of(message)
    assert message["Subject"] == "2 new from the committee archive (daily)"
    assert "1. Youth Services Review" in text and "2. Cabinet, 9 June 2026" in text
    assert "Why: Matches your search “youth”" in text
    assert "*Youth*" in text and "<mark>Youth</mark>" in html_of(message)
    assert "Why: A new meeting of Cabinet, 5 agenda items" in text
    unsubscribe = re.fullmatch(
        rf"<{BASE}(/alerts/unsubscribe/[^/]+/)>", message["List-Unsubscribe"].strip()
    )
    assert unsubscribe and message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f"{BASE}{unsubscribe[1]}" in text
    # The same period again, and another frequency matching the same report: nothing new.
    assert sending.run_digests("daily").deliveries == 0
    assert sending.run_digests("weekly").deliveries == 0
    assert len(smtp.messages) == 1
    assert Delivery.objects.get().entries == 2
    assert SentItem.objects.filter(key__startswith="report-").count() == 1
    # Something new the same day waits for the next day's digest: one digest a period.
    new_pack(tmp_path, import_file, date=datetime.date(2026, 7, 7))
    assert sending.run_digests("daily").deliveries == 0
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    assert sending.run_digests("daily", tomorrow).deliveries == 1


def test_a_refused_digest_is_kept_and_sent_later_exactly_once(
    client, smtp, cabinet, tmp_path, import_file
):
    subscribe(client, smtp, "body", str(cabinet.pk))
    smtp.messages.clear()
    new_pack(tmp_path, import_file)
    smtp.refuse = 1
    summary = sending.run_digests("daily")
    assert (summary.sent, summary.failed) == (0, 1)
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("failed", 1)
    assert "451" in delivery.error
    assert sending.send_pending() == (0, 0)  # not yet: it waits before trying again
    assert sending.send_pending(timezone.now() + datetime.timedelta(minutes=5)) == (1, 0)
    assert sending.send_pending(timezone.now() + datetime.timedelta(hours=9)) == (0, 0)
    assert len(smtp.messages) == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.error) == ("sent", 2, "")


def test_people_and_matters_are_followed_too(client, smtp, tmp_path, import_file):
    first = new_pack(
        tmp_path, import_file, date=datetime.date(2026, 5, 12), topics=["Carers Support Strategy"]
    )
    matter = MatterStep.objects.get(kind="item").matter
    person = Person.objects.order_by("pk").first()  # the chair, first on the front sheet
    subscribe(client, smtp, "matter", str(matter.pk), frequency="immediate")
    subscribe(client, smtp, "person", str(person.pk), frequency="immediate")
    smtp.messages.clear()
    new_pack(
        tmp_path,
        import_file,
        date=datetime.date(2026, 6, 9),
        topics=["Digital Inclusion Strategy"],
        previous=first,
    )
    sending.run_digests("immediate")
    (message,) = smtp.messages
    text = text_of(message)
    step = f"Why: A new step in “{matter.title}”: decision at Cabinet (now decided)\n"
    assert re.search(
        rf"{re.escape(step)}(?:   .*\n)*   {BASE}/documents/[0-9a-f]{{64}}/page/\d+/\n", text
    )
    assert f"Why: {person.name} was at this meeting" in text
    assert text.count("Carers Support Strategy\n") == 1  # one entry, with both reasons


def test_one_click_unsubscribe_needs_a_post_and_no_cookie(
    client, smtp, cabinet, tmp_path, import_file
):
    subscriber = subscribe(client, smtp, "body", str(cabinet.pk))
    subscribe(client, smtp, "search", "q=youth", frequency="weekly")
    new_pack(tmp_path, import_file)
    sending.run_digests("daily")
    address = re.fullmatch(rf"<{BASE}(.+)>", smtp.messages[-1]["List-Unsubscribe"].strip())[1]
    mail_program = Client(enforce_csrf_checks=True)
    assert "Unsubscribe" in mail_program.get(address).content.decode()
    assert Subscription.objects.count() == 2
    response = mail_program.post(address, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    # What the daily digest was for stops; the weekly search goes on.
    assert list(Subscription.objects.values_list("kind", flat=True)) == ["search"]
    assert mail_program.post(address).status_code == 200  # again: nothing to do, no error
    Subscription.objects.update(frequency="daily")
    mail_program.post(address)
    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()  # its last alert: all gone
    assert not SentItem.objects.exists() and not Delivery.objects.exists()


def test_delete_my_data_removes_the_address_and_what_was_sent(
    client, smtp, cabinet, tmp_path, import_file
):
    subscriber = subscribe(client, smtp, "body", str(cabinet.pk))
    subscribe(client, smtp, "search", "q=youth")
    new_pack(tmp_path, import_file)
    sending.run_digests("daily")
    manage = f"/alerts/manage/{following.subscriber_token(subscriber)}/"
    stop = Subscription.objects.get(kind="search")
    client.post(manage, {"action": "frequency", "subscription": stop.pk, "frequency": "weekly"})
    assert Subscription.objects.get(pk=stop.pk).frequency == "weekly"
    client.post(manage, {"action": "stop", "subscription": stop.pk})
    assert list(Subscription.objects.values_list("kind", flat=True)) == ["body"]
    response = client.post(manage, {"action": "delete"})
    assert "no longer holds your email address" in response.content.decode()
    assert not (
        Subscriber.objects.exists() or SentItem.objects.exists() or Delivery.objects.exists()
    )
    assert client.get(manage).status_code == 410


def run_queued(task_name: str) -> None:
    """Run the worker's queued jobs of one task, as the worker would."""
    from procrastinate.contrib.django.models import ProcrastinateJob

    from meetings import tasks

    for job in ProcrastinateJob.objects.filter(task_name=task_name, status="todo"):
        getattr(tasks, task_name)(**job.args)


def test_a_lost_manage_link_is_emailed_only_to_a_known_address(client, smtp, cabinet):
    subscribe(client, smtp, "body", str(cabinet.pk))
    smtp.messages.clear()
    known = client.post("/alerts/", {"email": "ann@example.org"})
    unknown = client.post("/alerts/", {"email": "nobody@example.org"})
    assert known.content == unknown.content
    assert not smtp.messages  # the worker sends it, not the request
    run_queued("send_manage_link")
    (message,) = smtp.messages
    assert message["To"] == "ann@example.org"
    assert "Your alerts" in client.get(link_in(message, "manage")).content.decode()


def test_followers_of_merged_matters_follow_the_merged_one_once(client, smtp, cabinet):
    council = cabinet.council
    one, two = (
        Matter.objects.create(council=council, title=title, first_date=day, last_date=day)
        for title, day in (("One", datetime.date(2026, 1, 1)), ("Two", datetime.date(2026, 2, 1)))
    )
    subscribe(client, smtp, "matter", str(one.pk))
    subscribe(client, smtp, "matter", str(two.pk))
    subscribe(client, smtp, "matter", str(two.pk), email="bob@example.org")
    linking.move_followers(two.pk, one.pk)
    assert sorted(Subscription.objects.values_list("subscriber__email", "target")) == [
        ("ann@example.org", f"matter:{one.pk}"),
        ("bob@example.org", f"matter:{one.pk}"),
    ]


def test_an_import_queues_the_immediate_alerts(client, smtp, cabinet, tmp_path, import_file):
    from procrastinate.contrib.django.models import ProcrastinateJob

    subscribe(client, smtp, "body", str(cabinet.pk), frequency="immediate")
    new_pack(tmp_path, import_file)
    new_pack(tmp_path, import_file, date=datetime.date(2026, 7, 7))
    queued = ProcrastinateJob.objects.filter(task_name="send_immediate_alerts", status="todo")
    assert queued.count() == 1  # however many imports ask


def test_sent_digests_are_forgotten_after_thirty_days(client, smtp, cabinet, tmp_path, import_file):
    subscribe(client, smtp, "body", str(cabinet.pk))
    new_pack(tmp_path, import_file)
    sending.run_digests("daily")
    assert sending.forget_old(timezone.now() + datetime.timedelta(days=29)) == 0
    assert SentItem.objects.count() == 1  # the new meeting
    later = timezone.now() + datetime.timedelta(days=31)
    assert sending.forget_old(later) == 2  # the digest and its entry
    assert not SentItem.objects.exists() and Subscription.objects.exists()


def test_the_lost_link_form_answers_the_same_while_the_mail_server_is_down(
    client, smtp, cabinet, settings
):
    subscribe(client, smtp, "body", str(cabinet.pk))
    smtp.messages.clear()
    with socket.socket() as closed:  # a port nothing listens on: the mail server is down
        closed.bind(("127.0.0.1", 0))
        settings.EMAIL_PORT = closed.getsockname()[1]
    known = client.post("/alerts/", {"email": "ann@example.org"})
    unknown = client.post("/alerts/", {"email": "nobody@example.org"})
    assert (known.status_code, known.content) == (unknown.status_code, unknown.content)
    assert known.status_code == 200 and "Check your email" in known.content.decode()


def test_a_search_of_stop_words_cannot_be_followed(client, smtp, cabinet):
    answer = follow(client, "search", "q=this+or+that")
    assert answer.status_code == 400
    assert "no searchable words" in answer.content.decode()
    assert not smtp.messages


def test_a_subscription_that_cannot_be_matched_is_skipped_and_every_other_digest_goes_out(
    client, smtp, cabinet, tmp_path, import_file
):
    subscribe(client, smtp, "body", str(cabinet.pk))
    smtp.messages.clear()
    # Saved before the form refused them: stop words alone, and a filter no search reads.
    for email, search in (("bob@example.org", {"q": "this or that"}),
                          ("cat@example.org", {"q": "youth", "year": "next"})):  # fmt: skip
        Subscription.objects.create(
            subscriber=Subscriber.objects.create(email=email),
            kind="search",
            search=search,
            target=f"search:{search}",
            label=f"the search “{search['q']}”",
            frequency="daily",
        )
    new_pack(tmp_path, import_file)
    summary = sending.run_digests("daily")
    assert (summary.deliveries, summary.sent) == (1, 1)
    assert [message["To"] for message in smtp.messages] == ["ann@example.org"]
    problems = dict(Subscription.objects.values_list("subscriber__email", "problem"))
    assert problems["ann@example.org"] == problems["bob@example.org"] == ""
    assert problems["cat@example.org"].startswith("could not be run: ValueError")
    manage = following.subscriber_token(Subscriber.objects.get(email="cat@example.org"))
    page = client.get(f"/alerts/manage/{manage}/").content.decode()
    assert "could not be run" in page  # its owner is told where they manage it
