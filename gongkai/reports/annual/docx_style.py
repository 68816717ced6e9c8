"""The look of a government document in a DOCX (GB/T 9704-2012 《党政机关公文格式》), for `render_docx`.

- A4; margins 上37 下35 左28 右26 mm (a text area of 156 × 225 mm); 3号 text on a fixed line pitch of
  22 lines a page; page numbers "— 1 —" in 4号 宋体, odd pages right and even pages left, one character in.
- Fonts: title 方正小标宋简体 2号, headings 黑体 3号, text 仿宋_GB2312 3号, run-in headings 楷体_GB2312,
  tables 宋体 五号. Each run names its font for East Asian text (`w:eastAsia`), for Latin text and digits
  (`w:ascii`, `w:hAnsi`) alike, with no theme font that would override it; the font table gives Word the
  font that stands in on a PC without the official one (仿宋_GB2312 → 仿宋, which Windows has).
- A draft carries a 草稿 watermark in the page header (Word's own kind: a VML text path), outside the
  body text, so that the report's text reads back unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor
from lxml import etree  # type: ignore[import-untyped]


@dataclass(frozen=True)
class Font:
    name: str  # as government PCs have it installed
    stand_in: str  # what Word shows where it is missing (w:altName in the font table)
    family: str  # the font table's w:family


TITLE_FONT = Font("方正小标宋简体", "宋体", "script")
HEADING_FONT = Font("黑体", "SimHei", "modern")
TEXT_FONT = Font("仿宋_GB2312", "仿宋", "modern")
LEAD_FONT = Font("楷体_GB2312", "楷体", "modern")
TABLE_FONT = Font("宋体", "SimSun", "auto")
FONTS = (TITLE_FONT, HEADING_FONT, TEXT_FONT, LEAD_FONT, TABLE_FONT)

SIZE_2 = Pt(22)  # 二号
SIZE_3 = Pt(16)  # 三号
SIZE_4 = Pt(14)  # 四号
SIZE_5 = Pt(10.5)  # 五号
SIZE_SMALL_5 = Pt(9)  # 小五
LINE_PITCH = Pt(28.95)  # 22 lines in the 225 mm text area
TEXT_WIDTH = Mm(156)
RED = RGBColor(0xB3, 0x26, 0x1E)


def set_font(run_or_style: Any, font: Font, size: Any = None, *, bold: bool | None = None) -> None:
    """The font of a run (or a style) for every script, with no theme font in the way."""
    run_or_style.font.name = font.name
    if size is not None:
        run_or_style.font.size = size
    if bold is not None:
        run_or_style.font.bold = bold
    r_pr = run_or_style.element.get_or_add_rPr()
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = r_pr.makeelement(qn("w:rFonts"), {})
        r_pr.insert(0, fonts)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), font.name)


def set_paragraph(
    paragraph: Any,
    *,
    align: Any = None,
    first_line_chars: int = 0,
    right_indent: Any = None,
    exact: bool = True,
    keep_with_next: bool = False,
    space_before: Any = None,
    space_after: Any = None,
) -> None:
    fmt = paragraph.paragraph_format
    if align is not None:
        fmt.alignment = align
    if first_line_chars:
        # In characters (w:firstLineChars), as Chinese documents indent, with the same width in points
        # (w:firstLine) for programs that do not read characters; a 3号 paragraph's character is 16 pt.
        ind = paragraph._p.get_or_add_pPr().get_or_add_ind()
        ind.set(qn("w:firstLine"), str(int(SIZE_3.pt * first_line_chars * 20)))
        ind.set(qn("w:firstLineChars"), str(first_line_chars * 100))
    if right_indent is not None:
        fmt.right_indent = right_indent
    if exact:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = LINE_PITCH
    else:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.keep_with_next = keep_with_next
    fmt.space_before = space_before if space_before is not None else Pt(0)
    fmt.space_after = space_after if space_after is not None else Pt(0)


def set_outline_level(paragraph: Any, level: int) -> None:
    """A heading Word's navigation pane lists, without Word's Heading styles (their fonts are not ours)."""
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="{level}"/>'))


# --- The document as a whole ------------------------------------------------------------------------


def configure(document: Any, *, title: str, author: str, subject: str, now: datetime) -> None:
    """Page geometry, the default text, the font table and the document's properties."""
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(20)

    styles = document.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    r_pr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    for old in r_pr.findall(qn("w:rFonts")) + r_pr.findall(qn("w:lang")):
        r_pr.remove(old)
    r_pr.insert(
        0,
        parse_xml(
            f'<w:rFonts {nsdecls("w")} w:ascii="{TEXT_FONT.name}" w:hAnsi="{TEXT_FONT.name}" w:eastAsia="{TEXT_FONT.name}" w:cs="{TEXT_FONT.name}"/>'
        ),
    )
    r_pr.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'))
    normal = styles["Normal"]
    set_font(normal, TEXT_FONT, SIZE_3)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    normal.paragraph_format.line_spacing = LINE_PITCH
    normal.paragraph_format.widow_control = True
    _font_table(document)

    properties = document.core_properties
    properties.title = title
    properties.subject = subject
    properties.author = author
    properties.last_modified_by = author
    properties.comments = ""
    properties.keywords = "政府信息公开工作年度报告"
    properties.language = "zh-CN"
    properties.created = now
    properties.modified = now
    properties.revision = 1


