#!/usr/bin/env bash
# The benchmark (issue 7): builds the jar, then measures the real server started from it with the
# production JVM flags (bin/jvm.options, through bin/passage-search), and writes the results.
#
#   bench/run.sh            the full run (about 20 minutes on 2 cores, and the solr phase about 47 more at load 15-30):
#                           results in bench/results/ and README.md
#   bench/run.sh --phases solr --runs 3 --duration 10 --warmup 25    the project beside Solr alone (issue 17)
#   bench/run.sh --quick    a smoke run (about 3 minutes): short durations, one run, results in target/bench-quick/
#
# Options:
#   --runs N          repetitions of each load point and indexing run, median reported (default 3; quick 1)
#   --duration S      seconds of each wrk measurement (default 8; quick 2)
#   --warmup S        seconds of load before measuring, for each server started (default 30; quick 3)
#   --starts N        launches to time start-up (default 5; quick 1)
#   --growth "1 4 16" SciFact sizes (copies) for the growth table (default "1 4 16"; quick "1 2")
#   --phases LIST     comma-separated subset of index,startup,load,growth,jmh,indexing,semantic,solr (default: all)
#   --baseline JAR    the indexing phase also times this jar (an earlier build), interleaved run by run
#                     ($BASELINE_COMMIT: the commit it was built from, for the report)
#   --no-solr         the indexing phase leaves out the Solr peer, and the solr phase is skipped
#                     ($INDEXING_CORPORA: a subset of "scifact-1x medquad scifact-16x" for the indexing phase;
#                     $SOLR_CORPORA: a subset of "seed scifact medquad" for the solr phase)
#   --out DIR         where results go (default bench/results; quick target/bench-quick)
#   --no-readme       do not rewrite README.md's benchmark section (the default with --quick or --phases)
#   --skip-build      use the jars already in target/
#   --port P          the server's port on 127.0.0.1 (default: the first free one from 17070)
#
# Needs a JDK 21+ (found as in .ci/run), wrk (installed with apt-get when missing), curl and taskset.
# The SciFact corpus and queries are read from ../shared/data/scifact ($BENCH_SCIFACT to read them from
# elsewhere, e.g. in a checkout that is not beside shared/). Scratch files: target/bench-work/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

QUICK=0 RUNS="" DURATION="" WARMUP="" STARTS="" GROWTH="" PHASES="index,startup,load,growth,jmh,indexing,semantic,solr" OUT="" BASELINE="" SOLR=1 README_UPDATE=""
BUILD=1 BASE_PORT=17070 PORT_CHOSEN=0 CONNECTIONS="1 4 16"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --runs) RUNS=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --starts) STARTS=$2; shift ;;
    --growth) GROWTH=$2; shift ;;
    --phases) PHASES=$2; README_UPDATE=${README_UPDATE:-0}; shift ;;
    --out) OUT=$2; shift ;;
    --no-readme) README_UPDATE=0 ;;
    --skip-build) BUILD=0 ;;
    --baseline) BASELINE=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift ;;
    --no-solr) SOLR=0 ;;
    --port) BASE_PORT=$2; PORT_CHOSEN=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see bench/run.sh --help)" >&2; exit 2 ;;
  esac
  shift
done
if [ "$QUICK" = 1 ]; then
  RUNS=${RUNS:-1} DURATION=${DURATION:-2} WARMUP=${WARMUP:-3} STARTS=${STARTS:-1} GROWTH=${GROWTH:-"1 2"}
  OUT=${OUT:-target/bench-quick} README_UPDATE=${README_UPDATE:-0}
else
  RUNS=${RUNS:-3} DURATION=${DURATION:-8} WARMUP=${WARMUP:-30} STARTS=${STARTS:-5} GROWTH=${GROWTH:-"1 4 16"}
  OUT=${OUT:-bench/results} README_UPDATE=${README_UPDATE:-1}
fi

SHARED=${BENCH_SCIFACT:-../shared/data/scifact}
W=target/bench-work
PORT="" URL=""
RAW=$W/raw.jsonl
SERVER_PID=""
# The start-up poller runs on the interpreter itself: a version manager's python3 (pyenv's shim, a shell
# script that looks the version up) took 0.34 s of CPU to start where the interpreter takes 0.09 s, on two
# cores beside the JVM being timed (seed start-up through the shim 1.13-1.44 s, median 1.19; 0.92-1.10 s
# polled from a running interpreter, the same jar and cache, 2026-12-07 23:03).
PYTHON=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null) || PYTHON=python3
[ -x "$PYTHON" ] || PYTHON=python3

say() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { say "error: $*"; exit 1; }
phase() { [[ ",$PHASES," == *",$1,"* ]]; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# ---- Tools ----

java_major() { "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1; }
pick_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  candidates+=(/usr/lib/jvm/temurin-25-jdk-amd64)
  for d in /usr/lib/jvm/*; do candidates+=("$d"); done
  for home in "${candidates[@]}"; do
    if [ -x "$home/bin/javac" ] && [ "$(java_major "$home")" -ge 21 ] 2>/dev/null; then
      echo "$home"
      return 0
    fi
  done
  return 1
}
JAVA_HOME=$(pick_jdk) || die "needs a JDK 21 or newer (Lucene 10); none found in JAVA_HOME or /usr/lib/jvm"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v curl >/dev/null || missing+=(curl)
command -v taskset >/dev/null || missing+=(util-linux)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ -f "$SHARED/corpus.jsonl" ] || die "SciFact not found at $SHARED (the shared folder beside the checkout; or set BENCH_SCIFACT)"
SHARED=$(cd "$SHARED" && pwd)

# ---- Servers (always ours, always stopped) ----

# Before each launch, a port nothing listens on: the one asked for with --port, or the first free one
# from 17070 on (other programs on a shared machine come and go).
pick_port() {
  local p=$BASE_PORT
  while curl -s -o /dev/null "http://127.0.0.1:$p/"; do
    [ "$PORT_CHOSEN" = 0 ] && [ "$p" -lt $((BASE_PORT + 100)) ] || die "something already listens on port $p; use --port"
    p=$((p + 1))
  done
  PORT=$p
  URL=http://127.0.0.1:$PORT
}

stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}
trap stop_server EXIT

# start_server NAME INDEX CORPUS PATHS [--ranking FILE]: launches the server (log in SERVER_LOG) and waits
# for the first search (PATHS's first line) to answer 200; STARTUP_MS is the time from launch to that
# answer (bench/first-answer.py). Only an answer from a server that logs that it serves on this port counts,
# so another program on the port is never measured. Fails when the server exits, runs out of memory (the JVM would
# live on without serving), or has not answered within 300 s.
start_server() {
  local name=$1 index=$2 corpus=$3 paths=$4
  shift 4
  local probe started code=""
  probe=$(head -n 1 "$paths")
  pick_port
  SERVER_LOG=$W/logs/server-$name${JAVA_OPTS:+-${JAVA_OPTS//[^a-zA-Z0-9]/}}.log
  started=$(now_ms)
  bin/passage-search serve --port "$PORT" --host 127.0.0.1 --index "$index" --corpus "$corpus" "$@" \
    > "$SERVER_LOG" 2>&1 &
  SERVER_PID=$!
  # One light poller (bench/first-answer.py) rather than a shell loop: its forks took CPU from the JVM.
  STARTUP_MS=$("$PYTHON" bench/first-answer.py "$SERVER_PID" "$URL$probe" "$SERVER_LOG" 300 "$started") || code=$?
  case ${code:-0} in
    0) ;;
    2)
      wait "$SERVER_PID" 2>/dev/null || true
      SERVER_PID=""
      if grep -q "Address already in use" "$SERVER_LOG" && [ "${START_TRIES:-0}" -lt 5 ]; then
        say "port $PORT was taken meanwhile; starting $name again"
        START_TRIES=$(( ${START_TRIES:-0} + 1 )) start_server "$name" "$index" "$corpus" "$paths" "$@"
        return
      fi
      return 1 ;;
    3) stop_server; return 1 ;;
    5) say "another program answered on port $PORT (see $SERVER_LOG)"; stop_server; return 1 ;;
    *) say "server $name did not answer within 300 s (see $SERVER_LOG)"; stop_server; return 1 ;;
  esac
}

record() { echo "$1" >> "$RAW"; }

# A remark for the report (a fallback taken, a step that failed); TEXT must not hold double quotes.
note() {
  say "note: $1"
  record "{\"type\":\"note\",\"text\":\"$(echo "$1" | tr -d '"\\' | tr '\n' ' ')\"}"
}

# The server's peak resident memory so far (VmHWM), and its resident memory now split into anonymous
# (heap, metaspace, code, stacks) and file-backed (the memory-mapped index, the jar), from /proc.
record_memory() {
  local corpus=$1 heap=$2 status=/proc/$SERVER_PID/status
  local hwm rss anon file
  hwm=$(awk '/^VmHWM:/ {print $2}' "$status")
  rss=$(awk '/^VmRSS:/ {print $2}' "$status")
  anon=$(awk '/^RssAnon:/ {print $2}' "$status")
  file=$(awk '/^RssFile:/ {print $2}' "$status")
  record "{\"type\":\"memory\",\"corpus\":\"$corpus\",\"vmhwm_kb\":$hwm,\"vmrss_kb\":$rss,\"rss_anon_kb\":${anon:-0},\"rss_file_kb\":${file:-0},\"heap\":\"$heap\"}"
  say "$corpus server: peak resident memory $((hwm / 1024)) MB"
}

# Every path answers 200 once (one curl process, one connection): a query the server refuses would
# otherwise count as a fast error in the load numbers.
preflight() {
  local paths=$1 config=$W/curl-preflight.cfg bad
  sed "s|^.*$|url = \"$URL&\"\noutput = /dev/null|" "$paths" > "$config"
  bad=$(curl -s -w '%{http_code}\n' --config "$config" | grep -cv '^200$' || true)
  if [ "$bad" != 0 ]; then
    say "$bad of $(wc -l < "$paths") requests in $paths did not answer 200"
    return 1
  fi
}

# CPU time so far, in clock ticks: the machine's busy time (all processes; steal excluded), the time the
# hypervisor stole, and the server's own (user + system); cpu_ticks PID: that process's instead of the server's.
cpu_ticks() {
  local server=0 pid=${1:-$SERVER_PID}
  if [ -n "$pid" ]; then
    [ -r "/proc/$pid/stat" ] || die "the server (pid $pid) exited during the measurement (see $SERVER_LOG)"
    server=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  fi
  awk -v server="$server" '/^cpu / {print $2 + $3 + $4 + $7 + $8, $9, server; exit}' /proc/stat
}

# The server's cache counts so far, from /metrics: "HITS MISSES VHITS VMISSES" (searches answered from the
# answer cache, and those that could have been and were not; queries read for a meaning whose vector was
# kept, and those the model read); zeros from a server without them.
cache_counts() {
  curl -s "$URL/metrics" | awk '
    /^passage_search_answer_cache_gets_total\{result="hit"\}/ {h = $2}
    /^passage_search_answer_cache_gets_total\{result="miss"\}/ {m = $2}
    /^passage_search_kept_gets_total\{result="hit",table="query_vectors"\}/ {vh = $2}
    /^passage_search_kept_gets_total\{result="miss",table="query_vectors"\}/ {vm = $2}
    END {printf "%d %d %d %d\n", h, m, vh, vm}'
}

# wrk_run LABELS PATHS CONNECTIONS SECONDS LOG: one wrk measurement, its results appended to raw.jsonl
# with the cores the server and the whole machine used meanwhile, and the answer cache's hits and misses
# during it (scraped from /metrics before and after); LABELS empty for a warm-up.
wrk_run() {
  local labels=$1 paths=$2 conns=$3 seconds=$4 log=$5 threads=2 out=$RAW started b1 s1 v1 b2 s2 v2 cpu h1 m1 h2 m2 \
    vh1 vm1 vh2 vm2
  [ "$conns" -gt 1 ] || threads=1
  [ -n "$labels" ] || out=""
  read -r h1 m1 vh1 vm1 <<< "$(cache_counts)"
  read -r b1 s1 v1 <<< "$(cpu_ticks)"
  started=$(now_ms)
  BENCH_OUT=$out BENCH_LABELS=$labels wrk -t"$threads" -c"$conns" -d"${seconds}s" --timeout 10s --latency \
    -s bench/wrk/paths.lua "$URL" -- "$paths" > "$log" 2>&1 || die "wrk failed (see $log)"
  read -r b2 s2 v2 <<< "$(cpu_ticks)"
  read -r h2 m2 vh2 vm2 <<< "$(cache_counts)"
  CACHE_HITS=$((h2 - h1)) CACHE_MISSES=$((m2 - m1))
  if [ -n "$out" ]; then
    cpu=$(awk -v b=$((b2 - b1)) -v s=$((s2 - s1)) -v v=$((v2 - v1)) -v hz="$CLK_TCK" -v ms=$(( $(now_ms) - started )) \
      'BEGIN {t = hz * ms / 1000; printf "\"server_cores\":%.2f,\"busy_cores\":%.2f,\"steal_cores\":%.2f", v / t, b / t, s / t}')
    sed -i "\$ s/}\$/,$cpu,\"cache_hits\":$CACHE_HITS,\"cache_misses\":$CACHE_MISSES,\"vector_hits\":$((vh2 - vh1)),\"vector_misses\":$((vm2 - vm1))}/" "$RAW"
  fi
}

# ", answer cache hit rate N% (H of H+M)" for the last wrk_run, when its searches could use the cache.
hit_rate() {
  local looked=$((CACHE_HITS + CACHE_MISSES))
  [ "$looked" -gt 0 ] || return 0
  awk -v h="$CACHE_HITS" -v n="$looked" 'BEGIN {printf ", answer cache hit rate %.1f%% (%d of %d)", 100 * h / n, h, n}'
}

# load CORPUS ENDPOINTS CONNECTIONS: RUNS rounds; in each, every connection count, each endpoint in turn
# (search and /health measured side by side, so the ratio is not skewed by drift). Fails when a query
# does not answer 200.
load() {
  local corpus=$1 endpoints=$2 conns_list=$3 run c e paths
  say "$corpus: checking every query, then warming up for $WARMUP s"
  preflight "$W/paths-$corpus.txt" || return 1
  wrk_run "" "$W/paths-$corpus.txt" 4 "$WARMUP" "$W/logs/wrk-$corpus-warmup.txt"
  for run in $(seq 1 "$RUNS"); do
    for c in $conns_list; do
      for e in $endpoints; do
        paths=$W/paths-$corpus.txt
        [ "$e" = health ] && paths=$W/paths-health.txt
        wrk_run "\"type\":\"load\",\"corpus\":\"$corpus\",\"endpoint\":\"$e\",\"connections\":$c,\"run\":$run," \
          "$paths" "$c" "$DURATION" "$W/logs/wrk-$corpus-$e-c$c-run$run.txt"
        say "$corpus $e, $c connections, run $run: $(awk '/Requests\/sec/ {print $2}' "$W/logs/wrk-$corpus-$e-c$c-run$run.txt") requests/s, p99 $(awk '$1 == "99%" {print $2}' "$W/logs/wrk-$corpus-$e-c$c-run$run.txt")$(hit_rate)"
      done
    done
  done
}

# ---- Indexing ----

# index_run CORPUS_NAME CORPUS_DIR INDEX_DIR CORES RUN [--ranking FILE]: one fresh build with bin/passage-search
# index, timed from launch to exit; CORES is "all" or "1" (taskset -c 0). Sets INDEX_OK, INDEX_LINE.
index_run() {
  local name=$1 corpus=$2 index=$3 cores=$4 run=$5 heap=${HEAP_LABEL:-production}
  shift 5
  local log=$W/logs/index-$name-$cores-run$run.log started wall line bytes cmd=(bin/passage-search)
  [ "$cores" = all ] || cmd=(taskset -c 0 bin/passage-search)
  rm -rf "$index"
  started=$(now_ms)
  if "${cmd[@]}" index --index "$index" --corpus "$corpus" "$@" > "$log" 2>&1; then INDEX_OK=true; else INDEX_OK=false; fi
  wall=$(( $(now_ms) - started ))
  bytes=$(du -sbL "$corpus" | cut -f1)
  # "Indexed 9546 passages from 5183 documents (0 skipped) into ... in 17021 ms."
  line=$(grep -o 'Indexed [0-9]* passages from [0-9]* documents .* in [0-9]* ms' "$log" || true)
  INDEX_LINE=$line
  if [ "$INDEX_OK" = true ] && [ -n "$line" ]; then
    record "$(echo "$line" | sed -E "s/Indexed ([0-9]+) passages from ([0-9]+) documents .* in ([0-9]+) ms/{\"type\":\"index\",\"corpus\":\"$name\",\"cores\":\"$cores\",\"run\":$run,\"ok\":true,\"passages\":\1,\"documents\":\2,\"build_ms\":\3,\"wall_ms\":$wall,\"corpus_bytes\":$bytes,\"heap\":\"$heap\"}/")"
    say "index $name ($cores cores) run $run: $wall ms, $line"
  else
    INDEX_OK=false
    record "{\"type\":\"index\",\"corpus\":\"$name\",\"cores\":\"$cores\",\"run\":$run,\"ok\":false,\"wall_ms\":$wall,\"heap\":\"$heap\"}"
    say "index $name ($cores cores) run $run FAILED after $wall ms: $(grep -m1 -E 'Error|error|Exception' "$log" || tail -n 1 "$log")"
  fi
}

# ---- Indexing beside Solr (issue 14) ----

# The whole `index` command (JVM start to exit, production flags) on SciFact, MedQuAD and SciFact 16x, on
# one core (taskset -c 0) and on two, with its peak resident memory (VmHWM, from GNU time); beside it the
# Solr peer's load of the same documents (solr_beir.py convert; ./run.sh load, which posts and commits),
# Solr and its loader pinned to the same cores. Rounds interleave the builds (and --baseline's jar) and
# Solr's loads, so a change in the machine's load touches them alike.
#
# The builds are lexical (the copy of index-config/ with semantic.yaml off, $W/config-lexical): Solr embeds
# nothing, and the semantic phase reports what passage vectors cost. Each jar first builds MedQuAD twice,
# untimed: bin/passage-search records, then creates, the index command's AOT cache, as the first two builds
# after an install do; timed builds use it, as every later build does (and Solr is measured warm).
SOLR_PEER=$ROOT/../shared/peers/solr
solr() { SOLR_WORK=$ROOT/target/solr-peer SOLR_PORT=$SOLR_PORT SOLR_LOG_LEVEL=WARN "$SOLR_PEER/run.sh" "$@"; }
SOLR_PID=""
stop_solr() { if [ -n "$SOLR_PID" ]; then solr stop >/dev/null 2>&1 || true; SOLR_PID=""; fi; }

indexing_corpora() {
  local medquad=$SHARED/../medquad
  mkdir -p "$W/corpus-medquad"
  if ls "$medquad"/*/corpus.jsonl >/dev/null 2>&1; then
    cat "$medquad"/*/corpus.jsonl > "$W/corpus-medquad/corpus.jsonl"
  else
    note "MedQuAD not found at $medquad; its indexing rows are skipped"
    rmdir "$W/corpus-medquad"
  fi
  [ -d "$W/corpus-scifact-16x" ] || tool copies "$SHARED/corpus.jsonl" "$W/corpus-scifact-16x" 16
}

# index_time LABEL JAR CORPUS_NAME CORPUS_DIR CORES RUN: one build of the whole command, recorded.
index_time() {
  local label=$1 jar=$2 name=$3 corpus=$4 cores=$5 run=$6 index=$W/index-indexing log started wall rss docs
  local cmd=(/usr/bin/time -f '%U %S %M' -o "$W/time.txt" bin/passage-search) cpu
  [ "$cores" = 2 ] || cmd=(/usr/bin/time -f '%U %S %M' -o "$W/time.txt" taskset -c 0 bin/passage-search)
  log=$W/logs/indexing-$label-$name-$cores-run$run.log
  rm -rf "$index"
  started=$(now_ms)
  if PASSAGE_SEARCH_JAR=$jar "${cmd[@]}" index --index "$index" --corpus "$corpus" --config "$ROOT/$W/config-lexical" > "$log" 2>&1; then
    wall=$(( $(now_ms) - started ))
    rss=$(tail -n 1 "$W/time.txt" | awk '{print $3}')
    cpu=$(tail -n 1 "$W/time.txt" | awk '{printf "%d", ($1 + $2) * 1000}')
    docs=$(sed -nE 's/.*Indexed [0-9]+ passages from ([0-9]+) documents.*/\1/p' "$log")
    record "{\"type\":\"indexing\",\"engine\":\"$label\",\"corpus\":\"$name\",\"cores\":$cores,\"run\":$run,\"documents\":${docs:-0},\"wall_ms\":$wall,\"cpu_ms\":$cpu,\"peak_rss_kb\":$rss,\"loadavg\":\"$(cut -d' ' -f1 /proc/loadavg)\"}"
    say "indexing $label $name, $cores core(s), run $run: $wall ms ($cpu ms of CPU), ${docs:-?} documents, peak RSS $((rss / 1024)) MB"
  else
    note "indexing $label $name on $cores core(s), run $run failed (see $log)"
  fi
  rm -rf "$index"
}

# solr_time CORPUS_NAME FILE CORES RUN: Solr's load of the converted documents (its own docs/s), recorded.
solr_time() {
  local name=$1 file=$2 cores=$3 run=$4 log=$W/logs/solr-$name-$cores-run$run.log line rate docs rss
  local pin=()
  solr clear > /dev/null || { note "Solr clear failed"; return; }
  if [ "$cores" = 1 ]; then taskset -a -p -c 0 "$SOLR_PID" > /dev/null; pin=(taskset -c 0); else taskset -a -p -c 0-1 "$SOLR_PID" > /dev/null; fi
  if SOLR_WORK=$ROOT/target/solr-peer SOLR_PORT=$SOLR_PORT "${pin[@]}" "$SOLR_PEER/run.sh" load "$ROOT/$file" > "$log" 2>&1; then
    # The loader's last line: "... N docs ... X docs/s"
    rate=$(grep -oE '[0-9.]+ docs/s' "$log" | tail -n 1 | cut -d' ' -f1)
    docs=$(wc -l < "$file")
    rss=$(awk '/^VmHWM:/ {print $2}' "/proc/$SOLR_PID/status")
    record "{\"type\":\"indexing\",\"engine\":\"solr\",\"corpus\":\"$name\",\"cores\":$cores,\"run\":$run,\"documents\":$docs,\"docs_per_s\":${rate:-0},\"peak_rss_kb\":${rss:-0},\"loadavg\":\"$(cut -d' ' -f1 /proc/loadavg)\"}"
    say "indexing solr $name, $cores core(s), run $run: ${rate:-?} docs/s ($(tail -n 1 "$log"))"
  else
    note "Solr load of $name on $cores core(s), run $run failed (see $log)"
  fi
}

indexing_phase() {
  local run name cores corpora=()
  indexing_corpora
  for name in ${INDEXING_CORPORA:-scifact-1x medquad scifact-16x}; do [ -d "$W/corpus-$name" ] && corpora+=("$name"); done
  if [ "$SOLR" = 1 ]; then
    SOLR_PORT=${SOLR_PORT:-18983}
    if [ ! -x "$SOLR_PEER/run.sh" ]; then
      note "the Solr peer was not found at $SOLR_PEER; indexing measured without Solr"
    elif solr start > "$W/logs/solr-start.log" 2>&1; then
      SOLR_PID=$(sed -nE 's/.*ready: pid ([0-9]+).*/\1/p' "$W/logs/solr-start.log")
      trap 'stop_server; stop_solr' EXIT
      for name in "${corpora[@]}"; do
        cat "$W/corpus-$name"/*.jsonl > "$W/solr-$name-in.jsonl"
        python3 "$SOLR_PEER/solr_beir.py" convert "$W/solr-$name-in.jsonl" "$W/solr-$name.jsonl" >&2
        rm -f "$W/solr-$name-in.jsonl"
      done
    else
      note "the Solr peer could not be built or started (see $W/logs/solr-start.log); indexing measured without Solr"
    fi
  fi
  local jar prime=${corpora[0]}
  [ ! -d "$W/corpus-medquad" ] || prime=medquad
  for jar in ${BASELINE:+"$BASELINE"} "$ROOT/target/passage-search.jar"; do
    for run in 1 2; do
      rm -rf "$W/index-prime"
      PASSAGE_SEARCH_JAR=$jar bin/passage-search index --index "$W/index-prime" --corpus "$W/corpus-$prime" \
        --config "$ROOT/$W/config-lexical" > "$W/logs/indexing-prime-$(basename "$jar" .jar)-$run.log" 2>&1 \
        || note "priming build $run of $jar failed (see $W/logs)"
    done
  done
  rm -rf "$W/index-prime"
  say "indexing: each jar built $prime twice, untimed, to make its AOT cache; timed builds are lexical (semantic.yaml off)"
  INDEXING_STARTED=$(date -u '+%Y-%m-%d %H:%M')
  for run in $(seq 1 "$RUNS"); do
    for name in "${corpora[@]}"; do
      for cores in 1 2; do
        [ -z "$BASELINE" ] || index_time baseline "$BASELINE" "$name" "$W/corpus-$name" "$cores" "$run"
        index_time passage-search "$ROOT/target/passage-search.jar" "$name" "$W/corpus-$name" "$cores" "$run"
        [ -z "$SOLR_PID" ] || solr_time "$name" "$W/solr-$name.jsonl" "$cores" "$run"
      done
    done
  done
  stop_solr
  local base_commit=${BASELINE_COMMIT:-}
  INDEXING_HEADER="\`bench/run.sh --phases indexing --runs $RUNS$([ "$BUILD" = 1 ] || echo ' --skip-build')${BASELINE:+ --baseline $BASELINE}\`${INDEXING_CORPORA:+ with INDEXING_CORPORA=\"$INDEXING_CORPORA\"}, $INDEXING_STARTED to $(date -u '+%H:%M') UTC, $(nproc) shared cores, load average (1 min) at the start of each build in the last column, $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at the end; JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1 | cut -d'"' -f2). passage-search: commit \`$COMMIT\`${BASELINE:+; baseline: $(basename "$BASELINE")${base_commit:+ (commit $base_commit)}}. Whole \`index\` command, launch to exit, production flags (\`bin/jvm.options\`, 128 MB heap; \`bin/passage-search\` adds the quick compiler alone for a corpus under 16 MB), lexical: a copy of index-config/ with semantic.yaml \`enabled: false\`, as Solr embeds nothing (the semantic phase reports what vectors cost). Each jar built $prime twice first, untimed, to make its AOT cache (\`bin/passage-search\` does that on a machine's first two builds). Solr: the peer's own docs/s for \`run.sh load\` (commit included, its JVM start not, warm from the earlier loads). $RUNS run(s) each, medians, interleaved." \
  python3 - "$RAW" > "$OUT/indexing.md" <<'PY'
import json, os, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if '"type":"indexing"' in l]
def med(xs): return statistics.median(xs) if xs else None
print("# Indexing beside Solr (issue 14)")
print()
print(os.environ["INDEXING_HEADER"])
print()
print("| corpus | cores | engine | whole command s | CPU s | docs/s | peak RSS MB | vs Solr | load avg |")
print("|---|---|---|---|---|---|---|---|---|")
for corpus in dict.fromkeys(r["corpus"] for r in rows):
    for cores in (1, 2):
        solr = med([r["docs_per_s"] for r in rows if r["engine"] == "solr" and r["corpus"] == corpus and r["cores"] == cores])
        for engine in ("baseline", "passage-search", "solr"):
            rs = [r for r in rows if r["engine"] == engine and r["corpus"] == corpus and r["cores"] == cores]
            if not rs: continue
            docs = rs[0]["documents"]
            rss = med([r["peak_rss_kb"] for r in rs]) / 1024
            load = "/".join(r["loadavg"] for r in rs)
            cpu = ""
            if engine == "solr":
                rate = med([r["docs_per_s"] for r in rs]); secs = docs / rate if rate else float("nan")
            else:
                secs = med([r["wall_ms"] for r in rs]) / 1000; rate = docs / secs
                cpu = f"{med([r['cpu_ms'] for r in rs]) / 1000:.1f}"
            ratio = f"{rate / solr:.2f}x" if solr and engine != "solr" else ""
            print(f"| {corpus} | {cores} | {engine} | {secs:.1f} | {cpu} | {rate:,.0f} | {rss:.0f} | {ratio} | {load} |")
PY
  say "indexing beside Solr (median of $RUNS; docs/s of the whole command; Solr's load as its loader reports):"
  cat "$OUT/indexing.md" >&2
}

# ---- The run ----

START_SECONDS=$SECONDS
CLK_TCK=$(getconf CLK_TCK)
say "JDK $JAVA_HOME; results to $OUT; runs $RUNS x $DURATION s, warm-up $WARMUP s; phases $PHASES"

# The commit the jars are built from, read now: sources edited while the run goes on are not in them.
# With --skip-build the jars are whatever target/ holds, which the working tree may no longer match.
COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml bin || echo '+changes')
[ "$BUILD" = 1 ] || COMMIT="$COMMIT, jars not rebuilt"
if [ "$BUILD" = 1 ]; then
  say "building target/passage-search.jar and target/benchmarks.jar"
  ./mvnw -q -B package -DskipTests
  ./mvnw -q -B -Pbench package
fi
[ -f target/passage-search.jar ] && [ -f target/benchmarks.jar ] || die "jars missing: run without --skip-build"
tool() { java -cp target/benchmarks.jar passagesearch.bench.BenchTool "$@"; }

# ---- Semantic retrieval (issue 15) ----

# What search by meaning costs, in one run: query embedding on one core; SciFact indexed with passage
# vectors from an empty vector cache and again from a warm one (two cores, the whole index command);
# searches per second with the answer cache off at 4 connections, hybrid and lexical servers of the same
# index in interleaved rounds, with their resident memory; start-up to the first answered search (lexical
# while the model loads) with semantic retrieval on and off, interleaved. Results: $OUT/semantic.md.
# The lists here are walked round and round, so the hybrid server keeps no query vectors (keptQueries 0):
# every search runs the model, which is what this phase measures.
semantic_phase() {
  local run corpus index dir paths mode hybrid_config=$ROOT/$W/config-hybrid-unkept lexical_config=$ROOT/$W/config-weight0
  local cache=$W/vector-cache
  mkdir -p "$W/config-hybrid-unkept"
  cp index-config/* "$W/config-hybrid-unkept/"
  sed -i 's/^keptQueries: .*/keptQueries: 0/' "$W/config-hybrid-unkept/semantic.yaml"
  grep -q '^keptQueries: 0$' "$W/config-hybrid-unkept/semantic.yaml" || die "index-config/semantic.yaml has no keptQueries line"
  # Words alone on the same index: fusion.weight 0 is read when searching, so the index is not rebuilt (a
  # configuration with semantic retrieval off would be another index); the model is loaded but unused.
  mkdir -p "$W/config-weight0"
  cp index-config/* "$W/config-weight0/"
  sed -i 's/^  weight: .*/  weight: 0/' "$W/config-weight0/semantic.yaml"
  taskset -c 0 java -cp target/benchmarks.jar passagesearch.bench.BenchTool embed-queries "$SHARED/queries-test.jsonl" \
    "$(sed -n 's/^model: *//p' index-config/semantic.yaml)" > "$W/logs/embed-queries.txt" 2>&1 \
    || die "query embedding failed (see $W/logs/embed-queries.txt)"
  record "{\"type\":\"semantic\",\"what\":\"query embedding, one core\",$(tail -n 1 "$W/logs/embed-queries.txt" | sed 's/^{//')"
  say "query embedding on one core: $(tail -n 1 "$W/logs/embed-queries.txt")"
  rm -rf "$cache"
  for run in 1 2; do
    index_run "scifact-vectors-$([ "$run" = 1 ] && echo cold || echo warm)" "$W/corpus-scifact-1x" "$W/index-scifact-hybrid" all "$run" \
      --config "$hybrid_config" --vector-cache "$cache"
    [ "$INDEX_OK" = true ] || die "SciFact with vectors did not build (see $W/logs)"
  done
  bin/passage-search index --index "$W/index-seed-hybrid" --corpus corpus --config "$hybrid_config" --vector-cache "$cache" \
    > "$W/logs/index-seed-hybrid.log" 2>&1 || die "the seed corpus with vectors did not build"
  for corpus in seed scifact; do
    index=$W/index-$corpus-hybrid dir=corpus
    [ "$corpus" = seed ] || dir=$W/corpus-scifact-1x
    sed 's/^\(  cacheEntries:\).*/\1 0/' index-config/ranking.yaml > "$W/ranking-$corpus-semantic-nocache.yaml"
    for run in $(seq 1 "$RUNS"); do
      for mode in hybrid lexical; do
        local config=$hybrid_config
        [ "$mode" = hybrid ] || config=$lexical_config
        cp "$W/paths-$corpus.txt" "$W/paths-$corpus-$mode.txt"
        start_server "$corpus-$mode" "$index" "$dir" "$W/paths-$corpus.txt" --config "$config" \
          --ranking "$W/ranking-$corpus-semantic-nocache.yaml" || die "the $corpus $mode server did not start (see $SERVER_LOG)"
        # The model loads beside the index: wait for hybrid answers before measuring them.
        if [ "$mode" = hybrid ]; then
          for _ in $(seq 1 600); do curl -s "$URL/api/index" | grep -q '"mode":"hybrid"' && break; sleep 0.1; done
          curl -s "$URL/api/index" | grep -q '"mode":"hybrid"' || die "the $corpus server never answered by meaning (see $SERVER_LOG)"
        fi
        preflight "$W/paths-$corpus.txt" || die "the $corpus $mode server failed its queries"
        wrk_run "" "$W/paths-$corpus.txt" 4 "$WARMUP" "$W/logs/wrk-$corpus-$mode-warmup.txt"
        wrk_run "\"type\":\"semantic-load\",\"corpus\":\"$corpus\",\"mode\":\"$mode\",\"connections\":4,\"run\":$run," \
          "$W/paths-$corpus.txt" 4 "$DURATION" "$W/logs/wrk-$corpus-$mode-run$run.txt"
        record "{\"type\":\"semantic-memory\",\"corpus\":\"$corpus\",\"mode\":\"$mode\",\"run\":$run,\"vmhwm_kb\":$(awk '/^VmHWM:/ {print $2}' "/proc/$SERVER_PID/status"),\"loadavg\":\"$(cut -d' ' -f1 /proc/loadavg)\"}"
        say "$corpus $mode run $run: $(awk '/Requests\/sec/ {print $2}' "$W/logs/wrk-$corpus-$mode-run$run.txt") searches/s, peak RSS $(( $(awk '/^VmHWM:/ {print $2}' "/proc/$SERVER_PID/status") / 1024 )) MB"
        stop_server
      done
    done
  done
  for run in $(seq 1 "$STARTS"); do
    for mode in hybrid lexical; do
      local config=$hybrid_config
      [ "$mode" = hybrid ] || config=$ROOT/$W/config-lexical
      # Each mode its own index folder, built before the first start: a start measures serving, not building.
      [ -d "$W/index-seed-startup-$mode" ] || bin/passage-search index --index "$W/index-seed-startup-$mode" --corpus corpus \
        --config "$config" --vector-cache "$cache" > "$W/logs/index-seed-startup-$mode.log" 2>&1
      start_server "startup-$mode-$run" "$W/index-seed-startup-$mode" corpus "$W/paths-seed.txt" --config "$config" \
        || die "the $mode server did not start"
      record "{\"type\":\"semantic-startup\",\"mode\":\"$mode\",\"run\":$run,\"ms\":$STARTUP_MS}"
      say "start-up with semantic retrieval $([ "$mode" = hybrid ] && echo on || echo off), run $run: $STARTUP_MS ms"
      stop_server
    done
  done
  python3 - "$RAW" > "$OUT/semantic.md" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
def med(xs): return statistics.median(xs) if xs else float('nan')
out = ["# Semantic retrieval: what it costs (issue 15)", ""]
q = [r for r in rows if r.get("type") == "semantic"]
if q:
    r = q[-1]
    out.append(f"Query embedding, one core ({r['model']}, {r['queries']} SciFact test queries, warm): median {r['median_ms']} ms, p90 {r['p90_ms']} ms, p99 {r['p99_ms']} ms; model load {r['load_ms']} ms.")
    out.append("")
ix = [r for r in rows if r.get("type") == "index" and str(r.get("corpus", "")).startswith("scifact-vectors")]
for r in ix:
    out.append(f"- {r['corpus']}: {r['passages']} passages from {r['documents']} documents, whole command {r['wall_ms'] / 1000:.1f} s on two cores")
out += ["", "Same index, same model loaded; lexical is fusion.weight 0.", "", "| corpus | mode | searches/s (median of runs) | p99 ms | peak RSS MB | ratio to lexical |", "|---|---|---|---|---|---|"]
loads = [r for r in rows if r.get("type") == "semantic-load"]
mem = [r for r in rows if r.get("type") == "semantic-memory"]
for corpus in ["seed", "scifact"]:
    lex = med([r["rps"] for r in loads if r["corpus"] == corpus and r["mode"] == "lexical" and "rps" in r])
    for mode in ["hybrid", "lexical"]:
        sel = [r for r in loads if r["corpus"] == corpus and r["mode"] == mode]
        rps = med([r["rps"] for r in sel if "rps" in r])
        p99 = med([r["p99_ms"] for r in sel if "p99_ms" in r])
        rss = max([r["vmhwm_kb"] for r in mem if r["corpus"] == corpus and r["mode"] == mode] or [0]) / 1024
        out.append(f"| {corpus} | {mode} | {rps:.0f} | {p99:.1f} | {rss:.0f} | {rps / lex:.2f}x |")
st = [r for r in rows if r.get("type") == "semantic-startup"]
if st:
    on = med([r["ms"] for r in st if r["mode"] == "hybrid"]); off = med([r["ms"] for r in st if r["mode"] == "lexical"])
    out += ["", f"Start-up to the first answered search (seed, median of {len(st) // 2}): semantic retrieval on {on:.0f} ms (the first answers are lexical while the model loads), off {off:.0f} ms."]
print("\n".join(out))
PY
  say "semantic retrieval:"
  cat "$OUT/semantic.md" >&2
}

# ---- Beside Solr (issue 17) ----

# The project and the Solr peer side by side, on the same passages and the same searches. Per corpus (seed;
# SciFact; MedQuAD's four collections in one), the project's index is built and served by words alone, as a
# deployment that wants no model runs it (the copy of index-config/ with semantic.yaml off: no model loaded, so
# its resident memory is that of a words-only process); its passages are exported through /api/documents and
# loaded into Solr, so both hold the same passages, headings and tags. Both engines walk the same shuffled list
# (bench/solr.py lists: every distinct query of the corpus; the seed's also crossed with every tag as a filter),
# each server from where its last measurement stopped, so nothing repeats until the list is used up (repeats
# are counted). Answer caches off (the project's query.cacheEntries 0, SOLR_CACHES=off), then on; in each, RUNS
# rounds at every connection count, project and Solr in turn (Solr first in even rounds). On the seed corpus
# also hybrid search at 4 connections (an index built with the default configuration, vectors and all), and
# /health against Solr's ping. Results: $OUT/solr.md, $OUT/solr.jsonl.
# Fails soft: without the peer (or --no-solr) the phase is noted and skipped.
# Passage vectors kept between runs, one folder per corpus (a build rewrites a cache file that holds more than
# twice what it used, so corpora must not share one): a passage is embedded once, not once per run.
SOLR_VECTORS=target/solr-bench-vectors
declare -A CURSOR=([project]=0 [solr]=0)
SOLR_CACHES_NOW=""

# solr_up on|off: (re)starts the peer with its caches on or off, on the first port from 18983 nothing listens on.
solr_up() {
  local caches=$1 log=$W/logs/solr-start-$1.log
  stop_solr
  # A peer left running by an earlier run of this checkout (its PID file is under target/solr-peer) goes first.
  if SOLR_PORT=0 solr status > /dev/null 2>&1; then say "stopping the Solr peer an earlier run left"; SOLR_PORT=0 solr stop > /dev/null; fi
  SOLR_PORT=18983
  while curl -s -o /dev/null "http://127.0.0.1:$SOLR_PORT/"; do SOLR_PORT=$((SOLR_PORT + 1)); done
  SOLR_CACHES=$caches solr start > "$log" 2>&1 || return 1
  SOLR_PID=$(sed -nE 's/.*ready: pid ([0-9]+).*/\1/p' "$log")
  # Ready means a core answered on the port: make sure it is this process that listens there.
  [ -n "$SOLR_PID" ] && ss -ltnp "sport = :$SOLR_PORT" | grep -q "pid=$SOLR_PID," || { stop_solr; return 1; }
  SOLR_URL=http://127.0.0.1:$SOLR_PORT SOLR_CACHES_NOW=$caches
  CURSOR[solr]=0
}

solr_note() { say "note: $1"; record "{\"type\":\"solr-note\",\"text\":\"$(echo "$1" | tr -d '"\\' | tr '\n' ' ')\"}"; }

# walk ENGINE LABELS PATHS CONNECTIONS SECONDS LOG: one wrk measurement of ENGINE (project or solr), walking
# PATHS from that server's cursor (bench/wrk/paths.lua's walk mode); LABELS empty for a warm-up. The row gets
# the cores the engine and the machine used, the engine's resident memory right after, and the load average.
walk() {
  local engine=$1 labels=$2 paths=$3 conns=$4 seconds=$5 log=$6 threads=2 out=$RAW pid=$SERVER_PID url=$URL
  local b1 s1 v1 b2 s2 v2 started extra h1 m1 vh1 vm1 h2 m2 vh2 vm2
  [ "$engine" = project ] || { pid=$SOLR_PID; url=$SOLR_URL; }
  [ "$conns" -gt 1 ] || threads=1
  [ -n "$labels" ] || out=""
  # The project's query vectors kept and made during a walk of its own (a Solr walk scrapes nothing).
  vh1=0 vm1=0 vh2=0 vm2=0
  [ "$engine" != project ] || read -r h1 m1 vh1 vm1 <<< "$(cache_counts)"
  read -r b1 s1 v1 <<< "$(cpu_ticks "$pid")"
  started=$(now_ms)
  BENCH_OUT=$out BENCH_LABELS=$labels BENCH_FROM=${CURSOR[$engine]} BENCH_THREADS=$threads BENCH_CURSOR=$W/cursor \
    wrk -t"$threads" -c"$conns" -d"${seconds}s" --timeout 10s --latency -s bench/wrk/paths.lua "$url" -- "$paths" \
    > "$log" 2>&1 || die "wrk failed (see $log)"
  read -r b2 s2 v2 <<< "$(cpu_ticks "$pid")"
  [ "$engine" != project ] || read -r h2 m2 vh2 vm2 <<< "$(cache_counts)"
  CURSOR[$engine]=$(cat "$W/cursor")
  if [ -n "$out" ]; then
    extra=$(awk -v b=$((b2 - b1)) -v s=$((s2 - s1)) -v v=$((v2 - v1)) -v hz="$CLK_TCK" -v ms=$(( $(now_ms) - started )) \
      'BEGIN {t = hz * ms / 1000; printf "\"server_cores\":%.2f,\"busy_cores\":%.2f,\"steal_cores\":%.2f", v / t, b / t, s / t}')
    extra+=",\"rss_kb\":$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status"),\"hwm_kb\":$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status")"
    extra+=",\"loadavg\":\"$(cut -d' ' -f1 /proc/loadavg)\""
    [ "$engine" = project ] && extra+=",\"vector_hits\":$((vh2 - vh1)),\"vector_misses\":$((vm2 - vm1))"
    sed -i "\$ s/}\$/,$extra}/" "$RAW"
  fi
}

