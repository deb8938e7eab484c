"""Votes, outcomes, movers and seconders: recorded, shown on decision and person pages,
exported; and each fact once on the decision page."""

import json
import re

import pytest
from django.core.management import call_command

from meetings.models import Decision, Vote
from tests.importer.test_proceedings import CITY_MINUTES, TOWNSHIP_MINUTES

pytestmark = pytest.mark.django_db


@pytest.fixture
def city(import_file, tmp_path):
    path = tmp_path / "riverton-minutes.txt"
    path.write_text(CITY_MINUTES)
    return import_file(path)


def test_named_votes_are_linked_to_the_people_who_attended(city):
    votes = Vote.objects.filter(decision__minute__number="31-101").select_related("person")
    assert [(v.name, v.vote, v.person.name if v.person else None) for v in votes] == [
        ("Ortiz", "for", "Ortiz"),
        ("Patel", "for", "Patel"),
        ("Brooks", "against", "Brooks"),
        ("Lee", "for", "Dana Lee"),
    ]


def test_the_decision_page_shows_the_vote(client, city):
    page = client.get("/riverton/riverton-city-council/2031-06-02/minutes/31-101/").content.decode()
    vote = page[page.index('id="vote-heading"') :]
    assert "<dt>Outcome</dt><dd>Carried</dd>" in vote
    assert '<dt>Moved by</dt><dd><a href="/riverton/people/patel/">Patel</a></dd>' in vote
    assert '<dt>Seconded by</dt><dd><a href="/riverton/people/brooks/">Brooks</a></dd>' in vote
    assert "<dt>Votes</dt><dd>3 for, 1 against</dd>" in vote
    assert re.search(r'<a href="/riverton/people/dana-lee/">Dana Lee</a></td><td>For</td>', vote)


def test_a_persons_page_lists_what_they_moved_seconded_and_voted(client, city):
    page = client.get("/riverton/people/brooks/").content.decode()
    taken = page[page.index('id="decisions-heading"') :]
    assert re.search(
        r'<li><strong>Seconded, voted against</strong>: <a href="/riverton/riverton-city-council/'
        r'2031-06-02/minutes/31-101/">Public Hearing to Consider a Parking Ordinance[^<]*</a><br>'
        r'<span class="muted">Riverton City Council, 2 June 2031, minute 31-101 · carried</span>',
        taken,
    )


def test_the_export_carries_outcome_mover_seconder_and_votes(city, tmp_path):
    output = tmp_path / "archive.json"
    call_command("export_archive", "--output", str(output))
    (meeting,) = json.loads(output.read_text())["meetings"]
    hearing, library, calendar = meeting["minutes"]
    assert (hearing["outcome"], hearing["mover"], hearing["seconder"]) == (
        "carried",
        "Patel",
        "Brooks",
    )
    assert hearing["votes"]["for"] == 3 and hearing["votes"]["against"] == 1
    assert hearing["votes"]["named"][2] == {"name": "Brooks", "vote": "against"}
    assert library["outcome"] == "deferred"
    assert {"name": "Nguyen", "role": "absent", "note": ""} in meeting["attendance"]


def test_reimporting_keeps_one_set_of_votes(import_file, city, tmp_path):
    path = tmp_path / "riverton-minutes.txt"
    result = import_file(path, force=True)
    assert Vote.objects.count() == 4
    assert result.counts["created"] == 0


def test_movers_initials_link_no_votes_but_keep_the_names(import_file, tmp_path):
    path = tmp_path / "lakeview.txt"
    path.write_text(TOWNSHIP_MINUTES)
    import_file(path)
    decision = Decision.objects.get(minute__number="R2030-042")
    assert (decision.outcome, decision.mover, decision.seconder) == (
        "rejected",
        "D. Stone",
        "B. Hart",
    )


def test_the_decision_page_says_the_resolution_once(client, import_file, seed):
    import_file(seed("000"))
    page = client.get("/leicestershire/cabinet/2026-02-03/minutes/88/").content.decode()
    resolved = Decision.objects.get(minute__number="88", minute__meeting__date="2026-02-03")
    first_paragraph = resolved.resolved.split("\n\n")[0][:60]
    assert page.count(first_paragraph) == 1
