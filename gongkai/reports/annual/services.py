"""Every change of a body's annual report (条例第四十九条、第五十条): its yearly figures, its prose, and its
way from draft to publication.

    draft ──submit──▶ submitted ──approve (head)──▶ approved ──publish──▶ published
      ▲                  │                            │                      │
      └─────return (with a reason)────────────────────┘        start_correction (with a reason)
      ▲                                                                      │
      └──────────────────────────────────────────────────────────────────────┘

Each service is keyword-only and runs in one transaction. It
- locks the report's row and works on its current state;
- checks the actor's role for the report's body (`gongkai.agencies.permissions`): staff or head for
  everything, the head alone to approve; an actor of None is the command line (figures import);
- refuses what the state does not allow with `ReportRefused` (a `ValidationError` in Chinese): editing
  anything but a draft — a published report is frozen, its correction is a new version — submitting
  a report on a year not yet ended, or one with an error, publishing before the year has ended, or
  what differs from what the head approved. Refusals of role and of state are written to the audit
  log once the refused transaction has rolled back, and change nothing else;
- rejects bad input with a plain `ValidationError` (a dict of field → Chinese message);
- writes one `AnnualReportEvent` (who, when, before/after) and one audit-log line, and checks the
  report again, keeping the findings on the report for the supervision dashboard.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import require_act, require_head
from gongkai.reports import formats
from gongkai.reports.annual.cells import is_covered
from gongkai.reports.annual.changes import content_changes, describe_changes, has_changes
from gongkai.reports.annual.content import build_content, drafted_overview, number_json
from gongkai.reports.annual.deadlines import report_deadline
from gongkai.reports.annual.figures import Number, computed_figures, figure_keys, parse_value
from gongkai.reports.annual.review import CheckedReport
from gongkai.reports.annual.selectors import year_has_ended
from gongkai.reports.annual.steps import (
    PROSE_LABELS,
    REASON_LIMIT,
    ReportRefused,
    clean_reason,
    clean_text,
    lock,
    record_event,
    require_act_or_command_line,
    require_draft,
    service,
    state_label,
    store_check,
    today_or,
    user_of,
)
from gongkai.reports.counts import check_report_year
from gongkai.reports.models import AnnualReport, AnnualReportEvent, AnnualReportVersion, YearlyFigure

__all__ = [
    "FiguresSaved",
    "ReportRefused",
    "annual_report_approve",
    "annual_report_edit",
    "annual_report_open",
    "annual_report_publish",
    "annual_report_redraft_overview",
    "annual_report_return",
    "annual_report_start_correction",
    "annual_report_submit",
    "clean_figures",
    "store_check",
    "yearly_figures_save",
]

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    Actor = User | AnonymousUser

State = AnnualReport.State
Kind = AnnualReportEvent.Kind

# ---------------------------------------------------------------------------------------------------
# Opening a report, editing its prose, entering its figures


def _check_year(agency: Agency, year: int, today: date) -> str:
    try:
        fmt = check_report_year(year)
    except ValidationError as error:
        raise ValidationError({"year": error.messages}) from None
    if year > today.year:
        raise ValidationError({"year": f"{year}年度尚未开始，不能编制该年度的报告。"})
    covering = is_covered(agency, year)
    if covering is not None:
        raise ReportRefused(
            f"{agency.name}{year}年度的政府信息公开情况由{covering.name}的年度报告涵盖，"
            f"不单独编制报告；请在{covering.name}的报告中办理。"
        )
    return fmt


def _open(actor: Actor | None, agency: Agency, year: int, today: date) -> AnnualReport:
    fmt = _check_year(agency, year, today)
    if (report := AnnualReport.objects.filter(agency=agency, year=year).first()) is not None:
        return report
    # Two people opening the report at once get one report (the second finds the first's).
    report, created = AnnualReport.objects.get_or_create(
        agency=agency, year=year, defaults={"format": fmt, "overview": drafted_overview(agency, year)}
    )
    if not created:
        return report
    note = "" if year_has_ended(year, today) else f"{year}年度尚未结束，只能保存为草稿"
    record_event(report, Kind.CREATED, actor, note=note, after={"state": State.DRAFT, "format": fmt})
    return report


@service("annual_report_open")
def annual_report_open(*, actor: Actor, agency: Agency, year: int, today: date | None = None) -> AnnualReport:
    """The body's report on `year`, created as a draft with its overview drafted from the figures when
    it does not exist yet. A year not yet ended can be opened, as a draft only."""
    require_act(actor, agency)
    today = today_or(today)
    report = _open(actor, agency, year, today)
    store_check(report, today=today)
    return report


@service("annual_report_edit")
def annual_report_edit(
    *,
    actor: Actor,
    report: AnnualReport,
    overview: str | None = None,
    problems: str | None = None,
    assessment: str | None = None,
    other_matters: str | None = None,
    today: date | None = None,
) -> list[str]:
    """Staff's prose: 一、总体情况, 五、存在的主要问题及改进情况 (and for a government 工作考核、社会评议和
    责任追究结果情况, 条例第五十条), 六 (beneath the fee sentence drawn from the fee records). Returns the
    fields that changed."""
    require_act(actor, report.agency)
    lock(report)
    require_draft(report, "修改")
    given = {
        "overview": overview,
        "problems": problems,
        "assessment": assessment,
        "other_matters": other_matters,
    }
    errors: dict[str, list[str]] = {}
    new: dict[str, str] = {}
    for field, value in given.items():
        if value is None:
            continue
        try:
            new[field] = clean_text(field, value)
        except ValidationError as error:
            errors.update(error.message_dict)
    if new.get("assessment") and report.agency.kind != Agency.Kind.GOVERNMENT:
        errors["assessment"] = [
            "工作考核、社会评议和责任追究结果情况只在人民政府的年度报告中报告（条例第五十条）。"
        ]
    if errors:
        raise ValidationError(errors)
    changed = [field for field, value in new.items() if getattr(report, field) != value]
    if changed:
        before = {field: getattr(report, field) for field in changed}
        for field in changed:
            setattr(report, field, new[field])
        report.save(update_fields=[*changed, "updated_at"])
        labels = "、".join(PROSE_LABELS[field] for field in changed)
        record_event(
            report,
            Kind.EDITED,
            actor,
            note=f"修改{labels}",
            before=before,
            after={f: new[f] for f in changed},
        )
        store_check(report, today=today)
    return changed


@service("annual_report_redraft_overview")
def annual_report_redraft_overview(*, actor: Actor, report: AnnualReport, today: date | None = None) -> None:
    """一、总体情况 drafted again from the figures as they are now, replacing staff's text."""
    require_act(actor, report.agency)
    lock(report)
    require_draft(report, "重新起草")
    if _redraft(report, actor, "按年度数据重新起草总体情况"):
        store_check(report, today=today)


