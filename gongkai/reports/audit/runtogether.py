"""Recovering cells whose figures ran together when a table was copied from a web page.

"行政规范性文件1232145" holds three cells: 12, 32 and 145, or 1, 23, 2145, or … A row's figures are
split in every way that gives the row's number of cells (a number has no leading zero), then only
the splits that fit the table's own sums (`formats.sum_rules`: 总计 = Σ columns, 一+二=三+四, …)
are kept; where several still fit, the figures the report's text quotes for those cells decide.
A cell is read only when every remaining split gives it the same figure; otherwise it is None
and the reader reports `ambiguous_cell`. Nothing is guessed.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from gongkai.reports.audit.model import Number
from gongkai.reports.formats import SumRule

# A number as a table prints it: no leading zero, an optional sign (本年增/减) and decimals (金额).
_NUMBER = re.compile(r"[+-]?(?:0|[1-9]\d*)(?:\.\d+)?")
_SIGN = re.compile(r"(?=[+-])")

SPLIT_LIMIT = 100_000  # splits of one row beyond which the row is left unread
SEARCH_LIMIT = 200_000  # combinations tried across rows
SOLUTION_LIMIT = 2_000
BEST_FIT_LIMIT = 20_000  # combinations scored when none fits every sum


@dataclass
class PendingRow:
    """A row whose cells ran together: the cells' keys and their figures as printed."""

    keys: list[str]
    figures: str
    line: int
    label: str
    candidates: list[tuple[Number, ...]] = field(default_factory=list)


@dataclass
class Ambiguity:
    row: PendingRow
    keys: list[str]
    examples: list[tuple[Number, ...]]
    reason: str
    choices: list[int] = field(default_factory=list)  # the row's candidates still possible


class _TooMany(Exception):
    pass


def _number(piece: str) -> Number:
    return Decimal(piece) if "." in piece else int(piece)


def split_figures(figures: str, count: int, limit: int = SPLIT_LIMIT) -> list[tuple[Number, ...]] | None:
    """Every way to read `figures` as `count` numbers, keeping the spaces it has as separators;
    None when there are more than `limit`."""
    tokens = [part for token in figures.split() for part in _SIGN.split(token) if part]
    if count <= 0 or len(tokens) > count:
        return []
    sizes = [len(token) for token in tokens]
    after = [*list(itertools.accumulate(reversed(sizes)))[::-1], 0]  # characters from token i on
    # At most C(characters - 1, count - 1) splits: counted first only when that could pass the limit.
    if math.comb(max(after[0] - 1, 0), count - 1) > limit and _count(tuple(tokens), count, limit) > limit:
        return None
    return _splits(tokens, count, limit, after)


def _splits(tokens: list[str], count: int, limit: int, after: list[int]) -> list[tuple[Number, ...]] | None:
    """The splits of `tokens` into `count` numbers, in order; None past `limit` (`after`: the
    characters from each token on)."""
    results: list[tuple[Number, ...]] = []
    pieces: list[Number] = []

    def walk(index: int, position: int) -> None:
        if index == len(tokens):
            if len(pieces) == count:
                results.append(tuple(pieces))
                if len(results) > limit:
                    raise _TooMany
            return
        token = tokens[index]
        left = count - len(pieces)
        # Each later token needs at least one number; each number at least one character.
        if left < len(tokens) - index or left > after[index + 1] + len(token) - position:
            return
        for end in range(position + 1, len(token) + 1):
            piece = token[position:end]
            if not _NUMBER.fullmatch(piece):
                continue
            pieces.append(_number(piece))
            if end == len(token):
                walk(index + 1, 0)
            else:
                walk(index, end)
            pieces.pop()

    try:
        walk(0, 0)
    except _TooMany:
        return None
    return results


def _count(tokens: tuple[str, ...], count: int, limit: int) -> int:
    """How many splits there are (up to just over `limit`), counted before any is made."""

    @functools.cache
    def ways(index: int, position: int, left: int) -> int:
        if index == len(tokens):
            return 1 if left == 0 else 0
        if left <= 0:
            return 0
        token = tokens[index]
        total = 0
        for end in range(position + 1, len(token) + 1):
            if _NUMBER.fullmatch(token, position, end):
                total += ways(index + 1, 0, left - 1) if end == len(token) else ways(index, end, left - 1)
                if total > limit:
                    return total
        return total

    return ways(0, 0, count)


