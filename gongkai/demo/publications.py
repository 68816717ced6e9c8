"""Demo items of proactive disclosure for `gongkai demo`: a body's guide, a hundred published items across
its catalog (normative documents with their validity, an interpretation linked to its document, one
replaced by a successor), items waiting at each step of the review, one of them flagged by the guard, and
the register of normative documents marked complete from 2021."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date, timedelta
from pathlib import Path

from django.contrib.auth.models import User

from gongkai.agencies.models import Agency
from gongkai.publications import catalog_services, services
from gongkai.publications.importer import Importer
from gongkai.publications.models import Category, Kind, Publication, Validity
from gongkai.publications.register import normative_register_set
from gongkai.publications.samples import samples

GUIDE = {
    "office": "象山县自然资源和规划局办公室",
    "address": "象山县丹东街道天安路999号",
    "postcode": "315700",
    "hours": "工作日 上午 8:30–12:00，下午 14:00–17:30（法定节假日除外）",
    "phone": "0574-65710000",
    "email": "xxgk@demo.example.cn",
}


def _category(agency: Agency, name: str) -> Category:
    return Category.objects.get(agency=agency, name=name)


def load_demo_publications(agency: Agency, staff: User, reviewer: User, head: User, today: date) -> None:
    catalog_services.guide_update(actor=staff, agency=agency, **GUIDE)
    importer = Importer(agency, Path("."), today)
    rows = []
    for number, sample in enumerate(
        samples(100, seed=9, first=today - timedelta(days=4 * 365), last=today - timedelta(days=3)), start=1
    ):
        line = {k: v for k, v in asdict(sample).items() if v}
        line["published"], line["made"] = sample.published.isoformat(), sample.made.isoformat()
        if sample.validity and sample.validity != "in_force":
            line["validity_changed"] = sample.published.isoformat()
        rows.append(importer.check(number, json.dumps(line, ensure_ascii=False)))
    importer.save(rows)

    def publish(**values: object) -> Publication:
        item = services.publication_create(actor=staff, agency=agency, **values)
        services.publication_submit(actor=staff, publication=item)
        services.publication_review(actor=reviewer, publication=item)
        made = item.made_on or today
        return services.publication_approve(
            actor=head, publication=item, published_on=min(made + timedelta(days=6), today)
        )

    # Years in titles and document numbers follow the dates, so the demo reads right on any day.
    old_made, new_made = today - timedelta(days=900), today - timedelta(days=10)
    old_number = f"象自然资规〔{old_made.year}〕3号"
    new_title = f"象山县国有建设用地使用权出让管理办法（{new_made.year}年修订）"
    old = publish(
        title="象山县国有建设用地使用权出让管理办法",
        doc_number=old_number,
        made_on=old_made,
        effective_on=today - timedelta(days=870),
        category=_category(agency, "行政规范性文件"),
        kind=Kind.NORMATIVE,
        genre="measures",
        body="第一条 为规范国有建设用地使用权出让行为，根据有关法律法规，制定本办法。\n第二条 本办法适用于本县行政区域内国有建设用地使用权的出让。",
    )
    new = publish(
        title=new_title,
        doc_number=f"象自然资规〔{new_made.year}〕1号",
        made_on=new_made,
        effective_on=today - timedelta(days=4),
        category=_category(agency, "行政规范性文件"),
        kind=Kind.NORMATIVE,
        genre="measures",
        body="第一条 为进一步规范国有建设用地使用权出让行为，制定本办法。\n"
        f"第二条 原《象山县国有建设用地使用权出让管理办法》（{old_number}）同时废止。",
    )
    services.publication_set_validity(
        actor=staff,
        publication=old,
        validity=Validity.REPEALED,
        changed_on=today - timedelta(days=10),
        successor=new,
    )
    publish(
        title=f"《{new_title}》政策解读",
        made_on=today - timedelta(days=9),
        category=_category(agency, "政策解读"),
        kind=Kind.INTERPRETATION,
        genre="interpretation",
        interprets=new,
        body="一、修订背景\n二、主要内容：明确出让方案的编制和公示要求。\n三、施行时间：自发布之日起施行。",
    )
    waiting = services.publication_create(
        actor=staff,
        agency=agency,
        title=f"关于{today.year - 1}年度不动产登记代理机构检查情况的通报",
        made_on=today - timedelta(days=2),
        category=_category(agency, "监督检查"),
        body="经检查，某代理机构存在违规行为。联系人：李四，手机 13912345678。",
    )
    services.publication_submit(actor=staff, publication=waiting)
    services.publication_create(
        actor=staff,
        agency=agency,
        title=f"象山县{today.year}年度地质灾害防治方案（草稿）",
        made_on=today - timedelta(days=1),
        category=_category(agency, "突发公共事件应对"),
        body="为做好本县地质灾害防治工作，制定本方案。",
    )
    normative_register_set(agency=agency, complete_from=2021, actor=head)
