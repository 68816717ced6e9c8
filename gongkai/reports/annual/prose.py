"""The prose of a generated report that Gongkai can write from the records.

- 一、总体情况 is drafted under the headings the format lists (格式2021: 主动公开、依申请公开、政府信息管理、
  政府信息公开平台建设、监督保障; the 2019 reports of 宁波 use the same five topics), every sentence built
  from the report's own figures, so that staff only add what the records cannot know. Staff edit it
  afterwards; the rules engine warns when it runs over about a thousand characters (格式2021).
- 六、其他需要报告的事项 opens with the sentence on 信息处理费 that 格式2021 requires ("收取信息处理费的
  情况，在此处专门报告"), drawn from the fee records (国办函〔2020〕109号).
- The preface states the legal basis and the statistics period (the rules engine's `period` check).

Figures are quoted the way the rules engine's `narrative_mismatch` reads them: for the report year, with
the words of the table's rows (新收、结转、予以公开 …), so that every quoted figure is checked.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from gongkai.reports import formats
from gongkai.reports.annual.facts import CHANNEL_WORDS, YearFacts

Number = int | Decimal

OVERVIEW_HEADINGS = (
    "（一）主动公开情况",
    "（二）依申请公开情况",
    "（三）政府信息管理情况",
    "（四）政府信息公开平台建设情况",
    "（五）监督保障情况",
)
FORMAT_NOTICES = {
    formats.FORMAT_2019: "国办公开办函〔2019〕60号",
    formats.FORMAT_2021: "国办公开办函〔2021〕30号",
}
OWN_SUBJECT = "本机关"
_RESULT_GROUPS = (
    ("予以公开", ("disclosed",)),
    ("部分公开", ("partially_disclosed",)),
    ("不予公开", ("withheld_",)),
    ("无法提供", ("unavailable_",)),
    ("不予处理", ("not_processed_",)),
    ("其他处理", ("other_",)),
)


def _total(cells: Mapping[str, Number | None], keys: list[str]) -> Number | None:
    values = [cells.get(key) for key in keys]
    if any(value is None for value in values):
        return None
    return sum(value for value in values if value is not None)


def _n(value: Number | None) -> str:
    if value is None:
        return "（未填报）"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def preface(agency_name: str, year: int, fmt: str, report_url: str = "") -> str:
    notice = FORMAT_NOTICES.get(fmt, "")
    basis = (
        f"《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（{notice}）"
        if notice
        else ""
    )
    where = f"本报告电子版可在{report_url}查阅和下载。" if report_url else ""
    return (
        f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和{basis}要求，"
        f"结合{agency_name}{year}年度政府信息公开工作实际编制。全文包括总体情况、主动公开政府信息情况、"
        "收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、"
        f"其他需要报告的事项。本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。{where}"
    )


def _proactive(fmt: str, year: int, cells: Mapping[str, Number | None], subject: str) -> str:
    if fmt == formats.FORMAT_2021:
        issued = cells.get("item20_1.normative_documents.issued")
        regulations = cells.get("item20_1.regulations.issued")
        text = f"{year}年，{subject}坚持以公开为常态、不公开为例外，依照《条例》第二十条主动公开政府信息。"
        parts = []
        if regulations:
            parts.append(f"制发规章{_n(regulations)}件")
        if issued is not None:
            parts.append(f"制发行政规范性文件{_n(issued)}件")
        if parts:
            text += f"全年{'，'.join(parts)}，均按规定主动公开。"
    else:
        issued = cells.get("item20_1.normative_documents.newly_made")
        published = cells.get("item20_1.normative_documents.newly_published")
        text = f"{year}年，{subject}坚持以公开为常态、不公开为例外，依照《条例》第二十条主动公开政府信息。"
        if issued is not None and published is not None:
            text += f"全年新制作规范性文件{_n(issued)}件，新公开规范性文件{_n(published)}件。"
    licensing = _total(cells, [k for k in cells if k.startswith("item20_5.") and k.endswith(".decisions")])
    penalty = cells.get("item20_6.penalty.decisions")
    coercion = cells.get("item20_6.coercion.decisions")
    decisions = []
    if licensing:
        decisions.append(f"行政许可处理决定{_n(licensing)}件")
    if penalty:
        decisions.append(f"行政处罚决定{_n(penalty)}件")
    if coercion:
        decisions.append(f"行政强制决定{_n(coercion)}件")
    if decisions:
        text += f"本年作出{'、'.join(decisions)}，依法公开相关信息。"
    return text


def _result_words(fmt: str, cells: Mapping[str, Number | None]) -> list[str]:
    """The applications closed, in the words of their groups of result rows (the groups with none left out)."""
    results = []
    for word, prefixes in _RESULT_GROUPS:
        keys = [
            f"requests.{row}.total"
            for row in formats.result_rows(fmt)
            if any(row == p or (p.endswith("_") and row.startswith(p)) for p in prefixes)
        ]
        value = _total(cells, keys) or 0
        if value:
            results.append(f"{word}{value}件")
    return results


def _requests(fmt: str, year: int, cells: Mapping[str, Number | None], facts: YearFacts, subject: str) -> str:
    received = cells.get("requests.new_received.total") or 0
    carried_in = cells.get("requests.carried_in.total") or 0
    closed = cells.get("requests.results_total.total") or 0
    carried_out = cells.get("requests.carried_out.total") or 0
    if not received and not carried_in:
        return f"{year}年，{subject}未收到政府信息公开申请，也无上年结转的申请。"
    text = f"{year}年，{subject}新收政府信息公开申请{received}件"
    channels = [
        f"{CHANNEL_WORDS.get(channel, channel)}{count}件"
        for channel, count in sorted(facts.received_by_channel.items(), key=lambda item: -item[1])
        if count
    ]
    if channels and len(channels) > 1:
        text += f"（{'、'.join(channels)}）"
    text += f"，上年结转{carried_in}件；本年度办结{closed}件"
    results = _result_words(fmt, cells)
    if results:
        text += f"，其中{'、'.join(results)}"
    text += f"；结转下年度继续办理{carried_out}件。"
    if facts.closed:
        text += f"办结的申请中，按期答复{facts.closed_on_time}件"
        if facts.closed_after_extension:
            text += f"（其中依法延期答复{facts.closed_after_extension}件）"
        if facts.closed_late:
            text += f"，超期答复{facts.closed_late}件"
        text += "。"
    if facts.corrections_requested:
        text += f"依照《条例》第三十条一次性告知申请人补正{facts.corrections_requested}次。"
    if facts.consultations_started:
        text += f"依照《条例》第三十二条、第三十四条征求第三方或其他机关意见{facts.consultations_started}次。"
    return text


def _management(year: int, fmt: str, cells: Mapping[str, Number | None]) -> str:
    text = "严格执行政府信息公开审查制度，坚持先审查、后公开，做好公开前的保密审查和个人信息保护。"
    if fmt == formats.FORMAT_2021:
        repealed = cells.get("item20_1.normative_documents.repealed")
        in_force = cells.get("item20_1.normative_documents.in_force")
        if repealed is not None and in_force is not None:
            text += f"全年废止、失效行政规范性文件{_n(repealed)}件，截至{year}年底现行有效行政规范性文件{_n(in_force)}件。"
    return text


def _platform(facts: YearFacts) -> str:
    text = "依托政府门户网站政府信息公开专栏集中发布政府信息，畅通网上申请渠道。"
    if facts.received_by_channel.get("online"):
        # The figure itself is in 依申请公开情况 (by channel): a second "收到…件" here would read as the total.
        text += "网上申请平台全年运行平稳，申请人可凭受理编号和查询码查询办理进度和答复。"
    return text


def _oversight(cells: Mapping[str, Number | None]) -> str:
    reconsideration = cells.get("appeals.reconsideration.total") or 0
    litigation = (cells.get("appeals.litigation_direct.total") or 0) + (
        cells.get("appeals.litigation_after_reconsideration.total") or 0
    )
    corrected = sum(
        cells.get(f"appeals.{row}.corrected") or 0
        for row in ("reconsideration", "litigation_direct", "litigation_after_reconsideration")
    )
    text = "落实政府信息公开工作责任，严格按照法定期限办理政府信息公开申请。"
    if not reconsideration and not litigation:
        return text + "全年未发生因政府信息公开被申请行政复议或被提起行政诉讼的情况。"
    text += f"全年因政府信息公开被申请行政复议{reconsideration}件、被提起行政诉讼{litigation}件"
    text += f"，其中结果纠正{corrected}件。" if corrected else "，无被纠错案件。"
    return text


def draft_overview(
    fmt: str,
    year: int,
    cells: Mapping[str, Number | None],
    facts: YearFacts,
    *,
    subject: str = OWN_SUBJECT,
) -> str:
    """一、总体情况, one paragraph per heading, each starting with its heading. `subject` is who the
    figures are of: 本机关, or for a government's aggregated report its region ("全县各级行政机关")."""
    bodies = (
        _proactive(fmt, year, cells, subject),
        _requests(fmt, year, cells, facts, subject),
        _management(year, fmt, cells),
        _platform(facts),
        _oversight(cells),
    )
    return "\n".join(f"{heading}。{body}" for heading, body in zip(OVERVIEW_HEADINGS, bodies, strict=True))


def fee_sentence(facts: YearFacts) -> str:
    """格式2021 第六部分: the 信息处理费 collected in the year, from the fee records."""
    if not facts.fees_paid_yuan:
        sentence = "本年度未收取政府信息公开信息处理费。"
        if facts.fees_waived:
            sentence = f"本年度依照《政府信息公开信息处理费管理办法》减免信息处理费{facts.fees_waived}件，未收取信息处理费。"
        return sentence
    return (
        f"本年度依照《政府信息公开信息处理费管理办法》收取信息处理费{facts.fees_paid}件，"
        f"共计{facts.fees_paid_yuan}元。"
    )
