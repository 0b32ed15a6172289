#!/usr/bin/env bash
# Benchmark the dmesg import (POST /api/v1/imports/dmesg, SVG out) against the kernel's own boot-graph
# tools, scripts/bootgraph.pl and tools/power/pm-graph/bootgraph.py, each timed as a whole process by
# hyperfine on the same log, for logs of 1,000, 20,000 and 200,000 initcalls made by
# scripts/make-shifted-log from the Raspberry Pi 4 test log.
#
#   scripts/bench-dmesg-import.sh
#
# On a Debian 12 machine, as root, it:
#   1. installs hyperfine, perl, python3, curl and xz-utils with apt-get if one is missing;
#   2. downloads Debian's linux-source-6.12 (apt-get download) into target/bench-cache/ and extracts
#      only scripts/bootgraph.pl and tools/power/pm-graph/ from it (nothing of it is committed);
#   3. builds the jar if there is none (./mvnw -B -ntp -q -DskipTests package), copies it into the cache
#      (so that a `mvnw package` run meanwhile cannot replace it under the running JVM) and starts it
#      with a JDK 21+ (found as .ci/run finds it) on a free loopback port, with 512MB body limits;
#   4. writes the logs, checks each tool's output once (HTTP 200 and a real SVG from the service, a
#      non-empty SVG from bootgraph.pl, an HTML file from bootgraph.py), warms the service up;
#   5. runs hyperfine (--warmup 2) for each size and tool, exporting JSON and Markdown into
#      target/bench/, and prints a summary: medians (min-max), the ratios bootgraph.pl/service and
#      bootgraph.py/service, microseconds per initcall (the linearity check), what each tool drew, and
#      the service's heap. Exit status non-zero if a tool failed or a check did not hold.
#
# What is timed, per size N (log = target/bench/logs/initcalls-N.log):
#   service       curl -sS --fail -o target/bench/out/service-N.svg -H 'Content-Type: text/plain' \
#                   -H 'Accept: image/svg+xml' -H 'Expect:' -X POST -T log http://127.0.0.1:PORT/api/v1/imports/dmesg
#                 (-T streams the file as it reads it; --data-binary @log first reads the whole log into curl's
#                 memory, which cost curl itself 250 ms of CPU on the 39 MB log, more than the service's work.
#                 The empty Expect: header skips the 100-continue round trip curl makes before a large body.)
#   bootgraph.pl  perl bootgraph.pl < log > target/bench/out/bootgraph-pl-N.svg
#   bootgraph.py  python3 bootgraph.py -dmesg target/bench/out/bootgraph-py-N_dmesg.txt
#                 (a symbolic link to the log: with -dmesg, bootgraph.py writes its HTML next to the
#                 log as NAME.html for a log named NAME_dmesg.txt, else ./bootgraph.html; its -o only
#                 names the folder of a new capture and is ignored with -dmesg)
#
# The logs: by default built with `make-shifted-log --all-tools`, so that every tool takes in all N
# initcalls (see that script): the "Freeing unused kernel memory" line is left out (bootgraph.pl stops
# recording initcalls at it), repeated initcall names get a "__k" suffix (bootgraph.pl keeps one box per
# name), and the time axis is compressed so that the log ends before 120 s (bootgraph.py stops reading
# at the first line stamped after 120 s). BENCH_LOG_STYLE=verbatim uses plain shifted copies instead.
# bootgraph.py's row packing is quadratic in the number of initcalls: where the previous size predicts
# that one run would take longer than BENCH_PY_BUDGET seconds, it is run once, under `timeout`, and
# reported as "> BUDGET s" if it does not finish (that is not counted as a failure).
#
# Settings (environment):
#   BENCH_SIZES        sizes in initcalls (default "1000 20000 200000")
#   BENCH_RUNS         hyperfine's --min-runs for the service and bootgraph.pl (default 10)
#   BENCH_PY_RUNS      hyperfine's --runs for bootgraph.py (default 5)
#   BENCH_PY_BUDGET    seconds one bootgraph.py run may take (default 900; 0: no limit)
#   BENCH_LOG_STYLE    all-tools (default) or verbatim
#   BENCH_JAVA_OPTS    JVM options for the service (default none: the JVM's own heap sizing; its GC
#                      pauses are logged to target/bench/service-gc.log)
#   BENCH_PORT         the service's port (default: a free one)
#   BENCH_REBUILD=1    build the jar even if target/ has one (else an existing jar is timed as it is)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

