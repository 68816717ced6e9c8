"""Searching published items for the portal, the API and the command line: filters named by code and
checked, hits with their items and highlighted snippets."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db.models.functions import Substr

from gongkai.agencies.models import Agency
from gongkai.search import engine, text
from gongkai.search.highlight import SCAN, Part, marked, snippet

MAX_QUERY = 200
MAX_TERMS = 10
MAX_PAGE = engine.TOTAL_CAP
# The years a search may be filtered by: from the founding of the People's Republic.
FIRST_YEAR, LAST_YEAR = 1949, 9999


@dataclass
class Hit:
    publication_id: int
    index_number: str
    title: str
    published: date
    agency_name: str
    agency_code: str
    serial: str
    doc_number: str
    title_parts: list[Part] = field(default_factory=list)
    snippet_parts: list[Part] = field(default_factory=list)


@dataclass
class SearchPage:
    query: str
    terms: list[str]
    total: int
    total_is_exact: bool
    page: int
    per_page: int
    hits: list[Hit]

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def _checked_query(query: str, order: str) -> str:
    query = (query or "").strip()
    if len(query) > MAX_QUERY:
        raise ValidationError(f"检索词过长（最多 {MAX_QUERY} 个字）。")
    if len(query.split()) > MAX_TERMS:
        raise ValidationError(f"检索词最多 {MAX_TERMS} 个。")
    if order not in engine.ORDERS:
        raise ValidationError("排序应为 newest（最新）或 relevance（相关度）。")
    return query


def _check_filters(*, validity: str | None, genre: str | None, kind: str | None, year: int | None) -> None:
    from gongkai.publications.models import Genre, Kind, Validity

    if validity and validity not in Validity.values:
        raise ValidationError(f"未知的有效性：{validity}")
    if genre and genre not in Genre.values:
        raise ValidationError(f"未知的体裁：{genre}")
    if kind and kind not in Kind.values:
        raise ValidationError(f"未知的信息类型：{kind}")
    if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError(f"年度超出范围：{year}")


def _holds(agency: Agency, owner: Agency, subtree: bool) -> bool:
    """Whether the bodies searched (the body, or with `subtree` the body and those under it) hold `owner`:
    a category of a body outside them is refused as unknown, with or without `subtree` (with it, another
    body's category gave an empty page as if it were the body's own)."""
    return owner.pk == agency.pk or (subtree and agency.includes(owner))


def search_publications(
    query: str,
    *,
    agency_code: str | None = None,
    subtree: bool = False,
    category_id: int | None = None,
    year: int | None = None,
    validity: str | None = None,
    genre: str | None = None,
    kind: str | None = None,
    order: str = "newest",
    page: int = 1,
    per_page: int = 20,
) -> SearchPage:
    """One page of published items matching every term of `query` (see `engine`), newest first or by
    relevance. Unknown bodies, categories or values are a ValidationError in Chinese."""
    from gongkai.publications.models import Category

    query = _checked_query(query, order)
    agency = None
    if agency_code:
        agency = Agency.objects.filter(code=agency_code).first()
        if agency is None:
            raise ValidationError(f"机关不存在：{agency_code}")
    category = None
    if category_id is not None:
        category = Category.objects.select_related("agency").filter(pk=category_id).first()
        if category is None or (agency is not None and not _holds(agency, category.agency, subtree)):
            raise ValidationError("公开目录不存在。")
    _check_filters(validity=validity, genre=genre, kind=kind, year=year)
    page = max(1, min(page, MAX_PAGE))
    filters = engine.Filters(
        agency_id=agency.pk if agency else None,
        subtree=subtree,
        agency_path=agency.path if agency else "",
        category_id=category.pk if category else None,
        category_path=category.path if category else "",
        year=year,
        validity=validity or None,
        genre=genre or None,
        kind=kind or None,
    )
    found = engine.search(query, filters, page=page, per_page=per_page, order=order)
    return SearchPage(
        query=query,
        terms=found.terms,
        total=found.total,
        total_is_exact=found.total_is_exact,
        page=page,
        per_page=per_page,
        hits=_hits(found.publication_ids, found.terms),
    )


def _hits(ids: list[int], terms: list[str]) -> list[Hit]:
    from gongkai.publications.models import Attachment, Publication
    from gongkai.publications.sanitize import body_text, html_head

    # Only what a hit shows, and of the body and the attachments' text only the beginning a snippet is
    # looked for in (`highlight.SCAN`): a page of hits read whole texts of up to two million characters.
    items = (
        Publication.objects.select_related("agency")
        .only(
            "index_number", "index_year", "index_sequence", "title", "published_on", "doc_number",
            "agency__name", "agency__code",
        )
        .annotate(body_head=Substr("body", 1, SCAN + 1))
        .in_bulk(ids)
    )  # fmt: skip
    # Without terms a snippet is the body's beginning: a few thousand characters of HTML hold it.
    limit = SCAN if terms else 4_000
    bodies = {pk: body_text(html_head(p.body_head, limit)) for pk, p in items.items()}
    # The match is in an attachment (or only in the title or number) when no term is in the body: the
    # attachments of those hits are read (in one query) to show where it is.
    elsewhere = [
        pk for pk, body in bodies.items() if terms and not any(t in text.normalize(body) for t in terms)
    ]
    sources = dict(bodies)
    in_attachment: set[int] = set()
    if elsewhere:
        for attachment in (
            Attachment.objects.filter(publication_id__in=elsewhere)
            .order_by("publication_id", "position", "id")
            .only("publication_id", "name")
            .annotate(head=Substr("text", 1, SCAN))
        ):
            pk = attachment.publication_id
            head: str = attachment.head
            if pk not in in_attachment and any(t in text.normalize(head) for t in terms):
                in_attachment.add(pk)  # the first attachment (in their order) that holds a term
                sources[pk] = f"附件“{attachment.name}”：{head}"
    hits = []
    for pk in ids:
        p = items.get(pk)
        if p is None or p.published_on is None:
            continue
        hits.append(
            Hit(
                publication_id=p.pk,
                index_number=p.index_number or "",
                title=p.title,
                published=p.published_on,
                agency_name=p.agency.name,
                agency_code=p.agency.code,
                serial=p.serial,
                doc_number=p.doc_number,
                title_parts=marked(p.title, terms),
                snippet_parts=snippet(sources[pk], terms),
            )
        )
    return hits
