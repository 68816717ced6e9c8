"""Checking and applying an item's metadata (staff's form, the import, the API use the same rules).

A rejected value raises a ValidationError naming the field, in Chinese; nothing is applied then."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError

from gongkai.publications.models import (
    ARTICLE_20_ITEMS,
    INTERPRETATION_KINDS,
    NORMATIVE_KINDS,
    Category,
    Channel,
    Genre,
    Kind,
    Publication,
    Status,
    Topic,
    Validity,
)
from gongkai.publications.sanitize import MAX_BODY, sanitize_body

EDITABLE_FIELDS = (
    "title", "issuer", "doc_number", "made_on", "changed_on", "category", "topic", "genre", "kind", "item",
    "body", "channels", "validity", "effective_on", "validity_changed_on", "successor", "interprets",
)  # fmt: skip
MAX_LENGTHS = {"title": 300, "issuer": 200, "doc_number": 100}


def _date(value: object, label: str, errors: dict[str, str], field: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        errors[field] = f"{label}应为日期（YYYY-MM-DD）：{value}"
        return None


def apply(publication: Publication, values: dict[str, Any], *, today: date) -> None:
    """Check `values` (any of EDITABLE_FIELDS) against the item and apply them all, or raise."""
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(f"未知的字段：{'、'.join(sorted(unknown))}")
    errors: dict[str, str] = {}
    new: dict[str, Any] = {}
    _check_texts(publication, values, new, errors)
    _check_dates(publication, values, new, errors, today=today)
    _check_choices(values, new, errors)
    if "category" in values:
        new["category"] = _category(publication, values["category"], errors)
    _check_item_body_channels(values, new, errors)
    if "interprets" in values:
        new["interprets"] = _interprets(
            publication, values["interprets"], new.get("kind", publication.kind), errors
        )
    if errors:
        raise ValidationError(errors)
    moved = "category" in new and getattr(new["category"], "pk", None) != publication.category_id
    for name, value in new.items():
        setattr(publication, name, value)
    # The 第二十条 item follows the category unless given: a draft moved to another category kept the item
    # of its first one.
    if "item" not in values and (moved or publication.item is None):
        publication.item = publication.category.item if publication.category is not None else None
    if not publication.channels:
        publication.channels = [Channel.WEBSITE]
    _apply_validity_of_kind(publication, values, new, today=today)
    if publication.kind not in INTERPRETATION_KINDS:
        publication.interprets = None


def _check_texts(
    publication: Publication, values: dict[str, Any], new: dict[str, Any], errors: dict[str, str]
) -> None:
    for name, limit in MAX_LENGTHS.items():
        if name in values:
            value = " ".join(str(values[name] or "").split())
            if len(value) > limit:
                errors[name] = f"不能超过 {limit} 个字"
            new[name] = value
    if "title" in new and not new["title"]:
        errors["title"] = "标题不能为空"
    if publication.pk is None and not values.get("title"):
        errors["title"] = "标题不能为空"


def _check_dates(
    publication: Publication,
    values: dict[str, Any],
    new: dict[str, Any],
    errors: dict[str, str],
    *,
    today: date,
) -> None:
    for name, label in (
        ("made_on", "成文日期"),
        ("changed_on", "变更日期"),
        ("effective_on", "施行日期"),
        ("validity_changed_on", "失效或废止日期"),
    ):
        if name in values:
            new[name] = _date(values[name], label, errors, name)
    for name, label in (("made_on", "成文日期"), ("changed_on", "变更日期")):
        if new.get(name) and new[name] > today:
            errors[name] = f"{label}不能晚于今天"
    made = new.get("made_on", publication.made_on)
    changed = new.get("changed_on", publication.changed_on)
    if made and changed and changed < made:
        errors["changed_on"] = "变更日期不能早于成文日期"


def _check_choices(values: dict[str, Any], new: dict[str, Any], errors: dict[str, str]) -> None:
    for name, choices, label in (
        ("topic", Topic, "主题分类"),
        ("genre", Genre, "体裁"),
        ("kind", Kind, "信息类型"),
    ):
        if name in values:
            if values[name] not in choices.values:
                errors[name] = f"未知的{label}：{values[name]}"
            new[name] = values[name]


def _check_item_body_channels(values: dict[str, Any], new: dict[str, Any], errors: dict[str, str]) -> None:
    if "item" in values:
        item = values["item"]
        if item in (None, ""):
            new["item"] = None
        elif str(item).isdigit() and int(str(item)) in ARTICLE_20_ITEMS:
            new["item"] = int(str(item))
        else:
            errors["item"] = "第二十条事项应为 1–15"
    if "body" in values:
        raw = str(values["body"] or "")
        if len(raw) > MAX_BODY:
            errors["body"] = f"正文过长（超过 {MAX_BODY} 个字符）"
        else:
            new["body"] = sanitize_body(raw)
    if "channels" in values:
        channels = list(dict.fromkeys(values["channels"] or []))
        bad = [c for c in channels if c not in Channel.values]
        if bad:
            errors["channels"] = f"未知的发布渠道：{'、'.join(map(str, bad))}"
        new["channels"] = channels


def _apply_validity_of_kind(
    publication: Publication, values: dict[str, Any], new: dict[str, Any], *, today: date
) -> None:
    """A normative document has a validity (有效 unless given otherwise); any other item has none."""
    if publication.kind in NORMATIVE_KINDS:
        if "validity" in values or "validity_changed_on" in values or "successor" in values:
            apply_validity(
                publication,
                values.get("validity") or publication.validity or Validity.IN_FORCE,
                new.get("validity_changed_on", publication.validity_changed_on),
                values.get("successor", publication.successor),
                today=today,
            )
        elif not publication.validity:
            publication.validity = Validity.IN_FORCE
    else:
        publication.validity, publication.validity_changed_on, publication.successor = "", None, None


def _category(publication: Publication, value: object, errors: dict[str, str]) -> Category | None:
    if value in (None, ""):
        return None
    pk = str(value.pk if isinstance(value, Category) else value)
    category = (
        Category.objects.filter(agency_id=publication.agency_id, pk=int(pk)).first() if pk.isdigit() else None
    )
    if category is None:
        errors["category"] = "公开目录不属于本机关"
    return category


def _interprets(
    publication: Publication, value: object, kind: str, errors: dict[str, str]
) -> Publication | None:
    if value in (None, ""):
        return None
    if kind not in INTERPRETATION_KINDS:
        errors["interprets"] = "只有政策解读或图解才能关联被解读的文件"
        return None
    pk = str(value.pk if isinstance(value, Publication) else value)
    target = Publication.objects.filter(pk=int(pk)).first() if pk.isdigit() else None
    if target is None or target.pk == publication.pk:
        errors["interprets"] = "被解读的文件不存在"
        return None
    if target.agency_id != publication.agency_id and target.status != Status.PUBLISHED:
        errors["interprets"] = "只能解读本机关的文件或已公开的文件"
        return None
    return target


def apply_validity(
    publication: Publication,
    validity: str,
    changed_on: date | None,
    successor: Publication | None,
    *,
    today: date,
) -> None:
    """有效, or 失效/废止 with the date it took effect and, optionally, the document that replaces it."""
    if publication.kind not in NORMATIVE_KINDS:
        raise ValidationError({"validity": "只有规章和行政规范性文件有有效性"})
    if validity not in Validity.values:
        raise ValidationError({"validity": f"未知的有效性：{validity}"})
    if validity == Validity.IN_FORCE:
        publication.validity, publication.validity_changed_on, publication.successor = validity, None, None
        return
    if changed_on is None:
        raise ValidationError({"validity_changed_on": "请填写失效或废止的日期"})
    if changed_on > today:
        raise ValidationError({"validity_changed_on": "失效或废止日期不能晚于今天"})
    if publication.made_on and changed_on < publication.made_on:
        raise ValidationError({"validity_changed_on": "失效或废止日期不能早于成文日期"})
    if successor is not None and (successor.pk == publication.pk or successor.kind not in NORMATIVE_KINDS):
        raise ValidationError({"successor": "替代文件应为另一件规章或行政规范性文件"})
    publication.validity, publication.validity_changed_on, publication.successor = (
        validity,
        changed_on,
        successor,
    )


def check_publication_date(published_on: date, publication: Publication, *, today: date) -> date:
    if published_on > today:
        raise ValidationError({"published_on": "发布日期不能晚于今天"})
    if publication.made_on and published_on < publication.made_on:
        raise ValidationError({"published_on": "发布日期不能早于成文日期"})
    return published_on
