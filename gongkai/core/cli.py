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
from django.db import connections

EXIT_REJECTED = 1
EXIT_USAGE = 2


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

    def reject(self, message: str) -> NoReturn:
        raise Rejected(message)

    def write_json(self, data: Any) -> None:
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default))


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def parse_date(text: str) -> date:
    """A `YYYY-MM-DD` argument, or a usage error in Chinese."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"日期格式应为 YYYY-MM-DD：{text}") from None
