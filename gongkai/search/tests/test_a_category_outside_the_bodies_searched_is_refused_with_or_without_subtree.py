"""A category filter names a category of the bodies searched: another body's category is refused as unknown
("公开目录不存在。") whether or not the search includes the subordinate bodies. With `subtree`, a sibling
body's category gave an empty page, as if it were one of the body's own empty categories."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from gongkai.publications.tests.factories import category, draft, make_cast, publish
from gongkai.search.selectors import search_publications

pytestmark = pytest.mark.django_db


def test_a_sibling_s_category_is_refused_and_a_subordinate_s_is_searched() -> None:
    cast = make_cast()
    sibling = cast.other.categories.get(name="其他文件")
    mine = category(cast.agency, "其他文件")
    publish(cast, draft(cast, category=mine))
    for subtree in (False, True):
        with pytest.raises(ValidationError, match="公开目录不存在"):
            search_publications("", agency_code="NB-FGW", subtree=subtree, category_id=sibling.pk)
    response = Client().get(
        "/api/publications", {"agency": "NB-FGW", "subtree": "true", "category": str(sibling.pk)}
    )
    assert response.status_code == 400 and response.json()["detail"] == "公开目录不存在。"
    # The city with its subordinates holds both bodies: their categories are searched.
    assert search_publications("", agency_code="NB", subtree=True, category_id=mine.pk).total == 1
    assert search_publications("", agency_code="NB-FGW", subtree=True, category_id=mine.pk).total == 1
    with pytest.raises(ValidationError, match="公开目录不存在"):
        search_publications("", agency_code="NB", category_id=mine.pk)  # the city alone does not hold it
