"""The guard over a body's published items, on demand: findings are reported (and kept for review); nothing
is taken off the portal by it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import QuerySet

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import require_review, require_role
from gongkai.core.audit import audit_record
from gongkai.publications.findings import rescan
from gongkai.publications.models import (
    EventKind,
    Finding,
    FindingStatus,
    Publication,
    PublicationEvent,
    Status,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User


@dataclass
class ScanReport:
    scanned: int = 0
    new: int = 0
    open_findings: list[Finding] = field(default_factory=list)
    last_pk: int = 0  # the last item scanned: a scan stopped at its limit goes on after it
    remaining: int = 0  # published items after last_pk, not scanned yet


def scan_published(
    *,
    agency: Agency,
    actor: User | AnonymousUser | None,
    batch: int = 500,
    after: int = 0,
    limit: int | None = None,
    with_findings: bool = True,
) -> ScanReport:
    """Scan the body's published items after `after` (by id), all of them or about `limit` (whole
    batches); a reviewer or the head asks for it (None: the command line). A page scans a slice per
    request, so that a body of tens of thousands of items does not hold a worker for minutes."""
    if actor is not None:
        require_role(actor, agency, require_review, action="publications_scan")
    report = ScanReport(last_pk=after)
    items = Publication.objects.filter(agency=agency, status=Status.PUBLISHED).prefetch_related("attachments")
    last = after
    while limit is None or report.scanned < limit:
        chunk = list(items.filter(pk__gt=last).order_by("pk")[: min(batch, limit or batch)])
        if not chunk:
            break
        with transaction.atomic():
            for publication in chunk:
                result = rescan(publication, after_publication=True)
                if result.new:
                    PublicationEvent.objects.create(
                        publication=publication,
                        kind=EventKind.SCANNED,
                        actor=actor if actor is not None and actor.is_authenticated else None,
                        data=result.summary(),
                    )
                report.new += len(result.new)
        report.scanned += len(chunk)
        last = chunk[-1].pk
    report.last_pk = last
    report.remaining = items.filter(pk__gt=last).count() if limit is not None else 0
    audit_record(
        action="publications_scan",
        actor=actor,
        agency=agency,
        message=f"检查已公开信息 {report.scanned} 条，新发现 {report.new} 处"
        + (f"，其余 {report.remaining} 条待继续检查" if report.remaining else ""),
    )
    if with_findings:
        report.open_findings = list(open_published_findings(agency))
    return report


def open_published_findings(agency: Agency, limit: int | None = None) -> list[Finding]:
    """The open findings of the body's published items, newest items first (the first `limit`)."""
    found = open_published_findings_query(agency).select_related("publication")
    found = found.order_by("-publication__published_on", "publication_id", "id")
    return list(found if limit is None else found[:limit])


def open_published_findings_query(agency: Agency) -> QuerySet[Finding]:
    return Finding.objects.filter(
        publication__agency=agency, publication__status=Status.PUBLISHED, status=FindingStatus.OPEN
    )
