#!/usr/bin/env bash
# Side by side: gongkai's HTTP server (Boost.Beast) vs nginx serving the same ~20 KB Chinese page.
#
# Needs (installs nothing itself):  apt-get install nginx wrk python3
# Builds build/bench (-DGONGKAI_BENCH=ON) if the server binary is missing.
# Each server is pinned to CPU $SERVER_CPU and wrk to CPU $WRK_CPU (taskset);
# wrk -t1 -c{1,16,64,256} -d10s --latency. Then 256 idle keep-alive connections
# are held for 10 s and each server's CPU use is read from /proc/PID/stat.
#
# Environment: BUILD (build/bench), DURATION (10), CONNS ("1 16 64 256"),
#   THREADS (gongkai server threads, 1), SERVER_CPU (0), WRK_CPU (1),
#   IDLE_CONNS (256), IDLE_SECONDS (10).
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build/bench}
DURATION=${DURATION:-10}
CONNS=${CONNS:-"1 16 64 256"}
THREADS=${THREADS:-1}
SERVER_CPU=${SERVER_CPU:-0}
WRK_CPU=${WRK_CPU:-1}
IDLE_CONNS=${IDLE_CONNS:-256}
IDLE_SECONDS=${IDLE_SECONDS:-10}
NGINX_PORT=${NGINX_PORT:-18080}
OUR_PORT=${OUR_PORT:-18081}

for tool in nginx wrk taskset python3; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool missing (apt-get install nginx wrk)" >&2; exit 2; }
done
if [ ! -x "$BUILD/http_static_server" ]; then
  [ -f "$BUILD/build.ninja" ] ||
    cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGONGKAI_BENCH=ON >/dev/null
  cmake --build "$BUILD" --target http_static_server
fi

tmp=$(mktemp -d /tmp/gongkai-http-bench.XXXXXX)
chmod 755 "$tmp"
nginx_pid=""
our_pid=""
cleanup() {
  [ -n "$our_pid" ] && kill "$our_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

# The page: ~20 KB of Chinese HTML, like a published 政府信息公开 list page.
mkdir -p "$tmp/www" "$tmp/logs"
python3 - "$tmp/www/page.html" <<'PY'
import sys
rows = []
i = 0
html = ['<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">',
        '<title>政府信息公开目录 — 某某市人民政府</title></head><body>',
        '<h1>政府信息公开目录</h1><table><tr><th>索引号</th><th>标题</th><th>发布日期</th></tr>']
while sum(len(s.encode()) for s in html) < 19900:
    i += 1
    html.append(f'<tr><td>11440300-{i:04d}</td><td><a href="/xxgk/{i}.html">关于第{i}批'
                f'政府信息公开申请办理情况的公告</a></td><td>2024-09-{i % 28 + 1:02d}</td></tr>')
html.append('</table></body></html>\n')
open(sys.argv[1], 'w', encoding='utf-8').write(''.join(html))
PY
chmod -R a+rX "$tmp/www"
page_bytes=$(stat -c %s "$tmp/www/page.html")

cat >"$tmp/nginx.conf" <<CONF
worker_processes 2;
pid $tmp/nginx.pid;
error_log $tmp/logs/error.log warn;
daemon off;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 120s;
  keepalive_requests 10000000;
  etag on;
  client_body_temp_path $tmp/body;
  proxy_temp_path $tmp/proxy;
  fastcgi_temp_path $tmp/fastcgi;
  uwsgi_temp_path $tmp/uwsgi;
  scgi_temp_path $tmp/scgi;
  types { text/html html; }
  server {
    listen 127.0.0.1:$NGINX_PORT backlog=4096;
    root $tmp/www;
  }
}
CONF

taskset -c "$SERVER_CPU" nginx -p "$tmp" -c "$tmp/nginx.conf" &
nginx_pid=$!
taskset -c "$SERVER_CPU" "$BUILD/http_static_server" "$tmp/www/page.html" "$OUR_PORT" "$THREADS" \
  >"$tmp/logs/ours.log" 2>&1 &
our_pid=$!
for port in "$NGINX_PORT" "$OUR_PORT"; do
  for _ in $(seq 100); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/page.html" && break
    sleep 0.1
  done
