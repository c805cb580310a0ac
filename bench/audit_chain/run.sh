#!/usr/bin/env bash
# The audit chain at scale: N chained entries (default 1,000,000, generated and hashed by gen.py),
# then times `audit verify`, `audit export`, the Python verifier of docs/audit-chain.md on the
# export, and `audit verify` after one entry in the middle is changed behind gongkai's back.
# Usage: bench/audit_chain/run.sh [BUILD_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../../build/release}"
gk="$build/gongkai"
n="${N:-1000000}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
g() { "$gk" --data-dir "$dir" "$@"; }
g db migrate >/dev/null
/usr/bin/time -f "gen.py, $n entries: %es" python3 "$here/gen.py" "$dir/gongkai.db" "$n" >/dev/null
/usr/bin/time -f "audit verify: %es, %MKB" "$gk" --data-dir "$dir" audit verify
/usr/bin/time -f "audit export: %es, %MKB" "$gk" --data-dir "$dir" audit export --out "$dir/e.jsonl"
awk '/^```python/{f=1;next}/^```/{f=0}f' "$here/../../docs/audit-chain.md" > "$dir/verify.py"
/usr/bin/time -f "python verifier: %es, %MKB" python3 "$dir/verify.py" "$dir/e.jsonl"
sqlite3 "$dir/gongkai.db" "DROP TRIGGER audit_log_no_update;
  UPDATE audit_log SET detail = '改' WHERE id = $((n / 2));"
/usr/bin/time -f "audit verify (broken at $((n / 2))): %es" "$gk" --data-dir "$dir" audit verify || true
