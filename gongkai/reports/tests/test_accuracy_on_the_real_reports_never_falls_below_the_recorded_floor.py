"""The reader on the real published reports of `real_reports/` (a copy of ../shared/corpus with its hand-made
`expected/*.json`), measured by `accuracy`: per report, no fewer cells read right, no more read wrong or
without ground, no fewer expected defects found, no more errors or known false positives nobody listed,
and no more facts wrong than the reader of the day the floor was recorded.

The floors are raised as the reader improves. Before the reader's redesign of issue 7 only the PDF and
the HTML page had their tables read (379 of 844 cells; every text copy gave 0 cells, 2 of 9 defects
found); after it (2026-12-06), 843 of 844 right, none wrong, 6 of 9 defects found, no unlisted error;
then (the PDF's framed prose read as paragraphs, the regional 历年累计 column's blank, the repeated
phrase, the page's date), 844 of 844 right, 9 of 9 defects found, no unlisted error and, apart from
pingtan_2023's overview over a thousand characters (a true warning its expected file does not list),
no unlisted warning, every fact right. The quality bar of issue 7 is every established cell right,
every listed defect found and no unlisted error."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

import pytest

from gongkai.reports.accuracy import CorpusAccuracy, measure_folder

REAL_REPORTS = Path(__file__).resolve().parent / "real_reports"

# file: (cells right ≥, cells wrong ≤, cells unfounded ≤, defects found ≥, unlisted errors ≤,
#        known false positives ≤, facts wrong ≤, unlisted warnings ≤)
FLOORS = {
    "hongze_2024.pdf": (179, 0, 0, 2, 0, 0, 0, 0),
    "pingtan_2011.txt": (14, 0, 0, 1, 0, 0, 0, 0),
    "pingtan_2013.txt": (14, 0, 0, 4, 0, 0, 0, 0),
    "pingtan_2015.txt": (12, 0, 0, 0, 0, 0, 0, 0),
    "pingtan_2017.txt": (12, 0, 0, 0, 0, 0, 0, 0),
    "pingtan_2019.txt": (199, 0, 0, 1, 0, 0, 0, 0),
    "pingtan_2023.txt": (200, 0, 0, 0, 0, 0, 0, 1),
    "pingtan_2023.html": (200, 0, 0, 0, 0, 0, 0, 1),
    "pingtanxian_2012.txt": (14, 0, 0, 1, 0, 0, 0, 0),
}


@cache
def _measured() -> CorpusAccuracy:
    return measure_folder(REAL_REPORTS)


def test_every_real_report_is_the_file_its_expected_result_was_made_from() -> None:
    for path in sorted((REAL_REPORTS / "expected").glob("*.json")):
        expected = json.loads(path.read_text(encoding="utf-8"))
        data = (REAL_REPORTS / expected["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == expected["sha256"], expected["file"]
    assert {r.file for r in _measured().reports} == set(FLOORS)
    assert _measured().without_expected == []


@pytest.mark.parametrize("file", sorted(FLOORS))
def test_the_reader_reads_a_real_report_no_worse_than_the_floor(file: str) -> None:
    (report,) = [r for r in _measured().reports if r.file == file]
    right, wrong, unfounded, found, errors, false_alarms, facts_wrong, warnings = FLOORS[file]
    figures = report.figures()
    assert report.unreadable is None
    assert figures["cells_right"] >= right, report.missing[:5]
    assert figures["cells_wrong"] <= wrong, report.wrong
    assert figures["cells_unfounded"] <= unfounded, report.unfounded
    assert figures["defects_found"] >= found, report.missed
    assert figures["unlisted_errors"] <= errors, [f.message for f in report.unlisted_errors]
    assert figures["false_alarms"] <= false_alarms, [f.message for f in report.false_alarms]
    assert figures["facts_wrong"] <= facts_wrong, report.facts_wrong
    assert figures["unlisted_warnings"] <= warnings, [f.message for f in report.unlisted_warnings]
