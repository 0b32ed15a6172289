#!/usr/bin/env bash
# The hostile-input suite against a running service: every case of scripts/hostile/generate.py is posted in turn.
# A case passes when its answer is no 5xx, of the class the case expects (2xx, 4xx or any), within $HOSTILE_MAX_S
# seconds (default 2), and the service is healthy right after. The heap's peak (actuator) is reported at the end.
#
#   scripts/hostile-suite.sh http://127.0.0.1:18181 [WORKDIR]     # exit 0 when every case passes
#   HOSTILE_STRICT=0 scripts/hostile-suite.sh …   # fail only when the service dies, is unhealthy or answers a 500
#                                                   (the rest is printed as notes)
#
# Start the service as the suite expects, e.g.:
#   java -Xmx512m -jar target/boot-plan-evaluator-*.jar --bootplan.limits.request-deadline=1500ms
set -uo pipefail
base=${1:?usage: hostile-suite.sh BASE_URL [WORKDIR]}
work=${2:-target/hostile}
max_s=${HOSTILE_MAX_S:-2}
strict=${HOSTILE_STRICT:-1}
here=$(cd "$(dirname "$0")" && pwd)

python3 "$here/hostile/generate.py" "$work" >/dev/null || { echo "could not write the cases" >&2; exit 2; }

heap_peak=0
heap_now() { # the heap in use now, summed over its pools, from the Prometheus endpoint
  curl -fsS --max-time 2 "$base/actuator/prometheus" 2>/dev/null \
    | awk '/^jvm_memory_used_bytes\{.*area="heap"/ { s += $NF } END { printf "%d\n", s }'
}

# Healthy: liveness answers UP within 2 s, asked up to 5 times (a full GC after a large case may hold one answer).
healthy() {
  local try
  for try in 1 2 3 4 5; do
    curl -fsS --max-time 2 "$base/actuator/health/liveness" 2>/dev/null | grep -q '"UP"' && return 0
    sleep 1
  done
  return 1
}

passed=0
failed=0
noted=0
slowest=0
while IFS=$'\t' read -r id name method path ctype accept extra expect file; do
  [ -n "$id" ] || continue
  args=(-sS -o /dev/null -w '%{http_code} %{time_total}' --max-time 30 -X "$method" -H "Content-Type: $ctype" -H "Accept: $accept")
  # shellcheck disable=SC2206 # extra is a list of curl words written by the generator
  [ "$extra" != - ] && args+=($extra)
  [ "$method" = GET ] || args+=(--data-binary "@$work/$file")
  result=$(curl "${args[@]}" "$base$path" 2>/dev/null || echo "000 0")
  code=${result%% *}
  secs=${result##* }
  why=""
  case "$code" in
    000) why="no answer" ;;
    5*) why="a $code" ;;
  esac
  if [ -z "$why" ]; then
    case "$expect" in
      2xx) [[ $code == 2* ]] || why="expected 2xx" ;;
      4xx) [[ $code == 4* ]] || why="expected 4xx" ;;
    esac
  fi
  if [ -z "$why" ] && awk -v s="$secs" -v m="$max_s" 'BEGIN { exit !(s > m) }'; then
    why="took ${secs}s"
  fi
  if ! healthy; then
    why="${why:+$why; }service unhealthy after it"
  fi
  heap=$(heap_now)
  [ "$heap" -gt "$heap_peak" ] && heap_peak=$heap
  slowest=$(awk -v a="$slowest" -v b="$secs" 'BEGIN { print (b > a ? b : a) }')
  fatal=1
  if [ "$strict" = 0 ] && [[ $why != *"no answer"* && $why != *unhealthy* && $code != 500 ]]; then
    fatal=0
  fi
  if [ -z "$why" ]; then
    passed=$((passed + 1))
    printf 'ok   %3s %-45s %s %5.2fs\n' "$id" "$name" "$code" "$secs"
  elif [ "$fatal" = 0 ]; then
    noted=$((noted + 1))
    printf 'note %3s %-45s %s %5.2fs  %s\n' "$id" "$name" "$code" "$secs" "$why"
  else
    failed=$((failed + 1))
    printf 'FAIL %3s %-45s %s %5.2fs  %s\n' "$id" "$name" "$code" "$secs" "$why"
  fi
done <"$work/cases.tsv"

echo "hostile suite: $passed of $((passed + failed + noted)) cases passed, $noted noted, $failed failed; slowest answer ${slowest}s;" \
  "heap peak $((heap_peak / 1048576)) MiB"
[ "$failed" -eq 0 ]
