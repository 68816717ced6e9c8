"""Every command run on a database that has not been migrated says so in Chinese, names `gongkai migrate`,
and exits 1 — no traceback ("no such table"). Run as `gongkai …` would be, in one fresh process on an
empty database file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

COMMANDS = [
    ["agencies", "list"],
    ["agencies", "add", "XS", "象山县人民政府"],
    ["users", "add", "wang", "--agency", "XS", "--role", "staff", "--password", "a-long-passphrase-1"],
    ["applications", "remind"],
    ["applications", "import", "register.csv", "--agency", "XS"],
    ["applications", "export", "--agency", "XS", "-o", "out.xlsx"],
    ["api", "token", "list"],
    ["demo"],
    ["report", "build", "--agency", "XS", "--year", "2024"],
    ["workdays", "show", "2025"],
    ["workdays", "add", "2025-01-01", "5"],
    ["serve", "--bind", "127.0.0.1:1"],
]

# Each command through the project's manage command, as from the shell: its exit code and stderr.
SCRIPT = """
import contextlib, io, json, sys
import django
django.setup()
from django.core.management import execute_from_command_line
results = []
for command in json.loads(sys.argv[1]):
    stderr = io.StringIO()
    code = 0
    with contextlib.redirect_stderr(stderr):
        try:
            execute_from_command_line(["gongkai", *command])
        except SystemExit as exit:
            code = exit.code
        except BaseException:
            import traceback
            traceback.print_exc()
            code = "raised"
    results.append([command, code, stderr.getvalue()])
print(json.dumps(results))
"""


def test_each_command_says_the_database_is_not_set_up(tmp_path: Path) -> None:
    (tmp_path / "register.csv").write_text(
        "受理编号,申请人类型,收到日期,申请方式,申请内容,答复日期,办理结果\n"
    )
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        "GONGKAI_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "gongkai.settings",
    }
    done = subprocess.run(  # noqa: S603 - the test's own script
        [sys.executable, "-c", SCRIPT, json.dumps(COMMANDS)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    for command, code, stderr in json.loads(done.stdout):
        assert code == 1, (command, code, stderr)
        assert "Traceback" not in stderr, (command, stderr)
        assert "数据库尚未初始化" in stderr and "gongkai migrate" in stderr, (command, stderr)
