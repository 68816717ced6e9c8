"""The workbench pages of a body's own annual report (`annual_views`, `annual_figures_views`)."""

from __future__ import annotations

from django.urls import path

from gongkai.reports import annual_figures_views, annual_views

app_name = "annual"

urlpatterns = [
    path("agencies/<str:code>/", annual_views.years, name="years"),
    path("agencies/<str:code>/<int:year>/", annual_views.report, name="report"),
    path("agencies/<str:code>/<int:year>/open/", annual_views.open_report, name="open"),
    path("agencies/<str:code>/<int:year>/edit/", annual_views.edit, name="edit"),
    path("agencies/<str:code>/<int:year>/edit/check/", annual_views.edit_check, name="edit_check"),
    path("agencies/<str:code>/<int:year>/redraft/", annual_views.redraft, name="redraft"),
    path("agencies/<str:code>/<int:year>/steps/<str:step>/", annual_views.step, name="step"),
    path("agencies/<str:code>/<int:year>/draft.<str:form>", annual_views.draft_file, name="draft_file"),
    path("agencies/<str:code>/<int:year>/figures/", annual_figures_views.figures, name="figures"),
    path(
        "agencies/<str:code>/<int:year>/figures/import/",
        annual_figures_views.figures_import,
        name="figures_import",
    ),
    path(
        "agencies/<str:code>/<int:year>/figures.csv",
        annual_figures_views.figures_export,
        name="figures_export",
    ),
]
