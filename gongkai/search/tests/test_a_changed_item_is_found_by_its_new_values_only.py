"""When a published item changes (its validity in the yearly clean-up, its category moved), the index is
written again: it is found under its new values and no longer under the old ones; withdrawn, it is gone."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.publications import catalog_services, services
from gongkai.publications.tests.factories import category, draft, make_cast, publish
from gongkai.search.selectors import search_publications

pytestmark = pytest.mark.django_db


def test_validity_and_category_changes_reach_the_index() -> None:
    cast = make_cast()
    item = publish(
        cast,
        draft(
            cast, kind="normative", category=category(cast.agency, "行政规范性文件"), made_on=date(2024, 1, 5)
        ),
    )
    assert search_publications("重点建设", validity="in_force").total == 1
    services.publication_set_validity(
        actor=cast.staff, publication=item, validity="repealed", changed_on=date(2024, 6, 1)
    )
    assert search_publications("重点建设", validity="in_force").total == 0
    assert search_publications("重点建设", validity="repealed").total == 1
    assert search_publications("重点建设").total == 1

    policies = category(cast.agency, "政策文件")
    assert search_publications("重点建设", category_id=policies.pk).total == 1
    moved = category(cast.agency, "行政规范性文件")
    catalog_services.category_move(actor=cast.staff, category=moved, parent=category(cast.agency, "规划信息"))
    assert search_publications("重点建设", category_id=policies.pk).total == 0
    assert search_publications("重点建设", category_id=category(cast.agency, "规划信息").pk).total == 1

    services.publication_withdraw(actor=cast.head, publication=item, reason="重复发布")
    assert search_publications("重点建设").total == 0