# solr_rounds CORPUS MODE CACHE CONNECTIONS: RUNS interleaved rounds of both engines on the corpus's lists.
solr_rounds() {
  local corpus=$1 mode=$2 cache=$3 conns_list=$4 run c e order
  for run in $(seq 1 "$RUNS"); do
    for c in $conns_list; do
      order="project solr"
      [ $((run % 2)) = 1 ] || order="solr project"
      for e in $order; do
        walk "$e" "\"type\":\"solr-load\",\"engine\":\"$e\",\"corpus\":\"$corpus\",\"mode\":\"$mode\",\"cache\":\"$cache\",\"connections\":$c,\"round\":$run," \
          "$W/lists/$e-$corpus.txt" "$c" "$DURATION" "$W/logs/wrk-solr-$corpus-$mode-$cache-$e-c$c-run$run.txt"
      done
      say "$corpus $mode, caches $cache, $c connections, round $run: project $(awk '/Requests\/sec/ {print $2}' "$W/logs/wrk-solr-$corpus-$mode-$cache-project-c$c-run$run.txt")/s, Solr $(awk '/Requests\/sec/ {print $2}' "$W/logs/wrk-solr-$corpus-$mode-$cache-solr-c$c-run$run.txt")/s, load $(cut -d' ' -f1 /proc/loadavg)"
    done
  done
}

