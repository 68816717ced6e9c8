"""The admin site: the catalog, guides and registers may be corrected here; items are read only (they change
through the review, with their events)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from gongkai.publications.models import Category, Guide, NormativeRegister, Publication, PublicationEvent


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin[Publication]):
    list_display = ("index_number", "title", "agency", "status", "published_on", "kind", "validity")
    list_filter = ("status", "kind", "validity")
    search_fields = ("title", "index_number", "doc_number")
    readonly_fields = [f.name for f in Publication._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(PublicationEvent)
class PublicationEventAdmin(admin.ModelAdmin[PublicationEvent]):
    list_display = ("publication", "kind", "actor", "at")
    readonly_fields = [f.name for f in PublicationEvent._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


admin.site.register(Category, list_display=("name", "agency", "item", "path"), readonly_fields=("path",))
admin.site.register(Guide, list_display=("agency", "updated_at"))
admin.site.register(NormativeRegister, list_display=("agency", "complete_from", "set_at"))
