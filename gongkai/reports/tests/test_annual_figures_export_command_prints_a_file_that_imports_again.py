"""`gongkai report figures export --agency CODE --year YYYY` prints every key of table 二 of the year's
format with its figure (blank where none was entered): the same CSV the import reads, so that it
imports again and changes nothing."""

from __future__ import annotations

from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.reports.annual import services
from gongkai.reports.annual.figures import figure_keys
from gongkai.reports.models import AnnualReportEvent, YearlyFigure
from gongkai.reports.tests.annual_workflow_factories import JANUARY, make_cast

pytestmark = pytest.mark.django_db


def export(year: int) -> str:
    out = StringIO()
    call_command("report", "figures", "export", "--agency", "NB-FGW", "--year", str(year), stdout=out)
    return out.getvalue()


def test_every_key_of_the_format_is_printed_in_the_tables_order() -> None:
    cast = make_cast()
    services.yearly_figures_save(
        actor=cast.staff,
        agency=cast.agency,
        year=2024,
        values={"item20_5.licensing.decisions": 120, "item20_8.fees.amount_10k_yuan": Decimal("0.0350")},
        today=JANUARY,
    )
    lines = export(2024).split("\r\n")
    assert lines[0] == "key,value"
    assert [line.split(",")[0] for line in lines[1:-1]] == figure_keys("2021")
    assert "item20_5.licensing.decisions,120" in lines
    assert "item20_8.fees.amount_10k_yuan,0.035" in lines
    assert "item20_6.penalty.decisions," in lines  # blank, not 0


def test_a_2019_format_year_prints_the_2019_keys() -> None:
    make_cast()
    keys = [line.split(",")[0] for line in export(2020).split("\r\n")[1:-1]]
    assert keys == figure_keys("2019") and "item20_9.procurement.amount" in keys


def test_the_export_imports_again_and_changes_nothing(tmp_path: Path) -> None:
    cast = make_cast()
    services.yearly_figures_save(
        actor=cast.staff,
        agency=cast.agency,
        year=2024,
        values={"item20_5.licensing.decisions": 120, "item20_8.fees.amount_10k_yuan": Decimal("1.2345")},
        today=JANUARY,
    )
    path = tmp_path / "figures.csv"
    path.write_text(export(2024), encoding="utf-8")
    before = dict(YearlyFigure.objects.values_list("key", "value"))
    out = StringIO()
    call_command("report", "figures", "import", str(path), "--agency", "NB-FGW", "--year", "2024", stdout=out)
    assert "其中 0 项有变化" in out.getvalue()
    assert dict(YearlyFigure.objects.values_list("key", "value")) == before
    assert AnnualReportEvent.objects.filter(kind="figures").count() == 1


def test_an_unknown_body_or_an_old_year_is_rejected() -> None:
    make_cast()
    for args in (["--agency", "NOPE", "--year", "2024"], ["--agency", "NB-FGW", "--year", "2017"]):
        with pytest.raises(CommandError) as raised:
            call_command("report", "figures", "export", *args, stdout=StringIO())
        assert raised.value.returncode == 1
