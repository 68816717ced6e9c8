"""A published version keeps its report as JSON: read back, it is the same report, amounts to the last
decimal place."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from gongkai.reports import formats
from gongkai.reports.annual.content import MemberFigures, ReportContent
from gongkai.reports.annual.history import HistoryPoint


def test_every_field_survives_json() -> None:
    cells: dict[str, int | Decimal | None] = dict.fromkeys(formats.all_keys("2021"), 3)
    cells["item20_8.fees.amount_10k_yuan"] = Decimal("5949.0887")
    cells["item20_5.licensing.decisions"] = None
    content = ReportContent(
        agency_code="XS",
        agency_name="象山县人民政府",
        agency_kind="government",
        agency_level="county",
        year=2024,
        format="2021",
        cells=cells,
        preface="本报告……",
        overview="（一）主动公开情况。……",
        problems="问题。\n改进。",
        assessment="考核结果良好。",
        other_matters="无。",
        fee_sentence="本年度未收取政府信息公开信息处理费。",
        signature_date=date(2025, 2, 18),
        state="published",
        version=2,
        change_note="更正表三第（一）项",
        history=[HistoryPoint(2023, 10, 9, Decimal("4"), "imported"), HistoryPoint(2024, 3, 3, 3, "this")],
        members=[MemberFigures("XS-ZRZY", "象山县自然资源和规划局", "已发布报告", 3, 3, 0, 0, None)],
    )
    restored = ReportContent.from_json(json.loads(json.dumps(content.as_json())))
    assert restored == content
    assert restored.cells["item20_8.fees.amount_10k_yuan"] == Decimal("5949.0887")
    assert restored.title == "象山县人民政府2024年政府信息公开工作年度报告"
    assert restored.corrected and not restored.is_draft
