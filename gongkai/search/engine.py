"""Searching published items: one interface, two backends (SQLite FTS5, PostgreSQL GIN over tsvector).

A published item is a hit for a term exactly when N(term) is a substring of N(title), N(document number),
N(body) or N(an attachment's text) (`text.normalize`); every term of the query must hit. Hits come newest
first (published date, then index number, descending), or by relevance on request. The total is exact up
to `TOTAL_CAP`; past it the search says "more than 10,000" (`total_is_exact` False), as large search
engines do, and pages reach only that far.

SQLite: each term is a phrase of its bigram tokens in the FTS5 table (exact: consecutive positions of one
field), a one-character term a prefix; filters are facet tokens. The table's rowid is the item's place in
the newest-first order by date (`index.DaySequence`), so FTS5 reads hits newest first and stops at the page;
the index numbers of the page's last day are then sorted exactly. A search with few hits reads them all in
one pass instead.

PostgreSQL: the GIN index finds the items having every unigram, bigram or common gram of the terms and the
facets; the stored normal form decides exactly the terms those do not (`strpos`, `text.decided_by_lexemes`).
A term frequent enough that walking the newest-first index meets a page of hits sooner than fetching every
hit is read that way.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from django.db import connection, transaction

from gongkai.search import lexemes, text
from gongkai.search.index import DAY_SHIFT, EPOCH
from gongkai.search.query import Filters as Filters  # the interface: engine.Filters, engine.Found
from gongkai.search.query import Found as Found

TOTAL_CAP = 10_000
# SQLite: a search with at most this many hits reads them all at once (`_SQLite.page`).
FEW = 1_000
# PostgreSQL, more than TOTAL_CAP hits: rows of the newest-first index read before reading year by year.
WALK_MIN_ROWS, WALK_MAX_ROWS = 1_000, 20_000
ORDERS = ("newest", "relevance")


def search(
    query: str, filters: Filters | None = None, *, page: int = 1, per_page: int = 20, order: str = "newest"
) -> Found:
    terms = text.split_terms(query)
    filters = filters or Filters()
    backend = _SQLite() if connection.vendor == "sqlite" else _PostgreSQL()
    with backend.session():
        return _search(backend, terms, filters, page, per_page, order)


def _search(
    backend: _SQLite | _PostgreSQL, terms: list[str], filters: Filters, page: int, per_page: int, order: str
) -> Found:
    offset = (max(page, 1) - 1) * per_page
    if order != "relevance":
        count, ids = backend.page(terms, filters, offset, per_page)
        total, exact = (count, True) if count <= TOTAL_CAP else (TOTAL_CAP, False)
        return Found(ids[: max(0, min(per_page, total - offset))], total, exact, terms)
    count = backend.count(terms, filters, TOTAL_CAP + 1)
    total, exact = (count, True) if count <= TOTAL_CAP else (TOTAL_CAP, False)
    if offset >= total:
        return Found([], total, exact, terms)
    limit = min(per_page, total - offset)
    keys = backend.newest(terms, filters, 0, total)
    ranked = _by_relevance([pk for pk, _ in keys], terms)
    return Found(ranked[offset : offset + limit], total, exact, terms)


def _by_relevance(publication_ids: list[int], terms: list[str]) -> list[int]:
    """Items whose title holds the terms first, then those whose document number does, then the rest;
    newest first within each (the ids come newest first, and the sort is stable)."""
    if not terms:
        return publication_ids
    rows = {
        pk: (title, number)
        for pk, title, number in _select_in(
            "publication_id, title, doc_number", "publication_id", publication_ids
        )
    }

    def score(pk: int) -> int:
        title, number = rows.get(pk, ("", ""))
        return -sum(4 if t in title else 2 if t in number else 1 for t in terms)

    return sorted(publication_ids, key=score)


class _SQLite:
    COLUMNS = "{title doc_number body attachments}"

    def session(self) -> AbstractContextManager[None]:
        return nullcontext()

    def match(self, terms: Sequence[str], filters: Filters) -> str | None:
        parts = []
        for term in terms:
            tokens = text.term_tokens(term)
            if len(term) == 1:
                parts.append(f'{self.COLUMNS} : "{tokens[0]}"*')
            else:
                parts.append(f'{self.COLUMNS} : "{" ".join(tokens)}"')
        parts += [f"facets : {f}" for f in filters.facets()]
        return " AND ".join(parts) if parts else None

    def count(self, terms: Sequence[str], filters: Filters, cap: int) -> int:
        expression = self.match(terms, filters)
        with connection.cursor() as cursor:
            if expression is None:
                cursor.execute("SELECT count(*) FROM (SELECT 1 FROM search_searchdoc LIMIT %s)", [cap])
            else:
                cursor.execute(
                    "SELECT count(*) FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH %s LIMIT %s)",
                    [expression, cap],
                )
            return int(cursor.fetchone()[0])

    def _rowids(
        self,
        expression: str | None,
        limit: int | None,
        below: int | None = None,
        floor: int | None = None,
        *,
        ascending: bool = False,
    ) -> list[int]:
        params: list[Any]
        table, where, params = (
            ("search_fts", "search_fts MATCH %s", [expression])
            if expression
            else ("search_searchdoc", "1", [])
        )
        key = "rowid" if expression else "id"
        if below is not None:
            where += f" AND {key} < %s AND {key} >= %s"
            params += [below, floor]
        sql = f"SELECT {key} FROM {table} WHERE {where} ORDER BY {key} {'' if ascending else 'DESC'}"  # noqa: S608 (placeholders and fixed names only)
        if limit is not None:
            sql += " LIMIT %s"
            params.append(limit)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()]

    def page(self, terms: Sequence[str], filters: Filters, offset: int, limit: int) -> tuple[int, list[int]]:
        """The total (up to TOTAL_CAP + 1) and the ids of one page, newest first. A search with at most
        FEW hits gets them all in one pass in the table's order (FTS5 reads a phrase's lists backwards, for
        the newest first, at up to three times the cost, and a count then a page read them twice more);
        past FEW the count stops at the cap and the page reads only the newest hits. A single term of one
        or two characters is one list, cheap either way: it goes straight to the count."""
        expression = self.match(terms, filters)
        one_list = len(terms) == 1 and len(terms[0]) <= 2 and not filters.facets()
        if expression is not None and not one_list:
            hits = self._rowids(expression, FEW + 1, ascending=True)
            if len(hits) <= FEW:
                hits.reverse()
                return len(hits), [pk for pk, _ in self._exactly_newest(hits, offset, limit)]
        count = self.count(terms, filters, TOTAL_CAP + 1)
        limit = min(limit, min(count, TOTAL_CAP) - offset)
        if limit <= 0:
            return count, []
        return count, [pk for pk, _ in self.newest(terms, filters, offset, limit)]

    def newest(
        self, terms: Sequence[str], filters: Filters, offset: int, limit: int, total: int | None = None
    ) -> list[tuple[int, str]]:
        expression = self.match(terms, filters)
        keys = self._rowids(expression, offset + limit)
        if not keys:
            return []
        # Rows come by (day, item id); within the last day read, the order is by index number: read the
        # rest of that day too, then sort exactly.
        last = keys[-1]
        floor = (last >> DAY_SHIFT) << DAY_SHIFT
        keys += self._rowids(expression, None, below=last, floor=floor)
        return self._exactly_newest(keys, offset, limit)

    @staticmethod
    def _exactly_newest(keys: list[int], offset: int, limit: int) -> list[tuple[int, str]]:
        """(publication id, index number) of one page of the rows `keys`, which are newest first by day and
        hold every row of the page's last day: within a day the order is by index number."""
        end = offset + limit
        if end < len(keys):
            day = keys[end - 1] >> DAY_SHIFT
            while end < len(keys) and keys[end] >> DAY_SHIFT == day:
                end += 1
        rows = _doc_rows(keys[:end])
        rows.sort(key=lambda r: (r[1], r[2]), reverse=True)
        return [(pk, number) for pk, _, number in rows[offset : offset + limit]]


