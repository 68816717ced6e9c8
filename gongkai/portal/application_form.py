"""The printable application form (政府信息公开申请表) of a body, as DOCX, beside the online form: for those
who apply in person, by post or by fax (条例第二十九条: the contents an application must state)."""

from __future__ import annotations

import io

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header

from gongkai.agencies.models import Agency

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def build(agency: Agency) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.size = Pt(11)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(f"{agency.name}\n政府信息公开申请表")
    run.bold = True
    run.font.size = Pt(16)
    document.add_paragraph(
        "依据《中华人民共和国政府信息公开条例》第二十九条填写。受理编号：__________（由受理机关填写）"
    )
    table = document.add_table(rows=0, cols=4)
    table.style = "Table Grid"

    def row(*cells: str) -> None:
        r = table.add_row().cells
        for cell, value in zip(r, cells, strict=False):
            cell.text = value

    row("申请人类型", "□ 公民　□ 法人或者其他组织", "", "")
    row("姓名或名称", "", "证件名称及号码", "")
    row("联系电话", "", "电子邮箱", "")
    row("通信地址", "", "邮政编码", "")
    row("联系人（组织填写）", "", "统一社会信用代码", "")
    row("所需政府信息的名称、文号或者便于查询的其他特征性描述", "", "", "")
    row("所需信息的指定提供形式（可选）", "□ 纸质文本　□ 电子文本", "", "")
    row("获取信息的方式（可选）", "□ 邮寄　□ 电子邮件　□ 传真　□ 自行领取　□ 当场查阅、抄录", "", "")
    row("申请人签名或盖章", "", "申请日期", "　　年　　月　　日")
    for r in table.rows:
        if (
            r.cells[0].text.startswith("所需政府信息")
            or r.cells[0].text.startswith("所需信息")
            or r.cells[0].text.startswith("获取")
        ):
            r.cells[1].merge(r.cells[3])
        if r.cells[0].text == "申请人类型":
            r.cells[1].merge(r.cells[3])
    document.add_paragraph(
        "说明：1. 申请人应提供身份证明（公民为身份证件复印件，法人或者其他组织为营业执照等证明文件复印件）。"
        "2. 行政机关收到申请后，能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内答复（条例第三十三条）。"
        "3. 依申请提供政府信息，不收取费用；申请数量、频次明显超过合理范围的，可以收取信息处理费（条例第四十二条）。"
    )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def download(request: HttpRequest, code: str) -> HttpResponse:
    agency = get_object_or_404(Agency, code=code)
    response = HttpResponse(build(agency), content_type=DOCX)
    response["Content-Disposition"] = content_disposition_header(
        True, f"{agency.name}政府信息公开申请表.docx"
    )
    patch_cache_control(response, public=True, max_age=3600)
    return response
