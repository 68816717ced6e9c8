"""`gongkai report figures import FILE --agency CODE --year YYYY [--by USERNAME]` and
`gongkai report figures export --agency CODE --year YYYY`: the yearly figures of table 二 as CSV
(`annual.figures_csv`). An import saves every row or none: each bad row is listed on stderr with its line
number, and the command exits 1."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.agencies.models import Agency
from gongkai.core.cli import GongkaiCommand
from gongkai.reports.annual.figures import computed_figures, report_figures
from gongkai.reports.annual.figures_csv import FiguresRejected, figures_csv, read_figures_csv
from gongkai.reports.annual.services import yearly_figures_save
from gongkai.reports.counts import check_report_year


def _agency_and_format(command: GongkaiCommand, options: dict[str, Any]) -> tuple[Agency, str]:
    agency = Agency.objects.filter(code=options["agency"]).first()
    if agency is None:
        command.reject(f"机关不存在：{options['agency']}")
    try:
        return agency, check_report_year(options["year"])
    except ValidationError as error:
        command.reject("；".join(error.messages))


def _actor(command: GongkaiCommand, username: str | None) -> User | None:
    if username is None:
        return None
    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        command.reject(f"用户不存在：{username}")
    return user


def run_figures(command: GongkaiCommand, options: dict[str, Any]) -> None:
    if options["figures_action"] == "export":
        run_export(command, options)
    else:
        run_import(command, options)


def run_import(command: GongkaiCommand, options: dict[str, Any]) -> None:
    agency, fmt = _agency_and_format(command, options)
    year: int = options["year"]
    actor = _actor(command, options.get("by"))
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


def run_export(command: GongkaiCommand, options: dict[str, Any]) -> None:
    agency, fmt = _agency_and_format(command, options)
    command.stdout.write(figures_csv(fmt, report_figures(agency, options["year"])), ending="")
