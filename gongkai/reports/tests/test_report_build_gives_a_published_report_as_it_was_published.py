"""Once a report is published, `report build` gives its last published version: the content frozen in
it (not the records as they are now) and, for DOCX and PDF, the very files that were published."""

from __future__ import annotations

import json
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from gongkai.agencies.models import Membership
from gongkai.appeals.tests.factories import make_agency, make_application, make_user
from gongkai.reports.models import AnnualReport, AnnualReportVersion
from gongkai.reports.tests.annual_render_factories import sample_content

pytestmark = pytest.mark.django_db


def published() -> None:
    agency = make_agency("CX-ZFB", "慈溪市人民政府办公室")
    user = make_user(agency, Membership.Role.HEAD)
    report = AnnualReport.objects.create(agency=agency, year=2023, format="2021", state="published")
    for number, docx, pdf in (
        (1, b"PK\x03\x04 first", b"%PDF-1.7 first"),
        (2, b"PK\x03\x04 second", b"%PDF-1.7 second"),
    ):
        content = sample_content(state="approved", version=0)  # frozen just before the state changed
        AnnualReportVersion.objects.create(
            report=report,
            number=number,
            published_on=date(2024, 1, 20 + number),
            published_by=user,
            approved_by=user,
            content=content.as_json(),
            text="",
            docx=docx,
            pdf=pdf,
        )
    # Records added after publication change nothing in the published report.
    make_application(agency, received_on=date(2023, 5, 1), closed_on=date(2023, 5, 20))


def build(*args: str) -> str:
    out = StringIO()
    call_command(
        "report", "build", "--agency", "CX-ZFB", "--year", "2023", *args, stdout=out, stderr=StringIO()
    )
    return out.getvalue()


def test_the_json_is_the_last_versions_content() -> None:
    published()
    report = json.loads(build())
    assert report["version"] == 2 and report["state"] == "published" and report["draft"] is False
    assert report["cells"]["requests.new_received.total"] == 103


@pytest.mark.parametrize(("kind", "expected"), [("docx", b"PK\x03\x04 second"), ("pdf", b"%PDF-1.7 second")])
def test_the_files_are_those_that_were_published(kind: str, expected: bytes, tmp_path: Path) -> None:
    published()
    target = tmp_path / f"report.{kind}"
    build("--to", kind, "-o", str(target))
    assert target.read_bytes() == expected


def test_the_html_is_the_published_version_not_a_draft() -> None:
    published()
    html = build("--to", "html")
    assert "草稿" not in html and '<p class="doc-corrected">更正版（第2版）</p>' in html
