"""A government's annual report summed from the bodies it covers.

条例第四十九条、第五十条 and the format notices: a 县级以上人民政府's report is the region's report — its
own office, its departments and its 乡镇/街道 (the format notices' cascade: departments and 乡镇 publish
by 31 January, the county's aggregated report follows by 20 February). The set of bodies is configurable
per year (`AggregationMember`); with no rows, the default set applies. A body whose records another
body's report covers (`CoveredBody`) is counted through that body and is never a member itself, so
nothing is counted twice.

Each member contributes the figures of its report, from the best source there is:
1. its own report published in Gongkai (the last version's frozen cells);
2. else the published report it imported (a body that keeps its reports elsewhere), which must be in the
   year's format — a report in another format, or with blank cells, leaves the sum's cells blank and
   the member says why (`MemberFigures.note`, and a finding of the check);
3. else its live figures from the records (marked as not yet published).
The government itself always contributes its own records: its published report is the sum.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.db.models.fields.json import KeyTransform

from gongkai.agencies.models import Agency
from gongkai.reports import formats
from gongkai.reports.annual.cells import PROCUREMENT_UNIT_KEY, own_cells_by_body
from gongkai.reports.annual.content import MemberFigures, number_from_json
from gongkai.reports.annual.facts import YearFacts, year_facts
from gongkai.reports.annual.figures import AMOUNT_KEYS, PROCUREMENT_UNIT, Number, as_number
from gongkai.reports.audit.model import Finding
from gongkai.reports.counts import check_report_year
from gongkai.reports.models import AnnualReportVersion, CoveredBody, PublishedReport

SOURCE_OWN = "本级办理记录"
SOURCE_PUBLISHED = "已发布报告"
SOURCE_IMPORTED = "导入的已发布报告"
SOURCE_RECORDS = "办理记录（尚未发布）"
SOURCE_AGGREGATED = "所辖机关汇总（尚未发布）"
GAP_RULE = "aggregation_member"  # the check's finding for a member whose figures leave the sum incomplete
_LISTED_LABELS = 3  # a note names this many blank cells, then "等N项"


# --- Which bodies a government's report sums ---------------------------------------------------------------


def is_default_member(government: Agency, body: Agency) -> bool:
    """Its own office, and its departments and 乡镇/街道 (a child 乡镇人民政府 included)."""
    if body.pk == government.pk:
        return True
    if body.parent_id != government.pk:
        return False
    return body.kind in (Agency.Kind.DEPARTMENT, Agency.Kind.TOWNSHIP) or (
        body.kind == Agency.Kind.GOVERNMENT and body.level == Agency.Level.TOWNSHIP
    )


def in_report_order(government: Agency, bodies: Iterable[Agency]) -> list[Agency]:
    """As a drill-down table lists them: the government's own office, its departments, its 乡镇/街道."""

    def rank(body: Agency) -> tuple[int, str]:
        if body.pk == government.pk:
            return 0, ""
        township = body.kind == Agency.Kind.TOWNSHIP or body.level == Agency.Level.TOWNSHIP
        return (2 if township else 1), body.path

    return sorted(bodies, key=rank)


def default_members(government: Agency) -> list[Agency]:
    return resolve_members(government, [], Agency.objects.filter(parent=government), ())


def explicit_members(government: Agency, year: int) -> list[Agency]:
    """The bodies configured for the year (`AggregationMember`), empty when none are."""
    return in_report_order(
        government,
        Agency.objects.filter(aggregated_into__government=government, aggregated_into__year=year),
    )


def resolve_members(
    government: Agency, explicit: Iterable[Agency], children: Iterable[Agency], covered: Container[int]
) -> list[Agency]:
    """The member set from what is stored: the configured bodies, else the default set from the
    government's children; without the bodies covered by another body's report that year."""
    members = in_report_order(government, explicit) or in_report_order(
        government, [government, *(child for child in children if is_default_member(government, child))]
    )
    return [member for member in members if member.pk not in covered]


def aggregation_members(government: Agency, year: int) -> list[Agency]:
    """The bodies whose figures the government's report on `year` sums: the configured set, else the
    default one; a body covered by another body's report that year is counted through that body."""
    explicit = explicit_members(government, year)
    children = [] if explicit else list(Agency.objects.filter(parent=government))
    candidates = [government, *explicit, *children]
    covered = set(
        CoveredBody.objects.filter(year=year, agency__in=[c.pk for c in candidates]).values_list(
            "agency_id", flat=True
        )
    )
    return resolve_members(government, explicit, children, covered)


# --- Each member's figures -----------------------------------------------------------------------------------


@dataclass
class _Contribution:
    agency: Agency
    source: str
    values: dict[str, Number | None]
    notes: list[str] = field(default_factory=list)
    blank_keys: list[str] = field(default_factory=list)


