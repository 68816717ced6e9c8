"""Every notice to the applicant, worded in one place: the correction notice (补正申请告知书), the
extension notice (延期答复告知书), the fee notice (信息处理费收费通知书) and the reply (政府信息公开申请答复书).

Each is a `Notice` built from its event: title, number, addressee, the body's paragraphs (which cite
the provisions the notice rests on), the applicant's remedies where the notice is open to them, the
issuing body and the date. The templates render a `Notice` and nothing else (`notice_for_event`, also
as the `notice` template filter); `Notice.text` is the same notice as plain text.

The reply is decided once and kept: `application_draft_reply` and `application_sign_reply` store
`ReplyNotice.as_dict()` in the event, and the printed reply is built from that record, so a signed
reply reads the same however this module changes. It states the decision with its legal basis (the
article of the 条例 each decision rests on, reference/domain.md §1.3), the reasons (条例第三十六条（三）:
a refusal must give them), and the remedies: 行政复议 within 60 days (《行政复议法》第二十条) and
行政诉讼 within 6 months (《行政诉讼法》第四十六条) — or, for information withheld, 行政复议 first
(《行政复议法》第二十三条第一款第（四）项).

The correction, extension and fee notices are steps of the procedure, not decisions on the request,
and state no remedies: the applicant's remedy lies against the outcome — the reply, or the ending of
the application for want of a correction or of payment (法释〔2025〕8号 第一条（一）) — and courts do not
hear a fee decision alone (法释〔2025〕8号 第十条（三）, reference/domain.md §4).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from datetime import date
from typing import Any, Literal

from gongkai.agencies.models import Agency
from gongkai.applications.deadlines import FEE_PAYMENT_WORKDAYS, REGIME_2007, regime_for
from gongkai.applications.models import (
    ApplicantType,
    Application,
    ApplicationEvent,
    EventKind,
    FeeMethod,
    Result,
    Status,
)

REGULATION = "《中华人民共和国政府信息公开条例》"
REGULATION_2007 = "2007年《中华人民共和国政府信息公开条例》"
FEE_MEASURES = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
# 《行政复议法》as revised in 2023, in force from this day, sends a refusal to disclose to 行政复议 first.
RECONSIDERATION_FIRST_IN_FORCE = date(2024, 1, 1)

Withheld = Literal["", "all", "part"]


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


# The decisions that withhold information under 条例第十四条至第十六条 (for a partial disclosure, its
# withheld part): 《行政复议法》第二十三条第一款第（四）项 sends them to 行政复议 before any suit.
WITHHELD_RESULTS = frozenset(
    {
        Result.WITHHELD_STATE_SECRET,
        Result.WITHHELD_PROHIBITED_BY_LAW,
        Result.WITHHELD_SECURITY_STABILITY,
        Result.WITHHELD_THIRD_PARTY,
        Result.WITHHELD_INTERNAL_AFFAIRS,
        Result.WITHHELD_PROCESS_INFO,
        Result.WITHHELD_ENFORCEMENT_FILE,
    }
)


@dataclass(frozen=True)
class Notice:
    """One notice to the applicant, as it is printed: the templates render these fields only."""

    kind: str  # the EventKind of the event it comes from
    title: str
    number: str  # the application's number (受理编号)
    addressee: str
    paragraphs: tuple[str, ...]  # the body, in order; the legal basis is cited in it
    basis: str  # the provisions the notice rests on, as cited in the body
    remedies: str  # the applicant's remedies; "" where the notice is not open to them
    agency: str  # the issuing body
    dated: date | None

    @property
    def body(self) -> tuple[str, ...]:
        """The paragraphs as printed, the remedies last."""
        return (*self.paragraphs, self.remedies) if self.remedies else self.paragraphs

    @property
    def text(self) -> str:
        lines = [self.title, f"（{self.number}）", "", f"{self.addressee}："]
        lines += [f"　　{paragraph}" for paragraph in self.body]
        lines += ["", self.agency, chinese_date(self.dated) if self.dated else ""]
        return "\n".join(lines)


@dataclass(frozen=True)
class ReplyNotice:
    """A reply notice, field by field: what the services store in the reply's event."""

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

    def notice(self) -> Notice:
        paragraphs = [self.opening, self.statement, self.reasons]
        if self.basis:
            paragraphs.append(f"依据：{self.basis}。")
        return Notice(
            kind=EventKind.REPLY_SIGNED,
            title=self.title,
            number=self.number,
            addressee=self.applicant,
            paragraphs=tuple(p for p in paragraphs if p),
            basis=self.basis,
            remedies=self.remedies,
            agency=self.agency,
            dated=self.replied_on,
        )

    @property
    def text(self) -> str:
        return self.notice().text

    def as_dict(self) -> dict[str, str | None]:
        """JSON-ready: dates as YYYY-MM-DD, plus the text."""
        data = asdict(self)
        data["received_on"] = self.received_on.isoformat() if self.received_on else None
        data["replied_on"] = self.replied_on.isoformat()
        data["text"] = self.text
        return data

    @classmethod
    def from_record(cls, data: dict[str, Any]) -> ReplyNotice:
        """The reply as `as_dict` stored it in its event."""
        values: dict[str, Any] = {field.name: data.get(field.name, "") for field in fields(cls)}
        received = data.get("received_on")
        values["received_on"] = date.fromisoformat(received) if received else None
        values["replied_on"] = date.fromisoformat(str(data["replied_on"]))
        return cls(**values)


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def reconsideration_body(agency: Agency) -> str:
    """Where to apply for 行政复议 (《行政复议法》第二十四条): the people's government of the body's level
    for a department, the next government up for a government — both are the parent in the tree when
    the parent is a government. Otherwise the applicant is told to apply to the competent body."""
    parent = agency.parent
    if parent is not None and parent.kind == Agency.Kind.GOVERNMENT:
        return parent.name
    return "有管辖权的行政复议机关"


