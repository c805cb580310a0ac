#!/usr/bin/env bash
# The 台账 at scale: imports N applications (default 20,000) into one agency of a fresh database,
# starts the server, and times (curl, median of RUNS) the workbench, ledger pages with and without
# filters, and the CSV and XLSX exports of every row. Usage: bench/ledger/run.sh [BUILD_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../../build/release}"
gk="$build/gongkai"
n="${N:-20000}"
runs="${RUNS:-5}"
port="${PORT:-18931}"
dir="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$dir"' EXIT
g() { "$gk" --data-dir "$dir" "$@"; }
g db migrate >/dev/null
g agency add --name 樟树市人民政府 --kind government >/dev/null
g agency add --name 樟树市工业和信息化局 --short-name 樟工信 --parent 樟树市人民政府 >/dev/null
echo "bench-password-9" | g user add clerk --role application_clerk@樟工信 >/dev/null
python3 "$here/gen.py" "$n" > "$dir/apps.jsonl"
/usr/bin/time -f "import of $n applications: %es, %MKB" "$gk" --data-dir "$dir" app import "$dir/apps.jsonl" >/dev/null
g serve --port "$port" >"$dir/server.log" 2>&1 &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
curl -sf -c "$dir/jar" -H 'Content-Type: application/json' \
  -d '{"username":"clerk","password":"bench-password-9"}' "http://127.0.0.1:$port/api/v1/session" >/dev/null
agency=$(g agency list | awk '/樟树市工业和信息化局/ {print $1; exit}' | tr -dc '0-9')
time_it() {  # name path
  local times=()
  for _ in $(seq "$runs"); do
    times+=("$(curl -s -b "$dir/jar" -o "$dir/out" -w '%{time_total}' "http://127.0.0.1:$port$2")")
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '| %s | %s | %s ms |\n' "$1" "$(wc -c <"$dir/out")" "$(awk "BEGIN {printf \"%.0f\", $median*1000}")"
}
l="/admin/applications/ledger?agency=$agency"
echo "| request | bytes | median |"
echo "|---|---:|---:|"
time_it "工作台" "/admin/workbench?agency=$agency"
time_it "台账 第1页（无筛选）" "$l"
time_it "台账 检索“工业园区”" "$l&q=%E5%B7%A5%E4%B8%9A%E5%9B%AD%E5%8C%BA"
time_it "台账 2023年 已办结" "$l&year=2023&status=concluded"
time_it "台账 按期（需计算全部期限）" "$l&on_time=yes"
time_it "台账 已超期" "$l&attention=overdue"
time_it "导出 CSV（全部 $n 件）" "/admin/applications/ledger.csv?agency=$agency"
time_it "导出 XLSX（全部 $n 件）" "/admin/applications/ledger.xlsx?agency=$agency"
