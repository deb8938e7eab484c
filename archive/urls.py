from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Committee meetings archive"
admin.site.site_title = "Archive admin"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("oparl/v1.1/", include("meetings.api.oparl_urls")),
    path("api/", include("meetings.api.urls")),
    path("", include("meetings.urls")),
]
