"""PostgreSQL: a bigram holding 的 now counts as common (`text.COMMON_CHARACTERS`), so the published items'
index keeps every four-character window holding 的, and a term of four characters holding it (理的批复) is
decided by its window. Every row's tokens are written again from the normal form it stores, exactly as the
index writes them, as migration 0007 does (its steps, reused: batches, the GIN index dropped and built again
for a large table after VACUUM FULL, a row the grams take past the tsvector's limit made oversized)."""

import importlib

from django.db import migrations

forwards = importlib.import_module("gongkai.search.migrations.0007_common_grams_of_every_window").forwards


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("search", "0007_common_grams_of_every_window")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