def _labels(fmt: str, keys: Sequence[str]) -> str:
    names = "、".join(formats.label_for(fmt, key) for key in keys[:_LISTED_LABELS])
    return names + (f"等{len(keys)}项" if len(keys) > _LISTED_LABELS else "")


def _blanks(contribution: _Contribution, fmt: str, what: str) -> None:
    blank = [key for key, value in contribution.values.items() if value is None]
    if blank:
        contribution.blank_keys = blank
        contribution.notes.append(
            f"{what}有{len(blank)}处空白（{_labels(fmt, blank)}），汇总表相应单元格留空"
        )


def _inconsistent(fmt: str, values: Mapping[str, Number | None]) -> int:
    """How many of the format's sum rules the figures break (only where every cell is filled)."""
    broken = 0
    for rule in formats.sum_rules(fmt):
        parts = [values.get(key) for key in rule.parts]
        total, minus = values.get(rule.total), [values.get(key) for key in rule.minus]
        if total is None or any(v is None for v in parts + minus):
            continue
        expected = sum(v for v in parts if v is not None) - sum(v for v in minus if v is not None)
        if (total > expected) if rule.at_most else (total != expected):
            broken += 1
    return broken


def _from_cells(fmt: str, cells: Mapping[str, Any]) -> dict[str, Number | None]:
    return {key: number_from_json(cells.get(key)) for key in formats.all_keys(fmt)}


def _published_cells(members: Sequence[Agency], year: int) -> dict[int, tuple[int, dict[str, Any]]]:
    """Each member's last published version in Gongkai: agency id → (version, cells)."""
    rows = (
        AnnualReportVersion.objects.filter(report__agency__in=[m.pk for m in members], report__year=year)
        .annotate(cells=KeyTransform("cells", "content"))
        .order_by("number")
        .values_list("report__agency_id", "number", "cells")
    )
    return {agency_id: (number, cells or {}) for agency_id, number, cells in rows}  # the last one wins


def _imported(fmt: str, year: int, report: Mapping[str, Any], agency: Agency) -> _Contribution:
    contribution = _Contribution(agency, SOURCE_IMPORTED, dict.fromkeys(formats.all_keys(fmt)))
    got = report["format"]
    if got != fmt:
        labels = dict(PublishedReport.Format.choices)
        printed = labels.get(got, "未能识别的格式")
        contribution.notes.append(
            f"导入的报告使用{printed}，与{year}年度应使用的{labels[fmt]}不同，其数据未能计入，汇总表各单元格留空"
        )
        contribution.blank_keys = list(contribution.values)
        return contribution
    contribution.values = _from_cells(fmt, report["cells"] or {})
    amount = "item20_9.procurement.amount"
    if fmt == formats.FORMAT_2019 and contribution.values.get(amount) is not None:
        unit = (report["extras"] or {}).get(PROCUREMENT_UNIT_KEY)
        value = contribution.values[amount]
        assert value is not None
        if unit == "元":
            contribution.values[amount] = as_number(amount, Decimal(value) / 10000)
        elif unit != PROCUREMENT_UNIT:
            contribution.values[amount] = None
            contribution.notes.append("政府集中采购总金额未注明以万元或元为单位，无法汇总")
    _blanks(contribution, fmt, "导入的报告")
    broken = _inconsistent(fmt, contribution.values)
    if broken:
        contribution.notes.append(f"导入的报告数据有{broken}处不满足勾稽关系，汇总数据随之不平衡")
    return contribution


def _contributions(
    government: Agency, members: Sequence[Agency], year: int, fmt: str, seen: frozenset[int]
) -> list[_Contribution]:
    others = [member for member in members if member.pk != government.pk]
    published = _published_cells(others, year)
    imported = {
        row["agency_id"]: row
        for row in PublishedReport.objects.filter(agency__in=[m.pk for m in others], year=year).values(
            "agency_id", "format", "cells", "extras"
        )
    }
    # The members counted from their records (the government's own office always), in one go.
    live = own_cells_by_body(
        [
            member
            for member in members
            if member.pk == government.pk
            or (member.pk not in published and member.pk not in imported and not _sums_own(member, seen))
        ],
        year,
    )
    contributions = []
    for member in members:
        if member.pk == government.pk:
            contribution = _Contribution(member, SOURCE_OWN, live[member.pk][0])
            _blanks(contribution, fmt, "本级年度数据")
        elif member.pk in published:
            number, frozen = published[member.pk]
            contribution = _Contribution(
                member, f"{SOURCE_PUBLISHED}（第{number}版）", _from_cells(fmt, frozen)
            )
            _blanks(contribution, fmt, "已发布的报告")
        elif member.pk in imported:
            contribution = _imported(fmt, year, imported[member.pk], member)
        elif _sums_own(member, seen):
            # A government among the members (a configured set may hold one): its own sum, live.
            sums, _, _ = _aggregate(member, year, fmt, seen)
            contribution = _Contribution(member, SOURCE_AGGREGATED, sums)
            _blanks(contribution, fmt, "其汇总数据")
        else:
            contribution = _Contribution(member, SOURCE_RECORDS, live[member.pk][0])
            _blanks(contribution, fmt, "年度数据（表二）")
        contributions.append(contribution)
    return contributions


