#!/usr/bin/env bash
# The main job on the bundled example: build, create the demo workbook, apply its entry scripts, check it.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product yusuan >/dev/null
Y=.build/release/yusuan
mkdir -p out
rm -rf out/demo-2025.yusuan out/demo-2025.yusuan-wal out/demo-2025.yusuan-shm out/demo-2025
$Y new out/demo-2025.yusuan --department "示例区政府办公室（示例）" --year 2025 --edition anhui-2024
$Y run out/demo-2025.yusuan examples/demo-2025/*.ys
$Y check out/demo-2025.yusuan
formats=docx,xlsx,html,md,json
command -v soffice >/dev/null 2>&1 && formats="$formats,pdf"
$Y compile out/demo-2025.yusuan --out out/demo-2025 --format "$formats"
$Y export out/demo-2025.yusuan --format script > out/demo-2025.ys
echo "规范脚本已写入 out/demo-2025.ys"
