"""What every rule module shares: the report being checked, its prose, cells and findings.

A rule is a function `(Check) -> list[Finding]`. `Check` holds the report (and the previous
year's, for the rules across years) with the helpers the rules need: the lines of prose, a cell's
label and value, evidence for a cell, and `finding(...)` that gives each rule its severity from
DESIGN.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from gongkai.reports import formats
from gongkai.reports.audit.layout import parse_layout
from gongkai.reports.audit.model import Evidence, Finding, Number, ParsedReport, Severity
from gongkai.reports.audit.reader import SINGLE_OTHER_ROW

# The severities of DESIGN.md (发现的问题的级别). A rule may override it where the spec says so.
SEVERITY: dict[str, Severity] = {
    "balance": "error",
    "detail_sum": "error",
    "row_total": "error",
    "appeal_total": "error",
    "old_format_sum": "error",
    "bad_number": "error",
    "blank_cell": "warning",
    "narrative_mismatch": "warning",
    "period": "warning",
    "year_mismatch": "warning",
    "regulation_name": "warning",
    "foreign_place": "warning",
    "format_mismatch": "warning",
    "missing_section": "warning",
    "carry_over": "warning",
    "repeated_text": "warning",
    "ambiguous_cell": "warning",
    "overview_length": "warning",
    "empty_section": "warning",
    "fee_statement": "warning",
    "in_force_carry": "warning",
    "not_checkable": "warning",
    "typo": "info",
}

SECTION_TITLES = {
    "overview": "一、总体情况",
    "proactive": "二、主动公开政府信息情况",
    "requests": "三、收到和处理政府信息公开申请情况",
    "appeals": "四、政府信息公开行政复议、行政诉讼情况",
    "problems": "五、存在的主要问题及改进情况",
    "other": "六、其他需要报告的事项",
}

TABLE_TITLES = {
    "item20_1": "表二 第二十条第（一）项",
    "item20_5": "表二 第二十条第（五）项",
    "item20_6": "表二 第二十条第（六）项",
    "item20_8": "表二 第二十条第（八）项",
    "item20_9": "表二 第二十条第（九）项",
    "requests": "表三 收到和处理政府信息公开申请情况",
    "appeals": "表四 政府信息公开行政复议、行政诉讼情况",
    "old_table": "政府信息公开情况统计表",
}

# 表三's column heads, as findings name them.
REQUEST_COLUMN_LABELS = {
    "natural_person": "自然人",
    "commercial_enterprise": "商业企业",
    "research_institution": "科研机构",
    "public_interest_org": "社会公益组织",
    "legal_service_org": "法律服务机构",
    "other_org": "其他法人或其他组织",
    "total": "总计",
}
_SPACES = re.compile(r"\s+")
_OLD_NUMBERING = re.compile(r"^(?:[一二三四五六七八九]+(?:、|（[一二三四]）)|\d．|其中：)+")


def table_of(fmt: str, key: str) -> str:
    """The table a key belongs to, by the names of `ParsedReport.tables_found`."""
    return "old_table" if fmt == formats.FORMAT_2008 else key.split(".")[0]


def _old_label(key: str) -> str:
    """The old table's label without its numbering, with its block where the label needs it."""
    label = _OLD_NUMBERING.sub("", formats.label_for(formats.FORMAT_2008, key))
    if key.startswith("reconsideration_") and key != "reconsideration_total":
        return f"行政复议{label}"
    if key.startswith("litigation_") and key != "litigation_total":
        return f"行政诉讼{label}"
    if key.startswith("refused_"):
        return f"不同意公开（{label}）"
    return label


def show(value: Number | None) -> str:
    if value is None:
        return "空白"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def _prose_lines(report: ParsedReport) -> list[int]:
    if report.prose_lines is not None:
        return report.prose_lines
    return parse_layout(report.lines).text_lines  # a report rebuilt from storage or built by hand


