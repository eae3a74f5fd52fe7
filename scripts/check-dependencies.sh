#!/usr/bin/env bash
# Fails when a dependency or a build plugin is behind the latest patch release of its major.minor line,
# and lists them. Newer minor and major releases are not failures (they may need work); see them with
#   ./mvnw versions:display-dependency-updates versions:display-plugin-updates
# Dependencies are checked by versions:display-dependency-updates; build plugins, whose versions are pom
# properties, by versions:display-property-updates (display-plugin-updates cannot be held to a patch line).
# Pre-releases are never proposed (pom.xml, versions-maven-plugin). Needs Maven Central.
set -euo pipefail
cd "$(dirname "$0")/.."

report=$(mktemp)
trap 'rm -f "$report"' EXIT
if ! ./mvnw -B versions:display-dependency-updates versions:display-property-updates \
    -DallowMajorUpdates=false -DallowMinorUpdates=false >"$report" 2>&1; then
  cat "$report" >&2
  echo "error: the versions report could not be made (is Maven Central reachable?)" >&2
  exit 1
fi

# The report's update sections, one "artifact (or ${property}) ... old -> new" a line; long names wrap.
behind=$(awk '
  /The following (dependencies in .* have newer versions|version property updates are available):/ { on = 1; next }
  on && /^\[INFO\] *$/ { on = 0; held = ""; next }
  on { line = $0; sub(/^\[INFO\] +/, "", line)
       if (line !~ / -> /) { held = line; next }
       print (held == "" ? line : held " " line); held = "" }' "$report" | sed 's/  */ /g')

if [ -n "$behind" ]; then
  echo "Behind their latest patch release:"
  echo "$behind" | sed 's/^/  /'
  exit 1
fi
echo "Every dependency and build plugin is on the latest patch release of its line."
