"""The command `gongkai report`'s work, one section per subcommand.

## build

`gongkai report build --agency CODE --year YYYY --to json|html|docx|pdf [-o FILE] [--draft]`.

The body's annual report on the year: its published version when it has been published (the files as
they were published), else the report as it stands — the prose staff wrote (or the overview drafted from
the figures when no one has opened the report yet) with every cell computed from the records.

- json (the default): every cell under its canonical key (tables 二, 三 and 四), the prose, and the rules
  engine's `findings` (`rule`, `severity`, `message`, `keys`), with `state` and `draft`;
- html: the report as a self-contained HTML document; docx, pdf: the official layout (`-o` required).

A year not yet over (条例第四十九条: the report covers the whole year) can only be built as a draft,
marked as such, and only when asked for with `--draft`; so can a year still to come. Exit 1 for an
unknown body, a year before 2019 (the formats of 2019 and 2021), a refused year or an output that cannot
be written; exit 2 for usage errors. A file is written whole or not at all.

## figures

`gongkai report figures import FILE --agency CODE --year YYYY [--by USERNAME]` and
`gongkai report figures export --agency CODE --year YYYY`: the yearly figures of table 二 as CSV
(`annual.figures_csv`). An import saves every row or none: each bad row is listed on stderr with its line
number, and the command exits 1.

## audit, import

`gongkai report audit FILE... [--json] [--previous FILE]`, `gongkai report audit --expected DIR [--json]`
and `gongkai report import FILE... --agency CODE [--replace]`.

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

import argparse
import json
import os
import re
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.core.cli import GongkaiCommand, UsageError
from gongkai.reports.accuracy import ExpectedUnreadable, accuracy_table, measure_folder
from gongkai.reports.annual.check import check_content, previous_report
from gongkai.reports.annual.content import DRAFT_MARK, ReportContent, build_content
from gongkai.reports.annual.figures import computed_figures, report_figures
from gongkai.reports.annual.figures_csv import FiguresRejected, figures_csv, read_figures_csv
from gongkai.reports.annual.services import yearly_figures_save
from gongkai.reports.audit.inputs import ReportUnreadable
from gongkai.reports.audit.model import ParsedReport
from gongkai.reports.audit.reader import read_file, read_report, read_report_bytes
from gongkai.reports.audit.services import ReportFile, published_reports_import
from gongkai.reports.auditing import audit_report
from gongkai.reports.counts import check_report_year
from gongkai.reports.models import AnnualReport, AnnualReportVersion

# --- build ------------------------------------------------------------------------------------------

OUTPUTS = ("json", "html", "docx", "pdf")
BINARY_OUTPUTS = ("docx", "pdf")


def report_year(text: str) -> int:
    """`--year`: four digits (a two-digit year is a usage error, not the year 25)."""
    if not re.fullmatch(r"\d{4}", text.strip()):
        raise argparse.ArgumentTypeError(f"年度应为四位数字（YYYY），例如 2023：{text}")
    return int(text)


def add_build_arguments(build: argparse.ArgumentParser) -> None:
    build.add_argument("--agency", required=True, help="机关代码")
    build.add_argument("--year", required=True, type=report_year, help="报告年度 YYYY")
    build.add_argument("--to", choices=OUTPUTS, default="json", help="输出类型（docx、pdf 须用 -o 指定文件）")
    build.add_argument("-o", dest="output", help="输出文件")
    build.add_argument("--draft", action="store_true", help="允许生成尚未结束年度的报告草稿")


def report_for_build(agency: Agency, year: int) -> tuple[ReportContent, AnnualReportVersion | None]:
    """The report's content as it is to be built: its last published version once published (with
    that version), else built from the records and the report's prose."""
    report = AnnualReport.objects.filter(agency=agency, year=year).first()
    if report is not None and report.state == AnnualReport.State.PUBLISHED:
        version = report.versions.order_by("-number").first()
        if version is not None:
            content = ReportContent.from_json(version.content)
            # A version is published by definition, whatever state its content was frozen in.
            content.state, content.version = AnnualReport.State.PUBLISHED, version.number
            return content, version
    return build_content(agency, year, report), None


def report_json(content: ReportContent, agency: Agency) -> dict[str, Any]:
    """Every cell, the prose, `state`/`draft`, and the rules engine's findings on the report."""
    checked = check_content(content, previous_report(agency, content.year))
    return {
        **content.as_json(),
        "draft": content.is_draft,
        "findings": [
            {"rule": f.rule, "severity": f.severity, "message": f.message, "keys": list(f.keys)}
            for f in checked.findings
        ],
    }


