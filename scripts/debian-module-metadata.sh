#!/usr/bin/env bash
# Regenerate the Debian kernel module metadata the module importer's tests read
# (src/test/resources/modules/debian-<release>/), from scratch, on a Debian machine.
#
# Debian's linux-image package ships modules.builtin, modules.builtin.modinfo and
# modules.order; modules.dep and modules.alias are made by depmod when the package
# is installed. So this script:
#   1. asks apt which kernel package linux-image-amd64 currently depends on
#      (`apt-cache depends linux-image-amd64`), e.g. linux-image-6.1.0-57-amd64;
#   2. downloads that .deb (`apt-get download`, no root needed) and prints its sha256;
#   3. unpacks it into a scratch directory (`dpkg-deb -x`), without installing it;
#   4. runs `depmod -b <scratch> <release>` (installing kmod first if depmod is missing);
#   5. writes gzip -9 -n copies of modules.dep, modules.alias, modules.builtin and
#      modules.builtin.modinfo into the output directory.
#
# Usage: scripts/debian-module-metadata.sh [OUTPUT_DIR]
#   OUTPUT_DIR defaults to src/test/resources/modules/debian-<release>.
# Settings (environment): META_PACKAGE (default linux-image-amd64), WORK_DIR
# (default: a fresh mktemp directory, removed at the end).
#
# The release name changes with every Debian kernel update; the tests name the
# directory they read, so after regenerating for a new release update the tests'
# expected figures and the README next to the files (origin, sha256).
set -euo pipefail

META_PACKAGE="${META_PACKAGE:-linux-image-amd64}"
REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

for tool in apt-cache apt-get dpkg-deb gzip sha256sum; do
    command -v "$tool" >/dev/null || { echo "error: $tool not found (is this a Debian machine?)" >&2; exit 1; }
done

# 1. The kernel package the metapackage depends on right now.
package="$(apt-cache depends "$META_PACKAGE" | awk '$1 == "Depends:" && $2 ~ /^linux-image-/ { print $2; exit }')"
if [[ -z "$package" ]]; then
    echo "error: apt-cache depends $META_PACKAGE names no linux-image-* package (run apt-get update?)" >&2
    exit 1
fi
release="${package#linux-image-}"
out="${1:-$REPO_DIR/src/test/resources/modules/debian-$release}"

if [[ -n "${WORK_DIR:-}" ]]; then
    work="$WORK_DIR"
    mkdir -p "$work"
else
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
fi

# 2. Download without installing.
(cd "$work" && apt-get download "$package")
deb="$(ls "$work"/"${package}"_*.deb | head -n 1)"
version="$(dpkg-deb -f "$deb" Version)"
sha="$(sha256sum "$deb" | cut -d' ' -f1)"

# 3. Unpack the package's files only (no maintainer scripts run).
rm -rf "$work/root"
dpkg-deb -x "$deb" "$work/root"
if [[ ! -d "$work/root/lib/modules/$release" ]]; then
    echo "error: $deb holds no lib/modules/$release" >&2
    exit 1
fi

# 4. depmod lives in /usr/sbin (or /sbin), often not on a user's PATH; kmod provides it.
depmod="$(command -v depmod || true)"
for candidate in /usr/sbin/depmod /sbin/depmod; do
    [[ -z "$depmod" && -x "$candidate" ]] && depmod="$candidate"
done
if [[ -z "$depmod" ]]; then
    echo "depmod not found; installing kmod" >&2
    if [[ "$(id -u)" -eq 0 ]]; then
        apt-get install -y --no-install-recommends kmod
    else
        sudo apt-get install -y --no-install-recommends kmod
    fi
    depmod=/usr/sbin/depmod
fi
"$depmod" -b "$work/root" "$release"

# 5. gzip -n leaves out the name and time stamp, so the same input gives the same bytes.
mkdir -p "$out"
for f in modules.dep modules.alias modules.builtin modules.builtin.modinfo; do
    gzip -9 -n -c "$work/root/lib/modules/$release/$f" > "$out/$f.gz"
done

cat <<EOF
Wrote $out:
$(cd "$out" && ls -l modules.*.gz)

Origin (for the README next to the files):
  package:  $package
  version:  $version
  .deb:     $(basename "$deb")
  sha256:   $sha
  depmod:   $("$depmod" -V | head -n 1); depmod -b <unpacked> $release
EOF
