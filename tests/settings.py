"""Test settings: the project's settings with a throwaway embedded database."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret")
# Playwright's sync API runs an event loop in the test thread; the ORM calls the
# tests make beside it are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from archive.settings import *  # noqa: E402, F403
from archive.settings import DATABASES, STORAGES  # noqa: E402

if DATABASES["default"]["ENGINE"] == "archive.db_embedded":
    DATABASES["default"]["EMBEDDED_PGDATA"] = None  # a throwaway cluster per run
DATABASES["default"]["CONN_MAX_AGE"] = 0  # live-server threads close their connections

STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SECURE_SSL_REDIRECT = False

import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="archive-test-media-"))
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="archive-test-static-"))
BULK_DATA_DIR = Path(tempfile.mkdtemp(prefix="archive-test-data-"))
SEARCH_INDEX_DIR = Path(tempfile.mkdtemp(prefix="archive-test-index-"))  # each test: its own

# Rate limits count per client address, and every test client shares one: the tests of
# rate limiting turn it on for themselves.
RATELIMIT_ENABLE = False
