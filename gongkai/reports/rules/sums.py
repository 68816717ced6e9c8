"""The sums of the tables (勾稽关系): `balance`, `detail_sum`, `row_total`, `appeal_total`, `old_format_sum`.

The equalities are those of `formats.sum_rules(fmt)`. Table 三's header prints the only official
one, 一 + 二 = 三（七） + 四 per column (格式2019, 格式2021); the others follow from the word 总计
and from the old table's layout (domain.md §3). A blank cell is never read as 0: where a sum
cannot be decided because of one, the rule says so (`not_checkable`), unless the cells that are
filled in already break it (counts are never negative).
"""

from __future__ import annotations

from dataclasses import replace

from gongkai.reports import formats
from gongkai.reports.audit.model import Finding, Number
from gongkai.reports.audit.reader import SINGLE_OTHER_ROW
from gongkai.reports.formats import SumRule
from gongkai.reports.rules.common import OTHER_PROCESSING_2021, REQUEST_COLUMN_LABELS, Check, show

RULE_NAMES = {
    "balance": "收支平衡（一+二=三（七）+四）",
    "detail_sum": "办理结果明细合计",
    "row_total": "横向总计",
    "appeal_total": "复议诉讼总计",
    "old_format_sum": "统计表分项合计",
}
_TABLES_OF_RULES = {
    "requests": ("balance", "detail_sum", "row_total"),
    "appeals": ("appeal_total",),
    "old_table": ("old_format_sum",),
}

# The old table's "其中" lines and its count of items across channels bound a total without
# summing to it: an item published on several channels counts once (spec, 2008 rules). These are
# warnings, since channel counting practice varied.
_CHANNELS = ("channel_gazette", "channel_website", "channel_weibo", "channel_wechat", "channel_other")
_OLD_BOUNDS = (
    SumRule("old_format_sum", "proactive_total", _CHANNELS, at_most=True),
    SumRule("old_format_sum", "proactive_normative_documents", ("proactive_total",), at_most=True),
    SumRule(
        "old_format_sum",
        "responses_press_conferences_by_principal",
        ("responses_press_conferences",),
        at_most=True,
    ),
    SumRule(
        "old_format_sum",
        "responses_online_interviews_by_principal",
        ("responses_online_interviews",),
        at_most=True,
    ),
)


def check_sums(check: Check) -> list[Finding]:
    fmt = check.fmt
    if fmt is None:
        return [
            check.finding(
                "not_checkable",
                "未识别出年度报告的统计表格式（2008年旧表、2019年或2021年格式），无法核对任何统计数据",
            )
        ]
    findings: list[Finding] = []
    tables = ("old_table",) if fmt == formats.FORMAT_2008 else ("requests", "appeals")
    missing_tables = [t for t in tables if not check.table_found(t)]
    for table in missing_tables:
        names = "、".join(RULE_NAMES[r] for r in _TABLES_OF_RULES[table])
        findings.append(check.finding("not_checkable", f"未找到{_table_title(table)}，无法核对：{names}"))
    rules = [r for r in formats.sum_rules(fmt) if _table(fmt, r) not in missing_tables]
    if check.single_other_row and "requests" not in missing_tables:
        rules = _with_single_other_row(rules)
    if fmt == formats.FORMAT_2008 and "old_table" not in missing_tables:
        rules += list(_OLD_BOUNDS)
        findings += _regional_rows(check, rules)
        rules = [r for r in rules if not _printed_otherwise(check, r)]
    undecided: dict[str, list[tuple[SumRule, list[str]]]] = {}
    for rule in rules:
        keys = [rule.total, *rule.parts, *rule.minus]
        blanks = [k for k in keys if check.value(k) is None]
        if blanks:
            finding = _broken_despite_blanks(check, rule, blanks)
            if finding is not None:
                findings.append(finding)
            else:
                undecided.setdefault(rule.rule, []).append((rule, blanks))
            continue
        finding = _check_rule(check, rule)
        if finding is not None:
            findings.append(finding)
    for rule_id, cases in undecided.items():
        findings.append(_not_checkable(check, rule_id, cases))
    return findings


