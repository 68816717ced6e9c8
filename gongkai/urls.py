from __future__ import annotations

from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from gongkai.core import views as core_views

urlpatterns = [
    path("healthz", core_views.health, name="health"),
    # Pages without our <link rel="icon"> (the admin's) make browsers ask for /favicon.ico.
    path("favicon.ico", RedirectView.as_view(url=static("gongkai/favicon.svg"), permanent=True)),
    path("admin/", admin.site.urls),
    path("api/", include("gongkai.api.urls")),
    path("staff/reports/", include("gongkai.reports.urls")),
    path("staff/publications/", include("gongkai.publications.staff_urls")),
    path("disclosure/", include("gongkai.publications.public_urls")),
    path("staff/annual-reports/", include("gongkai.reports.annual_urls")),
    path("staff/", include("gongkai.workbench.urls")),
    path("", include("gongkai.portal.urls")),
]

handler400 = "gongkai.core.views.bad_request"
handler404 = "gongkai.core.views.page_not_found"
handler500 = "gongkai.core.views.server_error"
