"""Configuring what a government's report sums, per year: its members (`AggregationMember`; no rows →
the default set of `aggregation`), and the bodies covered by another body's report (`CoveredBody`).

Who: a supervising office of the body concerned (its own or one above it) or an administrator
(`agencies.permissions.supervises`). Every change is written to the audit log with the set before and after; every
refusal too. Each service runs in one transaction and changes everything it was asked to or nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import require_role, role_check, supervises
from gongkai.core.audit import audit_record
from gongkai.reports.annual.aggregation import explicit_members, in_report_order
from gongkai.reports.counts import check_report_year
from gongkai.reports.models import AggregationMember, AnnualReportVersion, CoveredBody

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    AnyUser = User | AnonymousUser


_supervise = role_check(supervises, "您不是{agency}的主管部门，无权进行此操作。")


def require_supervisor(user: AnyUser, agency: Agency, *, action: str, path: str = "") -> None:
    detail = {"path": path} if path else None
    require_role(user, agency, _supervise, action=action, obj=agency, detail=detail)


def _codes(bodies: Iterable[Agency]) -> list[str]:
    return [body.code for body in bodies]


def _check_government(government: Agency, year: int) -> None:
    if government.kind != Agency.Kind.GOVERNMENT:
        raise ValidationError(f"{government.name}不是人民政府，其年度报告不汇总其他机关。")
    check_report_year(year)


def aggregation_members_set(*, actor: User, government: Agency, year: int, members: Iterable[Agency]) -> None:
    """The bodies the government's report on `year` sums, chosen from its region; an empty choice
    returns to the default set (the government, its departments and its 乡镇/街道)."""
    require_supervisor(actor, government, action="aggregation_members_set")
    _check_government(government, year)
    chosen = in_report_order(government, {body.pk: body for body in members}.values())
    outside = [body.name for body in chosen if not government.includes(body)]
    if outside:
        raise ValidationError(f"只能纳入{government.name}辖区内的机关：{'、'.join(outside)}")
    covered = CoveredBody.objects.filter(year=year, agency__in=[body.pk for body in chosen]).select_related(
        "agency", "covered_by"
    )
    if covered:
        names = "、".join(f"{entry.agency.name}（由{entry.covered_by.name}报告）" for entry in covered)
        raise ValidationError(
            f"以下机关{year}年度由其他机关报告，经由该机关计入汇总，不能再单独纳入：{names}"
        )
    with transaction.atomic():
        before = explicit_members(government, year)
        AggregationMember.objects.filter(government=government, year=year).delete()
        AggregationMember.objects.bulk_create(
            AggregationMember(government=government, year=year, member=body) for body in chosen
        )
        message = (
            f"设置{government.name}{year}年度报告汇总范围：{len(chosen)}个机关"
            if chosen
            else f"{government.name}{year}年度报告恢复默认汇总范围"
        )
        audit_record(
            action="aggregation_members_set",
            actor=actor,
            agency=government,
            obj=government,
            message=message,
            detail={"year": year, "before": _codes(before), "after": _codes(chosen)},
        )


def aggregation_members_copy(*, actor: User, government: Agency, year: int) -> int:
    """This year's set as last year's: its configured members (none: the default set), and the
    coverings of its region's bodies. Returns how many members were configured last year."""
    require_supervisor(actor, government, action="aggregation_members_copy")
    _check_government(government, year)
    last = explicit_members(government, year - 1)
    coverings = list(
        CoveredBody.objects.filter(year=year - 1, agency__path__startswith=government.path).select_related(
            "agency", "covered_by"
        )
    )
    with transaction.atomic():
        before = explicit_members(government, year)
        before_covered = _covered_codes(government, year)
        AggregationMember.objects.filter(government=government, year=year).delete()
        AggregationMember.objects.bulk_create(
            AggregationMember(government=government, year=year, member=body) for body in last
        )
        CoveredBody.objects.filter(year=year, agency__path__startswith=government.path).delete()
        CoveredBody.objects.bulk_create(
            CoveredBody(agency=entry.agency, year=year, covered_by=entry.covered_by) for entry in coverings
        )
        _check_coverings(government, year)
        audit_record(
            action="aggregation_members_copy",
            actor=actor,
            agency=government,
            obj=government,
            message=f"{government.name}{year}年度报告汇总范围复制自{year - 1}年度",
            detail={
                "year": year,
                "before": _codes(before),
                "after": _codes(last),
                "covered_before": before_covered,
                "covered_after": _covered_codes(government, year),
            },
        )
    return len(last)


