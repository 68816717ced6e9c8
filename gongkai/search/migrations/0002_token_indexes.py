"""The token indexes, in each database's own kind: FTS5 tables on SQLite, tsvector columns under GIN
indexes on PostgreSQL (see gongkai/search/index.py)."""

from django.db import migrations

SQLITE = [
    # Contentless: the tokens are recomputed from search_searchdoc when a row is removed. prefix='1' indexes
    # every token's first character, for one-character terms.
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, doc_number, body, attachments, facets, "
    "content='', prefix='1', columnsize=0, tokenize='ascii')",
    "CREATE VIRTUAL TABLE search_application_fts USING fts5(text, facets, "
    "content='', prefix='1', columnsize=0, tokenize='ascii')",
]
SQLITE_REVERSE = ["DROP TABLE search_fts", "DROP TABLE search_application_fts"]

POSTGRESQL = [
    "ALTER TABLE search_searchdoc ADD COLUMN tokens tsvector NOT NULL DEFAULT ''::tsvector",
    "CREATE INDEX search_doc_tokens ON search_searchdoc USING gin (tokens)",
    # Frequent lexemes are what the planner needs to tell a rare term from a common one.
    "ALTER TABLE search_searchdoc ALTER COLUMN tokens SET STATISTICS 1000",
    "ALTER TABLE search_applicationdoc ADD COLUMN tokens tsvector NOT NULL DEFAULT ''::tsvector",
    "CREATE INDEX search_application_tokens ON search_applicationdoc USING gin (tokens)",
]
POSTGRESQL_REVERSE = [
    "DROP INDEX search_doc_tokens",
    "ALTER TABLE search_searchdoc DROP COLUMN tokens",
    "DROP INDEX search_application_tokens",
    "ALTER TABLE search_applicationdoc DROP COLUMN tokens",
]


def forwards(apps, schema_editor):
    statements = SQLITE if schema_editor.connection.vendor == "sqlite" else POSTGRESQL
    for sql in statements:
        schema_editor.execute(sql)


def backwards(apps, schema_editor):
    statements = SQLITE_REVERSE if schema_editor.connection.vendor == "sqlite" else POSTGRESQL_REVERSE
    for sql in statements:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
