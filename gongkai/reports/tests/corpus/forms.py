"""The seed reports rendered in every form reports are published in, for the reader's tests.

The seeds (`../seeds/*.txt`) are text taken from DOCX files: a table cell is one tab-indented line,
rows are separated by blank lines. From them this module makes, in memory:
- DOCX (python-docx), tables with merged cells where a row has fewer cells than the grid;
- HTML in UTF-8 and GB18030 (labelled gb2312, as many government sites do), the empty cells
  under a merged cell written as rowspan, and the page wrapped in a layout table;
- PDF (reportlab, with its built-in CID font STSong-Light, so no font file is needed), with ruled
  tables, or without rules so that the tables are only lines of text;
- the text of a web page copied with the table cells run together (one row a line, no separator).

Run as a script to write the files into a folder: `python -m gongkai.reports.tests.corpus.forms DIR`.
"""

from __future__ import annotations

import html
import io
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@dataclass
class Table:
    rows: list[list[str]] = field(default_factory=list)


Block = str | Table


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def seed(name: str) -> Path:
    """The seed whose file name starts with `name` ("000" … "004")."""
    return next(path for path in seed_paths() if path.name.startswith(name))


def blocks(text: str) -> list[Block]:
    """The seed's paragraphs and tables, in order."""
    result: list[Block] = []
    row: list[str] | None = None
    table: Table | None = None
    for line in text.split("\n"):
        if line.startswith("\t"):
            if table is None:
                table = Table()
                result.append(table)
            if row is None:
                row = []
                table.rows.append(row)
            row.append(line[1:])
        elif not line.strip():
            row = None
        elif row is not None:
            row[-1] += "\n" + line
        else:
            table = None
            result.append(line)
    return result


@cache
def seed_blocks(name: str) -> list[Block]:
    return blocks(seed(name).read_text(encoding="utf-8"))


def to_text(content: list[Block]) -> str:
    """Back to the seeds' own text form."""
    lines: list[str] = []
    for block in content:
        if isinstance(block, str):
            lines.append(block)
            continue
        for row in block.rows:
            lines.extend("\t" + cell for cell in row)
            lines.append("")
        lines.append("")
    return "\n".join(lines) + "\n"


# --- DOCX ----------------------------------------------------------------------------------------


def to_docx(content: list[Block]) -> bytes:
    import docx

    document = docx.Document()
    for block in content:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        width = max(len(row) for row in block.rows)
        table = document.add_table(rows=len(block.rows), cols=width)
        table.style = "Table Grid"
        for cells, row in zip(block.rows, table.rows, strict=True):
            # A row with fewer cells than the grid: its first cell spans the missing columns.
            spare = width - len(cells)
            first = row.cells[0]
            if spare:
                first = first.merge(row.cells[spare])
            targets = [first] + [row.cells[spare + i] for i in range(1, len(cells))]
            for target, text in zip(targets, cells, strict=True):
                lines = text.split("\n")
                target.paragraphs[0].text = lines[0]
                for more in lines[1:]:
                    target.add_paragraph(more)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- HTML ----------------------------------------------------------------------------------------


def _rowspans(table: Table) -> tuple[dict[tuple[int, int], int], set[tuple[int, int]]]:
    """(row, column) of each cell written → the rows it spans; the empty cells its rowspan covers."""
    spans: dict[tuple[int, int], int] = {}  # (row, column) of a filled cell → rows it covers
    owner: dict[int, tuple[int, int]] = {}  # column → the cell whose rowspan covers it now
    skip: set[tuple[int, int]] = set()
    for r, cells in enumerate(table.rows):
        first_filled = next((c for c, text in enumerate(cells) if text.strip()), len(cells))
        for c, text in enumerate(cells):
            above = owner.get(c)
            if (
                c < first_filled
                and not text.strip()
                and above is not None
                and r > 0
                and c < len(table.rows[r - 1])
            ):
                spans[above] += 1
                skip.add((r, c))
            else:
                spans[(r, c)] = 1
                owner[c] = (r, c)
        for c in list(owner):
            if c >= len(cells):
                del owner[c]
    return spans, skip


def _html_table(table: Table, colspans: bool = False) -> str:
    """The table with the empty cells under a filled one written as that cell's rowspan; with
    `colspans`, a row shorter than the table spans its missing columns by a colspan on its
    second-to-last cell ("法人或其他组织" over five columns), as a CMS prints a merged heading."""
    width = max(len(cells) for cells in table.rows)
    spans, skip = _rowspans(table)
    rows = []
    for r, cells in enumerate(table.rows):
        tds = []
        for c, text in enumerate(cells):
            if (r, c) in skip:
                continue
            span = spans[(r, c)]
            attr = f' rowspan="{span}"' if span > 1 else ""
            if colspans and len(cells) < width and c == max(len(cells) - 2, 0):
                attr += f' colspan="{width - len(cells) + 1}"'
            if colspans and not text.strip():
                text = "\u00a0"  # an empty cell as a CMS writes it: &nbsp;
            body = "<br>".join(html.escape(part) for part in text.split("\n"))
            tds.append(f"<td{attr}>{body}</td>")
        rows.append(f"<tr>{''.join(tds)}</tr>")
    return '<table border="1" cellspacing="0">\n' + "\n".join(rows) + "\n</table>"


