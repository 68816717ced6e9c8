"""Table 二, 第二十条第（一）项 of the annual report, from the register of normative documents.

Computed only for years from which the body marked its register complete (`NormativeRegister`): an earlier
year would be counted from a partial register, so it is entered by hand (None here).

Format 2021 (国办公开办函〔2021〕30号), each for 规章 and 行政规范性文件; "各项数据核定时间点为报告年度的12月31日":
- issued (本年制发件数): documents made (成文日期; the publication date where none is recorded) in the year,
  whether published in it or after it (a document made in December and published in January counts in the
  year it was made, once its page is public);
- repealed (本年废止件数): documents repealed *or expired* (失效) in the year (DESIGN.md, counting rules);
- in_force (现行有效件数): documents made by 31 December and neither repealed nor expired by then.
Format 2019 (国办公开办函〔2019〕60号):
- newly_made (本年新制作数量): made in the year (published in it or since);
- newly_published (本年新公开数量): published in the year;
- total_published (对外公开总数量): published by 31 December (whatever their validity since).
An item counts while it is public: one withdrawn (撤回) by 31 December was published in error and is left out.
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.db.models import Q

from gongkai.agencies.models import Agency
from gongkai.publications.models import Kind, NormativeRegister, Publication, Status, Validity

ROWS = {"regulations": Kind.REGULATION, "normative_documents": Kind.NORMATIVE}
SHANGHAI = ZoneInfo("Asia/Shanghai")


def records_complete_from(agency: Agency) -> int | None:
    register = NormativeRegister.objects.filter(agency=agency).first()
    return register.complete_from if register else None


def normative_document_figures(agency: Agency, year: int, fmt: str) -> dict[str, int] | None:
    """The item20_1 cells of `fmt` ("2021" or "2019") under their canonical keys, or None when the body's
    register is not marked complete for `year`."""
    if fmt not in ("2019", "2021"):
        raise ValueError(f"unknown report format for item20_1: {fmt}")
    complete_from = records_complete_from(agency)
    if complete_from is None or year < complete_from:
        return None
    start, end = date(year, 1, 1), date(year, 12, 31)
    year_end = datetime.combine(end, time.max, tzinfo=SHANGHAI)
    # Public on 31 December: published by then (and not withdrawn before the year's end) ...
    public = (Q(status=Status.PUBLISHED) | Q(status=Status.WITHDRAWN, withdrawn_at__gt=year_end)) & Q(
        published_on__lte=end
    )
    # ... or made by then and published since: a document made on 28 December and published on 5 January
    # was made (制发) in the year it was made; counting it only from its publication lost it from every
    # year's 本年制发件数 while the next year's 现行有效件数 had it (上年现行有效 + 本年制发 − 本年废止 broke).
    published_since = Q(status=Status.PUBLISHED, published_on__gt=end, made_on__lte=end)
    cells: dict[str, int] = {}
    for row, kind in ROWS.items():
        items = list(
            Publication.objects.filter(public | published_since, agency=agency, kind=kind).values_list(
                "made_on", "published_on", "validity", "validity_changed_on"
            )
        )
        made: list[date] = [m or p for m, p, _, _ in items if (m or p) is not None]  # type: ignore[misc]
        if fmt == "2021":
            ended = [
                v in (Validity.EXPIRED, Validity.REPEALED) and c is not None and c <= end
                for _, _, v, c in items
            ]
            cells[f"item20_1.{row}.issued"] = sum(start <= d <= end for d in made)
            cells[f"item20_1.{row}.repealed"] = sum(
                v in (Validity.EXPIRED, Validity.REPEALED) and c is not None and start <= c <= end
                for _, _, v, c in items
            )
            cells[f"item20_1.{row}.in_force"] = sum(
                d <= end and not gone for d, gone in zip(made, ended, strict=True)
            )
        else:
            cells[f"item20_1.{row}.newly_made"] = sum(start <= d <= end for d in made)
            cells[f"item20_1.{row}.newly_published"] = sum(
                p is not None and start <= p <= end for _, p, _, _ in items
            )
            cells[f"item20_1.{row}.total_published"] = sum(p is not None and p <= end for _, p, _, _ in items)
    return cells
