"""/oparl/v1.1/: the System, each council (Body) with its lists, and every object by id."""

from django.urls import path, re_path

from meetings.api.oparl import OPARL_TYPES
from meetings.api.views import (
    BODY_LISTS,
    ListView,
    MinuteView,
    NotFoundView,
    ObjectView,
    SystemView,
)
from meetings.models import Body

app_name = "oparl"
OBJECT_VIEWS = {"minute": MinuteView}  # the kinds answered other than by ObjectView

urlpatterns = [
    path("", SystemView.as_view(), name="system"),
    path("bodies", ListView.as_view(kind="body"), name="body_list"),
    *[
        path(f"{kind}/<int:pk>", OBJECT_VIEWS.get(kind, ObjectView).as_view(kind=kind), name=kind)
        for kind in OPARL_TYPES
    ],
    *[
        path(
            f"body/<int:pk>/{name}s",
            ListView.as_view(kind=kind, owner_lookup=lookup),
            name=f"body_{name}",
        )
        for name, (kind, lookup) in BODY_LISTS.items()
    ],
    path(
        "organization/<int:pk>/meetings",
        ListView.as_view(kind="meeting", owner_lookup="body", owner_model=Body),
        name="organization_meeting",
    ),
    re_path(r"^(?P<rest>.*)$", NotFoundView.as_view()),
]