# solr_preflight ENGINE CORPUS: every search of the list once (one connection); each answer's status, in list
# order. Both engines at once: on a loaded machine a list of thousands takes minutes.
solr_preflight() {
  local engine=$1 corpus=$2 url=$URL
  [ "$engine" = project ] || url=$SOLR_URL
  sed "s|^.*$|url = \"$url&\"\noutput = /dev/null|" "$W/lists/$engine-$corpus.txt" > "$W/curl-preflight-$engine.cfg"
  curl -s -w '%{http_code}\n' --config "$W/curl-preflight-$engine.cfg" > "$W/codes-$engine-$corpus.txt" || true
}

solr_memory() {
  local corpus=$1 cache=$2 p=/proc/$SERVER_PID/status s=/proc/$SOLR_PID/status
  record "{\"type\":\"solr-memory\",\"corpus\":\"$corpus\",\"cache\":\"$cache\",\"project_rss_kb\":$(awk '/^VmRSS:/ {print $2}' "$p"),\"project_hwm_kb\":$(awk '/^VmHWM:/ {print $2}' "$p"),\"solr_rss_kb\":$(awk '/^VmRSS:/ {print $2}' "$s"),\"solr_hwm_kb\":$(awk '/^VmHWM:/ {print $2}' "$s")}"
}

