"""Tables whose structure was lost: a stream of labels and figures aligned to the format's rows.

Text copied out of a web page or a document keeps a table's words and figures in order but not
its grid: rows without a blank line between them, a row's cells on one line, the whole report on
one line, cells run together ("规章000行政规范性文件77132470"). Such a table is read here by its
format's known row order (`lexicon`): each row's label is looked for after the previous one, and
the figures between a label and the next are that row's, split later into its cells
(`runtogether`) under the table's own sums. A row whose label is not found is not read, and the
reader says so (`tables_unread`); nothing is guessed.

Labels are found by plain substring search in the stream without spaces (no regular expression
runs over the stream), so the time is linear in the text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from gongkai.reports.audit.lexicon import (
    OldLabel,
    RowLabels,
    appeal_header_words,
    appeal_keys_in_order,
    appeal_table_label,
    item20_rows,
    item20_titles,
    old_header,
    old_key_candidates,
    old_value_columns,
    request_header_words,
    request_row_labels,
    table_words,
)
from gongkai.reports.formats import FORMAT_2019, FORMAT_2021

_DROPPED = str.maketrans("", "", "“”‘’\"'「」『』《》〈〉")
_WHITESPACE = re.compile(r"\s+")
_NON_SPACE = re.compile(r"\S+")
# The figures that start a stretch of text: digits, spaces, points and signs.
_LEADING_FIGURES = re.compile(r"[\d\s.+-]*")
_LEADING_NOTE = re.compile(r"\s*\([^()]{0,60}\)")
_FIGURE_RUN = re.compile(r"\d[\d .\n]*")  # a row's figures, one a line when its cells were copied so
HEADER_SEGMENTS = 20
TABLE_GAP = 30  # segments without a row of the table, after which the table has ended

ROW_WINDOW = 200  # characters (without spaces) between one row's label and the next at most
# A cell's figures are a few characters; a row with far more is not a row of the table (and its
# splits would be too many to try).
FIGURES_PER_CELL = 16
TABLE_WINDOW = 3000  # from a table's heading to its first row at most


@dataclass
class Stream:
    """The report's lines as one text (half-width, quotes dropped), and the same without spaces
    for label search, with the way back to line numbers."""

    text: str
    compact: str
    line_starts: list[int]
    numbers: list[int]
    token_compact: list[int]
    token_text: list[int]

    def text_index(self, compact_index: int) -> int:
        i = bisect.bisect_right(self.token_compact, compact_index) - 1
        if i < 0:
            return 0
        return self.token_text[i] + (compact_index - self.token_compact[i])

    def line(self, text_index: int) -> int:
        i = bisect.bisect_right(self.line_starts, text_index) - 1
        return self.numbers[max(i, 0)]


# The tables of a report take a few thousand characters: the stream holds at most this many, so
# that a huge text costs no more than a report.
STREAM_LIMIT = 60_000


def make_stream(lines: list[str]) -> Stream:
    """The lines from the first word of a table (`TABLE_WORDS`) on, at most `STREAM_LIMIT`
    characters, as one text."""
    first, offset = _anchor(lines)
    parts: list[str] = []
    starts: list[int] = []
    numbers: list[int] = []
    position = 0
    for index in range(first, len(lines)):
        line = lines[index][offset:] if index == first else lines[index]
        line = line[: STREAM_LIMIT - position]
        text = unicodedata.normalize("NFKC", line).translate(_DROPPED)
        starts.append(position)
        numbers.append(index + 1)
        parts.append(text)
        position += len(text) + 1
        if position >= STREAM_LIMIT:
            break
    text = "\n".join(parts)
    token_compact: list[int] = []
    token_text: list[int] = []
    pieces: list[str] = []
    size = 0
    for match in _NON_SPACE.finditer(text):
        token_compact.append(size)
        token_text.append(match.start())
        pieces.append(match.group())
        size += len(match.group())
    return Stream(text, "".join(pieces), starts, numbers or [1], token_compact, token_text)


def _anchor(lines: list[str]) -> tuple[int, int]:
    """The line and the offset in it of the first word that only a table prints (0, 0 if none)."""
    text = "\n".join(lines)
    found = [at for at in (text.find(word) for word in table_words()) if at >= 0]
    if not found:
        return 0, 0
    at = min(found)
    index = text.count("\n", 0, at)
    start = text.rfind("\n", 0, at) + 1
    return index, max(at - start - 200, 0)  # a table title may stand just before


@dataclass
class StreamRow:
    table: str
    row: str
    keys: list[str]
    figures: str
    line: int
    label: str
    unit: str | None = None  # a unit printed after the figures ("4432.52元")


@dataclass
class StreamTables:
    rows: list[StreamRow] = field(default_factory=list)
    # Regional old-table rows: sums between a row and the rows printed under it ("其中：1. 2.").
    children: dict[str, list[str]] = field(default_factory=dict)
    item20_columns: dict[str, list[str]] = field(default_factory=dict)

    def tables(self) -> set[str]:
        return {row.table for row in self.rows if row.figures.strip()}


@dataclass
class _Mark:
    start: int  # in the compact stream
    end: int
    row: RowLabels | None = None


def _find(stream: Stream, cores: tuple[str, ...], start: int, window: int) -> tuple[int, int] | None:
    """The first of the labels after `start` (within `window`), the longest where two start
    together."""
    limit = start + window
    best: tuple[int, int] | None = None
    for text in cores:
        found = stream.compact.find(text, start, limit + len(text))
        if found >= 0 and (
            best is None or found < best[0] or (found == best[0] and found + len(text) > best[1])
        ):
            best = (found, found + len(text))
    return best


def _figures_between(stream: Stream, start: int, end: int, number: int | None) -> tuple[str, int, str]:
    """The figures that follow a label (compact `start`) up to the next label (compact `end`),
    without the number that the next label starts with; and the text index they start at."""
    a, b = stream.text_index(start), stream.text_index(end) if end < len(stream.compact) else len(stream.text)
    between = stream.text[a:b]
    note = _LEADING_NOTE.match(between)
    offset = note.end() if note else 0
    match = _LEADING_FIGURES.match(between, offset)
    figures = match.group() if match else ""
    rest = between[offset + len(figures) :]
    stripped = figures.rstrip()
    if stripped.endswith(".") or (rest.startswith("、") and stripped == figures):
        stripped = stripped.rstrip(".")
        # "00000002." or "0 02、": the 2 is the next row's number, not a figure.
        numeral = str(number) if number is not None else stripped[-1:]
        stripped = stripped[: -len(numeral)] if stripped.endswith(numeral) else stripped
        figures = stripped
    return figures.strip(), a + offset, rest


def _mark_item20(stream: Stream, fmt: str, marks: list[_Mark]) -> int:
    """Table 二's titles and rows, marked in `marks`; where the stream is read on from."""
    compact = stream.compact
    cursor = 0
    titles = item20_titles(fmt)
    first_title = min((p for p in (compact.find(t) for t in titles.values()) if p >= 0), default=-1)
    if first_title >= 0:
        cursor = first_title
        rows = item20_rows(fmt)
        for table, title in titles.items():
            at = compact.find(title, cursor, cursor + TABLE_WINDOW)
            window = ROW_WINDOW
            if at >= 0:
                marks.append(_Mark(at, at + len(title)))
                cursor = at + len(title)
                window = ROW_WINDOW + 60  # the column headings
            for row in (r for r in rows if r.table == table):
                span = _find(stream, row.cores, cursor, window)
                if span is None:
                    continue
                marks.append(_Mark(span[0], span[1], row))
                cursor = span[1]
                window = ROW_WINDOW
    return cursor


