"""Staff pages of proactive disclosure (工作台 · 主动公开)."""

from __future__ import annotations

from django.urls import path

from gongkai.publications import staff_views

app_name = "publications"

urlpatterns = [
    path("agencies/<str:code>/", staff_views.listing, name="list"),
    path("agencies/<str:code>/new/", staff_views.create, name="create"),
    path("agencies/<str:code>/catalog/", staff_views.catalog, name="catalog"),
    path("agencies/<str:code>/guide/", staff_views.guide, name="guide"),
    path("agencies/<str:code>/findings/", staff_views.findings, name="findings"),
    path("agencies/<str:code>/statistics/", staff_views.statistics, name="statistics"),
    path("<int:pk>/", staff_views.detail, name="detail"),
    path("<int:pk>/edit/", staff_views.edit, name="edit"),
    path("<int:pk>/actions/<str:action>/", staff_views.act, name="act"),
]
