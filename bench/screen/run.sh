#!/usr/bin/env bash
# Runs the shared side-by-side screening benchmark (../shared/bench/screen/run.sh:
# Hyperscan, Rust aho-corasick, ripgrep, GNU grep, pyahocorasick) with our release
# binary as ENGINE_CMD, so that our engine is measured in the same run, on the same
# 210 MB corpus, interleaved round-robin with the others. Nothing of the harness is
# copied here; it stays in ../shared/bench/screen/.
#
#   bench/screen/run.sh                          # all tools, normalisation off
#   NORMALIZE=1 TOOLS=hs_all bench/screen/run.sh  # normalisation on, next to Hyperscan
#   REPS=1 MB=50 DICTS=10k TOOLS=hs_all bench/screen/run.sh   # quick check
#
# Our `--count` prints "N matches=N compile_s=… scan_s=… scan_cpu_s=… db_bytes=…
# candidates=…", which the harness reads like hs_count's output (scan_s = wall
# time of the scan alone; compile_s includes reading the dictionary and choosing
# anchors from the harness's independent 20 MB sample.txt).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BIN="${GONGKAI_BIN:-$ROOT/build/release/gongkai}"
HARNESS="${HARNESS:-$ROOT/../shared/bench/screen/run.sh}"
[ -x "$BIN" ] || { echo "build first: scripts/build (missing $BIN)" >&2; exit 2; }
extra=""
[ "${NORMALIZE:-0}" = 1 ] && extra="--normalize"
export ENGINE_CMD="$BIN screen --count {dict} {corpus} --sample {data}/sample.txt $extra"
exec "$HARNESS"
