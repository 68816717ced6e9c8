from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from gongkai.agencies.models import Agency
from gongkai.appeals.models import CaseKind, Outcome
from gongkai.appeals.tests.factories import make_application, make_case
from gongkai.applications.models import ApplicantType, Result
from gongkai.reports.counts import yearly_counts
from gongkai.reports.formats import REQUEST_COLUMNS, format_for_year, sum_rules

YEARS = range(2019, 2026)

applications = st.lists(
    st.tuples(
        st.one_of(st.none(), st.dates(date(2018, 6, 1), date(2025, 12, 31))),  # received_on
        st.one_of(st.none(), st.integers(0, 500)),  # days until closed, None while open
        st.sampled_from(Result.values),
        st.sampled_from(ApplicantType.values),
    ),
    max_size=25,
)
cases = st.lists(
    st.tuples(
        st.dates(date(2019, 1, 1), date(2025, 12, 31)),  # filed_on
        st.sampled_from(CaseKind.values),
        st.booleans(),  # co-defendant, where the kind allows it
        st.lists(st.tuples(st.integers(0, 400), st.sampled_from(Outcome.values)), max_size=3),
    ),
    max_size=8,
)


def _is_open(received: date, closed: date | None, day: date) -> bool:
    return closed is None or closed > day


class ConsistencyRulesTests(TestCase):
    @settings(max_examples=40, deadline=None)
    @given(applications, cases)
    def test_the_consistency_rules_hold_for_every_year_of_random_records(self, apps, appeal_cases) -> None:  # type: ignore[no-untyped-def]
        agency = Agency.objects.create(code="R", name="随机机关")
        expected_new = dict.fromkeys(YEARS, 0)
        expected_open = dict.fromkeys(YEARS, 0)
        for received, days, result, applicant_type in apps:
            closed = received + timedelta(days=days) if received and days is not None else None
            make_application(
                agency,
                received_on=received,
                closed_on=closed,
                result=result if closed else "",
                applicant_type=applicant_type,
            )
            if received is None:
                continue
            for year in YEARS:
                expected_new[year] += received.year == year
                end = date(year, 12, 31)
                expected_open[year] += received <= end and _is_open(received, closed, end)
        expected_cases = dict.fromkeys(YEARS, 0)
        for filed, kind, co_defendant, steps in appeal_cases:
            flag = co_defendant and kind == CaseKind.LITIGATION_AFTER_RECONSIDERATION
            decisions, day = [], filed
            for offset, outcome in steps:
                day += timedelta(days=offset)
                decisions.append((day, outcome))
            make_case(agency, filed_on=filed, kind=kind, co_defendant=flag, decisions=tuple(decisions))
            expected_cases[filed.year] += not flag

        previous: dict[str, int] | None = None
        for year in YEARS:
            fmt = format_for_year(year)
            cells = yearly_counts(agency, year)
            for rule in sum_rules(fmt):
                parts = sum(cells[key] for key in rule.parts)
                assert parts == cells[rule.total] + sum(cells[key] for key in rule.minus), (year, rule)
            assert cells["requests.new_received.total"] == expected_new[year]
            assert cells["requests.carried_out.total"] == expected_open[year]
            appeal_total = sum(cells[f"appeals.{row}.total"] for row in CaseKind.values)
            assert appeal_total == expected_cases[year]
            if previous is not None:
                for column in REQUEST_COLUMNS:
                    assert (
                        cells[f"requests.carried_in.{column}"] == previous[f"requests.carried_out.{column}"]
                    )
            previous = cells
