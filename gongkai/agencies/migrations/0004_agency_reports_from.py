from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from django.db import migrations, models

import gongkai.agencies.models


def from_the_year_entered(apps: Any, schema_editor: Any) -> None:
    """A body already here makes its reports in Gongkai from the year it was entered (Asia/Shanghai)."""
    Agency = apps.get_model("agencies", "Agency")
    shanghai = ZoneInfo("Asia/Shanghai")
    for agency in Agency.objects.all().only("pk", "created_at"):
        year = agency.created_at.astimezone(shanghai).year
        Agency.objects.filter(pk=agency.pk).update(reports_from=year)


class Migration(migrations.Migration):
    dependencies = [
        ("agencies", "0003_chinese_labels"),
    ]

    operations = [
        migrations.AddField(
            model_name="agency",
            name="reports_from",
            field=models.PositiveSmallIntegerField(
                default=gongkai.agencies.models.this_year,
                help_text="本机关自该年度起在本系统编制年度报告；此前的年度不计逾期、不发提醒，可导入已发布的报告。",
                verbose_name="年度报告起始年度",
            ),
        ),
        migrations.RunPython(from_the_year_entered, migrations.RunPython.noop),
    ]
