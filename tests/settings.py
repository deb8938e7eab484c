"""Test settings: the project's settings with a throwaway embedded database."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret")
# Playwright's sync API runs an event loop in the test thread; the ORM calls the
# tests make beside it are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

from archive.settings import *  # noqa: E402, F403
from archive.settings import DATABASES, STORAGES  # noqa: E402

if DATABASES["default"]["ENGINE"] == "archive.db_embedded":
    # One throwaway cluster a run, shared by pytest-xdist's workers (each has its own test
    # database on it): the first process to read these settings (pytest itself) names its
    # directory, the workers it starts inherit the name, the first to connect starts the
    # server, and the last to exit deletes the cluster.
    if "ARCHIVE_TEST_PGDATA" not in os.environ:
        run = Path(tempfile.mkdtemp(prefix="archive-test-pg-"))
        os.environ["ARCHIVE_TEST_PGDATA"] = str(run / "pgdata")
    DATABASES["default"]["EMBEDDED_PGDATA"] = Path(os.environ["ARCHIVE_TEST_PGDATA"])
    DATABASES["default"]["EMBEDDED_THROWAWAY"] = True
DATABASES["default"]["CONN_MAX_AGE"] = 0  # live-server threads close their connections

STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SECURE_SSL_REDIRECT = False

MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="archive-test-media-"))
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="archive-test-static-"))
BULK_DATA_DIR = Path(tempfile.mkdtemp(prefix="archive-test-data-"))
SEARCH_INDEX_DIR = Path(tempfile.mkdtemp(prefix="archive-test-index-"))  # each test: its own

# Rate limits count per client address, and every test client shares one: the tests of
# rate limiting turn it on for themselves.
RATELIMIT_ENABLE = False
