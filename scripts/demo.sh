#!/usr/bin/env bash
# The main job on the bundled example: build, create the demo workbook, apply its entry scripts, check it.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product yusuan >/dev/null
Y=.build/release/yusuan
mkdir -p out
rm -f out/demo-2025.yusuan out/demo-2025.yusuan-wal out/demo-2025.yusuan-shm
$Y new out/demo-2025.yusuan --department "示例区政府办公室（示例）" --year 2025 --edition anhui-2024
$Y run out/demo-2025.yusuan examples/demo-2025/*.ys
$Y check out/demo-2025.yusuan
$Y export out/demo-2025.yusuan --format script > out/demo-2025.ys
echo "规范脚本已写入 out/demo-2025.ys"