def _redraft(report: AnnualReport, actor: Actor | None, note: str) -> bool:
    """一、总体情况 drafted from the figures as they are now, as an edit; False when nothing changed."""
    drafted = drafted_overview(report.agency, report.year)
    if drafted == report.overview:
        return False
    before = {"overview": report.overview}
    report.overview = drafted
    report.save(update_fields=["overview", "updated_at"])
    record_event(report, Kind.EDITED, actor, note=note, before=before, after={"overview": drafted})
    return True


@dataclass
class FiguresSaved:
    report: AnnualReport
    changed: list[str]  # the keys whose figure changed


def clean_figures(fmt: str, raw: Mapping[str, str]) -> dict[str, Number | None]:
    """Typed figures by key ("" → blank), or a ValidationError naming every bad field."""
    wanted = set(figure_keys(fmt))
    values: dict[str, Number | None] = {}
    errors: dict[str, list[str]] = {}
    for key, text in raw.items():
        if key not in wanted:
            errors[key] = [f"{fmt}年格式的第二部分没有单元格“{key[:60]}”"]
            continue
        try:
            values[key] = parse_value(fmt, key, text) if text.strip() else None
        except ValueError as error:
            errors[key] = [str(error)]
    if errors:
        raise ValidationError(errors)
    return values


def _figure_errors(
    fmt: str, wanted: set[str], computed: Mapping[str, Number], values: Mapping[str, Number | None]
) -> dict[str, list[str]]:
    """Why each key given cannot be saved: not a cell of table 二, or a figure computed from the records."""
    errors: dict[str, list[str]] = {}
    for key, value in values.items():
        if key not in wanted:
            errors[key] = [f"{fmt}年格式的第二部分没有单元格“{key[:60]}”"]
        elif key in computed and value != computed[key]:
            errors[key] = [f"{formats.label_for(fmt, key)}：已由本机关的规范性文件记录计算，不能修改"]
    return errors


