"""The command-line convention every `gongkai` command follows (DESIGN.md, 命令行).

exit 0 on success; 1 when the data is rejected; 2 for usage errors. Results go to standard
output, messages in Chinese to standard error.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

EXIT_REJECTED = 1
EXIT_USAGE = 2

NOT_SET_UP = (
    "数据库尚未初始化或需要升级（{detail}）。请先运行 gongkai migrate 建立或升级数据表"
    "（新安装后可运行 gongkai demo 载入演示数据），然后重试。"
)
# How the databases say that a table is missing: SQLite, PostgreSQL.
MISSING_TABLE = re.compile(r"no such table: (\S+)|relation \"([^\"]+)\" does not exist")


class Rejected(CommandError):
    """The data was rejected: exit 1."""

    def __init__(self, message: str) -> None:
        super().__init__(message, returncode=EXIT_REJECTED)


class UsageError(CommandError):
    """The command was called wrongly: exit 2."""

    def __init__(self, message: str) -> None:
        super().__init__(message, returncode=EXIT_USAGE)


# argparse's own messages, in the language of our users.
_ARGPARSE_MESSAGES = [
    (re.compile(r"^the following arguments are required: (.*)$"), "缺少必需的参数：{0}"),
    (re.compile(r"^unrecognized arguments: (.*)$"), "无法识别的参数：{0}"),
    (
        re.compile(r"^argument (.*?): invalid choice: (.*?) \(choose from (.*)\)$"),
        "参数 {0} 的取值无效：{1}（可选：{2}）",
    ),
    (re.compile(r"^argument (.*?): invalid (\w+) value: (.*)$"), "参数 {0} 的值无效：{2}"),
    (re.compile(r"^argument (.*?): expected one argument$"), "参数 {0} 需要一个值"),
    (re.compile(r"^argument (.*?): not allowed with argument (.*)$"), "参数 {0} 不能与 {1} 同时使用"),
    (re.compile(r"^one of the arguments (.*) is required$"), "必须提供以下参数之一：{0}"),
    # An argument's own type check (argparse.ArgumentTypeError) already says what is wrong, in Chinese.
    (re.compile(r"^argument (.*?): (.*)$", re.DOTALL), "参数 {0}：{1}"),
]


def translate_usage_error(message: str) -> str:
    for pattern, chinese in _ARGPARSE_MESSAGES:
        if match := pattern.match(message):
            return chinese.format(*match.groups())
    return message


class ChineseCommandParser(CommandParser):
    def error(self, message: str) -> NoReturn:
        message = translate_usage_error(message)
        if self.called_from_command_line:
            self.print_usage(sys.stderr)
            self.exit(EXIT_USAGE, f"{self.prog}：用法错误：{message}\n")
        raise UsageError(message)


def _use_chinese_errors(parser: argparse.ArgumentParser) -> None:
    parser.__class__ = ChineseCommandParser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                _use_chinese_errors(sub)


class GongkaiCommand(BaseCommand):
    """Base for the project's commands: Chinese errors on stderr with the convention's exit codes."""

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        _use_chinese_errors(parser)
        return parser

    def run_from_argv(self, argv: list[str]) -> None:
        # Django's own version prints "CommandError: …"; ours prints the message in Chinese.
        self._called_from_command_line = True
        parser = self.create_parser(argv[0], argv[1])
        options = parser.parse_args(argv[2:])
        cmd_options = vars(options)
        args = cmd_options.pop("args", ())
        try:
            self.execute(*args, **cmd_options)
        except CommandError as error:
            if cmd_options.get("traceback"):
                raise
            self.stderr.write(f"错误：{error}")
            sys.exit(error.returncode)
        finally:
            connections.close_all()

    def execute(self, *args: Any, **options: Any) -> Any:
        """The command, with a database that is not set up (or cannot be reached) said in Chinese."""
        try:
            return super().execute(*args, **options)
        except DatabaseError as error:
            if missing := MISSING_TABLE.search(str(error)):
                raise Rejected(
                    NOT_SET_UP.format(detail=f"缺少数据表 {missing.group(1) or missing.group(2)}")
                ) from None
            if "could not connect" in str(error) or "unable to open database" in str(error):
                raise Rejected(
                    f"无法连接数据库（{str(error).strip().splitlines()[0]}）：请检查 DATABASE_URL。"
                ) from None
            raise

    def require_migrated(self) -> None:
        """Refuse to go on while migrations are unapplied (a server would answer every page with a 500)."""
        from django.db.migrations.executor import MigrationExecutor

        try:
            executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
            plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        except DatabaseError as error:
            raise Rejected(
                f"无法连接数据库（{str(error).strip().splitlines()[0]}）：请检查 DATABASE_URL。"
            ) from None
        if plan:
            raise Rejected(NOT_SET_UP.format(detail=f"有 {len(plan)} 个数据库迁移尚未执行"))

    def reject(self, message: str) -> NoReturn:
        raise Rejected(message)

    def write_json(self, data: Any) -> None:
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default))


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def output_path(text: str) -> str:
    """A `-o FILE` argument whose folder exists, or one clear error naming the folder, exit 1 (as `report
    build` says it), before anything is written: no traceback, no half-written file."""
    from pathlib import Path

    folder = Path(text).expanduser().resolve().parent
    if not folder.is_dir():
        raise Rejected(f"输出文件所在的文件夹不存在：{folder}（请先创建该文件夹）")
    if Path(text).is_dir():
        raise Rejected(f"-o 应为文件，而 {text} 是一个文件夹")
    return text


def parse_date(text: str) -> date:
    """A `YYYY-MM-DD` argument, or a usage error in Chinese."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"日期格式应为 YYYY-MM-DD：{text}") from None
