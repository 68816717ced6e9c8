"""The labels of every table row, with the variants real reports print, from `report_formats.json`.

The spec gives each row its official label ("三（三）2.其他法律行政法规禁止公开") and, under
`label_variants`, wording that published reports use instead. A label is compared in its *core*
form: half-width, without spaces, quotes, its leading numbers ("三（三）2.") or a trailing
parenthetical note ("（区分处理的，只计这一情形，不计其他情形）"). The old table's regional rows
(电子邮件申请数, 历年累计, …) are under `formats.2008.regional_rows`: they are read into extra
cells, never into canonical ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from gongkai.reports.audit.text import normalise, strip_numbering
from gongkai.reports.formats import (
    APPEAL_COLUMNS,
    APPEAL_ROWS,
    FORMAT_2008,
    FORMAT_2019,
    FORMAT_2021,
    REQUEST_COLUMNS,
    request_label,
    request_rows,
    spec,
)

# The official table-三 labels start with the number of their group and of the row ("三（三）2.").
_GROUP_PREFIX = re.compile(r"^[一二三四五六七八九十]+(?=\()")
_TRAILING_NOTE = re.compile(r"\([^()]{4,}\)$")
# A note whose closing bracket is on the next line (a label wrapped in a PDF's text).
_OPEN_NOTE = re.compile(r"\([^()]{4,}$")
_SUB_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+\([一二三四五六七八九十]+\))?(\d{1,2})\.")


def core(label: str) -> str:
    """A label as compared: normalised, without its numbers or a trailing parenthetical note."""
    text = normalise(label)
    text = _TRAILING_NOTE.sub("", text)
    stripped = strip_numbering(_GROUP_PREFIX.sub("", text))
    return stripped or text


@dataclass(frozen=True)
class RowLabels:
    """One row of a table: its canonical keys (one per column), its label cores, and the number
    it carries within its group in the official template (2 for "三（三）2."), if any."""

    table: str
    row: str
    keys: tuple[str, ...]
    cores: tuple[str, ...]
    number: int | None


def _cores(official: str, variants: list[str]) -> tuple[str, ...]:
    found: list[str] = []
    for label in (official, *variants):
        text = core(label)
        if text and text not in found:
            found.append(text)
    return tuple(found)


def _number(official: str) -> int | None:
    match = _SUB_NUMBER.match(normalise(official))
    return int(match.group(1)) if match else None


@cache
def item20_rows(fmt: str) -> tuple[RowLabels, ...]:
    """The rows of table 二 (第二十条 items) in printed order."""
    rows: list[RowLabels] = []
    for name, table in spec()["formats"][fmt]["tables"].items():
        if not name.startswith("item20_"):
            continue
        variants = table.get("label_variants", {})
        for row, label in table["rows"].items():
            keys = tuple(f"{name}.{row}.{column}" for column in table["columns"])
            rows.append(RowLabels(name, row, keys, _cores(label, variants.get(row, [])), None))
    return tuple(rows)


@cache
def item20_titles(fmt: str) -> dict[str, str]:
    """Table 二 item → its title as compared ("第二十条第(一)项")."""
    tables = spec()["formats"][fmt]["tables"]
    return {name: normalise(table["title"]) for name, table in tables.items() if name.startswith("item20_")}


@cache
def request_row_labels(fmt: str) -> tuple[RowLabels, ...]:
    """The rows of table 三 in printed order."""
    tables = spec()["formats"]
    official_rows = tables["2021"]["tables"]["requests"]["rows"]  # 2019 shares them but for （六）
    variants = tables[fmt]["tables"]["requests"].get("label_variants", {})
    rows: list[RowLabels] = []
    for row in request_rows(fmt):
        official = official_rows.get(row) or request_label(FORMAT_2019, row)
        keys = tuple(f"requests.{row}.{column}" for column in REQUEST_COLUMNS)
        rows.append(
            RowLabels("requests", row, keys, _cores(official, variants.get(row, [])), _number(official))
        )
    return tuple(rows)


@cache
def item20_row_of_label() -> dict[str, tuple[str, str]]:
    """Every table 二 row label of every format (with its variants) → (item, row)."""
    found: dict[str, tuple[str, str]] = {}
    for fmt in (FORMAT_2019, FORMAT_2021):
        for row in item20_rows(fmt):
            for text in row.cores:
                found.setdefault(text, (row.table, row.row))
    return found


# The rows of table 三 of both formats, in the order a label is tried against them.
_REQUEST_ORDER_FIRST = ("new_received", "carried_in", "carried_out", "results_total", "partially_disclosed")


@cache
def _request_rows_in_order() -> tuple[RowLabels, ...]:
    rows = {row.row: row for fmt in (FORMAT_2021, FORMAT_2019) for row in request_row_labels(fmt)}
    first = [rows[name] for name in _REQUEST_ORDER_FIRST]
    return (*first, *(row for name, row in rows.items() if name not in _REQUEST_ORDER_FIRST))


@cache
def _request_keywords() -> dict[str, tuple[str, ...]]:
    table = spec()["formats"][FORMAT_2021]["tables"]["requests"]
    return {row: tuple(words) for row, words in table.get("label_keywords", {}).get("rows", {}).items()}


def request_row_of_label(label: str, group: str | None) -> str | None:
    """The table 三 row a printed label names (without its numbers), in the group it is printed
    under (withheld, unavailable, not_processed, other): its own label or a variant, whole; then a
    keyword inside it. The 2019 format's single （六） row is told by its group, not here."""
    text = core(label)
    rows = _request_rows_in_order()
    for row in rows:
        if text in row.cores and (row.row != "other_other" or group == "other"):
            return row.row if row.row != "other_processing" else None
    keywords = _request_keywords()
    for row in rows:
        if any(word in text for word in keywords.get(row.row, ())):
            return row.row
    return None


