from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path

from gongkai.workbench import views

app_name = "workbench"

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(template_name="workbench/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", views.home, name="home"),
]