def _mark_requests(stream: Stream, fmt: str, cursor: int, marks: list[_Mark]) -> int:
    """Table 三's header and rows after `cursor`, marked in `marks`; where the stream is read on from."""
    compact = stream.compact
    header = min(
        (p for p in (compact.find(word, cursor) for word in request_header_words()) if p >= 0), default=-1
    )
    request_rows = request_row_labels(fmt)
    if header < 0:
        span = _find(stream, request_rows[0].cores, cursor, len(compact))
        header = span[0] if span else -1
    if header >= 0:
        cursor = header
        marks.append(_Mark(header, header + 1))
        window = ROW_WINDOW + 200  # the applicant columns' headings
        single, replaced = _single_row_for(fmt)
        single_taken = False
        for row in request_rows:
            if single_taken and row.row in replaced:
                continue
            if single is not None and row.row == replaced[0]:
                span = _find(stream, single.cores, cursor, window)
                if span is not None and _has_own_figures(stream, span[1], single, row.number):
                    # Rows of another format printed as that format's one row (a 2021 table 三 that
                    # prints （六）其他处理 as one row, as the 2019 format does): read as that row.
                    marks.append(_Mark(span[0], span[1], single))
                    cursor = span[1]
                    window = ROW_WINDOW
                    single_taken = True
                    continue
            span = _find(stream, row.cores, cursor, window)
            if span is None:
                continue
            marks.append(_Mark(span[0], span[1], row))
            cursor = span[1]
            window = ROW_WINDOW
    return cursor


