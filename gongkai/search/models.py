"""The search index's own tables. Each indexed thing has one row here with its fields in normal form
(`text.normalize`); the token index over them is the database's own: an FTS5 table on SQLite
(`search_fts`, `search_application_fts`), a `tokens` tsvector column with a GIN index on PostgreSQL. Both
are made by this app's migrations and written only by `gongkai.search.index`.
"""

from __future__ import annotations

from django.db import models


class SearchDoc(models.Model):
    """A published item as the search sees it. The id is the item's place in the newest-first order
    (published date, then the item), so both databases read hits newest first from their own row order."""

    id = models.BigIntegerField(primary_key=True)
    publication = models.OneToOneField(
        "publications.Publication", on_delete=models.CASCADE, related_name="search_doc"
    )
    agency = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="+")
    agency_path = models.CharField(max_length=1000)
    category_path = models.CharField(max_length=500, blank=True)
    published_on = models.DateField()
    index_number = models.CharField(max_length=64)
    year = models.PositiveIntegerField()
    validity = models.CharField(max_length=16, blank=True)
    genre = models.CharField(max_length=16, blank=True)
    kind = models.CharField(max_length=16, blank=True)
    title = models.TextField()
    doc_number = models.TextField(blank=True)
    body = models.TextField(blank=True)
    attachments = models.TextField(blank=True)
    facets = models.TextField(blank=True)  # the filter tokens written with the row (see index.py)
    # PostgreSQL: the text has too many lexemes for a tsvector; the stored text decides every term.
    oversized = models.BooleanField(default=False)

    class Meta:
        verbose_name = "检索索引"
        verbose_name_plural = "检索索引"
        indexes = [
            # Newest first exactly (PostgreSQL orders by it; SQLite by the id).
            models.Index(fields=["published_on", "index_number"], name="search_doc_newest"),
            # PostgreSQL: the rare rows too long for a tsvector, read for every search (engine.py).
            models.Index(fields=["id"], condition=models.Q(oversized=True), name="search_doc_oversized"),
        ]

    def __str__(self) -> str:
        return self.index_number


class ApplicationDoc(models.Model):
    """An application's number, applicant and description, for the staff queue's search."""

    application = models.OneToOneField(
        "applications.Application", on_delete=models.CASCADE, primary_key=True, related_name="search_doc"
    )
    agency = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="+")
    text = models.TextField()

    class Meta:
        verbose_name = "申请检索索引"
        verbose_name_plural = "申请检索索引"

    def __str__(self) -> str:
        return str(self.application_id)
