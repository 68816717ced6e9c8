"""A draft is never public: a report not yet published (or being worked on), an unknown body, year or
version, and a file of any of them is the 404 page, whatever the address."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.reports.annual import services
from gongkai.reports.tests.annual_workflow_factories import approved, files_not_rendered, make_cast, ready

__all__ = ["files_not_rendered"]  # the fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("files_not_rendered")]


def status(name: str, *args: object) -> int:
    return Client().get(reverse(f"portal:{name}", args=args)).status_code


def test_drafts_submitted_and_approved_reports_are_not_public() -> None:
    cast = make_cast()
    report = ready(cast)
    assert status("annual_report", "NB-FGW", 2024) == 404
    services.annual_report_submit(actor=cast.staff, report=report, today=date(2025, 1, 10))
    assert status("annual_report", "NB-FGW", 2024) == 404
    services.annual_report_approve(actor=cast.head, report=report, today=date(2025, 1, 10))
    assert status("annual_report", "NB-FGW", 2024) == 404
    assert status("annual_report_version", "NB-FGW", 2024, 1) == 404
    assert status("annual_report_file", "NB-FGW", 2024, 1, "pdf") == 404


def test_unknown_bodies_years_versions_and_file_types_are_404() -> None:
    cast = make_cast()
    report = approved(cast)
    services.annual_report_publish(actor=cast.staff, report=report, today=date(2025, 1, 10))
    assert status("annual_report", "NB-FGW", 2024) == 200
    assert status("annual_reports", "NOPE") == 404
    assert status("annual_report", "NOPE", 2024) == 404
    assert status("annual_report", "NB-JYJ", 2024) == 404  # another body's year
    assert status("annual_report", "NB-FGW", 2023) == 404
    assert status("annual_report_version", "NB-FGW", 2024, 2) == 404
    assert status("annual_report_file", "NB-FGW", 2024, 2, "docx") == 404
    assert status("annual_report_file", "NB-FGW", 2024, 1, "txt") == 404
    assert status("annual_report_file", "NB-JYJ", 2024, 1, "pdf") == 404
