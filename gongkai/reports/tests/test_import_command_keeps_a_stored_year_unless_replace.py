"""A year that already has a stored report keeps it (exit 1) unless --replace, which replaces the
report and its findings and logs what it replaced."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.agencies.services import agency_add
from gongkai.core.models import AuditLog
from gongkai.reports.models import AuditFinding, PublishedReport
from gongkai.reports.tests.corpus.forms import seed

pytestmark = pytest.mark.django_db


def _import(*args: str) -> None:
    call_command("report", "import", *args, stdout=StringIO(), stderr=StringIO())


def test_a_second_import_for_the_same_year_is_rejected_and_changes_nothing() -> None:
    agency_add(code="BL", name="宁波市北仑区人民政府")
    _import(str(seed("001")), "--agency", "BL")
    first = PublishedReport.objects.get()
    first_findings = list(AuditFinding.objects.values_list("pk", flat=True))
    with pytest.raises(CommandError) as raised:
        _import(str(seed("001")), "--agency", "BL")
    assert raised.value.returncode == 1
    assert "2018年度已存有已发布的年度报告" in str(raised.value)
    assert "--replace" in str(raised.value)
    assert list(PublishedReport.objects.values_list("pk", flat=True)) == [first.pk]
    assert list(AuditFinding.objects.values_list("pk", flat=True)) == first_findings


def test_replace_stores_the_new_report_with_its_own_findings_and_logs_the_replacement() -> None:
    agency_add(code="CX", name="慈溪市政府办公室")
    _import(str(seed("000")), "--agency", "CX")
    old = PublishedReport.objects.get()
    finding = old.findings.first()
    assert finding is not None
    finding.status = AuditFinding.Status.CONFIRMED
    finding.save()
    _import(str(seed("000")), "--agency", "CX", "--replace")
    new = PublishedReport.objects.get()
    assert new.pk != old.pk
    assert not new.findings.exclude(status=AuditFinding.Status.OPEN).exists()
    log = AuditLog.objects.filter(action="published_report_import").order_by("id").last()
    assert log is not None
    assert log.detail["replaced"]["id"] == old.pk
    assert "替换原有报告" in log.message