@service("yearly_figures_save")
def yearly_figures_save(
    *,
    actor: Actor | None,
    agency: Agency,
    year: int,
    values: Mapping[str, Number | None],
    source: str = "网页填报",
    today: date | None = None,
) -> FiguresSaved:
    """The figures of table 二 for the body and year, all or none: a value sets the figure, None leaves
    it blank (never 0); keys not given are unchanged. Figures computed from the body's records cannot be
    changed. The report is opened (as a draft) if it was not yet; it must be a draft."""
    require_act_or_command_line(actor, agency)
    today = today_or(today)
    fmt = _check_year(agency, year, today)
    wanted = set(figure_keys(fmt))
    computed = computed_figures(agency, year)
    errors = _figure_errors(fmt, wanted, computed, values)
    if errors:
        raise ValidationError(errors)
    existing = AnnualReport.objects.filter(agency=agency, year=year).first()
    if existing is not None:
        lock(existing)
        require_draft(existing, "修改年度数据")
    # An overview staff have not touched follows the figures it quotes; one they wrote is left alone
    # (the edit page offers to draft it again).
    untouched = existing is not None and existing.overview == drafted_overview(agency, year)
    stored = {
        figure.key: figure
        for figure in YearlyFigure.objects.select_for_update().filter(
            agency=agency, year=year, key__in=wanted
        )
    }
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for key in figure_keys(fmt):  # in the table's order
        if key not in values or key in computed:
            continue
        value = values[key]
        figure = stored.get(key)
        old: Number | None = figure.value if figure else None
        if (old is None and value is None) or (
            old is not None and value is not None and Decimal(old) == value
        ):
            continue
        before[key], after[key] = number_json(_as_number(old)), number_json(value)
        if value is None:
            assert figure is not None
            figure.delete()
        elif figure is None:
            YearlyFigure.objects.create(
                agency=agency, year=year, key=key, value=value, entered_by=user_of(actor)
            )
        else:
            figure.value, figure.entered_by = Decimal(value), user_of(actor)
            figure.save(update_fields=["value", "entered_by", "entered_at"])
    report = existing or _open(actor, agency, year, today)
    if after:
        record_event(
            report,
            Kind.FIGURES,
            actor,
            note=f"{source}：修改{len(after)}项年度数据",
            before=before,
            after=after,
        )
        if untouched:
            _redraft(report, actor, "年度数据有变化，按年度数据更新尚未修改过的总体情况")
        store_check(report, today=today)
    return FiguresSaved(report, list(after))


def _as_number(value: Number | None) -> Number | None:
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return value.normalize() if isinstance(value, Decimal) else value


# ---------------------------------------------------------------------------------------------------
# The way to publication


@service("annual_report_submit")
def annual_report_submit(
    *, actor: Actor, report: AnnualReport, acknowledge_warnings: bool = False, today: date | None = None
) -> CheckedReport:
    """Submit the draft to the head. Refused on a year not yet ended and on any error; the warnings must
    have been looked at (acknowledged), and the event keeps which they were."""
    require_act(actor, report.agency)
    today = today_or(today)
    lock(report)
    require_draft(report, "提交审核")
    if not year_has_ended(report.year, today):
        raise ReportRefused(f"{report.year}年度尚未结束，报告只能保存为草稿，不能提交审核。")
    checked = store_check(report, today=today)
    if checked.errors:
        listed = "；".join(finding.message for finding in checked.errors[:5])
        raise ReportRefused(f"报告有{len(checked.errors)}项错误，须改正后才能提交：{listed}")
    if checked.warnings and not acknowledge_warnings:
        raise ValidationError(
            {
                "acknowledge_warnings": f"报告有{len(checked.warnings)}项警告，请逐项核实后勾选“已核实以上警告”再提交。"
            }
        )
    report.state = State.SUBMITTED
    report.save(update_fields=["state", "updated_at"])
    acknowledged = [{"rule": f.rule, "message": f.message} for f in checked.warnings]
    record_event(
        report,
        Kind.SUBMITTED,
        actor,
        note=f"已核实{len(acknowledged)}项警告" if acknowledged else "",
        before={"state": State.DRAFT},
        after={"state": State.SUBMITTED, "acknowledged_warnings": acknowledged},
    )
    return checked


@service("annual_report_return")
def annual_report_return(*, actor: Actor, report: AnnualReport, reason: str) -> None:
    """Back to draft from submitted or approved, with the reason (the head's, or staff withdrawing it)."""
    require_act(actor, report.agency)
    lock(report)
    if report.state not in (State.SUBMITTED, State.APPROVED):
        raise ReportRefused(f"{report.year}年度报告{state_label(report.state)}，没有可退回的审核。")
    text = clean_reason(reason, "退回")
    before = report.state
    report.state = State.DRAFT
    report.save(update_fields=["state", "updated_at"])
    record_event(
        report, Kind.RETURNED, actor, note=text, before={"state": before}, after={"state": State.DRAFT}
    )


