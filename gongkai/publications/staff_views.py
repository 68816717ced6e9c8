"""Staff pages: the body's items by status (late ones marked), drafting, the review before publishing with the
guard's findings in context, withdrawal and validity, the catalog and guide, the findings of published
items, and the year's figures. Every page checks the user's role for the body (refusals logged); every
change goes through one service, which checks again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import (
    can_act,
    can_review,
    is_head,
    require_act,
    require_read_publications,
)
from gongkai.core.form_errors import attach_error
from gongkai.core.uploads import MB, UploadLimits, limit_uploads, refused_uploads, request_too_large
from gongkai.publications import catalog_services, services
from gongkai.publications.attachments import MAX_BYTES as MAX_ATTACHMENT_BYTES
from gongkai.publications.catalog import catalog_tree, category_choices, flatten
from gongkai.publications.figures import normative_document_figures, records_complete_from
from gongkai.publications.forms import ApproveForm, AttachmentForm, PublicationForm, ReasonForm, ValidityForm
from gongkai.publications.models import Category, Finding, FindingStatus, Guide, Publication, Status
from gongkai.publications.register import normative_register_set
from gongkai.publications.scan import open_published_findings, open_published_findings_query, scan_published
from gongkai.publications.selectors import late_pending, year_counts
from gongkai.publications.timeliness import is_late, publish_by
from gongkai.search.highlight import marked
from gongkai.workbench.access import checked
from gongkai.workdays.calendar import current_calendar

PER_PAGE = 50
STATUS_TABS = [("", "全部"), *Status.choices]


def _agency(
    request: HttpRequest, code: str, page: str, check: Callable[..., None] = require_read_publications
) -> Agency:
    agency = get_object_or_404(Agency, code=code)
    checked(request, checks=[check], agency=agency, obj=agency, action=f"publications_{page}")
    return agency


def _item(request: HttpRequest, pk: int) -> Publication:
    publication = Publication.objects.select_related("agency", "category", "author").filter(pk=pk).first()
    if publication is None:
        raise Http404("信息不存在。")
    checked(
        request,
        checks=[require_read_publications],
        agency=publication.agency,
        obj=publication,
        action="publication_read",
    )
    return publication


@login_required
def listing(request: HttpRequest, code: str) -> HttpResponse:
    agency = _agency(request, code, "list")
    status = request.GET.get("status", "")
    items = (
        Publication.objects.filter(agency=agency).select_related("category").order_by("-updated_at", "-id")
    )
    if status in Status.values:
        items = items.filter(status=status)
    late = request.GET.get("late") == "1"
    if late:  # not yet published and past the deadline of 条例第二十六条
        items = items.filter(pk__in=late_pending(agency, timezone.localdate()))
    text = request.GET.get("q", "").strip()
    if text:
        items = items.filter(title__icontains=text)
    from django.core.paginator import Paginator

    page = Paginator(items, PER_PAGE).get_page(request.GET.get("page", 1))
    today = timezone.localdate()
    calendar = current_calendar()
    rows = [(p, is_late(p, today, calendar), publish_by(p, calendar)) for p in page.object_list]
    waiting = {
        "submitted": Publication.objects.filter(agency=agency, status=Status.SUBMITTED).count(),
        "reviewed": Publication.objects.filter(agency=agency, status=Status.REVIEWED).count(),
        "returned": Publication.objects.filter(agency=agency, status=Status.RETURNED).count(),
    }
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "agency": agency,
        "page": page,
        "rows": rows,
        "status": status,
        "tabs": STATUS_TABS,
        "waiting": waiting,
        "can_act": can_act(request.user, agency),
        "q": text,
        "late": late,
        "query": query.urlencode(),
    }
    return render(request, "publications/staff/list.html", context)


def _form_values(form: PublicationForm) -> dict[str, Any]:
    data = dict(form.cleaned_data)
    data["channels"] = data.get("channels") or []
    data["interprets"] = _interpreted(str(data.get("interprets") or "").strip())
    return data


def _interpreted(value: str) -> Publication | int | None:
    """The document an interpretation interprets, named by its index number (as the portal shows it) or,
    before it is published, by its internal number (shown on its staff page); the service checks which
    documents may be named."""
    if not value:
        return None
    found = Publication.objects.filter(index_number=value).first()
    if found is not None:
        return found
    if value.isascii() and value.isdigit() and len(value) < 19:
        return int(value)
    raise ValidationError({"interprets": f"没有索引号为 {value} 的信息。"})


@login_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest, code: str) -> HttpResponse:
    # Only staff and the head draft: a reviewer or supervisor is refused before filling in the form.
    agency = _agency(request, code, "create", require_act)
    form = PublicationForm(request.POST or None, categories=category_choices(agency))
    if request.method == "POST" and form.is_valid():
        try:
            publication = services.publication_create(actor=request.user, agency=agency, **_form_values(form))
        except ValidationError as error:
            attach_error(form, error)
        else:
            messages.success(request, "草稿已保存。可以添加附件，然后提交审核。")
            return redirect("publications:detail", pk=publication.pk)
    return render(
        request, "publications/staff/form.html", {"agency": agency, "form": form, "publication": None}
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    publication = _item(request, pk)
    checked(
        request, checks=[require_act], agency=publication.agency, obj=publication, action="publication_edit"
    )
    initial = {
        name: getattr(publication, name)
        for name in (
            "title",
            "doc_number",
            "issuer",
            "made_on",
            "changed_on",
            "topic",
            "genre",
            "kind",
            "channels",
            "body",
        )
    }
    initial["category"] = publication.category_id
    interprets = publication.interprets
    initial["interprets"] = (interprets.index_number or interprets.pk) if interprets else None
    form = PublicationForm(
        request.POST or None, initial=initial, categories=category_choices(publication.agency)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.publication_update(actor=request.user, publication=publication, **_form_values(form))
        except ValidationError as error:
            attach_error(form, error)
        else:
            messages.success(request, "已保存修改。")
            return redirect("publications:detail", pk=publication.pk)
    return render(
        request,
        "publications/staff/form.html",
        {"agency": publication.agency, "form": form, "publication": publication},
    )


PUBLISHED_FINDINGS_SHOWN = 200
FINDINGS_SHOWN = 100  # a list of thousands of recipients' numbers made a page of megabytes and seconds


def _finding_rows(publication: Publication) -> tuple[list[tuple[Finding, list[Any]]], int]:
    """The first FINDINGS_SHOWN findings to decide (open ones first), and how many more there are."""
    findings = publication.findings.exclude(status=FindingStatus.RESOLVED).select_related("decided_by")
    shown = list(findings.filter(status=FindingStatus.OPEN)[:FINDINGS_SHOWN])
    if len(shown) < FINDINGS_SHOWN:
        shown += list(findings.exclude(status=FindingStatus.OPEN)[: FINDINGS_SHOWN - len(shown)])
    rows = [(f, marked(f"{f.before}{f.match}{f.after}", [f.match])) for f in shown]
    return rows, findings.count() - len(rows)


@login_required
def detail(
    request: HttpRequest, pk: int, forms: dict[str, Any] | None = None, status: int = 200
) -> HttpResponse:
    publication = _item(request, pk)
    user = request.user
    allowed = services.allowed_actions(publication, user)
    forms = forms or {}
    today = timezone.localdate()
    findings_shown, findings_more = _finding_rows(publication)
    context = {
        "agency": publication.agency,
        "item": publication,
        "allowed": allowed,
        "findings": findings_shown,
        "findings_more": findings_more,
        "open_findings": publication.findings.filter(status=FindingStatus.OPEN).count(),
        "events": publication.events.select_related("actor").order_by("at", "id"),
        "attachments": list(publication.attachments.all()),
        # Another body's interpretation of this document is shown once published, never as a draft.
        "interpretations": list(
            publication.interpretations.filter(
                Q(agency_id=publication.agency_id) | Q(status=Status.PUBLISHED)
            ).order_by("id")
        ),
        "late": is_late(publication, today),
        "publish_by": publish_by(publication),
        "is_head": is_head(user, publication.agency),
        "reason_form": forms.get("reason") or ReasonForm(),
        "approve_form": forms.get("approve") or ApproveForm(),
        "attachment_form": forms.get("attach") or AttachmentForm(),
        "validity_form": forms.get("validity")
        or ValidityForm(
            initial={
                "validity": publication.validity or "in_force",
                "changed_on": publication.validity_changed_on,
            }
        ),
    }
    return render(request, "publications/staff/detail.html", context, status=status)


DONE = {
    "submit": "已提交审核。",
    "review": "保密审查通过，已送负责人审批。",
    "approve": "已批准并发布。",
    "return": "已退回修改。",
    "withdraw": "已撤回，该信息不再在网站上公开。",
    "decide": "已确认该处内容可以公开。",
    "attach": "已添加附件。",
    "detach": "已删除附件。",
    "validity": "已变更有效性。",
}
# The form each action reads; for those in FORM_FIRST an invalid form is shown again before anything is done.
ACTION_FORMS: dict[str, Any] = {
    "review": ReasonForm,
    "approve": ApproveForm,
    "return": ReasonForm,
    "withdraw": ReasonForm,
    "decide": ReasonForm,
    "attach": AttachmentForm,
    "validity": ValidityForm,
}
FORM_FIRST = ("approve", "attach", "validity")


def _reason(form: Any) -> str:
    return str(form.cleaned_data.get("reason", ""))


def _attach(user: Any, publication: Publication, request: HttpRequest, form: Any) -> None:
    upload = form.cleaned_data["file"]
    if upload.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(f"附件超过 {MAX_ATTACHMENT_BYTES // 1024 // 1024} MB。")
    services.publication_add_attachment(
        actor=user, publication=publication, name=upload.name, data=upload.read()
    )


def _set_validity(user: Any, publication: Publication, request: HttpRequest, form: Any) -> None:
    number = form.cleaned_data["successor"].strip()
    successor = Publication.objects.filter(index_number=number).first() if number else None
    if number and successor is None:
        raise ValidationError({"successor": f"没有索引号为 {number} 的信息。"})
    services.publication_set_validity(
        actor=user,
        publication=publication,
        validity=form.cleaned_data["validity"],
        changed_on=form.cleaned_data["changed_on"],
        successor=successor,
        note=form.cleaned_data["note"],
    )


def _posted_id(request: HttpRequest, name: str) -> int:
    """The id posted as `name`; 0 (no such row: the service's own refusal) for anything but digits."""
    value = request.POST.get(name, "").strip()
    return int(value) if value.isascii() and value.isdigit() and len(value) < 19 else 0


# What each action does, with the acting user, the item, the request and the form it read.
ACTION_RUNS: dict[str, Callable[[Any, Publication, HttpRequest, Any], object]] = {
    "submit": lambda user, item, request, form: services.publication_submit(actor=user, publication=item),
    "review": lambda user, item, request, form: services.publication_review(
        actor=user, publication=item, reason=_reason(form)
    ),
    "approve": lambda user, item, request, form: services.publication_approve(
        actor=user,
        publication=item,
        published_on=form.cleaned_data.get("published_on"),
        reason=_reason(form),
    ),
    "return": lambda user, item, request, form: services.publication_return(
        actor=user, publication=item, reason=_reason(form)
    ),
    "withdraw": lambda user, item, request, form: services.publication_withdraw(
        actor=user, publication=item, reason=_reason(form)
    ),
    "decide": lambda user, item, request, form: services.finding_decide(
        actor=user,
        publication=item,
        finding_id=_posted_id(request, "finding"),
        reason=_reason(form),
    ),
    "attach": _attach,
    "detach": lambda user, item, request, form: services.publication_remove_attachment(
        actor=user, publication=item, attachment_id=_posted_id(request, "attachment")
    ),
    "validity": _set_validity,
}


# An attachment may be MAX_ATTACHMENT_BYTES, whatever its kind (an image is no smaller than a PDF); the
# request's default caps (10 MB) dropped a 15 MB PDF, and the page then said only that no file was chosen.
ATTACHMENT_UPLOAD_LIMITS = UploadLimits(
    binary=MAX_ATTACHMENT_BYTES, text=MAX_ATTACHMENT_BYTES, total=MAX_ATTACHMENT_BYTES + MB
)


@csrf_exempt  # checked in `_act`, after the role and the upload's caps: the CSRF check reads the whole upload
@login_required
@require_POST
def act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """One action on the item through its service; a refused role is the 403 page (logged), a refused
    state or bad input an error on the item's page. An upload is capped as it arrives, once the user is
    known to be one who may attach to the item."""
    publication = _item(request, pk)
    if action not in DONE:
        raise Http404("没有这项操作。")
    if action == "attach":
        checked(
            request,
            checks=[require_act],
            agency=publication.agency,
            obj=publication,
            action="publication_add_attachment",
        )
        limit_uploads(request, ATTACHMENT_UPLOAD_LIMITS)
        if request_too_large(request):
            size = int(request.META.get("CONTENT_LENGTH") or 0) / MB
            messages.error(
                request, f"附件约 {size:.1f} MB，超过上限 {MAX_ATTACHMENT_BYTES // MB} MB，未上传。"
            )
            return detail(request, pk, status=413)
    return _act(request, publication, action)


@csrf_protect
def _act(request: HttpRequest, publication: Publication, action: str) -> HttpResponse:
    pk = publication.pk
    form: Any = None
    if action in ACTION_FORMS:
        form = (
            AttachmentForm(request.POST, request.FILES, refused=refused_uploads(request))
            if action == "attach"
            else ACTION_FORMS[action](request.POST)
        )
        if not form.is_valid() and action in FORM_FIRST:
            # Said at the top of the page too: the form's own panel may be below the fold.
            messages.error(request, "；".join(str(e) for errors in form.errors.values() for e in errors))
            return detail(request, pk, {action: form}, status=400)
    try:
        ACTION_RUNS[action](request.user, publication, request, form)
    except ValidationError as error:
        key = action if action in FORM_FIRST else "reason"
        if form is None:
            form = ReasonForm(request.POST)
            form.is_valid()
        attach_error(form, error)
        messages.error(request, "；".join(error.messages))
        return detail(request, pk, {key: form}, status=400)
    messages.success(request, DONE[action])
    return redirect("publications:detail", pk=publication.pk)


@login_required
@require_http_methods(["GET", "POST"])
def catalog(request: HttpRequest, code: str) -> HttpResponse:
    """The body's catalog: add, rename, move and remove categories (staff and head)."""
    agency = _agency(request, code, "catalog")
    if request.method == "POST":
        op = request.POST.get("op", "")
        try:
            category = None
            if request.POST.get("category"):
                category = get_object_or_404(Category, agency=agency, pk=int(request.POST["category"]))
            parent_id = request.POST.get("parent") or None
            parent = get_object_or_404(Category, agency=agency, pk=int(parent_id)) if parent_id else None
            if op == "add":
                catalog_services.category_add(
                    actor=request.user, agency=agency, name=request.POST.get("name", ""), parent=parent
                )
            elif op == "rename" and category:
                catalog_services.category_rename(
                    actor=request.user, category=category, name=request.POST.get("name", "")
                )
            elif op == "move" and category:
                catalog_services.category_move(actor=request.user, category=category, parent=parent)
            elif op == "delete" and category:
                catalog_services.category_delete(actor=request.user, category=category)
            else:
                raise ValidationError("未知的操作。")
        except (ValidationError, ValueError) as error:
            messages.error(
                request, "；".join(error.messages) if isinstance(error, ValidationError) else "参数无效。"
            )
        else:
            messages.success(request, "公开目录已更新。")
        return redirect("publications:catalog", code=agency.code)
    context = {
        "agency": agency,
        "tree": flatten(catalog_tree(agency, public_only=False)),
        "choices": category_choices(agency),
        "can_act": can_act(request.user, agency),
    }
    return render(request, "publications/staff/catalog.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def guide(request: HttpRequest, code: str) -> HttpResponse:
    from django import forms as django_forms

    agency = _agency(request, code, "guide")
    current = Guide.objects.filter(agency=agency).first() or Guide(agency=agency)
    GuideForm = django_forms.modelform_factory(Guide, fields=catalog_services.GUIDE_FIELDS)
    form = GuideForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        try:
            catalog_services.guide_update(
                actor=request.user,
                agency=agency,
                **{f: form.cleaned_data[f] for f in catalog_services.GUIDE_FIELDS},
            )
        except ValidationError as error:
            attach_error(form, error)  # type: ignore[arg-type]
        else:
            messages.success(request, "公开指南已更新，门户网站即时显示。")
            return redirect("publications:guide", code=agency.code)
    return render(
        request,
        "publications/staff/guide.html",
        {"agency": agency, "form": form, "can_act": can_act(request.user, agency)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def findings(request: HttpRequest, code: str) -> HttpResponse:
    """Findings of the guard on the body's published items; a reviewer or the head runs a new scan."""
    agency = _agency(request, code, "findings")
    after = _scan_cursor(
        request.POST.get("after", "0") if request.method == "POST" else request.GET.get("after", "0")
    )
    if after is None:
        return HttpResponse(
            "继续检查的位置（after）须为非负整数。", status=400, content_type="text/plain; charset=utf-8"
        )
    if request.method == "POST":
        report = scan_published(
            agency=agency, actor=request.user, after=after, limit=WEB_SCAN_ITEMS, with_findings=False
        )
        if not report.remaining:
            messages.success(request, f"已检查 {report.scanned} 条已公开信息，新发现 {report.new} 处。")
            return redirect("publications:findings", code=agency.code)
        messages.success(
            request,
            f"已检查 {report.scanned} 条已公开信息，新发现 {report.new} 处；还有 {report.remaining} 条，"
            "请点击“继续检查”（或在命令行运行 gongkai publications scan 一次检查全部）。",
        )
        return redirect(f"{reverse('publications:findings', args=[agency.code])}?after={report.last_pk}")
    # The first PUBLISHED_FINDINGS_SHOWN and the count: an import of a body's old site may bring tens of
    # thousands of numbers, which made one page of them all.
    shown = open_published_findings(agency, limit=PUBLISHED_FINDINGS_SHOWN)
    rows = [(f, marked(f"{f.before}{f.match}{f.after}", [f.match])) for f in shown]
    total = open_published_findings_query(agency).count()
    return render(
        request,
        "publications/staff/findings.html",
        {
            "agency": agency,
            "rows": rows,
            "total": total,
            "more": total - len(rows),
            "can_review": can_review(request.user, agency),
            "after": after,
        },
    )


# A page's scan of published items checks about this many per request (a slice takes seconds; the
# command line checks them all at once).
WEB_SCAN_ITEMS = 1000


def _scan_cursor(value: str) -> int | None:
    """Where a scan goes on: a non-negative item id, or None for anything else."""
    return int(value) if value.isdigit() and len(value) <= 18 else None


@login_required
@require_http_methods(["GET", "POST"])
def statistics(request: HttpRequest, code: str) -> HttpResponse:
    """The year's counts by category and channel, late items, and table 二 第（一）项 from the register."""
    agency = _agency(request, code, "statistics")
    today = timezone.localdate()
    if request.method == "POST":
        value = request.POST.get("complete_from", "").strip()
        try:
            normative_register_set(
                agency=agency, complete_from=int(value) if value else None, actor=request.user
            )
        except (ValidationError, ValueError) as error:
            messages.error(
                request, "；".join(error.messages) if isinstance(error, ValidationError) else "年度无效。"
            )
        else:
            messages.success(request, "已保存规范性文件记录的起始年度。")
        return redirect("publications:statistics", code=agency.code)
    try:
        year = int(request.GET.get("year", today.year))
    except ValueError:
        year = today.year
    year = min(max(year, 2008), today.year)
    fmt = "2021" if year >= 2021 else "2019" if year >= 2019 else None
    context = {
        "agency": agency,
        "year": year,
        "years": list(range(today.year, 2007, -1)),
        "counts": year_counts(agency, year, today),
        "figures": normative_document_figures(agency, year, fmt) if fmt else None,
        "fmt": fmt,
        "complete_from": records_complete_from(agency),
        "is_head": is_head(request.user, agency),
    }
    return render(request, "publications/staff/statistics.html", context)