def run_build(command: GongkaiCommand, options: dict[str, Any]) -> None:
    code: str = options["agency"]
    year: int = options["year"]
    to: str = options.get("to") or "json"
    output: str | None = options.get("output")
    if to in BINARY_OUTPUTS and not output:
        raise UsageError(f"输出 {to.upper()} 时须用 -o 指定输出文件")
    if output:
        _check_folder(command, output)  # before any work: a report is not built to be thrown away
    agency = Agency.objects.filter(code=code).first()
    if agency is None:
        command.reject(f"机关不存在：{code}")
    try:
        check_report_year(year)
    except ValidationError as error:
        command.reject("；".join(error.messages))
    today = timezone.localdate()
    if year >= today.year and not options.get("draft"):
        when = "尚未结束" if year == today.year else "尚未开始"
        command.reject(
            f"{year}年度{when}：年度报告统计至{year}年12月31日，年度结束前只能生成草稿（加 --draft）"
        )

    content, version = report_for_build(agency, year)
    data = _render(content, agency, version, to)
    if output:
        _write(command, output, data)
        kind = "草稿，" if content.is_draft else ""
        command.stderr.write(
            f"已生成{content.title}（{kind}{to.upper()}，{content.format}格式），写入 {output}"
        )
    else:
        command.stdout.write(data.decode("utf-8"), ending="" if to == "html" else "\n")
    if not content.year_ended:
        command.stderr.write(f"注意：{year}年度尚未结束，生成的是草稿，已标明“{DRAFT_MARK}”。")


def _render(content: ReportContent, agency: Agency, version: AnnualReportVersion | None, to: str) -> bytes:
    if to == "json":
        return json.dumps(report_json(content, agency), ensure_ascii=False, indent=2).encode("utf-8")
    if to == "html":
        from gongkai.reports.annual.render_html import report_html

        return report_html(content).encode("utf-8")
    if to == "docx":
        if version is not None and version.docx:
            return bytes(version.docx)  # the file as it was published
        from gongkai.reports.annual.render_docx import report_docx

        return report_docx(content)
    if version is not None and version.pdf:
        return bytes(version.pdf)
    from gongkai.reports.annual.render_pdf import report_pdf

    return report_pdf(content)


def _check_folder(command: GongkaiCommand, output: str) -> None:
    path = Path(output)
    if path.is_dir():
        command.reject(f"输出路径是一个文件夹，请给出文件名：{output}")
    folder = path.parent
    if not folder.is_dir():
        command.reject(f"输出文件夹不存在：{folder}（请先创建该文件夹）")


def _write(command: GongkaiCommand, output: str, data: bytes) -> None:
    """The whole file or nothing: written beside the target, then moved over it."""
    path = Path(output)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.chmod(temporary, 0o644)  # as any file the user writes (mkstemp makes it private)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        command.reject(f"无法写入文件 {output}：{error.strerror or error}")


# --- figures ----------------------------------------------------------------------------------------


def _agency_and_format(command: GongkaiCommand, options: dict[str, Any]) -> tuple[Agency, str]:
    agency = Agency.objects.filter(code=options["agency"]).first()
    if agency is None:
        command.reject(f"机关不存在：{options['agency']}")
    try:
        return agency, check_report_year(options["year"])
    except ValidationError as error:
        command.reject("；".join(error.messages))


def _figures_actor(command: GongkaiCommand, username: str | None) -> User | None:
    if username is None:
        return None
    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        command.reject(f"用户不存在：{username}")
    return user


def run_figures(command: GongkaiCommand, options: dict[str, Any]) -> None:
    if options["figures_action"] == "export":
        run_figures_export(command, options)
    else:
        run_figures_import(command, options)


def run_figures_import(command: GongkaiCommand, options: dict[str, Any]) -> None:
    agency, fmt = _agency_and_format(command, options)
    year: int = options["year"]
    actor = _figures_actor(command, options.get("by"))
    path = Path(options["file"])
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        command.reject(f"文件不存在：{path}")
    except OSError as unreadable:
        command.reject(f"无法读取文件 {path}：{unreadable.strerror or unreadable}")
    try:
        values = read_figures_csv(data, fmt=fmt, computed=computed_figures(agency, year))
        saved = yearly_figures_save(
            actor=actor, agency=agency, year=year, values=values, source=f"导入 {path.name}"
        )
    except FiguresRejected as rejected:
        # Every bad row on stderr, then the summary as the command's error (exit 1).
        for error in rejected.row_errors:
            command.stderr.write(str(error))
        command.reject(rejected.summary)
    except PermissionDenied as error:
        command.reject(str(error))
    except ValidationError as error:
        command.reject("；".join(error.messages))
    command.stdout.write(
        f"已导入{agency.name}{year}年度数据：文件 {len(values)} 项，其中 {len(saved.changed)} 项有变化"
    )


def run_figures_export(command: GongkaiCommand, options: dict[str, Any]) -> None:
    agency, fmt = _agency_and_format(command, options)
    command.stdout.write(figures_csv(fmt, report_figures(agency, options["year"])), ending="")


# --- audit, import ----------------------------------------------------------------------------------

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
    previous = _previous_report(command, options)
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


def _previous_report(command: GongkaiCommand, options: dict[str, Any]) -> ParsedReport | None:
    """The previous year's report given with --previous (None: none given)."""
    if not options.get("previous"):
        return None
    try:
        return read_report(options["previous"])
    except ReportUnreadable as error:
        command.reject(f"上一年度报告无法读取：{options['previous']}：{error}")


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


def run_reports_import(command: GongkaiCommand, options: dict[str, Any]) -> None:
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
