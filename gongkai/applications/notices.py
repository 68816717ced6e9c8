"""The reply notice (政府信息公开申请答复书): structured data and plain text, from the decision.

A reply states the decision with its legal basis (the article of the 条例 each decision rests on,
reference/domain.md §1.3), the reasons (条例第三十六条（三）: a refusal must give them), and the
applicant's remedies: 行政复议 within 60 days of receiving it (《行政复议法》第二十条) or 行政诉讼 within
6 months (《行政诉讼法》第四十六条). The web layer renders `ReplyNotice` for printing; `text` is the
same notice as plain text (for e-mail and the record).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from gongkai.agencies.models import Agency
from gongkai.applications.deadlines import REGIME_2007, regime_for
from gongkai.applications.models import ApplicantType, Application, Result

REGULATION = "《中华人民共和国政府信息公开条例》"


@dataclass(frozen=True)
class Decision:
    articles: str  # the provisions of the 条例 the decision rests on
    statement: str  # what the applicant is told
    reasons_required: bool


# 条例 articles per decision; the table-三 row each maps to is the Result itself.
DECISIONS: dict[str, Decision] = {
    Result.DISCLOSED: Decision(
        "第三十六条第（一）项、第（二）项",
        "经审查，您申请获取的政府信息属于公开范围，本机关予以公开。",
        False,
    ),
    Result.PARTIALLY_DISCLOSED: Decision(
        "第三十七条、第三十六条第（三）项",
        "经审查，您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理，本机关向您提供可以公开的部分，不予公开的部分理由如下。",
        True,
    ),
    Result.WITHHELD_STATE_SECRET: Decision(
        "第十四条、第三十六条第（三）项",
        "经审查，您申请获取的政府信息依法确定为国家秘密，本机关不予公开。",
        True,
    ),
    Result.WITHHELD_PROHIBITED_BY_LAW: Decision(
        "第十四条、第三十六条第（三）项",
        "经审查，您申请获取的政府信息属于法律、行政法规禁止公开的信息，本机关不予公开。",
        True,
    ),
    Result.WITHHELD_SECURITY_STABILITY: Decision(
        "第十四条、第三十六条第（三）项",
        "经审查，您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，本机关不予公开。",
        True,
    ),
    Result.WITHHELD_THIRD_PARTY: Decision(
        "第十五条、第三十六条第（三）项",
        "经审查，您申请获取的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，本机关不予公开。",
        True,
    ),
    Result.WITHHELD_INTERNAL_AFFAIRS: Decision(
        "第十六条第一款、第三十六条第（三）项",
        "经审查，您申请获取的政府信息属于行政机关的内部事务信息，本机关不予公开。",
        True,
    ),
    Result.WITHHELD_PROCESS_INFO: Decision(
        "第十六条第二款、第三十六条第（三）项",
        "经审查，您申请获取的政府信息属于行政机关在履行行政管理职能过程中形成的过程性信息，本机关不予公开。",
        True,
    ),
    Result.WITHHELD_ENFORCEMENT_FILE: Decision(
        "第十六条第二款、第三十六条第（三）项",
        "经审查，您申请获取的政府信息属于行政执法案卷信息，本机关不予公开。",
        True,
    ),
    Result.WITHHELD_ADMINISTRATIVE_QUERY: Decision(
        "第三十六条第（七）项",
        "您申请获取的信息属于工商、不动产登记资料等有关法律、行政法规对信息的获取有特别规定的情形，请依照有关法律、行政法规的规定办理。",
        True,
    ),
    Result.UNAVAILABLE_NOT_HELD: Decision(
        "第三十六条第（四）项、第（五）项",
        "经检索，本机关没有制作或者获取您申请公开的政府信息，或者该政府信息不属于本机关负责公开。",
        False,
    ),
    Result.UNAVAILABLE_NEEDS_CREATION: Decision(
        "第三十八条", "您申请获取的信息需要本机关对现有政府信息进行加工、分析，本机关不予提供。", False
    ),
    Result.UNAVAILABLE_UNCLEAR: Decision(
        "第三十条", "本机关已告知您作出补正，补正后申请内容仍不明确，本机关无法提供。", False
    ),
    Result.NOT_PROCESSED_PETITION: Decision(
        "第三十九条第一款",
        "您以政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开申请处理，请通过相应渠道提出。",
        False,
    ),
    Result.NOT_PROCESSED_DUPLICATE: Decision(
        "第三十六条第（六）项",
        "您向本机关重复申请公开相同的政府信息，本机关已经作出答复，不予重复处理。",
        False,
    ),
    Result.NOT_PROCESSED_PUBLICATION: Decision(
        "第三十九条第二款", "您申请获取的是政府公报、报刊、书籍等公开出版物，请通过相应渠道获取。", False
    ),
    Result.NOT_PROCESSED_EXCESSIVE: Decision(
        "第三十五条",
        "您申请公开政府信息的数量、频次明显超过合理范围，且说明的理由不合理，本机关不予处理。",
        True,
    ),
    # No article of the 条例 names this case; the category comes from the report format and the
    # 江苏规范 四（四）5, forwarded by the State Council's disclosure office in 2020.
    Result.NOT_PROCESSED_CONFIRMATION: Decision(
        "",
        "您要求本机关确认或者重新出具已经获取的信息，不属于政府信息公开申请的处理范围，本机关不予处理。",
        False,
    ),
    Result.OTHER_NO_CORRECTION: Decision(
        "第三十条",
        "本机关已告知您作出补正，您无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请。",
        False,
    ),
    Result.OTHER_FEE_UNPAID: Decision(
        "第四十二条",
        "您逾期未按收费通知的要求缴纳信息处理费，视为放弃申请，本机关不再处理该政府信息公开申请。",
        False,
    ),
    Result.OTHER_OTHER: Decision("", "", True),
}


@dataclass(frozen=True)
class ReplyNotice:
    """A reply notice, field by field, as the web layer prints it."""

    title: str
    number: str
    agency: str
    applicant: str
    received_on: date | None
    description: str
    opening: str
    result: str
    decision: str
    basis: str
    statement: str
    reasons: str
    remedies: str
    replied_on: date

    @property
    def text(self) -> str:
        paragraphs = [self.title, f"（{self.number}）", "", f"{self.applicant}：", f"　　{self.opening}"]
        if self.statement:
            paragraphs.append(f"　　{self.statement}")
        if self.reasons:
            paragraphs.append(f"　　{self.reasons}")
        if self.basis:
            paragraphs.append(f"　　依据：{self.basis}。")
        paragraphs += [f"　　{self.remedies}", "", self.agency, _chinese_date(self.replied_on)]
        return "\n".join(paragraphs)

    def as_dict(self) -> dict[str, str | None]:
        """JSON-ready: dates as YYYY-MM-DD, plus the text."""
        data = asdict(self)
        data["received_on"] = self.received_on.isoformat() if self.received_on else None
        data["replied_on"] = self.replied_on.isoformat()
        data["text"] = self.text
        return data


def _chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def reconsideration_body(agency: Agency) -> str:
    """Where to apply for 行政复议 (《行政复议法》第二十四条): the people's government of the body's level
    for a department, the next government up for a government — both are the parent in the tree when
    the parent is a government. Otherwise the applicant is told to apply to the competent body."""
    parent = agency.parent
    if parent is not None and parent.kind == Agency.Kind.GOVERNMENT:
        return parent.name
    return "有管辖权的行政复议机关"


def remedies_text(agency: Agency) -> str:
    # 《行政复议法》第二十条第一款: 60 days; 《行政诉讼法》第四十六条第一款: 6 months.
    return (
        f"如对本答复不服，可以自收到本答复书之日起60日内向{reconsideration_body(agency)}申请行政复议，"
        "或者自收到本答复书之日起6个月内向人民法院提起行政诉讼。"
    )


def reply_notice(application: Application, *, result: str, reasons: str, replied_on: date) -> ReplyNotice:
    """The reply notice for `application` deciding `result` (a `Result` value)."""
    decision = DECISIONS[Result(result)]
    if application.received_on is not None and regime_for(application.received_on) is REGIME_2007:
        basis = "2007年《中华人民共和国政府信息公开条例》的有关规定"
    elif decision.articles:
        basis = f"{REGULATION}{decision.articles}"
    else:
        basis = ""
    organisation = application.applicant_type != ApplicantType.NATURAL_PERSON
    you = "贵单位" if organisation else "您"
    statement = decision.statement.replace("您", you)
    received = f"于{_chinese_date(application.received_on)}" if application.received_on else ""
    opening = (
        f"本机关{received}收到{you}提出的政府信息公开申请，申请获取“{application.description}”。现答复如下："
    )
    agency = application.agency
    return ReplyNotice(
        title=f"{agency.name}政府信息公开申请答复书",
        number=application.number,
        agency=agency.name,
        applicant=application.applicant_name,
        received_on=application.received_on,
        description=application.description,
        opening=opening,
        result=str(result),
        decision=Result(result).label,
        basis=basis,
        statement=statement,
        reasons=reasons.strip(),
        remedies=remedies_text(agency),
        replied_on=replied_on,
    )
