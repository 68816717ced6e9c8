"""Table 二's yearly figures are entered per body and year: all or none, a figure left empty stays
blank (never 0), and each change is an event of the report with before and after, and a line of the
audit log."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.core.models import AuditLog
from gongkai.reports.annual import services
from gongkai.reports.annual.cells import report_cells
from gongkai.reports.models import AnnualReport, AnnualReportEvent, YearlyFigure
from gongkai.reports.tests.annual_workflow_factories import JANUARY, YEAR, Cast, make_cast

pytestmark = pytest.mark.django_db


def save(cast: Cast, values: dict[str, Any], actor: User | None = None) -> services.FiguresSaved:
    return services.yearly_figures_save(
        actor=actor or cast.staff, agency=cast.agency, year=YEAR, values=values, today=JANUARY
    )


def test_the_figures_are_saved_and_the_report_opened_as_a_draft() -> None:
    cast = make_cast()
    saved = save(
        cast, {"item20_5.licensing.decisions": 120, "item20_8.fees.amount_10k_yuan": Decimal("1.25")}
    )

    assert saved.report.state == AnnualReport.State.DRAFT
    assert sorted(saved.changed) == ["item20_5.licensing.decisions", "item20_8.fees.amount_10k_yuan"]
    cells, _ = report_cells(cast.agency, YEAR)
    assert cells["item20_5.licensing.decisions"] == 120
    assert cells["item20_8.fees.amount_10k_yuan"] == Decimal("1.25")
    assert cells["item20_6.penalty.decisions"] is None  # never entered: blank, not 0
    event = saved.report.events.get(kind=AnnualReportEvent.Kind.FIGURES)
    assert event.actor == cast.staff
    assert event.before == {"item20_5.licensing.decisions": None, "item20_8.fees.amount_10k_yuan": None}
    assert event.after == {"item20_5.licensing.decisions": 120, "item20_8.fees.amount_10k_yuan": "1.25"}
    assert AuditLog.objects.filter(action="annual_report_figures", actor=cast.staff, outcome="done").exists()


def test_a_change_records_the_figure_before_and_after_and_none_clears_it() -> None:
    cast = make_cast()
    save(cast, {"item20_5.licensing.decisions": 120, "item20_6.penalty.decisions": 8})
    saved = save(cast, {"item20_5.licensing.decisions": 121, "item20_6.penalty.decisions": None})

    event = saved.report.events.filter(kind=AnnualReportEvent.Kind.FIGURES).last()
    assert event is not None
    assert event.before == {"item20_5.licensing.decisions": 120, "item20_6.penalty.decisions": 8}
    assert event.after == {"item20_5.licensing.decisions": 121, "item20_6.penalty.decisions": None}
    assert not YearlyFigure.objects.filter(key="item20_6.penalty.decisions").exists()


def test_saving_the_same_figures_again_records_nothing() -> None:
    cast = make_cast()
    save(cast, {"item20_5.licensing.decisions": 120})
    saved = save(cast, {"item20_5.licensing.decisions": 120})
    assert saved.changed == []
    assert AnnualReportEvent.objects.filter(kind=AnnualReportEvent.Kind.FIGURES).count() == 1


def test_a_bad_key_rejects_every_figure() -> None:
    cast = make_cast()
    with pytest.raises(ValidationError) as error:
        save(cast, {"item20_5.licensing.decisions": 120, "item20_5.other_services.change": 3})
    assert "item20_5.other_services.change" in error.value.message_dict
    assert not YearlyFigure.objects.exists()
    assert not AnnualReport.objects.exists()


def test_bad_typed_values_get_a_chinese_message_per_field() -> None:
    values = services.clean_figures(
        "2021", {"item20_5.licensing.decisions": "12", "item20_8.fees.amount_10k_yuan": ""}
    )
    assert values == {"item20_5.licensing.decisions": 12, "item20_8.fees.amount_10k_yuan": None}
    with pytest.raises(ValidationError) as error:
        services.clean_figures(
            "2021",
            {
                "item20_5.licensing.decisions": "十二",
                "item20_6.penalty.decisions": "-1",
                "item20_6.coercion.decisions": "1.5",
                "item20_8.fees.amount_10k_yuan": "1.23456",
            },
        )
    messages = error.value.message_dict
    assert "不是数字" in messages["item20_5.licensing.decisions"][0]
    assert "不能为负数" in messages["item20_6.penalty.decisions"][0]
    assert "应为整数" in messages["item20_6.coercion.decisions"][0]
    assert "最多保留4位小数" in messages["item20_8.fees.amount_10k_yuan"][0]


def test_only_the_bodys_staff_and_head_enter_figures_and_a_refusal_is_logged() -> None:
    cast = make_cast()
    for user in (cast.outsider, cast.supervisor):
        with pytest.raises(PermissionDenied):
            save(cast, {"item20_5.licensing.decisions": 1}, actor=user)
    assert not YearlyFigure.objects.exists()
    assert AuditLog.objects.filter(action="yearly_figures_save", outcome="refused").count() == 2
    save(cast, {"item20_5.licensing.decisions": 1}, actor=cast.head)
    assert YearlyFigure.objects.get().entered_by == cast.head
