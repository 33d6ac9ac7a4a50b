-- A contract's penalty statement (违约金结算单) under load (wrk 4). See bench/README.md, "Penalty statements".
--
--   AFTERSALES_COOKIE='.AspNetCore.Identity.Application=…' CONTRACT_ID=1 \
--     wrk -t1 -c1 -d30s --latency -s bench/statement.lua http://127.0.0.1:5000
--
-- STATEMENT_FILE=xlsx|pdf   the download instead of the page
-- STATEMENT_QUERY='?from=2026-01-01&to=2026-01-31'   a period instead of the whole history
local cookie = os.getenv("AFTERSALES_COOKIE") or ""
local contract = os.getenv("CONTRACT_ID") or "1"
local file = os.getenv("STATEMENT_FILE")
local query = os.getenv("STATEMENT_QUERY") or ""
local path = "/Contracts/" .. contract .. "/Penalties" .. (file and ("/statement." .. file) or "") .. query
local headers = { ["Cookie"] = cookie }

function request()
  return wrk.format("GET", path, headers)
end

function response(status, hdrs, body)
  if status ~= 200 then
    -- A redirect means the cookie is missing or expired (sign in again); a 404, a contract not there.
    io.stderr:write("status " .. status .. "\n")
  end
end

function done(summary, latency, requests)
  io.write(string.format("%s: requests %d, %d bytes each, errors %d (status %d, timeout %d)\n", path,
    summary.requests, summary.requests > 0 and math.floor(summary.bytes / summary.requests) or 0,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.errors.timeout))
  for _, p in ipairs({ 50, 90, 95, 99 }) do
    io.write(string.format("p%d %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
