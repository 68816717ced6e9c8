"""PostgreSQL: a row's tsvector (a few kilobytes) is stored out of line without trying to compress it first.
pglz gives up on it anyway (it saves less than the quarter it asks for), after spending on each row about
twice what storing it costs. Applies to rows written from now on."""

from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE search_searchdoc ALTER COLUMN tokens SET STORAGE EXTERNAL")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE search_searchdoc ALTER COLUMN tokens SET STORAGE EXTENDED")


class Migration(migrations.Migration):
    dependencies = [("search", "0004_oversized_rows")]
    operations = [migrations.RunPython(forwards, backwards)]
