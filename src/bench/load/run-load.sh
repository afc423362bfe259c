#!/usr/bin/env bash
# Load run of POST /check and POST /diff with wrk, one CSV line per endpoint and concurrency.
#   run-load.sh [base-url] [bodies-dir] [duration] [levels] [csv]
# defaults: http://127.0.0.1:8080  target/load-bodies  30s  "1 2 4 8 16 32"  docs/bench/load.csv
# (default paths relative to the repo root; bodies-dir holds make-bodies.py's check.jsonl and diff.jsonl).
# WARMUP (default 5s) is the warm-up before each measured run. Exits 1 if any measured run had errors.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
url=${1:-http://127.0.0.1:8080}
bodies=${2:-$root/target/load-bodies}
duration=${3:-30s}
levels=${4:-1 2 4 8 16 32}
csv=${5:-$root/docs/bench/load.csv}
warmup=${WARMUP:-5s}

if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package; needs root)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
for f in check diff; do
  [ -s "$bodies/$f.jsonl" ] || { echo "no $bodies/$f.jsonl: run make-bodies.py first" >&2; exit 2; }
done
# Fail now rather than after every run has timed out against a server that is not there.
curl -sf -o /dev/null "$url/stats" || { echo "no Redline answering at $url" >&2; exit 2; }

mkdir -p "$(dirname "$csv")"
[ -s "$csv" ] || echo "endpoint,connections,rps,p50_ms,p99_ms,p999_ms,errors" > "$csv"
failed=0
for endpoint in check diff; do
  export REDLINE_BODIES=$bodies/$endpoint.jsonl
  for c in $levels; do
    # Two client threads at most: the machine's other cores are the server's.
    t=$(( c < 2 ? c : 2 ))
    wrk -t"$t" -c"$c" -d"$warmup" --timeout 5s -s "$here/$endpoint.lua" "$url" >/dev/null
    out=$(wrk -t"$t" -c"$c" -d"$duration" --timeout 5s -s "$here/$endpoint.lua" "$url")
    result=$(grep '^RESULT ' <<<"$out") || { echo "$out" >&2; echo "no RESULT line from wrk" >&2; exit 1; }
    field() { sed -E "s/.* $1=([^ ]+).*/\1/" <<<"$result"; }
    echo "$endpoint,$c,$(field rps),$(field p50_ms),$(field p99_ms),$(field p999_ms),$(field errors)" >> "$csv"
    echo "$endpoint c=$c: $(field rps) req/s, p50 $(field p50_ms) ms, p99 $(field p99_ms) ms, p99.9 $(field p999_ms) ms, errors $(field errors)"
    [ "$(field errors)" = 0 ] || failed=1
  done
done
echo "appended to $csv"
exit $failed
