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
--
-- Walk mode ($BENCH_FROM set, with $BENCH_THREADS wrk's -t): the threads share one pass through the list,
-- thread i sending positions FROM+i, FROM+i+T, ..., so no path is sent twice until the list is used up
-- (position >= its length: a repeat); the results line then also holds "from", "next" (where the next
-- run of the same server should start) and "list", and $BENCH_CURSOR, when set, receives "next".

local threads = {}
local walk_from = tonumber(os.getenv("BENCH_FROM") or "")

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
  list_length = #requests
  if walk_from then
    step = tonumber(os.getenv("BENCH_THREADS") or "1")
    position = walk_from + id
    sent = 0
    return
  end
  -- Threads start half the list apart, so two threads do not ask the same query at the same moment.
  next_request = (id * math.floor(#requests / 2)) % #requests
end

function request()
  if walk_from then
    local r = requests[position % list_length + 1]
    position = position + step
    sent = sent + 1
    return r
  end
  next_request = next_request % #requests + 1
  return requests[next_request]
end

function done(summary, latency, rate)
  local walk = ""
  if walk_from then
    local most = 0
    for _, t in ipairs(threads) do
      most = math.max(most, t:get("sent"))
    end
    local next_from = walk_from + most * #threads
    walk = string.format('"from":%d,"next":%d,"list":%d,', walk_from, next_from, threads[1]:get("list_length"))
    local cursor_path = os.getenv("BENCH_CURSOR")
    if cursor_path ~= nil and cursor_path ~= "" then
      local f = assert(io.open(cursor_path, "w"))
      f:write(next_from, "\n")
      f:close()
    end
  end
  local out_path = os.getenv("BENCH_OUT")
  if out_path == nil or out_path == "" then
    return
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  local line = string.format(
    '{%s%s"duration_s":%.3f,"requests":%d,"rps":%.1f,"bytes":%d,' ..
    '"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,"mean_ms":%.3f,' ..
    '"socket_errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},"non2xx":%d}\n',
    os.getenv("BENCH_LABELS") or "", walk, seconds, summary.requests, summary.requests / seconds, summary.bytes,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000,
    e.connect, e.read, e.write, e.timeout, e.status)
  local out = assert(io.open(out_path, "a"))
  out:write(line)
  out:close()
end
