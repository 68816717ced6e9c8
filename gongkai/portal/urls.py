from __future__ import annotations

from django.urls import path

from gongkai.portal import application_form, views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("apply/<str:code>/", views.apply, name="apply"),
    path("apply/<str:code>/form.docx", application_form.download, name="application_form"),
    path("applied/", views.submitted, name="submitted"),
    path("status/", views.status, name="status"),
    path("status/correction/", views.correction, name="correction"),
    path("status/close/", views.close_status, name="close_status"),
]
