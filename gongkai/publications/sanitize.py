"""The body of an item: rich text as HTML, kept only within an allow-list (nh3, the Ammonia sanitiser),
and the plain text read from it for search and for the guard.

Plain text (no tags) is taken as paragraphs, one per line. Scripts, styles, event handlers, frames, forms
and `javascript:` links never reach the database; links keep http, https and mailto only.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import nh3

TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "sub", "sup", "h2", "h3", "h4", "h5", "blockquote",
    "ul", "ol", "li", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "a", "hr", "div", "span",
}  # fmt: skip
ATTRIBUTES = {"a": {"href", "title"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan", "scope"}}
URL_SCHEMES = {"http", "https", "mailto"}
MAX_BODY = 2_000_000  # characters of HTML: a long regulation runs to a few hundred thousand

_TAG = re.compile(r"<[a-zA-Z/!][^>]*>")
_BLOCKS = {"p", "br", "div", "li", "tr", "h2", "h3", "h4", "h5", "blockquote", "table", "hr", "caption"}


def looks_like_html(value: str) -> bool:
    return bool(_TAG.search(value))


def sanitize_body(value: str) -> str:
    """The body as safe HTML: HTML through the allow-list, plain text as escaped paragraphs."""
    value = (value or "").replace("\r\n", "\n").strip()
    if not value:
        return ""
    if not looks_like_html(value):
        return "".join(f"<p>{html.escape(line.strip())}</p>" for line in value.split("\n") if line.strip())
    return nh3.clean(
        value,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        clean_content_tags={"script", "style"},
        link_rel="noopener noreferrer nofollow",
    ).strip()


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append("\t")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


# What sanitize_body makes of plain text: paragraphs and nothing else.
_PLAIN_PARAGRAPHS = re.compile(r"(?:<p>[^<>]*</p>)+")


def body_text(body_html: str) -> str:
    """The plain text of a sanitised body: paragraphs on their own lines."""
    if not body_html:
        return ""
    if _PLAIN_PARAGRAPHS.fullmatch(body_html):
        # Read without the HTML parser (several times faster, for every hit of a search): the same text.
        text = "\n".join(html.unescape(p) for p in body_html[3:-4].split("</p><p>"))
    else:
        text = parsed_text(body_html)
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def html_head(body_html: str, limit: int) -> str:
    """The beginning of a sanitised body, at most `limit` characters of HTML, cut after a paragraph where
    there is one (a body of plain paragraphs stays on `body_text`'s fast path): for what shows only the
    beginning of the text (snippets, feeds), which parsed whole bodies of megabytes on every request."""
    if len(body_html) <= limit:
        return body_html
    cut = body_html.rfind("</p>", 0, limit)
    return body_html[: cut + 4] if cut > 0 else body_html[:limit]


def parsed_text(body_html: str) -> str:
    parser = _Text()
    parser.feed(body_html)
    parser.close()
    return "".join(parser.parts)
