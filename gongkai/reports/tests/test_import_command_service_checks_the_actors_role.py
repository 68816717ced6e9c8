"""Importing through the service checks the acting user's role for the body and logs a refusal."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied

from gongkai.agencies.models import Membership
from gongkai.agencies.services import agency_add, membership_grant
from gongkai.core.models import AuditLog
from gongkai.reports.audit.reader import read_file, read_report_bytes
from gongkai.reports.audit.services import ReportFile, published_reports_import
from gongkai.reports.models import PublishedReport
from gongkai.reports.tests.corpus.forms import seed

pytestmark = pytest.mark.django_db


def _file() -> ReportFile:
    data = read_file(seed("002"))
    return ReportFile(read_report_bytes(data, "002.txt"), data, "002.txt")


def test_staff_of_another_body_are_refused_and_the_refusal_is_logged() -> None:
    cixi = agency_add(code="CX", name="慈溪市人民政府办公室")
    other = agency_add(code="YY", name="余姚市人民政府办公室")
    clerk = User.objects.create_user("clerk")
    membership_grant(user=clerk, agency=other, role=Membership.Role.STAFF)
    with pytest.raises(PermissionDenied):
        published_reports_import(agency=cixi, files=[_file()], actor=clerk)
    assert not PublishedReport.objects.exists()
    refusal = AuditLog.objects.get(action="published_report_import")
    assert refusal.outcome == AuditLog.Outcome.REFUSED
    assert refusal.actor == clerk


def test_a_supervising_office_above_the_body_may_import_its_report() -> None:
    city = agency_add(code="NB", name="宁波市人民政府", kind="government")
    cixi = agency_add(code="CX", name="慈溪市人民政府办公室", parent_code="NB")
    supervisor = User.objects.create_user("supervisor")
    membership_grant(user=supervisor, agency=city, role=Membership.Role.SUPERVISOR)
    [stored] = published_reports_import(agency=cixi, files=[_file()], actor=supervisor)
    assert stored.imported_by == supervisor
