"""The supervising office's view of a year's annual reports: every body of its subtree with its report's
status against the deadline (条例第四十九条 and the format notices), the rules' results, and its key figures
beside last year's.

Built for a region of hundreds of bodies in a bounded number of queries, whatever their number: nothing
is checked or rendered here. The rules' results are those stored — a report's last check
(`AnnualReport.findings`), its published version's, an imported report's `AuditFinding`s — and the key
figures come from the frozen cells of published versions and imported reports (read from the JSON in
the database), else from the records, counted for every body at once with the counting rules of
`reports.counts` (`dashboard_counts.live_key_figures`). A government's figures, until it publishes, are
its members' sum (`aggregation`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import connection
from django.db.models import Case, Count, F, JSONField, TextField, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.fields.json import KeyTextTransform, KeyTransform

from gongkai.agencies.models import Agency
from gongkai.reports.annual.aggregation import resolve_members
from gongkai.reports.annual.dashboard_counts import add_figures, live_key_figures
from gongkai.reports.annual.deadlines import report_deadline, reported_here
from gongkai.reports.annual.figures import Number
from gongkai.reports.models import (
    AggregationMember,
    AnnualReport,
    AnnualReportVersion,
    AuditFinding,
    CoveredBody,
    PublishedReport,
)
from gongkai.reports.selectors import KeyFigures, key_figures

NOT_STARTED = "not_started"
DRAFT = "draft"
SUBMITTED = "submitted"
APPROVED = "approved"
PUBLISHED_ON_TIME = "published_on_time"
PUBLISHED_LATE = "published_late"
OVERDUE = "overdue"
COVERED = "covered"
EXTERNAL = "external"
NOT_HERE = "not_here"  # a year before the body made its reports in Gongkai (`Agency.reports_from`)
STATUS_LABELS = {
    NOT_STARTED: "未开始",
    DRAFT: "草稿",
    SUBMITTED: "已提交",
    APPROVED: "已批准",
    PUBLISHED_ON_TIME: "已发布（按时）",
    PUBLISHED_LATE: "已发布（逾期）",
    OVERDUE: "逾期未发布",
    COVERED: "由其他机关报告",
    EXTERNAL: "外部发布（已导入）",
    NOT_HERE: "未在本系统编制",
}
_WORKFLOW_STATUS: dict[str, str] = {
    AnnualReport.State.DRAFT: DRAFT,
    AnnualReport.State.SUBMITTED: SUBMITTED,
    AnnualReport.State.APPROVED: APPROVED,
}
# Where a line's key figures come from.
FROM_PUBLISHED = "published"
FROM_IMPORTED = "imported"
FROM_RECORDS = "records"
FROM_MEMBERS = "members"
FIGURE_SOURCES = {
    FROM_PUBLISHED: "已发布报告",
    FROM_IMPORTED: "导入的报告",
    FROM_RECORDS: "办理记录（未发布）",
    FROM_MEMBERS: "所辖机关汇总（未发布）",
}
# The cells `selectors.key_figures` reads, in every format.
KEY_CELLS = (
    "requests.new_received.total",
    "requests.results_total.total",
    "requests.carried_out.total",
    "requests.disclosed.total",
    "appeals.reconsideration.total",
    "appeals.litigation_direct.total",
    "appeals.litigation_after_reconsideration.total",
    "requests_received",
    "replies_total",
    "replies_granted",
    "reconsideration_total",
    "litigation_total",
)


@dataclass
class Figures:
    values: KeyFigures | None
    source: str = ""  # FROM_*

    @property
    def source_label(self) -> str:
        return FIGURE_SOURCES.get(self.source, "")


@dataclass
class BodyLine:
    """One body of the region, for one year."""

    agency: Agency
    year: int
    deadline: date
    status: str = NOT_STARTED
    state: str = ""  # the workflow state of its report in Gongkai, if it has one
    covered_by: Agency | None = None
    published_on: date | None = None
    days_left: int | None = None  # not yet published, deadline not passed: days to it (0 on the day)
    days_late: int | None = None  # past the deadline unpublished, or published after it
    correcting: bool = False  # a published report being corrected (a new version in the works)
    imported_id: int | None = None  # the imported report (`PublishedReport`) when published elsewhere
    errors: int | None = None  # None: no report checked
    warnings: int | None = None
    checked_at: datetime | None = None
    figures: Figures = field(default_factory=lambda: Figures(None))
    previous: Figures = field(default_factory=lambda: Figures(None))
    own: KeyFigures | None = None  # a government's own office alone, from its records (its report sums more)

    @property
    def status_label(self) -> str:
        if self.status == COVERED and self.covered_by is not None:
            return f"由{self.covered_by.name}报告"
        return STATUS_LABELS[self.status]

    @property
    def state_label(self) -> str:
        """Where its report in Gongkai stands in the workflow (草稿, 已提交审核 …), if it has one."""
        return str(AnnualReport.State(self.state).label) if self.state else ""

    @property
    def is_published(self) -> bool:
        return self.status in (PUBLISHED_ON_TIME, PUBLISHED_LATE, EXTERNAL)


@dataclass
class Dashboard:
    root: Agency
    year: int
    today: date
    lines: list[BodyLine]

    def counts(self) -> dict[str, int]:
        """How many bodies are in each status (every status, zeros included), in the labels' order."""
        counted = dict.fromkeys(STATUS_LABELS, 0)
        for line in self.lines:
            counted[line.status] += 1
        return counted

    def filtered(self, *, status: str = "", kind: str = "") -> list[BodyLine]:
        return [
            line
            for line in self.lines
            if (not status or line.status == status) and (not kind or line.agency.kind == kind)
        ]


