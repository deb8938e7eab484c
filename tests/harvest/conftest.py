import pytest

from tests.harvest.server import Site


@pytest.fixture(autouse=True)
def quick_harvests(settings):
    """No pause between requests and short waits: the tests of politeness set their own."""
    settings.HARVEST_DELAY_SECONDS = 0
    settings.HARVEST_BACKOFF_SECONDS = 0.01
    settings.HARVEST_TIMEOUT_SECONDS = 5
    settings.HARVEST_CONTACT = "Archive admin <archive-admin@example.org>"


@pytest.fixture
def site():
    """A real web server on loopback, serving what each test adds to it."""
    served = Site()
    yield served
    served.close()
