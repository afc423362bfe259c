-- wrk script: POST /diff with the {"from", "to"} JSON bodies in the file named by REDLINE_BODIES (one per
-- line); everything else is check.lua's, so the two endpoints are measured the same way.
--   REDLINE_BODIES=target/load-bodies/diff.jsonl wrk -t2 -c8 -d30s -s diff.lua http://127.0.0.1:8080
endpoint = "/diff"
dofile(debug.getinfo(1, "S").source:match("^@(.-)[^/]*$") .. "check.lua")
