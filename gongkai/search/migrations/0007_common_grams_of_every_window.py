"""PostgreSQL: the published items' index keeps every four-character window holding a common bigram
(`text.common_grams`), not only those with the bigram in the middle, and a search now asks for them (a term
of four characters holding one, such as 流转管理 or 管理办法, asks for that window alone): every row's tokens
are written again from the normal form it stores, exactly as the index writes them (`index.prepare`), so
that none is missed. A row the grams take past the tsvector's limit becomes oversized (its text decides
every term), as the index writes it. A large table's GIN index is dropped first and built again after, as a
bulk load does (each row's update would otherwise go through the pending list), once VACUUM FULL has
written the table again without the rows' old versions (which would double its size on disk, and an index
built over them is twice the size), then VACUUM ANALYZE. Batch by batch, each in its own
transaction: a migration stopped half-way is run again from the start (a row written twice is the same).
SQLite's FTS5 index is exact by phrases and has no such grams. This does all that 0006 did, which is now
left empty."""

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
        while last is not None:
            with transaction.atomic(using=connection.alias):
                last = _write_again(cursor, last)
        if rebuild:
            if not connection.in_atomic_block:
                cursor.execute("VACUUM FULL search_searchdoc")
            with transaction.atomic(using=connection.alias):
                index._build_token_index(cursor)
            if not connection.in_atomic_block:
                # VACUUM FULL leaves the visibility map empty; the statistics predate the new lexemes.
                cursor.execute("VACUUM ANALYZE search_searchdoc")


def _tsvector(lexemes):
    """Lexemes as a tsvector's text (text.encode leaves no quote or backslash in a text's lexemes; a facet
    is letters and digits: escaped all the same)."""
    return " ".join("'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'" for lexeme in lexemes)


def _write_again(cursor, last):
    """Write the tokens of the next batch of rows after id `last` again; the last id done, None at the end."""
    cursor.execute(
        "SELECT id, title, doc_number, body, attachments, facets FROM search_searchdoc "
        "WHERE id > %s AND NOT oversized ORDER BY id LIMIT %s",
        [last, BATCH],
    )
    batch = cursor.fetchall()
    if not batch:
        return None
    ids, tokens, oversized = [], [], []
    for pk, title, number, body, attachments, facets in batch:
        found = set()
        for value in (title, number, body, attachments):
            found |= text.lexemes(value, with_common_grams=True)
        extra = ["~" + f for f in dict.fromkeys(facets.split())]
        oversized.append(len(found) > index.MAX_LEXEMES)
        if oversized[-1]:
            found = {index.OVERSIZED}
        ids.append(pk)
        tokens.append(_tsvector([*found, *extra]))
    # One statement for the batch: the tsvectors as text, read by the server.
    cursor.execute(
        "UPDATE search_searchdoc d SET tokens = v.tokens::tsvector, oversized = v.oversized "
        "FROM unnest(%s::bigint[], %s::text[], %s::boolean[]) v(id, tokens, oversized) WHERE d.id = v.id",
        [ids, tokens, oversized],
    )
    return batch[-1][0]


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("search", "0006_common_grams")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
