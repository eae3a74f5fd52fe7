#!/usr/bin/env bash
# Soak test: serve the seed corpus on loopback, search it as fast as it answers for several minutes while
# the index is rebuilt through the admin route every 15 s, and check that nothing failed and memory held.
#
#   scripts/soak.sh [--minutes 5] [--rebuild-every 15] [--connections 8] [--threads 2] [--slice 1]
#                   [--heap-mb 128] [--max-rss-growth-mb 32] [--corpus corpus]
#
# Load comes from wrk, in slices of --slice seconds; each request searches the next query of
# eval/seed/queries.jsonl (scripts/soak.lua). A slice is labelled "during" when a rebuild job was running
# at any moment of it, "between" otherwise, and latency percentiles are computed for each label from the
# merged histograms (wrk's, which add samples to correct for coordinated omission, so the tail counts the
# requests a slow answer held back). The first 20 s warm the JVM and count for errors, not for latency.
#
# The server runs as production runs it (bin/passage-search: the flags of bin/jvm.options), with the heap
# fixed and pre-touched on top (-Xms = -Xmx, AlwaysPreTouch), so resident memory (VmRSS) growth is
# native memory: mapped index files, threads, compiled code. Code and malloc arenas grow for the first few
# minutes and then level off; a leak keeps growing, so the bound is on the second half of the run. Exit
# status 1 when any request failed (non-2xx or socket error), a rebuild failed, RSS grew more than
# --max-rss-growth-mb over the second half, files of removed generations were still mapped at the end,
# or the server did not stop cleanly on SIGTERM. Run longer (--minutes 30) to see slower leaks.
# A slice in which not one request was answered counts as a stall and fails the run too: a slice is shorter
# than wrk's timeout, so a hung server would otherwise show only as fewer requests.
# Only 127.0.0.1 is used; the run is bounded (at most 120 minutes, one rebuild per --rebuild-every).
set -euo pipefail
cd "$(dirname "$0")/.."

minutes=5
rebuild_every=15
connections=8
threads=2
slice=1
heap_mb=128
max_growth_mb=32
corpus=corpus
warmup=20
usage() { sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes=$2; shift 2 ;;
    --rebuild-every) rebuild_every=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --slice) slice=$2; shift 2 ;;
    --heap-mb) heap_mb=$2; shift 2 ;;
    --max-rss-growth-mb) max_growth_mb=$2; shift 2 ;;
    --corpus) corpus=$2; shift 2 ;;
    -h|--help) usage ;;
    *) echo "unknown option: $1" >&2; usage ;;
  esac
