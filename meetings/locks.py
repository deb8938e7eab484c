"""Transaction-scoped advisory locks: concurrent imports of the same thing queue up."""

import hashlib

from django.db import connection


def transaction_lock(name: str) -> None:
    """Wait for, then hold until the transaction ends, the lock called `name`."""
    key = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])
