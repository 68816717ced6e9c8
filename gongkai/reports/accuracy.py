"""How right the reader is on a folder of real reports whose cells and defects were established by hand.

The folder is laid out like `../shared/corpus/`: the report files, and `expected/*.json`, one per report,
each naming its report in `file` (so `pingtan_2023.html` can have `expected/pingtan_2023_html.json`).
Every report is read and audited through the reader's public entry points only (`read_report`,
`audit_report`), then held against its expected file:

- cells: every key of `cells` is right (the figure read equals the one established), wrong (another
  figure), or missing (no figure). A key listed in `ambiguous_in_text` was established from outside the
  text (the published page, the prose, last year's totals): read as `null` with an `ambiguous_cell`
  finding naming it, it is right — the reader said honestly that the text does not fix it;
- unfounded: a figure read for a key that the expected file says cannot be established
  (`unestablished`, `*` for a whole row) or whose row the report's table does not print (`absent_rows`);
- defects: each of `defects` is found when a finding has its rule and names at least its keys, one
  finding per defect; otherwise missed;
- unlisted errors: `error` findings that no expected defect accounts for (the quality bar: none);
  unlisted warnings are counted beside them, without the reader's own `not_checkable` and
  `ambiguous_cell`, which say what could not be checked rather than that something is wrong;
- tables unread: the reader's `tables_unread` findings, counted on their own and not as unlisted
  errors: they say honestly that cells are missing, which the cell figures already count;
- false alarms: findings matching an entry of `not_defects`, the false positives a reader must avoid;
- facts: format, year, body's name (as in the title, or in full), period and publication date.

`regional` cells (`extra_cells`: 历年累计 and the regional rows) have no canonical key, so they are
counted but not compared.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from gongkai.reports.audit.model import Finding, ParsedReport
from gongkai.reports.audit.reader import ReportUnreadable, read_report
from gongkai.reports.auditing import audit_report

# The reader's own notes that something could not be checked or fixed: not claims of a defect.
NOT_DEFECT_CLAIMS = frozenset({"not_checkable", "ambiguous_cell"})
TABLES_UNREAD = "tables_unread"


class ExpectedUnreadable(ValueError):
    """The folder or one of its expected files cannot be used; the message says why, in Chinese."""


@dataclass(frozen=True)
class CellResult:
    key: str
    expected: Any
    read: Any


@dataclass(frozen=True)
class ExpectedDefect:
    rule: str
    keys: tuple[str, ...]
    note: str = ""

    def describe(self) -> str:
        return self.rule + (f"（{'、'.join(self.keys)}）" if self.keys else "")


@dataclass
class ReportAccuracy:
    file: str
    unreadable: str | None = None
    right: list[CellResult] = field(default_factory=list)
    wrong: list[CellResult] = field(default_factory=list)
    missing: list[CellResult] = field(default_factory=list)
    unfounded: list[CellResult] = field(default_factory=list)
    regional_cells: int = 0
    found: list[ExpectedDefect] = field(default_factory=list)
    missed: list[ExpectedDefect] = field(default_factory=list)
    unlisted_errors: list[Finding] = field(default_factory=list)
    unlisted_warnings: list[Finding] = field(default_factory=list)
    false_alarms: list[Finding] = field(default_factory=list)
    tables_unread: list[Finding] = field(default_factory=list)
    facts_right: list[str] = field(default_factory=list)
    facts_wrong: list[tuple[str, Any, Any]] = field(default_factory=list)
    seconds: float = 0.0

    def figures(self) -> dict[str, int]:
        return {
            "cells_right": len(self.right),
            "cells_wrong": len(self.wrong),
            "cells_missing": len(self.missing),
            "cells_unfounded": len(self.unfounded),
            "defects_found": len(self.found),
            "defects_missed": len(self.missed),
            "unlisted_errors": len(self.unlisted_errors),
            "unlisted_warnings": len(self.unlisted_warnings),
            "false_alarms": len(self.false_alarms),
            "tables_unread": len(self.tables_unread),
            "facts_right": len(self.facts_right),
            "facts_wrong": len(self.facts_wrong),
        }

    def as_json(self) -> dict[str, Any]:
        def cells(results: list[CellResult]) -> list[dict[str, Any]]:
            return [{"key": r.key, "expected": _json(r.expected), "read": _json(r.read)} for r in results]

        def findings(found: list[Finding]) -> list[dict[str, Any]]:
            return [{"rule": f.rule, "keys": list(f.keys), "message": f.message} for f in found]

        return {
            "file": self.file,
            "unreadable": self.unreadable,
            "figures": self.figures(),
            "seconds": round(self.seconds, 4),
            "wrong": cells(self.wrong),
            "missing": [r.key for r in self.missing],
            "unfounded": cells(self.unfounded),
            "found": [{"rule": d.rule, "keys": list(d.keys)} for d in self.found],
            "missed": [{"rule": d.rule, "keys": list(d.keys), "note": d.note} for d in self.missed],
            "unlisted_errors": findings(self.unlisted_errors),
            "unlisted_warnings": findings(self.unlisted_warnings),
            "false_alarms": findings(self.false_alarms),
            "tables_unread": findings(self.tables_unread),
            "facts_wrong": [
                {"fact": n, "expected": _json(e), "read": _json(r)} for n, e, r in self.facts_wrong
            ],
        }


@dataclass
class CorpusAccuracy:
    reports: list[ReportAccuracy]
    # Report files in the folder that no expected file names: read by nobody's measure.
    without_expected: list[str] = field(default_factory=list)

    def totals(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for report in self.reports:
            for name, value in report.figures().items():
                totals[name] = totals.get(name, 0) + value
        totals["reports"] = len(self.reports)
        totals["unreadable"] = sum(1 for r in self.reports if r.unreadable)
        return totals

    def as_json(self) -> dict[str, Any]:
        return {
            "reports": [r.as_json() for r in self.reports],
            "overall": self.totals(),
            "without_expected": self.without_expected,
        }


# --- comparing one report ----------------------------------------------------------------------


def compare(
    expected: dict[str, Any], report: ParsedReport | None, unreadable: str | None = None
) -> ReportAccuracy:
    """One audited report (or None and why it could not be read) against its expected file."""
    result = ReportAccuracy(file=str(expected.get("file", "")), unreadable=unreadable)
    ambiguous_flagged: set[str] = set()
    if report is not None:
        for finding in report.findings:
            if finding.rule == "ambiguous_cell":
                ambiguous_flagged.update(finding.keys)
    ambiguous_in_text = set(expected.get("ambiguous_in_text") or {})
    for key, value in (expected.get("cells") or {}).items():
        read = _read_value(report, key)
        cell = CellResult(key, value, read)
        if _same(value, read) or (read is None and key in ambiguous_in_text and key in ambiguous_flagged):
            result.right.append(cell)
        elif read is None:
            result.missing.append(cell)
        else:
            result.wrong.append(cell)
    result.regional_cells = len(expected.get("extra_cells") or {})
    if report is not None:
        result.unfounded = _unfounded(expected, report)
        _compare_findings(expected, report, result)
        _compare_facts(expected, report, result)
    else:
        result.missed = [_defect(entry) for entry in expected.get("defects") or []]
    return result


def _read_value(report: ParsedReport | None, key: str) -> Any:
    if report is None:
        return None
    if key in report.cells:
        return report.cells[key]
    return report.extras.get(key)  # facts kept beside the cells, e.g. item20_9.procurement.amount_unit


def _same(expected: Any, read: Any) -> bool:
    if expected is None or read is None:
        return expected is None and read is None
    if isinstance(expected, str) or isinstance(read, str):
        return str(expected) == str(read)
    try:
        return Decimal(str(expected)) == Decimal(str(read))
    except InvalidOperation:
        return False


def _unfounded(expected: dict[str, Any], report: ParsedReport) -> list[CellResult]:
    patterns = list(expected.get("unestablished") or {}) + list(expected.get("absent_rows") or [])
    unfounded = []
    for key, value in report.cells.items():
        if value is not None and any(_key_matches(pattern, key) for pattern in patterns):
            unfounded.append(CellResult(key, None, value))
    return unfounded


def _key_matches(pattern: str, key: str) -> bool:
    """`requests.other_fee_unpaid.*` names every column of that row; anything else names one key."""
    if pattern.endswith(".*"):
        return key.startswith(pattern[:-1])
    return key == pattern


def _defect(entry: dict[str, Any]) -> ExpectedDefect:
    return ExpectedDefect(str(entry["rule"]), tuple(entry.get("keys") or ()), str(entry.get("note", "")))


def _matches(defect: ExpectedDefect, finding: Finding) -> bool:
    return finding.rule == defect.rule and set(defect.keys) <= set(finding.keys)


def _compare_findings(expected: dict[str, Any], report: ParsedReport, result: ReportAccuracy) -> None:
    used: set[int] = set()
    for defect in map(_defect, expected.get("defects") or []):
        match = next(
            (i for i, f in enumerate(report.findings) if i not in used and _matches(defect, f)),
            None,
        )
        if match is None:
            result.missed.append(defect)
        else:
            used.add(match)
            result.found.append(defect)
    not_defects = [_defect(entry) for entry in expected.get("not_defects") or []]
    for i, finding in enumerate(report.findings):
        if i in used:
            continue
        if any(_matches(entry, finding) for entry in not_defects):
            result.false_alarms.append(finding)
        if finding.rule == TABLES_UNREAD:
            result.tables_unread.append(finding)
        elif finding.severity == "error":
            result.unlisted_errors.append(finding)
        elif finding.severity == "warning" and finding.rule not in NOT_DEFECT_CLAIMS:
            result.unlisted_warnings.append(finding)


def _compare_facts(expected: dict[str, Any], report: ParsedReport, result: ReportAccuracy) -> None:
    period = [d.isoformat() for d in report.period] if report.period else None
    published = report.published_on.isoformat() if report.published_on else None
    names = {expected.get("agency_name"), expected.get("agency_full_name")} - {None}
    checks: list[tuple[str, Any, Any, bool]] = [
        ("format", expected.get("format"), report.format, expected.get("format") == report.format),
        ("year", expected.get("year"), report.year, expected.get("year") == report.year),
        ("agency_name", expected.get("agency_name"), report.agency_name, report.agency_name in names),
        ("period", expected.get("period"), period, expected.get("period") == period),
        ("published", expected.get("published"), published, expected.get("published") == published),
    ]
    for name, wanted, read, right in checks:
        if right:
            result.facts_right.append(name)
        else:
            result.facts_wrong.append((name, wanted, read))


# --- a folder ----------------------------------------------------------------------------------


def expected_files(folder: Path) -> list[tuple[Path, dict[str, Any]]]:
    """(report path, expected JSON) for every expected file of the folder, or `ExpectedUnreadable`."""
    directory = folder / "expected"
    if not directory.is_dir():
        raise ExpectedUnreadable(f"{folder} 下没有 expected 目录，不是按语料库方式组织的文件夹")
    pairs = []
    for path in sorted(directory.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ExpectedUnreadable(f"预期结果文件无法读取：{path}：{error}") from None
        if not isinstance(data, dict) or not isinstance(data.get("file"), str) or not data["file"]:
            raise ExpectedUnreadable(f"预期结果文件缺少 file 字段（所对应的报告文件名）：{path}")
        if not isinstance(data.get("cells", {}), dict) or not isinstance(data.get("defects", []), list):
            raise ExpectedUnreadable(f"预期结果文件的 cells 应为对象、defects 应为数组：{path}")
        pairs.append((folder / data["file"], data))
    if not pairs:
        raise ExpectedUnreadable(f"{directory} 中没有预期结果文件（*.json）")
    return pairs


def measure_folder(folder: str | Path) -> CorpusAccuracy:
    """Read and audit every report the folder's expected files name, and compare."""
    folder = Path(folder)
    if folder.name == "expected" and not (folder / "expected").is_dir():
        folder = folder.parent  # the expected files' own folder was given: the reports are beside it
    pairs = expected_files(folder)
    reports = []
    for path, expected in pairs:
        started = time.perf_counter()
        try:
            audited: ParsedReport | None = audit_report(read_report(path))
            error = None
        except ReportUnreadable as unreadable:
            audited, error = None, str(unreadable)
        except (
            Exception
        ) as crash:  # a reader's bug: measured as nothing read, and named, not fatal to the rest
            audited, error = None, f"读取或审核时程序出错（{type(crash).__name__}: {crash}）"
        seconds = time.perf_counter() - started
        measured = compare(expected, audited, error)
        measured.seconds = seconds
        reports.append(measured)
    named = {path.name for path, _ in pairs}
    others = sorted(
        p.name for p in folder.iterdir() if p.is_file() and p.name not in named and p.suffix.lower() != ".md"
    )
    return CorpusAccuracy(reports, others)