SIZES="${BENCH_SIZES:-1000 20000 200000}"
RUNS="${BENCH_RUNS:-10}"
PY_RUNS="${BENCH_PY_RUNS:-5}"
PY_BUDGET="${BENCH_PY_BUDGET:-900}"
LOG_STYLE="${BENCH_LOG_STYLE:-all-tools}"
JAVA_OPTS="${BENCH_JAVA_OPTS:-}"
WARMUP=2
CACHE="$ROOT/target/bench-cache"
OUT="$ROOT/target/bench"
KSRC="$CACHE/linux-source-6.12"
PL="$KSRC/scripts/bootgraph.pl"
PY="$KSRC/tools/power/pm-graph/bootgraph.py"

log() { printf '\n== %s\n' "$*" >&2; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }
case "$LOG_STYLE" in all-tools) style_opt=(--all-tools) ;; verbatim) style_opt=() ;; *) die "BENCH_LOG_STYLE: all-tools or verbatim" ;; esac

# ---- 1. tools -------------------------------------------------------------------------------------
need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v perl >/dev/null || need+=(perl)
command -v python3 >/dev/null || need+=(python3)
command -v curl >/dev/null || need+=(curl)
command -v xz >/dev/null || need+=(xz-utils)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi

# ---- 2. the kernel's tools, from Debian's linux-source-6.12 ----------------------------------------
mkdir -p "$CACHE" "$OUT/logs" "$OUT/out"
if [ ! -f "$PL" ] || [ ! -f "$PY" ] || [ ! -f "$KSRC/tools/power/pm-graph/sleepgraph.py" ]; then
  log "fetching linux-source-6.12 into $CACHE"
  rm -f "$CACHE"/linux-source-6.12_*.deb
  (cd "$CACHE" && { apt-get download -q linux-source-6.12 2>/dev/null \
    || { apt-get update -qq && apt-get download -q linux-source-6.12; }; }) >/dev/null
  deb=$(ls "$CACHE"/linux-source-6.12_*.deb | head -n 1)
  rm -rf "$KSRC"
  dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/src/linux-source-6.12.tar.xz \
    | tar -xJf - -C "$CACHE" --wildcards 'linux-source-6.12/scripts/bootgraph.pl' 'linux-source-6.12/tools/power/pm-graph/*'
  basename "$deb" .deb >"$KSRC/DEBIAN-PACKAGE"
  rm -f "$deb" # 150 MB; only the two tools are kept
fi
[ -f "$PL" ] && [ -f "$PY" ] || die "bootgraph.pl or bootgraph.py missing under $KSRC"

# ---- 3. the service -------------------------------------------------------------------------------
# The jar needs Java 21+, and `java` on the PATH may be 17: pick an installed JDK 21+ (as .ci/run does).
java_bin=$("$ROOT/scripts/find-java.sh" 21 || true)
[ -n "$java_bin" ] || die "no JDK 21+ found to run the jar"

jar=$(ls target/boot-plan-evaluator-*.jar 2>/dev/null | grep -v plain | head -n 1 || true)
if [ -z "$jar" ] || [ "${BENCH_REBUILD:-0}" = 1 ]; then
  log "building the jar (./mvnw -B -ntp -q -DskipTests package)"
  ./mvnw -B -ntp -q -DskipTests package
  jar=$(ls target/boot-plan-evaluator-*.jar | grep -v plain | head -n 1)
fi
cp "$jar" "$CACHE/service.jar"

# bootplan.limits.max-import-size caps bodies under /api/v1/imports/ (default 64MB); max-body-size caps the
# rest (default 8MB). A jar built before max-import-size existed (it came in with commit be1eefd) gets only
# max-body-size, which then capped imports too. The 200,000-initcall log is about 39 MB.
limits=(--bootplan.limits.max-body-size=512MB)
if python3 - "$CACHE/service.jar" <<'EOF'; then limits+=(--bootplan.limits.max-import-size=512MB); fi
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    names = [n for n in z.namelist() if n.startswith("BOOT-INF/classes/dev/bootplan/config/BootPlanProperties")]
    sys.exit(0 if any(b"maxImportSize" in z.read(n) for n in names) else 1)
EOF

port="${BENCH_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
base="http://127.0.0.1:$port"
url="$base/api/v1/imports/dmesg"
log "starting the service with $java_bin on $base (${limits[*]})"
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
"$java_bin" -Xlog:gc:file="$OUT/service-gc.log" $JAVA_OPTS -jar "$CACHE/service.jar" --server.port="$port" --server.address=127.0.0.1 "${limits[@]}" \
  >"$OUT/service.log" 2>&1 &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM
for _ in $(seq 1 180); do
  curl -fsS "$base/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { tail -n 50 "$OUT/service.log" >&2; die "the service died while starting"; }
  sleep 1
