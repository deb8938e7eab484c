from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Committee meetings archive"
admin.site.site_title = "Archive admin"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("meetings.urls")),
]
