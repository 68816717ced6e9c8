"""Who did what survives (issue 8, A.4): no model of Gongkai lets the deletion of a user erase or blank
the record of what the user did. Every foreign key to the user model is PROTECT, except a role
(`Membership`), which is the user's own and goes with it."""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models

OWNED_BY_THE_USER = {("agencies", "Membership", "user")}


def test_no_model_of_ours_cascades_or_nulls_a_user_reference() -> None:
    user_model = get_user_model()
    loose = []
    for model in apps.get_models():
        if not model.__module__.startswith("gongkai."):
            continue
        for field in model._meta.get_fields():
            if not isinstance(field, models.ForeignKey) or field.related_model is not user_model:
                continue
            if (model._meta.app_label, model.__name__, field.name) in OWNED_BY_THE_USER:
                continue
            if field.remote_field.on_delete is not models.PROTECT:
                loose.append(f"{model.__name__}.{field.name}")
    assert loose == []
