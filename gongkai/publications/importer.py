"""`gongkai publications import`: items moved here from a body's existing website, as JSON Lines.

One item per line: `title` and `published` (YYYY-MM-DD) required; optional `doc_number`, `made`, `category`
(a name, or a path "a/b"; unknown ones are created and reported), `body` (plain text or HTML, sanitised),
`attachments` (paths relative to the file), `validity` (有效/失效/废止, or in_force/expired/repealed, which
makes the item a normative document), and also `kind`, `genre`, `issuer`, `validity_changed`.

Imported items were public already: they are stored as published, with an index number of the body, and
indexed as they go. The guard scans them and its findings are listed for the body; it blocks nothing here.
The import works line by line: a bad line is reported with its number and reason and nothing of it is
saved; the others go on. A chunk of lines at a time is saved in order of publication (`_batches`), the
order the search index keeps, which is much faster to write than a file's random order.
"""

from __future__ import annotations

import multiprocessing
import re
from collections import deque
from collections.abc import Callable, Generator, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.db.models.base import ModelState
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.publications import attachments as files
from gongkai.publications import bulk, guard
from gongkai.publications.catalog import forget_counts
from gongkai.publications.findings import new_finding
from gongkai.publications.import_line import ATTACHMENT_AT, LineError, Parsed, parse, parse_batch
from gongkai.publications.indexing import Ancestry
from gongkai.publications.models import (
    Attachment,
    Category,
    Channel,
    EventKind,
    Finding,
    Publication,
    Status,
    Topic,
)
from gongkai.publications.numbering import format_index_number, reserve_years
from gongkai.publications.services import snapshot
from gongkai.search import index

BATCH = 1000
# A file of at least this many lines is parsed in a second process, AHEAD batches ahead of the writing.
PARALLEL_MIN_LINES = 2 * BATCH
AHEAD = 2
MAX_LINE = 5_000_000  # bytes
# The lines saved in order of publication at a time (`_batches`): at most this many, or this much text.
CHUNK_LINES = 100_000
CHUNK_CHARACTERS = 64_000_000


@dataclass
class ImportResult:
    imported: int = 0
    errors: list[LineError] = field(default_factory=list)
    created_categories: list[str] = field(default_factory=list)
    findings: int = 0
    items_with_findings: int = 0

    @property
    def rejected(self) -> int:
        return len(self.errors)


@dataclass
class Row:
    """A checked line, ready to be saved."""

    line: int
    publication: Publication
    category: Category | None
    plain_body: str
    attachments: list[files.CheckedFile]
    text: index.Prepared
    matches: list[tuple[str, str, guard.Match]]


