-- Dispatch board and search under load (wrk 4). See bench/README.md, "Dispatch board".
--
--   AFTERSALES_COOKIE='.AspNetCore.Identity.Application=…' \
--     wrk -t2 -c16 -d60s --latency -s bench/board.lua http://127.0.0.1:5000
--
-- BOARD_MIX=board   first pages, filters and "next page" links followed from the answers
-- BOARD_MIX=search  Chinese substring searches of description, customer name and number
-- BOARD_MIX=all     both (default)
-- BOARD_FULL=1      whole pages (layout, nav badge) instead of the htmx rows fragment
local cookie = os.getenv("AFTERSALES_COOKIE") or ""
local mix = os.getenv("BOARD_MIX") or "all"
local full = os.getenv("BOARD_FULL") == "1"

local function esc(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local board = {
  "/Dispatch",
  "/Dispatch?status=Received",
  "/Dispatch?status=Dispatched",
  "/Dispatch?technician=none",
  "/Dispatch?channel=Hotline",
  "/Dispatch?major=true",
  "/Dispatch?channel=Email&major=true",
}
local search = {}
for _, q in ipairs({ "灯箱", "广告牌", "门牌", "闪烁", "松动", "人民医院", "第一中学", "杭州市", "GD-2026", "0001" }) do
  table.insert(search, "/Dispatch?q=" .. esc(q))
end

local paths = {}
if mix ~= "search" then for _, p in ipairs(board) do table.insert(paths, p) end end
if mix ~= "board" then for _, p in ipairs(search) do table.insert(paths, p) end end

local headers = { ["Cookie"] = cookie }
if not full then headers["HX-Request"] = "true" end

local next_page = nil
local thread_no = 0

function setup(thread)
  thread_no = thread_no + 1
  thread:set("seed", thread_no)
end

function init(args)
  math.randomseed(os.time() + (seed or 0))
end

function request()
  local path
  -- One request in four continues a board walk: keyset paging must stay as fast on page 20 as on page 1.
  if next_page and math.random() < 0.25 then
    path, next_page = next_page, nil
  else
    path = paths[math.random(#paths)]
  end
  return wrk.format("GET", path, headers)
end

function response(status, hdrs, body)
  if status ~= 200 then
    -- A redirect here means the cookie is missing or expired: sign in again (README).
    io.stderr:write("status " .. status .. "\n")
    return
  end
  local href = body:match('id="next%-page" href="([^"]+)"')
  if href then next_page = href:gsub("&amp;", "&") end
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, errors %d (status %d, timeout %d)\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.errors.timeout))
  for _, p in ipairs({ 50, 90, 95, 99 }) do
    io.write(string.format("p%d %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
