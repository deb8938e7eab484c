"""The archive's cache: the rate limits' counters, in PostgreSQL, one statement a call.

django-ratelimit counts a client's requests in a window with `add` (the window's first
request) and then `incr`. Each is one atomic statement here, so two web workers counting
the same client at once stay exact (the row's lock orders them), and a search pays two
round trips for its rate limit. It holds whole numbers only: nothing else is cached.
"""

import datetime
import random

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.db import connection
from django.utils import timezone

TABLE = "meetings_ratecount"  # meetings.models.RateCount
CULL_CHANCE = 0.01  # of each add: the expired counters are deleted then
FOREVER = datetime.datetime(9999, 1, 1, tzinfo=datetime.UTC)


class CounterCache(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        """Start a counter unless a live one has the key; whether it was started."""
        if random.random() < CULL_CHANCE:
            self._execute(f"DELETE FROM {TABLE} WHERE expires <= %s", [timezone.now()])
        row = self._execute(
            f"INSERT INTO {TABLE} (key, count, expires) VALUES (%s, %s, %s) "
            "ON CONFLICT (key) DO UPDATE SET count = EXCLUDED.count, expires = EXCLUDED.expires "
            f"WHERE {TABLE}.expires <= %s RETURNING 1",
            [self._key(key, version), _whole(value), self._expiry(timeout), timezone.now()],
        )
        return row is not None

    def incr(self, key, delta=1, version=None):
        row = self._execute(
            f"UPDATE {TABLE} SET count = count + %s WHERE key = %s AND expires > %s "
            "RETURNING count",
            [_whole(delta), self._key(key, version), timezone.now()],
        )
        if row is None:
            raise ValueError(f"Key '{key}' not found")
        return row[0]

    def get(self, key, default=None, version=None):
        row = self._execute(
            f"SELECT count FROM {TABLE} WHERE key = %s AND expires > %s",
            [self._key(key, version), timezone.now()],
        )
        return default if row is None else row[0]

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._execute(
            f"INSERT INTO {TABLE} (key, count, expires) VALUES (%s, %s, %s) ON CONFLICT (key) "
            "DO UPDATE SET count = EXCLUDED.count, expires = EXCLUDED.expires",
            [self._key(key, version), _whole(value), self._expiry(timeout)],
        )

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        row = self._execute(
            f"UPDATE {TABLE} SET expires = %s WHERE key = %s AND expires > %s RETURNING 1",
            [self._expiry(timeout), self._key(key, version), timezone.now()],
        )
        return row is not None

    def delete(self, key, version=None):
        row = self._execute(
            f"DELETE FROM {TABLE} WHERE key = %s RETURNING 1", [self._key(key, version)]
        )
        return row is not None

    def clear(self):
        self._execute(f"DELETE FROM {TABLE}", [])

    def _key(self, key, version) -> str:
        return self.make_and_validate_key(key, version=version)

    def _expiry(self, timeout) -> datetime.datetime:
        seconds = self.get_backend_timeout(timeout)  # a time.time(), or None for never
        if seconds is None:
            return FOREVER
        return datetime.datetime.fromtimestamp(seconds, tz=datetime.UTC)

    @staticmethod
    def _execute(sql: str, params: list):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone() if cursor.description else None


def _whole(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"the archive's cache holds whole numbers only, not {value!r}")
    return value
