"""Every report of the corpus and every seed, rewritten into the forms real copies take (a DOCX
with Word tables, a DOCX or a web page whose tables were pasted as paragraphs, HTML grids merged as
the official format merges them, text with tab-separated cells; `corpus.copies`), reads back to the
cells, the extra cells (历年累计, the regional rows, a single （六） row) and the defects its expected
file lists, with no error it does not list. `benchmarks/bench_reader_forms.py` prints the same
measure, with the PDF made by WeasyPrint for every report."""

from __future__ import annotations

import pytest

from gongkai.reports.tests.corpus import copies

# The forms every report reads right in. Not yet `text-cells-per-line` (each cell of a table on a line
# of its own, empty cells dropped), which bench_reader_forms.py measures: hongze_2024's table 二 and
# single （六） row are read in the 2019 format there, and seeds 000 and 004 lose the defects their
# dropped blank cells make.
FAST_FORMS = [form for form in copies.FORMS if not form.startswith("pdf") and form != "text-cells-per-line"]


def _reports() -> list[str]:
    return [report.name for report in copies.all_reports()]


def _report(name: str) -> copies.Report:
    return next(report for report in copies.all_reports() if report.name == name)


def _failures(result: copies.CopyResult) -> dict[str, object]:
    accuracy = result.accuracy
    found = {
        "unreadable": accuracy.unreadable,
        "wrong": [(r.key, r.read, r.expected) for r in accuracy.wrong],
        "missing": [r.key for r in accuracy.missing],
        "unfounded": [(r.key, r.read) for r in accuracy.unfounded],
        "extra_wrong": result.extra_wrong,
        "missed": [d.describe() for d in accuracy.missed],
        "unlisted_errors": [(f.rule, f.message) for f in accuracy.unlisted_errors],
    }
    return {name: value for name, value in found.items() if value}


@pytest.mark.parametrize("form", FAST_FORMS)
def test_every_report_in_this_form_gives_its_cells_extra_cells_and_defects(form: str) -> None:
    failures = {}
    for report in copies.all_reports():
        failed = _failures(copies.measure(report, form))
        if failed:
            failures[report.name] = failed
    assert failures == {}


@pytest.mark.parametrize("name", ["pingtan_2011.txt", "hongze_2024.pdf"])
def test_the_pdf_weasyprint_makes_of_a_report_gives_its_cells_extra_cells_and_defects(name: str) -> None:
    assert _failures(copies.measure(_report(name), "pdf-weasyprint")) == {}


def test_the_measure_covers_the_whole_corpus_and_every_seed() -> None:
    names = _reports()
    assert len([name for name in names if name.startswith("seed ")]) == 5
    assert len(names) - 5 == len(list((copies.CORPUS / "expected").glob("*.json")))
