"""The five real reports of ../shared/seeds (copied into tests/seeds), read by the reader."""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path

from gongkai.reports.audit.model import ParsedReport
from gongkai.reports.audit.reader import read_report

SEEDS = Path(__file__).resolve().parent / "seeds"


@cache
def _read(prefix: str) -> ParsedReport:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return read_report(path)


def seed(prefix: str) -> ParsedReport:
    """A fresh copy of seed `prefix` ("000" … "004"): the rules see it as the reader left it."""
    return copy.deepcopy(_read(prefix))
