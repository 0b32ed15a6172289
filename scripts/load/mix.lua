-- wrk script: POSTs a rotating list of requests given as arguments (path, content type, body file, …) and counts
-- the 5xx answers per thread; done() prints the 5xx count and the latency percentiles.
local paths, types, bodies = {}, {}, {}
local n = 0
fives = 0

function init(args)
  for i = 1, #args, 3 do
    local f = assert(io.open(args[i + 2], "rb"))
    table.insert(paths, args[i])
    table.insert(types, args[i + 1])
    table.insert(bodies, f:read("*all"))
    f:close()
  end
end

function request()
  n = n % #bodies + 1
  return wrk.format("POST", paths[n], { ["Content-Type"] = types[n] }, bodies[n])
end

function response(status, headers, body)
  if status >= 500 then
    fives = fives + 1
  end
end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

function done(summary, latency, requests)
  local f = 0
  for _, t in ipairs(threads) do
    f = f + t:get("fives")
  end
  io.write(string.format("requests %d in %.1f s (%.1f/s); 5xx %d; p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6), f,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
