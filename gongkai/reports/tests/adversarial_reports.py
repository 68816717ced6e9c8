"""Adversarial report inputs of a given size, for the reader's property test and its benchmark
(`benchmarks/bench_reader_adversarial.py`): long runs of digits, labels and brackets, in text and HTML.

Each maker takes a size in bytes (about; the input is cut to it on a character boundary) and gives
(bytes, file name)."""

from __future__ import annotations

from collections.abc import Callable

from gongkai.reports.tests.corpus.forms import seed

TITLE = "2023年政府信息公开工作年度报告\n"


def _cut(text: str, size: int) -> bytes:
    data = text.encode("utf-8")[:size]
    return data.decode("utf-8", errors="ignore").encode("utf-8")


def _repeat(head: str, unit: str, tail: str, size: int) -> bytes:
    room = max(0, size - len((head + tail).encode()))
    count = room // max(1, len(unit.encode())) + 1
    return _cut(head + unit * count, max(0, size - len(tail.encode()))) + tail.encode()


def _text(head: str, unit: str, tail: str = "\n") -> Callable[[int], tuple[bytes, str]]:
    return lambda size: (_repeat(head, unit, tail, size), "adversarial.txt")


def _html(head: str, unit: str, tail: str) -> Callable[[int], tuple[bytes, str]]:
    return lambda size: (_repeat(head, unit, tail, size), "adversarial.html")


def _seed_on_one_line(size: int) -> tuple[bytes, str]:
    text = " ".join(line.strip() for line in seed("002").read_text(encoding="utf-8").splitlines())
    return _repeat("", text + " ", "", size), "one_line.txt"


def _seed_then_digits(size: int) -> tuple[bytes, str]:
    text = seed("002").read_text(encoding="utf-8")
    return _repeat(text + "\t（七）总计", "1234567890", "\n", size), "seed_digits.txt"


ADVERSARIAL: dict[str, Callable[[int], tuple[bytes, str]]] = {
    "digits": _text(TITLE, "1"),
    "digits_then_件": _text(TITLE, "1", "件\n"),
    "digits_with_separators": _text(TITLE, "1 2.3、", "件\n"),
    "digits_in_a_run_row": _text(TITLE + "三、收到和处理政府信息公开申请情况\n（七）总计", "1", "\n"),
    "seed_with_a_run_row": _seed_then_digits,
    "labels_on_one_line": _text(TITLE, "（一）予以公开行政规范性文件本年新收政府信息公开申请数量"),
    "labels_one_per_line": _text(TITLE, "\t（一）予以公开\n\t行政复议\n\t0\n"),
    "label_rows_without_figures": _text(TITLE, "\t三、本年度办理结果\n\t统计指标\n\n"),
    "brackets_open": _text(TITLE, "（("),
    "brackets_mixed": _text(TITLE, "（一）〔【[(1"),
    "brackets_then_件": _text(TITLE, "（1）", "件\n"),
    "chinese_numerals": _text(TITLE, "一十二三", "件\n"),
    "dates": _text(TITLE, "2023年1月1日至"),
    "years": _text(TITLE, "2023年"),
    "tabs_and_blank_lines": _text(TITLE, "\t\n\n"),
    "whole_report_on_one_line": _seed_on_one_line,
    "html_cells": _html("<html><body><h1>2023年政府信息公开工作年度报告</h1><table><tr>", "<td>1</td>", "</tr></table>"),
    "html_rows": _html("<html><body><p>2023年政府信息公开工作年度报告</p><table>", "<tr><td>（一）予以公开</td><td>1</td></tr>", "</table>"),
    "html_nested_tables": _html("<html><body><p>2023年政府信息公开工作年度报告</p>", "<table><tr><td>", "1"),
}  # fmt: skip
