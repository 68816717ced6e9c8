"""Uploading several reports of a body at once audits each, stores them all as the body's reports for
their years, logs the import, and shows them as one batch with their findings counted."""

from __future__ import annotations

import pytest

from gongkai.core.models import AuditLog
from gongkai.reports.models import PublishedReport
from gongkai.reports.tests.audit_web_factories import client_for, make_cast, seed_bytes, upload

pytestmark = pytest.mark.django_db


def test_two_reports_of_a_body_are_stored_and_listed_as_one_batch() -> None:
    cast = make_cast()
    client = client_for(cast.staff)
    response = upload(client, [seed_bytes("000"), seed_bytes("002")], agency="NB-CX")
    stored = PublishedReport.objects.filter(agency=cast.cixi).order_by("year")
    assert [report.year for report in stored] == [2018, 2023]
    ids = ",".join(str(report.pk) for report in sorted(stored, key=lambda r: r.pk))
    assert response.status_code == 302
    assert response["Location"] == f"/staff/reports/?ids={ids}"

    page = client.get(response["Location"]).content.decode()
    assert "本次上传的年度报告" in page
    for report in stored:
        assert f'href="/staff/reports/{report.pk}/"' in page
    assert "已审核并保存慈溪市人民政府办公室的 2 份年度报告" in page


def test_each_stored_report_is_logged_as_an_import_by_the_uploader() -> None:
    cast = make_cast()
    upload(client_for(cast.staff), [seed_bytes("000"), seed_bytes("002")], agency="NB-CX")
    imports = AuditLog.objects.filter(action="published_report_import", outcome=AuditLog.Outcome.DONE)
    assert sorted(entry.detail["year"] for entry in imports) == [2018, 2023]
    assert {entry.actor for entry in imports} == {cast.staff}


def test_the_findings_of_each_report_are_stored_with_it() -> None:
    cast = make_cast()
    upload(client_for(cast.supervisor), [seed_bytes("003")], agency="NB-XS")
    report = PublishedReport.objects.get(agency=cast.xiangshan, year=2020)
    assert report.imported_by == cast.supervisor
    rules = list(report.findings.values_list("rule", "severity"))
    assert rules.count(("detail_sum", "error")) == 2
    assert ("foreign_place", "warning") in rules


def test_a_report_that_names_another_body_is_stored_with_a_warning_to_check() -> None:
    cast = make_cast()
    response = upload(client_for(cast.supervisor), [seed_bytes("003")], agency="NB-CX", follow=True)
    assert "报告所载机关名称“宁波市象山县人民政府办公室”与所选机关“慈溪市人民政府办公室”不同，请核对" in (
        response.content.decode()
    )


def test_storing_needs_a_body() -> None:
    cast = make_cast()
    response = upload(client_for(cast.staff), [seed_bytes("002")], agency="")
    assert response.status_code == 400
    assert "保存为机关的年度报告时，请选择所属机关。" in response.content.decode()
    assert not PublishedReport.objects.exists()


def test_an_upload_without_files_is_refused_in_chinese() -> None:
    cast = make_cast()
    response = upload(client_for(cast.staff), [], agency="NB-CX")
    assert response.status_code == 400
    assert "请选择要上传的报告文件。" in response.content.decode()