@cache
def _single_row_for(fmt: str) -> tuple[RowLabels | None, tuple[str, ...]]:
    """The row of table 三 that the other new format prints in place of rows of `fmt` (the 2019
    format's one （六）其他处理 row for the 2021 format's three), and those rows; (None, ()) if none."""
    if fmt != FORMAT_2021:
        return None, ()
    mine = request_row_labels(fmt)
    theirs = request_row_labels(FORMAT_2019)
    own = {row.row for row in mine}
    shared = {row.row for row in theirs}
    single = [row for row in theirs if row.row not in own]
    replaced = tuple(row.row for row in mine if row.row not in shared)
    if len(single) != 1 or not replaced:
        return None, ()
    return single[0], replaced


def _has_own_figures(stream: Stream, end: int, row: RowLabels, number: int | None) -> bool:
    """Whether a label (ending at compact `end`) is followed by a figure for each of its row's
    cells, not by the label of a row under it (numbered `number`)."""
    figures, _, _ = _figures_between(stream, end, len(stream.compact), number)
    return sum(char.isdigit() for char in figures) >= len(row.keys)


def read_new_tables(stream: Stream, fmt: str) -> StreamTables:
    """Tables 二, 三 and 四 of the 2019 or 2021 format, from the stream."""
    found = StreamTables()
    marks: list[_Mark] = []
    compact = stream.compact
    cursor = _mark_item20(stream, fmt, marks)
    cursor = _mark_requests(stream, fmt, cursor, marks)
    # Table 四: after the last of its header's words (行政复议, 行政诉讼) to be printed.
    heads = [
        (at, at + len(word)) for word in appeal_header_words() if (at := compact.find(word, cursor)) >= 0
    ]
    appeal_mark: _Mark | None = None
    if heads and len(heads) == len(appeal_header_words()):
        appeal_mark = _Mark(*max(heads))
        marks.append(appeal_mark)
    marks.sort(key=lambda mark: mark.start)
    for index, mark in enumerate(marks):
        if mark.row is None:
            continue
        following = marks[index + 1] if index + 1 < len(marks) else None
        end = following.start if following else len(compact)
        number = following.row.number if following and following.row else None
        figures, at, rest = _figures_between(stream, mark.end, end, number)
        row = mark.row
        if len(figures) > FIGURES_PER_CELL * len(row.keys):
            continue
        unit = next((u for u in ("万元", "亿元", "元") if rest.startswith(u)), None)
        found.rows.append(
            StreamRow(row.table, row.row, list(row.keys), figures, stream.line(at), row.cores[0], unit)
        )
    if appeal_mark is not None:
        _read_appeals(stream, appeal_mark.end, found)
    return found


def _read_appeals(stream: Stream, start: int, found: StreamTables) -> None:
    """Table 四: its headings are words only, then its one row of 15 figures."""
    text_start = stream.text_index(start)
    window = stream.text[text_start : text_start + 400]
    first_digit = next((i for i, char in enumerate(window) if char.isdigit()), None)
    if first_digit is None:
        return
    match = _LEADING_FIGURES.match(window, first_digit)
    figures = match.group().strip() if match else ""
    if not 15 <= sum(char.isdigit() for char in figures) <= 15 * FIGURES_PER_CELL:
        return
    keys = list(appeal_keys_in_order())
    found.rows.append(
        StreamRow(
            "appeals", "appeals", keys, figures, stream.line(text_start + first_digit), appeal_table_label()
        )
    )


# --- the old table, as its regional variants print it ------------------------------------------

_PARENTHETICAL = re.compile(r"\([^()]{4,60}\)")


