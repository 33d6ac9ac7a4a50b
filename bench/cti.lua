-- wrk script: phone-system (CTI) events through the API, as the hotline's phone system sends them.
-- Each connection plays calls one after another: ringing, answered (after 0–20 s), ended; and one
-- request in ten resends an event already sent (same event id), which must be answered 200 as a
-- duplicate and change nothing. Needs an API key with the calls:write scope:
--   AFTERSALES_API_KEY=ak_... wrk -t2 -c16 -d60s --latency -s bench/cti.lua http://127.0.0.1:5000
-- Afterwards, the number of stored events must equal the "created" count printed at the end
-- (SELECT COUNT(*) FROM "CallEvents" on a fresh database).
local key = os.getenv("AFTERSALES_API_KEY") or error("set AFTERSALES_API_KEY")
local run = os.getenv("RUN") or tostring(os.time())
local thread_id = 0
local threads = {}

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
  table.insert(threads, thread)
end

local types = { "ringing", "answered", "ended" }
local n = 0
local sent = 0
-- Globals, not locals: done() reads them from each thread with thread:get.
created = 0
duplicates = 0
failures = 0

local function event(i)
  local call = math.floor(i / 3)
  local kind = types[(i % 3) + 1]
  -- Times in the past, a ring cycle apart per call, so out-of-range times never occur.
  local base = os.time() - 3600 + (call % 3000)
  local offset = (kind == "ringing") and 0 or ((kind == "answered") and (call % 21) or 120)
  local at = os.date("!%Y-%m-%dT%H:%M:%SZ", base + offset)
  return string.format(
    '{"eventId":"%s-%d-%d","callId":"%s-%d-%d","type":"%s","at":"%s","callerNumber":"1380000%04d","agent":"80%02d"}',
    run, tid, i, run, tid, call, kind, at, call % 10000, call % 40)
end

function request()
  local body
  if n > 0 and n % 10 == 9 then
    -- a resend of an event already sent (not n - 1: that may name one not sent yet, whose time
    -- would then differ from the real one's and be refused as contradicting)
    body = event(math.random(0, sent - 1))
  else
    body = event(sent)
    sent = sent + 1
  end
  n = n + 1
  return wrk.format("POST", "/api/v1/calls/events", { ["Content-Type"] = "application/json", ["X-Api-Key"] = key }, body)
end

function response(status, headers, body)
  if status == 201 then created = created + 1
  elseif status == 200 then duplicates = duplicates + 1
  else
    failures = failures + 1
    if failures <= 5 then io.stderr:write(status .. " " .. body .. "\n") end
  end
end

function done(summary, latency, requests)
  local c, d, f = 0, 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created"); d = d + t:get("duplicates"); f = f + t:get("failures")
  end
  io.write(string.format("events/s %.0f  created %d  duplicates %d  failed %d  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms\n",
    summary.requests / (summary.duration / 1e6), c, d, f,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
