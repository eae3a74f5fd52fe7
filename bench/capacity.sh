#!/usr/bin/env bash
# Capacity model (issue 18): what a passage costs on each engine, measured the same way on both.
#
#   bench/capacity.sh                    SciFact 1x and 4x, both engines, 2 interleaved rounds of 12 s
#   bench/capacity.sh --sizes "1 4 16"   larger copies too (the cluster's build of 16x takes long on 2 cores)
#
# For each size (SciFact copied N times under new ids, as the growth phase of bench/run.sh does):
#   - the embedded index is built with `bin/passage-search index` and a lexical configuration (a copy of
#     index-config/ with semantic.yaml `enabled: false`: the cluster holds no vectors, so both engines do
#     the same work); the same corpus is written to a three-node OpenSearch cluster (../shared/peers/opensearch,
#     one JVM, OS_HEAP for all three nodes) with `index --engine opensearch --shards 2 --replicas 1`;
#   - index size on disk: the embedded generation folder; the cluster's `_cat/indices` store size of the
#     generation, primaries and total (passages, their sources and suggestion records);
#   - in rounds that alternate the engines, each server (`bin/passage-search serve`, the production JVM
#     flags; the OpenSearch one with `--engine opensearch`) is started, every query checked, warmed up,
#     then driven by wrk at 4 connections over SciFact's 300 test queries with the answer cache off
#     (`query.cacheEntries: 0`; the OpenSearch engine keeps no answer cache); searches/s, p50, p99, and the
#     CPU seconds the server and the cluster JVM used meanwhile, from /proc/PID/stat, so searches per
#     second per core counts only the cores the engine used on this shared machine;
#   - memory: the server's resident memory after the run (anonymous / file-backed), beside an embedded
#     server of the seed corpus (77 passages) under the same load as the near-empty baseline; the cluster
#     JVM's resident memory and heap used (`_nodes/stats`, one JVM for the three nodes) before and after.
#   The load average is recorded with every figure. Each size's cluster index is deleted before the next.
#
# Options: --sizes LIST (default "1 4"), --rounds N (2), --duration S (12), --warmup S (8), --out DIR
#   (bench/results: capacity.md and capacity.jsonl), --skip-build, --os-port P (19200), --os-heap SIZE (1g),
#   --engines LIST ("lucene opensearch"; "lucene" alone starts no cluster), --append (add to capacity.jsonl
#   instead of starting it afresh: a larger size measured later joins the same table, its own date beside it).
# Scratch: target/capacity-work/. Stops every process it started (its servers and its cluster).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

ENGINES="lucene opensearch" APPEND=0 SIZES="1 4" ROUNDS=2 DURATION=12 WARMUP=8 OUT=bench/results BUILD=1 OS_PORT=${OS_PORT:-19200} OS_HEAP=${OS_HEAP:-1g}
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES=$2; shift ;;
    --rounds) ROUNDS=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --out) OUT=$2; shift ;;
    --skip-build) BUILD=0 ;;
    --engines) ENGINES=$2; shift ;;
    --append) APPEND=1 ;;
    --os-port) OS_PORT=$2; shift ;;
    --os-heap) OS_HEAP=$2; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see bench/capacity.sh --help)" >&2; exit 2 ;;
  esac
  shift
done

export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ "$("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)" -ge 21 ] 2>/dev/null \
  || { echo "needs a JDK 21+ in JAVA_HOME" >&2; exit 1; }
export PATH=$JAVA_HOME/bin:$PATH
SHARED=$(cd "${BENCH_SCIFACT:-../shared/data/scifact}" && pwd)
PEER=$(cd ../shared/peers/opensearch && pwd)
W=target/capacity-work
RAW=$OUT/capacity.jsonl
export OS_PORT OS_HEAP OS_WORK=$ROOT/$W/os
SERVER_PID="" SERVER_LOG="" PORT=18170 URL="" CLUSTER_UP=0 CLK_TCK=$(getconf CLK_TCK)

