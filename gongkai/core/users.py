"""Who did what survives: a user who has acted is deactivated, never deleted.

Every record that names a user as the one who acted (an application's event, an audit log entry, an
appeal's step, an imported report, a reviewed finding, an API token) refers to the user with PROTECT:
the database keeps the actor, and deleting such a user fails instead of blanking "who" across the record.
The admin offers deactivation instead (`is_active`), and deletion only for a user who never acted (a
mistaken entry)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.db import models


def actor_relations() -> list[Any]:
    """The reverse relations of every PROTECTed reference to a user (hidden ones too: related_name="+")."""
    return [
        relation
        for relation in User._meta.get_fields(include_hidden=True)
        if relation.auto_created
        and not relation.concrete
        and (relation.one_to_many or relation.one_to_one)
        and getattr(relation, "on_delete", None) is models.PROTECT
    ]


def acted_in(user: User) -> list[str]:
    """The kinds of record that name this user as their actor (their verbose names), for the admin."""
    found = []
    for relation in actor_relations():
        model = relation.related_model
        if model.objects.filter(**{relation.field.name: user}).exists():
            found.append(str(model._meta.verbose_name))
    return found


def has_acted(user: User) -> bool:
    return bool(acted_in(user))
