"""PostgreSQL: the rows written before the index kept common grams (`text.common_grams`) get theirs, since a
search now asks for them: without them a row would be missed by a term around a common bigram. Computed
from the normal form the row stores; a row that would pass the tsvector's limit becomes oversized (its text
decides every term), as the index writes it. A large table's GIN index is dropped first and built again
after, as a bulk load does (each row's update would otherwise go through the pending list), once VACUUM has
cleared the rows' old versions (an index built over them is twice the size). Batch by batch, each in its own
transaction: a migration stopped half-way is run again from the start (a gram added twice is one).
SQLite's FTS5 index is exact by phrases and has no such grams."""

from django.db import migrations, transaction

from gongkai.search import index, text

BATCH = 2000


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_searchdoc WHERE NOT oversized")
        rows = cursor.fetchone()[0]
        if not rows:
            return
        rebuild = rows >= index.REBUILD_MIN_ROWS
        if rebuild:
            cursor.execute("DROP INDEX IF EXISTS search_doc_tokens")
        last = -1
        while True:
            with transaction.atomic(using=connection.alias):
                last = _add_grams(cursor, last)
            if last is None:
                break
        if rebuild:
            if not connection.in_atomic_block:
                cursor.execute("VACUUM search_searchdoc")
            with transaction.atomic(using=connection.alias):
                index._build_token_index(cursor)


def _add_grams(cursor, last):
    """Give the next batch of rows after id `last` their common grams; the last id done, None at the end."""
    cursor.execute(
        "SELECT id, title, doc_number, body, attachments, facets, length(tokens) FROM search_searchdoc "
        "WHERE id > %s AND NOT oversized ORDER BY id LIMIT %s",
        [last, BATCH],
    )
    batch = cursor.fetchall()
    if not batch:
        return None
    last = batch[-1][0]
    grams, oversized = [], []
    for pk, title, number, body, attachments, facets, count in batch:
        found = set()
        for value in (title, number, body, attachments):
            found |= text.common_grams(value)
        extra = ["~" + f for f in dict.fromkeys(facets.split())]
        if count - len(extra) + len(found) > index.MAX_LEXEMES:
            oversized.append((extra, pk))
        elif found:
            grams.append((sorted(found), pk))
    cursor.executemany(
        "UPDATE search_searchdoc SET tokens = tokens || array_to_tsvector(%s::text[]) WHERE id = %s",
        grams,
    )
    cursor.executemany(
        "UPDATE search_searchdoc SET oversized = true, "
        "tokens = array_to_tsvector(array_prepend(%s::text, %s::text[])) WHERE id = %s",
        [(index.OVERSIZED, facets, pk) for facets, pk in oversized],
    )
    return last


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("search", "0005_tokens_stored_uncompressed")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