say() { printf '[capacity %s, load %s] %s\n' "$(date +%H:%M:%S)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$*" >&2; }
die() { say "error: $*"; exit 1; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
record() { echo "$1" >> "$RAW"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
cluster() { "$PEER/run.sh" "$@"; }
cluster_pid() { cat "$OS_WORK/os.pid"; }
kb() { awk -v k="$1" '$1 == k":" {print $2}' "/proc/$2/status"; }

stop_server() {
  if [ -n "$SERVER_PID" ]; then kill -TERM "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; fi
}
cleanup() { stop_server; [ "$CLUSTER_UP" = 0 ] || cluster stop >/dev/null 2>&1 || true; }
trap cleanup EXIT

# start_server NAME ARGS...: serve on a free port, wait for the first SciFact query to answer 200.
start_server() {
  local name=$1 code="" started
  shift
  while curl -s -o /dev/null "http://127.0.0.1:$PORT/"; do PORT=$((PORT + 1)); done
  URL=http://127.0.0.1:$PORT SERVER_LOG=$W/logs/server-$name.log
  started=$(now_ms)
  bin/passage-search serve --port "$PORT" --host 127.0.0.1 "$@" > "$SERVER_LOG" 2>&1 &
  SERVER_PID=$!
  until [ "$code" = 200 ]; do
    kill -0 "$SERVER_PID" 2>/dev/null || { SERVER_PID=""; die "server $name exited (see $SERVER_LOG)"; }
    [ $(( $(now_ms) - started )) -lt 600000 ] || die "server $name did not answer in 600 s (see $SERVER_LOG)"
    if grep -q "on http://127.0.0.1:$PORT/" "$SERVER_LOG"; then
      code=$(curl -s -o /dev/null -w '%{http_code}' "$URL$(head -n 1 "$W/paths-scifact.txt")" || true)
    fi
    [ "$code" = 200 ] || sleep 0.1
  done
}

# Every query once (this also warms the server: the OpenSearch engine asks the cluster once per word for
# spelling). On a machine this loaded a search can run out of its time (a 503); up to 3 of 300 are
# tolerated and recorded, more fail the run.
PREFLIGHT_FAILED=0
preflight() {
  sed "s|^.*$|url = \"$URL&\"\noutput = /dev/null|" "$W/paths-scifact.txt" > "$W/preflight.cfg"
  PREFLIGHT_FAILED=$(curl -s -w '%{http_code}\n' --config "$W/preflight.cfg" | grep -cv '^200$' || true)
  [ "$PREFLIGHT_FAILED" -le 3 ] || die "$PREFLIGHT_FAILED SciFact queries did not answer 200 from $URL (see $SERVER_LOG)"
  [ "$PREFLIGHT_FAILED" = 0 ] || say "$PREFLIGHT_FAILED of 300 queries did not answer 200 once (see $SERVER_LOG)"
}

ticks() { [ -r "/proc/$1/stat" ] && awk '{print $14 + $15}' "/proc/$1/stat" || echo 0; }

# measure ENGINE SIZE ROUND PASSAGES: warm-up, then one wrk run at 4 connections, recorded with the CPU
# the server and the cluster JVM used, the resident memory, the cluster's heap, the load average.
measure() {
  local engine=$1 size=$2 round=$3 passages=$4 cpid=0 s1 c1 s2 c2 t0 ms out
  [ "$CLUSTER_UP" = 0 ] || cpid=$(cluster_pid)
  preflight
  BENCH_OUT="" wrk -t2 -c4 -d"${WARMUP}s" --timeout 10s -s bench/wrk/paths.lua "$URL" -- "$W/paths-scifact.txt" > /dev/null 2>&1
  s1=$(ticks "$SERVER_PID") c1=$(ticks "$cpid") t0=$(now_ms)
  out=$W/wrk-$engine-$size-$round.jsonl
  rm -f "$out"
  BENCH_OUT=$out BENCH_LABELS="" wrk -t2 -c4 -d"${DURATION}s" --timeout 10s --latency -s bench/wrk/paths.lua "$URL" -- \
    "$W/paths-scifact.txt" > "$W/logs/wrk-$engine-$size-$round.txt" 2>&1 || die "wrk failed"
  s2=$(ticks "$SERVER_PID") c2=$(ticks "$cpid") ms=$(( $(now_ms) - t0 ))
  local heap_used=0 os_rss=0 os_anon=0 os_file=0
  if [ "$CLUSTER_UP" = 1 ]; then
    heap_used=$(curl -s "http://127.0.0.1:$OS_PORT/_nodes/_local/stats/jvm" | python3 -c 'import json,sys; print(next(iter(json.load(sys.stdin)["nodes"].values()))["jvm"]["mem"]["heap_used_in_bytes"])')
    os_rss=$(kb VmRSS "$cpid") os_anon=$(kb RssAnon "$cpid") os_file=$(kb RssFile "$cpid")
  fi
  record "$(python3 - "$out" <<PY
import json, sys
r = json.loads(open(sys.argv[1]).read())
t = $CLK_TCK * $ms / 1000
r.update(type="load", engine="$engine", preflight_failed=$PREFLIGHT_FAILED, size=$size, round=$round, passages=$passages, loadavg="$(loadavg)",
         server_cores=($s2 - $s1) / t, cluster_cores=($c2 - $c1) / t if $cpid else 0.0,
         server_rss_kb=$(kb VmRSS "$SERVER_PID"), server_anon_kb=$(kb RssAnon "$SERVER_PID"), server_file_kb=$(kb RssFile "$SERVER_PID"),
         server_hwm_kb=$(kb VmHWM "$SERVER_PID"), cluster_rss_kb=$os_rss, cluster_anon_kb=$os_anon, cluster_file_kb=$os_file,
         cluster_heap_used=$heap_used)
print(json.dumps(r))
PY
)"
  say "$engine ${size}x round $round: $(tail -n 1 "$RAW" | python3 -c 'import json,sys; r=json.load(sys.stdin); c=r["server_cores"]+r["cluster_cores"]; print("%.0f/s, p50 %.1f ms, p99 %.1f ms, %.2f cores (%.0f/s per core), server RSS %d MB" % (r["rps"], r["p50_ms"], r["p99_ms"], c, r["rps"] / c, r["server_rss_kb"] // 1024))')"
}

# ---- Set-up ----

mkdir -p "$W/logs" "$OUT"
if [ "$BUILD" = 1 ]; then
  say "building the jars"
  ./mvnw -q -B package -DskipTests
  ./mvnw -q -B -Pbench package -DskipTests
fi
[ -f target/passage-search.jar ] && [ -f target/benchmarks.jar ] || die "jars missing: run without --skip-build"
tool() { java -cp target/benchmarks.jar passagesearch.bench.BenchTool "$@"; }
[ "$APPEND" = 1 ] || : > "$RAW"
record "{\"type\":\"run\",\"date\":\"$(date -u +%FT%TZ)\",\"commit\":\"$(git rev-parse --short HEAD)\",\"cores\":$(nproc),\"mem_kb\":$(awk '/MemTotal/ {print $2}' /proc/meminfo),\"loadavg\":\"$(loadavg)\",\"sizes\":\"$SIZES\",\"rounds\":$ROUNDS,\"duration_s\":$DURATION,\"os_heap\":\"$OS_HEAP\"}"

rm -rf "$W/config-lexical" && mkdir -p "$W/config-lexical"
cp index-config/* "$W/config-lexical/"
echo "enabled: false" > "$W/config-lexical/semantic.yaml"
sed 's/^\(  cacheEntries:\).*/\1 0/' index-config/ranking.yaml > "$W/ranking-nocache.yaml"
grep -q '^  cacheEntries: 0$' "$W/ranking-nocache.yaml" || die "index-config/ranking.yaml has no query.cacheEntries to turn off"
tool paths "$SHARED/queries-test.jsonl" text "$W/paths-scifact.txt"
COMMON=(--config "$W/config-lexical" --ranking "$W/ranking-nocache.yaml")

# The near-empty baseline: the seed corpus (77 passages), embedded, under the same load.
rm -rf "$W/index-seed"
bin/passage-search index --index "$W/index-seed" --corpus corpus "${COMMON[@]}" > "$W/logs/index-seed.log" 2>&1 || die "seed index failed"

if [[ " $ENGINES " == *" opensearch "* ]]; then
say "starting a three-node OpenSearch cluster (heap $OS_HEAP for the JVM) on port $OS_PORT"
cluster start 3 > "$W/logs/cluster-start.log" 2>&1 || { cat "$W/logs/cluster-start.log" >&2; die "the cluster did not start"; }
CLUSTER_UP=1
URLS=$(cluster urls)
sleep 5
record "{\"type\":\"cluster-empty\",\"rss_kb\":$(kb VmRSS "$(cluster_pid)"),\"anon_kb\":$(kb RssAnon "$(cluster_pid)"),\"file_kb\":$(kb RssFile "$(cluster_pid)"),\"heap_used\":$(curl -s "http://127.0.0.1:$OS_PORT/_nodes/_local/stats/jvm" | python3 -c 'import json,sys; print(next(iter(json.load(sys.stdin)["nodes"].values()))["jvm"]["mem"]["heap_used_in_bytes"])'),\"loadavg\":\"$(loadavg)\"}"
fi

for size in $SIZES; do
  corpus=$W/corpus-scifact-${size}x index=$W/index-scifact-${size}x alias=capacity-${size}x
  [ -d "$corpus" ] || tool copies "$SHARED/corpus.jsonl" "$corpus" "$size"
  rm -rf "$index"
  heap=()
  [ "$size" -lt 16 ] || heap=(env JAVA_OPTS=-Xmx2g) # the 16x build needs more than the production heap (bench/run.sh)

  say "${size}x: embedded index"
  t0=$(now_ms)
  "${heap[@]}" bin/passage-search index --index "$index" --corpus "$corpus" "${COMMON[@]}" > "$W/logs/index-lucene-$size.log" 2>&1 \
    || die "embedded index of ${size}x failed (see $W/logs/index-lucene-$size.log)"
  wall=$(( $(now_ms) - t0 ))
  passages=$(sed -nE 's/.*Indexed ([0-9]+) passages.*/\1/p' "$W/logs/index-lucene-$size.log" | head -n 1)
  gen=$index/$(cat "$index/CURRENT")
  record "{\"type\":\"index\",\"engine\":\"lucene\",\"size\":$size,\"passages\":$passages,\"wall_ms\":$wall,\"bytes\":$(du -sb "$gen" | cut -f1),\"loadavg\":\"$(loadavg)\"}"
  say "${size}x embedded: $passages passages in $wall ms, $(du -sh "$gen" | cut -f1) on disk"

  if [ "$CLUSTER_UP" = 1 ]; then
  say "${size}x: cluster index (2 shards, 1 replica)"
  t0=$(now_ms)
  bin/passage-search index --engine opensearch --opensearch "$URLS" --opensearch-alias "$alias" --shards 2 --replicas 1 \
    --corpus "$corpus" "${COMMON[@]}" > "$W/logs/index-opensearch-$size.log" 2>&1 \
    || die "cluster index of ${size}x failed (see $W/logs/index-opensearch-$size.log)"
  wall=$(( $(now_ms) - t0 ))
  curl -s -XPOST "http://127.0.0.1:$OS_PORT/$alias/_flush" > /dev/null
  curl -s -XPOST "http://127.0.0.1:$OS_PORT/$alias/_forcemerge?max_num_segments=1&wait_for_completion=true" > /dev/null || true
  curl -s "http://127.0.0.1:$OS_PORT/_cat/indices/$alias?bytes=b&format=json" > "$W/cat-$size.json"
  record "$(python3 - "$W/cat-$size.json" <<PY
import json, sys
i = json.load(open(sys.argv[1]))[0]
print(json.dumps(dict(type="index", engine="opensearch", size=$size, passages=$passages, wall_ms=$wall, index=i["index"],
    records=int(i["docs.count"]), pri_bytes=int(i["pri.store.size"]), total_bytes=int(i["store.size"]), loadavg="$(loadavg)")))
PY
)"
  say "${size}x cluster: built in $wall ms; $(tail -n 1 "$RAW")"
  fi

  for round in $(seq 1 "$ROUNDS"); do
    # Alternate which engine goes first, so a change in the machine's load touches both.
    engines=$ENGINES
    [ $((round % 2)) = 1 ] || engines=$(echo "$ENGINES" | tr ' ' '\n' | tac | tr '\n' ' ')
    for engine in $engines; do
      if [ "$engine" = lucene ]; then
        start_server "lucene-$size-$round" --index "$index" --corpus "$corpus" "${COMMON[@]}"
      else
        start_server "opensearch-$size-$round" --engine opensearch --opensearch "$URLS" --opensearch-alias "$alias" \
          --index "$W/index-os-serve" --corpus "$corpus" "${COMMON[@]}"
        grep -q "building it" "$SERVER_LOG" && die "the OpenSearch server rebuilt the generation instead of serving it"
      fi
      measure "$engine" "$size" "$round" "$passages"
      stop_server
    done
    if [ "$size" = "${SIZES%% *}" ] && [ "$APPEND" = 0 ]; then
      start_server "seed-$round" --index "$W/index-seed" --corpus corpus "${COMMON[@]}"
      measure lucene-seed 0 "$round" 77 || true
      stop_server
    fi
  done
  # One size at a time on the cluster: its memory figures are then that size's.
  [ "$CLUSTER_UP" = 0 ] || for i in $(curl -s "http://127.0.0.1:$OS_PORT/_cat/indices/$alias*?h=index"); do
    curl -s -XDELETE "http://127.0.0.1:$OS_PORT/$i" > /dev/null
  done
done

record "{\"type\":\"end\",\"date\":\"$(date -u +%FT%TZ)\",\"loadavg\":\"$(loadavg)\"}"
python3 bench/capacity-report.py "$RAW" > "$OUT/capacity.md"
cat "$OUT/capacity.md" >&2