# --- Reading what is stored ---------------------------------------------------------------------------------


def _number(text: Any) -> Number | None:
    """A cell read from JSON in the database, as text (or, on some backends, as the JSON value)."""
    if text is None or text in ("", "null"):
        return None  # a JSON null comes back as SQL NULL, or as the text "null" from SQLite
    if isinstance(text, int):
        return text
    value = Decimal(str(text))
    return int(value) if value == value.to_integral_value() else value


_CELLS = [f"cell_{index}" for index in range(len(KEY_CELLS))]


def _cell_annotations(source: Any) -> dict[str, KeyTextTransform]:
    return {f"cell_{index}": KeyTextTransform(key, source) for index, key in enumerate(KEY_CELLS)}


def _figures_from_row(fmt: str | None, row: Mapping[str, Any]) -> KeyFigures:
    return key_figures(fmt, {key: _number(row[f"cell_{index}"]) for index, key in enumerate(KEY_CELLS)})


def _severity_counts(findings: Iterable[Mapping[str, Any]]) -> tuple[int, int]:
    severities = [finding.get("severity") for finding in findings]
    return severities.count("error"), severities.count("warning")


@dataclass
class _Stored:
    """What the database holds for the region's reports of one year, by agency id."""

    versions: dict[int, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    imported: dict[int, dict[str, Any]] = field(default_factory=dict)
    reports: dict[int, dict[str, Any]] = field(default_factory=dict)


def _sqlite_extract(column: str, paths: Sequence[str]) -> RawSQL:
    """SQLite's json_extract of every path at once, as a JSON array: the document is parsed once per row
    (a path apiece, as Django's key transforms read them, would parse it once or twice per path)."""
    return RawSQL(  # noqa: S611 (constant SQL; the paths are parameters)
        f"json_extract({column}, {', '.join('%s' for _ in paths)})", list(paths), output_field=TextField()
    )


def _postgresql_key_cells(cells: str) -> RawSQL:
    """The key cells of a JSON object of cells (`cells`, an SQL expression), as a JSON array's text.
    PostgreSQL decompresses a stored JSON value again for every key read from it (a report's cells are
    kilobytes, compressed): the object is read once per row, and the keys from that."""
    keys = ", ".join("c ->> %s" for _ in KEY_CELLS)
    return RawSQL(  # noqa: S611 (constant SQL; the keys are parameters)
        f"(SELECT json_build_array({keys})::text FROM (SELECT {cells} AS c OFFSET 0) AS cells)",  # noqa: S608
        KEY_CELLS,
        output_field=TextField(),
    )


def _imported_rows(root: Agency, years: Sequence[int]) -> Iterable[dict[str, Any]]:
    """The region's imported reports with their key cells (`cell_0` …)."""
    imported = PublishedReport.objects.filter(agency__path__startswith=root.path, year__in=years)
    fields = ("id", "agency_id", "year", "format", "published_on")
    if connection.vendor == "sqlite":
        paths = [f'$."{key}"' for key in KEY_CELLS]
        extracted = _sqlite_extract('"reports_publishedreport"."cells"', paths)
    elif connection.vendor == "postgresql":
        extracted = _postgresql_key_cells('"reports_publishedreport"."cells"')
    else:
        yield from imported.annotate(**_cell_annotations("cells")).values(*fields, *_CELLS)
        return
    for row in imported.annotate(extracted=extracted).values(*fields, "extracted"):
        values = json.loads(row.pop("extracted"), parse_float=Decimal)
        yield {**row, **dict(zip(_CELLS, values, strict=True))}


def _checks_of(year_field: str, year: int) -> Case:
    """A report's stored findings on `year` only: the rules' results are shown for the dashboard's year,
    and decoding the other year's findings would be wasted."""
    return Case(When(**{year_field: year}, then=F("findings")), default=Value(None), output_field=JSONField())


def _version_rows(root: Agency, years: Sequence[int], year: int) -> Iterable[dict[str, Any]]:
    """The region's published versions with their key cells (`cell_0` …), format (`fmt`) and, on `year`,
    their findings (`checks`)."""
    versions = (
        AnnualReportVersion.objects.filter(report__agency__path__startswith=root.path, report__year__in=years)
        .annotate(checks=_checks_of("report__year", year))
        .order_by("number")
    )
    fields = ("report__agency_id", "report__year", "number", "published_on", "checks")
    if connection.vendor == "sqlite":
        # The format and the cells in one json_extract: a version's content is parsed once.
        paths = ["$.format", *(f'$.cells."{key}"' for key in KEY_CELLS)]
        extracted = _sqlite_extract('"reports_annualreportversion"."content"', paths)
        for row in versions.annotate(extracted=extracted).values(*fields, "extracted"):
            fmt, *values = json.loads(row.pop("extracted"), parse_float=Decimal)
            yield {**row, "fmt": fmt, **dict(zip(_CELLS, values, strict=True))}
        return
    if connection.vendor != "postgresql":
        yield from versions.annotate(
            fmt=KeyTextTransform("format", "content"), **_cell_annotations(KeyTransform("cells", "content"))
        ).values(*fields, "fmt", *_CELLS)
        return
    cells = _postgresql_key_cells(""""reports_annualreportversion"."content" -> 'cells'""")
    for row in versions.annotate(key_cells=cells).values(*fields, "key_cells", fmt=F("report__format")):
        values = json.loads(row.pop("key_cells"))
        yield {**row, **{name: value for name, value in zip(_CELLS, values, strict=True)}}


def _stored(root: Agency, year: int) -> dict[int, _Stored]:
    """What is stored of the region's reports on `year` and the year before."""
    years = [year - 1, year]
    by_year = {each: _Stored() for each in years}
    for version in _version_rows(root, years, year):
        by_year[version["report__year"]].versions[version["report__agency_id"]].append(version)
    for imported in _imported_rows(root, years):
        imported["errors"] = imported["warnings"] = 0
        by_year[imported["year"]].imported[imported["agency_id"]] = imported
    by_id = {row["id"]: row for stored in by_year.values() for row in stored.imported.values()}
    if by_id:
        counted = (
            AuditFinding.objects.filter(report__in=list(by_id), severity__in=["error", "warning"])
            .exclude(status=AuditFinding.Status.DISMISSED)
            .values("report_id", "severity")
            .annotate(n=Count("pk"))
        )
        for count in counted:
            by_id[count["report_id"]][f"{count['severity']}s"] = count["n"]
    reports = (
        AnnualReport.objects.filter(agency__path__startswith=root.path, year__in=years)
        .annotate(checks=_checks_of("year", year))
        .values("agency_id", "year", "state", "checks", "checked_at")
    )
    for report in reports:
        by_year[report["year"]].reports[report["agency_id"]] = dict(report)
    return by_year


# --- The dashboard ---------------------------------------------------------------------------------------


@dataclass
class _Coverage:
    covered_by: dict[int, Agency]  # agency id → the body covering it
    members: dict[int, list[Agency]]  # government id → its members


def _coverage(root: Agency, bodies: Sequence[Agency], year: int) -> _Coverage:
    by_id = {body.pk: body for body in bodies}
    covering_ids = dict(
        CoveredBody.objects.filter(agency__path__startswith=root.path, year=year).values_list(
            "agency_id", "covered_by_id"
        )
    )
    # The covering bodies are the region's, as a rule; one outside it is read on its own.
    outside = {pk for pk in covering_ids.values() if pk not in by_id}
    others = {body.pk: body for body in Agency.objects.filter(pk__in=outside)} if outside else {}
    covered_by = {agency_id: by_id.get(pk) or others[pk] for agency_id, pk in covering_ids.items()}
    explicit: dict[int, list[Agency]] = defaultdict(list)
    for government_id, member_id in AggregationMember.objects.filter(
        government__path__startswith=root.path, year=year
    ).values_list("government_id", "member_id"):
        if member_id in by_id:
            explicit[government_id].append(by_id[member_id])
    children: dict[int | None, list[Agency]] = defaultdict(list)
    for body in bodies:
        children[body.parent_id].append(body)
    members = {
        body.pk: resolve_members(body, explicit[body.pk], children[body.pk], covered_by)
        for body in bodies
        if body.kind == Agency.Kind.GOVERNMENT
    }
    return _Coverage(covered_by, members)


def _year_figures(
    bodies: Sequence[Agency], year: int, stored: _Stored, coverage: _Coverage
) -> tuple[dict[int, Figures], dict[int, KeyFigures | None]]:
    """Each body's key figures on `year`: its report's, else its records' (with the bodies it covers),
    else for a government its members' sum. A covered body has none of its own. Beside them, each
    government's own office's figures from its records."""
    # Ids, not model instances, from here on: comparing instances costs a call for each comparison.
    figures: dict[int, Figures] = {}
    covering: dict[int, list[int]] = defaultdict(list)
    for covered_id, covering_body in coverage.covered_by.items():
        covering[covering_body.pk].append(covered_id)
    ids = [body.pk for body in bodies]
    for pk in ids:
        if pk in coverage.covered_by:
            figures[pk] = Figures(None)
        elif pk in stored.versions:
            last = stored.versions[pk][-1]
            figures[pk] = Figures(_figures_from_row(last["fmt"], last), FROM_PUBLISHED)
        elif pk in stored.imported:
            row = stored.imported[pk]
            figures[pk] = Figures(_figures_from_row(row["format"] or None, row), FROM_IMPORTED)
    governments = [body for body in bodies if body.kind == Agency.Kind.GOVERNMENT]
    government_ids = {government.pk for government in governments}
    # The records count for a body without a report, and for every government's own office.
    counting = [pk for pk in ids if pk not in figures or pk in government_ids]
    counted = {covered for pk in counting for covered in [pk, *covering[pk]]}
    live = live_key_figures(sorted(counted), year)
    own = {pk: add_figures(live.get(covered) for covered in [pk, *covering[pk]]) for pk in counting}
    for pk in counting:
        if pk not in figures and pk not in government_ids:
            figures[pk] = Figures(own[pk], FROM_RECORDS if own[pk] else "")
    # A government not yet published: its members' sum, the deepest first (a member may be a government).
    for government in sorted(governments, key=lambda g: -g.depth):
        if government.pk in figures:
            continue
        parts = [
            own.get(member.pk) if member.pk == government.pk else figures.get(member.pk, Figures(None)).values
            for member in coverage.members[government.pk]
        ]
        total = add_figures(parts)
        figures[government.pk] = Figures(total, FROM_MEMBERS if total else "")
    return figures, {pk: own.get(pk) for pk in government_ids}


def _status(line: BodyLine, stored: _Stored, today: date) -> None:
    agency_id = line.agency.pk
    report = stored.reports.get(agency_id)
    line.state = report["state"] if report else ""
    if line.covered_by is not None:
        line.status = COVERED
        return
    if agency_id in stored.versions:
        versions = stored.versions[agency_id]
        line.published_on = versions[0]["published_on"]  # a correction does not make it late
        assert line.published_on is not None
        late = (line.published_on - line.deadline).days
        line.status = PUBLISHED_ON_TIME if late <= 0 else PUBLISHED_LATE
        line.days_late = late if late > 0 else None
        line.correcting = bool(report and report["state"] != AnnualReport.State.PUBLISHED)
        line.errors, line.warnings = _severity_counts(versions[-1]["checks"] or [])
        return
    if agency_id in stored.imported:
        imported = stored.imported[agency_id]
        line.status, line.imported_id = EXTERNAL, imported["id"]
        line.published_on = imported["published_on"]
        if line.published_on and line.published_on > line.deadline:
            line.days_late = (line.published_on - line.deadline).days
        line.errors, line.warnings = imported["errors"], imported["warnings"]
        return
    if report and report["checked_at"]:
        line.errors, line.warnings = _severity_counts(report["checks"] or [])
        line.checked_at = report["checked_at"]
    if not reported_here(line.agency, line.year):
        # Reported before the body used Gongkai: its deadline is not counted here (never overdue).
        line.status = _WORKFLOW_STATUS.get(line.state, NOT_HERE)
        return
    left = (line.deadline - today).days  # 0 on the deadline day itself: still in time
    if left < 0:
        line.status, line.days_late = OVERDUE, -left
    else:
        line.status, line.days_left = _WORKFLOW_STATUS.get(line.state, NOT_STARTED), left


def region_dashboard(root: Agency, year: int, today: date) -> Dashboard:
    """Every body of `root`'s subtree (itself included), in tree order, with its report on `year`."""
    bodies = list(root.subtree().order_by("path"))
    stored = _stored(root, year)
    lines = []
    coverage = _coverage(root, bodies, year)
    current, own = _year_figures(bodies, year, stored[year], coverage)
    previous, _ = _year_figures(bodies, year - 1, stored[year - 1], _coverage(root, bodies, year - 1))
    for body in bodies:
        line = BodyLine(body, year, report_deadline(body, year), covered_by=coverage.covered_by.get(body.pk))
        _status(line, stored[year], today)
        line.figures, line.previous, line.own = current[body.pk], previous[body.pk], own.get(body.pk)
        lines.append(line)
    return Dashboard(root, year, today, lines)