done
curl -fsS "$base/actuator/health/readiness" >/dev/null || die "the service is not ready after 180 s"

# ---- 4. logs, checks, warm-up ---------------------------------------------------------------------
failures=0
fail() { printf 'FAIL %s\n' "$*" >&2; failures=$((failures + 1)); }

# The service's SVG: HTTP 200, starts with <svg, more than 1 KB. Prints status, seconds, bytes.
post_svg() { # log, out
  curl -sS -o "$2" -w '%{http_code} %{time_total} %{size_download}' -H 'Content-Type: text/plain' \
    -H 'Accept: image/svg+xml' -H 'Expect:' -X POST -T "$1" "$url" || echo "curl-failed 0 0"
}
check_svg() { # name, file, status
  if [ "$3" != 200 ]; then
    fail "$1: HTTP $3: $(head -c 600 "$2" 2>/dev/null)"
  elif [ "$(head -c 4 "$2")" != "<svg" ] || [ "$(stat -c %s "$2")" -lt 1024 ]; then
    fail "$1: not an SVG of more than 1 KB: $(head -c 200 "$2")"
  fi
}
metrics() { # the service's heap (MB used, committed, max), GC pauses (count, seconds) and peak RSS (MB)
  curl -fsS "$base/actuator/prometheus" 2>/dev/null | python3 -c '
import re, sys
used = committed = mx = gc_s = gc_n = 0.0
for l in sys.stdin:
    m = re.match(r"(\w+)\{([^}]*)\} (\S+)", l)
    if not m: continue
    name, labels, v = m.group(1), m.group(2), float(m.group(3))
    heap = "area=\"heap\"" in labels
    if name == "jvm_memory_used_bytes" and heap: used += v
    elif name == "jvm_memory_committed_bytes" and heap: committed += v
    elif name == "jvm_memory_max_bytes" and heap and v > 0: mx += v
    elif name == "jvm_gc_pause_seconds_sum": gc_s += v
    elif name == "jvm_gc_pause_seconds_count": gc_n += v
print("%.0f %.0f %.0f %d %.3f" % (used / 2**20, committed / 2**20, mx / 2**20, gc_n, gc_s), end="")
' || printf '0 0 0 0 0'
  printf ' %s\n' "$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status" 2>/dev/null || echo 0)"
}
describe_heap() { # metrics before, metrics after, requests in between
  awk -v a="$1" -v b="$2" -v r="$3" 'BEGIN { split(a, x, " "); split(b, y, " ");
    printf "heap used %d MB (committed %d MB, max %d MB) after %d requests; GC pauses during them: %d, %.2f s in all (%.0f ms per request); peak RSS %d MB\n",
      y[1], y[2], y[3], r, y[4] - x[4], y[5] - x[5], (y[5] - x[5]) * 1000 / r, y[6] }'
}

for n in $SIZES; do
  lf="$OUT/logs/initcalls-$n.log"
  scripts/make-shifted-log "$n" "${style_opt[@]}" -o "$lf"
  ln -sfn "../logs/initcalls-$n.log" "$OUT/out/bootgraph-py-${n}_dmesg.txt"
  read -r code secs bytes <<<"$(post_svg "$lf" "$OUT/out/service-$n.svg")"
  printf 'first post of %s initcalls (%s bytes): HTTP %s in %s s, %s bytes of SVG\n' "$n" "$(stat -c %s "$lf")" "$code" "$secs" "$bytes"
  check_svg "service, $n initcalls" "$OUT/out/service-$n.svg" "$code"
done
[ "$failures" -eq 0 ] || die "the service failed (see above, and $OUT/service.log)"
warm="$OUT/logs/initcalls-$(for n in $SIZES; do echo "$n"; done | sort -n | awk '$1 <= 20000' | tail -n 1).log"
[ -f "$warm" ] || warm="$OUT/logs/initcalls-$(for n in $SIZES; do echo "$n"; done | sort -n | head -n 1).log"
log "warming the service up: 10 posts of $(basename "$warm")"
for _ in $(seq 1 10); do post_svg "$warm" "$OUT/out/warm.svg" >/dev/null; done
printf 'after warm-up: %s\n' "$(describe_heap "0 0 0 0 0 0" "$(metrics)" "$((10 + $(echo $SIZES | wc -w)))")"

