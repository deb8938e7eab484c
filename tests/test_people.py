"""Movers, seconders and named votes are linked to the people the minutes' attendance names;
a person's page lists what they moved, seconded and voted on."""

import re

import pytest

from meetings.models import Decision

pytestmark = pytest.mark.django_db


def vote_section(page: str) -> str:
    return page[
        page.index('id="vote-heading"') : page.index("</section>", page.index("vote-heading"))
    ]


def test_the_mover_and_seconder_link_to_their_pages(client, import_file, realworld):
    import_file(realworld("nipissing-township_council_2024-09-03_minutes"))
    page = client.get("/nipissing/council/2024-09-03/minutes/R2024-174/").content.decode()
    assert re.findall(r"<dt>(\w[\w ]*)</dt><dd>(.*?)</dd>", vote_section(page)) == [
        ("Outcome", "Carried"),
        ("Moved by", '<a href="/nipissing/people/dave-yemm/">Dave Yemm</a>'),
        ("Seconded by", '<a href="/nipissing/people/shelly-foote/">Shelly Foote</a>'),
    ]


def test_a_persons_page_lists_what_they_moved_and_seconded_by_date(client, import_file, realworld):
    import_file(realworld("nipissing-township_council_2024-09-03_minutes"))
    page = client.get("/nipissing/people/dave-yemm/").content.decode()
    taken = page[page.index('id="decisions-heading"') :].split("</ol>")[0]
    rows = re.findall(
        r'<li><strong>(\w+)</strong>: <a href="(/nipissing/council/2024-09-03/minutes/'
        r'R2024-\d+/)">[^<]+</a><br><span class="muted">Council, 3 September 2024, minute '
        r"(R2024-\d+) · carried</span>",
        taken,
    )
    assert [(number, part) for part, _, number in rows] == [
        ("R2024-170", "Moved"),
        ("R2024-172", "Moved"),
        ("R2024-174", "Moved"),
        ("R2024-175", "Seconded"),
        ("R2024-178", "Seconded"),
        ("R2024-180", "Moved"),
    ]
    assert all(client.get(url).status_code == 200 for _, url, _ in rows)


def test_minutes_that_say_who_proposed_and_seconded_show_the_vote(client, import_file, realworld):
    """Kent's minute 83: 'the Leader proposed and Mr Oakford, Deputy Leader …, seconded'."""
    import_file(realworld("kent_cabinet_2025-01-09_minutes"))
    decision = Decision.objects.get(minute__number="83")
    assert (decision.mover, decision.seconder) == ("The Leader", "Oakford")
    page = client.get("/kent/cabinet/2025-01-09/minutes/83/").content.decode()
    assert re.findall(r"<dt>(\w[\w ]*)</dt><dd>(.*?)</dd>", vote_section(page)) == [
        ("Moved by", "The Leader"),
        ("Seconded by", '<a href="/kent/people/mr-p-j-oakford/">Mr P J Oakford</a>'),
    ]
    oakford = client.get("/kent/people/mr-p-j-oakford/").content.decode()
    assert "English Devolution White Paper</a>" in oakford
    assert "<li><strong>Seconded</strong>: " in oakford
