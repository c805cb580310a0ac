#!/usr/bin/env bash
# Batch-check speed of annual reports: generates N reports in mixed forms (| form, plain text,
# Markdown, HTML, JSON; a quarter in the 2019 试行 template) with the renderers, then times
# `gongkai report check` over the folder. Usage: bench/report_check.sh [N] [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
bin=${2:-build/release}/gongkai
dir=$(mktemp -d /tmp/gongkai_report_bench.XXXXXX)
trap 'rm -rf "$dir"' EXIT
"$bin" report generate --count "$n" --out "$dir/in" --seed 1 >/dev/null
echo "inputs: $n files, $(du -sh --apparent-size "$dir/in" | cut -f1)"
uptime
/usr/bin/time -f "check: %e s wall, %U s user, %S s sys, %M KB max RSS" \
  "$bin" report check "$dir/in" -q --summary-dir "$dir/summary"
