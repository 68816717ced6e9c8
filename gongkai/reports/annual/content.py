"""`ReportContent`: a generated annual report as one value, the same for every output.

The page, the DOCX, the PDF, the text the rules engine reads and the JSON all render one
`ReportContent`. While a report is worked on, its content is built from the records
(`build_content`); a published version keeps its content as JSON (`as_json` / `from_json`) and is
rendered from that, so that a published report never changes when the records do.

The six sections are those of both formats (格式2019 and 格式2021), in order: 一、总体情况;
二、主动公开政府信息情况 (table); 三、收到和处理政府信息公开申请情况 (table); 四、政府信息公开行政复议、
行政诉讼情况 (table); 五、存在的主要问题及改进情况; 六、其他需要报告的事项.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.reports import formats
from gongkai.reports.annual import prose
from gongkai.reports.annual.cells import covered_bodies, report_cells
from gongkai.reports.annual.facts import YearFacts, year_facts
from gongkai.reports.annual.figures import Number
from gongkai.reports.annual.history import HistoryPoint, history_points
from gongkai.reports.models import AnnualReport

SECTION_HEADINGS = {
    "overview": "一、总体情况",
    "proactive": "二、主动公开政府信息情况",
    "requests": "三、收到和处理政府信息公开申请情况",
    "appeals": "四、政府信息公开行政复议、行政诉讼情况",
    "problems": "五、存在的主要问题及改进情况",
    "other": "六、其他需要报告的事项",
}
TABLE_SECTIONS = ("proactive", "requests", "appeals")
# 条例第五十条: in a government's report, section 五 also covers these results.
ASSESSMENT_HEADING = "工作考核、社会评议和责任追究结果情况"
NO_OTHER_MATTERS = "本年度无其他需要报告的事项。"
# What every form of a report not yet published says under its title: the page, the DOCX, the PDF, the
# text the rules engine reads, and the command line's notice.
DRAFT_MARK = "草稿（未发布）"


@dataclass
class MemberFigures:
    """One body of an aggregated (government) report, for its drill-down table."""

    code: str
    name: str
    source: str  # how its figures were obtained, in Chinese (已发布报告、导入的已发布报告、办理记录…)
    new_received: Number | None
    results_total: Number | None
    carried_out: Number | None
    reconsideration: Number | None
    litigation: Number | None
    note: str = ""  # why its figures leave the sum blank or unbalanced, if they do
    blank_keys: list[str] = field(default_factory=list)  # the cells it could not give


@dataclass
class Section:
    id: str
    heading: str
    paragraphs: list[str]
    table: str | None = None  # "proactive", "requests" or "appeals" for the table sections


@dataclass
class ReportContent:
    agency_code: str
    agency_name: str
    agency_kind: str  # Agency.Kind
    agency_level: str  # Agency.Level
    year: int
    format: str
    cells: dict[str, Number | None]
    extras: dict[str, Any] = field(default_factory=dict)
    preface: str = ""
    overview: str = ""
    problems: str = ""
    assessment: str = ""
    other_matters: str = ""
    fee_sentence: str = ""
    signature_date: date | None = None
    state: str = AnnualReport.State.DRAFT
    version: int = 0  # the published version it is, 0 while unpublished
    change_note: str = ""  # for a correction: why, and what changed
    year_ended: bool = True  # False for a report on a year not yet over: a draft only
    history: list[HistoryPoint] = field(default_factory=list)
    members: list[MemberFigures] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"{self.agency_name}{self.year}年政府信息公开工作年度报告"

    @property
    def is_government(self) -> bool:
        return self.agency_kind == Agency.Kind.GOVERNMENT

    @property
    def is_draft(self) -> bool:
        """Anything not published is a draft, and every rendering says so (草稿)."""
        return self.state != AnnualReport.State.PUBLISHED

    @property
    def corrected(self) -> bool:
        return self.version > 1

    def sections(self) -> list[Section]:
        """The six sections in order, with their paragraphs (a table section has the table's name)."""
        problems = _paragraphs(self.problems)
        assessment = _paragraphs(self.assessment)
        if self.is_government and assessment:
            # 条例第五十条第四项: a government's report adds these results to section 五.
            problems += [f"{ASSESSMENT_HEADING}：{assessment[0]}", *assessment[1:]]
        other = [p for p in [self.fee_sentence, *_paragraphs(self.other_matters)] if p]
        return [
            Section("overview", SECTION_HEADINGS["overview"], _paragraphs(self.overview)),
            Section("proactive", SECTION_HEADINGS["proactive"], [], "proactive"),
            Section("requests", SECTION_HEADINGS["requests"], [], "requests"),
            Section("appeals", SECTION_HEADINGS["appeals"], [], "appeals"),
            Section("problems", SECTION_HEADINGS["problems"], problems),
            Section("other", SECTION_HEADINGS["other"], other or [NO_OTHER_MATTERS]),
        ]

    # --- JSON, for published versions and `gongkai report build --to json` ------------------------------

    def as_json(self) -> dict[str, Any]:
        return {
            "agency": self.agency_code,
            "agency_name": self.agency_name,
            "agency_kind": self.agency_kind,
            "agency_level": self.agency_level,
            "year": self.year,
            "format": self.format,
            "title": self.title,
            "state": self.state,
            "version": self.version,
            "year_ended": self.year_ended,
            "cells": {key: number_json(value) for key, value in self.cells.items()},
            "extras": self.extras,
            "preface": self.preface,
            "overview": self.overview,
            "problems": self.problems,
            "assessment": self.assessment,
            "other_matters": self.other_matters,
            "fee_sentence": self.fee_sentence,
            "signature_date": self.signature_date.isoformat() if self.signature_date else None,
            "change_note": self.change_note,
            "history": [
                {
                    "year": p.year,
                    "new_received": number_json(p.new_received),
                    "results_total": number_json(p.results_total),
                    "disclosed": number_json(p.disclosed),
                    "source": p.source,
                }
                for p in self.history
            ],
            "members": [
                {
                    "code": m.code,
                    "name": m.name,
                    "source": m.source,
                    "new_received": number_json(m.new_received),
                    "results_total": number_json(m.results_total),
                    "carried_out": number_json(m.carried_out),
                    "reconsideration": number_json(m.reconsideration),
                    "litigation": number_json(m.litigation),
                    "note": m.note,
                    "blank_keys": list(m.blank_keys),
                }
                for m in self.members
            ],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ReportContent:
        signed = data.get("signature_date")
        return cls(
            agency_code=data["agency"],
            agency_name=data["agency_name"],
            agency_kind=data["agency_kind"],
            agency_level=data["agency_level"],
            year=int(data["year"]),
            format=data["format"],
            cells={key: number_from_json(value) for key, value in data["cells"].items()},
            extras=dict(data.get("extras") or {}),
            preface=data.get("preface", ""),
            overview=data.get("overview", ""),
            problems=data.get("problems", ""),
            assessment=data.get("assessment", ""),
            other_matters=data.get("other_matters", ""),
            fee_sentence=data.get("fee_sentence", ""),
            signature_date=date.fromisoformat(signed) if signed else None,
            state=data.get("state", AnnualReport.State.DRAFT),
            version=int(data.get("version", 0)),
            change_note=data.get("change_note", ""),
            year_ended=bool(data.get("year_ended", True)),
            history=[
                HistoryPoint(
                    p["year"],
                    number_from_json(p["new_received"]),
                    number_from_json(p["results_total"]),
                    number_from_json(p["disclosed"]),
                    p["source"],
                )
                for p in data.get("history", [])
            ],
            members=[
                MemberFigures(
                    code=m["code"],
                    name=m["name"],
                    source=m["source"],
                    new_received=number_from_json(m["new_received"]),
                    results_total=number_from_json(m["results_total"]),
                    carried_out=number_from_json(m["carried_out"]),
                    reconsideration=number_from_json(m["reconsideration"]),
                    litigation=number_from_json(m["litigation"]),
                    note=m.get("note", ""),
                    blank_keys=list(m.get("blank_keys", [])),
                )
                for m in data.get("members", [])
            ],
        )


def number_json(value: Number | None) -> int | str | None:
    """Counts as JSON numbers; amounts as strings, so that no decimal place is lost to a float."""
    if value is None or isinstance(value, int):
        return value
    return format(value.normalize(), "f") if value != value.to_integral_value() else int(value)


def number_from_json(value: Any) -> Number | None:
    if value is None or isinstance(value, int):
        return value
    return Decimal(str(value))


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]


# --- Building the content of a report being worked on ---------------------------------------------------


@dataclass
class _Figures:
    cells: dict[str, Number | None]
    extras: dict[str, Any]
    facts: YearFacts
    members: list[MemberFigures] = field(default_factory=list)
    subject: str = prose.OWN_SUBJECT  # who the overview speaks of


def _figures(agency: Agency, year: int) -> _Figures:
    """The report's cells and the records' facts: a government's summed over the bodies it covers."""
    if agency.kind == Agency.Kind.GOVERNMENT:
        from gongkai.reports.annual import aggregation

        cells, extras, members = aggregation.aggregated_cells(agency, year)
        facts = aggregation.region_facts(year, members, cells)
        return _Figures(cells, extras, facts, members, aggregation.region_subject(agency))
    cells, extras = report_cells(agency, year)
    return _Figures(cells, extras, year_facts([agency, *covered_bodies(agency, year)], year))


def drafted_overview(agency: Agency, year: int) -> str:
    """一、总体情况 drafted from the body's figures of the year (staff edit it afterwards)."""
    figures = _figures(agency, year)
    return prose.draft_overview(
        formats.format_for_year(year), year, figures.cells, figures.facts, subject=figures.subject
    )


def build_content(
    agency: Agency, year: int, report: AnnualReport | None = None, *, today: date | None = None
) -> ReportContent:
    """The report of `agency` on `year` as it stands now: cells from the records, prose from `report`
    (or drafted, when there is no report yet)."""
    today = today or timezone.localdate()
    fmt = formats.format_for_year(year)
    figures = _figures(agency, year)
    cells, facts = figures.cells, figures.facts
    content = ReportContent(
        agency_code=agency.code,
        agency_name=agency.name,
        agency_kind=agency.kind,
        agency_level=agency.level,
        year=year,
        format=fmt,
        cells=cells,
        extras=figures.extras,
        preface=prose.preface(agency.name, year, fmt),
        overview=report.overview
        if report
        else prose.draft_overview(fmt, year, cells, facts, subject=figures.subject),
        problems=report.problems if report else "",
        assessment=report.assessment if report else "",
        other_matters=report.other_matters if report else "",
        fee_sentence=prose.fee_sentence(facts) if fmt == formats.FORMAT_2021 or facts.fees_paid_yuan else "",
        signature_date=today,
        state=report.state if report else AnnualReport.State.DRAFT,
        year_ended=today > date(year, 12, 31),
        members=figures.members,
    )
    content.history = history_points(agency, year, fmt, cells)
    return content