solr_phase() {
  local corpus dir ranking=index-config/ranking.yaml index cache run e engine paths dropped sources tags checks medquad=$SHARED/../medquad
  local lexical=$ROOT/$W/config-lexical hybrid=$ROOT/index-config
  record "{\"type\":\"solr-settings\",\"rounds\":$RUNS,\"duration_s\":$DURATION,\"warmup_s\":$WARMUP,\"connections\":\"$CONNECTIONS\",\"started\":\"$(date -u '+%Y-%m-%d %H:%M UTC')\",\"loadavg_start\":\"$(cut -d' ' -f1-3 /proc/loadavg)\"}"
  if [ "$SOLR" = 0 ]; then
    solr_note "--no-solr: the solr phase was skipped"
    return
  elif [ ! -x "$SOLR_PEER/run.sh" ]; then
    solr_note "the Solr peer was not found at $SOLR_PEER; the solr phase was skipped"
    return
  elif ! solr_up off; then
    solr_note "the Solr peer could not be built or started (see $W/logs/solr-start-off.log); the solr phase was skipped"
    return
  fi
  trap 'stop_server; stop_solr' EXIT
  trap 'exit 143' INT TERM
  mkdir -p "$W/lists"
  for corpus in ${SOLR_CORPORA:-seed scifact medquad}; do
    case $corpus in
      seed) dir=corpus sources=(eval/seed/queries.jsonl:query) tags=--tags ;;
      scifact) dir=$W/corpus-scifact-1x sources=("$SHARED"/queries-*.jsonl) tags="" ;;
      medquad)
        dir=$W/corpus-medquad sources=("$medquad"/*/queries-*.jsonl) tags=""
        if ! ls "$medquad"/*/corpus.jsonl > /dev/null 2>&1; then solr_note "MedQuAD not found at $medquad; skipped"; continue; fi
        mkdir -p "$dir"
        cat "$medquad"/*/corpus.jsonl > "$dir/corpus.jsonl" ;;
      *) die "unknown corpus $corpus in SOLR_CORPORA (seed, scifact, medquad)" ;;
    esac
    index=$W/index-$corpus-solr
    say "$corpus: building the project's index (words alone)"
    if ! bin/passage-search index --index "$index" --corpus "$dir" --config "$lexical" --ranking "$ranking" \
        > "$W/logs/index-$corpus-solr.log" 2>&1; then
      solr_note "$corpus: the project's index did not build (see $W/logs/index-$corpus-solr.log); skipped"
      continue
    fi
    sed 's/^\(  cacheEntries:\).*/\1 0/' "$ranking" > "$W/ranking-$corpus-solr-off.yaml"
    grep -q '^  cacheEntries: 0$' "$W/ranking-$corpus-solr-off.yaml" || die "$ranking has no query.cacheEntries to turn off"
    [ "$SOLR_CACHES_NOW" = off ] || solr_up off || { solr_note "Solr did not start again; the solr phase stops here"; break; }
    start_server "$corpus-solr-off" "$index" "$dir" "$W/paths-health.txt" --config "$lexical" \
      --ranking "$W/ranking-$corpus-solr-off.yaml" || die "the $corpus server did not start (see $SERVER_LOG)"
    CURSOR[project]=0
    # The same passages in both: what the project serves, as one Solr document each.
    python3 bench/solr.py export "$URL" "$W/solr-$corpus.jsonl" 2> "$W/logs/export-$corpus.txt" || die "export failed (see $W/logs/export-$corpus.txt)"
    say "$(cat "$W/logs/export-$corpus.txt")"
    solr clear > /dev/null && solr load "$ROOT/$W/solr-$corpus.jsonl" > "$W/logs/solr-load-$corpus.txt" 2>&1 \
      || { solr_note "$corpus: Solr did not load the passages (see $W/logs/solr-load-$corpus.txt); skipped"; stop_server; continue; }
    python3 bench/solr.py lists "$URL" "$corpus" "$W/lists" "${sources[@]}" $tags
    say "$corpus: every search once on each engine (one connection each, both at once), keeping those both answer 200"
    solr_preflight project "$corpus" &
    checks=$!
    solr_preflight solr "$corpus" &
    wait "$checks" $!   # these two only: a bare wait would wait for the server too
    dropped=$(python3 bench/solr.py keep "$corpus" "$W/lists" "$W/codes-project-$corpus.txt" "$W/codes-solr-$corpus.txt")
    [ "$dropped" = 0 ] || solr_note "$corpus: $dropped searches dropped from both lists: an engine did not answer 200 (statuses in $W/codes-*-$corpus.txt)"
    record "{\"type\":\"solr-corpus\",\"corpus\":\"$corpus\",\"passages\":$(wc -l < "$W/solr-$corpus.jsonl"),\"documents\":$(sed -nE 's/.* of ([0-9]+) documents.*/\1/p' "$W/logs/export-$corpus.txt"),\"searches\":$(wc -l < "$W/lists/project-$corpus.txt"),\"dropped\":$dropped}"
    for cache in off on; do
      if [ "$cache" = on ]; then
        stop_server
        solr_up on || { solr_note "Solr did not start with its caches on; $corpus caches-on rows skipped"; break; }
        start_server "$corpus-solr-on" "$index" "$dir" "$W/paths-health.txt" --config "$lexical" --ranking "$ranking" \
          || die "the $corpus server did not start (see $SERVER_LOG)"
        CURSOR[project]=0
      fi
      say "$corpus, caches $cache: warming both up for $WARMUP s each"
      walk project "" "$W/lists/project-$corpus.txt" 4 "$WARMUP" "$W/logs/wrk-solr-$corpus-$cache-project-warmup.txt"
      walk solr "" "$W/lists/solr-$corpus.txt" 4 "$WARMUP" "$W/logs/wrk-solr-$corpus-$cache-solr-warmup.txt"
      solr_rounds "$corpus" lexical "$cache" "$CONNECTIONS"
      solr_memory "$corpus" "$cache"
      if [ "$corpus" = seed ] && [ "$cache" = off ]; then
        # The HTTP ceiling: /health against Solr's core ping and node health check, in interleaved rounds.
        printf '/solr/passages/admin/ping\n' > "$W/paths-solr-ping.txt"
        printf '/solr/admin/info/health\n' > "$W/paths-solr-health.txt"
        for run in $(seq 1 "$RUNS"); do
          for e in health ping info-health; do
            case $e in
              health) engine=project paths=$W/paths-health.txt ;;
              ping) engine=solr paths=$W/paths-solr-ping.txt ;;
              info-health) engine=solr paths=$W/paths-solr-health.txt ;;
            esac
            walk "$engine" "\"type\":\"solr-ceiling\",\"endpoint\":\"$e\",\"connections\":4,\"round\":$run," "$paths" 4 "$DURATION" \
              "$W/logs/wrk-solr-ceiling-$e-run$run.txt"
          done
          say "ceiling round $run: /health $(awk '/Requests\/sec/ {print $2}' "$W/logs/wrk-solr-ceiling-health-run$run.txt")/s, Solr ping $(awk '/Requests\/sec/ {print $2}' "$W/logs/wrk-solr-ceiling-ping-run$run.txt")/s, Solr info/health $(awk '/Requests\/sec/ {print $2}' "$W/logs/wrk-solr-ceiling-info-health-run$run.txt")/s"
        done
        # Hybrid (words and meaning), the answer cache off, against the same Solr; its cursor goes on. Its index
        # is built with the default configuration (the same passages, with their vectors).
        stop_server
        say "$corpus: building the project's hybrid index (default configuration, vectors cached in $SOLR_VECTORS/$corpus)"
        bin/passage-search index --index "$index-hybrid" --corpus "$dir" --config "$hybrid" --ranking "$ranking" \
          --vector-cache "$SOLR_VECTORS/$corpus" > "$W/logs/index-$corpus-solr-hybrid.log" 2>&1 \
          || die "the $corpus hybrid index did not build (see $W/logs/index-$corpus-solr-hybrid.log)"
        start_server "$corpus-solr-hybrid" "$index-hybrid" "$dir" "$W/paths-health.txt" --config "$hybrid" \
          --ranking "$W/ranking-$corpus-solr-off.yaml" || die "the $corpus hybrid server did not start (see $SERVER_LOG)"
        for _ in $(seq 1 600); do curl -s "$URL/api/index" | grep -q '"mode":"hybrid"' && break; sleep 0.1; done
        if curl -s "$URL/api/index" | grep -q '"mode":"hybrid"'; then
          CURSOR[project]=0
          # A fresh JVM on the hybrid path: its compilers ran for 40-50 s of seed load (C2 about half a core,
          # 2026-12-06; searches/s 406, 803, 953, 1,346, 1,575, 1,549 in successive 10 s), so it warms up for
          # three times as long as the lexical server, whose rounds follow its own and Solr's warm-up.
          walk project "" "$W/lists/project-$corpus.txt" 4 "$((WARMUP * 3))" "$W/logs/wrk-solr-$corpus-hybrid-warmup.txt"
          solr_rounds "$corpus" hybrid off 4
          solr_memory "$corpus" "off, hybrid"
        else
          solr_note "the $corpus server never answered by meaning (see $SERVER_LOG); no hybrid rows"
        fi
      fi
    done
    stop_server
  done
  stop_solr
  grep '"type":"solr' "$RAW" > "$OUT/solr.jsonl"
  python3 bench/solr.py report "$OUT/solr.jsonl" "$OUT/solr.md" >&2
}