class Importer:
    def __init__(self, agency: Agency, base: Path, today: date) -> None:
        self.agency = agency
        self.base = base.resolve()
        self.today = today
        self.result = ImportResult()
        self.categories: dict[str, Category] = {}
        for category in Category.objects.filter(agency=agency).order_by("path"):
            self.categories[self._path_name(category)] = category
        self.ancestry = Ancestry()
        self.days = index.DaySequence()

    def _path_name(self, category: Category) -> str:
        parent = Category.objects.get(pk=category.parent_id) if category.parent_id else None
        return f"{self._path_name(parent)}/{category.name}" if parent else category.name

    # --- checking a line -------------------------------------------------------------------------

    def check(self, number: int, raw: str) -> Row:
        return self.complete(parse(number, raw, self.base, self.today, connection.vendor))

    def complete(self, parsed: Parsed) -> Row:
        """The line's category (found, or created), and the item as it will be stored."""
        category = self._category(parsed.category)
        v = parsed.values
        publication = _publication(
            (
                None, self.agency.pk, Status.PUBLISHED, None, None, None, v["title"], v["issuer"], v["doc_number"],
                v["made"], None, v["published"], category.pk if category else None, Topic.GENERAL, v["genre"],
                v["kind"], category.item if category else None, v["body"], [Channel.WEBSITE], v["validity"], None,
                v["changed"], None, None, None, True, None, "", None, None,
            )
        )  # fmt: skip
        return Row(
            parsed.line,
            publication,
            category,
            parsed.plain_body,
            parsed.attachments,
            parsed.text,
            parsed.matches,
        )

    def _category(self, value: object) -> Category | None:
        if value in (None, ""):
            return None
        if not isinstance(value, str):
            raise ValidationError("目录（category）应为名称或“上级/下级”形式的路径")
        names = [part.strip() for part in value.split("/") if part.strip()]
        if not names or any(len(n) > 100 for n in names):
            raise ValidationError(f"目录名称无效：{value}")
        path = "/".join(names)
        found = self.categories.get(path)
        if found is None and len(names) == 1:
            # A bare name: the body's category of that name anywhere in the tree, when there is just one.
            same = [c for p, c in self.categories.items() if p.rsplit("/", 1)[-1] == names[0]]
            found = same[0] if len(same) == 1 else None
        return found or self._create_category(names)

    def _create_category(self, names: list[str]) -> Category:
        parent: Category | None = None
        for depth in range(1, len(names) + 1):
            path = "/".join(names[:depth])
            category = self.categories.get(path)
            if category is None:
                with transaction.atomic():
                    position = Category.objects.filter(agency=self.agency, parent=parent).count()
                    category = Category.objects.create(
                        agency=self.agency, parent=parent, name=names[depth - 1], position=position,
                        item=parent.item if parent else None,
                    )  # fmt: skip
                    category.path = f"{parent.path if parent else '/'}{category.pk}/"
                    category.save(update_fields=["path"])
                self.categories[path] = category
                self.result.created_categories.append(path)
            parent = category
        assert parent is not None
        return parent

    # --- saving a batch --------------------------------------------------------------------------

    def save(self, rows: list[Row]) -> None:
        """Save checked rows together; if the database refuses the batch, row by row, so that only the bad
        one is lost."""
        if not rows:
            return
        try:
            with transaction.atomic():
                self.days = index.DaySequence()  # ids of the index are read afresh in each transaction
                self._save(rows)
        except DatabaseError:
            for row in rows:
                try:
                    with transaction.atomic():
                        self.days = index.DaySequence()
                        self._save([row])
                except DatabaseError as error:
                    self.result.errors.append(LineError(row.line, f"无法保存：{error}"))

    def _save(self, rows: list[Row]) -> None:
        index.bulk_load_settings()
        self._number(rows)
        publications = [row.publication for row in rows]
        bulk.insert_publications(publications)
        ids = self._store_attachments(rows)
        bulk.insert_events(publications, EventKind.IMPORTED, snapshot)
        self._store_findings(rows, ids)
        self._index(rows)
        self.result.imported += len(rows)

    def _number(self, rows: list[Row]) -> None:
        """Each item's index number (索引号): the next of its body's sequence for its year of publication."""
        by_year: dict[int, list[Row]] = {}
        for row in rows:
            assert row.publication.published_on is not None
            by_year.setdefault(row.publication.published_on.year, []).append(row)
        firsts = reserve_years(
            agency=self.agency, counts={year: len(group) for year, group in by_year.items()}
        )
        for year, group in by_year.items():
            first = firsts[year]
            for offset, row in enumerate(group):
                p = row.publication
                p.index_year, p.index_sequence = year, first + offset
                p.index_number = format_index_number(self.agency, year, first + offset)

    @staticmethod
    def _store_attachments(rows: list[Row]) -> dict[int, list[int]]:
        """The attachments' files and rows; the ids of each item's attachments, in their order."""
        stored: list[Attachment] = []
        for row in rows:
            for position, checked in enumerate(row.attachments):
                stored.append(
                    Attachment(
                        publication=row.publication, name=checked.name, file=files.store(checked), type=checked.type,
                        size=len(checked.data), sha256=checked.sha256, text=checked.text, text_note=checked.note,
                        position=position,
                    )
                )  # fmt: skip
        Attachment.objects.bulk_create(stored)
        ids: dict[int, list[int]] = {}
        for attachment in stored:
            ids.setdefault(attachment.publication_id, []).append(attachment.pk)
        return ids

    def _store_findings(self, rows: list[Row], ids: dict[int, list[int]]) -> None:
        """The guard's findings of each item, once per place and text (an attachment's by its id)."""
        found: list[Finding] = []
        for row in rows:
            p = row.publication
            seen = set()
            for source, label, m in row.matches:
                if source.startswith(ATTACHMENT_AT):
                    source = f"attachment:{ids[p.pk][int(source.removeprefix(ATTACHMENT_AT))]}"
                if (source, m.kind, m.text) not in seen:
                    seen.add((source, m.kind, m.text))
                    found.append(new_finding(p, source, label, m, after_publication=True))
            if row.matches:
                self.result.items_with_findings += 1
        Finding.objects.bulk_create(found)
        self.result.findings += len(found)

    def _index(self, rows: list[Row]) -> None:
        index.add(
            (
                index.Entry(
                    publication_id=p.pk, agency_id=self.agency.pk, agency_path=self.agency.path,
                    ancestor_ids=self.ancestry.agencies(self.agency),
                    category_ids=self.ancestry.categories(row.category),
                    category_path=row.category.path if row.category else "",
                    published_on=p.published_on, index_number=p.index_number or "", validity=p.validity,
                    genre=p.genre, kind=p.kind, title=p.title, doc_number=p.doc_number, body=row.plain_body,
                    attachments=[c.text for c in row.attachments], prepared=row.text,
                )
                for row in rows
                for p in [row.publication]
                if p.published_on is not None
            ),
            replace=False,
            days=self.days,
        )  # fmt: skip


def _publication(values: tuple[Any, ...]) -> Publication:
    """A new item from its column values in the table's order (bulk.PUBLICATION_COLUMNS), as Django's
    Model.__init__ sets them (each as an attribute) without its per-field work, which cost more than the
    rest of checking a line. Publication has no init signals' receivers."""
    publication = Publication.__new__(Publication)
    publication.__dict__.update(zip(bulk.PUBLICATION_COLUMNS, values, strict=True))
    publication._state = ModelState()
    return publication


