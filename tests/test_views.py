"""Pages over an imported seed pack: content people rely on, 404s, bounded queries."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(import_file, seed):
    import_file(seed("000"))


def test_meeting_page(client, archive, django_assert_max_num_queries):
    with django_assert_max_num_queries(16):
        response = client.get("/leicestershire/cabinet/2026-03-24/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Sparkenhoe Committee Room, County Hall, Glenfield" in page
    assert "Leicestershire School Term Dates Autumn 2027 to Summer 2032" in page
    assert 'href="/leicestershire/cabinet/2026-02-03/"' in page  # the previous meeting


def test_decision_page_cites_the_minute(client, archive):
    response = client.get("/leicestershire/cabinet/2026-02-03/minutes/88/")
    page = response.content.decode()
    assert "Cabinet, 3 February 2026, minute 88" in page
    assert "2.99%" in page


def test_report_page(client, archive):
    response = client.get(
        "/leicestershire/cabinet/2026-03-24/reports/leicestershire-school-term-dates-autumn-2027-to-summer-2032/"
    )
    assert response.status_code == 200
    assert "Director of Children and Family Services" in response.content.decode()


def test_decisions_register_filters(client, archive, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        response = client.get("/decisions/?key_decision=true")
    assert response.status_code == 200
    assert "2 decisions" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/bodies/no-such-body/",
        "/leicestershire/cabinet/2026-02-30/",
        "/leicestershire/cabinet/1999-01-01/",
        "/meetings/?page=99999",
        "/documents/0000/page/1/",
    ],
)
def test_bad_urls_are_404(client, archive, url):
    assert client.get(url).status_code == 404


def test_malformed_filter_is_a_form_error(client, archive):
    response = client.get("/meetings/?date_from=not-a-date")
    assert response.status_code == 400
    assert "Enter a valid date" in response.content.decode()


def test_confirmation_of_minutes_links_both_ways(client, import_file, tmp_path):
    import datetime

    from meetings.demo import DemoMeeting, write_pack

    april, may, june = (
        datetime.date(2026, 4, 7),
        datetime.date(2026, 5, 12),
        datetime.date(2026, 6, 16),
    )
    first = DemoMeeting("Cabinet", april, ["Youth Services Review"], 31)
    second = DemoMeeting("Cabinet", may, ["Carers Support Strategy"], 36, previous_date=april)
    third = DemoMeeting("Cabinet", june, ["Digital Inclusion Strategy"], 41, previous_date=may)
    for meeting, previous in ((second, first), (third, second)):
        path = tmp_path / f"{meeting.date}.pdf"
        write_pack(meeting, previous, path)
        import_file(path)
    # The June pack prints the May minutes, whose minute 36 confirms the April minutes.
    may_page = client.get("/wessex-vale/cabinet/2026-05-12/").content.decode()
    assert 'Confirms the minutes of <a href="/wessex-vale/cabinet/2026-04-07/">' in may_page
    april_page = client.get("/wessex-vale/cabinet/2026-04-07/").content.decode()
    assert "confirmed as a correct record at" in april_page
    assert 'href="/wessex-vale/cabinet/2026-05-12/#minute-36"' in april_page
    june_page = client.get("/wessex-vale/cabinet/2026-06-16/").content.decode()
    assert 'href="/wessex-vale/cabinet/2026-05-12/#minutes-heading"' in june_page


def test_feeds_and_calendar(client, archive):
    for url in ("/feeds/meetings/", "/feeds/decisions/", "/leicestershire/cabinet/decisions.atom"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("application/atom+xml")
    decisions = client.get("/feeds/decisions/").content.decode()
    assert "Cabinet, 3 February 2026, minute 88" in decisions
    calendar = client.get("/leicestershire/cabinet/meetings.ics")
    text = calendar.content.decode()
    assert calendar["Content-Type"].startswith("text/calendar")
    assert "DTSTART;TZID=Europe/London:20260324T140000" in text
    assert "DTSTART;VALUE=DATE:20260203" in text
    assert "LOCATION:Sparkenhoe Committee Room\\, County Hall\\, Glenfield" in text
    assert client.get("/leicestershire/nobody/meetings.ics").status_code == 404


def test_every_page_runs_a_bounded_number_of_queries(
    client, archive, django_assert_max_num_queries
):
    from meetings.models import Document

    sha = Document.objects.get().sha256
    urls = [
        "/",
        "/bodies/",
        "/leicestershire/cabinet/",
        "/meetings/",
        "/decisions/",
        "/leicestershire/cabinet/2026-02-03/minutes/88/",
        f"/documents/{sha}/",
        f"/documents/{sha}/page/3/",
        "/leicestershire/people/mr-d-harrison/",
    ]
    for url in urls:
        with django_assert_max_num_queries(12, info=url):
            assert client.get(url).status_code == 200, url


def test_a_replaced_pack_keeps_its_links(client, import_file, tmp_path):
    import datetime

    from meetings.demo import DemoMeeting, write_pack
    from meetings.models import Document

    meeting = DemoMeeting("Cabinet", datetime.date(2026, 5, 12), ["Carers Support Strategy"], 1)
    path = tmp_path / "cabinet-pack.pdf"
    write_pack(meeting, None, path)
    import_file(path)
    old = Document.objects.get().sha256
    meeting.topics.append("Digital Inclusion Strategy")
    write_pack(meeting, None, path)
    import_file(path)
    new = Document.objects.get().sha256
    assert new != old
    response = client.get(f"/documents/{old}/page/2/")
    assert response.status_code == 301
    assert response["Location"] == f"/documents/{new}/page/2/"


def test_staff_without_permission_cannot_import(client):
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_user("clerk", password="pw", is_staff=True))
    assert client.get("/admin/meetings/document/import/").status_code == 403


@pytest.mark.parametrize("page", ["0", "-1", "²", "9" * 5000, "1.5", "abc"])
def test_odd_page_numbers_are_404(client, archive, page):
    assert client.get("/meetings/", {"page": page}).status_code == 404
    assert client.get("/search/", {"q": "cabinet", "page": page}).status_code == 404


def test_attendance_lists_the_chair_then_members_then_others(client, archive):
    page = client.get("/leicestershire/cabinet/2026-02-03/").content.decode()
    section = page[page.index('id="attendance-heading"') :]
    chair = section.index("Mr. D. Harrison CC")
    member = section.index("Mr. C. Abbott CC")
    attending = section.index("Mrs. D. Taylor CC")
    assert chair < member < attending
    assert "In the chair" in section[chair:member]


def test_a_page_is_cited_by_its_printed_number_or_says_it_has_none(client, archive):
    from meetings.models import Document

    sha = Document.objects.get().sha256
    printed = client.get(f"/documents/{sha}/page/26/").content.decode()
    assert "<h1>Cabinet, 24 March 2026: agenda pack, p. 121</h1>" in printed
    assert "<cite>Cabinet, 24 March 2026: agenda pack, p. 121</cite>" in printed
    unnumbered = client.get(f"/documents/{sha}/page/1/").content.decode()
    assert "agenda pack, page 1 of the file (no number printed)</h1>" in unnumbered
    assert ".txt" not in unnumbered.split("<h1>")[1].split("</h1>")[0]


def test_a_report_gives_its_pages_as_printed(client, archive):
    page = client.get(
        "/leicestershire/cabinet/2026-03-24/reports/leicestershire-school-term-dates-autumn-2027-to-summer-2032/"
    ).content.decode()
    assert ">pp. 121–140</a> of the <a" in page
