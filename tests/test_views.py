"""Pages over an imported seed pack: content people rely on, 404s, bounded queries."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(import_file, seed):
    import_file(seed("000"))


def test_meeting_page(client, archive, django_assert_max_num_queries):
    with django_assert_max_num_queries(15):
        response = client.get("/meetings/cabinet/2026-03-24/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Sparkenhoe Committee Room, County Hall, Glenfield" in page
    assert "Leicestershire School Term Dates Autumn 2027 to Summer 2032" in page
    assert 'href="/meetings/cabinet/2026-02-03/"' in page  # the previous meeting


def test_decision_page_cites_the_minute(client, archive):
    response = client.get("/meetings/cabinet/2026-02-03/minutes/88/")
    page = response.content.decode()
    assert "Cabinet, 3 February 2026, minute 88" in page
    assert "2.99%" in page


def test_report_page(client, archive):
    response = client.get(
        "/meetings/cabinet/2026-03-24/reports/leicestershire-school-term-dates-autumn-2027-to-summer-2032/"
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
        "/meetings/cabinet/2026-02-30/",
        "/meetings/cabinet/1999-01-01/",
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