# Table 三's （六）其他处理 as the 2021 format prints it, in three rows. A 2021-format report may print it as
# the 2019 format's one row instead (format_mismatch says so): that row's figures are then read as extra
# cells (`SINGLE_OTHER_ROW`.<column>, audit.reader), and the sums take them in place of the three rows.
OTHER_PROCESSING_2021 = (
    "requests.other_no_correction.",
    "requests.other_fee_unpaid.",
    "requests.other_other.",
)
SINGLE_OTHER_CELL = SINGLE_OTHER_ROW + "."  # how the keys of that one row's extra cells begin


@dataclass
class Check:
    report: ParsedReport
    previous: ParsedReport | None = None

    @property
    def fmt(self) -> str | None:
        return self.report.format

    # --- text ----------------------------------------------------------------------------------

    @cached_property
    def prose_lines(self) -> list[int]:
        """Line numbers of the paragraphs (not table cells), counted from 1, as the reader found them."""
        return _prose_lines(self.report)

    def line(self, number: int) -> str:
        return self.report.lines[number - 1].strip()

    def prose(self) -> Iterable[tuple[int, str]]:
        for number in self.prose_lines:
            yield number, self.report.lines[number - 1]

    def section_lines(self, section: str, report: ParsedReport | None = None) -> list[tuple[int, str]]:
        """The prose lines of a section, without its heading line."""
        report = report or self.report
        first, last = report.sections[section]
        prose = set(self.prose_lines) if report is self.report else set(_prose_lines(report))
        return [(n, report.lines[n - 1]) for n in range(first + 1, last + 1) if n in prose]

    def section_text(self, section: str, report: ParsedReport | None = None) -> str:
        return "".join(_SPACES.sub("", text) for _, text in self.section_lines(section, report))

    # --- cells ---------------------------------------------------------------------------------

    @cached_property
    def single_other_row(self) -> bool:
        """Whether table 三 of a 2021-format report printed （六）其他处理 as one row (`OTHER_PROCESSING_2021`)."""
        return self.fmt == formats.FORMAT_2021 and bool(
            self.report.extras.get("requests_other_processing_single_row")
        )

    def label(self, key: str) -> str:
        fmt = self.fmt or formats.FORMAT_2021
        if fmt == formats.FORMAT_2008:
            return _old_label(key)
        table, _, column = key.split(".")
        if table == "requests":
            return f"{self.row_label(key)}（{REQUEST_COLUMN_LABELS[column]}）"
        return formats.label_for(fmt, key)

    def row_label(self, key: str) -> str:
        """The label of the row of table 三 that holds a cell (`requests.<row>.<column>`)."""
        if key.startswith(SINGLE_OTHER_CELL):
            return formats.request_label(formats.FORMAT_2019, "other_processing")
        return formats.request_label(self.fmt or formats.FORMAT_2021, key.split(".")[1])

    def value(self, key: str) -> Number | None:
        if key.startswith(SINGLE_OTHER_CELL):
            extra: dict[str, Number | None] = self.report.extras.get("extra_cells", {})
            return extra.get(key)
        return self.report.cells.get(key)

    def cell_evidence(self, keys: Iterable[str], report: ParsedReport | None = None) -> list[Evidence]:
        report = report or self.report
        evidence: list[Evidence] = []
        for key in keys:
            line = report.cell_lines.get(key)
            if line is not None:
                value = self.value(key) if report is self.report else report.cells.get(key)
                evidence.append(Evidence(line, f"{self.label(key)}：{show(value)}"))
        return evidence

    def line_evidence(self, numbers: Iterable[int]) -> list[Evidence]:
        return [Evidence(n, self.line(n)) for n in sorted(set(numbers))]

    def table_found(self, table: str) -> bool:
        return table in self.report.tables_found

    @cached_property
    def ambiguous_keys(self) -> set[str]:
        """Cells the reader could not read (its own `ambiguous_cell` and `bad_number` findings)."""
        return {
            key for f in self.report.findings if f.rule in ("ambiguous_cell", "bad_number") for key in f.keys
        }

    # --- findings ------------------------------------------------------------------------------

    def finding(
        self,
        rule: str,
        message: str,
        keys: Iterable[str] = (),
        evidence: Iterable[Evidence] = (),
        severity: Severity | None = None,
    ) -> Finding:
        return Finding(rule, severity or SEVERITY[rule], message, list(keys), list(evidence))


Rule = Callable[[Check], list[Finding]]