done
curl -sf -o /dev/null "http://127.0.0.1:$OUR_PORT/page.html" || { cat "$tmp/logs/ours.log"; exit 1; }

# CPU ticks (utime+stime) of a process and its children threads/processes.
ticks() {
  local total=0 p
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] || continue
    total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat")))
  done
  echo "$total"
}
nginx_pids() { echo "$nginx_pid" $(pgrep -P "$nginx_pid" || true); }
hz=$(getconf CLK_TCK)

declare -A rps p99 errs cpu_us
run_wrk() {  # name port conns
  local name=$1 port=$2 c=$3 out pids before after reqs
  if [ "$name" = nginx ]; then pids=$(nginx_pids); else pids=$our_pid; fi
  before=$(ticks $pids)
  out=$(taskset -c "$WRK_CPU" wrk -t1 -c"$c" -d"${DURATION}s" --latency \
        "http://127.0.0.1:$port/page.html")
  after=$(ticks $pids)
  rps[$name,$c]=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out")
  p99[$name,$c]=$(awk '$1 == "99%" {print $2}' <<<"$out")
  reqs=$(awk '/requests in/ {print $1}' <<<"$out")
  errs[$name,$c]=$(( $(awk '/Non-2xx/ {print $NF}' <<<"$out" | head -1 || echo 0) + 0 ))
  local sock
  sock=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out")
  errs[$name,$c]=$(( ${errs[$name,$c]} + ${sock:-0} ))
  cpu_us[$name,$c]=$(awk -v t=$((after - before)) -v hz="$hz" -v n="$reqs" \
                     'BEGIN { if (n > 0) printf "%.1f", t / hz * 1e6 / n; else print "-" }')
}

echo "page: $page_bytes bytes; duration ${DURATION}s per run; server on CPU $SERVER_CPU, wrk on CPU $WRK_CPU;" \
     "gongkai threads: $THREADS; nginx: 2 workers"
for c in $CONNS; do
  run_wrk nginx "$NGINX_PORT" "$c"
  run_wrk gongkai "$OUR_PORT" "$c"
done

to_ms() {  # wrk latency like 1.23ms / 850.00us / 1.02s → ms
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
    else print v }'
}
printf '\n| c | nginx req/s | gongkai req/s | ratio | nginx p99 ms | gongkai p99 ms | p99 goal ms | errors (nginx/gongkai) | CPU µs/req (nginx/gongkai) |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for c in $CONNS; do
  n=${rps[nginx,$c]}; g=${rps[gongkai,$c]}
  np=$(to_ms "${p99[nginx,$c]}"); gp=$(to_ms "${p99[gongkai,$c]}")
  printf '| %s | %s | %s | %s | %s | %s | %s | %s/%s | %s/%s |\n' "$c" "$n" "$g" \
    "$(awk -v a="$g" -v b="$n" 'BEGIN { printf "%.2f", a / b }')" "$np" "$gp" \
    "$(awk -v p="$np" 'BEGIN { printf "%.1f", 2 * p + 5 }')" \
    "${errs[nginx,$c]}" "${errs[gongkai,$c]}" "${cpu_us[nginx,$c]}" "${cpu_us[gongkai,$c]}"
done

# Idle keep-alive connections: CPU use while they are held open.
echo
for name in gongkai nginx; do
  if [ "$name" = nginx ]; then port=$NGINX_PORT; pids=$(nginx_pids); else port=$OUR_PORT; pids=$our_pid; fi
  coproc IDLE { taskset -c "$WRK_CPU" python3 bench/http/idle_clients.py "$port" "$IDLE_CONNS" "$IDLE_SECONDS"; }
  read -r ready <&"${IDLE[0]}"
  before=$(ticks $pids)
  read -r result <&"${IDLE[0]}"
  after=$(ticks $pids)
  wait "$IDLE_PID" 2>/dev/null || true
  awk -v n="$name" -v t=$((after - before)) -v hz="$hz" -v s="$IDLE_SECONDS" -v r="$result" -v c="$IDLE_CONNS" \
    'BEGIN { printf "%s: %d idle keep-alive connections for %d s: %.2f%% CPU (%s)\n", n, c, s, t / hz / s * 100, r }'
done
