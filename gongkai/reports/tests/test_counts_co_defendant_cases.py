from __future__ import annotations

from datetime import date

import pytest

from gongkai.appeals.models import CaseKind, Outcome
from gongkai.appeals.tests.factories import make_agency, make_case
from gongkai.reports.counts import yearly_counts

pytestmark = pytest.mark.django_db


def test_a_suit_against_both_bodies_counts_only_at_the_original_body() -> None:
    # 行政复议机关作为共同被告的行政诉讼案件，只计算原行为主体的案件数量。
    government = make_agency("XS", "象山县人民政府")
    department = make_agency("XS-ZRZY", "象山县自然资源和规划局")
    for agency, co_defendant in ((department, False), (government, True)):
        make_case(
            agency,
            filed_on=date(2024, 9, 2),
            kind=CaseKind.LITIGATION_AFTER_RECONSIDERATION,
            decisions=((date(2024, 12, 2), Outcome.UPHELD),),
            co_defendant=co_defendant,
        )
    assert yearly_counts(department, 2024)["appeals.litigation_after_reconsideration.upheld"] == 1
    government_cells = yearly_counts(government, 2024)
    assert government_cells["appeals.litigation_after_reconsideration.total"] == 0
