from __future__ import annotations

from django.urls import path

from gongkai.reports import supervision_views, views

app_name = "reports"

urlpatterns = [
    # The stored reports the user may read; ?agency=CODE&year=YYYY, or ?ids=… for the reports of one upload.
    path("", views.index, name="index"),
    path("findings.xlsx", views.export_list, name="export_list"),
    path("upload/", views.upload, name="upload"),
    path("audit-only/findings.xlsx", views.export_audit_only, name="export_audit_only"),
    path("<int:pk>/", views.report, name="report"),
    path("<int:pk>/findings.xlsx", views.export_report, name="export_report"),
    path("findings/<int:pk>/review/", views.review, name="review"),
    path("agencies/<str:code>/history/", views.history, name="history"),
    # The supervising office's annual reports of its region (?year=&status=&kind=), and what a
    # government's report sums on a year.
    path("supervision/", supervision_views.dashboard_home, name="annual_dashboard_home"),
    path("supervision/<str:code>/", supervision_views.dashboard, name="annual_dashboard"),
    path(
        "supervision/<str:code>/export.xlsx",
        supervision_views.dashboard_export,
        name="annual_dashboard_export",
    ),
    path(
        "supervision/<str:code>/<int:year>/coverage/", supervision_views.coverage_page, name="annual_coverage"
    ),
    path(
        "supervision/<str:code>/<int:year>/coverage/members/",
        supervision_views.coverage_members,
        name="annual_coverage_members",
    ),
    path(
        "supervision/<str:code>/<int:year>/coverage/copy/",
        supervision_views.coverage_copy,
        name="annual_coverage_copy",
    ),
    path(
        "supervision/<str:code>/<int:year>/coverage/covered/",
        supervision_views.coverage_covered,
        name="annual_coverage_covered",
    ),
    path(
        "supervision/<str:code>/<int:year>/coverage/covered/<str:agency_code>/remove/",
        supervision_views.coverage_uncover,
        name="annual_coverage_uncover",
    ),
]
