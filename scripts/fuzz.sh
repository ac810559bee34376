#!/usr/bin/env bash
# Fuzzes yusuan's readers of untrusted input with libFuzzer and AddressSanitizer (issue 14):
#
#   bash scripts/fuzz.sh              # builds fuzz/ and runs every target for 60 s each (~6 min)
#   bash scripts/fuzz.sh 600          # 10 minutes each
#   bash scripts/fuzz.sh 3600 entry   # one hour of the entry-line parser only
#
# Targets (fuzz/Sources/fuzz-*): amount (the amount parser), entry (entry lines on the demo workbook, then its
# rules and the export round trip), csv (the CSV reader, import and catalog import), xlsx (XlsxRows, then
# import), docx (the docx reader, then audit and import), audit-text (the text reader of audit and import).
#
# Corpora live in fuzz/corpus/<target>/: the committed seed-* inputs, copies of the test fixtures (fixture-*,
# made here) and whatever libFuzzer finds (git-ignored; it grows run after run). A crash, a hang (an input
# over 10 s) or an input using more than 2 GB is written to fuzz/artifacts/<target>/ and makes this script
# exit 1, after every target has run; logs are in out/fuzz/. Reproduce one with:
#   fuzz/.build/release/fuzz-<target> fuzz/artifacts/<target>/crash-…
# Environment: FUZZ_FLAGS adds libFuzzer flags (e.g. "-jobs=2 -workers=2"); FUZZ_SCRATCH sets the build folder.
set -uo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

seconds="${1:-60}"
shift || true
all_targets=(amount entry csv xlsx docx audit-text)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all_targets[@]}")
case "$seconds" in ''|*[!0-9]*) echo "用法：scripts/fuzz.sh [每个目标的秒数] [目标…]（目标：${all_targets[*]}）" >&2; exit 2 ;; esac
for t in "${targets[@]}"; do
  [[ " ${all_targets[*]} " == *" $t "* ]] || { echo "没有模糊测试目标“$t”。可选：${all_targets[*]}" >&2; exit 2; }
done

scratch="${FUZZ_SCRATCH:-fuzz/.build}"
mkdir -p out/fuzz
# SwiftPM does not plan the build again when a source file of a path dependency (the main package) was removed,
# and then fails on the missing file; its plan is cheap to make, so it is always made afresh.
rm -f "$scratch/release.yaml"
echo "== building fuzz/ with -sanitize=fuzzer,address (scratch path $scratch; log out/fuzz/build.log)" >&2
if ! swift build --package-path fuzz --scratch-path "$scratch" -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -g > out/fuzz/build.log 2>&1; then
  grep -v "Cannot export local symbol" out/fuzz/build.log | tail -40 >&2
  echo "构建失败（完整日志：out/fuzz/build.log）。" >&2
  exit 2
fi
bin="$(swift build --package-path fuzz --scratch-path "$scratch" -c release --show-bin-path)"
for t in "${targets[@]}"; do
  [ -x "$bin/fuzz-$t" ] || { echo "构建失败：没有 $bin/fuzz-$t" >&2; exit 2; }
done

# Test fixtures as extra seeds (copied, not committed: they are in Tests/Fixtures already).
seed() {  # seed TARGET FILE...
  local dir="fuzz/corpus/$1"; shift
  mkdir -p "$dir"
  for f in "$@"; do
    [ -f "$f" ] || continue
    [ "$(stat -c %s "$f")" -le 65536 ] || continue
    cp -n "$f" "$dir/fixture-$(basename "$(dirname "$f")")-$(basename "$f")"
  done
}
shopt -s nullglob
F=Tests/Fixtures
seed entry $F/bad-input/scripts/*.ys $F/bad-input/text/*.ys $F/bad-input/amounts/*.ys $F/bad-input/codes/*.ys examples/demo-2025/*.ys
seed csv $F/bad-input/csv/*.csv $F/bad-input/catalogs/*.csv $F/readings/*/t0*.csv $F/docx/*.csv
seed xlsx $F/bad-input/xlsx/*.xlsx $F/pdf/*.xlsx
seed docx $F/audit/*.docx $F/docx/*.docx $F/bad-input/docx/*.docx
seed audit-text $F/audit/*.txt $F/seeds/*.txt $F/bad-input/txt/*.txt

declare -A max_len=([amount]=256 [entry]=4096 [csv]=16384 [xlsx]=65536 [docx]=65536 [audit-text]=32768)
failed=()
summary=()
for t in "${targets[@]}"; do
  mkdir -p "fuzz/artifacts/$t"
  log="out/fuzz/$t.log"
  echo "== fuzz-$t for ${seconds} s (log $log)" >&2
  # The Swift runtime's own crash reporter would race libFuzzer's; leaks are not what this hunts (the Swift
  # runtime keeps metadata for the process's life).
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}" \
    "$bin/fuzz-$t" "fuzz/corpus/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="${max_len[$t]}" \
      -print_final_stats=1 -artifact_prefix="fuzz/artifacts/$t/" ${FUZZ_FLAGS:-} > "$log" 2>&1
  rc=$?
  # Executions: the final statistics, or (after a crash, which has none) the last status line's count.
  runs=$(awk '/^stat::number_of_executed_units:/ {s += $2} END {print s + 0}' "$log")
  [ "$runs" = 0 ] && runs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')
  per=$(awk '/^stat::average_exec_per_sec:/ {print $2}' "$log" | tail -1)
  corpus=$(ls "fuzz/corpus/$t" | wc -l)
  if [ $rc -ne 0 ]; then
    failed+=("$t")
    summary+=("$(printf '%-11s %12s runs  %6s/s  corpus %5s  FAILED (exit %s): %s' "$t" "${runs:-?}" "${per:-?}" "$corpus" "$rc" \
      "$(grep -m1 -E 'ERROR: (libFuzzer|AddressSanitizer)|Fatal error|fuzz property failed' "$log" | cut -c1-160)")")
    grep -E "Test unit written to|^artifact_prefix" "$log" | sed 's/^/    /' >&2
  else
    summary+=("$(printf '%-11s %12s runs  %6s/s  corpus %5s  ok' "$t" "${runs:-?}" "${per:-?}" "$corpus")")
  fi
done

echo
echo "模糊测试结果（每个目标 ${seconds} 秒）："
printf '  %s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "发现问题的目标：${failed[*]}。输入已保存在 fuzz/artifacts/<目标>/，复现：$bin/fuzz-<目标> <文件>；日志在 out/fuzz/。" >&2
  exit 1
fi