def _with_single_other_row(rules: list[SumRule]) -> list[SumRule]:
    """The 2021 format's sums for a table 三 that printed （六）其他处理 as the 2019 format's one row:
    that row's figures stand in the results' sum for the three rows it replaces, which have no row
    total to check, and its own row total is checked (the 2019 format's sums, spec)."""
    adapted: list[SumRule] = []
    for rule in rules:
        if rule.rule == "row_total" and rule.total.startswith(OTHER_PROCESSING_2021):
            continue
        if rule.rule == "detail_sum":
            column = rule.total.rsplit(".", 1)[1]
            kept = tuple(part for part in rule.parts if not part.startswith(OTHER_PROCESSING_2021))
            rule = replace(rule, parts=(*kept, f"{SINGLE_OTHER_ROW}.{column}"))
        adapted.append(rule)
    single = SumRule(
        "row_total",
        f"{SINGLE_OTHER_ROW}.total",
        tuple(f"{SINGLE_OTHER_ROW}.{column}" for column in formats.APPLICANT_COLUMNS),
    )
    return [*adapted, single]


def _printed_otherwise(check: Check, rule: SumRule) -> bool:
    """Whether a regional variant of the old table prints other rows under this total than the
    standard table (电子邮件申请数, 其它形式申请数, a combined 信函、传真申请数): the standard sum
    does not apply to it."""
    printed: dict[str, list[str]] = check.report.extras.get("printed_children", {})
    parts = printed.get(rule.total)
    return parts is not None and not set(parts) <= set(rule.parts)


def _regional_rows(check: Check, rules: list[SumRule]) -> list[Finding]:
    otherwise = [r for r in rules if _printed_otherwise(check, r)]
    if not otherwise:
        return []
    printed: dict[str, list[str]] = check.report.extras["printed_children"]
    names = "、".join(check.label(r.total) for r in otherwise)
    regional = formats.spec()["formats"][formats.FORMAT_2008].get("regional_rows", {}).get("rows", {})
    extra: list[str] = []
    for r in otherwise:
        for part in printed[r.total]:
            name = regional[part][0] if part in regional else check.label(part)
            if part not in r.parts and name not in extra:
                extra.append(name)
    message = (
        f"统计表为地方格式，{names}下所列分项与标准表不同（另有{'、'.join(extra)}），"
        "无法按标准表的分项合计核对"
    )
    return [check.finding("not_checkable", message, [r.total for r in otherwise])]


def _table(fmt: str, rule: SumRule) -> str:
    return "old_table" if fmt == formats.FORMAT_2008 else rule.total.split(".")[0]


def _table_title(table: str) -> str:
    return {
        "requests": "表三（收到和处理政府信息公开申请情况）",
        "appeals": "表四（政府信息公开行政复议、行政诉讼情况）",
        "old_table": "政府信息公开情况统计表",
    }[table]


def _sum(check: Check, keys: tuple[str, ...]) -> Number:
    total: Number = 0
    for key in keys:
        value = check.value(key)
        if value is not None:
            total += value
    return total


def _terms(check: Check, keys: tuple[str, ...]) -> str:
    return "+".join(show(check.value(k)) for k in keys)


def _check_rule(check: Check, rule: SumRule) -> Finding | None:
    total = check.value(rule.total)
    assert total is not None
    parts = _sum(check, rule.parts)
    if rule.rule == "balance":
        return _check_balance(check, rule)
    if rule.at_most:
        if total <= parts:
            return None
        return _bound_finding(check, rule, total, parts)
    if total == parts:
        return None
    keys = [rule.total, *rule.parts]
    evidence = check.cell_evidence([rule.total, *(k for k in rule.parts if check.value(k))])
    return check.finding(rule.rule, _message(check, rule, total, parts), keys, evidence)


def _message(check: Check, rule: SumRule, total: Number, parts: Number) -> str:
    if rule.rule == "detail_sum":
        column = REQUEST_COLUMN_LABELS[rule.total.rsplit(".", 1)[1]]
        return f"三（七）总计（{column}）为{show(total)}，各项办理结果之和为{show(parts)}"
    if rule.rule == "row_total":
        label = check.row_label(rule.total)
        return f"{label}：总计为{show(total)}，自然人与各类法人或其他组织之和为{show(parts)}（{_terms(check, rule.parts)}）"
    if rule.rule == "appeal_total":
        row = rule.total.split(".")[1]
        name = {
            "reconsideration": "行政复议",
            "litigation_direct": "行政诉讼（未经复议直接起诉）",
            "litigation_after_reconsideration": "行政诉讼（复议后起诉）",
        }[row]
        return (
            f"{name}：总计为{show(total)}，结果维持、结果纠正、其他结果、尚未审结之和为{show(parts)}"
            f"（{_terms(check, rule.parts)}）"
        )
    names = "、".join(check.label(k) for k in rule.parts)
    return (
        f"{check.label(rule.total)}为{show(total)}，{names}之和为{show(parts)}（{_terms(check, rule.parts)}）"
    )


