"""One report's findings export as XLSX, in the order of its page."""

from __future__ import annotations

import io

import openpyxl
import pytest

from gongkai.reports.tests.audit_web_factories import client_for, make_cast, seed_bytes, store

pytestmark = pytest.mark.django_db


def test_one_report_exports_its_own_findings_in_page_order() -> None:
    cast = make_cast()
    [report, _] = store(cast.staff, cast.cixi, seed_bytes("004"), seed_bytes("002"))
    response = client_for(cast.staff).get(f"/staff/reports/{report.pk}/findings.xlsx")
    assert response.status_code == 200
    assert "%E5%B9%B4%E5%BA%A6.xlsx" in response["Content-Disposition"]  # “年度.xlsx”, encoded per RFC 6266
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["审核发现"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    expected = list(report.findings.order_by("position").values_list("rule", "message"))
    assert [(row[3], row[6]) for row in rows] == expected
    assert {row[1] for row in rows} == {2017}