def appeal_keys_in_order() -> tuple[str, ...]:
    return tuple(f"appeals.{row}.{column}" for row in APPEAL_ROWS for column in APPEAL_COLUMNS)


@dataclass(frozen=True)
class OldLabel:
    key: str
    core: str
    canonical: bool  # a key of the format, or a regional row's extra key


@cache
def old_labels() -> tuple[OldLabel, ...]:
    """Every label of the old table and its regional variants, longest first (so that
    "同意部分公开答复数" is not taken for "同意公开答复数")."""
    old = spec()["formats"][FORMAT_2008]
    variants = old.get("label_variants", {})
    labels: list[OldLabel] = []
    for key, official in old["keys"].items():
        for text in _cores(official, variants.get(key, [])):
            labels.append(OldLabel(key, text, True))
    for key, texts in old.get("regional_rows", {}).get("rows", {}).items():
        for text in _cores(texts[0], texts[1:]):
            labels.append(OldLabel(key, text, False))
    labels.sort(key=lambda label: -len(label.core))
    return tuple(labels)


@cache
def _old_labels_by_tail() -> dict[str, tuple[OldLabel, ...]]:
    """The old labels by their last two characters: a label is compared only with those."""
    tails: dict[str, list[OldLabel]] = {}
    for label in old_labels():
        tails.setdefault(label.core[-2:], []).append(label)
    return {tail: tuple(labels) for tail, labels in tails.items()}


def old_key_candidates(label: str) -> list[OldLabel]:
    """The old-table rows a printed label can be: those whose label it ends with (a flattened
    stream puts headings and units before it), the longest match first and its equals."""
    tails = _old_labels_by_tail()
    if label[-2:] not in tails:
        return []  # most text in a stream is no label: answered without normalising it
    text = core(label[-80:])
    best: list[OldLabel] = []
    for candidate in tails.get(text[-2:], ()):
        if best and len(candidate.core) < len(best[0].core):
            break
        if text.endswith(candidate.core):
            best.append(candidate)
    return best


# --- the words that find and head the tables (`reader`, and each table's `header`) ----------------


@cache
def table_words() -> tuple[str, ...]:
    """Words that only the statistics tables print."""
    return tuple(spec()["reader"]["table_words"])


@cache
def item20_header_stub() -> frozenset[str]:
    """The heading over the label column of a 第二十条 item's header row (信息内容)."""
    return frozenset(normalise(word) for word in spec()["reader"]["item20_header_stub"])


@cache
def item20_title_cores() -> tuple[str, ...]:
    """Every 第二十条 item's title as compared, with its variants, of both formats."""
    found: list[str] = []
    for fmt in (FORMAT_2019, FORMAT_2021):
        for name, table in spec()["formats"][fmt]["tables"].items():
            if name.startswith("item20_"):
                for title in (table["title"], *table.get("title_variants", [])):
                    if normalise(title) not in found:
                        found.append(normalise(title))
    return tuple(found)


@cache
def item20_title_prefix() -> str:
    """What every 第二十条 item's title starts with: a text without it holds no title."""
    titles = item20_title_cores()
    prefix = titles[0]
    for title in titles[1:]:
        while not title.startswith(prefix):
            prefix = prefix[:-1]
    return prefix


def has_item20_title(text: str) -> bool:
    """Whether a compared text holds a 第二十条 item's title."""
    return item20_title_prefix() in text and any(title in text for title in item20_title_cores())


