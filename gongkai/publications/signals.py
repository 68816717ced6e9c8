"""A new body gets the standard catalog (the 15 items of 条例第二十条), which it may then edit."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from gongkai.agencies.models import Agency


@receiver(post_save, sender=Agency, dispatch_uid="publications_seed_catalog")
def seed_catalog(
    sender: type[Agency], instance: Agency, created: bool, raw: bool = False, **kwargs: Any
) -> None:
    if created and not raw:
        from gongkai.publications.catalog import seed_standard_catalog

        seed_standard_catalog(instance)
