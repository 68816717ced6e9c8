from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path

from gongkai.workbench import appeals_views, register_views, views

app_name = "workbench"

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(template_name="workbench/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", views.home, name="home"),
    # The queue of one body: a stable URL (?page=N and the filters as query parameters).
    path("agencies/<str:code>/applications/", views.queue, name="queue"),
    path("agencies/<str:code>/applications/new/", views.intake, name="intake"),
    path("agencies/<str:code>/overview/", views.overview, name="overview"),
    path("applications/<int:pk>/", views.application, name="application"),
    path("applications/<int:pk>/actions/<str:action>/", views.act, name="act"),
    path("applications/<int:pk>/notices/<int:event_pk>/", views.notice, name="notice"),
    # 行政复议、行政诉讼 cases of one body, and one case with its steps.
    path("agencies/<str:code>/appeals/", appeals_views.appeals, name="appeals"),
    path("agencies/<str:code>/appeals/new/", appeals_views.appeal_register, name="appeal_register"),
    path("appeals/<int:pk>/", appeals_views.appeal, name="appeal"),
    path("appeals/<int:pk>/actions/<str:action>/", appeals_views.appeal_act, name="appeal_act"),
    # The register (台账): import a CSV/XLSX file, export the XLSX.
    path("agencies/<str:code>/register/import/", register_views.register_import, name="register_import"),
    path("agencies/<str:code>/register/export/", register_views.register_export, name="register_export"),
]
