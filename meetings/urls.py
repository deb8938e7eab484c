from django.urls import path, register_converter

from meetings import converters, views

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
    path("people/<slug:key>/", views.person_detail, name="person_detail"),
    path("documents/<str:sha256>/", views.document_detail, name="document_detail"),
    path("documents/<str:sha256>/download/", views.document_download, name="document_download"),
    path("documents/<str:sha256>/page/<int:number>/", views.page_detail, name="page_detail"),
]
