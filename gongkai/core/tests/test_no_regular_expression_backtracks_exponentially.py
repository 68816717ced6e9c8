"""No regular expression of the project backtracks exponentially: a long run of the characters it
repeats, followed by one that makes it fail, is answered at once (issue 8: a 76-byte upload kept a
worker busy for a minute because of one such pattern)."""

from __future__ import annotations

import importlib
import pkgutil
import re
import subprocess
import sys
import time

import gongkai

# Runs of 24 characters: an exponential pattern needs ~2^24 steps (seconds), a fixed one microseconds.
RUN = 24
KILLERS = ("\x00", "件", "a", "）", "\n")
ALPHABET = "1０.．+- \u3000一十（）()〔〕、，：件年月日第条项"


def _project_patterns() -> list[tuple[str, re.Pattern[str]]]:
    patterns: list[tuple[str, re.Pattern[str]]] = []
    for module_info in pkgutil.walk_packages(gongkai.__path__, "gongkai."):
        name = module_info.name
        if ".tests" in name or ".migrations" in name or name.endswith((".wsgi", ".asgi")):
            continue
        module = importlib.import_module(name)
        for attribute, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                patterns.append((f"{name}.{attribute}", value))
    return patterns


def _attacks(pattern: re.Pattern[str]) -> list[str]:
    own = {ch for ch in pattern.pattern if not ch.isascii() or ch.isdigit()}
    characters = sorted(set(ALPHABET) | own)
    runs = [ch * RUN for ch in characters] + [(a + b) * (RUN // 2) for a in "1一（ " for b in "1 .、"]
    return [run + killer for run in runs for killer in KILLERS]


def slow_patterns(limit: float = 1.0) -> list[str]:
    slow = []
    for name, pattern in _project_patterns():
        for attack in _attacks(pattern):
            started = time.perf_counter()
            pattern.search(attack)
            if time.perf_counter() - started > limit:
                slow.append(f"{name} on {attack!r}")
                break
    return slow


def test_every_module_level_pattern_answers_an_adversarial_run_at_once() -> None:
    # In a child process with a timeout: a catastrophic pattern must fail the test, not hang it.
    script = (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'gongkai.settings'); django.setup();"
        "from gongkai.core.tests.test_no_regular_expression_backtracks_exponentially import slow_patterns;"
        "print('\\n'.join(slow_patterns()))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)  # noqa: S603 - the test's own script
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_the_patterns_checked_include_the_report_readers() -> None:
    names = {name for name, _ in _project_patterns()}
    assert "gongkai.reports.audit.text_rows._TRAILING_FIGURES" in names
    assert len(names) > 50
