"""Opening a report drafts 一、总体情况 from the body's figures; while staff have not touched it, it follows
the figures as they are entered; once they edit it, it is theirs, and "re-draft from the figures" replaces
it with a new draft from the figures as they are now, as an event with the text before."""

from __future__ import annotations

import pytest

from gongkai.reports.annual import services
from gongkai.reports.models import AnnualReportEvent
from gongkai.reports.tests.annual_workflow_factories import (
    JANUARY,
    YEAR,
    make_cast,
    opened,
    with_applications,
)

pytestmark = pytest.mark.django_db


def test_the_overview_is_drafted_from_the_figures_when_the_report_is_opened() -> None:
    cast = make_cast()
    with_applications(cast)
    report = opened(cast)
    assert report.overview.startswith("（一）主动公开情况。")
    assert "本机关新收政府信息公开申请4件" in report.overview
    again = services.annual_report_open(actor=cast.staff, agency=cast.agency, year=YEAR, today=JANUARY)
    assert again.pk == report.pk and report.events.count() == 1  # opening again changes nothing


def test_redrafting_uses_the_figures_as_they_are_now() -> None:
    cast = make_cast()
    report = opened(cast)
    services.annual_report_edit(
        actor=cast.staff, report=report, overview="我们自己写的总体情况。", today=JANUARY
    )
    services.yearly_figures_save(
        actor=cast.staff,
        agency=cast.agency,
        year=YEAR,
        values={"item20_5.licensing.decisions": 77},
        today=JANUARY,
    )
    services.annual_report_redraft_overview(actor=cast.staff, report=report, today=JANUARY)
    report.refresh_from_db()
    assert "行政许可处理决定77件" in report.overview
    event = report.events.filter(kind=AnnualReportEvent.Kind.EDITED).last()
    assert event is not None and event.note == "按年度数据重新起草总体情况"
    assert event.before == {"overview": "我们自己写的总体情况。"}


def test_an_edit_records_only_the_sections_that_changed() -> None:
    cast = make_cast()
    report = opened(cast)
    changed = services.annual_report_edit(
        actor=cast.staff, report=report, overview=report.overview, problems="问题\r\n改进  ", today=JANUARY
    )
    assert changed == ["problems"]
    event = report.events.get(kind=AnnualReportEvent.Kind.EDITED)
    assert event.before == {"problems": ""} and event.after == {"problems": "问题\n改进"}
    assert (
        services.annual_report_edit(actor=cast.staff, report=report, problems="问题\n改进", today=JANUARY)
        == []
    )


def test_an_untouched_overview_follows_the_figures_and_an_edited_one_does_not() -> None:
    cast = make_cast()
    report = opened(cast)
    services.yearly_figures_save(
        actor=cast.staff,
        agency=cast.agency,
        year=YEAR,
        values={"item20_5.licensing.decisions": 77},
        today=JANUARY,
    )
    report.refresh_from_db()
    assert "行政许可处理决定77件" in report.overview
    assert report.events.filter(kind=AnnualReportEvent.Kind.EDITED, note__contains="尚未修改过").exists()

    services.annual_report_edit(
        actor=cast.staff, report=report, overview=report.overview + "另有补充。", today=JANUARY
    )
    services.yearly_figures_save(
        actor=cast.staff,
        agency=cast.agency,
        year=YEAR,
        values={"item20_5.licensing.decisions": 78},
        today=JANUARY,
    )
    report.refresh_from_db()
    assert "行政许可处理决定77件" in report.overview and report.overview.endswith("另有补充。")
