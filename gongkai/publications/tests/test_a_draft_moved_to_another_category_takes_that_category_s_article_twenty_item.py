"""An item's 第二十条 item (the fifteen items of 条例第二十条) comes from its catalog category unless given: a
draft moved to another category takes that category's item (it kept the item of its first category, so a
notice moved from 行政规范性文件 to 财政预决算 stayed under 第（一）项); an item given explicitly, or a save
that leaves the category as it was, keeps it. The staff page shows it."""

from __future__ import annotations

import pytest
from django.test import Client

from gongkai.publications import services
from gongkai.publications.tests.factories import category, draft, make_cast

pytestmark = pytest.mark.django_db


def test_moving_a_draft_changes_its_item_and_saving_it_in_place_does_not() -> None:
    cast = make_cast()
    normative, budget = category(cast.agency, "行政规范性文件"), category(cast.agency, "财政预决算")
    assert normative.item == 1 and budget.item not in (None, 1)
    item = draft(cast, category=normative)
    assert item.item == 1

    services.publication_update(actor=cast.staff, publication=item, category=budget.pk)
    item.refresh_from_db()
    assert item.item == budget.item

    services.publication_update(actor=cast.staff, publication=item, item=15)
    services.publication_update(actor=cast.staff, publication=item, category=budget.pk, title="改了标题")
    item.refresh_from_db()
    assert item.item == 15  # given explicitly, and the category did not change

    services.publication_update(actor=cast.staff, publication=item, category=None)
    item.refresh_from_db()
    assert item.item is None

    client = Client()
    client.force_login(cast.staff)
    services.publication_update(actor=cast.staff, publication=item, category=normative.pk)
    assert "第（一）项" in client.get(f"/staff/publications/{item.pk}/").content.decode()