# --- printing ----------------------------------------------------------------------------------

COLUMNS = (
    ("cells_right", "单元格对"),
    ("cells_wrong", "错"),
    ("cells_missing", "缺"),
    ("cells_unfounded", "无据"),
    ("defects_found", "问题发现"),
    ("defects_missed", "遗漏"),
    ("unlisted_errors", "多报错误"),
    ("unlisted_warnings", "多报警告"),
    ("false_alarms", "已知误报"),
    ("tables_unread", "未读表"),
    ("facts_wrong", "事实错"),
)


def accuracy_table(measured: CorpusAccuracy, timing: bool = False) -> str:
    """Per report and overall, one line each, then what went wrong in each report."""
    width = max([len(r.file) for r in measured.reports] + [4])
    header = "报告".ljust(width - 2) + "".join(
        f"  {' ' * (_width(title) - _text_width(title))}{title}" for _, title in COLUMNS
    )
    header += "      秒" if timing else ""
    lines = [header]

    def row(name: str, figures: dict[str, int], seconds: float | None) -> str:
        cells = "".join(f"  {figures[key]:>{_width(title)}}" for key, title in COLUMNS)
        return (
            name
            + " " * (width - _text_width(name))
            + cells
            + (f"  {seconds:.3f}" if seconds is not None else "")
        )

    for report in measured.reports:
        lines.append(row(report.file, report.figures(), report.seconds if timing else None))
    total_seconds = sum(r.seconds for r in measured.reports)
    lines.append(row("合计", measured.totals(), total_seconds if timing else None))
    totals = measured.totals()
    established = totals["cells_right"] + totals["cells_wrong"] + totals["cells_missing"]
    share = f"{100 * totals['cells_right'] / established:.1f}%" if established else "—"
    lines.append(
        f"单元格：{established} 个中读对 {totals['cells_right']} 个（{share}），读错 {totals['cells_wrong']} 个，"
        f"未读出 {totals['cells_missing']} 个；无据读出 {totals['cells_unfounded']} 个。"
        f"应发现的问题 {totals['defects_found'] + totals['defects_missed']} 项中发现 {totals['defects_found']} 项；"
        f"未列出的错误 {totals['unlisted_errors']} 项。"
    )
    for report in measured.reports:
        lines.extend(_details(report))
    if measured.without_expected:
        lines.append("没有预期结果文件、未计入的报告：" + "、".join(measured.without_expected))
    return "\n".join(lines) + "\n"


