"""Records that reproduce a report's tables: applications, appeal cases and yearly figures whose
counts give exactly the given cells (of the 2019 or 2021 format)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User

from gongkai.agencies.models import Agency
from gongkai.appeals.models import Outcome
from gongkai.appeals.tests.factories import make_application, make_case
from gongkai.reports import formats
from gongkai.reports.models import YearlyFigure

_OUTCOME_DAY: dict[str, int] = {Outcome.UPHELD: 1, Outcome.CORRECTED: 2, Outcome.OTHER: 3}


def _make_cases(agency: Agency, year: int, cells: Mapping[str, Any]) -> None:
    """The reconsiderations and lawsuits of table 四's cells, each decided in June (or pending)."""
    for row in formats.APPEAL_ROWS:
        for outcome in formats.APPEAL_OUTCOMES:
            for _ in range(int(cells.get(f"appeals.{row}.{outcome}") or 0)):
                filed = date(year, 3, 1)
                decisions = (
                    () if outcome == Outcome.PENDING else ((date(year, 6, _OUTCOME_DAY[outcome]), outcome),)
                )
                make_case(agency, filed_on=filed, kind=row, decisions=decisions)


def make_records(agency: Agency, year: int, cells: Mapping[str, Any], *, by: User) -> None:
    """Applications, cases and figures of `agency` whose report on `year` has these cells."""
    fmt = formats.format_for_year(year)
    results = formats.result_rows(fmt)
    for column in formats.APPLICANT_COLUMNS:
        carried_in = int(cells.get(f"requests.carried_in.{column}") or 0)
        new = int(cells.get(f"requests.new_received.{column}") or 0)
        received = [date(year - 1, 12, 1)] * carried_in + [
            date(year, 1, 2) + timedelta(days=i % 300) for i in range(new)
        ]
        outcomes: list[str] = []
        for row in results:
            outcomes += [row] * int(cells.get(f"requests.{row}.{column}") or 0)
        for index, received_on in enumerate(received):
            if index < len(outcomes):
                result = outcomes[index]
                if result == "other_processing":
                    result = "other_other"
                closed = max(received_on + timedelta(days=20), date(year, 1, 3))
                make_application(
                    agency,
                    received_on=received_on,
                    closed_on=min(closed, date(year, 12, 31)),
                    result=result,
                    applicant_type=column,
                )
            else:
                make_application(agency, received_on=received_on, applicant_type=column)
    _make_cases(agency, year, cells)
    for key in formats.proactive_keys(fmt):
        value = cells.get(key)
        if value is not None:
            YearlyFigure.objects.create(
                agency=agency, year=year, key=key, value=Decimal(str(value)), entered_by=by
            )
