"""信息处理费: the fee the system proposes, per 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号).

条例第四十二条: information is provided free of charge; a fee may be charged only where the number or
frequency of an applicant's requests clearly exceeds a reasonable range. So the system only proposes:
staff decide whether to charge, and record any waiver (减免).

Both methods are progressive (超额累进, 办法第三条), and an application is charged by one of them only:
- 按件计收 (第四条): per applicant, per body, per natural month; the n-th application of the month costs
  the price of its band: 1–10 free, 11–30 100元, then each band of 10 costs 100元 more (31–40 200元,
  41–50 300元…).
- 按量计收 (第五条): per application, by pages: 1–30 free, 31–100 10元/页, 101–200 20元/页,
  from 201 40元/页.
Amounts are whole yuan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gongkai.applications.models import Application, FeeMethod

# 办法 in force from 2021-01-01 [unverified in the stored sources: see reference/domain.md §4].
FEES_IN_FORCE = date(2021, 1, 1)

FREE_APPLICATIONS_PER_MONTH = 10
FREE_PAGES = 30
# (first page of the band, yuan per page); the last band has no upper end.
PAGE_BANDS = ((31, 10), (101, 20), (201, 40))


@dataclass(frozen=True)
class FeeProposal:
    """What the system proposes for one application by one method."""

    method: FeeMethod
    quantity: int  # the application's rank in the month (by count) or its pages (by volume)
    amount: int  # yuan
    explanation: str


def price_of_nth_application(n: int) -> int:
    """国办函〔2020〕109号 第四条: the price, in yuan, of an applicant's n-th application in a month."""
    if n < 1:
        raise ValueError("n must be at least 1")
    if n <= FREE_APPLICATIONS_PER_MONTH:
        return 0
    if n <= 30:
        return 100
    # From the 31st, each further band of 10 raises the price by 100元.
    return 100 * (1 + (n - 21) // 10)


def fee_by_pages(pages: int) -> int:
    """国办函〔2020〕109号 第五条: the fee, in yuan, for one application of `pages` pages."""
    if pages < 0:
        raise ValueError("pages must not be negative")
    total = 0
    for index, (first, price) in enumerate(PAGE_BANDS):
        last = PAGE_BANDS[index + 1][0] - 1 if index + 1 < len(PAGE_BANDS) else pages
        if pages >= first:
            total += (min(pages, last) - first + 1) * price
    return total


def same_applicant_in_month(application: Application) -> list[Application]:
    """The applications of the same applicant to the same body received in the same natural month,
    in order of receipt. The applicant is recognised by the identity document number, or by type and
    name when no number was recorded."""
    received = application.received_on
    if received is None:
        return []
    same = Application.objects.filter(
        agency_id=application.agency_id,
        received_on__year=received.year,
        received_on__month=received.month,
    )
    id_number = application.applicant_id_number.strip().upper()
    if id_number:
        same = same.filter(applicant_id_number__iexact=id_number)
    else:
        same = same.filter(
            applicant_id_number="",
            applicant_type=application.applicant_type,
            applicant_name=application.applicant_name,
        )
    return list(same.order_by("received_on", "id"))


def propose_by_count(application: Application) -> FeeProposal:
    """The fee for this application as the n-th of its applicant's month (按件计收)."""
    month = same_applicant_in_month(application)
    rank = next(i for i, other in enumerate(month, start=1) if other.pk == application.pk)
    amount = price_of_nth_application(rank)
    received = application.received_on
    assert received is not None
    explanation = f"该申请人{received.year}年{received.month}月向本机关提出的第{rank}件申请，" + (
        f"按件计收标准为每件{amount}元。"
        if amount
        else f"本月累计未超过{FREE_APPLICATIONS_PER_MONTH}件，不收费。"
    )
    return FeeProposal(method=FeeMethod.BY_COUNT, quantity=rank, amount=amount, explanation=explanation)


def propose_by_volume(pages: int) -> FeeProposal:
    """The fee for one application of `pages` pages (按量计收)."""
    if pages < 1:
        raise ValueError("pages must be at least 1")
    amount = fee_by_pages(pages)
    if amount == 0:
        explanation = f"共{pages}页，未超过{FREE_PAGES}页，不收费。"
    else:
        parts = []
        for index, (first, price) in enumerate(PAGE_BANDS):
            last = PAGE_BANDS[index + 1][0] - 1 if index + 1 < len(PAGE_BANDS) else pages
            if pages >= first:
                parts.append(f"第{first}–{min(pages, last)}页每页{price}元")
        explanation = f"共{pages}页，{FREE_PAGES}页以内不收费，" + "，".join(parts) + f"，合计{amount}元。"
    return FeeProposal(method=FeeMethod.BY_VOLUME, quantity=pages, amount=amount, explanation=explanation)


def propose_fee(application: Application, *, method: str, pages: int | None = None) -> FeeProposal:
    """The system's proposal for `application` by `method` (`FeeMethod`); `pages` for 按量计收."""
    if application.received_on is None:
        raise ValueError("an application without a date of receipt has no fee")
    if method == FeeMethod.BY_COUNT:
        return propose_by_count(application)
    if method == FeeMethod.BY_VOLUME:
        if pages is None:
            raise ValueError("pages are needed to charge by volume")
        return propose_by_volume(pages)
    raise ValueError(f"unknown fee method: {method}")