rm -rf "$W"
mkdir -p "$W/logs"
# Every phase but "semantic" measures search by words alone, as before semantic retrieval (issue 15), from a
# copy of index-config/ with semantic.yaml off; the semantic phase measures both modes side by side.
mkdir -p "$W/config-lexical"
cp index-config/* "$W/config-lexical/"
echo "enabled: false" > "$W/config-lexical/semantic.yaml"
export PASSAGE_SEARCH_CONFIG=$ROOT/$W/config-lexical
tool copies "$SHARED/corpus.jsonl" "$W/corpus-scifact-1x" 1
tool paths eval/seed/queries.jsonl query "$W/paths-seed.txt"
tool paths "$SHARED/queries-test.jsonl" text "$W/paths-scifact.txt"
echo /health > "$W/paths-health.txt"
# Every corpus, SciFact too, is built and served with the default configuration (index-config/), as a
# publisher's corpus would be and as `eval` reports it.
record "{\"type\":\"settings\",\"mode\":\"$([ "$QUICK" = 1 ] && echo quick || echo full)\",\"runs\":$RUNS,\"duration_s\":$DURATION,\"warmup_s\":$WARMUP,\"starts\":$STARTS,\"growth\":\"$GROWTH\",\"connections\":\"$CONNECTIONS\",\"wrk\":\"$(wrk --version 2>&1 | head -n 1 | cut -c1-40)\",\"phases\":\"$PHASES\",\"loadavg_start\":\"$(cut -d' ' -f1-3 /proc/loadavg)\",\"started\":\"$(date -Iseconds)\"}"

# Indexes to serve: the last of the runs below, or built here when indexing is not measured.
if phase index; then
  for run in $(seq 1 "$RUNS"); do index_run seed corpus "$W/index-seed" all "$run"; done
  for run in $(seq 1 "$RUNS"); do index_run scifact "$W/corpus-scifact-1x" "$W/index-scifact-pinned" 1 "$run"; done
  for run in $(seq 1 "$RUNS"); do index_run scifact "$W/corpus-scifact-1x" "$W/index-scifact" all "$run"; done
  rm -rf "$W/index-scifact-pinned"
elif phase startup || phase load || phase growth || phase jmh; then
  bin/passage-search index --index "$W/index-seed" --corpus corpus > "$W/logs/index-seed.log" 2>&1
  bin/passage-search index --index "$W/index-scifact" --corpus "$W/corpus-scifact-1x" > "$W/logs/index-scifact.log" 2>&1
fi

if phase startup; then
  # Timed with serve's start-up cache present: on JDK 25 the first launch of a build of the jar trains it
  # (bin/passage-search: serve --aot-training, then the AOT cache is made; about 10 s, once), so that launch
  # is not timed.
  start_server startup-prime "$W/index-seed" corpus "$W/paths-seed.txt" || die "the server did not start (see $SERVER_LOG)"
  say "start-up cache ready (first launch of this jar, not timed: $STARTUP_MS ms)"
  stop_server
  for run in $(seq 1 "$STARTS"); do
    start_server "startup-$run" "$W/index-seed" corpus "$W/paths-seed.txt" || die "the server did not start (see $W/logs/server-startup-$run.log)"
    record "{\"type\":\"startup\",\"corpus\":\"seed\",\"what\":\"startup\",\"run\":$run,\"ms\":$STARTUP_MS}"
    say "start-up $run: $STARTUP_MS ms to the first answered search"
    stop_server
  done
fi

if phase load; then
  start_server seed "$W/index-seed" corpus "$W/paths-seed.txt" || die "the seed server did not start"
  record "{\"type\":\"startup\",\"corpus\":\"seed\",\"what\":\"load server\",\"ms\":$STARTUP_MS}"
  load seed "search health" "$CONNECTIONS" || die "the seed server failed its queries (see $W/logs/server-seed.log)"
  record_memory seed production
  stop_server

  start_server scifact "$W/index-scifact" "$W/corpus-scifact-1x" "$W/paths-scifact.txt" || die "the SciFact server did not start"
  record "{\"type\":\"startup\",\"corpus\":\"scifact\",\"what\":\"load server\",\"ms\":$STARTUP_MS}"
  load scifact "search" "$CONNECTIONS" || die "the SciFact server failed its queries (see $W/logs/server-scifact.log)"
  record_memory scifact production
  stop_server

  # The same at 4 connections with the answer cache off: what a search costs when nothing repeats.
  for corpus in seed scifact; do
    index=$W/index-seed dir=corpus
    [ "$corpus" = seed ] || index=$W/index-scifact dir=$W/corpus-scifact-1x
    sed 's/^\(  cacheEntries:\).*/\1 0/' index-config/ranking.yaml > "$W/ranking-$corpus-nocache.yaml"
    grep -q '^  cacheEntries: 0$' "$W/ranking-$corpus-nocache.yaml" || die "index-config/ranking.yaml has no query.cacheEntries to turn off"
    cp "$W/paths-$corpus.txt" "$W/paths-$corpus-nocache.txt"
    start_server "$corpus-nocache" "$index" "$dir" "$W/paths-$corpus.txt" --ranking "$W/ranking-$corpus-nocache.yaml" \
      || die "the $corpus server without a cache did not start"
    load "$corpus-nocache" search 4 || die "the $corpus server without a cache failed its queries (see $SERVER_LOG)"
    stop_server
  done
