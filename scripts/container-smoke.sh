#!/usr/bin/env bash
# Build the boot-plan evaluator's container image with podman and smoke-test it.
#
# Meant for a Debian 12 machine where we are root and no image registry is
# reachable (only Debian's packages and Maven Central are). It:
#   1. installs podman, runc, debootstrap, curl and jq from Debian;
#   2. writes a containers.conf drop-in that this kind of machine needs;
#   3. makes local stand-ins for the Dockerfile's base images
#      (eclipse-temurin:<N>-jdk / -jre) from a debootstrapped Debian and the
#      host's Temurin JDK, unless images of those names already exist;
#   4. builds the image from ./Dockerfile;
#   5. runs it with memory/pids/cpu limits on a loopback port, waits until it
#      is healthy, checks it runs as non-root and its HEALTHCHECK passes,
#      POSTs a small manifest to /api/v1/evaluations?mode=async and expects a
#      200 JSON body with a "milestones" field;
#   6. posts the hostile suite's heaviest inputs (scripts/hostile/) and checks it stays healthy under its limits;
#   7. stops it with SIGTERM and checks the JVM shut down gracefully;
# and prints how long each phase took. Safe to run again: finished steps are
# skipped, and a container left over from an earlier run is replaced.
#
# Settings (environment): IMAGE, CONTAINER, HOST_PORT, MEMORY, CPUS, PIDS,
# HEALTH_TIMEOUT (s), WORK_DIR, HOST_JDK, DEBIAN_SUITE, DEBIAN_MIRROR,
# REBUILD_BASE=1 (remake the stand-in base images), PODMAN_BUILD_OPTS (extra
# `podman build` flags, e.g. --no-cache).
set -euo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

IMAGE="${IMAGE:-localhost/boot-plan-evaluator:smoke}"
CONTAINER="${CONTAINER:-boot-plan-evaluator-smoke}"
# Not 8080: a developer's `spring-boot:run` may already hold that port.
HOST_PORT="${HOST_PORT:-18080}"
MEMORY="${MEMORY:-768m}"
CPUS="${CPUS:-2}"
# Threads count against the pids limit: Tomcat alone may use 200.
PIDS="${PIDS:-512}"
HEALTH_TIMEOUT="${HEALTH_TIMEOUT:-120}"
WORK_DIR="${WORK_DIR:-/var/tmp/boot-plan-evaluator-container}"
HOST_JDK="${HOST_JDK:-}"
DEBIAN_SUITE="${DEBIAN_SUITE:-bookworm}"
DEBIAN_MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
REBUILD_BASE="${REBUILD_BASE:-0}"
PODMAN_BUILD_OPTS="${PODMAN_BUILD_OPTS:-}"

MINBASE_IMAGE="localhost/boot-plan-evaluator/debian-minbase:${DEBIAN_SUITE}"
BASE_URL="http://127.0.0.1:${HOST_PORT}"
LOG_DIR="${WORK_DIR}/logs"

# A minimal manifest (the shape of dev.bootplan.manifest.Manifest): one AHCI
# controller, its driver and its module.
MANIFEST='{"name":"smoke","kernel":{"version":"6.12","cmdline":"quiet"},"drivers":[{"name":"ahci","probeType":"default"}],"modules":[{"name":"ahci","init":"2ms","drivers":["ahci"]}],"devices":[{"name":"0000:00:1f.2","driver":"ahci","probeTime":"6ms"}]}'

# ---------------------------------------------------------------------------
# Reporting helpers
# ---------------------------------------------------------------------------
declare -a TIMINGS=() RESULTS=()
FAILED=0