def _doc_rows(keys: list[int]) -> list[tuple[int, date, str]]:
    """(publication id, published, index number) of the index rows `keys`."""
    return [
        (pk, _as_date(published), number)
        for pk, published, number in _select_in("publication_id, published_on, index_number", "id", keys)
    ]


def _select_in(columns: str, key: str, values: list[int]) -> list[tuple[Any, ...]]:
    """`columns` of the index rows whose `key` is one of `values` (read in chunks the database accepts)."""
    out: list[tuple[Any, ...]] = []
    with connection.cursor() as cursor:
        for start in range(0, len(values), 900):
            chunk = values[start : start + 900]
            marks = ",".join(["%s"] * len(chunk))
            cursor.execute(f"SELECT {columns} FROM search_searchdoc WHERE {key} IN ({marks})", chunk)  # noqa: S608 (fixed names, placeholders)
            out += cursor.fetchall()
    return out


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


class _PostgreSQL:
    # The body first: most hits are there, and the check of a hit stops at the first field holding it.
    TEXT = ("body", "title", "doc_number", "attachments")

    # The planner reads rows through the indexes (a sequential scan would decompress every row's tsvector),
    # with room for a large bitmap (an exact one: no rechecks), and without JIT: a plan priced high (a
    # sequential scan it was told not to use costs 10^10) would spend 100–200 ms compiling before a query
    # of a few milliseconds.
    SETTINGS = (
        "SELECT set_config('enable_seqscan', 'off', true), set_config('work_mem', '64MB', true), "
        "set_config('jit', 'off', true)"
    )

    # Reading rows in the table's order (`_over_cap_in_table_order`): a sequential scan, without JIT.
    TABLE_ORDER_SETTINGS = "SELECT set_config('jit', 'off', true)"

    def __init__(self) -> None:
        self.prefixed = False

    @contextmanager
    def session(self) -> Iterator[None]:
        """Outside a transaction (a page of the portal, the API, the command line), each query is sent
        after the settings in one message: the server runs the two as one transaction, so the settings
        hold for that query alone, and a search of one query costs one round trip (with a transaction of
        its own it took three — set-up, query, commit — and under load each waits for a core). Inside the
        caller's transaction, the settings are made for a savepoint's duration."""
        if connection.in_atomic_block:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(self.SETTINGS)
                yield
            return
        self.prefixed = True
        try:
            yield
        finally:
            self.prefixed = False

    def run(self, cursor: Any, sql: str, params: Sequence[Any] = (), settings: str | None = None) -> None:
        """Execute a query under the settings (`SETTINGS` unless others are given; its rows are then the
        cursor's). Needs Django's default client-side binding, which sends the statements as one simple
        query."""
        if not self.prefixed:
            cursor.execute(sql, params)
            return
        cursor.execute(f"{settings or self.SETTINGS}; {sql}", params)
        cursor.nextset()

    def tsquery(self, terms: Sequence[str], filters: Filters) -> str | None:
        """The GIN index's condition. A term of one or two characters is its one lexeme, and one of four
        holding a common bigram its common gram (either decides the term). Of another term's lexemes (a
        filter only: its text decides, `exact`) only those worth reading are asked for (all of them before
        the table is first analysed: `lexemes.worth_reading`)."""
        known = lexemes.statistics()
        wanted: list[str] = []
        for term in terms:
            wanted += lexemes.worth_reading(term, known) if len(term) >= 3 else lexemes.term_lexemes(term)
        wanted += ["~" + f for f in filters.facets()]
        if not wanted:
            return None
        return " & ".join(f"'{lexeme}'" for lexeme in dict.fromkeys(wanted))

    def exact(self, terms: Sequence[str], *, all_terms: bool) -> tuple[str, list[Any]]:
        """SQL that holds exactly when the row has every term (those the lexemes decide are left out,
        `text.decided_by_lexemes`, unless `all_terms`)."""
        clauses: list[str] = []
        params: list[Any] = []
        for term in terms:
            if all_terms or not text.decided_by_lexemes(term):
                clauses.append("(" + " OR ".join(f"strpos({c}, %s) > 0" for c in self.TEXT) + ")")
                params += [term] * len(self.TEXT)
        return (" AND ".join(clauses) or "TRUE"), params

    def columns(self, filters: Filters) -> tuple[str, list[Any]]:
        """The filters as conditions on the row's columns (for the walk, which does not use the tokens)."""
        clauses: list[str] = []
        params: list[Any] = []
        if filters.agency_id is not None:
            if filters.subtree:
                clauses.append("agency_path LIKE %s")
                params.append(filters.agency_path.replace("%", r"\%").replace("_", r"\_") + "%")
            else:
                clauses.append("agency_id = %s")
                params.append(filters.agency_id)
        if filters.category_id is not None:
            clauses.append("category_path LIKE %s")
            params.append(filters.category_path + "%")
        for name in ("year", "validity", "genre", "kind"):
            value = getattr(filters, name)
            if value:
                clauses.append(f"{name} = %s")
                params.append(value)
        return (" AND ".join(clauses) or "TRUE"), params

    def where(self, terms: Sequence[str], filters: Filters) -> tuple[str, list[Any]]:
        """The GIN index's condition (every lexeme of the terms, and the facets) and the exact check."""
        query = self.tsquery(terms, filters)
        if query is None:
            return "TRUE", []
        exact, params = self.exact(terms, all_terms=False)
        # A subquery: the planner then leaves the query's lexemes unpriced. Pricing them sorts the
        # statistics' list of common lexemes (thousands) for every search, 0.4–0.7 ms of planning at any
        # size of table, for a plan that is the same (the GIN index, `SETTINGS`) whatever they are.
        return f"tokens @@ (SELECT %s::tsquery) AND {exact}", [query, *params]

    def oversized(self, terms: Sequence[str], filters: Filters) -> tuple[str, list[Any]]:
        """Rows too long for a tsvector have no text lexemes (index.OVERSIZED): a partial index finds them
        and their stored text decides every term."""
        every, params = self.exact(terms, all_terms=True)
        columns, column_params = self.columns(filters)
        return f"oversized AND {every} AND {columns}", [*params, *column_params]

    def _conditions(self, terms: Sequence[str], filters: Filters) -> list[tuple[str, list[Any]]]:
        """The main condition, and the one for oversized rows (read through a partial index that holds
        only them: next to nothing, so it is asked within the same query rather than in one more)."""
        conditions = [self.where(terms, filters)]
        if terms:
            conditions.append(self.oversized(terms, filters))
        return conditions

    def _hits(self, terms: Sequence[str], filters: Filters) -> tuple[str, list[Any]]:
        """The hits as one SELECT of (publication_id, published_on, index_number) over the conditions,
        with its parameters: what every query below reads as its `hits`."""
        conditions = self._conditions(terms, filters)
        union = " UNION ALL ".join(
            f"SELECT publication_id, published_on, index_number FROM search_searchdoc WHERE {where}"  # noqa: S608 (placeholders and fixed names only)
            for where, _ in conditions
        )
        return union, [p for _, params in conditions for p in params]

    def count(self, terms: Sequence[str], filters: Filters, cap: int) -> int:
        total = 0
        with connection.cursor() as cursor:
            for where, params in self._conditions(terms, filters):
                self.run(
                    cursor,
                    f"SELECT count(*) FROM (SELECT 1 FROM search_searchdoc WHERE {where} LIMIT %s) s",  # noqa: S608 (placeholders and fixed names only)
                    [*params, cap],
                )
                total += int(cursor.fetchone()[0])
        return total

    def page(self, terms: Sequence[str], filters: Filters, offset: int, limit: int) -> tuple[int, list[int]]:
        """The total (up to TOTAL_CAP + 1) and the ids of one page, newest first. One pass over the hits
        gives both when there are at most TOTAL_CAP of them; past that the page is read separately."""
        with connection.cursor() as cursor:
            if not terms and not filters.facets():
                self.run(
                    cursor,
                    "SELECT count(*) FROM (SELECT 1 FROM search_searchdoc LIMIT %s) s",
                    [TOTAL_CAP + 1],
                )
                count = int(cursor.fetchone()[0])
            elif self._over_cap_in_table_order(cursor, terms, filters):
                count = TOTAL_CAP + 1
            else:
                union, params = self._hits(terms, filters)
                self.run(
                    cursor,
                    f"WITH hits AS MATERIALIZED (SELECT * FROM ({union}) u LIMIT %s) "  # noqa: S608 (placeholders and fixed names only)
                    "SELECT (SELECT count(*) FROM hits), (SELECT array_agg(publication_id ORDER BY published_on DESC, "
                    "index_number DESC) FROM (SELECT * FROM hits ORDER BY published_on DESC, index_number DESC "
                    "LIMIT %s OFFSET %s) p)",
                    [*params, TOTAL_CAP + 1, limit, offset],
                )
                count, ids = cursor.fetchone()
                if count <= TOTAL_CAP:
                    return count, list(ids or [])
            if offset >= TOTAL_CAP:
                return count, []
            return count, self._newest_of_many(cursor, terms, filters, offset, limit)

    def _over_cap_in_table_order(self, cursor: Any, terms: Sequence[str], filters: Filters) -> bool:
        """Whether a search whose terms are in so many rows that reading the table in its order finds
        more than TOTAL_CAP hits sooner than the GIN index has more than TOTAL_CAP hits, reading at most
        the rows `lexemes.rows_to_read_in_table_order` gives; when that found fewer hits (the statistics
        misled), the index answers. Not with filters, which the statistics do not weigh."""
        if filters.facets():
            return False
        rows = lexemes.rows_to_read_in_table_order(list(terms), lexemes.statistics(), TOTAL_CAP + 1)
        if not rows:
            return False
        exact, params = self.exact(terms, all_terms=True)
        self.run(
            cursor,
            "SELECT count(*) FROM (SELECT 1 FROM (SELECT title, doc_number, body, attachments "  # noqa: S608 (placeholders and fixed names only)
            f"FROM search_searchdoc LIMIT %s) r WHERE {exact} LIMIT %s) s",
            [rows, *params, TOTAL_CAP + 1],
            settings=self.TABLE_ORDER_SETTINGS,
        )
        return int(cursor.fetchone()[0]) > TOTAL_CAP

    def _newest_of_many(
        self, cursor: Any, terms: Sequence[str], filters: Filters, offset: int, limit: int
    ) -> list[int]:
        """A page of a search with more than TOTAL_CAP hits. Walking the newest-first index meets a page of
        hits after about needed × rows / hits rows when the hits are spread over the years: a walk of a
        few times that many rows. Hits gathered in earlier years (a year in a document number) are then read
        year by year from the newest, through the index with the year's facet."""
        needed = offset + limit
        rows = max(lexemes.statistics().rows, 1.0)
        walk = int(min(max(WALK_MIN_ROWS, 4 * needed * rows / TOTAL_CAP), WALK_MAX_ROWS))
        exact, params = self.exact(terms, all_terms=True)
        columns, column_params = self.columns(filters)
        self.run(
            cursor,
            "SELECT publication_id FROM (SELECT publication_id, published_on, index_number, title, doc_number, "  # noqa: S608 (placeholders and fixed names only)
            f"body, attachments FROM search_searchdoc WHERE {columns} "
            "ORDER BY published_on DESC, index_number DESC LIMIT %s) w "
            f"WHERE {exact} ORDER BY published_on DESC, index_number DESC LIMIT %s OFFSET %s",
            [*column_params, walk, *params, limit, offset],
        )
        ids = [row[0] for row in cursor.fetchall()]
        if len(ids) == limit:
            return ids
        cursor.execute("SELECT min(id), max(id) FROM search_searchdoc")
        low, high = cursor.fetchone()
        if low is None:
            return []
        years = range(_year_of_id(high), _year_of_id(low) - 1, -1)
        if filters.year is not None:
            years = range(filters.year, filters.year - 1, -1)
        found: list[int] = []
        for year in years:
            union, params = self._hits(terms, replace(filters, year=year))
            self.run(
                cursor,
                f"WITH hits AS MATERIALIZED ({union}) "  # noqa: S608 (placeholders and fixed names only)
                "SELECT publication_id FROM hits ORDER BY published_on DESC, index_number DESC LIMIT %s",
                [*params, needed - len(found)],
            )
            found += [row[0] for row in cursor.fetchall()]
            if len(found) >= needed:
                break
        return found[offset:needed]

    def newest(
        self, terms: Sequence[str], filters: Filters, offset: int, limit: int, total: int | None = None
    ) -> list[tuple[int, str]]:
        """Every hit's key, newest first (for the relevance order, at most TOTAL_CAP of them)."""
        with connection.cursor() as cursor:
            union, params = self._hits(terms, filters)
            # Materialised: every hit is fetched through the GIN index, then the page is sorted out.
            self.run(
                cursor,
                f"WITH hits AS MATERIALIZED ({union}) "  # noqa: S608 (placeholders and fixed names only)
                "SELECT publication_id, index_number FROM hits ORDER BY published_on DESC, index_number DESC "
                "LIMIT %s OFFSET %s",
                [*params, limit, offset],
            )
            return [(pk, number) for pk, number in cursor.fetchall()]


def _year_of_id(pk: int) -> int:
    return (EPOCH + timedelta(days=pk >> DAY_SHIFT)).year