@cache
def item20_column_keywords() -> tuple[tuple[str, str], ...]:
    """(word, column) for every 第二十条 item column of both formats, the longest words first
    ("本年处理决定数量" is one heading, not "处理决定" and something else)."""
    found: dict[str, str] = {}
    for fmt in (FORMAT_2019, FORMAT_2021):
        for name, table in spec()["formats"][fmt]["tables"].items():
            if name.startswith("item20_"):
                for column, words in table.get("column_keywords", {}).items():
                    for word in words:
                        found.setdefault(normalise(word), column)
    return tuple(sorted(found.items(), key=lambda item: -len(item[0])))


@cache
def item20_column_format() -> dict[str, str]:
    """A 第二十条 column that only one format prints → that format (its header tells the format)."""
    formats: dict[str, set[str]] = {}
    for fmt in (FORMAT_2019, FORMAT_2021):
        for name, table in spec()["formats"][fmt]["tables"].items():
            if name.startswith("item20_"):
                for column in table["columns"]:
                    formats.setdefault(column, set()).add(fmt)
    return {column: next(iter(fmts)) for column, fmts in formats.items() if len(fmts) == 1}


def _header(table: str) -> dict[str, Any]:
    header: dict[str, Any] = spec()["formats"][FORMAT_2021]["tables"][table]["header"]
    return header


@cache
def request_header_words() -> tuple[str, ...]:
    return tuple(normalise(word) for word in _header("requests")["words"])


@cache
def request_row_groups() -> tuple[tuple[str, str], ...]:
    """(heading, group) for the headings over a group of table 三 rows ("不予公开" → withheld)."""
    return tuple(
        (normalise(word), group)
        for group, words in _header("requests")["row_groups"].items()
        for word in words
    )


@cache
def appeal_header_words() -> tuple[str, ...]:
    return tuple(normalise(word) for word in _header("appeals")["words"])


@dataclass(frozen=True)
class OldHeader:
    words: tuple[str, ...]
    columns: tuple[tuple[str, tuple[str, ...]], ...]  # (kind, words) in the order they are tried
    units: tuple[str, ...]


@cache
def old_header() -> OldHeader:
    header = spec()["formats"][FORMAT_2008]["header"]
    return OldHeader(
        tuple(normalise(word) for word in header["words"]),
        tuple((kind, tuple(normalise(w) for w in words)) for kind, words in header["columns"].items()),
        tuple(header["units"]),
    )


@lru_cache(maxsize=256)
def old_column_kind(heading: str) -> str | None:
    """label, unit, current, cumulative or previous for a heading of the old table, or None."""
    text = normalise(heading)
    for kind, words in old_header().columns:
        if any(word in text for word in words):
            return kind
    return None


def old_value_columns(header: str) -> list[str]:
    """The value columns of an old table's header text (指标名称 计量单位 本年度 历年累计), as key
    suffixes in printed order: "" for the current year, ".cumulative" for 历年累计."""
    compact = re.sub(r"\s+", "", normalise(header))
    words = dict(old_header().columns)
    cumulative = min((p for p in (compact.find(w) for w in words["cumulative"]) if p >= 0), default=-1)
    if cumulative < 0:
        return [""]
    current = min((p for p in (compact.find(w) for w in words["current"]) if p >= 0), default=0)
    return ["", ".cumulative"] if current <= cumulative else [".cumulative", ""]


@cache
def _old_key_order() -> dict[str, int]:
    keys = list(spec()["formats"][FORMAT_2008]["keys"])
    keys += list(spec()["formats"][FORMAT_2008].get("regional_rows", {}).get("rows", {}))
    return {key: index for index, key in enumerate(keys)}


def old_label_key(label: str, previous: str | None, used: set[str]) -> OldLabel | None:
    """The old-table row a printed label names (its note in brackets aside). Where rows share a
    label (被依法纠错数 under 行政复议 and 行政诉讼), the first after the row read before it."""
    candidates = old_key_candidates(core(_OPEN_NOTE.sub("", normalise(label))))
    if not candidates:
        return None
    order = _old_key_order()
    after = order.get(previous, -1) if previous else -1
    fresh = [c for c in candidates if c.key not in used] or candidates
    later = [c for c in fresh if order.get(c.key, 0) > after]
    return (later or fresh)[0]


@cache
def appeal_table_label() -> str:
    """Table 四 as a row's label in messages (its one row has no label of its own)."""
    return strip_numbering(normalise(spec()["formats"][FORMAT_2021]["tables"]["appeals"]["title"]))


@cache
def item20_label_endings() -> tuple[str, ...]:
    """Words a 第二十条 row label may end with beyond its lexicon label (行政许可事项)."""
    return tuple(spec()["reader"]["item20_label_endings"])


def item20_title(table: str) -> str:
    """A 第二十条 item's title as printed ("第二十条第（一）项"), of whichever format has the item."""
    for fmt in (FORMAT_2021, FORMAT_2019):
        tables = spec()["formats"][fmt]["tables"]
        if table in tables:
            return str(tables[table]["title"])
    return table
