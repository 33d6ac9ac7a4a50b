-- The dispatcher's inspection round list under load (wrk 4). See bench/README.md, "Inspection rounds".
--
--   AFTERSALES_COOKIE='.AspNetCore.Identity.Application=…' \
--     wrk -t2 -c16 -d60s --latency -s bench/rounds.lua http://127.0.0.1:5000
--
-- First pages, each filter, and, one request in three, the "next page" link taken from an earlier
-- answer, so deep keyset pages are measured too.
local cookie = os.getenv("AFTERSALES_COOKIE") or ""

local paths = {
  "/Inspections",
  "/Inspections?Status=Planned",
  "/Inspections?Status=Scheduled",
  "/Inspections?Status=Missed",
  "/Inspections?Season=Summer",
  "/Inspections?Season=Winter&Year=2027",
  "/Inspections?Status=Planned&Season=Winter",
}

local headers = { ["Cookie"] = cookie }
local next_page = nil
local thread_no = 0
local latencies = {}

function setup(thread)
  thread_no = thread_no + 1
  thread:set("seed", thread_no)
end

function init(args)
  math.randomseed(os.time() + (seed or 0))
end

function request()
  local path
  if next_page and math.random() < 0.33 then
    path, next_page = next_page, nil
  else
    path = paths[math.random(#paths)]
  end
  return wrk.format("GET", path, headers)
end

function response(status, hdrs, body)
  if status ~= 200 then
    io.stderr:write("status " .. status .. "\n")
    return
  end
  local href = body:match('href="(/Inspections%?[^"]*)" id="next%-page"')
  if href then next_page = href:gsub("&amp;", "&") end
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, errors %d (status %d)\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
  for _, p in ipairs({ 50, 90, 95, 99 }) do
    io.write(string.format("p%d %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