def _covered_codes(government: Agency, year: int) -> dict[str, str]:
    return dict(
        CoveredBody.objects.filter(year=year, agency__path__startswith=government.path).values_list(
            "agency__code", "covered_by__code"
        )
    )


def _check_coverings(government: Agency, year: int) -> None:
    """After copying, no covered body may have published its own report, nor cover others."""
    for entry in CoveredBody.objects.filter(
        year=year, agency__path__startswith=government.path
    ).select_related("agency", "covered_by"):
        _check_covering(entry.agency, entry.covered_by, year)


def _check_covering(agency: Agency, covered_by: Agency, year: int) -> None:
    """The rules that keep every body counted exactly once (a covered body's records count in the report
    of the body covering it, and in no other)."""
    if agency.pk == covered_by.pk:
        raise ValidationError("机关不能由其自身报告。")
    if agency.kind == Agency.Kind.GOVERNMENT and agency.level != Agency.Level.TOWNSHIP:
        raise ValidationError(f"{agency.name}是人民政府，其年度报告须由本机关发布，不能由其他机关报告。")
    if CoveredBody.objects.filter(agency=covered_by, year=year).exists():
        raise ValidationError(f"{covered_by.name}{year}年度本身由其他机关报告，不能再报告其他机关。")
    if CoveredBody.objects.filter(covered_by=agency, year=year).exclude(agency=agency).exists():
        raise ValidationError(f"{agency.name}{year}年度还报告着其他机关，须先取消这些机关的标记。")
    published = AnnualReportVersion.objects.filter(report__year=year, report__agency__in=[agency, covered_by])
    for version in published.select_related("report__agency").order_by("report__agency__path")[:1]:
        raise ValidationError(
            f"{version.report.agency.name}已发布{year}年度报告，不能再改变由谁报告（已发布的报告不会随之改变）。"
        )


def covered_body_set(*, actor: User, agency: Agency, year: int, covered_by: Agency | None) -> None:
    """Mark the body as covered by another body's report on `year` (or, with None, as reporting itself)."""
    require_supervisor(actor, agency, action="covered_body_set")
    if covered_by is not None:
        require_supervisor(actor, covered_by, action="covered_body_set")
    check_report_year(year)
    with transaction.atomic():
        entry = CoveredBody.objects.select_for_update().filter(agency=agency, year=year).first()
        before = entry.covered_by.code if entry else None
        if covered_by is None:
            if entry is None:
                return
            _check_unpublished(agency, entry.covered_by, year)
            entry.delete()
            message = f"{agency.name}{year}年度改为自行报告（原由{entry.covered_by.name}报告）"
        else:
            _check_covering(agency, covered_by, year)
            if entry is not None:
                _check_unpublished(agency, entry.covered_by, year)
            CoveredBody.objects.update_or_create(
                agency=agency, year=year, defaults={"covered_by": covered_by}
            )
            message = f"{agency.name}{year}年度由{covered_by.name}报告"
        audit_record(
            action="covered_body_set",
            actor=actor,
            agency=agency,
            obj=agency,
            message=message,
            detail={"year": year, "before": before, "after": covered_by.code if covered_by else None},
        )


def _check_unpublished(agency: Agency, covered_by: Agency, year: int) -> None:
    if AnnualReportVersion.objects.filter(report__year=year, report__agency=covered_by).exists():
        raise ValidationError(
            f"{covered_by.name}已发布{year}年度报告（含{agency.name}的数据），不能再改变由谁报告。"
        )
