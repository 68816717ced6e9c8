"""Quality bar of the annual report: records that reproduce seed 002 (慈溪市人民政府办公室 2023) give, through
`gongkai report build`, a JSON, a DOCX and a PDF holding exactly that report's numbers; Gongkai's own
reader reads the DOCX and the PDF back to the same cells, the six sections, the period, and no finding."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from gongkai.agencies.models import Membership
from gongkai.appeals.tests.factories import make_agency, make_user
from gongkai.reports.annual.content import build_content
from gongkai.reports.audit.reader import read_report_bytes
from gongkai.reports.auditing import audit_report
from gongkai.reports.models import AnnualReport, PublishedReport
from gongkai.reports.tests.annual_factories import make_records
from gongkai.reports.tests.annual_render_factories import PROBLEMS
from gongkai.reports.tests.seed_reports import seed

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
SECTIONS = ["overview", "proactive", "requests", "appeals", "problems", "other"]


def cixi_2023() -> None:
    expected = seed("002").cells
    agency = make_agency("CX-ZFB", "慈溪市人民政府办公室")
    make_records(agency, 2023, expected, by=make_user(agency, Membership.Role.STAFF))
    # An earlier year imported, so that the chart of the years is drawn into the files too.
    PublishedReport.objects.create(
        agency=agency,
        year=2021,
        format="2021",
        source_name="cixi-2021.txt",
        source_form="text",
        source_bytes=b"",
        text="",
        cells={"requests.new_received.total": 95, "requests.results_total.total": 90},
    )
    report = AnnualReport.objects.create(agency=agency, year=2023, format="2021", problems=PROBLEMS)
    report.overview = build_content(agency, 2023).overview
    report.save()


def build(*args: str) -> str:
    out, err = StringIO(), StringIO()
    call_command("report", "build", "--agency", "CX-ZFB", "--year", "2023", *args, stdout=out, stderr=err)
    return out.getvalue()


def test_the_json_holds_the_seeds_cells_and_no_finding() -> None:
    cixi_2023()
    report = json.loads(build("--to", "json"))
    assert report["cells"] == seed("002").cells
    assert report["findings"] == []
    assert report["state"] == "draft" and report["draft"] is True


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_the_file_reads_back_with_the_seeds_cells_and_no_finding(kind: str, tmp_path: Path) -> None:
    cixi_2023()
    target = tmp_path / f"cixi-2023.{kind}"
    build("--to", kind, "-o", str(target))

    read = audit_report(read_report_bytes(target.read_bytes(), target.name))

    assert read.source_form == kind
    assert read.format == "2021" and read.year == 2023 and read.agency_name == "慈溪市人民政府办公室"
    assert read.period is not None and [d.isoformat() for d in read.period] == ["2023-01-01", "2023-12-31"]
    assert list(read.sections) == SECTIONS
    assert read.cells == seed("002").cells
    assert [(f.rule, f.severity, f.message) for f in read.findings] == []
