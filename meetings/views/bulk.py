"""/data/: the bulk downloads of each council, and the files themselves."""

from django.http import FileResponse, Http404
from django.shortcuts import render

from meetings import bulk
from meetings.caching import conditional
from meetings.models import Council

DOWNLOAD_MAX_AGE = 3600  # the files change only when make_bulk_data runs


def data_index(request):
    councils = [
        (council, bulk.council_files(council)) for council in Council.objects.order_by("name")
    ]
    return render(request, "meetings/data_index.html", {"councils": councils})


def data_file(request, name):
    found = bulk.data_file(name)
    if found is None:
        raise Http404(f"There is no download called {name[:100]!r}.")
    content_type = "text/csv; charset=utf-8" if name.endswith(".csv") else "application/gzip"

    def download():
        return FileResponse(
            found.path.open("rb"), as_attachment=True, filename=name, content_type=content_type
        )

    version = f"{found.size}:{found.made.timestamp()}"
    return conditional(
        request, download, version=version, last_modified=found.made, max_age=DOWNLOAD_MAX_AGE
    )
