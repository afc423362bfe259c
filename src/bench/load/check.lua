-- wrk script: POST /check with the JSON bodies in the file named by REDLINE_BODIES (one per line), cycled
-- through; ends with one RESULT line that run-load.sh reads.
--   REDLINE_BODIES=target/load-bodies/check.jsonl wrk -t2 -c8 -d30s -s check.lua http://127.0.0.1:8080
endpoint = endpoint or "/check"   -- diff.lua sets "/diff" and then runs this file

local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

local reqs, nxt

function init(args)
  local file = os.getenv("REDLINE_BODIES") or error("REDLINE_BODIES must name a file of JSON request bodies")
  local path = wrk.path:gsub("/$", "") .. endpoint   -- keeps a base URL's path prefix, e.g. behind a proxy
  reqs = {}
  for line in assert(io.open(file)):lines() do
    if line ~= "" then
      -- Formatted once here, so during the run the client's CPU goes to sending, not to building requests.
      reqs[#reqs + 1] = wrk.format("POST", path, {["Content-Type"] = "application/json"}, line)
    end
  end
  if #reqs == 0 then error(file .. ": no request bodies") end
  -- Each thread starts elsewhere in the file (golden-ratio steps), so threads do not send the same texts in step.
  nxt = math.floor(#reqs * ((id * 0.618034) % 1)) + 1
end

function request()
  local r = reqs[nxt]
  nxt = nxt % #reqs + 1
  return r
end

-- wrk counts a response of status 400 and above in errors.status.
function done(summary, latency, requests)
  local e, s = summary.errors, summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d duration_s=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f errors=%d\n",
    summary.requests, s, summary.requests / s,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    e.connect + e.read + e.write + e.timeout + e.status))
end
