"""Keeping the search index in step with the items: a published item is in it, any other is not."""

from __future__ import annotations

from collections.abc import Iterable

from gongkai.agencies.models import Agency
from gongkai.publications.catalog import forget_counts
from gongkai.publications.models import Category, Publication, Status
from gongkai.publications.sanitize import body_text
from gongkai.search import index


class Ancestry:
    """Bodies' and categories' ancestor ids, read once for a batch."""

    def __init__(self) -> None:
        self._agency_ids: dict[str, int] | None = None
        self._categories: dict[int, Category] = {}

    def agencies(self, agency: Agency) -> list[int]:
        if self._agency_ids is None:
            self._agency_ids = dict(Agency.objects.values_list("code", "id"))
        codes = [code for code in agency.path.strip("/").split("/") if code]
        return [self._agency_ids[code] for code in codes if code in self._agency_ids]

    def categories(self, category: Category | None) -> list[int]:
        return category.ancestor_ids() if category is not None else []


def entry_for(
    publication: Publication, ancestry: Ancestry | None = None, *, attachments: list[str] | None = None
) -> index.Entry:
    ancestry = ancestry or Ancestry()
    assert publication.published_on is not None and publication.index_number
    if attachments is None:
        attachments = [a.text for a in publication.attachments.all()]
    category = publication.category
    return index.Entry(
        publication_id=publication.pk,
        agency_id=publication.agency_id,
        agency_path=publication.agency.path,
        ancestor_ids=ancestry.agencies(publication.agency),
        category_ids=ancestry.categories(category),
        category_path=category.path if category else "",
        published_on=publication.published_on,
        index_number=publication.index_number,
        validity=publication.validity,
        genre=publication.genre,
        kind=publication.kind,
        title=publication.title,
        doc_number=publication.doc_number,
        body=body_text(publication.body),
        attachments=attachments,
    )


def reindex(publications: Iterable[Publication]) -> None:
    """Write the published ones into the index, take the others out."""
    items = list(publications)
    forget_counts(p.agency_id for p in items)
    ancestry = Ancestry()
    index.remove(p.pk for p in items if p.status != Status.PUBLISHED)
    index.add(entry_for(p, ancestry) for p in items if p.status == Status.PUBLISHED)


def reindex_all(agency: Agency | None = None, batch: int = 1000) -> int:
    """Rebuild the index (of one body, or all of it) from the items; returns how many are indexed."""
    items = Publication.objects.filter(status=Status.PUBLISHED).select_related("agency", "category")
    if agency is None:
        index.clear()
    else:
        items = items.filter(agency=agency)
        index.remove(Publication.objects.filter(agency=agency).values_list("pk", flat=True))
    done = 0
    ancestry = Ancestry()
    last = 0
    while True:
        chunk = list(items.filter(pk__gt=last).order_by("pk").prefetch_related("attachments")[:batch])
        if not chunk:
            return done
        done += index.add((entry_for(p, ancestry) for p in chunk), replace=False)
        last = chunk[-1].pk
