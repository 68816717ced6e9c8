"""The staff queue's search over number, applicant and description runs on the bigram index, with the same
semantics as the search of published items (NFKC, one kind of year bracket, no spaces, every term), and
follows changes of an application."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.applications.selectors import applications_queue
from gongkai.applications.tests.factories import make_cast, register

pytestmark = pytest.mark.django_db


def numbers(agency: object, q: str) -> set[str]:
    return {a.number for a in applications_queue([agency], q=q, status=None).object_list}  # type: ignore[list-item]


def test_terms_brackets_and_full_width_find_the_same_applications() -> None:
    cast = make_cast()
    first = register(cast, date(2025, 3, 3), description="请公开甬发改投资〔2024〕12号文件")
    second = register(cast, date(2025, 3, 4), applicant_name="宁波甬江建设有限公司", description="环评批复")
    assert numbers(cast.agency, "甬发改投资[2024]12号") == {first.number}
    assert numbers(cast.agency, "甬江 批复") == {second.number}
    assert numbers(cast.agency, "环评　批复") == {second.number}  # a full-width space separates terms
    assert numbers(cast.agency, first.number) == {first.number}
    assert numbers(cast.agency, "不存在") == set()
    second.description = "土地出让合同"
    second.save()
    assert numbers(cast.agency, "出让") == {second.number}
    assert numbers(cast.agency, "环评") == set()
