from django.urls import path, register_converter

from meetings import converters, feeds
from meetings.views import browse, documents, search

register_converter(converters.IsoDateConverter, "isodate")

app_name = "meetings"

urlpatterns = [
    path("", browse.home, name="home"),
    path("bodies/", browse.body_list, name="body_list"),
    path("bodies/<slug:slug>/", browse.body_detail, name="body_detail"),
    path("meetings/", browse.meeting_list, name="meeting_list"),
    path("meetings/<slug:body>/<isodate:date>/", browse.meeting_detail, name="meeting_detail"),
    path(
        "meetings/<slug:body>/<isodate:date>/reports/<slug:slug>/",
        browse.report_detail,
        name="report_detail",
    ),
    path(
        "meetings/<slug:body>/<isodate:date>/minutes/<str:number>/",
        browse.decision_detail,
        name="decision_detail",
    ),
    path("decisions/", browse.decision_list, name="decision_list"),
    path("search/", search.search, name="search"),
    path("search/feed/", feeds.search_feed, name="search_feed"),
    path("feeds/meetings/", feeds.MeetingsFeed(), name="meetings_feed"),
    path("feeds/decisions/", feeds.DecisionsFeed(), name="decisions_feed"),
    path("bodies/<slug:slug>/meetings.atom", feeds.MeetingsFeed(), name="body_meetings_feed"),
    path("bodies/<slug:slug>/decisions.atom", feeds.DecisionsFeed(), name="body_decisions_feed"),
    path("bodies/<slug:slug>/meetings.ics", feeds.meetings_ical, name="body_ical"),
    path("people/<slug:key>/", browse.person_detail, name="person_detail"),
    path("documents/<str:sha256>/", documents.document_detail, name="document_detail"),
    path("documents/<str:sha256>/download/", documents.document_download, name="document_download"),
    path("documents/<str:sha256>/page/<int:number>/", documents.page_detail, name="page_detail"),
]
