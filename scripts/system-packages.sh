#!/usr/bin/env bash
# Installs the Debian packages the project needs when they are missing: Chromium for the browser tests
# (driven by Playwright, never downloaded by it); CJK fonts (Noto Serif/Sans CJK SC stand in for the
# official 仿宋_GB2312/方正小标宋/黑体 where those are not installed) for the rendered reports; Pango with
# HarfBuzz for WeasyPrint (the annual report as PDF) and cairo for CairoSVG (its chart as a PNG in the
# DOCX); poppler-utils (pdftoppm, pdffonts) to look at and check the PDFs.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fonts="$(fc-list 2>/dev/null || true)"
{ grep -qi "Noto Sans CJK" <<<"$fonts" && grep -qi "Noto Serif CJK" <<<"$fonts"; } || need+=(fonts-noto-cjk fontconfig)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
libraries="$({ ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null; } || true)"
for pair in libpango-1.0.so.0:libpango-1.0-0 libpangoft2-1.0.so.0:libpangoft2-1.0-0 \
  libharfbuzz-subset.so.0:libharfbuzz-subset0 libcairo.so.2:libcairo2; do
  grep -q "${pair%%:*}" <<<"$libraries" || need+=("${pair##*:}")
done
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  echo "安装系统软件包：${need[*]}" >&2
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi
