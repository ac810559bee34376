#!/usr/bin/env bash
# Kills yusuan with SIGKILL at random moments and checks that nothing is ever half done (issue 14):
#
#   bash scripts/crash-test.sh             # 20 trials of each: run, new, new --from, repl (~5 min on 2 cores)
#   bash scripts/crash-test.sh 100         # 100 of each
#   bash scripts/crash-test.sh 30 repl     # only the piped REPL (modes: run new from repl)
#
# run   `yusuan run W` of a generated 10,000-line script on a new workbook: after the kill its export is the
#       empty workbook's or the whole script's, byte for byte.
# new   `yusuan new W`: W is absent, or its export is a new workbook's; when absent, nothing is left under its
#       name (-wal, -shm) and the next `new W` succeeds.
# from  `yusuan new W --from P` (P: last year's workbook holding the 10,000-line script): the same, with the export
#       of a clean `new --from`.
# repl  `yusuan repl W` reading the script from a pipe, one entry saved at a time: after the kill the journal's
#       last entry is some line N, and the export equals that of the script's first N lines given to `run`.
# Every surviving workbook must pass SQLite's `PRAGMA integrity_check` (the sqlite3 command).
#
# Each kill falls at a uniformly random time within 1.2× the uninterrupted duration (measured before the trials and
# again every 25), so some trials end before the kill. Work files are in out/crash-test/. Exit 1 on any half state,
# failed check or error.
# Environment: CRASH_SEED (bash RANDOM seed, printed), CRASH_BIN (a folder with yusuan and yusuan-bench already
# built in release; otherwise they are built here), CRASH_LINES (script lines, default 10000).
set -uo pipefail
cd "$(dirname "$0")/.."

trials="${1:-20}"
shift || true
modes=("$@")
[ ${#modes[@]} -eq 0 ] && modes=(run new from repl)
case "$trials" in ''|*[!0-9]*) echo "用法：scripts/crash-test.sh [每种的次数] [run|new|from|repl …]" >&2; exit 2 ;; esac
for m in "${modes[@]}"; do
  case "$m" in run|new|from|repl) ;; *) echo "没有这种测试“$m”。可选：run new from repl" >&2; exit 2 ;; esac
done
command -v sqlite3 > /dev/null || { echo "需要 sqlite3 命令（apt-get install sqlite3）。" >&2; exit 2; }

seed="${CRASH_SEED:-$(( $(date +%s) % 32768 ))}"
RANDOM=$seed
lines="${CRASH_LINES:-10000}"

if [ -n "${CRASH_BIN:-}" ]; then
  bin="$CRASH_BIN"
else
  echo "== building release (yusuan, yusuan-bench)" >&2
  swift build -c release --product yusuan >&2 && swift build -c release --product yusuan-bench >&2 || { echo "构建失败。" >&2; exit 2; }
  bin="$(swift build -c release --show-bin-path)"
fi
Y="$bin/yusuan"
[ -x "$Y" ] && [ -x "$bin/yusuan-bench" ] || { echo "找不到 $Y 或 $bin/yusuan-bench。" >&2; exit 2; }

work="$PWD/out/crash-test"
rm -rf "$work"
mkdir -p "$work"
cd "$work"
dept="崩溃测试部门"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }'; }
# A random moment in [0, 1.2 × $1] seconds.
moment() { awk -v d="$1" -v r="$RANDOM" -v s="$RANDOM" 'BEGIN { printf "%.3f", 1.2 * d * (r * 32768 + s) / 1073741824 }'; }
export_of() { "$Y" export "$1" > "$2" 2> "$2.err"; }
integrity() { [ "$(sqlite3 "$1" 'PRAGMA integrity_check;' 2>&1)" = "ok" ]; }
fresh() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal" "$1".history .$(basename "$1").new-*; }

# Runs "$@" in the background and kills it with SIGKILL after $KILL_AT seconds (unless it ended); sets $killed.
# With $PIPE_IN set, the command reads that file through a pipe (as a piped REPL does).
run_and_kill() {
  if [ -n "${PIPE_IN:-}" ]; then "$@" < <(cat "$PIPE_IN") > /dev/null 2> "$work/last.err" &
  else "$@" < /dev/null > /dev/null 2> "$work/last.err" &
  fi
  local pid=$!
  sleep "$KILL_AT"
  if kill -KILL "$pid" 2> /dev/null; then killed=1; else killed=0; fi
  wait "$pid" 2> /dev/null
  local rc=$?
  # Ended by itself: it must have succeeded.
  if [ $killed = 0 ] || [ $rc -ne 137 ]; then
    killed=0
    [ $rc -eq 0 ] || { echo "    exit $rc without a kill: $(head -c 300 "$work/last.err")"; return 1; }
  fi
  return 0
}

