from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("gongkai.api.urls")),
    path("staff/reports/", include("gongkai.reports.urls")),
    path("staff/publications/", include("gongkai.publications.staff_urls")),
    path("disclosure/", include("gongkai.publications.public_urls")),
    path("staff/annual-reports/", include("gongkai.reports.annual_urls")),
    path("staff/", include("gongkai.workbench.urls")),
    path("", include("gongkai.portal.urls")),
]
