"""/api/: search as JSON, and the OpenAPI description of the whole API."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView

from meetings.api.matters import MatterListView, MatterView
from meetings.api.search import SearchView
from meetings.api.views import NotFoundView

app_name = "api"

urlpatterns = [
    path("search/", SearchView.as_view(), name="search"),
    path("matters/", MatterListView.as_view(), name="matters"),
    path("matters/<int:pk>/", MatterView.as_view(), name="matter"),
    path("openapi.yaml", SpectacularAPIView.as_view(), name="schema"),
    re_path(r"^(?P<rest>.*)$", NotFoundView.as_view()),
]
