from __future__ import annotations

from django.urls import path

from gongkai.portal import annual_reports, views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("apply/<str:code>/", views.apply, name="apply"),
    path("applied/", views.submitted, name="submitted"),
    path("status/", views.status, name="status"),
    path("status/correction/", views.correction, name="correction"),
    path("status/close/", views.close_status, name="close_status"),
    # 政府信息公开工作年度报告: every body's 年度报告栏目, a report (its latest version or an earlier one), files.
    path("reports/", annual_reports.annual_report_index, name="annual_report_index"),
    path("reports/<str:code>/", annual_reports.annual_reports, name="annual_reports"),
    path("reports/<str:code>/<int:year>/", annual_reports.annual_report, name="annual_report"),
    path(
        "reports/<str:code>/<int:year>/v<int:number>/",
        annual_reports.annual_report_version,
        name="annual_report_version",
    ),
    path(
        "reports/<str:code>/<int:year>/v<int:number>.<str:form>",
        annual_reports.annual_report_file,
        name="annual_report_file",
    ),
]
