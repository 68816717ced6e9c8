"""Every change of an item of proactive disclosure: draft, edit, attachments, the review before publishing
(先审查、后公开: staff submit → the reviewer's secrecy review (保密审查) → the head's approval publishes it),
return with a reason at any step, withdrawal, validity of normative documents.

Each service is keyword-only, runs in one transaction, checks the actor's role for the item's body
(`gongkai.agencies.permissions`), writes one `PublicationEvent` with the state before and after, and keeps
the search index in step. Refusals of role (`PermissionDenied`) and of state (`ActionRefused`) are written
to the audit log once the refused transaction has rolled back.

三审: the author does not review their own item, and the reviewer does not also give the head's approval.
The guard (`guard.py`) scans every text and attachment on submission, again before each approval; an
approval while findings are open needs the head and a reason (the findings are then marked accepted).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from django.core.exceptions import ValidationError
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import (
    can_act,
    can_review,
    is_head,
    require_act,
    require_head,
    require_review,
)
from gongkai.core.services import logged_service
from gongkai.publications import attachments as files
from gongkai.publications import fields, findings, indexing
from gongkai.publications.models import (
    EDITABLE,
    Attachment,
    EventKind,
    Finding,
    FindingStatus,
    Publication,
    PublicationEvent,
    Status,
)
from gongkai.publications.numbering import format_index_number, reserve

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    Actor = User | AnonymousUser

P = ParamSpec("P")
R = TypeVar("R")


class ActionRefused(ValidationError):
    """The item's status, or a rule of the review, does not allow this action now."""


