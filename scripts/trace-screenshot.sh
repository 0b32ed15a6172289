#!/usr/bin/env bash
# Reproduces the trace screenshot in docs/img: one example's trace (?format=trace) opened in speedscope, a viewer
# that reads the Chrome Trace Event Format, in headless Chromium. The Perfetto UI is a web app served from
# ui.perfetto.dev (not reachable from the machine this was made on), so speedscope from the npm registry stands in.
# Not needed by the tests or CI.
#   scripts/trace-screenshot.sh [EXAMPLE] [MODE] [THREAD] [OUT.png]
#   default: storage-server async 3 docs/img/storage-server-async-trace.png
# THREAD is the 1-based track speedscope shows (it shows one track at a time; 3 is udev-worker-0 here, which loads
# mpt3sas, probes both HBAs, waits for their async work (the SCSI scans) and then loads sd_mod and bnx2x).
# Needs: a JDK 21+, node 20+, npm, python3, curl and Debian's chromium (apt-get install chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

example=${1:-storage-server}
mode=${2:-async}
thread=${3:-3}
out=${4:-docs/img/$example-$mode-trace.png}
work=target/trace-screenshot
mkdir -p "$work/www" "$(dirname "$out")"
log() { printf '[trace-screenshot] %s\n' "$*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

command -v chromium >/dev/null || { log "chromium is missing (sudo apt-get install chromium)"; exit 1; }
java_bin=$(scripts/find-java.sh 21) || { log "no JDK 21+ found"; exit 1; }

pids=()
profile=$(mktemp -d)
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$profile"
}
trap cleanup EXIT

if [ ! -f "$work/node_modules/speedscope/dist/release/index.html" ]; then
  log "installing speedscope 1.25.0 from the npm registry into $work"
  npm install --no-audit --no-fund --prefix "$work" speedscope@1.25.0 >/dev/null
fi
cp -r "$work/node_modules/speedscope/dist/release/." "$work/www/"

jar=$(ls target/boot-plan-evaluator-*.jar 2>/dev/null | grep -v plain | head -n 1 || true)
if [ -z "$jar" ]; then
  log "building the jar"
  ./mvnw -B -ntp -q -DskipTests package
  jar=$(ls target/boot-plan-evaluator-*.jar | grep -v plain | head -n 1)
fi
port=$(free_port)
log "starting $jar on 127.0.0.1:$port"
"$java_bin" -jar "$jar" --server.port="$port" --server.address=127.0.0.1 >"$work/service.log" 2>&1 &
service=$!
pids+=("$service")
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 "$service" 2>/dev/null || { tail -n 30 "$work/service.log" >&2; exit 1; }
  sleep 0.5
done
curl -fsS -H 'Content-Type: application/json' --data-binary "@examples/$example.json" \
  "http://127.0.0.1:$port/api/v1/evaluations?mode=$mode&format=trace" -o "$work/www/trace.json"
kill "$service"
log "trace: $(wc -c <"$work/www/trace.json") bytes"

web=$(free_port)
python3 -m http.server "$web" --bind 127.0.0.1 --directory "$work/www" >"$work/http.log" 2>&1 &
pids+=("$!")
devtools=$(free_port)
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --remote-debugging-address=127.0.0.1 \
  --remote-debugging-port="$devtools" about:blank >"$work/chromium.log" 2>&1 &
pids+=("$!")
for _ in $(seq 1 40); do curl -fsS "http://127.0.0.1:$devtools/json/version" >/dev/null 2>&1 && break; sleep 0.25; done

title=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$example ($mode), ?format=trace in speedscope")
url="http://127.0.0.1:$web/index.html#profileURL=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "http://127.0.0.1:$web/trace.json")&title=$title"
node --experimental-websocket scripts/trace-screenshot.mjs "$devtools" "$url" "$((thread - 1))" "$out" 1600 900
log "wrote $out"