# ---- 5. hyperfine ---------------------------------------------------------------------------------
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
q() { printf "'%s'" "$1"; } # the paths hold no quote
prev_n=""
prev_py=""
for n in $SIZES; do
  lf="$OUT/logs/initcalls-$n.log"
  svc_cmd="curl -sS --fail -o $(q "$OUT/out/service-$n.svg") -H 'Content-Type: text/plain' -H 'Accept: image/svg+xml' -H 'Expect:' -X POST -T $(q "$lf") $(q "$url")"
  pl_cmd="perl $(q "$PL") < $(q "$lf") > $(q "$OUT/out/bootgraph-pl-$n.svg")"
  py_cmd="python3 $(q "$PY") -dmesg $(q "$OUT/out/bootgraph-py-${n}_dmesg.txt")"
  rm -f "$OUT/out/bootgraph-py-$n.html" "$OUT/$n-bootgraph-py.dnf"

  log "$n initcalls: service"
  before=$(metrics)
  hyperfine --style basic --warmup "$WARMUP" --min-runs "$RUNS" -n service \
    --export-json "$OUT/$n-service.json" --export-markdown "$OUT/$n-service.md" "$svc_cmd" \
    || fail "service, $n initcalls: a run failed (curl --fail: HTTP status >= 400, or no answer)"
  requests=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["results"][0]["times"]) + int(sys.argv[2]))' "$OUT/$n-service.json" "$WARMUP" 2>/dev/null || echo 1)
  describe_heap "$before" "$(metrics)" "$requests" | tee "$OUT/$n-service-heap.txt"
  read -r code secs bytes <<<"$(post_svg "$lf" "$OUT/out/service-$n.svg")"
  check_svg "service, $n initcalls (after the runs)" "$OUT/out/service-$n.svg" "$code"

  log "$n initcalls: bootgraph.pl"
  hyperfine --style basic --warmup "$WARMUP" --min-runs "$RUNS" -n bootgraph.pl \
    --export-json "$OUT/$n-bootgraph-pl.json" --export-markdown "$OUT/$n-bootgraph-pl.md" "$pl_cmd" \
    || fail "bootgraph.pl, $n initcalls: a run failed"
  [ -s "$OUT/out/bootgraph-pl-$n.svg" ] || fail "bootgraph.pl, $n initcalls: empty output"

  log "$n initcalls: bootgraph.py"
  predicted=""
  if [ -n "$prev_py" ]; then
    predicted=$(awk -v t="$prev_py" -v a="$prev_n" -v b="$n" 'BEGIN { printf "%.0f", t * (b / a) * (b / a) }')
  fi
  if [ "$PY_BUDGET" != 0 ] && [ -n "$predicted" ] && [ "$predicted" -gt "$PY_BUDGET" ]; then
    printf 'bootgraph.py: %s s at %s initcalls predicts ~%s s here (quadratic); one run, at most %s s\n' \
      "$prev_py" "$prev_n" "$predicted" "$PY_BUDGET"
    hyperfine --style basic --warmup 0 --runs 1 -i -n bootgraph.py \
      --export-json "$OUT/$n-bootgraph-py.json" --export-markdown "$OUT/$n-bootgraph-py.md" \
      "timeout $PY_BUDGET $py_cmd" || true
    rc=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0].get("exit_codes", [0])[0])' "$OUT/$n-bootgraph-py.json")
    if [ "$rc" = 124 ]; then
      echo "$PY_BUDGET" >"$OUT/$n-bootgraph-py.dnf"
      printf 'bootgraph.py did not finish in %s s (stopped)\n' "$PY_BUDGET"
    elif [ "$rc" != 0 ]; then
      fail "bootgraph.py, $n initcalls: exit status $rc"
    fi
  else
    hyperfine --style basic --warmup "$WARMUP" --runs "$PY_RUNS" -n bootgraph.py \
      --export-json "$OUT/$n-bootgraph-py.json" --export-markdown "$OUT/$n-bootgraph-py.md" "$py_cmd" \
      || fail "bootgraph.py, $n initcalls: a run failed"
  fi
  if [ ! -f "$OUT/$n-bootgraph-py.dnf" ]; then
    [ -s "$OUT/out/bootgraph-py-$n.html" ] || fail "bootgraph.py, $n initcalls: no $OUT/out/bootgraph-py-$n.html"
    prev_py=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$OUT/$n-bootgraph-py.json")
    prev_n=$n
  fi
done