def _check_balance(check: Check, rule: SumRule) -> Finding | None:
    # 格式2019/格式2021 表三表头：第一项加第二项之和，等于第三项加第四项之和（每一列）
    new, carried_in = rule.parts
    (carried_out,) = rule.minus
    left = _sum(check, rule.parts)
    right = _sum(check, (rule.total, carried_out))
    if left == right:
        return None
    column = REQUEST_COLUMN_LABELS[rule.total.rsplit(".", 1)[1]]
    message = (
        f"表三“{column}”列：一、本年新收{show(check.value(new))} + 二、上年结转{show(check.value(carried_in))}"
        f" = {show(left)}，三（七）总计{show(check.value(rule.total))} + 四、结转下年度"
        f"{show(check.value(carried_out))} = {show(right)}，两者不等（应为第一项加第二项之和等于第三项加第四项之和）"
    )
    keys = [new, carried_in, rule.total, carried_out]
    return check.finding("balance", message, keys, check.cell_evidence(keys))


def _bound_finding(check: Check, rule: SumRule, total: Number, parts: Number) -> Finding:
    keys = [rule.total, *rule.parts]
    blanks = [k for k in rule.parts if check.value(k) is None]
    if rule.total == "proactive_total":
        message = (
            f"主动公开政府信息数为{show(total)}，大于通过各渠道公开的政府信息数之和{show(parts)}"
            f"（{_terms(check, rule.parts)}）；同一信息在不同渠道公开只计1条，总数不应超过各渠道之和"
        )
    else:
        message = f"{check.label(rule.total)}为{show(total)}，大于{check.label(rule.parts[0])}{show(parts)}"
    printed = [k for k in blanks if k in check.report.cell_lines]
    absent = [k for k in blanks if k not in check.report.cell_lines]
    if printed:
        message += f"（{'、'.join(check.label(k) for k in printed)}空白，未计入）"
    if absent:
        message += f"（{'、'.join(check.label(k) for k in absent)}表中未列出）"
    return check.finding(
        "old_format_sum",
        message,
        keys,
        check.cell_evidence(k for k in keys if check.value(k) is not None),
        "warning",
    )


def _broken_despite_blanks(check: Check, rule: SumRule, blanks: list[str]) -> Finding | None:
    """The finding when the filled-in cells already break the rule, whatever the blanks hold."""
    if rule.total in blanks or rule.rule == "balance":
        return None
    total = check.value(rule.total)
    assert total is not None
    known = _sum(check, rule.parts)
    if rule.at_most:
        # A bound (总数 ≤ Σ分项) is broken by what the table prints: its rows left blank and the
        # rows it does not have add nothing that it shows. A cell whose figures ran together and
        # could not be split was printed with a figure, which may be any: the bound is then not
        # checkable, never checked with 0 in that cell's place.
        if total > known and not any(k in check.ambiguous_keys for k in blanks):
            return _bound_finding(check, rule, total, known)
        return None
    if not rule.at_most and known > total:
        filled = [k for k in rule.parts if k not in blanks]
        message = f"{_message(check, rule, total, known)}，另有{'、'.join(check.label(k) for k in blanks)}空白未计入"
        keys = [rule.total, *filled]
        return check.finding(rule.rule, message, keys, check.cell_evidence(keys))
    return None


def _not_checkable(check: Check, rule_id: str, cases: list[tuple[SumRule, list[str]]]) -> Finding:
    blanks: list[str] = []
    for _, keys in cases:
        blanks += [k for k in keys if k not in blanks]
    ambiguous = [k for k in blanks if k in check.ambiguous_keys]
    names = "、".join(check.label(k) for k in blanks[:6]) + ("等" if len(blanks) > 6 else "")
    reason = "空白或无法确定" if ambiguous else "空白"
    message = f"{names}{reason}，{RULE_NAMES[rule_id]}有{len(cases)}处无法核对"
    return check.finding("not_checkable", message, blanks, check.cell_evidence(blanks))
