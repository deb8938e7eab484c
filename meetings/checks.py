"""System checks of the running archive: `manage.py check --database default` runs them."""

from django.core import checks
from django.db import DatabaseError

from meetings.search import indexing


@checks.register(checks.Tags.database)
def search_index_check(app_configs=None, databases=None, **kwargs):
    if not databases:
        return []
    try:
        found = indexing.problems()
    except DatabaseError as error:
        return [checks.Warning(f"could not check the search index: {error}", id="meetings.W002")]
    return [checks.Warning(problem, id="meetings.W001") for problem in found]