fi

if phase growth; then
  for f in $GROWTH; do
    if [ "$f" = 1 ]; then
      # 1x is SciFact as served above: its build time is the indexing median, its latency the load phase's.
      gen=$(cat "$W/index-scifact/CURRENT")
      record "{\"type\":\"growth\",\"factor\":1,\"corpus_bytes\":$(du -sbL "$W/corpus-scifact-1x" | cut -f1),\"index_bytes\":$(du -sb "$W/index-scifact/$gen" | cut -f1)}"
      continue
    fi
    corpus=$W/corpus-scifact-${f}x index=$W/index-scifact-${f}x name=scifact-${f}x
    tool copies "$SHARED/corpus.jsonl" "$corpus" "$f"
    # The production heap first; a larger one when it fails, and the report says so. A size that cannot
    # be built or served is noted and skipped, so the rest of the run still reports.
    HEAP_LABEL=production JAVA_OPTS="" index_run "$name" "$corpus" "$index" all 1
    heap=production
    if [ "$INDEX_OK" != true ]; then
      note "$name: the index build failed with the production heap: $(grep -m1 -E 'Error|Exception' "$W/logs/index-$name-all-run1.log" | cut -c1-160); built again with -Xmx2g"
      heap="-Xmx2g"
      HEAP_LABEL=$heap JAVA_OPTS=-Xmx2g index_run "$name" "$corpus" "$index" all 2
      if [ "$INDEX_OK" != true ]; then
        note "$name: the index build failed with -Xmx2g too; size skipped"
        rm -rf "$corpus" "$index"
        continue
      fi
    fi
    wall=$(tail -n 1 "$RAW" | sed -E 's/.*"wall_ms":([0-9]+).*/\1/')
    gen=$(cat "$index/CURRENT")
    record "$(echo "$INDEX_LINE" | sed -E "s/Indexed ([0-9]+) passages from ([0-9]+) documents .*/{\"type\":\"growth\",\"factor\":$f,\"passages\":\1,\"documents\":\2,\"wall_ms\":$wall,\"corpus_bytes\":$(du -sbL "$corpus" | cut -f1),\"index_bytes\":$(du -sb "$index/$gen" | cut -f1),\"heap\":\"$heap\"}/")"
    served=true
    cp "$W/paths-scifact.txt" "$W/paths-$name.txt"
    if ! JAVA_OPTS=$([ "$heap" = production ] || echo -Xmx2g) start_server "$name" "$index" "$corpus" "$W/paths-$name.txt"; then
      served=false
      if [ "$heap" = production ]; then
        note "$name: the server did not start with the production heap: $(grep -m1 -E 'Error|Exception' "$SERVER_LOG" | cut -c1-160); started again with -Xmx2g"
        heap="-Xmx2g"
        JAVA_OPTS=-Xmx2g start_server "$name" "$index" "$corpus" "$W/paths-$name.txt" && served=true
      fi
    fi
    if [ "$served" = true ]; then
      record "{\"type\":\"startup\",\"corpus\":\"$name\",\"what\":\"load server\",\"ms\":$STARTUP_MS}"
      if load "$name" search 4; then
        record_memory "$name" "$heap"
      else
        note "$name: some searches did not answer 200 (see $SERVER_LOG); no load measured"
      fi
      stop_server
    else
      note "$name: the server did not start (see $SERVER_LOG); no load measured"
    fi
    rm -rf "$corpus" "$index"
  done
