from django.urls import include, path, register_converter

from meetings import converters, feeds
from meetings.alerts import urls as alerts_urls
from meetings.views import browse, bulk, documents, health, legacy, matters, search

register_converter(converters.IsoDateConverter, "isodate")

app_name = "meetings"

# A meeting's address: /<council>/<body>/<date>/
MEETING = "<slug:council>/<slug:body>/<isodate:date>/"

urlpatterns = [
    path("", browse.home, name="home"),
    path("bodies/", browse.body_list, name="body_list"),
    path("meetings/", browse.meeting_list, name="meeting_list"),
    path("decisions/", browse.decision_list, name="decision_list"),
    path("healthz/", health.health, name="health"),
    path("search/", search.search, name="search"),
    path("search/feed/", feeds.search_feed, name="search_feed"),
    path("feeds/meetings/", feeds.MeetingsFeed(), name="meetings_feed"),
    path("feeds/decisions/", feeds.DecisionsFeed(), name="decisions_feed"),
    path("documents/<str:sha256>/", documents.document_detail, name="document_detail"),
    path("documents/<str:sha256>/download/", documents.document_download, name="document_download"),
    path("documents/<str:sha256>/page/<int:number>/", documents.page_detail, name="page_detail"),
    path("data/", bulk.data_index, name="data_index"),
    path("data/<str:name>", bulk.data_file, name="data_file"),
    path("alerts/", include(alerts_urls)),
    # Addresses published before the archive held more than one council: 301 to their place.
    *[
        path(old, legacy.body_page, {"name": name})
        for old, name in (
            ("bodies/<slug:body>/", "body_detail"),
            ("bodies/<slug:body>/meetings.atom", "body_meetings_feed"),
            ("bodies/<slug:body>/decisions.atom", "body_decisions_feed"),
            ("bodies/<slug:body>/meetings.ics", "body_ical"),
            ("meetings/<slug:body>/<isodate:date>/", "meeting_detail"),
            ("meetings/<slug:body>/<isodate:date>/reports/<slug:slug>/", "report_detail"),
            ("meetings/<slug:body>/<isodate:date>/minutes/<str:number>/", "decision_detail"),
        )
    ],
    path("people/<slug:key>/", legacy.person_detail),
    # A council's own pages.
    path("<slug:council>/", browse.council_detail, name="council_detail"),
    path("<slug:council>/people/<slug:key>/", browse.person_detail, name="person_detail"),
    path("<slug:council>/matters/", matters.matter_list, name="matter_list"),
    path("<slug:council>/matters/<int:pk>/", matters.matter_detail, name="matter_detail"),
    path("<slug:council>/<slug:slug>/", browse.body_detail, name="body_detail"),
    path(
        "<slug:council>/<slug:slug>/meetings.atom",
        feeds.MeetingsFeed(),
        name="body_meetings_feed",
    ),
    path(
        "<slug:council>/<slug:slug>/decisions.atom",
        feeds.DecisionsFeed(),
        name="body_decisions_feed",
    ),
    path("<slug:council>/<slug:slug>/meetings.ics", feeds.meetings_ical, name="body_ical"),
    path(MEETING, browse.meeting_detail, name="meeting_detail"),
    path(f"{MEETING}reports/<slug:slug>/", browse.report_detail, name="report_detail"),
    path(f"{MEETING}minutes/<str:number>/", browse.decision_detail, name="decision_detail"),
]
