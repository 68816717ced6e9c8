"""The repeated-phrase check of `typo` reads a line once: a megabyte of prose, of one phrase repeated
over and over, or of a run of one character, is answered in a bounded time (about half a second of
CPU on the development machine; a check that compared every length at every position would take
hours), and each repetition is found where it starts."""

from __future__ import annotations

import random
import time

import pytest

from gongkai.reports.rules.wording import PHRASE_LONGEST, repeated_phrases

HAN = [chr(code) for code in range(0x4E00, 0x4E00 + 3000)]


def _random_prose(size: int) -> str:
    chooser = random.Random(7)
    return "".join(chooser.choice(HAN) for _ in range(size))


@pytest.mark.parametrize(
    "line",
    [
        _random_prose(1_000_000),
        "聚焦新中国成立七十周年专场新闻发布会" * 55_000,
        "申" * 1_000_000,
        "申请" * 500_000,
        ("一" * PHRASE_LONGEST + "二") * 8_000,
    ],
    ids=["random-prose", "a-phrase-over-and-over", "one-character", "two-characters", "near-misses"],
)
def test_a_megabyte_line_is_read_in_linear_time(line: str) -> None:
    started = time.process_time()
    repeated_phrases(line)
    assert time.process_time() - started < 2.0


def test_a_phrase_repeated_in_a_run_is_found_where_it_repeats() -> None:
    phrase = "聚焦新中国成立七十周年专场新闻发布会"
    line = "开头的文字，" + phrase * 3 + "。"
    found = repeated_phrases(line)
    assert found[0] == (line.index(phrase), len(phrase))
    assert all(line[start : start + size] == phrase for start, size in found)
