#!/usr/bin/env bash
# Looks at an `audit --format html` report the way a reviewer's browser shows it: headless Chromium takes a
# full-width screenshot, so the crops, the red spot frames and the CJK text can be checked by eye.
#
#   yusuan audit 文件.pdf --format html --out report.html
#   bash scripts/audit-report-screenshot.sh report.html report.png [WIDTHxHEIGHT]
#
# The window defaults to 1280x2000 pixels (the page beyond is cut off; pass a taller size to see more).
# Needs chromium (Debian: apt-get install -y chromium) and a CJK font (fonts-noto-cjk). Not run by CI or the tests.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "用法：$0 报告.html 截图.png [宽x高]" >&2
  exit 2
fi
report="$1" out="$2" size="${3:-1280x2000}"
[ -f "$report" ] || { echo "找不到报告文件“$report”。" >&2; exit 2; }

browser=""
for b in chromium chromium-browser google-chrome; do
  if command -v "$b" >/dev/null 2>&1; then browser="$b"; break; fi
done
[ -n "$browser" ] || { echo "未找到 Chromium。请安装：apt-get install -y chromium" >&2; exit 2; }

abs_report="$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
abs_out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
# A private profile directory, so that no running browser's profile is touched; removed afterwards.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
# --no-sandbox: the sandbox refuses to start as root (containers, CI machines). The report is given as a path, not
# a file:// URL, so that Chromium itself escapes spaces, # and CJK in it.
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
  --window-size="${size/x/,}" --screenshot="$abs_out" "$abs_report" >/dev/null 2>&1 </dev/null
[ -s "$abs_out" ] || { echo "截图未生成：$abs_out" >&2; exit 1; }
echo "$abs_out"