fi

if phase jmh; then
  # 100 queries a corpus keep each fork's set-up short; the mean over them is the score. The search path
  # needs some 10 s of calls before the JIT has compiled it (a SciFact search falls from 500 ms to 50 ms).
  JMH_QUERIES=100
  jmh=(-wi 4 -w 2s -i 3 -r 1s -p corpus=seed,scifact)
  [ "$QUICK" = 0 ] || jmh=(-wi 1 -w 1s -i 1 -r 1s -p corpus=seed)
  say "JMH: ${jmh[*]}"
  java -jar target/benchmarks.jar SearchPathBenchmark "${jmh[@]}" -rf json -rff "$W/jmh.json" \
    -jvmArgsAppend "@$ROOT/bin/jvm.options -Dbench.queries.max=$JMH_QUERIES -Dbench.index.seed=$ROOT/$W/index-seed -Dbench.index.scifact=$ROOT/$W/index-scifact -Dbench.scifact.corpus=$ROOT/$W/corpus-scifact-1x -Dbench.scifact.queries=$SHARED/queries-test.jsonl" \
    > "$W/logs/jmh.txt" 2>&1 || die "JMH failed (see $W/logs/jmh.txt)"
  sed -n '/^Benchmark /,$p' "$W/logs/jmh.txt" | grep -v '^$' >&2 || true
fi

if phase indexing; then
  mkdir -p "$OUT"
  indexing_phase
fi

if phase semantic; then
  mkdir -p "$OUT"
  semantic_phase
fi

if phase solr; then
  mkdir -p "$OUT"
  solr_phase
fi

ELAPSED=$(( SECONDS - START_SECONDS ))
record "{\"type\":\"settings\",\"loadavg_end\":\"$(cut -d' ' -f1-3 /proc/loadavg)\",\"elapsed_s\":$ELAPSED}"
report=(--work "$W" --out "$OUT" --elapsed-s "$ELAPSED" --commit "$COMMIT")
[ "$README_UPDATE" = 0 ] || report+=(--readme README.md)
if phase index || phase startup || phase load || phase growth || phase jmh; then
  tool report "${report[@]}"
else
  # latest.json and latest.md report the load, memory, start-up and JMH phases: a run of none leaves them be.
  say "no load, start-up, growth or JMH phase in this run: $OUT/latest.md and latest.json left as they were"
fi
say "done in $(( ELAPSED / 60 )) min $(( ELAPSED % 60 )) s"