def to_html(
    content: list[Block],
    charset: str = "utf-8",
    declare: str | None = None,
    colspans: bool = False,
    split_tables: bool = False,
) -> bytes:
    """The report as a web page in `charset`, declaring `declare` (default: the charset itself).
    `colspans`: merged headings and &nbsp; cells as a CMS prints them; `split_tables`: every table
    of more than ten rows printed as two <table> elements, one after the other."""
    parts = []
    for block in content:
        if isinstance(block, str):
            parts.append(f"<p>{html.escape(block)}</p>")
        elif split_tables and len(block.rows) > 10:
            half = len(block.rows) // 2
            parts.append(_html_table(Table(block.rows[:half]), colspans))
            parts.append(_html_table(Table(block.rows[half:]), colspans))
        else:
            parts.append(_html_table(block, colspans))
    label = declare or charset
    page = (
        "<!DOCTYPE html>\n<html><head>"
        f'<meta http-equiv="Content-Type" content="text/html; charset={label}">'
        "<title>政府信息公开工作年度报告</title><style>td{border:1px solid}</style></head>\n"
        '<body><div class="nav">首页 &gt; 政府信息公开 &gt; 年度报告</div>\n'
        '<table width="100%"><tr><td class="article">\n' + "\n".join(parts) + "\n</td></tr></table>\n"
        "<script>var x = '<p>不是正文</p>';</script></body></html>\n"
    )
    return page.encode(charset)


# --- PDF -----------------------------------------------------------------------------------------

FONT = "STSong-Light"


def to_pdf(content: list[Block], ruled: bool = True) -> bytes:
    """The report as a PDF. With `ruled`, tables are drawn with their grid (pdfplumber finds them as
    tables); without, a row prints its labels as one cell and its figures after it, with no rules,
    on a landscape page wide enough that a label does not wrap, as a table pasted into a word
    processor prints."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Table as PdfTable

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    text_style = ParagraphStyle("text", fontName=FONT, fontSize=10.5, leading=15, wordWrap="CJK")
    cell_style = ParagraphStyle("cell", fontName=FONT, fontSize=8, leading=10, wordWrap="CJK")
    page = A4 if ruled else landscape(A4)
    margin = 50
    usable = page[0] - 2 * margin

    def paragraph(text: str) -> object:
        return Paragraph("<br/>".join(html.escape(part) for part in text.split("\n")), cell_style)

    story: list[object] = []
    for block in content:
        if isinstance(block, str):
            story.append(Paragraph(html.escape(block), text_style))
            continue
        rows = block.rows if ruled else [_labels_joined(row) for row in block.rows]
        width = max(len(row) for row in rows)
        style: list[tuple[object, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE" if ruled else "TOP"),
        ]
        if ruled:
            style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
        numeric = [
            all(_is_number(row[i]) for row in rows if i < len(row) and row[i].strip()) for i in range(width)
        ]
        number_width = 30.0 if ruled else 48.0
        label_columns = sum(1 for flag in numeric if not flag) or 1
        label_width = max((usable - number_width * sum(numeric)) / label_columns, 40.0)
        widths = [number_width if flag else label_width for flag in numeric]
        data = []
        for r, cells in enumerate(rows):
            spare = width - len(cells)
            paragraphs = [paragraph(text) for text in cells]
            # The row's first cell spans the columns it lacks, as in the DOCX.
            data.append([paragraphs[0], *([""] * spare), *paragraphs[1:]])
            if spare:
                style.append(("SPAN", (0, r), (spare, r)))
        story.append(PdfTable(data, colWidths=widths, style=TableStyle(style)))
        story.append(Spacer(1, 8))
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer, pagesize=page, leftMargin=margin, rightMargin=margin, topMargin=margin, bottomMargin=margin
    ).build(story)
    return buffer.getvalue()


def _labels_joined(row: list[str]) -> list[str]:
    """The row's leading label cells as one cell; the figures as they are."""
    first_figure = next(
        (i for i, text in enumerate(row) if i and (_is_number(text) or not text.strip())), len(row)
    )
    label = "".join(part.strip() for text in row[:first_figure] for part in text.split("\n")[:1]) + "".join(
        "\n" + part.strip() for text in row[:first_figure] for part in text.split("\n")[1:]
    )
    return [label, *row[first_figure:]]


def _is_number(text: str) -> bool:
    return text.strip().lstrip("-").replace(".", "", 1).isdigit()


# --- text copied from a web page ---------------------------------------------------------------


def to_run_together(content: list[Block]) -> str:
    """Each table row on one line, its cells run together with nothing between them."""
    lines: list[str] = []
    for block in content:
        if isinstance(block, str):
            lines.append(block)
        else:
            for row in block.rows:
                lines.append("".join("".join(part.strip() for part in cell.split("\n")) for cell in row))
    return "\n".join(lines) + "\n"


def to_text_copied(content: list[Block], tabs: bool = True) -> str:
    """The text as copied out of Word or a web page: one cell per line (tab-indented or not), no
    blank line between the rows."""
    text = to_text(content)
    lines = [line for line in text.split("\n") if line != ""]
    if not tabs:
        lines = [line.lstrip("\t") for line in lines if line.strip()]
    return "\n".join(lines) + "\n"


def to_one_line(content: list[Block]) -> str:
    """The whole report on one line, paragraphs and cells joined by one space, as the text
    extraction of a web page gives it."""
    return " ".join(line.strip() for line in to_text(content).split("\n") if line.strip())


def main(folder: str) -> None:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    for path in seed_paths():
        name = path.name[:3]
        content = seed_blocks(name)
        (out / f"{name}.docx").write_bytes(to_docx(content))
        (out / f"{name}.utf8.html").write_bytes(to_html(content))
        (out / f"{name}.gb18030.html").write_bytes(to_html(content, "gb18030", declare="gb2312"))
        (out / f"{name}.pdf").write_bytes(to_pdf(content))
        (out / f"{name}.unruled.pdf").write_bytes(to_pdf(content, ruled=False))
        (out / f"{name}.runtogether.txt").write_text(to_run_together(content), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
