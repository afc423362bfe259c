#!/usr/bin/env bash
# /check latency at one store size: one connection (no queueing), a warm-up, then a measured run with wrk;
# appends "articles,label,p50_ms,p99_ms" to a CSV that Charts draws as latency vs. index size.
#   check-latency.sh <base-url> <check.jsonl> <articles stored> <label> [duration] [csv]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
url=$1 bodies=$2 articles=$3 label=$4
duration=${5:-30s}
csv=${6:-$root/docs/bench/lookup.csv}
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
curl -sf -o /dev/null "$url/stats" || { echo "no Redline answering at $url" >&2; exit 2; }
export REDLINE_BODIES=$bodies
wrk -t1 -c1 -d10s -s "$here/../load/check.lua" "$url" >/dev/null
result=$(wrk -t1 -c1 -d"$duration" -s "$here/../load/check.lua" "$url" | grep '^RESULT ')
field() { sed -E "s/.* $1=([^ ]+).*/\1/" <<<"$result"; }
[ "$(field errors)" = 0 ] || { echo "errors: $result" >&2; exit 1; }
mkdir -p "$(dirname "$csv")"
[ -s "$csv" ] || echo "articles,metric,p50_ms,p99_ms" > "$csv"
echo "$articles,$label,$(field p50_ms),$(field p99_ms)" >> "$csv"
echo "$label at $articles articles: p50 $(field p50_ms) ms, p99 $(field p99_ms) ms, p99.9 $(field p999_ms) ms, $(field rps) req/s"
