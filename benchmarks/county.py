"""A generated county for the annual-report benchmarks: a government, its departments and its 乡镇/街道,
each with its applications over 2019–2025, appeal cases and yearly figures, written in bulk; and the
reports of a year in every state a supervising office meets in February (published on time or late,
corrected, imported from elsewhere, in the works and checked, covered by another body, not started).
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from common import fill_applications
from django.db import connection

BODIES = 300
PER_BODY = 3000
TOWNSHIPS = 40


@dataclass
class County:
    government: Any  # Agency
    bodies: list[Any]  # every body, the government first
    admin: Any  # User


def county_arguments() -> argparse.ArgumentParser:
    """--bodies, --per-body (a smaller county for a quick look) and --runs."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--bodies", type=int, default=BODIES)
    parser.add_argument("--per-body", type=int, default=PER_BODY)
    parser.add_argument("--runs", type=int, default=3)
    return parser


def make_county(n_bodies: int = BODIES, per_body: int = PER_BODY, year: int = 2024) -> County:
    from django.contrib.auth.models import User

    from gongkai.agencies.models import Agency
    from gongkai.appeals.models import AppealCase
    from gongkai.reports import formats
    from gongkai.reports.models import YearlyFigure

    admin = User.objects.create_superuser("bench-admin", password="bench-password-1")
    # Bodies that have made their annual reports in Gongkai since 2019 (none of their years is "not made here").
    government = Agency.objects.create(
        code="XS",
        name="象山县人民政府",
        kind=Agency.Kind.GOVERNMENT,
        level=Agency.Level.COUNTY,
        reports_from=2019,
    )
    bodies = [government]
    children = []
    for i in range(1, n_bodies):
        township = i > n_bodies - TOWNSHIPS
        children.append(
            Agency(
                code=f"XS-{i:03d}",
                name=f"象山县某{'镇' if township else '局'}{i:03d}",
                parent=government,
                kind=Agency.Kind.TOWNSHIP if township else Agency.Kind.DEPARTMENT,
                level=Agency.Level.TOWNSHIP if township else Agency.Level.COUNTY,
                path=f"/XS/XS-{i:03d}/",
                reports_from=2019,
            )
        )
    bodies += Agency.objects.bulk_create(children)
    rng = random.Random(6)
    cases, figures = [], []
    for index, body in enumerate(bodies):
        fill_applications(body, per_body, seed=index + 10, index=False)  # the reports never search
        for _ in range(3):
            cases.append(
                AppealCase(
                    agency=body,
                    kind=rng.choice(
                        ["reconsideration", "litigation_direct", "litigation_after_reconsideration"]
                    ),
                    filed_on=date(rng.choice([year - 1, year]), rng.randint(1, 12), rng.randint(1, 28)),
                )
            )
        for y in (year - 1, year):
            for key in formats.proactive_keys(formats.format_for_year(y)):
                figures.append(
                    YearlyFigure(
                        agency=body, year=y, key=key, value=Decimal(rng.randint(0, 500)), entered_by=admin
                    )
                )
    AppealCase.objects.bulk_create(cases)
    YearlyFigure.objects.bulk_create(figures)
    return County(government, bodies, admin)


def set_report_states(county: County, year: int = 2024) -> dict[str, int]:
    """The year's reports in the states of mid-February, and last year's all published; returns how
    many bodies are in each. Published contents are built from the records, as publishing does."""
    from gongkai.reports.annual.check import check_content
    from gongkai.reports.annual.content import build_content
    from gongkai.reports.annual.text import report_text
    from gongkai.reports.models import (
        AnnualReport,
        AnnualReportVersion,
        AuditFinding,
        CoveredBody,
        PublishedReport,
    )

    states: dict[str, int] = {}

    def publish(body: Any, y: int, on: date, number: int = 1) -> None:
        content = build_content(body, y, today=on)
        content.state, content.version = "published", number
        report, _ = AnnualReport.objects.get_or_create(
            agency=body, year=y, defaults={"format": content.format}
        )
        report.state = "published"
        report.save()
        findings = [f.as_json() for f in check_content(content).findings]
        AnnualReportVersion.objects.create(
            report=report, number=number, published_on=on, published_by=county.admin, approved_by=county.admin,
            content=content.as_json(), findings=findings, text=report_text(content), docx=b"", pdf=b"",
        )  # fmt: skip

    departments = county.bodies[1:]
    for index, body in enumerate(departments):
        kind = index % 10
        if kind < 4:
            publish(body, year, date(year + 1, 1, 20) + timedelta(days=kind * 5))  # kind 3: late
            state = "published"
        elif kind == 4:
            content = build_content(body, year)
            findings = [f.as_json() for f in check_content(content).findings]
            AnnualReport.objects.create(
                agency=body, year=year, format="2021", state="submitted", findings=findings,
                checked_at=datetime(year + 1, 1, 25, tzinfo=UTC),
            )  # fmt: skip
            state = "submitted"
        elif kind == 5:
            imported = PublishedReport.objects.create(
                agency=body, year=year, format="2021", source_name="report.docx", source_form="docx",
                source_bytes=b"", text="", cells=build_content(body, year).as_json()["cells"],
                published_on=date(year + 1, 1, 28),
            )  # fmt: skip
            AuditFinding.objects.bulk_create(
                AuditFinding(report=imported, position=i, rule="blank_cell", severity="warning", message="…")
                for i in range(3)
            )
            state = "imported"
        elif kind == 6 and index + 1 < len(departments):
            CoveredBody.objects.create(agency=body, year=year, covered_by=departments[index + 1])
            state = "covered"
        else:
            state = "not started"
        states[state] = states.get(state, 0) + 1
    # Last year: every report published (the key figures beside this year's come from them).
    previous = year - 1
    for body in county.bodies:
        content = build_content(body, previous, today=date(year, 1, 25))
        content.state, content.version = "published", 1
        report = AnnualReport.objects.create(
            agency=body, year=previous, format=content.format, state="published"
        )
        AnnualReportVersion.objects.create(
            report=report, number=1, published_on=date(year, 1, 25), published_by=county.admin,
            approved_by=county.admin, content=content.as_json(), findings=[], text="", docx=b"", pdf=b"",
        )  # fmt: skip
    return states


def analyse() -> None:
    """PostgreSQL after bulk inserts, as autovacuum leaves it; SQLite as it runs (no ANALYZE)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
