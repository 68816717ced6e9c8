"""`gongkai report build --agency CODE --year YYYY --to json|html|docx|pdf [-o FILE] [--draft]`.

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
"""

from __future__ import annotations

import argparse
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.core.cli import GongkaiCommand, UsageError
from gongkai.reports.annual.check import check_content, previous_report
from gongkai.reports.annual.content import DRAFT_MARK, ReportContent, build_content
from gongkai.reports.counts import check_report_year
from gongkai.reports.models import AnnualReport, AnnualReportVersion

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
