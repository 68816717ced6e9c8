"""In Debian's Chromium, without JavaScript and on a phone: going through the column, a document page, the
search page and the application form with the Tab key, every link, field and button shows a focus ring of at
least 3:1 against what is around it (GB/T 37668: focus visible). The header's links had a blue ring on
the red header (1.4:1) and the fields a light blue one (2.1:1). The skip link comes first and moves to the
main content."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.publications.tests.factories import draft, make_cast, publish
from gongkai.workbench.tests.browser import browser

__all__ = ["browser"]  # the fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# The focused element's ring: its outline colour against the first opaque background behind it.
RING = r"""() => {
  const parse = c => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null;
    const p = m[1].split(',').map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const e = document.activeElement; const s = getComputedStyle(e);
  let back = {r: 255, g: 255, b: 255}; let up = e.parentElement;
  while (up) { const c = parse(getComputedStyle(up).backgroundColor); if (c && c.a >= 1) { back = c; break; } up = up.parentElement; }
  const ring = parse(s.outlineColor); const a = lum(ring), b = lum(back);
  return {element: e.tagName + ' ' + (e.id || e.getAttribute('href') || e.textContent.trim().slice(0, 10)),
          style: s.outlineStyle, width: parseFloat(s.outlineWidth),
          ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)};
}"""


def rings(page: Any, limit: int = 120) -> list[dict[str, Any]]:
    found = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        ring = page.evaluate(RING)
        if ring["element"].startswith("BODY"):
            break
        found.append(ring)
    return found


@pytest.mark.django_db(transaction=True)
def test_every_stop_of_the_tab_key_shows_a_ring_of_three_to_one(browser: Any, live_server: Any) -> None:
    cast = make_cast()
    item = publish(cast, draft(cast))
    context = browser.new_context(
        viewport={"width": 375, "height": 740}, locale="zh-CN", java_script_enabled=False
    )
    page = context.new_page()
    for path in (
        "/disclosure/NB-FGW/",
        item.get_absolute_url(),
        "/disclosure/search/?q=%E9%87%8D%E7%82%B9&agency=NB-FGW",
        "/apply/NB-FGW/",
    ):
        page.goto(live_server.url + path)
        stops = rings(page)
        assert stops[0]["element"] == "A #main", path  # the skip link first
        weak = [s for s in stops if s["style"] == "none" or s["width"] < 2 or s["ratio"] < 3]
        assert not weak, (path, weak)
    page.goto(live_server.url + "/disclosure/NB-FGW/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    context.close()