def remedies_text(agency: Agency, *, withheld: Withheld = "") -> str:
    """The remedies against a reply. `withheld` is "all" when the reply withholds the information under
    条例第十四条至第十六条, "part" when it withholds part of it: that (part) goes to 行政复议 first."""
    body = reconsideration_body(agency)
    # 《行政复议法》第二十条第一款: 60 days; 《行政诉讼法》第四十六条第一款: 6 months, and 第四十五条:
    # 15 days from the reconsideration decision.
    after_reconsideration = "对行政复议决定不服的，可以自收到行政复议决定书之日起15日内向人民法院提起行政诉讼"
    either = (
        f"如对本答复不服，可以自收到本答复书之日起60日内向{body}申请行政复议，"
        "或者自收到本答复书之日起6个月内向人民法院提起行政诉讼"
    )
    article = "《中华人民共和国行政复议法》第二十三条"
    if withheld == "all":
        return (
            f"如对本答复不服，可以自收到本答复书之日起60日内向{body}申请行政复议；{after_reconsideration}"
            f"（{article}：申请政府信息公开，行政机关不予公开的，应当先申请行政复议）。"
        )
    if withheld == "part":
        return f"{either}；但对其中不予公开的部分不服的，应当先申请行政复议（{article}），{after_reconsideration}。"
    return f"{either}。"


def _withheld(result: str, replied_on: date) -> Withheld:
    if replied_on < RECONSIDERATION_FIRST_IN_FORCE:
        return ""
    if result in WITHHELD_RESULTS:
        return "all"
    return "part" if result == Result.PARTIALLY_DISCLOSED else ""


def _you(application: Application) -> str:
    return "您" if application.applicant_type == ApplicantType.NATURAL_PERSON else "贵单位"


def _received(application: Application) -> str:
    """本机关于2025年3月3日收到您提出的政府信息公开申请"""
    when = f"于{chinese_date(application.received_on)}" if application.received_on else ""
    return f"本机关{when}收到{_you(application)}提出的政府信息公开申请"


def _under_2007(application: Application) -> bool:
    return application.received_on is not None and regime_for(application.received_on) is REGIME_2007


def reply_notice(application: Application, *, result: str, reasons: str, replied_on: date) -> ReplyNotice:
    """The reply notice for `application` deciding `result` (a `Result` value)."""
    decision = DECISIONS[Result(result)]
    if _under_2007(application):
        basis = f"{REGULATION_2007}的有关规定"
    elif decision.articles:
        basis = f"{REGULATION}{decision.articles}"
    else:
        basis = ""
    you = _you(application)
    agency = application.agency
    return ReplyNotice(
        title=f"{agency.name}政府信息公开申请答复书",
        number=application.number,
        agency=agency.name,
        applicant=application.applicant_name,
        received_on=application.received_on,
        description=application.description,
        # The request is quoted without its own closing stop: "…方案。”。" doubles it.
        opening=f"{_received(application)}，申请获取“{application.description.strip().rstrip('。.；;，,')}”。现答复如下：",
        result=str(result),
        decision=Result(result).label,
        basis=basis,
        statement=decision.statement.replace("您", you),
        reasons=reasons.strip(),
        remedies=remedies_text(agency, withheld=_withheld(str(result), replied_on)),
        replied_on=replied_on,
    )


def _notice(event: ApplicationEvent, *, title: str, paragraphs: list[str], basis: str) -> Notice:
    application = event.application
    return Notice(
        kind=event.kind,
        title=title,
        number=application.number,
        addressee=application.applicant_name,
        paragraphs=tuple(paragraphs),
        basis=basis,
        remedies="",
        agency=application.agency.name,
        dated=event.effective_on,
    )


def _sentence(text: str) -> str:
    """Staff's words, to be followed by the notice's own punctuation."""
    return str(text).strip().rstrip("。；;，,.")


def correction_notice(event: ApplicationEvent) -> Notice:
    """条例第三十条: the items to correct and the period, told once; the reply period runs from the day
    the corrected application arrives; no correction in time without good reason is 视为放弃申请."""
    application = event.application
    period = int(event.data.get("period_workdays", 0))
    items = [line.strip() for line in str(event.data.get("items", "")).splitlines() if line.strip()]
    you = _you(application)
    if _under_2007(application):
        # 2007年条例第二十一条第（四）项: 申请内容不明确的，应当告知申请人作出更改、补充.
        basis = f"{REGULATION_2007}第二十一条第（四）项"
        closing = []
    else:
        basis = f"{REGULATION}第三十条"
        closing = [
            "答复期限自本机关收到补正的申请之日起计算。"
            "无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。"
        ]
    paragraphs = [
        f"{_received(application)}。经审查，申请内容不明确。根据{basis}的规定，"
        f"请{you}自收到本告知书之日起{period}个工作日内，对以下事项作出补正：",
        *items,
        *closing,
    ]
    return _notice(event, title="补正申请告知书", paragraphs=paragraphs, basis=basis)


def extension_notice(event: ApplicationEvent) -> Notice:
    """条例第三十三条第二款: the extension, with the head's consent, by how many working days and to
    which date; the time a consulted party takes is not counted (第三十三条第三款)."""
    application = event.application
    workdays = int(event.data.get("workdays", 0))
    if _under_2007(application):
        regulation, article, consultation_article = REGULATION_2007, "第二十四条第二款", "第二十四条第三款"
    else:
        regulation, article, consultation_article = REGULATION, "第三十三条第二款", "第三十三条第三款"
    basis = f"{regulation}{article}"
    # The due date the extension gave, as the event recorded it (see services.events.record).
    due = event.after.get("due_date")
    until = ""
    if due:
        until = f"，延长后的答复期限至{chinese_date(date.fromisoformat(due))}"
        if event.after.get("due_date_provisional"):
            until += "（暂定：该期间的节假日调休安排尚未公布，按法定节假日计算）"
    paragraphs = [
        f"{_received(application)}。因{_sentence(event.data.get('reason', ''))}，本机关不能在规定期限内作出答复。",
        f"经本机关政府信息公开工作机构负责人同意，根据{basis}的规定，答复期限延长{workdays}个工作日{until}。",
    ]
    if event.after.get("status") == Status.CONSULTING:
        paragraphs.append(
            f"本机关正在征求第三方或者其他机关的意见，所需时间不计算在答复期限内（{regulation}{consultation_article}）；"
            "上述日期按征求意见期限届满计算，收到意见后据实重新计算。"
        )
    return _notice(event, title="延期答复告知书", paragraphs=paragraphs, basis=basis)


def fee_notice(event: ApplicationEvent) -> Notice:
    """条例第四十二条 and 国办函〔2020〕109号: the fee, how it was counted, the amount with any waiver, and
    the 20 working days from the day after the notice is received within which to pay; the time until
    payment is not counted in the reply period, and no payment in time is 视为放弃申请."""
    application = event.application
    data = event.data
    basis = f"{REGULATION}第四十二条和{FEE_MEASURES}"
    method = data.get("method", "")
    method_label = FeeMethod(method).label if method in FeeMethod.values else ""
    you = _you(application)
    amount = f"收费金额：{data.get('amount')}元"
    if data.get("waiver"):
        amount += f"（按收费标准应收{data.get('proposed')}元，减免{data.get('waiver')}元）"
    paragraphs = [
        f"{_received(application)}。{you}申请公开政府信息的数量、频次明显超过合理范围，"
        f"根据{basis}的规定，本机关决定收取信息处理费。",
        f"计收方式：{method_label}。{data.get('explanation', '')}".rstrip(),
        f"{amount}。",
        f"请{you}自收到本通知书次日起{FEE_PAYMENT_WORKDAYS}个工作日内缴纳。自本机关发出收费通知至缴费之日，"
        "不计算在答复期限内；逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。",
    ]
    return _notice(event, title="信息处理费收费通知书", paragraphs=paragraphs, basis=basis)


def notice_for_event(event: ApplicationEvent) -> Notice:
    """The notice `event` sent to the applicant (or, for a reply draft, the reply it would send)."""
    if event.kind in (EventKind.REPLY_SIGNED, EventKind.REPLY_DRAFTED):
        return replace(ReplyNotice.from_record(event.data["notice"]).notice(), kind=event.kind)
    if event.kind == EventKind.CORRECTION_REQUESTED:
        return correction_notice(event)
    if event.kind == EventKind.EXTENDED:
        return extension_notice(event)
    if event.kind == EventKind.FEE_NOTIFIED:
        return fee_notice(event)
    raise ValueError(f"event {event.pk} ({event.kind}) is not a notice to the applicant")
