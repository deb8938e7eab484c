"""Django's database cache with an atomic increment, so rate-limit counters are exact.

The stock DatabaseCache increments by a read and a write; two web workers counting
the same client at once could both read 9 and write 10. Here the read and the write
run in one transaction holding the row's lock.
"""

from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction


class LockingDatabaseCache(DatabaseCache):
    def incr(self, key, delta=1, version=None):
        database = router.db_for_write(self.cache_model_class)
        table = connections[database].ops.quote_name(self._table)
        with transaction.atomic(using=database), connections[database].cursor() as cursor:
            cursor.execute(
                f"SELECT cache_key FROM {table} WHERE cache_key = %s FOR UPDATE",
                [self.make_and_validate_key(key, version=version)],
            )
            return super().incr(key, delta, version)
