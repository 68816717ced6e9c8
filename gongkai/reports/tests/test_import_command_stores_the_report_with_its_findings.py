"""`gongkai report import FILE --agency CODE` stores the report as the body's published report for
its year: the file as it came, the cells read, and each finding with an open review state."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from gongkai.agencies.services import agency_add
from gongkai.core.models import AuditLog
from gongkai.reports.audit.reader import read_report
from gongkai.reports.models import AuditFinding, PublishedReport
from gongkai.reports.tests.corpus import forms

pytestmark = pytest.mark.django_db


def test_the_report_its_cells_and_its_findings_are_stored_and_logged() -> None:
    agency = agency_add(code="XS-BGS", name="宁波市象山县人民政府办公室")
    path = forms.seed("003")
    out = StringIO()
    call_command("report", "import", str(path), "--agency", "XS-BGS", stdout=out, stderr=StringIO())
    stored = PublishedReport.objects.get()
    assert (stored.agency, stored.year, stored.format) == (agency, 2020, "2019")
    assert bytes(stored.source_bytes) == path.read_bytes()
    assert stored.source_form == "text"
    assert stored.text.split("\n") == read_report(path).lines
    assert stored.cells["requests.results_total.total"] == 175
    assert stored.cell_lines["requests.results_total.total"] == 351
    assert (stored.period_start, stored.period_end) == (date(2020, 1, 1), date(2020, 12, 31))
    assert stored.agency_name_printed == "宁波市象山县人民政府办公室"
    findings = list(stored.findings.all())
    assert "detail_sum" in {finding.rule for finding in findings}
    assert all(finding.status == AuditFinding.Status.OPEN for finding in findings)
    assert [finding.position for finding in findings] == list(range(len(findings)))
    detail = next(finding for finding in findings if finding.rule == "detail_sum")
    assert detail.severity == "error"
    assert detail.evidence[0]["line"] >= 1
    assert (
        "requests.results_total.total" in detail.keys
        or "requests.results_total.natural_person" in detail.keys
    )
    log = AuditLog.objects.get(action="published_report_import")
    assert log.agency == agency
    assert log.object_id == str(stored.pk)
    assert out.getvalue().startswith("2020\t2019\t")


def test_a_docx_is_stored_with_its_bytes_and_its_form(tmp_path: object) -> None:
    agency_add(code="CX-BGS", name="慈溪市人民政府办公室")
    from pathlib import Path

    path = Path(str(tmp_path)) / "2023.docx"
    path.write_bytes(forms.to_docx(forms.seed_blocks("002")))
    call_command("report", "import", str(path), "--agency", "CX-BGS", stdout=StringIO(), stderr=StringIO())
    stored = PublishedReport.objects.get()
    assert stored.source_form == "docx"
    assert bytes(stored.source_bytes) == path.read_bytes()
    assert stored.published_on == date(2024, 1, 11)
    assert stored.cells["item20_1.normative_documents.in_force"] == 265
