"""国办函〔2020〕109号: by count, per applicant per body per natural month, 1–10 free, 11–30 100元, then
100元 more for each band of 10; by volume, per application, 1–30 pages free, 31–100 10元, 101–200 20元,
from 201 40元 a page. Both progressive."""

from __future__ import annotations

import pytest

from gongkai.applications.fees import fee_by_pages, price_of_nth_application, propose_by_volume


@pytest.mark.parametrize(
    ("n", "price"),
    [(1, 0), (10, 0), (11, 100), (30, 100), (31, 200), (40, 200), (41, 300), (50, 300), (51, 400)],
)
def test_the_price_of_the_nth_application_of_a_month(n: int, price: int) -> None:
    assert price_of_nth_application(n) == price


def test_thirty_five_applications_in_a_month_cost_three_thousand_yuan() -> None:
    assert sum(price_of_nth_application(n) for n in range(1, 36)) == 20 * 100 + 5 * 200 == 3000


@pytest.mark.parametrize(
    ("pages", "fee"),
    [(1, 0), (30, 0), (31, 10), (100, 700), (101, 720), (200, 2700), (201, 2740), (250, 4700)],
)
def test_the_fee_for_an_application_of_so_many_pages(pages: int, fee: int) -> None:
    assert fee_by_pages(pages) == fee


def test_the_proposal_by_volume_explains_each_band() -> None:
    proposal = propose_by_volume(250)
    assert proposal.amount == 4700
    assert proposal.explanation == (
        "共250页，30页以内不收费，第31–100页每页10元，第101–200页每页20元，第201–250页每页40元，合计4700元。"
    )
