-- wrk script for bench/run.sh: GET requests cycling through a file of request paths (one a line, already
-- URL-encoded: the evaluation queries as /api/search?q=..., or /health), and one JSON line of results
-- appended to $BENCH_OUT when the run ends. $BENCH_LABELS (e.g. '"corpus":"seed","connections":4,')
-- is written at the start of that line.
--
--   wrk -t2 -c4 -d10s --latency -s bench/wrk/paths.lua http://127.0.0.1:7070 -- paths.txt
--
-- Non-2xx answers are counted from wrk's own status errors (status > 399): defining response() would
-- make wrk hand every header and body to Lua, which costs the load generator CPU it shares with the
-- server. bench/run.sh first checks that every path answers 200.

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local file = args[1] or error("usage: wrk ... -s paths.lua URL -- PATHS_FILE")
  requests = {}
  for line in io.lines(file) do
    if #line > 0 then
      table.insert(requests, wrk.format("GET", line))
    end
  end
  if #requests == 0 then
    error("no request paths in " .. file)
  end
  -- Threads start half the list apart, so two threads do not ask the same query at the same moment.
  next_request = (id * math.floor(#requests / 2)) % #requests
end

function request()
  next_request = next_request % #requests + 1
  return requests[next_request]
end

function done(summary, latency, rate)
  local out_path = os.getenv("BENCH_OUT")
  if out_path == nil or out_path == "" then
    return
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  local line = string.format(
    '{%s"duration_s":%.3f,"requests":%d,"rps":%.1f,"bytes":%d,' ..
    '"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,"mean_ms":%.3f,' ..
    '"socket_errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},"non2xx":%d}\n',
    os.getenv("BENCH_LABELS") or "", seconds, summary.requests, summary.requests / seconds, summary.bytes,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000,
    e.connect, e.read, e.write, e.timeout, e.status)
  local out = assert(io.open(out_path, "a"))
  out:write(line)
  out:close()
end
