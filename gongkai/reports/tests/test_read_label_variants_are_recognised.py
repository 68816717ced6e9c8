"""Labels are matched whatever their wording variant, numbering style, width or spacing."""

from __future__ import annotations

import re

from gongkai.reports.audit.model import Number
from gongkai.reports.audit.reader import read_report, read_report_bytes
from gongkai.reports.tests.corpus import forms

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _variant(name: str, label: dict[str, str], figures: bool = False) -> dict[str, Number | None]:
    content = forms.seed_blocks(name)
    changed: list[forms.Block] = []
    for block in content:
        if isinstance(block, str):
            changed.append(block)
            continue
        rows = []
        for row in block.rows:
            cells = []
            for cell in row:
                if re.fullmatch(r"\d+", cell.strip()):
                    cells.append(cell.translate(FULL_WIDTH) if figures else cell)
                else:
                    for old, new in label.items():
                        cell = cell.replace(old, new)
                    cells.append(cell)
            rows.append(cells)
        changed.append(forms.Table(rows))
    return read_report_bytes(forms.to_text(changed).encode(), f"{name}.txt").cells


def test_half_width_numbering_other_wording_and_full_width_figures_read_the_same_cells() -> None:
    variants = {
        "（": "(", "）": ")",
        "一、本年新收到": "1. 本年新收",
        "二、上年结转": "二．上年转结",
        "四、结转下年度继续办理": "四、转结下年度继续办理",
        "1.属于国家秘密": "1、属于国家秘密",
        "2.其他法律": "（2）其他法律",
        "予以公开": "予 以 公 开",
        "“三安全一稳定”": '"三安全一稳定"',
    }  # fmt: skip
    assert _variant("002", variants, figures=True) == read_report(forms.seed("002")).cells


def test_the_old_table_reads_with_other_numbering_and_spacing() -> None:
    variants = {"1．": "1.", "2．": "（2）", "其中：": "其中 ", "　": " "}
    assert _variant("000", variants, figures=True) == read_report(forms.seed("000")).cells
