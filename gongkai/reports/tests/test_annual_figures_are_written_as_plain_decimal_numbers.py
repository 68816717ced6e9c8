"""A yearly figure is written as people write numbers: digits, with thousands separators, a decimal point
for amounts (at most four places) and a minus sign only for 格式2019's 本年增/减. Scientific notation,
underscores, a plus sign or a count written with a decimal point are refused with the field's name — they
are typing or spreadsheet-export slips, not figures anyone meant. Full-width digits, as a Chinese input
method types them, are read as digits."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gongkai.reports.annual.figures import parse_value

COUNT = "item20_5.licensing.decisions"
AMOUNT = "item20_8.fees.amount_10k_yuan"
CHANGE = "item20_5.licensing.change"


@pytest.mark.parametrize("text", ["1e3", "1E3", "1_000", "+5", "12.0", "0x10", "１e3", "٣", "5-", "1,2.3.4"])
def test_counts_in_other_notations_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="行政许可"):
        parse_value("2021", COUNT, text)


@pytest.mark.parametrize("text", ["1e-2", "1.5E2", "+1.5", "1_0.5", ".", "1.", "-0.5"])
def test_amounts_in_other_notations_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="行政事业性收费"):
        parse_value("2021", AMOUNT, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [("12", 12), (" 1,200 ", 1200), ("１２", 12), ("1，200", 1200), ("0", 0), ("007", 7)],
)
def test_counts_as_people_write_them_are_read(text: str, value: int) -> None:
    assert parse_value("2021", COUNT, text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12.5", Decimal("12.5")),
        ("0.1234", Decimal("0.1234")),
        ("3", Decimal(3)),
        ("１２．５", Decimal("12.5")),
    ],
)
def test_amounts_as_people_write_them_are_read(text: str, value: Decimal) -> None:
    assert parse_value("2021", AMOUNT, text) == value


def test_only_the_2019_change_may_be_negative() -> None:
    assert parse_value("2019", CHANGE, "-3") == -3
    assert parse_value("2019", CHANGE, "－3") == -3
    with pytest.raises(ValueError, match="负数"):
        parse_value("2021", COUNT, "-3")
