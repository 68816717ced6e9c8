"""`body_text` reads a body of plain paragraphs (what `sanitize_body` makes of plain text) without the HTML
parser; the text is the same as the parser's."""

from __future__ import annotations

import random

from gongkai.publications.samples import samples
from gongkai.publications.sanitize import _PLAIN_PARAGRAPHS, body_text, parsed_text, sanitize_body


def through_the_parser(body_html: str) -> str:
    text = parsed_text(body_html)
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def test_plain_paragraphs_read_the_same_as_through_the_parser() -> None:
    plain = [s.body for s in samples(200, seed=5)]
    plain += [
        "甲 &amp; 乙 &lt;丙&gt; &#x4E01; 戊&nbsp;己",
        "第一段\n\n  第二段  \n第三段 <不是标签",
        "A & B < C > D \"引号\" '单引号'",
        "　全角空格　\n\t制表\t",
    ]
    rng = random.Random(1)
    plain += [
        "\n".join(rng.choice(["一", "&", "<", ">", " ", "二三", "&amp;"]) * 3 for _ in range(5))
        for _ in range(50)
    ]
    for text in plain:
        body = sanitize_body(text)
        if not body:
            continue
        assert _PLAIN_PARAGRAPHS.fullmatch(body), body
        assert body_text(body) == through_the_parser(body), text
    rich = sanitize_body("<p>一</p><ul><li>二</li></ul><p>三 &amp; 四</p>")
    assert not _PLAIN_PARAGRAPHS.fullmatch(rich)
    assert body_text(rich) == "一\n二\n三 & 四"
