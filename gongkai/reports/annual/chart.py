"""The chart of a body's applications and their results over the years (`ReportContent.history`).

One drawing (`reports.history_chart.line_chart`) for every output: inline SVG on the page and in the
PDF (WeasyPrint draws SVG as vectors, its text stays text), and the same SVG rasterised to PNG for the
DOCX (Word shows no SVG without a PNG beside it), by CairoSVG on Debian's libcairo.
"""

from __future__ import annotations

from django.utils.safestring import SafeString

from gongkai.reports.annual.content import ReportContent
from gongkai.reports.annual.history import Number
from gongkai.reports.history_chart import Series, line_chart

# The first family is the one CairoSVG asks fontconfig for (it reads only the first); it is the free
# CJK font the set-up installs from Debian (fonts-noto-cjk), so the PNG never shows empty boxes.
CHART_FONT = "Noto Sans CJK SC, Source Han Sans SC, SimHei, Microsoft YaHei, sans-serif"
PNG_SCALE = 3  # 760 px wide drawn at three times: sharp when printed 15 cm wide (about 380 dpi)

SERIES = (
    ("new_received", "本年新收申请", "#1f5aa6"),
    ("results_total", "办理结果总计", "#b3261e"),
    ("disclosed", "予以公开及部分公开", "#2e7d32"),
)


def chart_title(content: ReportContent) -> str:
    years = [point.year for point in content.history]
    span = f"{years[0]}—{years[-1]}年" if len(years) > 1 else f"{content.year}年"
    return f"{content.agency_name}政府信息公开申请及办理结果（{span}）"


def _float(value: Number | None) -> float | None:
    if value is None:
        return None
    return float(value)


def history_svg(content: ReportContent, *, standalone: bool = False) -> SafeString:
    """The chart as `<svg>`; `standalone` for one that carries its own size, fonts and style (PDF, PNG)."""
    return line_chart(
        [point.year for point in content.history],
        [
            Series(label, [_float(getattr(point, name)) for point in content.history], color)
            for name, label, color in SERIES
        ],
        title=chart_title(content),
        standalone_font=CHART_FONT if standalone else None,
    )


def history_png(content: ReportContent) -> bytes:
    """The chart as a PNG picture, for the DOCX."""
    import cairosvg  # imported here: it loads libcairo, which only the renderers need

    png: bytes = cairosvg.svg2png(
        bytestring=str(history_svg(content, standalone=True)).encode("utf-8"),
        scale=PNG_SCALE,
        background_color="white",
    )
    return png