# ---- summary --------------------------------------------------------------------------------------
log "summary"
{
  echo "Machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(free -g | awk '/Mem:/ {print $2}') GiB; load average $load_before before the runs, $(cut -d' ' -f1-3 /proc/loadavg) after"
  echo "Service: $("$java_bin" -version 2>&1 | head -n 1), ${JAVA_OPTS:-default heap}; $(basename "$jar")"
  echo "Tools: $(cat "$KSRC/DEBIAN-PACKAGE" 2>/dev/null || echo linux-source-6.12); $(perl -e 'printf "perl %vd", $^V'); $(python3 --version); $(hyperfine --version); $(curl --version | head -n 1 | cut -d' ' -f1-2)"
  echo "Logs: make-shifted-log ${style_opt[*]:-(verbatim)}; hyperfine --warmup $WARMUP, min runs $RUNS (bootgraph.py: $PY_RUNS)"
  echo "Timed commands (for $n initcalls; hyperfine runs them with sh -c and subtracts the shell's start-up):"
  printf '  %s\n' "$svc_cmd" "$pl_cmd" "$py_cmd"
  echo
  python3 - "$OUT" "$SIZES" <<'EOF'
import json, os, re, sys
out, sizes = sys.argv[1], [int(s) for s in sys.argv[2].split()]

def result(n, tool):
    p = os.path.join(out, f"{n}-{tool}.json")
    if not os.path.exists(p):
        return None
    r = json.load(open(p))["results"][0]
    dnf = os.path.join(out, f"{n}-{tool}.dnf")
    if os.path.exists(dnf):
        return {"dnf": float(open(dnf).read())}
    return {"median": r["median"], "min": r["min"], "max": r["max"], "runs": len(r["times"])}

def cell(r):
    if r is None: return "—"
    if "dnf" in r: return f"> {r['dnf']:.0f} s (stopped)"
    return f"{r['median']:.3f} s ({r['min']:.3f}–{r['max']:.3f}, {r['runs']} run{'s' if r['runs'] != 1 else ''})"

def ratio(a, b):
    if a is None or b is None: return "—"
    if "dnf" in a: return f"> {a['dnf'] / b['median']:.1f}×"
    return f"{a['median'] / b['median']:.2f}×"

def per(r, n):
    if r is None: return "—"
    if "dnf" in r: return f"> {r['dnf'] * 1e6 / n:.0f}"
    return f"{r['median'] * 1e6 / n:.1f}"

print("| initcalls | log | service (curl) | bootgraph.pl | bootgraph.py | pl / service | py / service | µs per initcall: service / pl / py |")
print("|---:|---:|---|---|---|---:|---:|---|")
for n in sizes:
    s, pl, py = result(n, "service"), result(n, "bootgraph-pl"), result(n, "bootgraph-py")
    size = os.path.getsize(os.path.join(out, "logs", f"initcalls-{n}.log"))
    print(f"| {n:,} | {size / 1e6:.1f} MB | {cell(s)} | {cell(pl)} | {cell(py)} | {ratio(pl, s)} | {ratio(py, s)} "
          f"| {per(s, n)} / {per(pl, n)} / {per(py, n)} |")
print()
print("Medians; (min–max). Ratios above 1: the service is faster.")
print()
print("What each tool drew:")
for n in sizes:
    log = open(os.path.join(out, "logs", f"initcalls-{n}.log"), encoding="utf-8").read()
    calls = len(re.findall(r"^\[[ \d.]+\] calling  \S+\+0x", log, re.M))
    svg = os.path.join(out, "out", f"service-{n}.svg")
    title = re.search(r"<title>(.*?)</title>", open(svg, encoding="utf-8").read()) if os.path.exists(svg) else None
    merged = re.search(r"(\d+) sub-pixel spans merged into (\d+) bars", open(svg, encoding="utf-8").read()) if title else None
    pl = os.path.join(out, "out", f"bootgraph-pl-{n}.svg")
    pl_boxes = open(pl).read().count("<rect") if os.path.exists(pl) else 0
    py = os.path.join(out, "out", f"bootgraph-py-{n}.html")
    py_boxes = len(re.findall(r'class="thread', open(py).read())) if os.path.exists(py) else None
    print(f"  {n:,} initcalls in the log ({calls} 'calling' lines):")
    print(f"    service:      {title.group(1) if title else '?'}" + (f"; {merged.group(1)} sub-pixel spans merged into {merged.group(2)} bars" if merged else ""))
    print(f"    bootgraph.pl: {pl_boxes} boxes (it draws only initcalls lasting at least 1/1200 of the log's span)")
    print(f"    bootgraph.py: " + (f"{py_boxes} initcall boxes" if py_boxes is not None else "no HTML (not finished)"))
EOF
  echo
  echo "Service heap and GC, per size (all GC pauses: $OUT/service-gc.log):"
  for n in $SIZES; do printf '  %s: %s\n' "$n" "$(cat "$OUT/$n-service-heap.txt" 2>/dev/null)"; done
} | tee "$OUT/summary.md"

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) or tool run(s) failed" >&2
  exit 1
fi
