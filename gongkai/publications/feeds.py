"""Atom feeds of a body's and of a category's published items (newest 30). Every text in them is made XML
1.0 text by the feed's generator (`XmlTextAtom1Feed`): one title with a control character pasted from an
old system made the whole feed a 500 for every reader."""

from __future__ import annotations

import re
from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.db.models.functions import Substr
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from gongkai.agencies.models import Agency
from gongkai.publications import selectors
from gongkai.publications.catalog import subtree_filter
from gongkai.publications.models import Category, Publication
from gongkai.publications.sanitize import body_text, html_head

SHANGHAI = ZoneInfo("Asia/Shanghai")
SUMMARY = 300  # characters of the body in an entry
HEAD = 20_000  # characters of HTML read for them: a feed of 30 rich bodies of megabytes took 18 seconds
# Characters XML 1.0 does not allow (its production Char): C0 controls but tab, LF and CR, surrogates,
# U+FFFE and U+FFFF. Django refuses the controls with an exception and writes the last two as they are.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: str) -> str:
    """The text without the characters an XML document cannot hold."""
    return _NOT_XML.sub("", value)


def _xml_values(values: dict[str, Any]) -> dict[str, Any]:
    return {key: xml_text(value) if isinstance(value, str) else value for key, value in values.items()}


class XmlTextAtom1Feed(Atom1Feed):
    """Atom whose texts (the feed's and each entry's) are XML 1.0 text, whatever the records hold."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **_xml_values(kwargs))

    def add_item(self, *args: Any, **kwargs: Any) -> None:
        super().add_item(*args, **_xml_values(kwargs))


def _newest(items: QuerySet[Publication]) -> QuerySet[Publication]:
    """The newest 30, each with only the beginning of its body."""
    return items.defer("body").annotate(body_head=Substr("body", 1, HEAD))[:30]


class AgencyFeed(Feed[Publication, Agency]):
    feed_type = XmlTextAtom1Feed

    def get_object(self, request: HttpRequest, code: str) -> Agency:
        return get_object_or_404(Agency, code=code)

    def title(self, obj: Agency) -> str:
        return f"{obj.name} · 政府信息公开"

    def link(self, obj: Agency) -> str:
        return reverse("disclosure:column", args=[obj.code])

    def subtitle(self, obj: Agency) -> str:
        return f"{obj.name}最新主动公开的政府信息"

    def items(self, obj: Agency) -> QuerySet[Publication]:
        return _newest(selectors.published(obj))

    def item_title(self, item: Publication) -> str:
        return item.title

    def item_description(self, item: Publication) -> str:
        return body_text(html_head(item.body_head, HEAD))[:SUMMARY]  # type: ignore[attr-defined]

    def item_link(self, item: Publication) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Publication) -> datetime | None:
        return datetime.combine(item.published_on, time(), tzinfo=SHANGHAI) if item.published_on else None

    def item_updateddate(self, item: Publication) -> datetime:
        return item.updated_at

    def item_author_name(self, item: Publication) -> str:
        return item.issuer_name


class CategoryFeed(AgencyFeed):
    def get_object(self, request: HttpRequest, code: str, category_id: int) -> Category:  # type: ignore[override]
        return get_object_or_404(Category, agency__code=code, pk=category_id)

    def title(self, obj: Category) -> str:  # type: ignore[override]
        return f"{obj.agency.name} · {obj.name}"

    def link(self, obj: Category) -> str:  # type: ignore[override]
        return reverse("disclosure:category", args=[obj.agency.code, obj.pk])

    def subtitle(self, obj: Category) -> str:  # type: ignore[override]
        return f"{obj.agency.name}公开目录“{obj.name}”的最新信息"

    def items(self, obj: Category) -> QuerySet[Publication]:  # type: ignore[override]
        return _newest(selectors.published(obj.agency).filter(subtree_filter(obj)))
