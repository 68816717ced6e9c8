"""Once a body keeps its normative documents in Gongkai, table 二 第（一）项 (规章, 行政规范性文件: issued,
repealed or expired, in force) is computed from those records (the proactive-disclosure app's
`normative_document_figures`): the computed figures are in the report, and the entered ones can no longer
be changed, by the form or by import. Until then every figure is entered."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from gongkai.reports.annual import figures, services
from gongkai.reports.annual.cells import report_cells
from gongkai.reports.annual.figures_csv import FiguresRejected, read_figures_csv
from gongkai.reports.tests.annual_workflow_factories import JANUARY, YEAR, make_cast

pytestmark = pytest.mark.django_db

COMPUTED = {
    "item20_1.normative_documents.issued": 4,
    "item20_1.normative_documents.repealed": 2,
    "item20_1.normative_documents.in_force": 30,
}


@pytest.fixture
def provider(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """A stand-in for `gongkai.publications.figures`: the records of 2024 are complete, other years not."""
    calls: list[Any] = []

    def normative_document_figures(agency: Any, year: int, fmt: str) -> dict[str, int] | None:
        calls.append((agency.code, year, fmt))
        return dict(COMPUTED) if year == YEAR else None

    module = types.ModuleType("gongkai.publications.figures")
    module.normative_document_figures = normative_document_figures  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "gongkai.publications.figures", module)
    figures._normative_document_provider.cache_clear()
    yield calls
    figures._normative_document_provider.cache_clear()


def test_without_the_records_nothing_is_computed_and_every_figure_is_entered() -> None:
    cast = make_cast()
    assert figures.computed_figure_keys(cast.agency, YEAR) == set()
    services.yearly_figures_save(
        actor=cast.staff,
        agency=cast.agency,
        year=YEAR,
        values={"item20_1.normative_documents.issued": 9},
        today=JANUARY,
    )
    cells, _ = report_cells(cast.agency, YEAR)
    assert cells["item20_1.normative_documents.issued"] == 9


def test_computed_figures_replace_the_entered_ones_in_the_report(provider: list[Any]) -> None:
    cast = make_cast()
    assert figures.computed_figure_keys(cast.agency, YEAR) == set(COMPUTED)
    assert ("NB-FGW", YEAR, "2021") in provider
    cells, _ = report_cells(cast.agency, YEAR)
    assert {key: cells[key] for key in COMPUTED} == COMPUTED
    assert cells["item20_1.regulations.issued"] is None  # not computed: still entered


def test_a_computed_figure_cannot_be_changed_but_the_others_can(provider: list[Any]) -> None:
    cast = make_cast()
    with pytest.raises(ValidationError) as error:
        services.yearly_figures_save(
            actor=cast.staff,
            agency=cast.agency,
            year=YEAR,
            values={"item20_1.normative_documents.issued": 9, "item20_5.licensing.decisions": 1},
            today=JANUARY,
        )
    assert "规范性文件记录计算" in error.value.message_dict["item20_1.normative_documents.issued"][0]
    saved = services.yearly_figures_save(
        actor=cast.staff,
        agency=cast.agency,
        year=YEAR,
        values={"item20_1.normative_documents.issued": 4, "item20_5.licensing.decisions": 1},
        today=JANUARY,
    )
    assert saved.changed == ["item20_5.licensing.decisions"]


def test_an_import_may_repeat_a_computed_figure_but_not_change_it(provider: list[Any]) -> None:
    cast = make_cast()
    computed = figures.computed_figures(cast.agency, YEAR)
    same = b"key,value\nitem20_1.normative_documents.issued,4\n"
    assert read_figures_csv(same, fmt="2021", computed=computed) == {"item20_1.normative_documents.issued": 4}
    with pytest.raises(FiguresRejected) as error:
        read_figures_csv(b"key,value\nitem20_1.normative_documents.issued,5\n", fmt="2021", computed=computed)
    assert "第 2 行" in str(error.value.row_errors[0])


def test_a_year_whose_records_are_incomplete_is_entered(provider: list[Any]) -> None:
    cast = make_cast()
    assert figures.computed_figure_keys(cast.agency, YEAR - 1) == set()
