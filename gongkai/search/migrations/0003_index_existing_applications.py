"""Applications registered before the queue's search index get their index rows."""

from django.db import migrations


def forwards(apps, schema_editor):
    from gongkai.search.application_index import index_applications

    Application = apps.get_model("applications", "Application")
    index_applications(Application.objects.values_list("pk", flat=True).order_by("pk"))


class Migration(migrations.Migration):
    dependencies = [("search", "0002_token_indexes"), ("applications", "0003_queue_indexes")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