def _text_width(text: str) -> int:
    # A CJK character takes two columns in a terminal.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _width(title: str) -> int:
    return max(_text_width(title), 4)


def _details(report: ReportAccuracy) -> Iterable[str]:
    notes: list[str] = []
    if report.unreadable:
        notes.append(f"无法读取：{report.unreadable}")
    notes += [f"读错 {r.key}：读作 {_show(r.read)}，应为 {_show(r.expected)}" for r in report.wrong[:10]]
    if report.missing:
        keys = "、".join(r.key for r in report.missing[:6])
        notes.append(f"未读出 {len(report.missing)} 个：{keys}{'等' if len(report.missing) > 6 else ''}")
    notes += [f"无据读出 {r.key} = {_show(r.read)}" for r in report.unfounded[:6]]
    notes += [f"遗漏问题 {d.describe()}：{d.note}" for d in report.missed]
    notes += [f"多报错误 {f.rule}：{_short(f.message)}" for f in report.unlisted_errors[:10]]
    notes += [f"多报警告 {f.rule}：{_short(f.message)}" for f in report.unlisted_warnings[:10]]
    notes += [f"已知误报 {f.rule}：{_short(f.message)}" for f in report.false_alarms]
    notes += [f"未读出的表 {_short(f.message)}" for f in report.tables_unread]
    notes += [f"{name} 读作 {_show(read)}，应为 {_show(wanted)}" for name, wanted, read in report.facts_wrong]
    if not notes:
        return []
    return [f"== {report.file}", *(f"  {note}" for note in notes)]


def _short(message: str) -> str:
    return message if len(message) <= 100 else message[:99] + "…"


def _show(value: Any) -> str:
    return "空" if value is None else str(_json(value))


def _json(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, tuple):
        return [_json(v) for v in value]
    return value