done
for n in "$minutes" "$rebuild_every" "$connections" "$threads" "$slice" "$heap_mb" "$max_growth_mb"; do
  [[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -gt 0 ] || { echo "error: options take positive whole numbers, not '$n'" >&2; exit 2; }
done
[ "$minutes" -le 120 ] || { echo "error: --minutes is at most 120" >&2; exit 2; }

java=${JAVA_HOME:+$JAVA_HOME/bin/}java
major=$("$java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
[ "${major:-0}" -ge 21 ] || { echo "error: needs a JDK 21 or newer; set JAVA_HOME (found '${major:-none}')" >&2; exit 1; }
command -v curl >/dev/null || { echo "error: curl is needed" >&2; exit 1; }
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing wrk"
    DEBIAN_FRONTEND=noninteractive apt-get install -y wrk >/dev/null
  else
    echo "error: wrk is needed (apt-get install wrk)" >&2; exit 1
  fi
fi

jar=target/passage-search.jar
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
  echo "Building $jar"
  ./mvnw -q -B package -DskipTests
fi

work=$(mktemp -d)
server=""
rebuilder_pid=""
cleanup() {
  [ -n "$rebuilder_pid" ] && kill "$rebuilder_pid" 2>/dev/null || true
  [ -n "$server" ] && kill -9 "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$server/status"; }
mb() { awk -v k="$1" 'BEGIN {printf "%.0f MB", k / 1024}'; }

token=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
ADMIN_TOKEN=$token PASSAGE_SEARCH_JAR=$jar JAVA_OPTS="-Xms${heap_mb}m -Xmx${heap_mb}m -XX:+AlwaysPreTouch" \
  bin/passage-search serve --host 127.0.0.1 --port 0 --corpus "$corpus" --index "$work/index" \
  >"$work/serve.out" 2>"$work/serve.log" &
server=$!
port=""
for _ in $(seq 1200); do
  port=$(sed -n 's#^Serving .* on http://127.0.0.1:\([0-9]*\)/$#\1#p' "$work/serve.out")
  [ -n "$port" ] && break
  kill -0 "$server" 2>/dev/null || { echo "error: the server did not start:" >&2; cat "$work/serve.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "error: the server did not start within 120 s" >&2; exit 1; }
base=http://127.0.0.1:$port
echo "Serving on $base (pid $server, heap ${heap_mb} MB); soaking ${minutes} min after ${warmup} s of warm-up,"
echo "wrk ${threads} threads x ${connections} connections, a rebuild every ${rebuild_every} s"
rss_start=$(rss_kb)

SOAK_QUERIES=eval/seed/queries.jsonl SOAK_SLICE_FILE="$work/warmup.txt" \
  wrk -t"$threads" -c"$connections" -d"${warmup}s" --timeout 10s -s scripts/soak.lua "$base/" >/dev/null
rss_warm=$(rss_kb)

# Rebuilds, one every $rebuild_every s until the deadline: "start_ms end_ms state" a line.
started=$(now_ms)
deadline=$((started + minutes * 60 * 1000))
rebuilder() {
  local next=$((started + rebuild_every * 1000)) reply code id state t0
  while [ "$next" -lt "$deadline" ]; do
    while [ "$(now_ms)" -lt "$next" ]; do sleep 0.1; done
    t0=$(now_ms)
    reply=$(curl -s --max-time 10 -w '\n%{http_code}' -X POST -H "Authorization: Bearer $token" "$base/api/index/rebuild?corpus=configured")
    code=${reply##*$'\n'}
    if [ "$code" != 202 ]; then
      echo "$t0 $(now_ms) REFUSED-$code" >>"$work/rebuilds.tsv"
    else
      id=$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' <<<"${reply%$'\n'*}")
      state=QUEUED
      for _ in $(seq 6000); do # 5 minutes at most
        sleep 0.05
        state=$(curl -s --max-time 10 -H "Authorization: Bearer $token" "$base/api/index/jobs/$id" \
          | sed -n 's/.*"state":"\([A-Z]*\)".*/\1/p')
        if [ "$state" = SUCCEEDED ] || [ "$state" = FAILED ]; then break; fi
        state=UNFINISHED
      done
      echo "$t0 $(now_ms) $state" >>"$work/rebuilds.tsv"
    fi
    next=$((next + rebuild_every * 1000))
  done
}
touch "$work/rebuilds.tsv"
rebuilder &
rebuilder_pid=$!

i=0
rss_mid=""
while [ "$(now_ms)" -lt "$deadline" ] && kill -0 "$server" 2>/dev/null; do
  i=$((i + 1))
  t0=$(now_ms)
  SOAK_QUERIES=eval/seed/queries.jsonl SOAK_SLICE_FILE="$work/slice-$i.txt" \
    wrk -t"$threads" -c"$connections" -d"${slice}s" --timeout 10s -s scripts/soak.lua "$base/" >/dev/null
  echo "$i $t0 $(now_ms)" >>"$work/slices.tsv"
  echo "$(( ($(now_ms) - started) / 60000 )) $(rss_kb)" >>"$work/rss.tsv"
  if [ -z "$rss_mid" ] && [ "$(now_ms)" -ge $(( (started + deadline) / 2 )) ]; then rss_mid=$(rss_kb); fi
done
wait "$rebuilder_pid"
rebuilder_pid=""
if ! kill -0 "$server" 2>/dev/null; then
  echo "FAIL: the server died during the soak; its log ends:" >&2
  tail -20 "$work/serve.log" >&2
  exit 1
fi
sleep 2 # the last swap's readers close once their searches end
rss_end=$(rss_kb)
stale_maps=$(grep -c ' (deleted)$' "/proc/$server/maps" || true)
generation=$(curl -s --max-time 10 "$base/api/index" | sed -n 's/.*"generation":"\([^"]*\)".*/\1/p')

kill -TERM "$server"
status=0
wait "$server" || status=$?
server=""

# Label each slice, then merge the histograms per label ("all" too) into exact percentiles.
awk 'FILENAME == ARGV[1] { s[++n] = $1; e[n] = $2; next }
     { label = "between"; for (k = 1; k <= n; k++) if (s[k] < $3 && e[k] > $2) label = "during"; print $1, label }' \
  "$work/rebuilds.tsv" "$work/slices.tsv" >"$work/labels.txt"
while read -r n label; do
  awk -v l="$label" '$1 == "summary" { print "summary", l, $2, $3, $4, $5, $6, $7, $8 }
                     $1 == "latency" { print "latency", l, $2, $3; print "latency", "all", $2, $3 }' "$work/slice-$n.txt"
done <"$work/labels.txt" >"$work/merged.txt"
awk '$1 == "summary" { print "summary", "warmup", $2, $3, $4, $5, $6, $7, $8 }' "$work/warmup.txt" >>"$work/merged.txt"

grep '^latency' "$work/merged.txt" | sort -k2,2 -k3,3n >"$work/hist.txt" || true
report=$(awk '
  NR == FNR { total[$2] += $4; next }
  { if ($2 != label) { label = $2; cum = 0; n = split("50 90 99 99.9", ps, " "); for (k = 1; k <= n; k++) got[label, k] = "" }
    cum += $4; max[label] = $3
    for (k = 1; k <= n; k++) if (got[label, k] == "" && cum >= total[label] * ps[k] / 100) got[label, k] = $3 }
  END { for (l in total) printf "%s %d %.1f %.1f %.1f %.1f %.1f\n", l, total[l], got[l, 1] / 1000, got[l, 2] / 1000,
          got[l, 3] / 1000, got[l, 4] / 1000, max[l] / 1000 }' "$work/hist.txt" "$work/hist.txt")
read -r requests seconds non2xx socket < <(awk '$1 == "summary" { r += $3; d += $4; b += $5; s += $6 + $7 + $8 + $9 }
  END { printf "%d %.1f %d %d\n", r, d / 1e6, b, s }' "$work/merged.txt")
read -r measured_seconds during_slices between_slices stalls < <(awk '$1 == "summary" && $2 != "warmup" { d += $4; c[$2]++; if ($3 == 0) z++ }
  END { printf "%.1f %d %d %d\n", d / 1e6, c["during"], c["between"], z }' "$work/merged.txt")
rebuilds=$(wc -l <"$work/rebuilds.tsv")
rebuilds_ok=$(grep -c ' SUCCEEDED$' "$work/rebuilds.tsv" || true)
rebuild_ms=$(awk '$3 == "SUCCEEDED" { d = $2 - $1; t += d; if (d > m) m = d; n++ } END { if (n) printf "%.0f ms mean, %.0f ms longest", t / n, m; else print "none" }' "$work/rebuilds.tsv")
growth_kb=$((rss_end - rss_mid))

echo
echo "requests      $requests in ${seconds} s ($(awk -v r="$requests" -v s="$seconds" 'BEGIN {printf "%.0f", r / s}')/s), warm-up included"
echo "errors        $non2xx non-2xx, $socket socket errors (connect, read, write, timeout), $stalls slices with no answer"
echo "rebuilds      $rebuilds_ok of $rebuilds succeeded ($rebuild_ms); serving $generation at the end"
echo "latency (ms)  label     requests     p50     p90     p99   p99.9     max"
for l in during between all; do
  n=$(awk -v l="$l" '$1 == "summary" && $2 != "warmup" && ($2 == l || l == "all") { r += $3 } END { print r + 0 }' "$work/merged.txt")
  awk -v l="$l" -v n="$n" '$1 == l { printf "              %-8s %9d %7.1f %7.1f %7.1f %7.1f %7.1f\n", $1, n, $3, $4, $5, $6, $7 }' <<<"$report"
done
echo "              ($during_slices slices of ${slice} s overlapped a rebuild, $between_slices did not; ${measured_seconds} s measured)"
echo "memory (RSS)  $(mb "$rss_start") at start, $(mb "$rss_warm") after warm-up, $(mb "$rss_mid") half-way, $(mb "$rss_end") at the end"
echo "              second half: $(awk -v g="$growth_kb" 'BEGIN {printf "%+.0f MB", g / 1024}') (bound ${max_growth_mb} MB)"
echo "              by minute: $(awk '{ last[$1] = $2 } END { for (m = 0; m in last; m++) printf "%s%.0f", (m ? ", " : ""), last[m] / 1024 }' "$work/rss.tsv") MB"
echo "mapped files of removed generations at the end: $stale_maps"
echo "server exit status after SIGTERM: $status"

failed=0
[ "$((non2xx + socket))" -eq 0 ] || { echo "FAIL: $((non2xx + socket)) requests failed"; failed=1; }
[ "$stalls" -eq 0 ] || { echo "FAIL: the server answered nothing for $stalls slices of ${slice} s (a stall)"; failed=1; }
[ "$rebuilds_ok" -eq "$rebuilds" ] && [ "$rebuilds" -gt 0 ] || { echo "FAIL: rebuilds: $(cut -d' ' -f3 "$work/rebuilds.tsv" | sort | uniq -c | tr '\n' ' ')"; failed=1; }
[ "$growth_kb" -le $((max_growth_mb * 1024)) ] || { echo "FAIL: RSS grew by more than ${max_growth_mb} MB over the second half"; failed=1; }
[ "$stale_maps" -eq 0 ] || { echo "FAIL: files of removed generations are still mapped (a reader was not closed)"; failed=1; }
[ "$status" -eq 0 ] || { echo "FAIL: the server exited $status on SIGTERM"; failed=1; }
[ "$failed" -eq 0 ] && echo "PASS"
exit "$failed"
