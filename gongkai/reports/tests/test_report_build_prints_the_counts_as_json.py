from __future__ import annotations

import json
from datetime import date
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from gongkai.appeals.tests.factories import make_agency, make_application
from gongkai.reports.formats import all_keys, appeal_keys, proactive_keys, request_keys

pytestmark = pytest.mark.django_db


def _build(*args: str) -> dict[str, Any]:
    out = StringIO()
    call_command("report", "build", *args, stdout=out, stderr=StringIO())
    counts = json.loads(out.getvalue())
    assert isinstance(counts, dict)
    return counts


def test_it_prints_the_body_year_format_and_every_cell() -> None:
    agency = make_agency()
    make_application(agency, received_on=date(2024, 3, 4), closed_on=date(2024, 3, 20))
    report = _build("--agency", agency.code, "--year", "2024", "--to", "json")
    assert report["agency"] == "XS-ZRZY"
    assert report["year"] == 2024
    assert report["format"] == "2021"
    assert set(report["cells"]) == set(all_keys("2021"))
    assert set(request_keys("2021")) | set(appeal_keys()) | set(proactive_keys("2021")) == set(
        all_keys("2021")
    )
    assert report["cells"]["requests.new_received.total"] == 1
    assert report["cells"]["requests.disclosed.natural_person"] == 1


def test_reports_on_2019_and_2020_use_the_2019_format() -> None:
    agency = make_agency()
    for year in ("2019", "2020"):
        report = _build("--agency", agency.code, "--year", year)
        assert report["format"] == "2019"
        assert "requests.other_processing.total" in report["cells"]
        assert "item20_9.procurement.amount" in report["cells"]
    assert _build("--agency", agency.code, "--year", "2021")["format"] == "2021"


def test_a_body_with_no_applications_gets_zeros_and_blank_figures_with_findings_saying_so() -> None:
    report = _build("--agency", make_agency().code, "--year", "2025")
    counted = {key: value for key, value in report["cells"].items() if not key.startswith("item20_")}
    figures = {key: value for key, value in report["cells"].items() if key.startswith("item20_")}
    assert set(counted.values()) == {0}
    assert figures and set(figures.values()) == {None}  # never entered: blank, not a silent 0
    blank = [f for f in report["findings"] if f["rule"] == "blank_cell"]
    assert blank and {f["severity"] for f in blank} == {"warning"}
    assert set(figures) <= {key for f in blank for key in f["keys"]}
    assert not [f for f in report["findings"] if f["severity"] == "error"]
    for finding in report["findings"]:
        assert set(finding) == {"rule", "severity", "message", "keys"}
