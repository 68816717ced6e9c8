"""The findings of one upload (a batch) export as XLSX: one row per finding with body, year, file, rule,
severity, message, cells, evidence lines and text, and the review; a second sheet lists every report."""

from __future__ import annotations

import io
from typing import Any

import openpyxl
import pytest

from gongkai.reports.findings_xlsx import FINDING_COLUMNS
from gongkai.reports.models import AuditFinding, PublishedReport
from gongkai.reports.tests.audit_web_factories import client_for, make_cast, seed_bytes, upload

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_a_batch_exports_one_row_per_finding_with_its_review() -> None:
    cast = make_cast()
    client = client_for(cast.supervisor)
    batch = upload(client, [seed_bytes("003")], agency="NB-XS")["Location"].split("?")[1]
    upload(client, [seed_bytes("002")], agency="NB-CX")  # another upload: not in the batch
    report = PublishedReport.objects.get(year=2020)
    reviewed = report.findings.get(rule="typo")
    client.post(f"/staff/reports/findings/{reviewed.pk}/review/", {"status": "dismissed", "note": "原文如此"})

    response = client.get(f"/staff/reports/findings.xlsx?{batch}")
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert "attachment" in response["Content-Disposition"]
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = workbook["审核发现"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == tuple(name for name, _ in FINDING_COLUMNS)
    assert len(rows) - 1 == report.findings.count() == AuditFinding.objects.filter(report=report).count()
    by_rule: dict[Any, list[dict[Any, Any]]] = {}  # openpyxl (untyped) gives the cell values
    for row in rows[1:]:
        by_rule.setdefault(row[3], []).append(dict(zip(rows[0], row, strict=True)))
    assert {row["机关"] for rows_ in by_rule.values() for row in rows_} == {"宁波市象山县人民政府办公室"}

    detail = next(row for row in by_rule["detail_sum"] if "自然人" in row["说明"])
    assert (detail["年度"], detail["文件"], detail["级别"], detail["规则名称"]) == (
        2020, seed_bytes("003")[0], "错误", "办理结果之和与总计不符",
    )  # fmt: skip
    assert "三（七）总计 / 自然人" in detail["单元格"]
    assert "requests.results_total.natural_person" in detail["单元格键"]
    finding = next(f for f in report.findings.filter(rule="detail_sum") if "自然人" in f.message)
    lines = [e["line"] for e in finding.evidence]
    assert detail["依据行号"] == "、".join(map(str, lines))
    assert detail["依据文本"].startswith(f"第{lines[0]}行：")
    assert (detail["核实状态"], detail["核实意见"], detail["核实人"]) == ("待核实", None, None)

    [typo] = by_rule["typo"]
    assert (typo["级别"], typo["核实状态"], typo["核实意见"], typo["核实人"]) == (
        "提示",
        "已排除",
        "原文如此",
        "钱",
    )
    assert typo["核实时间"]

    summary = list(workbook["报告"].iter_rows(values_only=True))
    assert summary[1][:3] == ("宁波市象山县人民政府办公室", 2020, seed_bytes("003")[0])
    assert summary[1][4:] == (2, 2, 0)  # errors, warnings, and the dismissed typo left out
    assert len(summary) == 2


def test_a_body_s_reports_of_a_year_export_together() -> None:
    cast = make_cast()
    client = client_for(cast.supervisor)
    upload(client, [seed_bytes("003")], agency="NB-XS")
    upload(client, [seed_bytes("002")], agency="NB-CX")
    response = client.get("/staff/reports/findings.xlsx?agency=NB&year=2020")
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert [row[1] for row in workbook["报告"].iter_rows(min_row=2, values_only=True)] == [2020]
    response = client.get("/staff/reports/findings.xlsx?agency=NB")
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert sorted(row[1] for row in workbook["报告"].iter_rows(min_row=2, values_only=True)) == [2020, 2023]
