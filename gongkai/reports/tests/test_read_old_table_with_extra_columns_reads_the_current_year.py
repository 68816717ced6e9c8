"""Regional variants of the old table print more value columns (本年度 beside 历年累计): the
current year's column is read, wherever it stands."""

from __future__ import annotations

import pytest

from gongkai.reports.audit.reader import read_report, read_report_bytes
from gongkai.reports.tests.corpus import forms


def _with_cumulative_column(cumulative_first: bool) -> bytes:
    changed: list[forms.Block] = []
    for block in forms.seed_blocks("000"):
        if isinstance(block, str):
            changed.append(block)
            continue
        rows = []
        for label, unit, value in block.rows:
            if label.strip().replace("　", "") == "统计指标":
                current, cumulative = "本年度", "历年累计"
            else:
                current, cumulative = value, str(int(value) * 10 + 7) if value.strip() else ""
            rows.append(
                [label, unit, cumulative, current] if cumulative_first else [label, unit, current, cumulative]
            )
        changed.append(forms.Table(rows))
    return forms.to_text(changed).encode()


@pytest.mark.parametrize("cumulative_first", [False, True])
def test_the_current_year_column_is_read_beside_a_cumulative_one(cumulative_first: bool) -> None:
    report = read_report_bytes(_with_cumulative_column(cumulative_first), "r.txt")
    assert report.format == "2008"
    assert report.cells == read_report(forms.seed("000")).cells
