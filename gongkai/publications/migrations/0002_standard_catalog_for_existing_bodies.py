"""Bodies that existed before the catalog get the standard tree (new bodies get it when created)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from gongkai.publications.catalog import STANDARD_TREE

    Agency = apps.get_model("agencies", "Agency")
    Category = apps.get_model("publications", "Category")
    for agency in Agency.objects.all():
        if Category.objects.filter(agency=agency).exists():
            continue
        for i, (name, item, children) in enumerate(STANDARD_TREE):
            top = Category.objects.create(agency=agency, name=name, item=item, position=i)
            top.path = f"/{top.pk}/"
            top.save(update_fields=["path"])
            for j, (child_name, child_item) in enumerate(children):
                child = Category.objects.create(agency=agency, parent=top, name=child_name, item=child_item, position=j)
                child.path = f"{top.path}{child.pk}/"
                child.save(update_fields=["path"])


class Migration(migrations.Migration):
    dependencies = [("publications", "0001_initial"), ("agencies", "0002_membership_reviewer_role")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
