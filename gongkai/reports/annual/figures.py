"""The figures of table 二 that live in other systems, entered per body and year (`YearlyFigure`).

Table 二 reports the 第二十条 items "适宜以数据方式呈现且具备统计汇总价值" (格式2021: items （一）（五）（六）
（八）; 格式2019 also （九）). Decisions on 行政许可, 行政处罚 and 行政强制, and fees, are counted in other
systems; 规章 and 行政规范性文件 are entered here too until the body keeps its normative documents in
Gongkai. Every figure is as at 31 December of the report year (格式2021: "各项数据核定时间点为报告年度的
12月31日"); a figure never entered stays blank, never 0.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING

from gongkai.publications.figures import normative_document_figures
from gongkai.reports import formats
from gongkai.reports.models import YearlyFigure

if TYPE_CHECKING:
    from gongkai.agencies.models import Agency

Number = int | Decimal

# Amounts: 行政事业性收费 in 万元 (格式2021), 政府集中采购总金额 (格式2019, entered in 万元 here).
AMOUNT_KEYS = frozenset({"item20_8.fees.amount_10k_yuan", "item20_9.procurement.amount"})
AMOUNT_PLACES = 4
MAX_VALUE = Decimal("99999999999999")  # the column's 18 digits less 4 places
# Table 二 第（一）项 computed from the body's normative-document records, once it keeps them in Gongkai
# (the proactive-disclosure app): `normative_document_figures(agency, year, fmt) -> dict[str, int] | None`,
# None while the records of that year are not complete.
# Generated 2019 reports print the procurement amount in 万元 (the 2019 template names no unit).
PROCUREMENT_UNIT = "万元"


def figure_keys(fmt: str) -> list[str]:
    """Every key of table 二 in the format, in the order the table prints them."""
    return formats.proactive_keys(fmt)


def unit(key: str) -> str:
    """The unit a figure is entered in, as the page shows it beside the field."""
    column = key.rsplit(".", 1)[-1]
    if key in AMOUNT_KEYS:
        return "万元"
    if column in ("prev_year_items", "change"):
        return "项"
    if column == "projects":
        return "个"
    return "件"


def may_be_negative(fmt: str, key: str) -> bool:
    """格式2019's "本年增/减" is a change against the year before and may be negative."""
    return fmt == formats.FORMAT_2019 and key.endswith(".change")


# A figure as people write one: digits, a decimal point, a leading minus; after full-width forms are
# read as ASCII and thousands separators dropped. Not Decimal's whole grammar: "1e3", "1_000", "+5" or
# "NaN" are slips (a spreadsheet's export, a stray key), never what a body meant to report.
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def parse_value(fmt: str, key: str, text: str) -> Number:
    """The figure typed for `key`, or ValueError with a Chinese message naming the field."""
    label = formats.label_for(fmt, key)
    raw = unicodedata.normalize("NFKC", text).strip().replace(",", "").replace("，", "")
    if not raw:
        raise ValueError(f"{label}：未填写")
    if not _PLAIN_NUMBER.fullmatch(raw):
        raise ValueError(f"{label}：“{text.strip()[:20]}”不是数字（请只填写数字，例如 1200 或 12.5）")
    value = Decimal(raw)
    if value < 0 and not may_be_negative(fmt, key):
        raise ValueError(f"{label}：不能为负数")
    if abs(value) > MAX_VALUE:
        raise ValueError(f"{label}：数值过大")
    if key in AMOUNT_KEYS:
        if -int(value.normalize().as_tuple().exponent) > AMOUNT_PLACES:
            raise ValueError(f"{label}：金额最多保留{AMOUNT_PLACES}位小数")
        return value
    if "." in raw:
        raise ValueError(f"{label}：应为整数")
    return int(value)


def as_number(key: str, value: Decimal) -> Number:
    """A stored figure as the report prints it: counts as integers, amounts as decimals."""
    if key in AMOUNT_KEYS:
        return value.normalize() if value != value.to_integral_value() else Decimal(int(value))
    return int(value)


def entered_figures(agency: Agency, year: int) -> dict[str, Number]:
    """The figures entered for the body and year, by key (keys not entered are absent)."""
    fmt = formats.format_for_year(year)
    wanted = set(figure_keys(fmt))
    rows = YearlyFigure.objects.filter(agency=agency, year=year).values_list("key", "value")
    return {key: as_number(key, value) for key, value in rows if key in wanted}


def computed_figures(agency: Agency, year: int) -> dict[str, Number]:
    """The figures of table 二 computed from the body's own records (规章 and 行政规范性文件 issued, repealed
    or expired, in force), which then replace what was entered and can no longer be edited; empty
    while the body does not keep those records in Gongkai for that year."""
    fmt = formats.format_for_year(year)
    figures = normative_document_figures(agency, year, fmt)
    if not figures:
        return {}
    wanted = set(figure_keys(fmt))
    return {key: int(value) for key, value in figures.items() if key in wanted and value is not None}


def computed_figure_keys(agency: Agency, year: int) -> set[str]:
    """The keys of table 二 that are computed from records for the body and year: read-only on the
    figures page and refused on import when they differ."""
    return set(computed_figures(agency, year))


def report_figures(agency: Agency, year: int) -> dict[str, Number]:
    """Table 二 as the report prints it: the entered figures, with the computed ones in their place."""
    return {**entered_figures(agency, year), **computed_figures(agency, year)}
