"""The audit pages' wording: a review says "已确认" once (not "已已确认"), the header names 年度报告审核 once,
and a report's format is shown by its Chinese name with its code as a small tag."""

from __future__ import annotations

import pytest

from gongkai.reports.tests.audit_web_factories import client_for, make_cast, seed_bytes, store

pytestmark = pytest.mark.django_db


def test_a_review_is_said_once_and_the_header_names_the_audit_once() -> None:
    cast = make_cast()
    [report] = store(cast.staff, cast.cixi, seed_bytes("003"))
    finding = report.findings.order_by("position").first()
    client = client_for(cast.staff)
    for status, said in (("confirmed", "已确认该项审核发现"), ("dismissed", "已排除该项审核发现")):
        page = client.post(
            f"/staff/reports/findings/{finding.pk}/review/", {"status": status, "note": "核实"}, follow=True
        ).content.decode()
        assert said in page and "已已" not in page
    header = page[page.index("<header") : page.index("</header>")]
    assert header.count("年度报告审核") == 1
    listing = client.get("/staff/reports/").content.decode()
    assert "国办公开办函〔2019〕60号格式" in listing
