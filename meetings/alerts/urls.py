from django.urls import path

from meetings.alerts import views

# Included by meetings.urls under /alerts/, with the app's namespace.
urlpatterns = [
    path("", views.request_link, name="alerts_request_link"),
    path("follow/", views.follow, name="alerts_follow"),
    path("confirm/<str:token>/", views.confirm, name="alerts_confirm"),
    path("manage/<str:token>/", views.manage, name="alerts_manage"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="alerts_unsubscribe"),
]
