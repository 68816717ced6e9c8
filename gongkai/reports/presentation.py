"""An audited report as the pages and the XLSX export show it: its facts, its tables with the cells that
findings name, its findings, and its text with the evidence lines marked.

One shape for both kinds of report: one stored as a body's published report (`PublishedReport`, whose
findings are `AuditFinding`s with their review) and one audited only, never stored (`ParsedReport`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from gongkai.reports import formats
from gongkai.reports.audit.model import ParsedReport
from gongkai.reports.models import AuditFinding, PublishedReport
from gongkai.reports.official_tables import SEVERITY_RANK, CellMark, Table, official_tables

SEVERITY_LABELS = dict(AuditFinding.Severity.choices)
STATUS_LABELS = dict(AuditFinding.Status.choices)
FORMAT_LABELS = dict(PublishedReport.Format.choices)
SOURCE_FORMS = {"text": "纯文本", "html": "网页（HTML）", "docx": "Word（DOCX）", "pdf": "PDF"}

# The rules of DESIGN.md by a name a reader of reports knows them by.
RULE_NAMES = {
    "balance": "申请数收支不平衡（一+二=三（七）+四）",
    "detail_sum": "办理结果之和与总计不符",
    "row_total": "申请人各列之和与总计不符",
    "appeal_total": "复议诉讼结果之和与总计不符",
    "old_format_sum": "统计表分项之和与总数不符",
    "bad_number": "数字无效",
    "blank_cell": "单元格空白或缺失",
    "narrative_mismatch": "正文与统计表不一致",
    "period": "统计期限或落款日期有误",
    "year_mismatch": "年度不一致",
    "regulation_name": "条例名称有误",
    "foreign_place": "疑似照抄其他地区的报告",
    "format_mismatch": "未使用规定的报告格式",
    "missing_section": "缺少规定的组成部分",
    "carry_over": "上年结转与上年报告不一致",
    "repeated_text": "与上年报告雷同",
    "ambiguous_cell": "数字粘连，无法确定",
    "overview_length": "总体情况篇幅",
    "empty_section": "内容空缺",
    "fee_statement": "收费情况未说明",
    "in_force_carry": "现行有效件数增减不符",
    "not_checkable": "无法核对",
    "typo": "疑似文字错误",
    "tables_unread": "统计表未读出",
}


@dataclass
class EvidenceLine:
    line: int
    text: str
    href: str


@dataclass
class FindingRow:
    """One finding with where it came from and, for a stored report, its review."""

    anchor: str
    rule: str
    severity: str
    message: str
    keys: list[str]
    cells: list[str]
    evidence: list[EvidenceLine]
    agency: str
    year: int | None
    file: str
    number: int = 0  # its place in the report's list of findings, from 1
    pk: int | None = None
    status: str = ""
    note: str = ""
    reviewer: str = ""
    reviewed_at: datetime | None = None
    form: Any = None  # the review form a page shows with it

    @property
    def rule_name(self) -> str:
        return RULE_NAMES.get(self.rule, self.rule)

    @property
    def severity_label(self) -> str:
        return SEVERITY_LABELS.get(self.severity, self.severity)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status) if self.status else "未保存（仅审核）"

    @property
    def marks_the_report(self) -> bool:
        """A dismissed finding no longer colours the tables and the text."""
        return self.status != AuditFinding.Status.DISMISSED


@dataclass
class TextLine:
    number: int
    text: str
    anchor: str
    is_cell: bool
    severity: str = ""
    findings: list[FindingRow] = field(default_factory=list)


@dataclass
class ReportPage:
    """Everything the report page shows, for a stored or an audited-only report."""

    prefix: str
    title: str
    format: str | None
    agency_name: str  # the body the report is stored for (or audited for); "" when none was chosen
    agency_name_printed: str
    year: int | None
    period: tuple[date, date] | None
    published_on: date | None
    source_name: str
    source_form: str
    tables: list[Table]
    findings: list[FindingRow]
    lines: list[TextLine]
    tables_found: list[str]

    @property
    def format_label(self) -> str:
        return FORMAT_LABELS.get(self.format or "", "未能识别")

    @property
    def source_form_label(self) -> str:
        return SOURCE_FORMS.get(self.source_form, self.source_form or "未知")

    @property
    def unread(self) -> list[FindingRow]:
        """The `tables_unread` findings: said at the top, since nothing in those tables was checked."""
        return [row for row in self.findings if row.rule == "tables_unread" and row.marks_the_report]

    @property
    def counts(self) -> dict[str, int]:
        """Findings by severity, dismissed ones left out."""
        counts = dict.fromkeys(SEVERITY_LABELS, 0)
        for row in self.findings:
            if row.marks_the_report:
                counts[row.severity] = counts.get(row.severity, 0) + 1
        return counts


def cell_labels(fmt: str | None, keys: Iterable[str]) -> list[str]:
    labels = []
    for key in keys:
        try:
            labels.append(formats.label_for(fmt or formats.FORMAT_2021, key))
        except (KeyError, ValueError):
            labels.append(key)  # a key of another format: shown as it is
    return labels


def _evidence(items: Iterable[dict[str, Any]], prefix: str) -> list[EvidenceLine]:
    return [
        EvidenceLine(int(item["line"]), str(item.get("text", "")), f"#{prefix}L{int(item['line'])}")
        for item in items
        if isinstance(item, dict) and str(item.get("line", "")).isdigit()
    ]


def rows_for_stored(
    report: PublishedReport, findings: Iterable[AuditFinding], prefix: str = ""
) -> list[FindingRow]:
    rows = []
    for number, finding in enumerate(findings, start=1):
        reviewer = finding.reviewed_by
        rows.append(
            FindingRow(
                anchor=f"{prefix}finding-{finding.pk}",
                rule=finding.rule,
                severity=finding.severity,
                message=finding.message,
                keys=list(finding.keys),
                cells=cell_labels(report.format, finding.keys),
                evidence=_evidence(finding.evidence, prefix),
                agency=report.agency.name,
                year=report.year,
                file=report.source_name,
                number=number,
                pk=finding.pk,
                status=finding.status,
                note=finding.note,
                reviewer=(reviewer.get_full_name() or reviewer.get_username()) if reviewer else "",
                reviewed_at=finding.reviewed_at,
            )
        )
    return rows


def rows_for_parsed(
    report: ParsedReport, *, agency: str = "", file: str = "", prefix: str = ""
) -> list[FindingRow]:
    return [
        FindingRow(
            anchor=f"{prefix}finding-{position}",
            rule=finding.rule,
            severity=finding.severity,
            message=finding.message,
            keys=list(finding.keys),
            cells=cell_labels(report.format, finding.keys),
            evidence=_evidence((e.as_json() for e in finding.evidence), prefix),
            agency=agency or report.agency_name or "",
            year=report.year,
            file=file or report.file,
            number=position,
        )
        for position, finding in enumerate(report.findings, start=1)
    ]


def cell_marks(rows: Iterable[FindingRow]) -> dict[str, CellMark]:
    """For each cell some finding names, the worst severity and the findings (dismissed ones left out)."""
    marks: dict[str, CellMark] = {}
    for row in rows:
        if not row.marks_the_report:
            continue
        for key in row.keys:
            marks.setdefault(key, CellMark(row.severity)).add(row.severity, row.anchor, row.message)
    return marks


def text_lines(lines: Sequence[str], rows: Iterable[FindingRow], prefix: str = "") -> list[TextLine]:
    """The report's lines, numbered from 1 as the evidence counts them, each with the findings citing it."""
    result = [
        TextLine(number, text, f"{prefix}L{number}", text.startswith("\t"))
        for number, text in enumerate(lines, start=1)
    ]
    for row in rows:
        if not row.marks_the_report:
            continue
        for evidence in row.evidence:
            if 1 <= evidence.line <= len(result):
                line = result[evidence.line - 1]
                if row not in line.findings:
                    line.findings.append(row)
                if not line.severity or SEVERITY_RANK[row.severity] < SEVERITY_RANK.get(line.severity, 9):
                    line.severity = row.severity
    return result