@service("annual_report_approve")
def annual_report_approve(
    *, actor: Actor, report: AnnualReport, note: str = "", today: date | None = None
) -> None:
    """The head of the disclosure office approves the submitted report as it stands now; publishing
    then freezes exactly this content (the event keeps it)."""
    require_act(actor, report.agency)
    require_head(actor, report.agency)
    today = today_or(today)
    lock(report)
    if report.state != State.SUBMITTED:
        raise ReportRefused(
            f"{report.year}年度报告{state_label(report.state)}，只有已提交审核的报告可以批准。"
        )
    checked = store_check(report, today=today)
    if checked.errors:
        # The records may have changed since the report was submitted.
        listed = "；".join(finding.message for finding in checked.errors[:5])
        raise ReportRefused(f"报告现有{len(checked.errors)}项错误，不能批准，请退回修改：{listed}")
    report.state = State.APPROVED
    report.save(update_fields=["state", "updated_at"])
    record_event(
        report,
        Kind.APPROVED,
        actor,
        note=clean_text("note", note, REASON_LIMIT),
        before={"state": State.SUBMITTED},
        after={"state": State.APPROVED, "content": checked.content.as_json()},
    )


def approval(report: AnnualReport) -> AnnualReportEvent | None:
    """The event of the head's approval that the report's state rests on, if it is approved."""
    if report.state != State.APPROVED:
        return None
    return report.events.filter(kind=Kind.APPROVED).select_related("actor").order_by("-at", "-pk").first()


@service("annual_report_publish")
def annual_report_publish(
    *, actor: Actor, report: AnnualReport, today: date | None = None
) -> AnnualReportVersion:
    """Publish the approved report: its content, findings, text, DOCX and PDF frozen as the next version.
    Refused before the year has ended and when the figures or the prose differ from what the head
    approved; after the deadline (条例第四十九条) it is published and recorded as late."""
    require_act(actor, report.agency)
    today = today_or(today)
    lock(report)
    if report.state != State.APPROVED:
        raise ReportRefused(f"{report.year}年度报告{state_label(report.state)}，须经负责人批准后才能发布。")
    if not year_has_ended(report.year, today):
        raise ReportRefused(f"{report.year}年度尚未结束，不能发布该年度的报告。")
    approved = approval(report)
    assert approved is not None and approved.actor is not None
    content = build_content(report.agency, report.year, report, today=today)
    moved = content_changes(approved.after.get("content", {}), content.as_json())
    if has_changes(moved):
        raise ReportRefused(
            f"负责人批准后，报告的内容发生了变化（{describe_changes(moved)}），请退回后重新提交审核。"
        )
    # The renderers (WeasyPrint above all) are loaded when a report is published, not by every command.
    from gongkai.reports.annual.publication import freeze_version

    publisher = user_of(actor)
    assert publisher is not None  # require_act passed
    version = freeze_version(report, content, published_by=publisher, approved_by=approved.actor, today=today)
    deadline = report_deadline(report.agency, report.year)
    first = version.number == 1
    late_days = (today - deadline).days if first and today > deadline else 0
    report.state = State.PUBLISHED
    report.correction_reason = ""
    report.findings = version.findings
    report.checked_at = timezone.now()
    report.save(update_fields=["state", "correction_reason", "findings", "checked_at", "updated_at"])
    note = f"发布第{version.number}版" + (
        f"，逾期{late_days}天（法定期限{deadline.isoformat()}）" if late_days else ""
    )
    record_event(
        report,
        Kind.PUBLISHED,
        actor,
        note=note,
        before={"state": State.APPROVED},
        after={
            "state": State.PUBLISHED,
            "version": version.number,
            "published_on": today.isoformat(),
            "deadline": deadline.isoformat(),
            "late": bool(late_days),
            "days_late": late_days,
        },
    )
    return version


@service("annual_report_start_correction")
def annual_report_start_correction(*, actor: Actor, report: AnnualReport, reason: str) -> None:
    """Correct a published report: a new draft from the published one, with the reason, which goes
    through the same steps and is published as the next version (the earlier ones kept)."""
    require_act(actor, report.agency)
    lock(report)
    if report.state != State.PUBLISHED:
        raise ReportRefused(f"{report.year}年度报告{state_label(report.state)}，只有已发布的报告需要更正。")
    text = clean_reason(reason, "更正")
    report.state = State.DRAFT
    report.correction_reason = text
    report.save(update_fields=["state", "correction_reason", "updated_at"])
    record_event(
        report,
        Kind.CORRECTION_STARTED,
        actor,
        note=text,
        before={"state": State.PUBLISHED},
        after={"state": State.DRAFT, "correction_reason": text},
    )
