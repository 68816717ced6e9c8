"""The work of `gongkai applications …` (see the command for the arguments): `import FILE --agency CODE`,
`export --agency CODE -o FILE` (the register, 台账) and `remind` (the daily list of due and overdue
applications to each body's staff)."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.applications.register import RegisterRejected, import_register
from gongkai.applications.register_export import export_register
from gongkai.applications.remind import claim, reminders_for, send
from gongkai.core.cli import GongkaiCommand, output_path, parse_date
from gongkai.core.reminders import deliver_claimed, summary


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


def run_remind(command: GongkaiCommand, options: dict[str, Any]) -> None:
    today = parse_date(options["date"]) if options.get("date") else timezone.localdate()
    dry_run = bool(options.get("dry_run"))
    reminders = reminders_for(today)
    counts = {"sent": 0, "already": 0, "no_recipients": 0, "failed": 0}
    for reminder in reminders:
        agency = reminder.agency
        figures = f"已逾期 {len(reminder.overdue)} 件，即将到期 {len(reminder.due_soon)} 件"
        if not reminder.recipients:
            counts["no_recipients"] += 1
            command.stdout.write(
                f"{agency.code}\t{agency.name}\t{figures}\t无收件人（本机关工作人员均未登记电子邮箱）"
            )
            continue
        names = "、".join(user.username for user in reminder.recipients)
        if dry_run:
            command.stdout.write(f"{agency.code}\t{agency.name}\t{figures}\t将发送给 {names}")
            continue
        log = claim(reminder, today)
        if log is None:
            counts["already"] += 1
            command.stdout.write(f"{agency.code}\t{agency.name}\t{figures}\t今日已发送过，跳过")
            continue
        deliver_claimed(
            log,
            partial(send, reminder, today),
            what=f"到期提醒 {agency.code}",
            line=f"{agency.code}\t{agency.name}\t{figures}",
            names=names,
            counts=counts,
            write=command.stdout.write,
        )
    command.stdout.write(summary(today, "到期提醒", len(reminders), counts, dry_run=dry_run))
