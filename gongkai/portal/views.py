"""Public pages: readable and usable without JavaScript; no applicant's personal data appears here."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.agencies.models import Agency


def home(request: HttpRequest) -> HttpResponse:
    agencies = Agency.objects.select_related("parent").all()
    return render(request, "portal/home.html", {"agencies": agencies})
