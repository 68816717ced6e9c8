"""The work of `gongkai publications …` (see the command for the arguments)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError

from gongkai.agencies.models import Agency
from gongkai.core.cli import GongkaiCommand
from gongkai.publications import figures as figures_module
from gongkai.publications import indexing
from gongkai.publications.importer import import_publications
from gongkai.publications.register import normative_register_set
from gongkai.publications.scan import scan_published


def _agency(command: GongkaiCommand, code: str) -> Agency:
    agency = Agency.objects.filter(code=code).first()
    if agency is None:
        command.reject(f"机关不存在：{code}")
    return agency


class ProgressBar:
    """A progress bar on stderr, redrawn at most a few times a second."""

    def __init__(self, stream: Any, label: str) -> None:
        self.stream, self.label, self.started, self.drawn = stream, label, time.monotonic(), 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.drawn < 0.25:
            return
        self.drawn = now
        share = done / total if total else 1.0
        bar = "█" * int(share * 30) + "░" * (30 - int(share * 30))
        self.stream.write(f"\r{self.label} {bar} {share:6.1%}  {now - self.started:6.1f} 秒", ending="")
        if done >= total:
            self.stream.write("")
        self.stream.flush()


def run_import(command: GongkaiCommand, options: dict[str, Any]) -> None:
    agency = _agency(command, options["agency"])
    path = Path(options["file"])
    if not path.is_file():
        command.reject(f"文件不存在：{path}")
    started = time.monotonic()
    result = import_publications(agency=agency, path=path, progress=ProgressBar(command.stderr, "导入"))
    seconds = time.monotonic() - started
    for error in result.errors:
        command.stderr.write(str(error))
    for created in result.created_categories:
        command.stderr.write(f"新建公开目录：{created}")
    summary = {
        "imported": result.imported,
        "rejected": result.rejected,
        "created_categories": result.created_categories,
        "findings": result.findings,
        "items_with_findings": result.items_with_findings,
        "seconds": round(seconds, 2),
    }
    if options["json"]:
        command.write_json(summary)
    else:
        command.stdout.write(
            f"已导入 {result.imported} 条，拒绝 {result.rejected} 条；新建目录 {len(result.created_categories)} 个；"
            f"敏感信息提示 {result.findings} 处（涉及 {result.items_with_findings} 条，请在工作台“敏感信息检查”中处理）"
        )
    if result.rejected:
        command.reject(f"有 {result.rejected} 行未导入（见上）")


def run_scan(command: GongkaiCommand, options: dict[str, Any]) -> None:
    agency = _agency(command, options["agency"])
    result = scan_published(agency=agency, actor=None)
    rows = [
        {
            "index_number": f.publication.index_number,
            "title": f.publication.title,
            "kind": f.kind,
            "kind_label": f.get_kind_display(),
            "where": f.source_label,
            "match": f.match,
            "context": f"{f.before}【{f.match}】{f.after}",
            "status": f.status,
        }
        for f in result.open_findings
    ]
    if options["json"]:
        command.write_json({"scanned": result.scanned, "new": result.new, "open": rows})
        return
    command.stderr.write(
        f"已检查 {result.scanned} 条已公开信息，新发现 {result.new} 处，待处理共 {len(rows)} 处"
    )
    for row in rows:
        command.stdout.write(f"{row['index_number']}\t{row['kind_label']}\t{row['where']}\t{row['context']}")


def run_figures(command: GongkaiCommand, options: dict[str, Any]) -> None:
    agency = _agency(command, options["agency"])
    year: int = options["year"]
    fmt = "2021" if year >= 2021 else "2019" if year >= 2019 else None
    if fmt is None:
        command.reject("表二第（一）项只在 2019 年及以后的报告格式中计算")
    cells = figures_module.normative_document_figures(agency, year, fmt)
    if cells is None:
        command.reject(
            f"{agency.name}未设定规范性文件记录完整的起始年度，或 {year} 年早于该年度：请手工填报，"
            f"或用 gongkai publications records-complete --agency {agency.code} --from 年度 设定"
        )
    if options["json"]:
        command.write_json({"agency": agency.code, "year": year, "format": fmt, "cells": cells})
        return
    for key, value in cells.items():
        command.stdout.write(f"{key}\t{value}")


def run_records_complete(command: GongkaiCommand, options: dict[str, Any]) -> None:
    agency = _agency(command, options["agency"])
    try:
        normative_register_set(
            agency=agency, complete_from=None if options["clear"] else options["year"], actor=None
        )
    except ValidationError as error:
        command.reject("；".join(error.messages))
    if options["clear"]:
        command.stderr.write(f"已取消{agency.name}规范性文件记录的起始年度")
    else:
        command.stderr.write(
            f"{agency.name}规范性文件记录自 {options['year']} 年起完整，此后各年表二第（一）项从记录计算"
        )


def run_reindex(command: GongkaiCommand, options: dict[str, Any]) -> None:
    agency = _agency(command, options["agency"]) if options.get("agency") else None
    count = indexing.reindex_all(agency)
    command.stderr.write(f"已重建检索索引：{count} 条已公开信息")
