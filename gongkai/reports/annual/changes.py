"""What changed between two states of a report's content (`ReportContent.as_json()`): the cells and the
sections of prose. A correction's version says it (`AnnualReportVersion.changes`, `change_note`), and
publishing compares the report with what the head approved."""

from __future__ import annotations

from typing import Any

from gongkai.reports import formats
from gongkai.reports.annual.content import SECTION_HEADINGS

# The prose fields of `ReportContent` and the section each prints in.
PROSE_SECTIONS = (
    ("overview", "overview"),
    ("problems", "problems"),
    ("assessment", "problems"),
    ("other_matters", "other"),
    ("fee_sentence", "other"),
)
_TABLE_SECTIONS = {"item20": "proactive", "requests": "requests", "appeals": "appeals"}
LISTED_CELLS = 5  # a change note names this many cells, then counts the rest


def _section_of_key(key: str) -> str:
    return _TABLE_SECTIONS.get(key.split(".", 1)[0].split("_", 1)[0], "proactive")


def _label(fmt: str, key: str) -> str:
    try:
        return formats.label_for(fmt, key)
    except (KeyError, ValueError):
        return key


def content_changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """`{"cells": [{"key", "label", "before", "after"}], "sections": [{"id", "heading"}]}`: every cell
    whose figure differs, then every section whose words differ (tables' sections only by their cells)."""
    fmt = after.get("format") or formats.FORMAT_2021
    old_cells, new_cells = before.get("cells", {}), after.get("cells", {})
    cells = [
        {"key": key, "label": _label(fmt, key), "before": old_cells.get(key), "after": new_cells.get(key)}
        for key in formats.all_keys(fmt)
        if old_cells.get(key) != new_cells.get(key)
    ]
    changed = {section for field, section in PROSE_SECTIONS if before.get(field, "") != after.get(field, "")}
    sections = [
        {"id": section, "heading": heading}
        for section, heading in SECTION_HEADINGS.items()
        if section in changed
    ]
    return {"cells": cells, "sections": sections}


def _figure(value: Any) -> str:
    return "空白" if value is None else str(value)


def describe_changes(changes: dict[str, Any]) -> str:
    """The changes in one Chinese sentence, for a change note and for a refusal."""
    parts = []
    cells = changes.get("cells", [])
    by_section: dict[str, list[dict[str, Any]]] = {}
    for cell in cells:
        by_section.setdefault(_section_of_key(cell["key"]), []).append(cell)
    for section, items in by_section.items():
        listed = "；".join(
            f"{item['label']}：{_figure(item['before'])}→{_figure(item['after'])}"
            for item in items[:LISTED_CELLS]
        )
        more = f"等{len(items)}项" if len(items) > LISTED_CELLS else f"{len(items)}项"
        parts.append(f"{SECTION_HEADINGS[section]}表中{more}数据（{listed}）")
    parts += [f"{section['heading']}的文字" for section in changes.get("sections", [])]
    return "、".join(parts) if parts else "无内容变化"


def has_changes(changes: dict[str, Any]) -> bool:
    return bool(changes.get("cells") or changes.get("sections"))
