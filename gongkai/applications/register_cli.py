"""`gongkai applications import FILE --agency CODE` and `gongkai applications export --agency CODE -o FILE`."""

from __future__ import annotations

from typing import Any

from gongkai.agencies.models import Agency
from gongkai.applications.register import RegisterRejected, export_register, import_register
from gongkai.core.cli import GongkaiCommand, output_path


def _agency(command: GongkaiCommand, code: str) -> Agency:
    agency = Agency.objects.filter(code=code).first()
    if agency is None:
        command.reject(f"机关不存在：{code}")
    return agency


def run_import(command: GongkaiCommand, options: dict[str, Any]) -> None:
    agency = _agency(command, options["agency"])
    try:
        result = import_register(agency=agency, file=options["file"], actor=None)
    except RegisterRejected as rejected:
        # Every bad row on stderr, then the summary as the command's error (exit 1).
        for error in rejected.row_errors:
            command.stderr.write(str(error))
        command.reject(rejected.summary)
    command.stdout.write(
        f"已导入 {result.imported} 件申请（已办结 {result.closed} 件，办理中 {result.open} 件）"
    )


def run_export(command: GongkaiCommand, options: dict[str, Any]) -> None:
    agency = _agency(command, options["agency"])
    year: int | None = options.get("year")
    if year is not None and not 2008 <= year <= 9999:
        command.reject(f"年度超出范围：{year}")
    output = output_path(options["output"])  # a missing folder: one usage error, before anything is written
    try:
        written = export_register(agency=agency, target=output, actor=None, year=year)
    except OSError as error:
        command.reject(f"无法写入文件 {output}：{error.strerror or error}")
    scope = f"{year}年度收到的" if year else ""
    command.stderr.write(f"已导出{agency.name}{scope}申请 {written} 件到 {output}")
