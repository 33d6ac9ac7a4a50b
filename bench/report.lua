-- wrk script: the three-ring report (接听率) over a whole year of calls, as a manager asks for it
-- through the API. Needs an API key with the calls:read scope and calls from `generate --calls N`:
--   AFTERSALES_API_KEY=ak_... wrk -t1 -c1 -d30s --latency -s bench/report.lua http://127.0.0.1:5000
local key = os.getenv("AFTERSALES_API_KEY") or error("set AFTERSALES_API_KEY")
local from = os.getenv("FROM") or os.date("!%Y-%m-%d", os.time() - 366 * 86400)
local to = os.getenv("TO") or os.date("!%Y-%m-%d", os.time() + 86400)

function request()
  return wrk.format("GET", "/api/v1/calls/report?from=" .. from .. "&to=" .. to, { ["X-Api-Key"] = key })
end

local failures = 0
local size = 0
function response(status, headers, body)
  size = #body
  if status ~= 200 then
    failures = failures + 1
    if failures <= 5 then io.stderr:write(status .. " " .. body .. "\n") end
  end
end

function done(summary, latency, requests)
  io.write(string.format("reports/s %.1f  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  errors %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
