#!/usr/bin/env bash
# Benchmarks of yusuan, from a fresh clone, in one command:
#
#   bash scripts/bench.sh            # full run (~5 min on 2 cores): builds release, runs every benchmark, writes out/bench.json
#   bash scripts/bench.sh --quick    # smoke run (~1 min): fewer repetitions, 10 and 100 departments only
#   bash scripts/bench.sh latency    # one benchmark: latency | first-prompt | compile | bureau | scaling | audit | run
#
# Extra arguments go to yusuan-bench (see `yusuan-bench --help`, e.g. --runs 5 --sizes 10,100,1000 --seed 7).
# The release build goes to the normal .build directory; set BENCH_SCRATCH=.build-release to build elsewhere
# (useful while debug builds run in .build). Results: the table on stdout, JSON in out/bench.json, generated
# workbooks and outputs in out/bench-work/ (the 1000-department folder is generated once and reused).
# See docs/benchmarks.md for what each benchmark measures and the recorded results.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch="${BENCH_SCRATCH:-.build}"
echo "== building release (scratch path $scratch)" >&2
swift build -c release --scratch-path "$scratch" --product yusuan
swift build -c release --scratch-path "$scratch" --product yusuan-bench
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"

mkdir -p out
cmd=all
case "${1:-}" in
  all|latency|first-prompt|compile|bureau|scaling|audit|run) cmd="$1"; shift ;;
esac
"$bin/yusuan-bench" "$cmd" --yusuan "$bin/yusuan" --work out/bench-work --json out/bench.json "$@"
