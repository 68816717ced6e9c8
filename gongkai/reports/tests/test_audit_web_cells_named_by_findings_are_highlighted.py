"""The table cells that findings name are highlighted: red for an error, amber for a warning, each linking
to its finding; a dismissed finding no longer highlights its cells."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.reports.models import AuditFinding
from gongkai.reports.tests.audit_web_factories import (
    client_for,
    findings_naming,
    html,
    make_cast,
    seed_bytes,
    store,
)

pytestmark = pytest.mark.django_db


def cell(page: Any, key: str) -> Any:
    [td] = page.xpath(f"//td[@data-key='{key}']")
    return td


def test_cells_of_an_error_are_red_and_link_to_the_finding() -> None:
    cast = make_cast()
    [report] = store(cast.staff, cast.cixi, seed_bytes("003"))
    page = html(client_for(cast.staff).get(f"/staff/reports/{report.pk}/"))
    finding = findings_naming(report, "requests.results_total.total", "detail_sum")[0]
    total = cell(page, "requests.results_total.total")
    assert "cell-error" in total.get("class")
    assert total.xpath("./a/@href") == [f"#finding-{finding.pk}"]
    assert finding.message in total.get("title")
    assert "cell-" not in cell(page, "requests.new_received.total").get("class")


def test_cells_of_a_warning_are_amber() -> None:
    cast = make_cast()
    [report] = store(cast.staff, cast.cixi, seed_bytes("004"))
    page = html(client_for(cast.staff).get(f"/staff/reports/{report.pk}/"))
    assert findings_naming(report, "channel_gazette", "blank_cell")
    gazette = cell(page, "channel_gazette")
    assert "cell-warning" in gazette.get("class") and "blank" in gazette.get("class")
    # A cell named by an error and by a warning shows the error.
    named = findings_naming(report, "requests_received")
    assert {f.severity for f in named} >= {"error"}
    assert "cell-error" in cell(page, "requests_received").get("class")


def test_a_dismissed_finding_no_longer_highlights_its_cells() -> None:
    cast = make_cast()
    [report] = store(cast.staff, cast.cixi, seed_bytes("003"))
    client = client_for(cast.staff)
    for finding in findings_naming(report, "requests.results_total.total"):
        response = client.post(
            f"/staff/reports/findings/{finding.pk}/review/",
            {"status": "dismissed", "note": "表格转录有误，原件无误"},
        )
        assert response.status_code == 302
    assert {f.status for f in findings_naming(report, "requests.results_total.total")} == {
        AuditFinding.Status.DISMISSED
    }
    page = html(client.get(f"/staff/reports/{report.pk}/"))
    assert "cell-error" not in cell(page, "requests.results_total.total").get("class")
    assert "cell-error" in cell(page, "requests.results_total.natural_person").get("class")