def _service(action: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Run the service in a transaction; log a refusal of role or state after its rollback."""
    return logged_service(action, subject="publication", model=Publication, refusals=(ActionRefused,))


def _lock(publication: Publication) -> None:
    Publication.objects.select_for_update().filter(pk=publication.pk).values_list("pk").get()
    publication.refresh_from_db()


def snapshot(publication: Publication) -> dict[str, Any]:
    return {
        "status": publication.status,
        "index_number": publication.index_number,
        "title": publication.title,
        "doc_number": publication.doc_number,
        "published_on": publication.published_on.isoformat() if publication.published_on else None,
        "validity": publication.validity,
        "validity_changed_on": (
            publication.validity_changed_on.isoformat() if publication.validity_changed_on else None
        ),
        "successor": publication.successor_id,
    }


def _record(
    publication: Publication,
    *,
    kind: str,
    actor: Actor | None,
    before: dict[str, Any],
    data: dict[str, Any] | None = None,
    note: str = "",
) -> PublicationEvent:
    publication.save()
    user = actor if actor is not None and actor.is_authenticated else None
    return PublicationEvent.objects.create(
        publication=publication,
        kind=kind,
        actor=user,
        before=before,
        after=snapshot(publication),
        data=data or {},
        note=note.strip(),
    )


def _require_status(publication: Publication, *allowed: str, doing: str) -> None:
    if publication.status not in allowed:
        raise ActionRefused(f"该信息当前状态为“{publication.get_status_display()}”，不能{doing}。")


def _today() -> date:
    return timezone.localdate()


# ---------------------------------------------------------------------------------------------------
# Drafting


@_service("publication_create")
def publication_create(*, actor: Actor, agency: Agency, **values: Any) -> Publication:
    """A new draft of the body, by its staff or head."""
    require_act(actor, agency)
    publication = Publication(agency=agency, author=actor if actor.is_authenticated else None)
    fields.apply(publication, values, today=_today())
    publication.save()
    _record(publication, kind=EventKind.CREATED, actor=actor, before={})
    return publication


@_service("publication_update")
def publication_update(*, actor: Actor, publication: Publication, **values: Any) -> Publication:
    """Change a draft (or an item sent back). Its findings are looked at again on submission."""
    require_act(actor, publication.agency)
    _lock(publication)
    _require_status(publication, *EDITABLE, doing="修改")
    before = snapshot(publication)
    fields.apply(publication, values, today=_today())
    _record(publication, kind=EventKind.EDITED, actor=actor, before=before, data={"fields": sorted(values)})
    return publication


def publication_add_attachment(
    *, actor: Actor, publication: Publication, name: str, data: bytes
) -> Attachment:
    """Attach a file (checked by content and size; its text extracted) to a draft. The file is read
    before the transaction: reading a long PDF takes up to `attachments.EXTRACT_SECONDS`, and SQLite's
    write lock (taken at BEGIN) would stop every other change in Gongkai meanwhile. Whoever may not attach
    to the item now is refused (and logged) by the service before anything is read."""
    checked = None
    if can_act(actor, publication.agency) and publication.status in EDITABLE:
        checked = files.check_file(name, data)
    return _add_attachment(actor=actor, publication=publication, name=name, data=data, checked=checked)


@_service("publication_add_attachment")
def _add_attachment(
    *, actor: Actor, publication: Publication, name: str, data: bytes, checked: files.CheckedFile | None
) -> Attachment:
    require_act(actor, publication.agency)
    _lock(publication)
    _require_status(publication, *EDITABLE, doing="添加附件")
    checked = checked or files.check_file(name, data)
    attachment = Attachment.objects.create(
        publication=publication,
        name=checked.name,
        file=files.store(checked),
        type=checked.type,
        size=len(checked.data),
        sha256=checked.sha256,
        text=checked.text,
        text_note=checked.note,
        position=publication.attachments.count(),
    )
    before = snapshot(publication)
    _record(
        publication,
        kind=EventKind.ATTACHMENT_ADDED,
        actor=actor,
        before=before,
        data={"attachment": attachment.pk, "name": attachment.name, "sha256": attachment.sha256},
    )
    return attachment


@_service("publication_remove_attachment")
def publication_remove_attachment(*, actor: Actor, publication: Publication, attachment_id: int) -> None:
    require_act(actor, publication.agency)
    _lock(publication)
    _require_status(publication, *EDITABLE, doing="删除附件")
    attachment = publication.attachments.filter(pk=attachment_id).first()
    if attachment is None:
        raise ValidationError("附件不存在。")
    data = {"attachment": attachment.pk, "name": attachment.name, "sha256": attachment.sha256}
    attachment.delete()  # the file stays in storage: the event names its digest, and another item may share it
    _record(
        publication, kind=EventKind.ATTACHMENT_REMOVED, actor=actor, before=snapshot(publication), data=data
    )


# ---------------------------------------------------------------------------------------------------
# Review before publishing (先审查、后公开)


@_service("publication_submit")
def publication_submit(*, actor: Actor, publication: Publication) -> Publication:
    """Staff send the item to review; the guard scans it now."""
    require_act(actor, publication.agency)
    _lock(publication)
    _require_status(publication, *EDITABLE, doing="提交审核")
    before = snapshot(publication)
    scan = findings.rescan(publication)
    publication.status = Status.SUBMITTED
    _record(publication, kind=EventKind.SUBMITTED, actor=actor, before=before, data=scan.summary())
    return publication


def _approval_reason(actor: Actor, publication: Publication, reason: str, step: str) -> dict[str, Any]:
    """The guard again; open findings need the head and a reason, and are then accepted by them."""
    scan = findings.rescan(publication)
    open_findings = list(publication.findings.filter(status=FindingStatus.OPEN))
    if not open_findings:
        return scan.summary()
    if not is_head(actor, publication.agency):
        raise ActionRefused(
            f"该信息有 {len(open_findings)} 处敏感信息待处理：请逐项确认可以公开，或退回修改；"
            f"带着待处理的敏感信息{step}须由负责人批准并说明理由。"
        )
    if not reason.strip():
        raise ValidationError(
            {"reason": f"有 {len(open_findings)} 处敏感信息待处理，负责人批准时须说明理由。"}
        )
    # One UPDATE for all (a list of thousands of numbers took seconds of SQLite's write lock one by one).
    Finding.objects.filter(pk__in=[f.pk for f in open_findings]).update(
        status=FindingStatus.ACCEPTED,
        decided_by=actor if actor.is_authenticated else None,
        decided_at=timezone.now(),
        reason=reason.strip(),
    )
    return {**scan.summary(), "accepted_findings": [f.pk for f in open_findings]}


def _approvers(publication: Publication, kind: str) -> set[int]:
    return {
        pk for pk in publication.events.filter(kind=kind).values_list("actor", flat=True) if pk is not None
    }


@_service("publication_review")
def publication_review(*, actor: Actor, publication: Publication, reason: str = "") -> Publication:
    """保密审查 passed: by a reviewer (or the head) other than the item's author."""
    require_review(actor, publication.agency)
    _lock(publication)
    _require_status(publication, Status.SUBMITTED, doing="进行保密审查")
    if publication.author_id is not None and publication.author_id == actor.pk:
        raise ActionRefused("起草人不能审查自己起草的信息（三审须由不同人员进行）。")
    before = snapshot(publication)
    data = _approval_reason(actor, publication, reason, "通过保密审查")
    publication.status = Status.REVIEWED
    _record(publication, kind=EventKind.REVIEW_APPROVED, actor=actor, before=before, data=data, note=reason)
    return publication


@_service("publication_approve")
def publication_approve(
    *, actor: Actor, publication: Publication, published_on: date | None = None, reason: str = ""
) -> Publication:
    """The head approves the item, which is published now: it gets its index number and enters the catalog
    and the search."""
    require_head(actor, publication.agency)
    _lock(publication)
    _require_status(publication, Status.REVIEWED, doing="批准发布")
    if actor.pk in _approvers(publication, EventKind.REVIEW_APPROVED) or actor.pk == publication.author_id:
        raise ActionRefused("负责人审批须由起草人和保密审查人以外的人员进行（三审）。")
    published_on = fields.check_publication_date(published_on or _today(), publication, today=_today())
    before = snapshot(publication)
    data = _approval_reason(actor, publication, reason, "批准发布")
    _publish(publication, published_on)
    _record(publication, kind=EventKind.HEAD_APPROVED, actor=actor, before=before, data=data, note=reason)
    indexing.reindex([publication])
    return publication


def _publish(publication: Publication, published_on: date) -> None:
    year = published_on.year
    sequence = reserve(agency=publication.agency, year=year)
    publication.index_year, publication.index_sequence = year, sequence
    publication.index_number = format_index_number(publication.agency, year, sequence)
    publication.published_on = published_on
    publication.status = Status.PUBLISHED


@_service("publication_return")
def publication_return(*, actor: Actor, publication: Publication, reason: str) -> Publication:
    """Send the item back to its author with a reason: the reviewer (or head) at the secrecy review, the
    head at the approval."""
    _lock(publication)
    if publication.status == Status.SUBMITTED:
        require_review(actor, publication.agency)
    elif publication.status == Status.REVIEWED:
        require_head(actor, publication.agency)
    else:
        _require_status(publication, Status.SUBMITTED, Status.REVIEWED, doing="退回修改")
    if not (reason or "").strip():
        raise ValidationError({"reason": "请写明退回修改的理由。"})
    before = snapshot(publication)
    publication.status = Status.RETURNED
    _record(publication, kind=EventKind.RETURNED, actor=actor, before=before, note=reason)
    return publication


@_service("finding_decide")
def finding_decide(*, actor: Actor, publication: Publication, finding_id: int, reason: str) -> Finding:
    """A reviewer (or the head) has seen a finding and decides it may be published (e.g. the office's own
    public telephone number), with a reason."""
    require_review(actor, publication.agency)
    _lock(publication)
    _require_status(
        publication, Status.SUBMITTED, Status.REVIEWED, Status.PUBLISHED, doing="确认敏感信息可以公开"
    )
    if publication.status != Status.PUBLISHED and publication.author_id == actor.pk:
        raise ActionRefused("起草人不能确认自己起草的信息中的敏感信息可以公开（三审须由不同人员进行）。")
    finding = publication.findings.filter(pk=finding_id, status=FindingStatus.OPEN).first()
    if finding is None:
        raise ActionRefused("该敏感信息提示不存在或已处理。")
    if not (reason or "").strip():
        raise ValidationError({"reason": "请写明可以公开的理由。"})
    finding.status = FindingStatus.DISMISSED
    finding.decided_by = actor if actor.is_authenticated else None
    finding.decided_at = timezone.now()
    finding.reason = reason.strip()
    finding.save()
    _record(
        publication,
        kind=EventKind.FINDING_DECIDED,
        actor=actor,
        before=snapshot(publication),
        data={"finding": finding.pk, "kind": finding.kind, "decision": finding.status},
        note=reason,
    )
    return finding


# ---------------------------------------------------------------------------------------------------
# After publication


@_service("publication_withdraw")
def publication_withdraw(*, actor: Actor, publication: Publication, reason: str) -> Publication:
    """The head takes a published item off the portal and out of the search; it stays in the records."""
    require_head(actor, publication.agency)
    _lock(publication)
    _require_status(publication, Status.PUBLISHED, doing="撤回")
    if not (reason or "").strip():
        raise ValidationError({"reason": "请写明撤回的理由。"})
    before = snapshot(publication)
    publication.status = Status.WITHDRAWN
    publication.withdrawn_at = timezone.now()
    publication.withdrawal_reason = reason.strip()
    _record(publication, kind=EventKind.WITHDRAWN, actor=actor, before=before, note=reason)
    indexing.reindex([publication])
    return publication


@_service("publication_set_validity")
def publication_set_validity(
    *,
    actor: Actor,
    publication: Publication,
    validity: str,
    changed_on: date | None = None,
    successor: Publication | None = None,
    note: str = "",
) -> Publication:
    """A normative document's validity (the yearly clean-up, 清理): 失效 or 废止 with its date and, where there
    is one, the document that replaces it; or 有效 again."""
    require_act(actor, publication.agency)
    _lock(publication)
    _require_status(publication, Status.DRAFT, Status.RETURNED, Status.PUBLISHED, doing="变更有效性")
    before = snapshot(publication)
    fields.apply_validity(publication, validity, changed_on, successor, today=_today())
    _record(publication, kind=EventKind.VALIDITY_CHANGED, actor=actor, before=before, note=note)
    if publication.status == Status.PUBLISHED:
        indexing.reindex([publication])
    return publication


def allowed_actions(publication: Publication, user: Actor) -> list[str]:
    """What the user may do with the item now (the page offers only these; the services check again)."""
    agency = publication.agency
    actions: list[str] = []
    acts = can_act(user, agency)
    if publication.status in EDITABLE and acts:
        actions += ["edit", "attach", "submit"]
    if (
        publication.status == Status.SUBMITTED
        and can_review(user, agency)
        and user.pk != publication.author_id
    ):
        actions += ["review", "return", "decide"]
    if publication.status == Status.REVIEWED and is_head(user, agency):
        reviewers = _approvers(publication, EventKind.REVIEW_APPROVED)
        if user.pk not in reviewers and user.pk != publication.author_id:
            actions += ["approve"]
        actions += ["return"] if user.pk == publication.author_id else ["return", "decide"]
    if publication.status == Status.PUBLISHED:
        if is_head(user, agency):
            actions.append("withdraw")
        if acts and publication.is_normative:
            actions.append("validity")
        if can_review(user, agency) and publication.findings.filter(status=FindingStatus.OPEN).exists():
            actions.append("decide")
    return actions


__all__ = [
    "ActionRefused",
    "allowed_actions",
    "finding_decide",
    "publication_add_attachment",
    "publication_approve",
    "publication_create",
    "publication_remove_attachment",
    "publication_return",
    "publication_review",
    "publication_set_validity",
    "publication_submit",
    "publication_update",
    "publication_withdraw",
    "snapshot",
]
