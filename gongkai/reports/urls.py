from __future__ import annotations

from django.urls import path

from gongkai.reports import views

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
]
