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


def scan_published(*, agency: Agency, actor: User | AnonymousUser | None, batch: int = 500) -> ScanReport:
    """Scan every published item of the body; a reviewer or the head asks for it (None: the command line)."""
    if actor is not None:
        require_role(actor, agency, require_review, action="publications_scan")
    report = ScanReport()
    items = Publication.objects.filter(agency=agency, status=Status.PUBLISHED).prefetch_related("attachments")
    last = 0
    while True:
        chunk = list(items.filter(pk__gt=last).order_by("pk")[:batch])
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
    audit_record(
        action="publications_scan",
        actor=actor,
        agency=agency,
        message=f"检查已公开信息 {report.scanned} 条，新发现 {report.new} 处",
    )
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
