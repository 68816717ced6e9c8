"""Changes of a body's catalog (公开目录) and guide (公开指南), by its staff or head; each one logged."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import require_act, require_role
from gongkai.core.audit import audit_record
from gongkai.publications import indexing
from gongkai.publications.models import Category, Guide, Publication

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    Actor = User | AnonymousUser

GUIDE_FIELDS = (
    "office",
    "address",
    "postcode",
    "hours",
    "phone",
    "fax",
    "email",
    "how_to_apply",
    "fees",
    "remedies",
    "other",
)


def _name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": "目录名称不能为空。"})
    if len(name) > 100:
        raise ValidationError({"name": "目录名称不能超过 100 个字。"})
    return name


@transaction.atomic
def category_add(*, actor: Actor, agency: Agency, name: str, parent: Category | None = None) -> Category:
    require_role(actor, agency, require_act, action="category_add")
    name = _name(name)
    if parent is not None and parent.agency_id != agency.pk:
        raise ValidationError({"parent": "上级目录不属于本机关。"})
    if Category.objects.filter(agency=agency, parent=parent, name=name).exists():
        raise ValidationError({"name": f"同一级下已有名为“{name}”的目录。"})
    category = Category.objects.create(
        agency=agency,
        parent=parent,
        name=name,
        item=parent.item if parent else None,
        position=Category.objects.filter(agency=agency, parent=parent).count(),
    )
    category.path = f"{parent.path if parent else '/'}{category.pk}/"
    category.save(update_fields=["path"])
    audit_record(
        action="category_add", actor=actor, agency=agency, obj=category, message=f"新增公开目录“{name}”"
    )
    return category


@transaction.atomic
def category_rename(*, actor: Actor, category: Category, name: str) -> Category:
    require_role(actor, category.agency, require_act, action="category_rename")
    name = _name(name)
    if (
        Category.objects.filter(agency=category.agency, parent=category.parent, name=name)
        .exclude(pk=category.pk)
        .exists()
    ):
        raise ValidationError({"name": f"同一级下已有名为“{name}”的目录。"})
    old, category.name = category.name, name
    category.save(update_fields=["name"])
    audit_record(
        action="category_rename",
        actor=actor,
        agency=category.agency,
        obj=category,
        message=f"公开目录“{old}”改名为“{name}”",
    )
    return category


@transaction.atomic
def category_move(
    *, actor: Actor, category: Category, parent: Category | None, position: int | None = None
) -> Category:
    """Move a category (with its sub-categories) under another one, or to the top; its items follow it in
    the search's category filter (they are indexed again)."""
    agency = category.agency
    require_role(actor, agency, require_act, action="category_move")
    if parent is not None and (parent.agency_id != agency.pk or parent.path.startswith(category.path)):
        raise ValidationError({"parent": "不能移到本目录自身或其下级目录之下。"})
    if (
        Category.objects.filter(agency=agency, parent=parent, name=category.name)
        .exclude(pk=category.pk)
        .exists()
    ):
        raise ValidationError({"parent": f"目标位置已有名为“{category.name}”的目录。"})
    old_path = category.path
    category.parent = parent
    category.path = f"{parent.path if parent else '/'}{category.pk}/"
    if position is not None:
        category.position = position
    category.save()
    for below in Category.objects.filter(agency=agency, path__startswith=old_path).exclude(pk=category.pk):
        below.path = category.path + below.path[len(old_path) :]
        below.save(update_fields=["path"])
    indexing.reindex(
        Publication.objects.filter(category__path__startswith=category.path).select_related(
            "agency", "category"
        )
    )
    audit_record(
        action="category_move",
        actor=actor,
        agency=agency,
        obj=category,
        message=f"移动公开目录“{category.name}”",
    )
    return category


@transaction.atomic
def category_delete(*, actor: Actor, category: Category) -> None:
    """Remove an empty category (no items and no sub-categories)."""
    require_role(actor, category.agency, require_act, action="category_delete")
    if category.children.exists() or category.publications.exists():
        raise ValidationError("目录下还有下级目录或信息，不能删除；请先移走。")
    audit_record(
        action="category_delete",
        actor=actor,
        agency=category.agency,
        obj=category,
        message=f"删除公开目录“{category.name}”",
    )
    category.delete()


@transaction.atomic
def guide_update(*, actor: Actor, agency: Agency, **values: Any) -> Guide:
    require_role(actor, agency, require_act, action="guide_update")
    unknown = set(values) - set(GUIDE_FIELDS)
    if unknown:
        raise ValidationError(f"未知的字段：{'、'.join(sorted(unknown))}")
    guide, _ = Guide.objects.get_or_create(agency=agency)
    before = {f: getattr(guide, f) for f in GUIDE_FIELDS}
    for field, value in values.items():
        setattr(guide, field, (value or "").strip())
    guide.updated_by = actor if actor.is_authenticated else None
    guide.full_clean(exclude=["agency", "updated_by"])
    guide.save()
    changed = [f for f in GUIDE_FIELDS if before[f] != getattr(guide, f)]
    audit_record(
        action="guide_update",
        actor=actor,
        agency=agency,
        obj=guide,
        message="修改公开指南",
        detail={"fields": changed},
    )
    return guide