echo "== preparing: a ${lines}-line script, the expected exports (seed $seed; work folder out/crash-test)" >&2
"$bin/yusuan-bench" script --script-lines "$lines" > script.ys || exit 2
fresh empty.yusuan
"$Y" new empty.yusuan --department "$dept" --year 2025 > /dev/null || exit 2
export_of empty.yusuan before.ys || exit 2
cp empty.yusuan full.yusuan
t0=$(now)
"$Y" run full.yusuan script.ys > /dev/null || { echo "脚本未能录入。" >&2; exit 2; }
run_time=$(elapsed "$t0")
export_of full.yusuan after.ys || exit 2
cmp -s before.ys after.ys && { echo "录入前后的导出相同，测试无意义。" >&2; exit 2; }
entries=$(sqlite3 full.yusuan 'SELECT COUNT(*) FROM journal;')
echo "   run of $(wc -l < script.ys) lines ($entries entries): ${run_time} s" >&2

# The uninterrupted duration of the mode's command: the median of three, measured again every 25 trials (the load
# of the machine changes, and the kills must spread over the whole command, its final commit included).
measure() {
  local times=() i
  for i in 1 2 3; do
    fresh m.yusuan
    case "$mode" in
      run) cp empty.yusuan m.yusuan; t0=$(now); "$Y" run m.yusuan script.ys > /dev/null || return 1 ;;
      new) t0=$(now); "$Y" new m.yusuan --department "$dept" --year 2025 > /dev/null || return 1 ;;
      from) t0=$(now); "$Y" new m.yusuan --year 2025 --from prior.yusuan > /dev/null || return 1 ;;
    esac
    times+=("$(elapsed "$t0")")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 2p
}

failures=0
report=()
fail() { echo "  ✗ $mode trial $trial (kill at ${KILL_AT} s): $*" >&2; failures=$((failures + 1)); bad=$((bad + 1)); }

