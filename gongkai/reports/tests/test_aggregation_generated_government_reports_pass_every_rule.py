"""A government's aggregated report passes every rule of the engine by construction, as a body's own
does: for random records spread over the government's own office, a department, a 乡镇 and a body covered
by the department, with every yearly figure entered, the report of any year has no finding at all, and
each cell is the sum of the members' own reports."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from gongkai.agencies.models import Agency
from gongkai.appeals.models import CaseKind, Outcome
from gongkai.appeals.tests.factories import make_application, make_case, make_user
from gongkai.applications.models import ApplicantType, Result
from gongkai.reports import formats
from gongkai.reports.annual.cells import own_cells, report_cells
from gongkai.reports.annual.check import check_content
from gongkai.reports.annual.content import build_content
from gongkai.reports.annual.figures import AMOUNT_KEYS, may_be_negative
from gongkai.reports.models import AnnualReport, CoveredBody, YearlyFigure

records = st.lists(
    st.tuples(
        st.integers(0, 3),  # which body
        st.dates(date(2018, 6, 1), date(2025, 12, 31)),
        st.one_of(st.none(), st.integers(0, 500)),
        st.sampled_from(Result.values),
        st.sampled_from(ApplicantType.values),
    ),
    max_size=30,
)
cases = st.lists(
    st.tuples(
        st.integers(0, 3),
        st.dates(date(2019, 1, 1), date(2025, 12, 31)),
        st.sampled_from(CaseKind.values),
        st.sampled_from(Outcome.values),
    ),
    max_size=6,
)
PROBLEMS = "本年度政府信息公开工作仍存在解读形式较为单一等问题。下一步将丰富解读形式，提高答复质量。"


class AggregatedReportsTests(TestCase):
    @settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(records, cases, st.integers(2019, 2025), st.integers(0, 1000))
    def test_every_rule_holds_and_every_cell_is_the_members_sum(self, apps, appeal_cases, year, seed) -> None:  # type: ignore[no-untyped-def]
        government = Agency.objects.create(
            code="G", name="象山县人民政府", path="/G/", kind=Agency.Kind.GOVERNMENT
        )
        department = Agency.objects.create(code="D", name="象山县财政局", path="/G/D/", parent=government)
        town = Agency.objects.create(
            code="T", name="象山县丹西街道办事处", path="/G/T/", parent=government, kind=Agency.Kind.TOWNSHIP
        )
        office = Agency.objects.create(code="O", name="象山县财政局某所", path="/G/D/O/", parent=department)
        CoveredBody.objects.create(agency=office, year=year, covered_by=department)
        bodies = [government, department, town, office]
        staff = make_user(government, username="g-staff")
        for which, received, days, result, applicant_type in apps:
            closed = received + timedelta(days=days) if days is not None else None
            make_application(
                bodies[which],
                received_on=received,
                closed_on=closed,
                result=result if closed else "",
                applicant_type=applicant_type,
            )
        for which, filed, kind, outcome in appeal_cases:
            make_case(
                bodies[which], filed_on=filed, kind=kind, decisions=((filed + timedelta(days=30), outcome),)
            )
        fmt = formats.format_for_year(year)
        for agency in bodies[:3]:
            for index, key in enumerate(formats.proactive_keys(fmt)):
                if key in AMOUNT_KEYS:
                    value = Decimal(seed) / 10000
                elif may_be_negative(fmt, key):
                    value = Decimal(index - 3)
                else:
                    value = Decimal(seed + index)
                YearlyFigure.objects.create(agency=agency, year=year, key=key, value=value, entered_by=staff)

        drafted = build_content(government, year)
        report = AnnualReport(
            agency=government, year=year, format=fmt, overview=drafted.overview, problems=PROBLEMS
        )
        content = build_content(government, year, report, today=date(year + 1, 2, 10))
        checked = check_content(content)

        assert [(f.rule, f.severity, f.message) for f in checked.findings] == []
        parts = [own_cells(government, year)[0], *(report_cells(agency, year)[0] for agency in bodies[1:3])]
        for key in formats.all_keys(fmt):
            assert content.cells[key] == sum(part[key] for part in parts), key  # type: ignore[misc]
