-- wrk script: work-order intake through the API, as a phone system or mail gateway would send it.
-- Every request carries a fresh Idempotency-Key, so each one creates a work order (a retry with the
-- same key would not). Needs an API key with the workorders:write scope and an existing customer id:
--   AFTERSALES_API_KEY=ak_... CUSTOMER_ID=1 wrk -t2 -c16 -d60s --latency -s bench/create.lua http://127.0.0.1:5000
local key = os.getenv("AFTERSALES_API_KEY") or error("set AFTERSALES_API_KEY")
local customer = tonumber(os.getenv("CUSTOMER_ID") or "1")
-- A run id in every key, so a measured run never reuses a key of its warm-up (that would be a 200).
local run = os.getenv("RUN") or tostring(os.time())
local thread_id = 0
local threads = {}

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
  table.insert(threads, thread)
end

local n = 0
function request()
  n = n + 1
  local body = string.format(
    '{"customerId":%d,"channel":"Api","description":"灯箱不亮（压测 %d-%d）","cause":"Unknown"}',
    customer, tid, n)
  local headers = {
    ["Content-Type"] = "application/json",
    ["X-Api-Key"] = key,
    ["Idempotency-Key"] = string.format("bench-%s-%d-%d", run, tid, n),
  }
  return wrk.format("POST", "/api/v1/work-orders", headers, body)
end

local failures = 0
function response(status, headers, body)
  if status ~= 201 then
    failures = failures + 1
    if failures <= 5 then io.stderr:write(status .. " " .. body .. "\n") end
  end
end

function done(summary, latency, requests)
  io.write(string.format("created/s %.0f  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  errors %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
