"""A generated report passes every rule of the engine by construction: for random applications (every
result, every applicant type, open across years), appeal cases and yearly figures, the report of every
year 2019–2025 has no finding at all — no error, and no warning either, since the figures are all
entered and the prose is Gongkai's own."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from gongkai.agencies.models import Agency
from gongkai.appeals.models import CaseKind, Outcome
from gongkai.appeals.tests.factories import make_application, make_case, make_user
from gongkai.applications.models import ApplicantType, Application, Channel, Result
from gongkai.reports import formats
from gongkai.reports.annual.check import check_content
from gongkai.reports.annual.content import build_content
from gongkai.reports.annual.figures import AMOUNT_KEYS, may_be_negative
from gongkai.reports.models import AnnualReport, YearlyFigure

applications = st.lists(
    st.tuples(
        st.dates(date(2018, 6, 1), date(2025, 12, 31)),  # received_on
        st.one_of(st.none(), st.integers(0, 500)),  # days until closed, None while open
        st.sampled_from(Result.values),
        st.sampled_from(ApplicantType.values),
        st.sampled_from(Channel.values),
    ),
    max_size=30,
)
cases = st.lists(
    st.tuples(
        st.dates(date(2019, 1, 1), date(2025, 12, 31)),
        st.sampled_from(CaseKind.values),
        st.lists(st.tuples(st.integers(0, 400), st.sampled_from(Outcome.values)), max_size=3),
    ),
    max_size=6,
)
figures = st.fixed_dictionaries(
    {},
    optional={
        "count": st.integers(0, 100_000),
        "change": st.integers(-50, 50),
        "amount": st.decimals(min_value=0, max_value=100_000, places=4, allow_nan=False),
    },
)
PROBLEMS = "本年度政府信息公开工作仍存在解读形式较为单一等问题。下一步将丰富解读形式，提高答复质量。"


class GeneratedReportsTests(TestCase):
    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(applications, cases, st.integers(2019, 2025), figures)
    def test_every_rule_holds_for_the_report_of_random_records(
        self,
        apps: list[tuple[date, int | None, str, str, str]],
        appeal_cases: list[tuple[date, str, list[tuple[int, str]]]],
        year: int,
        seedlings: dict[str, int | Decimal],
    ) -> None:
        agency = Agency.objects.create(code="R", name="象山县人民政府办公室", path="/R/")
        staff = make_user(agency, username="r-staff")
        for received, days, result, applicant_type, channel in apps:
            closed = received + timedelta(days=days) if days is not None else None
            application = make_application(
                agency,
                received_on=received,
                closed_on=closed,
                result=result if closed else "",
                applicant_type=applicant_type,
            )
            Application.objects.filter(pk=application.pk).update(channel=channel)
        for filed, kind, steps in appeal_cases:
            decisions: list[tuple[date, str]] = []
            day = filed
            for offset, outcome in steps:
                day += timedelta(days=offset)
                decisions.append((day, outcome))
            make_case(agency, filed_on=filed, kind=kind, decisions=tuple(decisions))
        fmt = formats.format_for_year(year)
        for index, key in enumerate(formats.proactive_keys(fmt)):
            if key in AMOUNT_KEYS:
                value = seedlings.get("amount", Decimal("12.5"))
            elif may_be_negative(fmt, key):
                value = Decimal(seedlings.get("change", -3))
            else:
                value = Decimal(seedlings.get("count", 7) + index)
            YearlyFigure.objects.create(agency=agency, year=year, key=key, value=value, entered_by=staff)

        drafted = build_content(agency, year)
        report = AnnualReport(
            agency=agency, year=year, format=fmt, overview=drafted.overview, problems=PROBLEMS
        )
        content = build_content(agency, year, report, today=date(year + 1, 1, 20))
        checked = check_content(content)

        assert [(f.rule, f.severity, f.message) for f in checked.findings] == []
