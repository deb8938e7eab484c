from django.urls import path, register_converter

from meetings import converters, feeds, views

register_converter(converters.IsoDateConverter, "isodate")

app_name = "meetings"

urlpatterns = [
    path("", views.home, name="home"),
    path("bodies/", views.body_list, name="body_list"),
    path("bodies/<slug:slug>/", views.body_detail, name="body_detail"),
    path("meetings/", views.meeting_list, name="meeting_list"),
    path("meetings/<slug:body>/<isodate:date>/", views.meeting_detail, name="meeting_detail"),
    path(
        "meetings/<slug:body>/<isodate:date>/reports/<slug:slug>/",
        views.report_detail,
        name="report_detail",
    ),
    path(
        "meetings/<slug:body>/<isodate:date>/minutes/<str:number>/",
        views.decision_detail,
        name="decision_detail",
    ),
    path("decisions/", views.decision_list, name="decision_list"),
    path("search/", views.search, name="search"),
    path("search/feed/", feeds.search_feed, name="search_feed"),
    path("feeds/meetings/", feeds.MeetingsFeed(), name="meetings_feed"),
    path("feeds/decisions/", feeds.DecisionsFeed(), name="decisions_feed"),
    path("bodies/<slug:slug>/meetings.atom", feeds.MeetingsFeed(), name="body_meetings_feed"),
    path("bodies/<slug:slug>/decisions.atom", feeds.DecisionsFeed(), name="body_decisions_feed"),
    path("bodies/<slug:slug>/meetings.ics", feeds.meetings_ical, name="body_ical"),
    path("people/<slug:key>/", views.person_detail, name="person_detail"),
    path("documents/<str:sha256>/", views.document_detail, name="document_detail"),
    path("documents/<str:sha256>/download/", views.document_download, name="document_download"),
    path("documents/<str:sha256>/page/<int:number>/", views.page_detail, name="page_detail"),
]
