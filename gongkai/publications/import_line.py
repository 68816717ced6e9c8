"""One line of a `gongkai publications import` file checked without the database: the item's fields,
its attachments read and their text extracted, its texts made ready for the index, the guard's findings
in them. A large import does this in a second process (`importer`); a bad line is a `LineError` with its
number and reason, and nothing of it is saved."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError

from gongkai.publications import attachments as files
from gongkai.publications import guard
from gongkai.publications.models import NORMATIVE_KINDS, Genre, Kind, Validity
from gongkai.publications.sanitize import body_text, looks_like_html, sanitize_body
from gongkai.search import index

KINDS, GENRES, VALIDITIES = frozenset(Kind.values), frozenset(Genre.values), frozenset(Validity.values)
VALIDITY_NAMES = {
    "有效": Validity.IN_FORCE,
    "现行有效": Validity.IN_FORCE,
    "失效": Validity.EXPIRED,
    "废止": Validity.REPEALED,
}
KIND_NAMES = {label: value for value, label in Kind.choices}
_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")  # a JSON escape that may decode to half a surrogate pair
GENRE_NAMES = {label: value for value, label in Genre.choices}
# Controls that are no whitespace (`_text` folds whitespace, \x1c–\x1f included): no title, issuer or number
# holds one, and an XML feed or a PostgreSQL text (NUL) cannot.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")
# Nothing a body of the People's Republic publishes predates it: an earlier date is an old site's
# placeholder (1900-01-01) or a typo, and the search's year filter starts at 1949.
EARLIEST_PUBLISHED = date(1949, 10, 1)
# The json module's reasons (its `msg` up to " at" or " starting"), in Chinese.
JSON_ERRORS = {
    "Expecting value": "此处缺少值",
    "Expecting property name enclosed in double quotes": "名称应以英文双引号括起",
    "Expecting ':' delimiter": "名称后缺少冒号",
    "Expecting ',' delimiter": "缺少逗号",
    "Extra data": "一个对象之后还有多余的内容",
    "Unterminated string": "文字缺少结尾的双引号",
    "Invalid control character": "文字中含有未转义的控制字符（如制表符，应写作 \\t）",
    "Invalid \\escape": "无效的转义符",
    "Invalid \\uXXXX escape": "无效的 \\u 转义",
    "Illegal trailing comma before end of object": "对象末尾多了逗号",
    "Illegal trailing comma before end of array": "列表末尾多了逗号",
}


@dataclass
class LineError:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"第 {self.line} 行：{self.reason}"


@dataclass
class Parsed:
    """A line checked as far as it can be without the database (in the reading process of a large import):
    everything but its category, its texts made ready for the index, the guard's findings in them."""

    line: int
    values: dict[str, Any]  # the item's own columns
    category: object  # as the line gives it
    plain_body: str
    attachments: list[files.CheckedFile]
    text: index.Prepared
    # (source, label, match); an attachment's source is its position (ATTACHMENT_AT) until it has an id
    matches: list[tuple[str, str, guard.Match]]


ATTACHMENT_AT = "attachment#"


def parse(number: int, raw: str, base: Path, today: date, vendor: str) -> Parsed:
    """Check one line without the database (the category is the importer's); ValidationError if it is bad."""
    try:
        data = json.loads(raw, object_pairs_hook=_object)
    except json.JSONDecodeError as error:
        reason = JSON_ERRORS.get(error.msg.split(" at")[0].split(" starting")[0], "格式错误")
        raise ValidationError(f"不是有效的 JSON（{reason}，第 {error.colno} 列）") from None
    _check_shape(raw, data)
    title = _text(data, "title", 300)
    if not title:
        raise ValidationError("缺少标题（title）")
    published = _date(data, "published", required=True)
    assert published is not None
    if published > today:
        raise ValidationError(f"发布日期 {published} 晚于今天")
    if published < EARLIEST_PUBLISHED:
        raise ValidationError(f"发布日期 {published} 早于 {EARLIEST_PUBLISHED}")
    made = _date(data, "made")
    if made and made > published:
        raise ValidationError(f"成文日期 {made} 晚于发布日期 {published}")
    body = data.get("body") or ""
    if not isinstance(body, str):
        raise ValidationError("正文（body）应为文字")
    kind = _kind(data)
    validity, changed = _validity(data, kind, made or published, today)
    if validity and kind not in NORMATIVE_KINDS:
        kind = Kind.NORMATIVE
    genre = data.get("genre") or Genre.OTHER
    genre = GENRE_NAMES.get(genre, genre)
    if genre not in GENRES:
        raise ValidationError(f"未知的体裁：{data.get('genre')}")
    category = data.get("category")
    if category not in (None, "") and not isinstance(category, str):
        raise ValidationError("目录（category）应为名称或“上级/下级”形式的路径")
    issuer, doc_number = _text(data, "issuer", 200), _text(data, "doc_number", 100)
    checked = _attachments(data.get("attachments"), base)
    sanitized = sanitize_body(body)
    plain = body_text(sanitized) if looks_like_html(body) else body
    fields = [("title", "标题", title), ("doc_number", "文号", doc_number), ("body", "正文", plain)]
    fields += [(f"{ATTACHMENT_AT}{i}", f"附件“{c.name}”", c.text) for i, c in enumerate(checked)]
    return Parsed(
        line=number,
        values={
            "title": title, "issuer": issuer, "doc_number": doc_number, "made": made, "published": published,
            "genre": genre, "kind": kind, "body": sanitized, "validity": validity, "changed": changed,
        },
        category=category,
        plain_body=plain,
        attachments=checked,
        text=index.prepare(title, doc_number, plain, [c.text for c in checked], vendor),
        matches=list(guard.scan_fields(fields)),
    )  # fmt: skip


