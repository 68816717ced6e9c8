"""`gongkai report build`: tables 三 and 四 of a body's annual report, counted from its records, as JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.core.cli import GongkaiCommand, UsageError, output_path
from gongkai.reports.counts import check_report_year, yearly_counts


def run_build(command: GongkaiCommand, options: dict[str, Any]) -> None:
    code: str = options["agency"]
    year: int = options["year"]
    if not 1000 <= year <= 9999:
        raise UsageError(f"报告年度应为四位数字 YYYY，如 2025：{year}")
    if year > timezone.localdate().year and not options.get("draft"):
        raise UsageError(f"{year} 年尚未开始，不能生成该年度的报告；如需预先生成草稿，请加 --draft。")
    if options.get("output"):
        output_path(options["output"])
    agency = Agency.objects.filter(code=code).first()
    if agency is None:
        command.reject(f"机关不存在：{code}")
    try:
        fmt = check_report_year(year)
        cells = yearly_counts(agency, year)
    except ValidationError as error:
        command.reject("；".join(error.messages))
    report = {"agency": agency.code, "year": year, "format": fmt, "cells": cells}
    output = options.get("output")
    if output:
        try:
            Path(output).write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        except OSError as error:
            command.reject(f"无法写入文件 {output}：{error.strerror or error}")
        command.stderr.write(f"已生成{agency.name}{year}年度报告数据（{fmt}格式），写入 {output}")
    else:
        command.write_json(report)
