"""A generated report as the seeds' text: paragraphs as lines; a table cell as one tab-indented line;
a blank line after each table row.

This is the form the rules engine reads (so a generated report is checked exactly as a published one
is), the form whose line numbers the findings of a published version refer to, and a plain-text
download. Merged cells print as the official template's DOCX does when copied out: a cell spanning
columns once, and each row a cell spans down into as one empty cell.
"""

from __future__ import annotations

from gongkai.reports.annual.content import DRAFT_MARK, ReportContent, Section
from gongkai.reports.official_tables import Table, official_tables


def grid_lines(table: Table) -> list[str]:
    """The table's rows as tab-indented cell lines, each row followed by a blank line."""
    lines: list[str] = []
    # Column position → (rows still covered by a cell from above, the columns that cell spans).
    covered: dict[int, tuple[int, int]] = {}
    width = max((sum(cell.colspan for cell in row) for row in table.head + table.body), default=0)
    for row in table.head + table.body:
        cells = iter(row)
        column = 0
        out: list[str] = []
        while column < width:
            if column in covered:
                rows_left, span = covered[column]
                out.append("")
                if rows_left > 1:
                    covered[column] = (rows_left - 1, span)
                else:
                    del covered[column]
                column += span
                continue
            cell = next(cells, None)
            if cell is None:
                break
            out.append(cell.text)
            if cell.rowspan > 1:
                covered[column] = (cell.rowspan - 1, cell.colspan)
            column += cell.colspan
        lines.extend(f"\t{text}" for text in out)
        lines.append("")
    return lines


def signature_date_text(content: ReportContent) -> str:
    day = content.signature_date
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def report_lines(content: ReportContent) -> list[str]:
    """The whole report, line by line."""
    tables = {
        name: table
        for name, table in zip(
            ("proactive", "requests", "appeals"),
            official_tables(content.format, content.cells, extras=content.extras),
            strict=True,
        )
    }
    lines = [content.agency_name, f"{content.year}年政府信息公开工作年度报告"]
    if content.is_draft:
        lines.append(DRAFT_MARK)
    if content.change_note:
        lines.append(f"（更正版）{content.change_note}")
    lines += ["", content.preface, ""]
    for section in content.sections():
        lines += _section_lines(section, tables)
    lines += ["", content.agency_name, signature_date_text(content)]
    return lines


def _section_lines(section: Section, tables: dict[str, Table]) -> list[str]:
    lines = [section.heading]
    if section.table:
        lines.append("")
        lines += grid_lines(tables[section.table])
    else:
        lines += section.paragraphs
        lines.append("")
    return lines


def report_text(content: ReportContent) -> str:
    return "\n".join(report_lines(content)) + "\n"
