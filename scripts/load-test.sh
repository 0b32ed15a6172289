#!/usr/bin/env bash
# Load against a running service with wrk: after $WARMUP_SECONDS (default 20) of the examples, not counted (the JIT
# compiles the hot paths in the first seconds after start; a service serves warm), 8 connections for $LOAD_SECONDS
# (default 60) twice —
#   1. the examples alone (every example, evaluations and comparisons in turn): p50, p99, throughput;
#   2. a mix of the examples, the Raspberry Pi 4 log import and the hostile suite's smaller inputs: no 5xx.
# The heap in use is sampled before, between and after (actuator's Prometheus endpoint).
#   scripts/load-test.sh http://127.0.0.1:18181
set -euo pipefail
base=${1:?usage: load-test.sh BASE_URL}
secs=${LOAD_SECONDS:-60}
warmup=${WARMUP_SECONDS:-20}
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 2; }
heap() { curl -fsS "$base/actuator/prometheus" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ { s += $NF } END { printf "%d MiB", s / 1048576 }'; }

examples=()
for f in examples/*.json; do
  examples+=(/api/v1/evaluations?mode=async application/json "$f" /api/v1/comparisons application/json "$f")
done
if [ "$warmup" -gt 0 ]; then
  echo "warm-up, not counted: the examples, 8 connections, ${warmup} s"
  wrk -t2 -c8 -d"${warmup}s" --timeout 10s -s scripts/load/mix.lua "$base" -- "${examples[@]}" >/dev/null
fi
echo "heap before: $(heap)"
echo "examples alone, 8 connections, ${secs} s:"
wrk -t2 -c8 -d"${secs}s" --timeout 10s -s scripts/load/mix.lua "$base" -- "${examples[@]}" | tail -n 1
echo "heap after the examples: $(heap)"

hostile=target/hostile
python3 scripts/hostile/generate.py "$hostile" >/dev/null
mix=("${examples[@]}" /api/v1/imports/dmesg text/plain src/test/resources/dmesg/rpi4-k6.18-baseline-run1.dmesg)
while IFS=$'\t' read -r id name method path ctype accept extra expect file; do
  size=$(stat -c %s "$hostile/$file")
  # the small ones (under 200 KB), sent as plain POSTs
  if [ "$method" = POST ] && [ "$extra" = - ] && [ "$size" -lt 200000 ]; then mix+=("$path" "$ctype" "$hostile/$file"); fi
done <"$hostile/cases.tsv"
echo "examples, an import and $(( (${#mix[@]} - ${#examples[@]} - 3) / 3 )) hostile inputs, 8 connections, ${secs} s:"
wrk -t2 -c8 -d"${secs}s" --timeout 10s -s scripts/load/mix.lua "$base" -- "${mix[@]}" | tail -n 1
echo "heap after the mix: $(heap)"
