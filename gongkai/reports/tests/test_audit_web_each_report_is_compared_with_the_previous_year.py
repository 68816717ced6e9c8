"""A report of year Y is audited beside the body's report of Y-1 — from the same upload, or the one stored —
so that the rules across years (in_force_carry, repeated_text, carry_over) apply; a stored report is
rebuilt for them from its stored fields."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gongkai.reports.models import PublishedReport
from gongkai.reports.selectors import parsed_from_published
from gongkai.reports.services import published_reports_audit
from gongkai.reports.tests.audit_web_factories import (
    as_year,
    client_for,
    make_cast,
    seed_bytes,
    store,
    upload,
)

pytestmark = pytest.mark.django_db
ACROSS_YEARS = {"in_force_carry", "repeated_text"}  # seed 002 against itself a year earlier


def rules_of(report: PublishedReport) -> set[str]:
    return set(report.findings.values_list("rule", flat=True))


def test_last_year_s_stored_report_is_used_when_this_year_s_is_uploaded() -> None:
    cast = make_cast()
    store(cast.staff, cast.cixi, as_year("002", 2022, "2022.txt"))
    upload(client_for(cast.staff), [seed_bytes("002")], agency="NB-CX")
    this_year = PublishedReport.objects.get(agency=cast.cixi, year=2023)
    assert rules_of(this_year) >= ACROSS_YEARS
    message = this_year.findings.get(rule="in_force_carry").message
    assert "按上年265（上一年度报告第31行） + 本年制发14 − 本年废止60应为219" in message


def test_last_year_s_report_in_the_same_upload_is_used() -> None:
    cast = make_cast()
    upload(client_for(cast.staff), [seed_bytes("002"), as_year("002", 2022, "2022.txt")], agency="NB-CX")
    assert rules_of(PublishedReport.objects.get(year=2023)) >= ACROSS_YEARS
    assert not ACROSS_YEARS & rules_of(PublishedReport.objects.get(year=2022))  # no 2021 report to compare


def test_without_last_year_s_report_the_rules_across_years_do_not_run() -> None:
    cast = make_cast()
    store(cast.staff, cast.cixi, as_year("002", 2021, "2021.txt"))  # two years earlier
    upload(client_for(cast.staff), [seed_bytes("002")], agency="NB-CX")
    assert not ACROSS_YEARS & rules_of(PublishedReport.objects.get(year=2023))


def test_an_audit_only_upload_for_a_body_is_compared_with_its_stored_report() -> None:
    cast = make_cast()
    store(cast.staff, cast.cixi, as_year("002", 2022, "2022.txt"))
    response = upload(client_for(cast.staff), [seed_bytes("002")], agency="NB-CX", mode="audit")
    assert "与2022年度报告（已存）" in response.content.decode()
    assert "“存在的主要问题及改进情况”与上一年度报告（第393—400行）雷同" in response.content.decode()
    [audited] = published_reports_audit(actor=cast.staff, files=[seed_bytes("002")], agency=cast.cixi)
    assert (audited.previous_year, audited.previous_from) == (2022, "stored")


def test_a_stored_report_is_rebuilt_as_the_reader_read_it() -> None:
    cast = make_cast()
    [stored] = store(cast.supervisor, cast.xiangshan, seed_bytes("003"))
    [read] = published_reports_audit(actor=cast.staff, files=[seed_bytes("003")])
    assert read.report is not None
    rebuilt = parsed_from_published(stored)
    for field in (
        "format",
        "year",
        "period",
        "published_on",
        "cells",
        "cell_lines",
        "sections",
        "tables_found",
        "lines",
    ):
        assert getattr(rebuilt, field) == getattr(read.report, field), field


def test_a_stored_amount_with_decimals_is_rebuilt_exactly() -> None:
    cast = make_cast()
    name, data = seed_bytes("002")
    text = data.decode("utf-8").replace("\t行政事业性收费\n\t0\n", "\t行政事业性收费\n\t2.35\n")
    [stored] = store(cast.staff, cast.cixi, (name, text.encode("utf-8")))
    assert stored.cells["item20_8.fees.amount_10k_yuan"] == 2.35  # JSON keeps it as a float
    assert parsed_from_published(stored).cells["item20_8.fees.amount_10k_yuan"] == Decimal("2.35")
