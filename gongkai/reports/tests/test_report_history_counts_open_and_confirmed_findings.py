"""For each year the history counts the findings still open and those confirmed; errors and warnings
leave out the dismissed ones."""

from __future__ import annotations

import pytest

from gongkai.reports.tests.audit_web_factories import (
    client_for,
    cls,
    html,
    make_cast,
    seed_bytes,
    store,
    text_of,
)

pytestmark = pytest.mark.django_db


def test_reviews_change_the_counts_of_the_year() -> None:
    cast = make_cast()
    [old, new] = store(cast.staff, cast.cixi, seed_bytes("004"), seed_bytes("002"))
    client = client_for(cast.staff)
    errors = list(old.findings.filter(severity="error").order_by("position"))
    total = old.findings.count()
    client.post(f"/staff/reports/findings/{errors[0].pk}/review/", {"status": "confirmed", "note": ""})
    client.post(
        f"/staff/reports/findings/{errors[1].pk}/review/", {"status": "dismissed", "note": "合计口径不同"}
    )

    page = html(client.get("/staff/reports/agencies/NB-CX/history/"))
    [table] = page.xpath(f"//table[{cls('history')}]")
    header = [text_of(th) for th in table.xpath(".//thead//th")]
    rows = {
        row["年度"]: row
        for row in (dict(zip(header, map(text_of, tr), strict=True)) for tr in table.xpath(".//tbody/tr"))
    }
    assert (rows["2017"]["待核实"], rows["2017"]["已确认"]) == (str(total - 2), "1")
    assert rows["2017"]["错误"] == str(len(errors) - 1)
    assert (rows["2023"]["待核实"], rows["2023"]["已确认"]) == (str(new.findings.count()), "0")