def _holds(rule: SumRule, values: Mapping[str, Number | None]) -> bool | None:
    """Whether the rule holds on these values; None when a cell it needs is unknown."""
    needed = (rule.total, *rule.parts, *rule.minus)
    if any(values.get(key) is None for key in needed):
        return None
    parts = sum(values[key] or 0 for key in rule.parts)
    total = (values[rule.total] or 0) + sum(values[key] or 0 for key in rule.minus)
    return parts >= total if rule.at_most else parts == total


def resolve(
    pending: list[PendingRow],
    known: Mapping[str, Number | None],
    rules: Iterable[SumRule],
    quoted: Mapping[str, set[int]] | Callable[[], Mapping[str, set[int]]],
) -> tuple[dict[str, Number | None], list[Ambiguity]]:
    """The figures of the pending rows' cells (None where blank or ambiguous) and the ambiguities."""
    rules = list(rules)
    # A bound inside one row (本年度 at most 历年累计) narrows that row's splits; between rows, only
    # equalities choose.
    bounds = [rule for rule in rules if rule.at_most]
    rules = [rule for rule in rules if not rule.at_most]
    values: dict[str, Number | None] = {}
    ambiguities: list[Ambiguity] = []
    open_rows = _split_rows(pending, [*rules, *bounds], values, ambiguities)

    context: dict[str, Number | None] = {key: value for key, value in known.items() if value is not None}
    context.update({key: value for key, value in values.items() if value is not None})
    for component in _components(open_rows, rules):
        linked = _linking_rules(component, rules, context)
        solutions = _solve(component, linked, context)
        if solutions is None:
            for row in component:
                ambiguities.append(Ambiguity(row, list(row.keys), row.candidates[:3], "可能的拆分过多"))
            continue
        if len(solutions) > 1:
            if callable(quoted):
                quoted = quoted()  # the text is read for figures only when a choice is left
            solutions = _narrow_by_quotes(component, solutions, quoted)
        _read_solutions(component, solutions, bool(linked), values, ambiguities)
    if bounds:
        ambiguities = _narrow_by_bounds(ambiguities, bounds, values, context)
    return values, ambiguities


def _split_rows(
    pending: list[PendingRow],
    rules: list[SumRule],
    values: dict[str, Number | None],
    ambiguities: list[Ambiguity],
) -> list[PendingRow]:
    """Each row's splits, narrowed by its own sums: a row with one left is read into `values`; the
    rows with several, returned, are chosen between rows."""
    open_rows: list[PendingRow] = []
    for row in pending:
        values.update(dict.fromkeys(row.keys))
        if not row.figures.strip():
            continue  # a row with no figures: its cells are blank, not ambiguous
        candidates = split_figures(row.figures, len(row.keys))
        if candidates is None:
            ambiguities.append(Ambiguity(row, list(row.keys), [], "拆分方式过多"))
            continue
        if not candidates:
            blank_extras = _regional_columns_blank(row)
            if blank_extras is not None:
                values.update(blank_extras)
                continue
            ambiguities.append(
                Ambiguity(row, list(row.keys), [], "数字个数少于单元格个数，无法确定哪些单元格为空")
            )
            continue
        fitting = _fitting(row.keys, candidates, rules)
        # A published row may itself break its sum; then its own sum cannot choose.
        row.candidates = fitting or candidates
        if len(row.candidates) == 1:
            values.update(zip(row.keys, row.candidates[0], strict=True))
        else:
            open_rows.append(row)
    return open_rows


def _read_solutions(
    component: list[PendingRow],
    solutions: list[tuple[int, ...]],
    linked: bool,
    values: dict[str, Number | None],
    ambiguities: list[Ambiguity],
) -> None:
    """The cells on which every solution left agrees, read; the others ambiguous."""
    for index, row in enumerate(component):
        choices = {solution[index] for solution in solutions}
        unclear: list[str] = []
        for position, key in enumerate(row.keys):
            figures = {row.candidates[choice][position] for choice in choices}
            if len(figures) == 1:
                values[key] = figures.pop()
            else:
                unclear.append(key)
        if unclear:
            examples = [row.candidates[choice] for choice in sorted(choices)[:3]]
            reason = (
                "有多种拆分同样符合表内勾稽关系"
                if linked
                else "表中没有能核对这一行的合计，正文也未给出能确定拆分的数字"
            )
            ambiguities.append(Ambiguity(row, unclear, examples, reason, sorted(choices)))


