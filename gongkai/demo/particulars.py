"""The demo's applicants and what they ask for: fictional people and companies of 象山县, with well-formed
identity numbers, asking a natural resources and planning bureau for what such a bureau is asked for."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

SURNAMES = "王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗"
GIVEN = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "涛",
    "明",
    "超",
    "秀英",
    "海燕",
    "建华",
    "志强",
]
STREETS = [
    "丹东街道天安路",
    "丹西街道靖南大街",
    "石浦镇金山路",
    "西周镇凤凰路",
    "爵溪街道振兴路",
    "大徐镇大徐村",
]
COMPANIES = [
    ("commercial_enterprise", "象山海韵水产有限公司", "91330225MA2H4K7L3Y"),
    ("commercial_enterprise", "宁波港城房地产开发有限公司", "91330200MA2CJ8TQ5X"),
    ("legal_service_org", "浙江甬象律师事务所", "31330000MD0241776G"),
    ("research_institution", "宁波海洋经济研究院", "12330200MB1H00936K"),
]
# What people ask a natural resources and planning bureau for.
REQUESTS = [
    "{village}集体土地征收的批准文件及征地补偿安置方案",
    "{village}地块国有建设用地使用权出让合同及附件",
    "{year}年度象山县土地利用年度计划",
    "{village}农房建设用地审批的批准文件",
    "象山县国土空间总体规划（2021—2035年）批准文件",
    "{village}一带海域使用权审批情况",
    "{village}宅基地确权登记的公示材料",
    "石浦渔港古城保护规划的批复文件",
    "{village}违法用地行政处罚决定书",
    "{year}年度矿产资源开采许可审批结果",
]
VILLAGES = [
    "丹城村",
    "东门村",
    "番西村",
    "昌国村",
    "墙头村",
    "新桥村",
    "涂茨村",
    "高塘村",
    "鹤浦村",
    "晓塘村",
]


def resident_id(rng: random.Random) -> str:
    """A well-formed 居民身份证号码 (GB 11643) of 象山县, born 1955–2000, with its check character."""
    born = date(1955, 1, 1) + timedelta(days=rng.randrange(45 * 365))
    body = f"330225{born:%Y%m%d}{rng.randrange(1000):03d}"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    check = "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11]
    return body + check


def particulars(rng: random.Random, year: int, *, company: bool = False) -> dict[str, Any]:
    """One applicant's particulars and request (`year`: the year a request may name)."""
    village = rng.choice(VILLAGES)
    description = rng.choice(REQUESTS).format(village=village, year=year)
    delivery = rng.choice(["post", "pickup", "online", "on_site"])
    form = "paper" if delivery in ("post", "pickup") else rng.choice(["paper", "electronic"])
    address = f"浙江省宁波市象山县{rng.choice(STREETS)}{rng.randrange(1, 300)}号"
    if company:
        kind, name, code = rng.choice(COMPANIES)
        return {
            "applicant_type": kind,
            "applicant_name": name,
            "applicant_id_type": "credit_code",
            "applicant_id_number": code,
            "contact_person": rng.choice(SURNAMES) + rng.choice(GIVEN),
            "phone": f"0574-65{rng.randrange(100000, 999999)}",
            "address": address,
            "postcode": "315700",
            "description": description,
            "requested_form": form,
            "delivery_method": delivery,
        }
    return {
        "applicant_type": "natural_person",
        "applicant_name": rng.choice(SURNAMES) + rng.choice(GIVEN),
        "applicant_id_type": "resident_id",
        "applicant_id_number": resident_id(rng),
        "phone": f"13{rng.randrange(5, 10)}{rng.randrange(10_000_000, 99_999_999)}",
        "address": address,
        "postcode": "315700",
        "description": description,
        "requested_form": form,
        "delivery_method": delivery,
    }