for mode in "${modes[@]}"; do
  n_before=0; n_after=0; n_absent=0; bad=0; n_killed=0; n_left=0
  case "$mode" in
    run)
      duration=$run_time ;;
    new)
      fresh new.yusuan
      t0=$(now); "$Y" new new.yusuan --department "$dept" --year 2025 > /dev/null || exit 2; duration=$(elapsed "$t0")
      export_of new.yusuan expected-new.ys || exit 2 ;;
    from)
      fresh prior.yusuan
      "$Y" new prior.yusuan --department "$dept" --year 2024 > /dev/null && "$Y" run prior.yusuan script.ys > /dev/null || exit 2
      fresh from.yusuan
      t0=$(now); "$Y" new from.yusuan --year 2025 --from prior.yusuan > /dev/null || exit 2; duration=$(elapsed "$t0")
      export_of from.yusuan expected-from.ys || exit 2 ;;
    repl)
      fresh repl.yusuan; cp empty.yusuan repl.yusuan
      t0=$(now); "$Y" repl repl.yusuan < <(cat script.ys) > /dev/null 2> repl.err || { echo "REPL 未能录入：$(head -c 300 repl.err)" >&2; exit 2; }
      duration=$(elapsed "$t0")
      echo "   uninterrupted ${duration} s" >&2
      export_of repl.yusuan repl-full.ys || exit 2
      cmp -s repl-full.ys after.ys || { echo "REPL 录入全部脚本后的导出与 run 的不同。" >&2; exit 2; } ;;
  esac
  echo "== $mode: $trials trials" >&2
  for trial in $(seq 1 "$trials"); do
    if [ "$mode" != repl ] && [ $(( (trial - 1) % 25 )) -eq 0 ]; then
      duration=$(measure) || { echo "无法测量 $mode 的用时。" >&2; exit 2; }
      echo "   trials $trial–: uninterrupted ${duration} s" >&2
    fi
    KILL_AT=$(moment "$duration")
    W="t-$mode.yusuan"
    fresh "$W"
    case "$mode" in
      run)
        cp empty.yusuan "$W"
        run_and_kill "$Y" run "$W" script.ys || { fail "run failed"; continue; }
        export_of "$W" got.ys || { fail "export failed: $(head -c 300 got.ys.err)"; continue; }
        if cmp -s got.ys before.ys; then n_before=$((n_before + 1))
        elif cmp -s got.ys after.ys; then n_after=$((n_after + 1))
        else fail "half state: the export is neither before nor after ($(grep -vc '^#' got.ys) lines)"; cp got.ys "half-$mode-$trial.ys"; continue
        fi
        integrity "$W" || fail "integrity_check: $(sqlite3 "$W" 'PRAGMA integrity_check;' 2>&1 | head -3)" ;;
      new|from)
        if [ "$mode" = new ]; then args=(new "$W" --department "$dept" --year 2025); expected=expected-new.ys
        else args=(new "$W" --year 2025 --from prior.yusuan); expected=expected-from.ys; fi
        run_and_kill "$Y" "${args[@]}" || { fail "new failed"; continue; }
        if [ -e "$W" ]; then
          export_of "$W" got.ys || { fail "export failed: $(head -c 300 got.ys.err)"; continue; }
          cmp -s got.ys "$expected" || { fail "half state: the workbook exists but its export differs"; cp got.ys "half-$mode-$trial.ys"; continue; }
          integrity "$W" || { fail "integrity_check: $(sqlite3 "$W" 'PRAGMA integrity_check;' 2>&1 | head -3)"; continue; }
          n_after=$((n_after + 1))
          # Killed between giving the workbook its name and removing the temporary name: a hidden copy stays.
          ls -a | grep -q "^\.$W\.new-" && n_left=$((n_left + 1))
        else
          n_absent=$((n_absent + 1))
          for s in -wal -shm -journal; do [ -e "$W$s" ] && fail "no workbook, but $W$s is left"; done
          # The next attempt must not meet 已存在, and must clear what the killed one left.
          "$Y" "${args[@]}" > /dev/null 2> retry.err || { fail "the retry failed: $(head -c 300 retry.err)"; continue; }
          export_of "$W" got.ys && cmp -s got.ys "$expected" || { fail "the retry's export differs"; continue; }
          ls -a | grep -q "^\.$W\.new-" && fail "the retry left the killed attempt's temporary file"
        fi ;;
      repl)
        cp empty.yusuan "$W"
        PIPE_IN=script.ys run_and_kill "$Y" repl "$W" || { fail "the REPL failed"; continue; }
        export_of "$W" got.ys || { fail "export failed: $(head -c 300 got.ys.err)"; continue; }
        integrity "$W" || { fail "integrity_check: $(sqlite3 "$W" 'PRAGMA integrity_check;' 2>&1 | head -3)"; continue; }
        # The last line saved, and the script's first lines up to it entered by run: the same workbook.
        last=$(sqlite3 "$W" "SELECT location FROM journal ORDER BY seq DESC LIMIT 1;")
        n=${last#stdin:}; n=${n:-0}
        saved=$(sqlite3 "$W" "SELECT COUNT(*) FROM journal;")
        head -n "$n" script.ys > prefix.ys
        want=$(grep -cv '^[[:space:]]*\(#.*\)\?$' prefix.ys)
        [ "$saved" = "$want" ] || { fail "the journal has $saved entries for the $want entry lines up to line $n"; continue; }
        fresh prefix.yusuan; cp empty.yusuan prefix.yusuan
        if [ "$n" -gt 0 ]; then "$Y" run prefix.yusuan prefix.ys > /dev/null || { fail "run of the first $n lines failed"; continue; }; fi
        export_of prefix.yusuan want.ys || { fail "export failed"; continue; }
        cmp -s got.ys want.ys || { fail "half state: the export is not that of the first $n lines"; cp got.ys "half-$mode-$trial.ys"; continue; }
        if [ "$n" -eq 0 ]; then n_before=$((n_before + 1)); elif [ "$saved" = "$entries" ]; then n_after=$((n_after + 1)); fi
        repl_lines=$(( ${repl_lines:-0} + saved )) ;;
    esac
    n_killed=$((n_killed + killed))
  done
  case "$mode" in
    run) line=$(printf '%-5s %4d trials, %4d killed mid-way: %d before, %d after, %d half or failed' "$mode" "$trials" "$n_killed" "$n_before" "$n_after" "$bad") ;;
    new|from) line=$(printf '%-5s %4d trials, %4d killed mid-way: %d absent (then retried), %d complete (%d with the hidden temporary left beside it), %d half or failed' \
                "$mode" "$trials" "$n_killed" "$n_absent" "$n_after" "$n_left" "$bad") ;;
    repl) line=$(printf '%-5s %4d trials, %4d killed mid-way: %d entries saved in all, each workbook equal to its script prefix; %d half or failed' "$mode" "$trials" "$n_killed" "${repl_lines:-0}" "$bad") ;;
  esac
  report+=("$line")
  echo "   $line" >&2
done

echo
echo "崩溃测试结果（SIGKILL，随机种子 $seed）："
printf '  %s\n' "${report[@]}"
if [ $failures -gt 0 ]; then
  echo "共 $failures 处问题（半完成状态或检查失败），工作文件在 out/crash-test/。" >&2
  exit 1
fi
echo "没有半完成状态，完整性检查全部通过。"