def _segments(text: str) -> list[tuple[str, str, int, bool]]:
    """The text as (label, figures, where, numbered): each run of figures with the label before it."""
    segments: list[tuple[str, str, int, bool]] = []  # label, figures, where, numbered
    label_start = 0
    numbered_next = False
    for run in _FIGURE_RUN.finditer(text):
        figures = run.group()
        numbered = numbered_next
        numbered_next = False
        if figures.rstrip().endswith(".") or text[run.end() : run.end() + 1] == "、":
            # "条18182.传真申请数": the 2 is the next row's number.
            figures = figures.rstrip().rstrip(".")[:-1]
            numbered_next = True
        pieces = _rows_without_figures(text, label_start, run.start())
        for piece_start, piece_end in pieces[:-1]:
            segments.append((text[piece_start:piece_end], "", piece_start, numbered))
            numbered = False
        segments.append((text[pieces[-1][0] : run.start()], figures.strip(), run.start(), numbered))
        label_start = run.end()
    return segments


_LINE = re.compile(r"[^\n]*\n")


def _rows_without_figures(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The text between two runs of figures as the labels of rows: split after each line that
    holds only a unit, where a label follows. A table copied one cell a line keeps a row whose
    figure was left blank as its label and its unit, and the next row's label follows them."""
    pieces: list[tuple[int, int]] = []
    begin = start
    last = start + len(text[start:end].rstrip())  # where the last label ends
    for line in _LINE.finditer(text, start, end):
        if line.end() < last and line.group().strip() in _units():
            pieces.append((begin, line.end()))
            begin = line.end()
    pieces.append((begin, end))
    return pieces


def read_old_table(stream: Stream) -> StreamTables:
    """The old table (指标名称 / 计量单位 / 本年度 / 历年累计, or 统计指标 / 单位 / 统计数) as a
    stream of label, unit and figures. The 历年累计 column is read into `<key>.cumulative`."""
    found = StreamTables()
    compact = stream.compact
    header_at = min((p for p in (compact.find(word) for word in old_header().words) if p >= 0), default=-1)
    if header_at < 0:
        return found
    start = stream.text_index(header_at)
    # Notes in brackets ("（不同渠道和方式公开相同信息计1次）") hold figures of their own: blank them,
    # keeping every position so that line numbers stay right.
    text = _PARENTHETICAL.sub(lambda m: " " * len(m.group()), stream.text[start:])
    segments = _segments(text)
    # The first row follows the header closely; a table that starts no sooner is not this table.
    first = next(
        (
            i
            for i, s in enumerate(segments[:HEADER_SEGMENTS])
            if _label_key(_name(s[0])[0], set()) is not None
        ),
        None,
    )
    if first is None:
        return found
    columns = old_value_columns(text[: segments[first][2]])
    used: set[str] = set()
    parent: str | None = None
    gap = 0
    for label, figures, where, numbered in segments[first:]:
        name, _ = _name(label)
        label_key = _label_key(name, used)
        if label_key is None:
            gap += 1
            if gap > TABLE_GAP:
                break  # the table has ended: what follows is text
            continue
        gap = 0
        key = label_key.key
        used.add(key)
        is_child = numbered or name.startswith("其中")
        if is_child and parent is not None:
            found.children.setdefault(parent, []).append(key)
        elif not is_child:
            parent = key
        keys = [key + suffix for suffix in columns]
        if len(figures) > FIGURES_PER_CELL * len(keys):
            continue
        printed = name[-len(label_key.core) :]
        found.rows.append(StreamRow("old_table", key, keys, figures, stream.line(start + where), printed))
    _trim_last_row(found, len(columns))
    return found


def _trim_last_row(found: StreamTables, columns: int) -> None:
    """After the last row the text goes on ("382 10 14": page numbers, a date): the row's own
    figures are the first ones, as many as the table has value columns."""
    if found.rows:
        last = found.rows[-1]
        tokens = last.figures.split()
        if len(tokens) > columns:
            last.figures = " ".join(tokens[:columns])


def _name(label: str) -> tuple[str, str | None]:
    """A printed label without spaces and the unit printed after it."""
    compact = _WHITESPACE.sub("", label)
    unit = next((u for u in _units() if compact.endswith(u)), None)
    return (compact[: -len(unit)] if unit else compact), unit


@cache
def _units() -> tuple[str, ...]:
    """The old table's units, the longest first ("万元" before "元", "人次" before "人")."""
    return tuple(sorted(old_header().units, key=len, reverse=True))


def _label_key(label: str, used: set[str]) -> OldLabel | None:
    """The row a label names; where two rows share it (被依法纠错数 under 复议 and 诉讼), the
    first not yet read."""
    candidates = old_key_candidates(label)
    fresh = [candidate for candidate in candidates if candidate.key not in used]
    return fresh[0] if fresh else None
