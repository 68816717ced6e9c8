"""Staff pages. Every view checks the user's role for the body it acts on."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.agencies.permissions import readable_agencies


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "workbench/home.html", {"agencies": readable_agencies(request.user)})
