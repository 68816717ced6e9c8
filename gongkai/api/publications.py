"""Published items, for anyone (no token): list a body's or a category's items, search them, read one.
The same search as the portal (`gongkai.search`): a term hits when it is a substring of the title, the
document number, the body or an attachment's text, after N (NFKC, one kind of year bracket, no spaces)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema

from gongkai.api.schemas import ErrorOut
from gongkai.publications import selectors
from gongkai.publications.models import Publication, Status
from gongkai.publications.public_views import PUBLIC_MAX_AGE
from gongkai.publications.sanitize import sanitize_body
from gongkai.search.selectors import SearchPage, search_publications

router = Router(tags=["主动公开"])


class PublicationSummaryOut(Schema):
    index_number: str = Field(title="索引号")
    title: str = Field(title="标题")
    published: dt.date = Field(title="发布日期")
    agency: str = Field(title="机关代码")
    url: str = Field(title="门户页面")


class PublicationPageOut(Schema):
    total: int = Field(title="结果总数", description="超过 10000 时为 10000，且 total_is_exact 为 false")
    total_is_exact: bool = Field(title="总数是否精确")
    page: int
    per_page: int
    hits: list[PublicationSummaryOut]


class AttachmentOut(Schema):
    name: str
    type: str
    size: int
    url: str


class LinkOut(Schema):
    index_number: str
    title: str
    url: str


class PublicationOut(Schema):
    index_number: str = Field(title="索引号")
    title: str = Field(title="标题")
    agency: str = Field(title="机关代码")
    issuer: str = Field(title="发布机构")
    doc_number: str = Field(title="文号")
    made_on: dt.date | None = Field(title="成文日期")
    published: dt.date = Field(title="发布日期")
    topic: str = Field(title="主题分类")
    genre: str = Field(title="体裁")
    kind: str = Field(
        title="信息类型", description="document, regulation, normative, interpretation, graphic"
    )
    category: list[str] = Field(title="公开目录", description="从顶级目录起的路径")
    validity: str = Field(title="有效性", description="in_force, expired, repealed；非规范性文件为空")
    validity_changed_on: dt.date | None = Field(title="失效或废止日期")
    successor: LinkOut | None = Field(title="替代文件")
    interprets: LinkOut | None = Field(title="解读的文件")
    interpretations: list[LinkOut] = Field(title="政策解读")
    body_html: str = Field(title="正文（已清理的 HTML）")
    attachments: list[AttachmentOut]
    url: str


class SearchQuery(Schema):
    q: str = Field("", title="检索词", max_length=200, description="以空格分隔的多个词须同时命中")
    agency: str | None = Field(None, title="机关代码")
    subtree: bool = Field(False, title="含下级机关")
    category: int | None = Field(None, title="公开目录编号（含下级目录）")
    year: int | None = Field(None, title="发布年度")
    validity: str | None = Field(None, title="有效性")
    genre: str | None = Field(None, title="体裁")
    kind: str | None = Field(
        None, title="信息类型", description="document, regulation, normative, interpretation, graphic"
    )
    order: str = Field("newest", title="排序", description="newest（默认）或 relevance")
    page: int = Field(1, ge=1, le=10_000)
    per_page: int = Field(20, ge=1, le=100)


def _page(found: SearchPage) -> dict[str, Any]:
    return {
        "total": found.total,
        "total_is_exact": found.total_is_exact,
        "page": found.page,
        "per_page": found.per_page,
        "hits": [
            {
                "index_number": h.index_number,
                "title": h.title,
                "published": h.published,
                "agency": h.agency_code,
                "url": f"/disclosure/{h.agency_code}/{h.serial}/",
            }
            for h in found.hits
        ],
    }


def _search(query: SearchQuery) -> dict[str, Any]:
    return _page(
        search_publications(
            query.q,
            agency_code=query.agency,
            subtree=query.subtree,
            category_id=query.category,
            year=query.year,
            validity=query.validity,
            genre=query.genre,
            kind=query.kind,
            order=query.order,
            page=query.page,
            per_page=query.per_page,
        )
    )


@router.get(
    "/publications", response={200: PublicationPageOut, 400: ErrorOut}, summary="列出已公开的政府信息"
)
def publications_list(
    request: HttpRequest, response: HttpResponse, query: Query[SearchQuery]
) -> dict[str, Any]:
    """最新发布在前；可按机关、目录、年度、有效性、体裁筛选，也可带检索词。"""
    _shared(response)
    return _search(query)


@router.get(
    "/publications/search", response={200: PublicationPageOut, 400: ErrorOut}, summary="检索已公开的政府信息"
)
def publications_search(
    request: HttpRequest, response: HttpResponse, query: Query[SearchQuery]
) -> dict[str, Any]:
    """标题、文号、正文和附件文字中包含检索词的信息。"""
    _shared(response)
    return _search(query)


def _shared(response: HttpResponse) -> None:
    """Published items are the same for everyone: shared caches may keep an answer a few minutes, as they
    keep the portal's pages (an error is answered afresh, without it)."""
    response["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE}"


def _link(p: Publication | None) -> dict[str, str] | None:
    if p is None or p.status != Status.PUBLISHED:
        return None
    return {"index_number": p.index_number or "", "title": p.title, "url": p.get_absolute_url()}


@router.get(
    "/publications/{code}/{serial}",
    response={200: PublicationOut, 404: ErrorOut},
    summary="读取一条已公开的政府信息",
    description="serial 为索引号中机关代码之后的部分，如 NB-FGW/2024-00012 的 2024-00012。",
)
def publication_read(request: HttpRequest, response: HttpResponse, code: str, serial: str) -> dict[str, Any]:
    p = selectors.published_item(code, serial)
    _shared(response)
    url = p.get_absolute_url()
    return {
        "index_number": p.index_number,
        "title": p.title,
        "agency": p.agency.code,
        "issuer": p.issuer_name,
        "doc_number": p.doc_number,
        "made_on": p.made_on,
        "published": p.published_on,
        "topic": p.get_topic_display(),
        "genre": p.get_genre_display(),
        "kind": p.kind,
        "category": [c.name for c in selectors.category_trail(p.category)],
        "validity": p.validity,
        "validity_changed_on": p.validity_changed_on,
        "successor": _link(p.successor),
        "interprets": _link(p.interprets),
        "interpretations": [_link(i) for i in selectors.linked(p.interpretations.all())],
        "body_html": sanitize_body(p.body),
        "attachments": [
            {"name": a.name, "type": a.type, "size": a.size, "url": f"{url}attachments/{a.pk}/"}
            for a in p.attachments.all()
        ],
        "url": url,
    }
