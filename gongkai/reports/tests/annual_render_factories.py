"""Report contents for the renderers' tests, built without the database (the renderers never touch it):
seed 002's cells (慈溪市人民政府办公室 2023) with prose drafted as Gongkai drafts it, a history over the
years, and optionally the members of an aggregated report."""

from __future__ import annotations

import io
import subprocess
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from gongkai.reports import formats
from gongkai.reports.annual import prose
from gongkai.reports.annual.content import MemberFigures, ReportContent
from gongkai.reports.annual.facts import YearFacts
from gongkai.reports.annual.history import HistoryPoint
from gongkai.reports.tests.seed_reports import seed

NAME = "慈溪市人民政府办公室"
PROBLEMS = (
    "2023年，我办推进政务公开工作虽然取得了一定成效，但重大决策公开需进一步深化。\n"
    "下一步将聚焦重点环节，高质量抓好主动公开。"
)
HEADINGS = [  # the six sections of both formats, in order
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]
HISTORY = [
    HistoryPoint(2021, 95, 90, 40, "imported"),
    HistoryPoint(2022, 120, 121, 50, "generated"),
]
MEMBERS = [
    MemberFigures("CX-ZFB", NAME, "办理记录", 60, 60, 0, 1, 4),
    MemberFigures("CX-ZRZY", "慈溪市自然资源和规划局", "已发布报告", 40, 40, 0, 0, 3),
    MemberFigures("CX-KD", "慈溪市坎墩街道办事处", "导入的已发布报告", 3, 3, 0, 0, 1),
]


def seed_cells() -> dict[str, Any]:
    return dict(seed("002").cells)


def sample_content(
    *,
    state: str = "published",
    version: int = 1,
    change_note: str = "",
    history: bool = True,
    members: bool = False,
    year_ended: bool = True,
) -> ReportContent:
    cells = seed_cells()
    facts = YearFacts(received_by_channel={"online": 103}, closed=103)
    content = ReportContent(
        agency_code="CX-ZFB",
        agency_name=NAME,
        agency_kind="government",
        agency_level="county",
        year=2023,
        format=formats.FORMAT_2021,
        cells=cells,
        preface=prose.preface(NAME, 2023, formats.FORMAT_2021),
        overview=prose.draft_overview(formats.FORMAT_2021, 2023, cells, facts),
        problems=PROBLEMS,
        fee_sentence=prose.fee_sentence(facts),
        signature_date=date(2024, 1, 11),
        state=state,
        version=version,
        change_note=change_note,
        year_ended=year_ended,
    )
    content.history = [*HISTORY, HistoryPoint(2023, 103, 103, 42, "this")] if history else []
    content.members = list(MEMBERS) if members else []
    return content


@cache
def rendered_pdf(**options: Any) -> bytes:
    """The PDF of `sample_content(**options)`, made once per test process (WeasyPrint takes a second)."""
    from gongkai.reports.annual.render_pdf import report_pdf

    return report_pdf(sample_content(**options))


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    command = ["/usr/bin/pdftotext", "-layout", str(path), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True, timeout=120).stdout  # noqa: S603 - our own file


def pdf_fonts(data: bytes, tmp_path: Path) -> list[dict[str, str]]:
    """`pdffonts` (poppler-utils), one dict per font: name, type, emb (yes/no)."""
    path = tmp_path / "fonts.pdf"
    path.write_bytes(data)
    command = ["/usr/bin/pdffonts", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=120)  # noqa: S603 - our own file
    lines = done.stdout.splitlines()[2:]
    fonts = []
    for line in lines:
        parts = line.split()
        # name type… encoding emb sub uni object ID: the three yes/no columns come before the id
        emb = parts[-5]
        fonts.append({"name": parts[0], "emb": emb})
    return fonts


def docx_document(data: bytes) -> Any:
    import docx

    return docx.Document(io.BytesIO(data))
