"""A line chart of a body's figures across years, drawn on the server as inline SVG (no script, no CDN).

Years are placed by their value, so a year without a stored report leaves a visible gap; a blank figure
breaks its line rather than being drawn as zero.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

WIDTH, HEIGHT = 760, 280
LEFT, RIGHT, TOP, BOTTOM = 56, 20, 44, 34
PAD = 30


@dataclass
class Series:
    name: str
    values: Sequence[float | None]
    color: str


def nice_step(top: float, ticks: int = 4) -> float:
    """A round step (1, 2 or 5 × 10ⁿ) that divides 0…top into about `ticks` parts."""
    raw = max(top, 1e-9) / ticks
    magnitude = 10.0 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude  # pragma: no cover - the loop always returns


def _label(value: float, percent: bool) -> str:
    if percent:
        return f"{value * 100:.0f}%"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


# The look the site's stylesheet gives a chart on a page, written into the SVG itself for a chart that
# stands alone (printed into a PDF, rasterised into a DOCX), where no stylesheet reaches it.
STANDALONE_STYLE = (
    ".grid{{stroke:#d0d5da;stroke-width:1}}"
    ".tick{{font-size:13px;fill:#3d4650;font-family:{font}}}"
    ".legend{{font-size:14px;fill:#1f2328;font-family:{font}}}"
)


def line_chart(
    years: Sequence[int],
    series: Sequence[Series],
    *,
    title: str,
    percent: bool = False,
    integer: bool = True,
    standalone_font: str | None = None,
) -> SafeString:
    """The chart as `<svg>` markup; `percent` for shares between 0 and 1. With `standalone_font` (a CSS
    font-family list) the SVG carries its own size and style and needs no stylesheet."""
    values = [value for line in series for value in line.values if value is not None]
    top = 1.0 if percent else max([*values, 0.0])
    step = nice_step(top) if not percent else 0.25
    if integer and not percent:
        step = max(step, 1.0)
    top = step * max(1, math.ceil(top / step))
    first, last = (min(years), max(years)) if years else (0, 0)
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    # Coordinates as text with one decimal (format_html escapes its arguments to strings first).
    def x(year: int) -> str:
        if last == first:
            return f"{LEFT + plot_width / 2:.1f}"
        inner = plot_width - 2 * PAD  # the first and last year stand off the axes
        return f"{LEFT + PAD + (year - first) / (last - first) * inner:.1f}"

    def y(value: float, shift: float = 0) -> str:
        return f"{TOP + plot_height - value / top * plot_height + shift:.1f}"

    grid = format_html_join(
        "",
        '<line x1="{}" y1="{}" x2="{}" y2="{}" class="grid"/>'
        '<text x="{}" y="{}" class="tick" text-anchor="end">{}</text>',
        (
            (
                LEFT,
                y(step * i),
                WIDTH - RIGHT,
                y(step * i),
                LEFT - 6,
                y(step * i, 4),
                _label(step * i, percent),
            )
            for i in range(round(top / step) + 1)
        ),
    )
    axis = format_html_join(
        "",
        '<text x="{}" y="{}" class="tick" text-anchor="middle">{}</text>',
        ((x(year), HEIGHT - BOTTOM + 20, f"{year}年") for year in years),
    )
    lines = []
    for index, line in enumerate(series):
        # Every other line dashed, so that equal figures (new = closed, say) still show both lines.
        dash = "7 4" if index % 2 else "none"
        # A blank figure breaks the line: only consecutive points are joined.
        runs: list[list[tuple[str, str]]] = [[]]
        for year, value in zip(years, line.values, strict=True):
            if value is None:
                runs.append([])
            else:
                runs[-1].append((x(year), y(value)))
        paths = format_html_join(
            "",
            '<polyline points="{}" fill="none" stroke="{}" stroke-width="2.2" stroke-dasharray="{}"/>',
            ((" ".join(f"{px},{py}" for px, py in run), line.color, dash) for run in runs if len(run) > 1),
        )
        dots = format_html_join(
            "",
            '<circle cx="{}" cy="{}" r="3.6" fill="{}"><title>{}</title></circle>',
            (
                (x(year), y(value), line.color, f"{line.name} {year}年：{_label(value, percent)}")
                for year, value in zip(years, line.values, strict=True)
                if value is not None
            ),
        )
        lines.append(format_html("<g>{}{}</g>", paths, dots))
    legend = format_html_join(
        "",
        '<g transform="translate({},14)"><line x1="0" y1="7" x2="18" y2="7" stroke="{}" stroke-width="3" stroke-dasharray="{}"/>'
        '<text x="24" y="12" class="legend">{}</text></g>',
        (
            (LEFT + index * 130, line.color, "5 3" if index % 2 else "none", line.name)
            for index, line in enumerate(series)
        ),
    )
    size = style = ""
    if standalone_font is not None:
        size = format_html(' width="{}" height="{}"', WIDTH, HEIGHT)
        style = format_html("<style>{}</style>", STANDALONE_STYLE.format(font=standalone_font))
    return format_html(
        '<svg class="history-chart" viewBox="0 0 {} {}"{} role="img" aria-label="{}" '
        'xmlns="http://www.w3.org/2000/svg"><title>{}</title>{}{}{}{}{}</svg>',
        WIDTH,
        HEIGHT,
        size,
        title,
        title,
        style,
        legend,
        grid,
        axis,
        format_html_join("", "{}", ((line,) for line in lines)),
    )