def page_for_stored(report: PublishedReport, findings: Iterable[AuditFinding]) -> ReportPage:
    rows = rows_for_stored(report, findings)
    period = (report.period_start, report.period_end) if report.period_start and report.period_end else None
    return ReportPage(
        prefix="",
        title=report.title or str(report),
        format=report.format or None,
        agency_name=report.agency.name,
        agency_name_printed=report.agency_name_printed,
        year=report.year,
        period=period,
        published_on=report.published_on,
        source_name=report.source_name,
        source_form=report.source_form,
        tables=official_tables(report.format, report.cells, cell_marks(rows), report.extras),
        findings=rows,
        lines=text_lines(report.text.split("\n"), rows),
        tables_found=list(report.tables_found),
    )


def page_for_parsed(report: ParsedReport, *, name: str, agency: str = "", prefix: str = "") -> ReportPage:
    rows = rows_for_parsed(report, agency=agency, file=name, prefix=prefix)
    return ReportPage(
        prefix=prefix,
        title=report.title or name,
        format=report.format,
        agency_name=agency,
        agency_name_printed=report.agency_name or "",
        year=report.year,
        period=report.period,
        published_on=report.published_on,
        source_name=name,
        source_form=report.source_form or "",
        tables=official_tables(report.format, report.cells, cell_marks(rows), report.extras),
        findings=rows,
        lines=text_lines(report.lines, rows, prefix),
        tables_found=list(report.tables_found),
    )