def _sums_own(member: Agency, seen: frozenset[int]) -> bool:
    return member.kind == Agency.Kind.GOVERNMENT and member.pk not in seen


# --- The sum ----------------------------------------------------------------------------------------------


def _sum(key: str, values: Iterable[Number | None]) -> Number | None:
    numbers = list(values)
    if any(value is None for value in numbers):
        return None  # a blank is never read as 0: the sum is blank too
    total = sum((value for value in numbers if value is not None), start=0)
    return as_number(key, Decimal(total)) if key in AMOUNT_KEYS else int(total)


def member_figures(contribution: _Contribution) -> MemberFigures:
    value = contribution.values.get
    litigation = [
        value("appeals.litigation_direct.total"),
        value("appeals.litigation_after_reconsideration.total"),
    ]
    return MemberFigures(
        code=contribution.agency.code,
        name=contribution.agency.name,
        source=contribution.source,
        new_received=value("requests.new_received.total"),
        results_total=value("requests.results_total.total"),
        carried_out=value("requests.carried_out.total"),
        reconsideration=value("appeals.reconsideration.total"),
        litigation=None if None in litigation else sum(v for v in litigation if v is not None),
        note="；".join(contribution.notes),
        blank_keys=contribution.blank_keys,
    )


def _aggregate(
    government: Agency, year: int, fmt: str, seen: frozenset[int]
) -> tuple[dict[str, Number | None], dict[str, Any], list[MemberFigures]]:
    members = aggregation_members(government, year)
    contributions = _contributions(government, members, year, fmt, seen | {government.pk})
    cells = {key: _sum(key, (c.values.get(key) for c in contributions)) for key in formats.all_keys(fmt)}
    extras: dict[str, Any] = {PROCUREMENT_UNIT_KEY: PROCUREMENT_UNIT} if fmt == formats.FORMAT_2019 else {}
    return cells, extras, [member_figures(c) for c in contributions]


def aggregated_cells(
    government: Agency, year: int
) -> tuple[dict[str, Number | None], dict[str, Any], list[MemberFigures]]:
    """Every cell of the government's report on `year` (tables 二, 三 and 四) summed over its members, the
    extras beside them, and each member's figures with their source for the drill-down table."""
    return _aggregate(government, year, check_report_year(year), frozenset())


# --- What the prose of an aggregated report may say --------------------------------------------------------

_REGION_UNITS = ("自治县", "自治州", "自治旗", "自治区", "省", "市", "县", "区", "旗", "州", "盟")


def region_subject(government: Agency) -> str:
    """Who the overview speaks of: "全县各级行政机关" for 象山县人民政府, "全市…" for a city, and so on."""
    place = government.name.removesuffix("人民政府")
    for unit in _REGION_UNITS:
        if place.endswith(unit):
            return f"全{unit[-1]}各级行政机关"
    return "本行政区域各级行政机关"


def region_facts(
    year: int, members: Sequence[MemberFigures], cells: Mapping[str, Number | None]
) -> YearFacts:
    """The records' facts (channels, promptness, notices, fees) over the members whose records are in
    Gongkai, and the bodies they cover. What the records cannot tell for the whole region is left out, so
    that the overview never quotes a part as the whole: the channels when they do not add up to the
    table's 新收, the promptness when the closed applications do not match its 办理结果总计."""
    codes = [m.code for m in members if m.source != SOURCE_IMPORTED]
    bodies = list(
        Agency.objects.filter(
            Q(code__in=codes) | Q(covered_in__covered_by__code__in=codes, covered_in__year=year)
        ).distinct()
    )
    facts = year_facts(bodies, year)
    complete = len(codes) == len(members)
    if not complete or facts.received != cells.get("requests.new_received.total"):
        facts.received_by_channel = {}
    if not complete or facts.closed != cells.get("requests.results_total.total"):
        facts.closed = facts.closed_after_extension = facts.closed_late = 0
    if not complete:
        facts.corrections_requested = facts.consultations_started = 0
    return facts


def member_findings(members: Iterable[MemberFigures]) -> list[Finding]:
    """A warning for each member whose figures leave the sum incomplete or unbalanced, naming it."""
    return [
        Finding(GAP_RULE, "warning", f"汇总的{m.name}（{m.source}）：{m.note}", list(m.blank_keys))
        for m in members
        if m.note
    ]
