"""Seed the calendar from the installed `chinesecalendar` package: only its exceptions to Monday–Friday,
and every year it covers marked complete. Later package upgrades: `gongkai workdays load-package`."""

import uuid

from django.db import migrations

from gongkai.workdays.package import package_exceptions, package_years


def seed(apps, schema_editor):
    CalendarDay = apps.get_model("workdays", "CalendarDay")
    CalendarYear = apps.get_model("workdays", "CalendarYear")
    CalendarVersion = apps.get_model("workdays", "CalendarVersion")
    years = package_years()
    CalendarDay.objects.bulk_create(
        CalendarDay(date=day.date, is_workday=day.is_workday, name=day.name, source="package")
        for year in years
        for day in package_exceptions(year)
    )
    CalendarYear.objects.bulk_create(CalendarYear(year=year, is_complete=True, source="package") for year in years)
    CalendarVersion.objects.update_or_create(pk=1, defaults={"token": uuid.uuid4().hex})


def unseed(apps, schema_editor):
    apps.get_model("workdays", "CalendarDay").objects.filter(source="package").delete()
    apps.get_model("workdays", "CalendarYear").objects.filter(source="package").delete()
    apps.get_model("workdays", "CalendarVersion").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("workdays", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
