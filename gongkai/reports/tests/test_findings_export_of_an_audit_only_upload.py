"""The findings of an upload that was audited only (never stored) download as XLSX from the results page,
which carries them signed for the user who uploaded; a forged, altered or borrowed payload is refused."""

from __future__ import annotations

import io
import re

import openpyxl
import pytest
from django.core import signing

from gongkai.reports.tests.audit_web_factories import client_for, make_cast, seed_bytes, upload

pytestmark = pytest.mark.django_db


def payload_of(response: object) -> str:
    match = re.search(r'name="payload" value="([^"]+)"', response.content.decode())  # type: ignore[attr-defined]
    assert match
    return match.group(1)


def test_the_results_of_an_audit_only_upload_download_as_xlsx() -> None:
    cast = make_cast()
    client = client_for(cast.supervisor)
    results = upload(client, [seed_bytes("003"), seed_bytes("004"), ("空白.txt", b" ")], mode="audit")
    response = client.post("/staff/reports/audit-only/findings.xlsx", {"payload": payload_of(results)})
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    rows = list(workbook["审核发现"].iter_rows(min_row=2, values_only=True))
    assert {row[2] for row in rows} == {seed_bytes("003")[0], seed_bytes("004")[0]}
    assert {row[11] for row in rows} == {"未保存（仅审核）"}
    detail = next(row for row in rows if row[3] == "detail_sum")
    assert (detail[0], detail[1], detail[5]) == ("宁波市象山县人民政府办公室", 2020, "错误")
    reports = list(workbook["报告"].iter_rows(min_row=2, values_only=True))
    assert [report[2] for report in reports] == [seed_bytes("003")[0], seed_bytes("004")[0]]


def test_an_altered_payload_is_refused() -> None:
    cast = make_cast()
    client = client_for(cast.supervisor)
    payload = payload_of(upload(client, [seed_bytes("003")], mode="audit"))
    forged = signing.dumps({"user": cast.supervisor.pk, "findings": [], "reports": []}, salt="other")
    for bad in (payload[:-3] + "abc", forged, ""):
        response = client.post("/staff/reports/audit-only/findings.xlsx", {"payload": bad})
        assert response.status_code == 400
        assert "审核结果无效，请重新上传审核。" in response.content.decode()


def test_another_user_cannot_download_someone_else_s_results() -> None:
    cast = make_cast()
    payload = payload_of(upload(client_for(cast.supervisor), [seed_bytes("003")], mode="audit"))
    response = client_for(cast.outsider).post("/staff/reports/audit-only/findings.xlsx", {"payload": payload})
    assert response.status_code == 400
