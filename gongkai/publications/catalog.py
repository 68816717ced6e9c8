"""The catalog (公开目录): the standard tree every body starts with, and reading a body's tree.

The standard tree covers the fifteen items of 条例第二十条, in the order of the article, with the usual
sub-categories of government sites; a body renames, adds, moves or removes categories afterwards
(`services.category_*`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, Q

from gongkai.agencies.models import Agency
from gongkai.publications.models import Category, Publication, Status

# (name, 第二十条 item, children)
STANDARD_TREE: list[tuple[str, int | None, list[tuple[str, int | None]]]] = [
    ("政策文件", 1, [("规章", 1), ("行政规范性文件", 1), ("其他文件", 1)]),
    ("政策解读", None, []),
    ("机构概况", 2, [("机构职能", 2), ("机构设置", 2), ("领导信息", 2), ("办公地址和联系方式", 2)]),
    ("规划信息", 3, []),
    ("统计信息", 4, []),
    ("行政许可和其他对外管理服务事项", 5, []),
    ("行政处罚和行政强制", 6, []),
    ("财政预决算", 7, []),
    ("行政事业性收费", 8, []),
    ("政府集中采购", 9, []),
    ("重大建设项目", 10, []),
    (
        "民生政策和实施情况",
        11,
        [("扶贫", 11), ("教育", 11), ("医疗", 11), ("社会保障", 11), ("促进就业", 11)],
    ),
    ("突发公共事件应对", 12, []),
    ("监督检查", 13, []),
    ("公务员招考", 14, []),
    ("其他主动公开信息", 15, []),
]


def seed_standard_catalog(agency: Agency) -> None:
    """Give a body without a catalog the standard tree (a few queries: one insert per level)."""
    if Category.objects.filter(agency=agency).exists():
        return
    tops = Category.objects.bulk_create(
        [
            Category(agency=agency, name=name, item=item, position=i)
            for i, (name, item, _) in enumerate(STANDARD_TREE)
        ]
    )
    for top in tops:
        top.path = f"/{top.pk}/"
    Category.objects.bulk_update(tops, ["path"])
    children = Category.objects.bulk_create(
        [
            Category(agency=agency, parent=top, name=name, item=item, position=j)
            for top, (_, _, kids) in zip(tops, STANDARD_TREE, strict=True)
            for j, (name, item) in enumerate(kids)
        ]
    )
    for child in children:
        parent = next(t for t in tops if t.pk == child.parent_id)
        child.path = f"{parent.path}{child.pk}/"
    Category.objects.bulk_update(children, ["path"])


@dataclass
class CatalogNode:
    category: Category
    own: int = 0  # published items filed directly here
    total: int = 0  # with those of the sub-categories
    children: list[CatalogNode] = field(default_factory=list)

    @property
    def depth(self) -> int:
        return self.category.depth


def catalog_tree(agency: Agency, *, public_only: bool = True) -> list[CatalogNode]:
    """The body's catalog as a tree, each node with its count of published items (its own and with its
    sub-categories), in the body's order."""
    categories = list(Category.objects.filter(agency=agency).order_by("position", "id"))
    counts = published_counts(agency) if public_only else _counts(agency, public_only=False)
    nodes = {c.pk: CatalogNode(c, own=counts.get(c.pk, 0)) for c in categories}
    roots: list[CatalogNode] = []
    for c in categories:
        node = nodes[c.pk]
        parent = nodes.get(c.parent_id) if c.parent_id else None
        (parent.children if parent else roots).append(node)

    def total(node: CatalogNode) -> int:
        node.total = node.own + sum(total(child) for child in node.children)
        return node.total

    for root in roots:
        total(root)
    return roots


COUNTS_KEY = "publications:catalog-counts:{}"
COUNTS_SECONDS = 300


def _counts(agency: Agency, *, public_only: bool) -> dict[int, int]:
    items = Publication.objects.filter(agency=agency, category__isnull=False)
    if public_only:
        items = items.filter(status=Status.PUBLISHED)
    return dict(items.values("category").annotate(n=Count("id")).values_list("category", "n"))


def published_counts(agency: Agency) -> dict[int, int]:
    """Published items per category of the body: counted once and kept for a few minutes (a body with
    a million items would otherwise be counted on every page of its column); a publication forgets them."""
    key = COUNTS_KEY.format(agency.pk)
    counts: dict[int, int] | None = cache.get(key)
    if counts is None:
        counts = _counts(agency, public_only=True)
        cache.set(key, counts, COUNTS_SECONDS)
    return counts


def forget_counts(agency_ids: Iterable[int]) -> None:
    cache.delete_many([COUNTS_KEY.format(pk) for pk in set(agency_ids)])


def flatten(nodes: list[CatalogNode]) -> list[CatalogNode]:
    """The tree in reading order (parents before their children)."""
    out: list[CatalogNode] = []
    for node in nodes:
        out.append(node)
        out.extend(flatten(node.children))
    return out


def category_choices(agency: Agency) -> list[tuple[int, str]]:
    """(id, indented name) of every category of the body, in tree order, for forms."""
    return [
        (n.category.pk, "　" * n.depth + n.category.name)
        for n in flatten(catalog_tree(agency, public_only=False))
    ]


def subtree_filter(category: Category) -> Q:
    """Items filed in this category or below it."""
    return Q(category__path__startswith=category.path)
