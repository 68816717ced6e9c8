"""The command-line convention every `gongkai` command follows (DESIGN.md, 命令行).

exit 0 on success; 1 when the data is rejected; 2 for usage errors. Results go to standard
output, messages in Chinese to standard error.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandError
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


class GongkaiCommand(BaseCommand):
    """Base for the project's commands: Chinese errors on stderr with the convention's exit codes."""

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
