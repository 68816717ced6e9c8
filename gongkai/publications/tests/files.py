"""Small real files for the attachment tests: a PDF with a Chinese text layer, a DOCX, a PNG."""

from __future__ import annotations

import io
import zipfile


def pdf_with_text(text: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.setFont("STSong-Light", 12)
    page.drawString(72, 760, text)
    page.save()
    return out.getvalue()


def docx_with_text(text: str) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_of_paragraphs(count: int) -> bytes:
    """A sound DOCX of `count` short paragraphs of numbers (varied, so that it compresses like real text,
    well within the archive checks): about 50 bytes of XML each."""
    import random

    rng = random.Random(count)
    source = zipfile.ZipFile(io.BytesIO(docx_with_text("")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                head, tail = data.split(b"<w:body>")
                paragraphs = b"".join(
                    b"<w:p><w:r><w:t>%d</w:t></w:r></w:p>" % rng.getrandbits(64) for _ in range(count)
                )
                data = head + b"<w:body>" + paragraphs + tail
            archive.writestr(info, data)
    return out.getvalue()


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def zip_bomb() -> bytes:
    """A ZIP whose one member expands far beyond what a real DOCX holds."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"0" * (300 * 1024 * 1024))
    return out.getvalue()


def pdf_bomb(inflated: int) -> bytes:
    """A one-page PDF of a few hundred kilobytes whose content stream inflates to `inflated` bytes."""
    import zlib

    packer = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    compressed = [packer.compress(b"BT /F1 12 Tf 72 720 Td (A) Tj ET\n")]
    compressed += [packer.compress(chunk) for _ in range(inflated >> 20)]
    stream = b"".join(compressed) + packer.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def pdf_of_pages(pages: int, line: str = "宁波市发展和改革委员会关于印发政府信息公开工作要点的通知") -> bytes:
    """A PDF of `pages` pages dense with Chinese text (slow to read, as real long documents are)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    for _ in range(pages):
        page.setFont("STSong-Light", 10)
        for row in range(45):
            page.drawString(40, 800 - row * 17, line)
        page.showPage()
    page.save()
    return out.getvalue()