def _font_table(document: Any) -> None:
    """Declare the official fonts in word/fontTable.xml with the fonts that stand in for them."""
    part = next(
        (rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/fontTable")),
        None,
    )
    if part is None:  # pragma: no cover - python-docx's template always has one
        return
    root = etree.fromstring(part.blob)
    for font in FONTS:
        for old in root.findall(qn("w:font")):
            if old.get(qn("w:name")) == font.name:
                root.remove(old)
        root.append(
            parse_xml(
                f'<w:font {nsdecls("w")} w:name="{font.name}"><w:altName w:val="{font.stand_in}"/>'
                f'<w:charset w:val="86"/><w:family w:val="{font.family}"/><w:pitch w:val="variable"/></w:font>'
            )
        )
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# --- Page numbers and the draft's watermark ---------------------------------------------------------


def _page_number(paragraph: Any) -> None:
    def run(text: str = "") -> Any:
        added = paragraph.add_run(text)
        set_font(added, TABLE_FONT, SIZE_4)
        return added

    run("— ")
    for kind in ("begin", None, "separate", "1", "end"):
        field = run()
        if kind is None:
            field._r.append(
                parse_xml(f'<w:instrText {nsdecls("w")} xml:space="preserve"> PAGE </w:instrText>')
            )
        elif kind == "1":
            field.text = "1"
        else:
            field._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="{kind}"/>'))
    run(" —")


def page_numbers(document: Any) -> None:
    """ "— N —" under the text: odd pages on the right, even pages on the left, one character in."""
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    for footer, align, indent in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "right"),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "left"),
    ):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        set_paragraph(paragraph, align=align, exact=False)
        if indent == "right":
            paragraph.paragraph_format.right_indent = SIZE_4
        else:
            paragraph.paragraph_format.left_indent = SIZE_4
        _page_number(paragraph)


VML = "urn:schemas-microsoft-com:vml"
OFFICE = "urn:schemas-microsoft-com:office:office"
_TEXT_SHAPE = """<w:r {ns}><w:pict>
<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">
<v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/>
<v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/>
<v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/>
<v:f eqn="sum @6 0 @5"/></v:formulas>
<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>
<v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>
<o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>
<v:shape id="GongkaiDraftWatermark{number}" o:spid="_x0000_s{spid}" type="#_x0000_t136"
 style="position:absolute;margin-left:0;margin-top:0;width:380pt;height:190pt;rotation:315;z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin"
 o:allowincell="f" fillcolor="#b3261e" stroked="f"><v:fill opacity=".12"/>
<v:textpath style="font-family:&quot;{font}&quot;;font-size:1pt" string="{text}"/></v:shape>
</w:pict></w:r>"""


def watermark(document: Any, text: str) -> None:
    """A faint diagonal `text` behind every page (in the headers, as Word's 水印 is)."""
    section = document.sections[0]
    for number, header in enumerate((section.header, section.even_page_header), start=1):
        header.is_linked_to_previous = False
        paragraph = header.paragraphs[0]
        xml = _TEXT_SHAPE.format(
            ns=f'{nsdecls("w")} xmlns:v="{VML}" xmlns:o="{OFFICE}"',
            number=number,
            spid=2048 + number,
            font=HEADING_FONT.name,
            text=text,
        )
        paragraph._p.append(parse_xml(xml))
