"""`gongkai report audit FILE... [--json] [--previous FILE]`, `gongkai report audit --expected DIR [--json]` and `gongkai report import FILE... --agency CODE
[--replace]`.

audit: every file is audited, whatever the others do. The result is a readable summary per file on
standard output, or with --json a JSON array with one object per file (`ParsedReport.as_json`, or
`{"file": …, "error": …}` for a file that could not be read). Exit 0 when every file was audited,
whatever was found; 1 when a file is missing, cannot be decoded or has neither a report title nor a
table (the others are still audited and printed); 2 for usage errors. An unreadable --previous
file is exit 1 before anything is audited: the comparison it was asked for cannot be made.

audit --expected DIR: the reader's accuracy on a folder laid out like `../shared/corpus/` (the reports and
`expected/*.json`, see `accuracy`): per report and overall, cells right / wrong / missing, expected
defects found / missed, error findings the expected files do not list; with --json the same as one JSON
object. Exit 0 once measured, whatever the figures (a report that cannot be read is measured as
nothing read); 1 when DIR has no expected files or one cannot be used; 2 when FILE or --previous is
given with it, or neither FILE nor --expected is given.

import: reads and audits every file, then stores them all as the body's published reports for their
years, or none of them (exit 1) when one cannot be read, its year cannot be told, or a year already
has a stored report and --replace was not given.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.core.exceptions import ValidationError

from gongkai.agencies.models import Agency
from gongkai.core.cli import GongkaiCommand, UsageError
from gongkai.reports.audit.accuracy import ExpectedUnreadable, accuracy_table, measure_folder
from gongkai.reports.audit.inputs import ReportUnreadable
from gongkai.reports.audit.model import ParsedReport
from gongkai.reports.audit.reader import read_file, read_report, read_report_bytes
from gongkai.reports.audit.run import audit_report
from gongkai.reports.audit.services import ReportFile, published_reports_import

SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}
FORMAT_LABELS = {
    "2008": "2008（旧统计表：统计指标/单位/统计数）",
    "2019": "2019（国办公开办函〔2019〕60号格式）",
    "2021": "2021（国办公开办函〔2021〕30号格式）",
}


def run_audit(command: GongkaiCommand, options: dict[str, Any]) -> None:
    if options.get("expected"):
        if options.get("files") or options.get("previous"):
            raise UsageError("--expected 审核文件夹中的全部报告，不能同时给出 FILE 或 --previous")
        run_accuracy(command, options["expected"], as_json=bool(options.get("json")))
        return
    if not options.get("files"):
        raise UsageError("缺少必需的参数：FILE（或以 --expected DIR 衡量一个文件夹的审核准确度）")
    previous: ParsedReport | None = None
    if options.get("previous"):
        try:
            previous = read_report(options["previous"])
        except ReportUnreadable as error:
            command.reject(f"上一年度报告无法读取：{options['previous']}：{error}")
    results: list[dict[str, Any]] = []
    failed = 0
    for path in options["files"]:
        try:
            report = audit_report(read_report(path), previous)
        except ReportUnreadable as error:
            failed += 1
            results.append({"file": path, "error": str(error)})
            if not options.get("json"):
                command.stderr.write(f"无法审核 {path}：{error}")
            continue
        results.append(report.as_json())
        if not options.get("json"):
            command.stdout.write(summary(report))
    if options.get("json"):
        command.write_json(results)
    if failed:
        command.reject(f"{len(results)} 个文件中有 {failed} 个无法审核")


def run_accuracy(command: GongkaiCommand, folder: str, as_json: bool) -> None:
    try:
        measured = measure_folder(folder)
    except ExpectedUnreadable as error:
        command.reject(str(error))
    if as_json:
        command.write_json(measured.as_json())
    else:
        command.stdout.write(accuracy_table(measured), ending="")


def summary(report: ParsedReport) -> str:
    """The readable account of one audited report."""
    counts = Counter(finding.severity for finding in report.findings)
    period = (
        f"{report.period[0].isoformat()} 至 {report.period[1].isoformat()}" if report.period else "未注明"
    )
    lines = [f"== {report.file}"]
    # Tables not read are said first: the rest of the account checked only what was read.
    lines += [f"！！{finding.message}" for finding in report.findings if finding.rule == "tables_unread"]
    lines += [
        f"格式：{FORMAT_LABELS.get(report.format or '', '未能识别')}",
        f"机关：{report.agency_name or '未能识别'}",
        f"年度：{report.year or '未能识别'}　统计期限：{period}"
        + (f"　发布日期：{report.published_on.isoformat()}" if report.published_on else ""),
        f"发现问题：错误 {counts['error']} 项，警告 {counts['warning']} 项，提示 {counts['info']} 项",
    ]
    order = {"error": 0, "warning": 1, "info": 2}
    for finding in sorted(report.findings, key=lambda f: order.get(f.severity, 3)):
        where = "、".join(f"第{e.line}行" for e in finding.evidence[:3])
        cells = (
            f"（单元格：{'、'.join(finding.keys[:6])}{'等' if len(finding.keys) > 6 else ''}）"
            if finding.keys
            else ""
        )
        lines.append(
            f"  [{SEVERITY_LABELS.get(finding.severity, finding.severity)}] {finding.rule}"
            f"{'　' + where if where else ''}：{finding.message}{cells}"
        )
    return "\n".join(lines) + "\n"


def run_import(command: GongkaiCommand, options: dict[str, Any]) -> None:
    agency = Agency.objects.filter(code=options["agency"]).first()
    if agency is None:
        command.reject(f"机关不存在：{options['agency']}")
    files: list[ReportFile] = []
    problems: list[str] = []
    for path in options["files"]:
        try:
            data = read_file(path)
            report = audit_report(read_report_bytes(data, path))
        except ReportUnreadable as error:
            problems.append(f"{path}：{error}")
            continue
        files.append(ReportFile(report, data, path))
    if problems:
        command.reject("未导入任何报告。" + "；".join(problems))
    try:
        stored = published_reports_import(agency=agency, files=files, replace=options.get("replace", False))
    except ValidationError as error:
        command.reject(
            "未导入任何报告。" + "；".join(error.messages) + "。如需替换已存的报告，请使用 --replace"
        )
    for file in files:
        printed = file.report.agency_name
        if printed and printed not in agency.name and agency.name not in printed:
            command.stderr.write(
                f"提示：{file.name} 所载机关名称“{printed}”与机关“{agency.name}”不同，请核对"
            )
    for published in stored:
        counts = Counter(published.findings.values_list("severity", flat=True))
        command.stdout.write(
            f"{published.year}\t{published.format or '-'}\t{published.source_name}\t"
            f"错误 {counts['error']}，警告 {counts['warning']}，提示 {counts['info']}"
        )
    command.stderr.write(f"已导入{agency.name}的 {len(stored)} 份年度报告")