def _lines(stream: IO[bytes]) -> Iterator[tuple[int, str | None, str]]:
    """(line number, text or None, error) for every non-blank line. A line is read up to MAX_LINE bytes
    and the rest of an overlong one skipped piece by piece: a file of gigabytes without a line break is
    refused in the memory of one line's cap, not read whole."""
    number = 0
    while raw := stream.readline(MAX_LINE + 1):
        number += 1
        if len(raw) > MAX_LINE:
            while not raw.endswith(b"\n") and (raw := stream.readline(1 << 20)):
                pass
            yield number, None, f"该行超过 {MAX_LINE // 1_000_000} MB"
            continue
        try:
            # A BOM opens the first line of a file saved by Windows tools, and any line where such files
            # were joined end to end (`cat a.jsonl b.jsonl`).
            text = raw.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError:
            yield number, None, "不是 UTF-8 编码的文字"
            continue
        if text.strip():
            yield number, text, ""


def _count_lines(path: Path) -> int:
    """How many lines the file has (about a second a gigabyte): how large the load is for the index."""
    count = 0
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            count += chunk.count(b"\n")
    return count


def _batches(stream: IO[bytes]) -> Iterator[tuple[list[tuple[int, str | None, str]], int]]:
    """The lines read, BATCH at a time, each batch with (about) the position in the file after it. The
    lines are read a chunk at a time (CHUNK_LINES, or CHUNK_CHARACTERS of text) and each chunk is saved in
    order of publication: the index's rows are kept in that order, and rows written in it go in about
    a third faster than in a file's random order (more at a million lines). Which line gets saved first
    changes nothing else (errors are reported by line number, and sorted)."""
    start = stream.tell()
    lines = _lines(stream)
    while True:
        chunk: list[tuple[int, str | None, str]] = []
        characters = 0
        for item in lines:
            chunk.append(item)
            characters += len(item[1] or "")
            if len(chunk) >= CHUNK_LINES or characters >= CHUNK_CHARACTERS:
                break
        if not chunk:
            return
        end = stream.tell()
        chunk.sort(key=_published_key)
        for first in range(0, len(chunk), BATCH):
            done = min(first + BATCH, len(chunk))
            yield chunk[first:done], start + (end - start) * done // len(chunk)
        start = end


# The value of "published" where a line has it, found without reading the line's JSON: only the order of
# saving depends on it (a line without it, or with something else there, is still checked in full).
_PUBLISHED = re.compile(r'"published"\s*:\s*"([^"]{0,32})"')


def _published_key(item: tuple[int, str | None, str]) -> str:
    found = _PUBLISHED.search(item[1] or "")
    return found.group(1) if found else ""


def _parsed(
    stream: IO[bytes], base: Path, today: date, parallel: bool
) -> Generator[tuple[list[Parsed | LineError], int], None, None]:
    """The batches parsed: in a second process when `parallel` (a large import: reading, checking,
    normalising, tokenising and the guard's scan — most of the work that needs no database — go on while
    this process writes the batch before), otherwise here. The second process is forked: it inherits
    everything loaded and never uses the database connection it inherits."""
    vendor = connection.vendor
    if not parallel:
        for batch, position in _batches(stream):
            yield parse_batch(batch, base, today, vendor), position
        return
    with multiprocessing.get_context("fork").Pool(1) as pool:
        pending: deque[tuple[AsyncResult[list[Parsed | LineError]], int]] = deque()
        for batch, position in _batches(stream):
            pending.append((pool.apply_async(parse_batch, (batch, base, today, vendor)), position))
            if len(pending) > AHEAD:
                result, at = pending.popleft()
                yield result.get(), at
        while pending:
            result, at = pending.popleft()
            yield result.get(), at


def import_publications(
    *, agency: Agency, path: Path, progress: Callable[[int, int], None] | None = None
) -> ImportResult:
    """Import the file line by line (see the module's note). `progress(bytes_read, size)` is called as
    it goes."""
    importer = Importer(agency, path.parent, timezone.localdate())
    size = path.stat().st_size
    lines = _count_lines(path)
    parallel = lines >= PARALLEL_MIN_LINES and "fork" in multiprocessing.get_all_start_methods()
    load = index.bulk_load_start(lines)
    try:
        with (
            path.open("rb") as stream,
            closing(_parsed(stream, importer.base, importer.today, parallel)) as batches,
        ):
            for parsed, position in batches:
                rows: list[Row] = []
                for item in parsed:
                    if isinstance(item, LineError):
                        importer.result.errors.append(item)
                        continue
                    try:
                        rows.append(importer.complete(item))
                    except ValidationError as invalid:
                        importer.result.errors.append(LineError(item.line, "；".join(invalid.messages)))
                importer.save(rows)
                if progress:
                    progress(position, size)
    finally:
        index.bulk_load_done(load)
    if progress:
        progress(size, size)
    forget_counts([agency.pk])
    importer.result.errors.sort(key=lambda e: e.line)
    return importer.result
