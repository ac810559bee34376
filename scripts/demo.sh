#!/usr/bin/env bash
# The main job on the bundled example: build, create the demo workbook, apply its entry scripts, check it.
set -euo pipefail
cd "$(dirname "$0")/.."

# A fresh machine: the Debian packages the build needs (libedit, SQLite, zlib), then those for PDF (LibreOffice, CJK
# fonts, poppler with its CJK language packs). Installed when this runs as root with apt; otherwise named, exactly.
build_pkgs="libedit-dev libsqlite3-dev zlib1g-dev pkg-config"
pdf_pkgs="libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk poppler-utils poppler-data"
missing() { for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || printf '%s ' "$p"; done; }
if command -v dpkg >/dev/null 2>&1; then
  need="$(missing $build_pkgs $pdf_pkgs)"
  if [ -n "$need" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "正在安装缺少的软件包：$need"
      DEBIAN_FRONTEND=noninteractive apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need
    else
      echo "缺少软件包：$need" >&2
      echo "请先运行：sudo apt-get install -y --no-install-recommends $need" >&2
      [ -n "$(missing $build_pkgs)" ] && exit 1
      echo "（缺少的只是生成和审读 PDF 所需的软件包，先继续，不生成 PDF。）" >&2
    fi
  fi
fi

# The build's own output is kept, and shown in full when it fails.
build_log=$(mktemp)
if ! swift build -c release --product yusuan >"$build_log" 2>&1; then
  cat "$build_log" >&2
  echo "构建失败（见上面的编译器输出）。" >&2
  rm -f "$build_log"
  exit 1
fi
rm -f "$build_log"
Y=.build/release/yusuan
mkdir -p out
rm -rf out/demo-2025.yusuan out/demo-2025.yusuan-wal out/demo-2025.yusuan-shm out/demo-2025
$Y new out/demo-2025.yusuan --department "示例区政府办公室（示例）" --year 2025 --edition anhui-2024
$Y run out/demo-2025.yusuan examples/demo-2025/*.ys
$Y check out/demo-2025.yusuan
formats=docx,xlsx,html,md,json,datapackage
command -v soffice >/dev/null 2>&1 && formats="$formats,pdf"
$Y compile out/demo-2025.yusuan --out out/demo-2025 --format "$formats"
$Y export out/demo-2025.yusuan --format script > out/demo-2025.ys
echo "规范脚本已写入 out/demo-2025.ys"
# The data package is checked with frictionless where it is installed (.ci/run installs it; pip install frictionless).
if command -v frictionless >/dev/null 2>&1; then
  for dp in out/demo-2025/*-数据包/datapackage.json; do
    frictionless validate "$dp" >/dev/null || { frictionless validate "$dp" >&2; echo "数据包校验未通过：$dp" >&2; exit 1; }
    echo "数据包已通过 frictionless 校验：$dp"
  done
fi
