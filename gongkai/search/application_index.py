"""The staff queue's text search over applications (number, applicant, description) on the same kind of
index as the published items: bigram tokens of the normal form (FTS5 on SQLite, GIN over tsvector on
PostgreSQL), exact substring semantics. A term hits an application when N(term) is a substring of N(number),
N(applicant's name) or N(description); every term must hit.

Kept current by a signal on every save of an application (the services save through the model), and by
the register import, which prepares the rows of its bulk write before it writes (`prepare_document`,
`insert_documents`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import connection
from django.db.models.signals import post_save
from django.dispatch import receiver

from gongkai.search import text

BATCH = 500


def _normal(number: str, applicant: str, description: str) -> str:
    return text.join_fields(text.normalize(v) for v in (number, applicant, description))


def index_applications(ids: Iterable[int]) -> None:
    """(Re)write the index rows of these applications."""
    from gongkai.applications.models import Application

    ids = list(ids)
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        rows = Application.objects.filter(pk__in=chunk).values_list(
            "pk", "agency_id", "number", "applicant_name", "description"
        )
        prepared = [
            (pk, *prepare_document(agency_id, number, name, description))
            for pk, agency_id, number, name, description in rows
        ]
        _remove(chunk)
        insert_documents(prepared)


def prepare_document(agency_id: int, number: str, applicant: str, description: str) -> tuple[int, str, str]:
    """The index row of an application, without its id: (agency id, normal form, tokens). Cheap to store but
    not to make, so the register import makes every row before it takes the write lock."""
    normal = _normal(number, applicant, description)
    if connection.vendor == "postgresql":
        return agency_id, normal, " ".join(text.lexemes(normal))
    return agency_id, normal, text.field_tokens(normal)


def insert_documents(rows: Iterable[tuple[int, int, str, str]]) -> None:
    """Store prepared index rows (application id, agency id, normal form, tokens) of applications that have
    none yet."""
    rows = list(rows)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.executemany(
                "INSERT INTO search_applicationdoc (application_id, agency_id, text, tokens) "
                "VALUES (%s, %s, %s, array_to_tsvector(string_to_array(%s, ' ')))",
                rows,
            )
        else:
            cursor.executemany(
                "INSERT INTO search_applicationdoc (application_id, agency_id, text) VALUES (%s, %s, %s)",
                [(pk, agency_id, normal) for pk, agency_id, normal, _ in rows],
            )
            cursor.executemany(
                "INSERT INTO search_application_fts (rowid, text, facets) VALUES (%s, %s, %s)",
                [(pk, tokens, f"a{agency_id}") for pk, agency_id, _, tokens in rows],
            )


def _remove(ids: list[int]) -> None:
    marks = ",".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                f"SELECT application_id, agency_id, text FROM search_applicationdoc WHERE application_id IN ({marks})",  # noqa: S608 (placeholders only)
                ids,
            )
            cursor.executemany(
                "INSERT INTO search_application_fts (search_application_fts, rowid, text, facets) VALUES ('delete', %s, %s, %s)",
                [
                    (pk, text.field_tokens(normal), f"a{agency_id}")
                    for pk, agency_id, normal in cursor.fetchall()
                ],
            )
        cursor.execute(f"DELETE FROM search_applicationdoc WHERE application_id IN ({marks})", ids)  # noqa: S608 (placeholders only)


def matching_ids(query: str, agency_ids: list[int]) -> tuple[str, list[Any]] | None:
    """SQL selecting the ids of the applications of these bodies that hold every term (None: no terms)."""
    terms = text.split_terms(query)
    if not terms:
        return None
    if connection.vendor == "sqlite":
        parts = []
        for term in terms:
            tokens = text.term_tokens(term)
            parts.append(f'text : "{tokens[0]}"*' if len(term) == 1 else f'text : "{" ".join(tokens)}"')
        if agency_ids:
            parts.append("(" + " OR ".join(f"facets : a{int(pk)}" for pk in agency_ids) + ")")
        return "SELECT rowid FROM search_application_fts WHERE search_application_fts MATCH %s", [
            " AND ".join(parts)
        ]
    lexemes = dict.fromkeys(lexeme for term in terms for lexeme in text.term_lexemes(term))
    exact = " AND ".join("strpos(text, %s) > 0" for term in terms if len(term) >= 3) or "TRUE"
    return (
        f"SELECT application_id FROM search_applicationdoc WHERE tokens @@ %s::tsquery AND {exact}",  # noqa: S608 (placeholders only)
        [" & ".join(f"'{lexeme}'" for lexeme in lexemes), *[t for t in terms if len(t) >= 3]],
    )


@receiver(post_save, sender="applications.Application", dispatch_uid="search_index_application")
def _application_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        index_applications([instance.pk])
