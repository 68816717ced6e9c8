"""A list of report ids that cannot be report ids (past a 64-bit integer, or not digits) is a 400 with
the reason, on SQLite too (which overflowed into a 500), for the list and for its XLSX export."""

from __future__ import annotations

import pytest

from gongkai.reports.tests.audit_web_factories import client_for, make_cast

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("ids", ["99999999999999999999", "1,99999999999999999999", "1;2", "١٢"])
def test_an_impossible_id_is_a_400_with_the_reason(ids: str) -> None:
    cast = make_cast()
    client = client_for(cast.staff)
    response = client.get("/staff/reports/", {"ids": ids})
    assert response.status_code == 400
    assert "报告编号有误" in response.content.decode()
    export = client.get("/staff/reports/findings.xlsx", {"ids": ids})
    assert export.status_code == 400
    assert "报告编号有误" in export.content.decode()


def test_the_largest_possible_id_is_only_not_found() -> None:
    cast = make_cast()
    response = client_for(cast.staff).get("/staff/reports/", {"ids": str(2**63 - 1)})
    assert response.status_code == 200
