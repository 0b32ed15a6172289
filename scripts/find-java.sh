#!/usr/bin/env bash
# Prints the path of an installed java whose feature release is at least $1 (default 21): JAVA_HOME's, then any
# under /usr/lib/jvm, then the one on the PATH (which may be older). Exits 1 when there is none.
#   java_bin=$(scripts/find-java.sh 25)
# A JDK's `release` file says its version without starting it (./bootplan runs this on every call); a java without
# one is asked.
min=${1:-21}
for candidate in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/*/bin/java "$(command -v java || true)"; do
  [ -x "$candidate" ] || continue
  release="$(dirname "$(dirname "$(readlink -f "$candidate")")")/release"
  major=$(sed -n 's/^JAVA_VERSION="\([0-9.]*\).*/\1/p' "$release" 2>/dev/null)
  [ -n "$major" ] || major=$("$candidate" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
  major=${major#1.} # 1.8 is 8
  if [ -n "$major" ] && [ "${major%%.*}" -ge "$min" ] 2>/dev/null; then echo "$candidate"; exit 0; fi
done
exit 1
