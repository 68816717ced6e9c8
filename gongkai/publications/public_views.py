"""The 政府信息公开 column of each body: its guide, catalog (with counts), category pages, the document page,
attachments, and the search over every body. Only published items are shown; nothing here shows a
person's data beyond what was published. Pages are the same for every reader, so they may be cached."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header

from gongkai.agencies.models import Agency
from gongkai.publications import selectors
from gongkai.publications.attachments import CONTENT_TYPES
from gongkai.publications.catalog import catalog_tree, flatten
from gongkai.publications.forms import SearchForm
from gongkai.publications.models import AttachmentType, Category, Guide
from gongkai.search.selectors import search_publications

PUBLIC_MAX_AGE = 300  # seconds a shared cache may keep a public page


def public(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The page is the same for everyone: shared caches may keep it a few minutes."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.has_header("Cache-Control"):
            patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
        return response

    return wrapped


@public
def index(request: HttpRequest) -> HttpResponse:
    agencies = Agency.objects.order_by("path")
    latest = list(selectors.published()[:10])
    return render(
        request, "publications/index.html", {"agencies": agencies, "latest": latest, "form": SearchForm()}
    )


@public
def column(request: HttpRequest, code: str) -> HttpResponse:
    """The body's 政府信息公开 column: guide, catalog with counts, newest items, search box."""
    agency = get_object_or_404(Agency, code=code)
    context = {
        "agency": agency,
        "guide": Guide.objects.filter(agency=agency).first(),
        "tree": flatten(catalog_tree(agency)),
        "latest": list(selectors.published(agency)[:10]),
        "form": SearchForm(initial={"agency": agency.code}),
    }
    return render(request, "publications/column.html", context)


@public
def guide(request: HttpRequest, code: str) -> HttpResponse:
    agency = get_object_or_404(Agency, code=code)
    return render(
        request,
        "publications/guide.html",
        {
            "agency": agency,
            "guide": Guide.objects.filter(agency=agency).first(),
            "tree": flatten(catalog_tree(agency)),
        },
    )


@public
def category(request: HttpRequest, code: str, category_id: int) -> HttpResponse:
    agency = get_object_or_404(Agency, code=code)
    node = get_object_or_404(Category, agency=agency, pk=category_id)
    page = selectors.category_page(node, request.GET.get("page", 1))
    context = {
        "agency": agency,
        "category": node,
        "trail": selectors.category_trail(node),
        "children": list(node.children.order_by("position", "id")),
        "page": page,
        "query": "",
        "tree": flatten(catalog_tree(agency)),
    }
    return render(request, "publications/category.html", context)


@public
def item(request: HttpRequest, code: str, serial: str) -> HttpResponse:
    """The document page: the metadata table (索引号, 主题分类, 发布机构, 成文日期, 文号, 发布日期, 有效性), the body,
    attachments, linked interpretations, validity and successor."""
    publication = selectors.published_item(code, serial)
    context = {
        "agency": publication.agency,
        "item": publication,
        "tree": flatten(catalog_tree(publication.agency)),
        "trail": selectors.category_trail(publication.category),
        "attachments": list(publication.attachments.all()),
        "interpretations": selectors.linked(publication.interpretations.all()),
        "interprets": publication.interprets
        if publication.interprets and publication.interprets.is_public
        else None,
        "successor": publication.successor
        if publication.successor and publication.successor.is_public
        else None,
        "predecessors": selectors.linked(publication.predecessors.all()),
    }
    return render(request, "publications/item.html", context)


def attachment(request: HttpRequest, code: str, serial: str, attachment_id: int) -> FileResponse:
    """An attachment of a published item, with the type it was checked to be; PDFs and images open in the
    browser, DOCX files download."""
    publication = selectors.published_item(code, serial)
    found = publication.attachments.filter(pk=attachment_id).first()
    stored = found.file.name if found is not None else None
    if found is None or not stored or not default_storage.exists(stored):
        raise Http404("附件不存在。")
    inline = found.type != AttachmentType.DOCX
    response = FileResponse(
        default_storage.open(stored, "rb"), content_type=CONTENT_TYPES[AttachmentType(found.type)]
    )
    response["Content-Disposition"] = content_disposition_header(not inline, found.name) or "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    # No longer than the page: an item is withdrawn mostly for what its files hold (a list of names and ID
    # numbers), and shared caches kept them an hour after the item left the portal.
    patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    return response


@public
def search(request: HttpRequest) -> HttpResponse:
    """The search over every body's published items, with filters; newest first unless asked otherwise."""
    form = SearchForm(request.GET or None)
    result = None
    error = None
    if form.is_valid() and form.has_query():
        data = form.cleaned_data
        try:
            result = search_publications(
                data["q"],
                agency_code=data["agency"] or None,
                subtree=data["subtree"],
                year=data["year"],
                validity=data["validity"] or None,
                genre=data["genre"] or None,
                kind=data["kind"] or None,
                order=data["order"] or "newest",
                page=data["page"] or 1,
            )
        except ValidationError as invalid:
            error = "；".join(invalid.messages)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "publications/search.html",
        {"form": form, "result": result, "error": error, "query": query.urlencode()},
        # A query the search refuses (an unknown body or category, too many terms) is a bad request too.
        status=400 if (form.is_bound and not form.is_valid()) or error else 200,
    )
