"""Running the guard over an item and keeping its findings: a finding that is still there keeps its
decision; one that is gone (the text was fixed) is marked resolved; a new one is open."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gongkai.publications import guard
from gongkai.publications.models import Finding, FindingStatus, Publication
from gongkai.publications.sanitize import body_text


def fields_of(
    publication: Publication, attachments: list[tuple[int, str, str]] | None = None
) -> list[tuple[str, str, str]]:
    """(source, label, text) of everything the guard reads."""
    if attachments is None:
        attachments = [(a.pk, a.name, a.text) for a in publication.attachments.all()]
    out = [
        ("title", "标题", publication.title),
        ("doc_number", "文号", publication.doc_number),
        ("body", "正文", body_text(publication.body)),
    ]
    out += [(f"attachment:{pk}", f"附件“{name}”", text) for pk, name, text in attachments]
    return out


@dataclass
class ScanResult:
    new: list[Finding] = field(default_factory=list)
    resolved: int = 0
    still_open: int = 0

    def summary(self) -> dict[str, Any]:
        return {
            "new_findings": len(self.new),
            "resolved_findings": self.resolved,
            "open_findings": self.still_open,
        }


def _key(source: str, kind: str, match: str) -> tuple[str, str, str]:
    return (source, kind, match)


def rescan(publication: Publication, *, after_publication: bool = False) -> ScanResult:
    result = ScanResult()
    matches = list(guard.scan_fields(fields_of(publication)))
    existing = list(publication.findings.exclude(status=FindingStatus.RESOLVED))
    present = {_key(source, m.kind, m.text) for source, _, m in matches}
    for finding in existing:
        if _key(finding.source, finding.kind, finding.match) not in present:
            finding.status = FindingStatus.RESOLVED
            finding.save(update_fields=["status"])
            result.resolved += 1
    known = {_key(f.source, f.kind, f.match) for f in existing}
    for source, label, m in matches:
        key = _key(source, m.kind, m.text)
        if key in known:
            continue
        known.add(key)
        result.new.append(new_finding(publication, source, label, m, after_publication=after_publication))
    Finding.objects.bulk_create(result.new)
    result.still_open = publication.findings.filter(status=FindingStatus.OPEN).count()
    return result


def new_finding(
    publication: Publication, source: str, label: str, m: guard.Match, *, after_publication: bool
) -> Finding:
    return Finding(
        publication=publication,
        kind=m.kind,
        source=source,
        source_label=label[:220],
        match=m.text[:100],
        before=m.before[-60:],
        after=m.after[:60],
        after_publication=after_publication,
    )