def _narrow_by_bounds(
    ambiguities: list[Ambiguity],
    bounds: list[SumRule],
    values: dict[str, Number | None],
    context: Mapping[str, Number | None],
) -> list[Ambiguity]:
    """The ambiguities left once the bounds between rows are applied with the cells read: a part is
    at most its total ("其中：1.网站公开" ≤ 主动公开信息数), so "17953304" under a total of 2026 can
    only be 1795 | 3304. A cell is read when every split still possible gives it the same figure."""
    known: dict[str, Number | None] = {**context, **{k: v for k, v in values.items() if v is not None}}
    left: list[Ambiguity] = []
    for ambiguity in ambiguities:
        row = ambiguity.row
        keys = set(row.keys)
        rules = [rule for rule in bounds if keys & {rule.total, *rule.parts, *rule.minus}]
        fitting = [
            choice
            for choice in ambiguity.choices
            if all(
                _holds(rule, {**known, **dict(zip(row.keys, row.candidates[choice], strict=True))})
                is not False
                for rule in rules
            )
        ]
        if not fitting or len(fitting) == len(ambiguity.choices):
            left.append(ambiguity)
            continue
        unclear: list[str] = []
        for position, key in enumerate(row.keys):
            if key not in ambiguity.keys:
                continue
            figures = {row.candidates[choice][position] for choice in fitting}
            if len(figures) == 1:
                values[key] = known[key] = figures.pop()
            else:
                unclear.append(key)
        if unclear:
            examples = [row.candidates[choice] for choice in fitting[:3]]
            left.append(Ambiguity(row, unclear, examples, ambiguity.reason, fitting))
    return left


# The regional column beside the year's (福建's 历年累计): an addition to the format's table.
REGIONAL_COLUMN = ".cumulative"


def _regional_columns_blank(row: PendingRow) -> dict[str, Number | None] | None:
    """A row that printed figures for the format's own columns only, its regional columns (历年累计)
    left blank: "2、政府公报公开 条 0" under 本年度 | 历年累计. A copied page drops an empty cell, so
    one figure for two cells could be either's; but the year's column is the report's own, the one
    the format requires, and the running total the one that bodies leave empty; and with the bound
    本年度 ≤ 历年累计 a single 0 is the year's figure whichever cell printed it. The figures are the
    format's columns' when they are exactly as many, space-separated, as those columns; the regional
    columns, all after them, are blank. None when the row is not such a row."""
    own = [key for key in row.keys if not key.endswith(REGIONAL_COLUMN)]
    regional = row.keys[len(own) :]
    if not own or not regional or row.keys[: len(own)] != own:
        return None
    if any(not key.endswith(REGIONAL_COLUMN) for key in regional):
        return None
    tokens = row.figures.split()
    if len(tokens) != len(own) or not all(_NUMBER.fullmatch(token) for token in tokens):
        return None
    values: dict[str, Number | None] = {key: _number(token) for key, token in zip(own, tokens, strict=True)}
    values.update(dict.fromkeys(regional))
    return values


def _fitting(
    keys: list[str], candidates: list[tuple[Number, ...]], rules: Iterable[SumRule]
) -> list[tuple[Number, ...]]:
    """The splits of a row that fit the sums within the row (总计 = Σ its columns)."""
    keyset = set(keys)
    position = {key: index for index, key in enumerate(keys)}
    checks = [
        (
            position[rule.total],
            [position[k] for k in rule.parts],
            [position[k] for k in rule.minus],
            rule.at_most,
        )
        for rule in rules
        if rule.total in keyset and keyset.issuperset(rule.parts) and keyset.issuperset(rule.minus)
    ]
    if not checks:
        return candidates

    def fits(candidate: tuple[Number, ...]) -> bool:
        for total, parts, minus, at_most in checks:
            summed = sum(candidate[i] for i in parts)
            bound = candidate[total] + sum(candidate[i] for i in minus)
            if summed < bound if at_most else summed != bound:
                return False
        return True

    return [candidate for candidate in candidates if fits(candidate)]


def _components(rows: list[PendingRow], rules: list[SumRule]) -> list[list[PendingRow]]:
    """Rows linked by a sum are solved together; the others one by one."""
    owner = {key: index for index, row in enumerate(rows) for key in row.keys}
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for rule in rules:
        linked = sorted({owner[key] for key in (rule.total, *rule.parts, *rule.minus) if key in owner})
        for other in linked[1:]:
            parent[find(other)] = find(linked[0])
    groups: dict[int, list[PendingRow]] = {}
    for index, row in enumerate(rows):
        groups.setdefault(find(index), []).append(row)
    return list(groups.values())