log() { printf '==> %s\n' "$*" >&2; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
record_time() { TIMINGS+=("$(printf '%-34s %8s s' "$1" "$2")"); }
pass() { RESULTS+=("PASS  $*"); log "PASS: $*"; }
fail() { RESULTS+=("FAIL  $*"); log "FAIL: $*"; FAILED=1; }
die() { fail "$*"; exit 1; }

summary() {
  printf '\n---- timings ----\n'
  printf '%s\n' "${TIMINGS[@]+"${TIMINGS[@]}"}"
  printf '\n---- checks ----\n'
  printf '%s\n' "${RESULTS[@]+"${RESULTS[@]}"}"
  printf '\nlogs: %s\n' "$LOG_DIR"
}

# podman 4.3 schedules HEALTHCHECKs with systemd timers. Without systemd (as
# in a container or VM like this one) every run/stop/rm prints "unable to get
# systemd connection" errors; they are harmless (`podman healthcheck run`
# still works), so only those lines are dropped.
podman_q() {
  podman "$@" 2> >(grep -v 'unable to get systemd connection' >&2)
}

cleanup() {
  local rc=$?
  if podman container exists "$CONTAINER" 2>/dev/null; then
    if [ "$rc" -ne 0 ] || [ "$FAILED" -ne 0 ]; then
      podman logs "$CONTAINER" >"$LOG_DIR/container.log" 2>&1 || true
      log "last container log lines (all in $LOG_DIR/container.log):"
      tail -n 30 "$LOG_DIR/container.log" >&2 || true
    fi
    podman_q rm -f -t 5 "$CONTAINER" >/dev/null || true
  fi
  summary
  if [ "$rc" -eq 0 ] && [ "$FAILED" -ne 0 ]; then rc=1; fi
  exit "$rc"
}

# ---------------------------------------------------------------------------
# 1. Host packages
# ---------------------------------------------------------------------------
install_packages() {
  # podman brings conmon, the CNI plugins and iptables; runc because the
  # containers.conf below selects it; curl and jq for the checks.
  local pkgs=(podman runc debootstrap curl jq ca-certificates)
  local missing=()
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    log "packages already installed"
    return
  fi
  log "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    >"$LOG_DIR/apt-install.log" 2>&1 || { tail -n 20 "$LOG_DIR/apt-install.log" >&2; die "apt-get install failed"; }
}

# ---------------------------------------------------------------------------
# 2. containers.conf
# ---------------------------------------------------------------------------
write_containers_conf() {
  # Podman's default ulimits (nofile=1048576) are above this machine's hard
  # limits and root lacks CAP_SYS_RESOURCE to raise them, so runc fails with
  # "error setting rlimits ... operation not permitted". Stay within the
  # host's hard limits. A drop-in leaves any containers.conf of the admin's
  # alone.
  local hard_nofile hard_nproc nofile nproc conf tmp
  hard_nofile="$(ulimit -Hn)"
  hard_nproc="$(ulimit -Hu)"
  nofile=65536
  nproc=4096
  [ "$hard_nofile" = unlimited ] || [ "$hard_nofile" -ge "$nofile" ] || nofile="$hard_nofile"
  [ "$hard_nproc" = unlimited ] || [ "$hard_nproc" -ge "$nproc" ] || nproc="$hard_nproc"
  conf=/etc/containers/containers.conf.d/50-boot-plan-evaluator.conf
  tmp="$(mktemp)"
  cat >"$tmp" <<EOF
# Written by boot-plan-evaluator's scripts/container-smoke.sh.
[containers]
default_ulimits = ["nofile=${nofile}:${nofile}", "nproc=${nproc}:${nproc}"]

[engine]
runtime = "runc"
EOF
  mkdir -p "$(dirname "$conf")"
  if cmp -s "$tmp" "$conf"; then
    rm -f "$tmp"
    log "containers.conf drop-in up to date ($conf)"
  else
    install -m 0644 "$tmp" "$conf"
    rm -f "$tmp"
    log "wrote $conf (nofile=$nofile, nproc=$nproc)"
  fi
}

# ---------------------------------------------------------------------------
# 3. Stand-in base images
# ---------------------------------------------------------------------------
# Sets HOST_JDK_DIR and JAVA_MAJOR: the newest JDK 21+ with jlink (for the
# JRE) under /usr/lib/jvm, or HOST_JDK. Debian 12's own OpenJDK is 17, so on
# this machine that is the Temurin JDK installed beside it.
find_host_jdk() {
  local dir major
  HOST_JDK_DIR="" JAVA_MAJOR=0
  for dir in ${HOST_JDK:-/usr/lib/jvm/*}; do
    if [ -x "$dir/bin/javac" ] && [ -x "$dir/bin/jlink" ] && [ -f "$dir/release" ]; then
      major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$dir/release")"
      if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$JAVA_MAJOR" ]; then
        HOST_JDK_DIR="$dir" JAVA_MAJOR="$major"
      fi
    fi
  done
  [ -n "$HOST_JDK_DIR" ] || die "no JDK 21+ with jlink under /usr/lib/jvm (set HOST_JDK)"
  log "host JDK: $HOST_JDK_DIR (Java $JAVA_MAJOR)"
}

make_minbase() {
  if [ "$REBUILD_BASE" != 1 ] && podman image exists "$MINBASE_IMAGE"; then
    log "$MINBASE_IMAGE exists"
    return
  fi
  local rootfs="$WORK_DIR/rootfs" t
  rm -rf "$rootfs"
  log "debootstrap --variant=minbase $DEBIAN_SUITE (log: $LOG_DIR/debootstrap.log)"
  t="$(now)"
  # ca-certificates as the Temurin images have it; bash, apt and useradd,
  # which the Dockerfile uses, are in minbase already.
  debootstrap --variant=minbase --include=ca-certificates \
    "$DEBIAN_SUITE" "$rootfs" "$DEBIAN_MIRROR" >"$LOG_DIR/debootstrap.log" 2>&1 \
    || { tail -n 20 "$LOG_DIR/debootstrap.log" >&2; die "debootstrap failed"; }
  record_time "debootstrap ($DEBIAN_SUITE minbase)" "$(elapsed "$t")"

  # The usual Debian sources (the Dockerfile's build stage installs unzip),
  # and no downloaded package files or lists left in the image.
  cat >"$rootfs/etc/apt/sources.list" <<EOF
deb $DEBIAN_MIRROR $DEBIAN_SUITE main
deb $DEBIAN_MIRROR $DEBIAN_SUITE-updates main
deb http://deb.debian.org/debian-security $DEBIAN_SUITE-security main
EOF
  rm -rf "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*

  t="$(now)"
  tar -C "$rootfs" -c . | podman import --change 'CMD ["/bin/bash"]' - "$MINBASE_IMAGE" \
    >"$LOG_DIR/import.log" 2>&1
  record_time "podman import (minbase)" "$(elapsed "$t")"
  rm -rf "$rootfs"
}

# make_java_image KIND(jdk|jre) JAVA_DIR TAG DESCRIPTION
# JAVA_DIR is a scratch copy of a Java runtime; it is moved into the image.
make_java_image() {
  local kind="$1" java_dir="$2" tag="$3" what="$4"
  local ctx="$WORK_DIR/ctx-$kind"
  rm -rf "$ctx"
  mkdir -p "$ctx"
  mv "$java_dir" "$ctx/openjdk"
  # The host JDK's cacerts is a link to Debian's trust store, which is not in
  # the image; copy the host's store in. On machines behind a TLS-inspecting
  # proxy (like this one) it also holds the proxy's CA, which Maven needs to
  # reach Central from inside the build.
  rm -f "$ctx/openjdk/lib/security/cacerts"
  cp "$(readlink -f "$HOST_JDK_DIR/lib/security/cacerts")" "$ctx/openjdk/lib/security/cacerts"
  # Same layout and variables as the official Temurin images.
  cat >"$ctx/Containerfile" <<EOF
FROM $MINBASE_IMAGE
LABEL org.opencontainers.image.description="Local stand-in for $tag: $what, made by boot-plan-evaluator's scripts/container-smoke.sh"
ENV JAVA_HOME=/opt/java/openjdk LANG=C.UTF-8
ENV PATH=/opt/java/openjdk/bin:\$PATH
COPY openjdk /opt/java/openjdk
RUN java -version
EOF
  podman build --pull=never -q -t "$tag" "$ctx" >"$LOG_DIR/base-$kind.log" 2>&1 \
    || { cat "$LOG_DIR/base-$kind.log" >&2; die "building $tag failed"; }
  rm -rf "$ctx"
}

make_base_images() {
  local jdk_tag="docker.io/library/eclipse-temurin:${JAVA_MAJOR}-jdk"
  local jre_tag="docker.io/library/eclipse-temurin:${JAVA_MAJOR}-jre"
  if [ "$REBUILD_BASE" != 1 ] && podman image exists "$jdk_tag" && podman image exists "$jre_tag"; then
    log "$jdk_tag and $jre_tag exist"
    return
  fi
  make_minbase

  local t vendor
  vendor="$(sed -n 's/^IMPLEMENTOR_VERSION="\(.*\)"/\1/p' "$HOST_JDK_DIR/release")"
  t="$(now)"
  # The JDK as installed, less its sources (the official image drops them too).
  local jdk_copy="$WORK_DIR/jdk"
  rm -rf "$jdk_copy"
  mkdir -p "$jdk_copy"
  tar -C "$HOST_JDK_DIR" --exclude=./lib/src.zip -cf - . | tar -C "$jdk_copy" -xf -
  make_java_image jdk "$jdk_copy" "$jdk_tag" "${vendor:-host} JDK from $HOST_JDK_DIR"
  record_time "stand-in ${JAVA_MAJOR}-jdk image" "$(elapsed "$t")"

  t="$(now)"
  # A JRE made with jlink: the Java SE modules plus the JDK runtime modules a
  # server uses (crypto, management/JFR, jcmd, zipfs, DNS, locales), without
  # the compiler and other development tools.
  local jre="$WORK_DIR/jre"
  rm -rf "$jre"
  "$HOST_JDK_DIR/bin/jlink" \
    --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.charsets,jdk.localedata,jdk.zipfs,jdk.management,jdk.management.agent,jdk.management.jfr,jdk.jfr,jdk.naming.dns,jdk.net,jdk.httpserver,jdk.security.auth,jdk.security.jgss,jdk.jcmd,jdk.attach \
    --strip-debug --no-man-pages --no-header-files --generate-cds-archive \
    --output "$jre" >"$LOG_DIR/jlink.log" 2>&1 \
    || { cat "$LOG_DIR/jlink.log" >&2; die "jlink failed"; }
  make_java_image jre "$jre" "$jre_tag" "${vendor:-host} JRE (jlink) from $HOST_JDK_DIR"
  record_time "stand-in ${JAVA_MAJOR}-jre image" "$(elapsed "$t")"
}

# ---------------------------------------------------------------------------
# 4. The image
# ---------------------------------------------------------------------------
build_image() {
  local t old_id new_id
  old_id="$(podman image inspect -f '{{.Id}}' "$IMAGE" 2>/dev/null || true)"
  log "podman build $IMAGE (log: $LOG_DIR/build.log)"
  t="$(now)"
  # --format docker: the OCI format has no HEALTHCHECK, and podman would drop
  # it. --pull=never: there is no registry; the FROM images are local.
  # shellcheck disable=SC2086 # PODMAN_BUILD_OPTS is a list of flags
  podman build --pull=never --format docker \
    --build-arg "JAVA_VERSION=${JAVA_MAJOR}" \
    $PODMAN_BUILD_OPTS -t "$IMAGE" "$REPO_DIR" >"$LOG_DIR/build.log" 2>&1 \
    || { tail -n 40 "$LOG_DIR/build.log" >&2; die "podman build failed"; }
  record_time "image build" "$(elapsed "$t")"
  # Don't pile up untagged images across runs: drop the one this tag named
  # before, unless something else still uses it. (The build stage's cached
  # layers stay; `podman image prune` reclaims those of older builds.)
  new_id="$(podman image inspect -f '{{.Id}}' "$IMAGE")"
  if [ -n "$old_id" ] && [ "$old_id" != "$new_id" ]; then
    podman rmi "$old_id" >/dev/null 2>&1 || true
  fi
  pass "image builds ($(podman image inspect -f '{{.Size}}' "$IMAGE" | awk '{ printf "%.0f MB", $1 / 1e6 }'))"
}

# ---------------------------------------------------------------------------
# 5. Run and check
# ---------------------------------------------------------------------------
run_container() {
  if podman container exists "$CONTAINER"; then
    log "removing container $CONTAINER left from an earlier run"
    podman_q rm -f -t 5 "$CONTAINER" >/dev/null
  fi
  log "starting $CONTAINER (memory $MEMORY, cpus $CPUS, pids $PIDS, 127.0.0.1:$HOST_PORT)"
  # Read-only root with a small /tmp, no capabilities, no privilege gain: the
  # image must work like that. JAVA_TOOL_OPTIONS is set to show the
  # entrypoint honours it (the log line is checked below).
  START_T="$(now)"
  podman_q run -d --name "$CONTAINER" \
    --memory "$MEMORY" --cpus "$CPUS" --pids-limit "$PIDS" \
    --read-only --tmpfs /tmp:rw,size=64m \
    --cap-drop ALL --security-opt no-new-privileges \
    -e JAVA_TOOL_OPTIONS='-XX:MaxRAMPercentage=70.0 -XX:+ExitOnOutOfMemoryError' \
    -p "127.0.0.1:${HOST_PORT}:8080" \
    "$IMAGE" >/dev/null || die "podman run failed (is 127.0.0.1:$HOST_PORT free? set HOST_PORT)"
}

wait_healthy() {
  local deadline status
  deadline=$(($(date +%s) + HEALTH_TIMEOUT))
  while :; do
    if [ "$(podman inspect -f '{{.State.Running}}' "$CONTAINER")" != true ]; then
      die "container exited during start-up (exit code $(podman inspect -f '{{.State.ExitCode}}' "$CONTAINER"))"
    fi
    status="$(curl -fsS --max-time 2 "$BASE_URL/actuator/health" 2>/dev/null | jq -r '.status' 2>/dev/null || true)"
    [ "$status" = UP ] && break
    [ "$(date +%s)" -lt "$deadline" ] || die "not healthy within ${HEALTH_TIMEOUT}s (last status: ${status:-none})"
    sleep 0.25
  done
  record_time "start-up to healthy (from run)" "$(elapsed "$START_T")"
  pass "GET /actuator/health is UP"
  local started
  podman logs "$CONTAINER" >"$LOG_DIR/container.log" 2>&1
  started="$(grep -o -m 1 'Started [A-Za-z]* in [0-9.]* seconds' "$LOG_DIR/container.log" || true)"
  [ -z "$started" ] || log "application says: $started"
}

check_container() {
  local uid user
  uid="$(podman exec "$CONTAINER" id -u)"
  user="$(podman image inspect -f '{{.Config.User}}' "$IMAGE")"
  if [ "$uid" != 0 ] && [ -n "$user" ]; then
    pass "runs as non-root (uid $uid, image USER $user)"
  else
    fail "runs as root (uid $uid, image USER '${user}')"
  fi

  # Via a file: `podman logs | grep -q` fails under pipefail when grep stops
  # reading early.
  podman logs "$CONTAINER" >"$LOG_DIR/container.log" 2>&1
  if grep -q '^Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=70.0' "$LOG_DIR/container.log"; then
    pass "JVM picked up JAVA_TOOL_OPTIONS"
  else
    fail "JVM did not pick up JAVA_TOOL_OPTIONS"
  fi

  # Runs the image's HEALTHCHECK command (GET /actuator/health/readiness
  # through bash's /dev/tcp) inside the container.
  local health
  if podman_q healthcheck run "$CONTAINER" >/dev/null; then
    health="$(podman inspect -f '{{.State.Health.Status}}' "$CONTAINER")"
    if [ "$health" = healthy ]; then
      pass "HEALTHCHECK passes (status $health)"
    else
      fail "HEALTHCHECK ran but status is $health"
    fi
  else
    fail "HEALTHCHECK fails"
  fi
}

check_evaluation() {
  local t body code ctype
  body="$LOG_DIR/evaluation.json"
  t="$(now)"
  # -w prints the status and content type after the body goes to a file.
  read -r code ctype < <(curl -sS --max-time 30 -o "$body" \
    -w '%{http_code} %{content_type}\n' \
    -H 'Content-Type: application/json' -H 'Accept: application/json' \
    --data "$MANIFEST" "$BASE_URL/api/v1/evaluations?mode=async" || echo "000 -")
  record_time "evaluation POST" "$(elapsed "$t")"
  if [ "$code" = 200 ] && [[ "$ctype" == application/json* ]] && jq -e 'has("milestones") and .milestones != null' "$body" >/dev/null 2>&1; then
    pass "POST /api/v1/evaluations?mode=async: 200 JSON with milestones"
  else
    fail "POST /api/v1/evaluations?mode=async: HTTP $code, ${ctype:-no content type}, body: $(head -c 300 "$body" 2>/dev/null)"
  fi
}

# The hostile suite's heaviest inputs against the container under its memory limit: each answered without a 5xx
# other than a 503 the limits chose, and the container healthy (not restarted, not OOM-killed) after every one.
WORST_CASES="${WORST_CASES:-flat-200000-devices storage-100000-disks storage-comparison-20000 consumers-of-last-module-supplier-5000 svg-200000-spans html-200000-spans kernel-log-200000 unknown-shares-100000 busy-cpu-100000 dmesg-gzip-bomb dmesg-million-stamps modules-dep-100000 body-over-limit deep-nesting}"
check_worst_inputs() {
  local dir="$WORK_DIR/hostile" t id name method path ctype accept extra expect file code restarts
  python3 "$REPO_DIR/scripts/hostile/generate.py" "$dir" >/dev/null || { fail "could not write the hostile cases"; return; }
  t="$(now)"
  while IFS=$'\t' read -r id name method path ctype accept extra expect file; do
    [[ " $WORST_CASES " == *" $name "* ]] || continue
    code=$(curl -sS -o /dev/null -w '%{http_code}' --max-time 60 -X "$method" -H "Content-Type: $ctype" \
      -H "Accept: $accept" --data-binary "@$dir/$file" "$BASE_URL$path" 2>/dev/null || echo 000)
    if [[ $code == 000 || ($code == 5* && $code != 503) ]]; then
      fail "hostile $name: HTTP $code"
    elif ! curl -fsS --max-time 5 "$BASE_URL/actuator/health/liveness" 2>/dev/null | grep -q '"UP"'; then
      fail "hostile $name: HTTP $code, then the container is not healthy"
    else
      pass "hostile $name under --memory $MEMORY: HTTP $code, healthy after"
    fi
  done <"$dir/cases.tsv"
  restarts="$(podman inspect -f '{{.RestartCount}} {{.State.OOMKilled}}' "$CONTAINER")"
  [ "$restarts" = "0 false" ] && pass "no restart, no OOM kill after the hostile inputs" \
    || fail "restarts/OOM after the hostile inputs: $restarts"
  record_time "hostile worst inputs" "$(elapsed "$t")"
}

stop_container() {
  local t code
  t="$(now)"
  # podman stop sends the image's STOPSIGNAL (SIGTERM) and kills only after
  # 30 s; a JVM that exits on SIGTERM exits with 143 (128 + 15).
  podman_q stop -t 30 "$CONTAINER" >/dev/null
  record_time "graceful stop (SIGTERM)" "$(elapsed "$t")"
  code="$(podman inspect -f '{{.State.ExitCode}}' "$CONTAINER")"
  podman logs "$CONTAINER" >"$LOG_DIR/container.log" 2>&1 || true
  if [ "$code" = 143 ] && grep -q 'Graceful shutdown complete' "$LOG_DIR/container.log"; then
    pass "stops gracefully on SIGTERM (exit $code)"
  else
    fail "stop: exit code $code, graceful shutdown $(grep -q 'Graceful shutdown complete' "$LOG_DIR/container.log" && echo logged || echo 'not logged')"
  fi
}

# ---------------------------------------------------------------------------
main() {
  [ "$(id -u)" = 0 ] || { echo "run as root (apt-get, debootstrap, rootful podman)" >&2; exit 2; }
  command -v apt-get >/dev/null || { echo "needs a Debian-like host" >&2; exit 2; }
  mkdir -p "$LOG_DIR"
  trap cleanup EXIT
  local t0 t
  t0="$(now)"

  t="$(now)"
  install_packages
  write_containers_conf
  record_time "host packages + containers.conf" "$(elapsed "$t")"

  find_host_jdk

  t="$(now)"
  make_base_images
  record_time "base images (total)" "$(elapsed "$t")"

  build_image
  run_container
  wait_healthy
  check_container
  check_evaluation
  check_worst_inputs
  stop_container
  record_time "whole run" "$(elapsed "$t0")"
}

# Sourcing the file (for trying one check by hand) defines the functions only.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  main "$@"
fi
