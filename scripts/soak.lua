-- wrk script for soak.sh. Each request searches the next query of the seed set (SOAK_QUERIES, one JSON
-- object a line with a "query" field), so the server sees the whole range of query shapes, not one hot
-- query. Every answer that is not 2xx is counted. At the end of a slice, done() writes to SOAK_SLICE_FILE
-- one "summary" line (requests, duration in us, non-2xx, socket errors: connect read write timeout) and
-- the latency histogram ("latency <microseconds> <count>" per distinct value), which soak.sh merges across
-- slices into exact percentiles.

local paths = {}
local next_path = 1
non2xx = 0

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("offset", #threads * 37)
end

function init(args)
  local file = assert(io.open(os.getenv("SOAK_QUERIES")))
  for line in file:lines() do
    local query = line:match('"query"%s*:%s*"(.-)"')
    if query then
      table.insert(paths, "/api/search?q=" .. urlencode(query))
    end
  end
  file:close()
  assert(#paths > 0, "no queries in " .. os.getenv("SOAK_QUERIES"))
  next_path = (offset or 0) % #paths + 1
end

function request()
  local path = paths[next_path]
  next_path = next_path % #paths + 1
  return wrk.format("GET", path)
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non2xx")
  end
  local e = summary.errors
  local out = assert(io.open(os.getenv("SOAK_SLICE_FILE"), "w"))
  out:write(string.format("summary %d %d %d %d %d %d %d\n", summary.requests, summary.duration, bad,
    e.connect, e.read, e.write, e.timeout))
  for i = 1, #latency do
    local value, count = latency(i)
    out:write(string.format("latency %d %d\n", value, count))
  end
  out:close()
end
