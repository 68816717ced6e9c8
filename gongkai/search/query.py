"""What a search asks (its filters) and what it finds (a page of hits and the total), whatever the
backend (`engine`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from gongkai.search.index import facet


@dataclass(frozen=True)
class Filters:
    """What narrows a search, as ids and values (the selectors turn codes into these)."""

    agency_id: int | None = None
    subtree: bool = False
    agency_path: str = ""  # needed with subtree on PostgreSQL's walk
    category_id: int | None = None
    category_path: str = ""
    year: int | None = None
    validity: str | None = None
    genre: str | None = None
    kind: str | None = None

    def facets(self) -> list[str]:
        out = []
        if self.agency_id is not None:
            out.append(facet("s" if self.subtree else "a", self.agency_id))
        if self.category_id is not None:
            out.append(facet("c", self.category_id))
        if self.year is not None:
            out.append(facet("y", self.year))
        if self.validity:
            out.append(facet("v", self.validity))
        if self.genre:
            out.append(facet("g", self.genre))
        if self.kind:
            out.append(facet("k", self.kind))
        return out


@dataclass
class Found:
    """One page of hits: the items' ids in order, and the total."""

    publication_ids: list[int]
    total: int
    total_is_exact: bool
    terms: list[str] = field(default_factory=list)
