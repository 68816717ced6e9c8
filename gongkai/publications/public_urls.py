"""Public pages of proactive disclosure (政府信息公开专栏): no sign-in, readable without JavaScript."""

from __future__ import annotations

from django.urls import path, register_converter

from gongkai.publications import feeds, public_views


class SerialConverter:
    """The last part of an index number: "2024-00012"."""

    regex = r"\d{4}-\d{5,9}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(SerialConverter, "serial")

app_name = "disclosure"

urlpatterns = [
    path("", public_views.index, name="index"),
    path("search/", public_views.search, name="search"),
    path("<str:code>/", public_views.column, name="column"),
    path("<str:code>/guide/", public_views.guide, name="guide"),
    path("<str:code>/catalog/<int:category_id>/", public_views.category, name="category"),
    # Feeds are read by aggregators every few minutes: shared caches keep them as they keep the pages.
    path("<str:code>/feed.atom", public_views.public(feeds.AgencyFeed()), name="feed"),
    path(
        "<str:code>/catalog/<int:category_id>/feed.atom",
        public_views.public(feeds.CategoryFeed()),
        name="category_feed",
    ),
    path("<str:code>/<serial:serial>/", public_views.item, name="item"),
    path(
        "<str:code>/<serial:serial>/attachments/<int:attachment_id>/",
        public_views.attachment,
        name="attachment",
    ),
]