def parse_batch(
    lines: list[tuple[int, str | None, str]], base: Path, today: date, vendor: str
) -> list[Parsed | LineError]:
    """`parse` for each line read (text None: unreadable, with its error)."""
    out: list[Parsed | LineError] = []
    for number, raw, error in lines:
        if raw is None:
            out.append(LineError(number, error))
            continue
        try:
            out.append(parse(number, raw, base, today, vendor))
        except ValidationError as invalid:
            out.append(LineError(number, "；".join(invalid.messages)))
        except (TypeError, ValueError, OSError) as error:  # a value of a kind no check foresaw: the line only
            out.append(LineError(number, f"该行无法处理（{type(error).__name__}）"))
    return out


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object of the line; a name given twice makes the line ambiguous (json keeps the last)."""
    data = dict(pairs)
    if len(data) < len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValidationError(f"“{key}”出现了不止一次")
            seen.add(key)
    return data


def _check_shape(raw: str, data: object) -> None:
    """A JSON object whose names take text where they take text, and whose texts a database can store."""
    if not isinstance(data, dict):
        raise ValidationError("每行应为一个 JSON 对象")
    if _SURROGATE.search(raw) and _has_string(data, _lone_surrogate):
        raise ValidationError("含有无效的字符（JSON 中孤立的 \\ud800–\\udfff 转义），无法保存")
    # A NUL can only be written as an escape (json refuses it raw); PostgreSQL cannot store one.
    if "\\u0000" in raw and _has_string(data, lambda text: "\x00" in text):
        raise ValidationError("含有空字符（\\u0000），无法保存")
    for key in ("kind", "genre", "validity"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise ValidationError(f"{key} 应为文字")


def _lone_surrogate(text: str) -> bool:
    """Whether the text holds half a surrogate pair (which no database can store)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _has_string(value: object, test: Callable[[str], bool]) -> bool:
    """Whether a string in the decoded line (a name or a value, at any depth) passes the test."""
    if isinstance(value, str):
        return test(value)
    if isinstance(value, dict):
        return any(_has_string(k, test) or _has_string(v, test) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_string(v, test) for v in value)
    return False


def _kind(data: dict[str, Any]) -> str:
    kind = data.get("kind") or Kind.DOCUMENT
    kind = KIND_NAMES.get(kind, kind)
    if kind not in KINDS:
        raise ValidationError(f"未知的信息类型：{data.get('kind')}")
    return str(kind)


def _validity(data: dict[str, Any], kind: str, earliest: date, today: date) -> tuple[str, date | None]:
    raw = data.get("validity")
    if raw in (None, ""):
        return (Validity.IN_FORCE if kind in NORMATIVE_KINDS else ""), None
    validity = VALIDITY_NAMES.get(raw, raw)
    if validity not in VALIDITIES:
        raise ValidationError(f"有效性应为 有效、失效 或 废止：{raw}")
    changed = _date(data, "validity_changed")
    if validity == Validity.IN_FORCE:
        return validity, None
    if changed and changed > today:
        raise ValidationError(f"失效或废止日期 {changed} 晚于今天")
    if changed and changed < earliest:
        raise ValidationError(f"失效或废止日期 {changed} 早于成文日期")
    return validity, changed


def _attachments(value: object, base: Path) -> list[files.CheckedFile]:
    if value in (None, "", []):
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValidationError("附件（attachments）应为文件路径的列表")
    checked = []
    for relative in value:
        if "\x00" in relative:
            raise ValidationError("附件路径中含有空字符")
        path = (base / relative).resolve()
        if not path.is_relative_to(base):
            raise ValidationError(f"附件路径超出导入文件所在目录：{relative}")
        if not path.is_file():
            raise ValidationError(f"附件不存在：{relative}")
        if path.stat().st_size > files.MAX_BYTES:
            raise ValidationError(f"附件“{relative}”超过 {files.MAX_BYTES // 1024 // 1024} MB")
        checked.append(files.check_file(path.name, path.read_bytes()))
    return checked


def _text(data: dict[str, Any], key: str, limit: int) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(f"{key} 应为文字")
    value = " ".join(value.split())
    control = _CONTROL.search(value)
    if control:
        raise ValidationError(f"{key} 含有控制字符 U+{ord(control.group()):04X}")
    if len(value) > limit:
        raise ValidationError(f"{key} 超过 {limit} 个字")
    return value


def _date(data: dict[str, Any], key: str, *, required: bool = False) -> date | None:
    value = data.get(key)
    if value in (None, ""):
        if required:
            raise ValidationError(f"缺少日期 {key}（YYYY-MM-DD）")
        return None
    try:
        return (
            date.fromisoformat(str(value))
            if isinstance(value, str) and len(value) == 10
            else _bad_date(key, value)
        )
    except ValueError:
        return _bad_date(key, value)


def _bad_date(key: str, value: object) -> date:
    raise ValidationError(f"{key} 应为日期 YYYY-MM-DD：{value}")