def _linking_rules(
    rows: list[PendingRow], rules: list[SumRule], context: Mapping[str, Number | None]
) -> list[SumRule]:
    """The sums that involve these rows and can be checked: every other cell they need is known."""
    keys = {key for row in rows for key in row.keys}
    return [
        rule
        for rule in rules
        if keys & {rule.total, *rule.parts, *rule.minus}
        and all(key in keys or context.get(key) is not None for key in (rule.total, *rule.parts, *rule.minus))
    ]


def _solve(
    rows: list[PendingRow], linking: list[SumRule], context: Mapping[str, Number | None]
) -> list[tuple[int, ...]] | None:
    """The combinations of the rows' candidates that fit the sums linking them (candidate indexes).

    When no combination fits every sum (the published table itself breaks one, as seed 003's
    三（七）总计 does), those that fit the most sums are kept. None when there are too many to try.
    """
    keys_of = [set(row.keys) for row in rows]
    if len(rows) == 1 and not linking:
        return [(index,) for index in range(len(rows[0].candidates))]
    due = _due_rules(keys_of, linking)
    total = 1
    for row in rows:
        total *= len(row.candidates)
    values: dict[str, Number | None] = dict(context)
    solutions = _search(rows, due, values)
    if solutions is None:
        return None
    if solutions:
        return solutions
    if total > BEST_FIT_LIMIT:
        return None
    return _best_fit(rows, linking, values)


def _search(
    rows: list[PendingRow], due: list[list[SumRule]], values: dict[str, Number | None]
) -> list[tuple[int, ...]] | None:
    """The combinations that fit every sum, row by row (a branch left as soon as a sum fails); None
    when there are too many to try."""
    solutions: list[tuple[int, ...]] = []
    chosen: list[int] = []
    tried = 0

    def walk(i: int) -> None:
        nonlocal tried
        if i == len(rows):
            solutions.append(tuple(chosen))
            if len(solutions) > SOLUTION_LIMIT:
                raise _TooMany
            return
        for index, candidate in enumerate(rows[i].candidates):
            tried += 1
            if tried > SEARCH_LIMIT:
                raise _TooMany
            values.update(zip(rows[i].keys, candidate, strict=True))
            if all(_holds(rule, values) is not False for rule in due[i]):
                chosen.append(index)
                walk(i + 1)
                chosen.pop()

    try:
        walk(0)
    except _TooMany:
        return None
    return solutions


def _due_rules(keys_of: list[set[str]], linking: list[SumRule]) -> list[list[SumRule]]:
    """For each row, the rules checked once it is chosen: those of which it is the last row needed."""
    due: list[list[SumRule]] = [[] for _ in keys_of]
    for rule in linking:
        needed = {rule.total, *rule.parts, *rule.minus}
        last = max((i for i, keys in enumerate(keys_of) if keys & needed), default=0)
        due[last].append(rule)
    return due


def _best_fit(
    rows: list[PendingRow], linking: list[SumRule], values: dict[str, Number | None]
) -> list[tuple[int, ...]]:
    """The combinations of the rows' candidates that fit the most sums (when none fits them all)."""
    best: list[tuple[int, ...]] = []
    best_score = -1
    for combination in itertools.product(*(range(len(row.candidates)) for row in rows)):
        for row, index in zip(rows, combination, strict=True):
            values.update(zip(row.keys, row.candidates[index], strict=True))
        score = sum(1 for rule in linking if _holds(rule, values))
        if score > best_score:
            best, best_score = [combination], score
        elif score == best_score:
            best.append(combination)
    return best


def _narrow_by_quotes(
    rows: list[PendingRow], solutions: list[tuple[int, ...]], quoted: Mapping[str, set[int]]
) -> list[tuple[int, ...]]:
    """Among splits that fit equally, keep those that agree with the figures the text quotes."""
    for index, row in enumerate(rows):
        for position, key in enumerate(row.keys):
            if key not in quoted:
                continue
            agreeing = [s for s in solutions if row.candidates[s[index]][position] in quoted[key]]
            if agreeing:
                solutions = agreeing
    return solutions
