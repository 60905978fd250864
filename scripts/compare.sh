#!/usr/bin/env bash
# Times one question -- "how many events involve this actor?" -- asked of the
# same generated JSON Lines file by dateline (load, validate, index, filter),
# DuckDB (read_json + filter) and jq, in one run, and prints the ratios.
#
#   scripts/compare.sh [EVENTS] [ACTOR]      (defaults: 1000000 a0)
#
# With `gdelt` first, the question is "how many events involve this
# country?" asked of a generated raw GDELT 2.0 Events export: dateline
# importing the export, dateline loading the same events as native JSON
# Lines (written by `dateline import`), and DuckDB's read_csv over the
# export, in one run.
#
#   scripts/compare.sh gdelt [EVENTS] [ISO2 CAMEO3 FIPS]   (defaults: 1000000 RU RUS RS)
#
# Installs what it needs: hyperfine and jq from Debian's packages, DuckDB's
# Python package into target/compare-venv.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=native
if [ "${1:-}" = gdelt ]; then
  mode=gdelt
  shift
fi
events=${1:-1000000}
actor=${2:-a0}

need_apt=()
command -v hyperfine >/dev/null || need_apt+=(hyperfine)
command -v jq >/dev/null || need_apt+=(jq)
[ -x /usr/bin/time ] || need_apt+=(time)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing ${need_apt[*]}" >&2
  apt-get update -qq && apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
venv=target/compare-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import duckdb' 2>/dev/null; then
  echo "installing duckdb into $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q duckdb
fi

cargo build --release -q
bin=target/release/dateline
mkdir -p target/bench-data
rss() { /usr/bin/time -f %M sh -c "$1 > /dev/null" 2>&1 | tail -n 1; }

if [ "$mode" = gdelt ]; then
  iso=${2:-RU}; cameo=${3:-RUS}; fips=${4:-RS}
  export_file=target/bench-data/gdelt-$events.export.CSV
  native_file=target/bench-data/gdelt-$events.jsonl
  [ -s "$export_file" ] || "$bin" gen --format gdelt --events "$events" --seed 1 > "$export_file"
  [ -s "$native_file" ] || "$bin" import "$export_file" -o "$native_file"
  dl="$bin list $export_file --country $iso --count"
  dn="$bin list $native_file --country $iso --count"
  duck="$venv/bin/python scripts/duckdb_gdelt_count.py $export_file $cameo $fips"
  echo "export: $export_file ($(( $(stat -c %s "$export_file") / 1000000 )) MB), native: $native_file ($(( $(stat -c %s "$native_file") / 1000000 )) MB), $events events; country: $iso"
  a=$(eval "$dl"); b=$(eval "$dn"); c=$(eval "$duck")
  echo "answers (must agree): dateline on the export $a   dateline on native JSON Lines $b   duckdb $c"
  if [ "$a" != "$b" ] || [ "$a" != "$c" ]; then
    echo "the tools disagree" >&2
    exit 1
  fi
  echo "peak memory (RSS): export $(( $(rss "$dl") / 1024 )) MB, native $(( $(rss "$dn") / 1024 )) MB, duckdb $(( $(rss "$duck") / 1024 )) MB"
  out=target/compare-gdelt-$events.json
  hyperfine --style basic --warmup 1 --runs "${RUNS:-5}" -N "$dl" "$dn" "$duck" --export-json "$out" >&2
  python3 - "$out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
t = {"export": r[0]["median"], "native": r[1]["median"], "duckdb": r[2]["median"]}
print("median wall time:")
for name, secs in t.items():
    print(f"  {name:<7} {secs:7.3f} s   ({secs / t['export']:.2f}x the export)")
PY
  exit 0
fi
file=target/bench-data/gen-$events.jsonl
[ -s "$file" ] || "$bin" gen --events "$events" --seed 1 > "$file"
size=$(stat -c %s "$file")

dl="$bin list $file --actor $actor --count --no-snapshot"
# Reopen: the same question answered from the snapshot that a first load
# leaves in a cache of this script's own.
export XDG_CACHE_HOME="$PWD/target/compare-cache"
dr="$bin list $file --actor $actor --count"
duck="$venv/bin/python scripts/duckdb_count.py $file $actor"
jqq="jq -n '[inputs | select(.event != null) | select(any(.event.actors[]; .id == \"$actor\"))] | length' $file"

echo "file: $file ($((size / 1000000)) MB, $events events); actor: $actor"
echo "answers (must agree):"
a=$(eval "$dl"); b=$(eval "$duck"); c=$(eval "$jqq")
echo "  dateline $a   duckdb $b   jq $c"
if [ "$a" != "$b" ] || [ "$a" != "$c" ]; then
  echo "the three tools disagree" >&2
  exit 1
fi

echo "peak memory (RSS): dateline $(( $(rss "$dl") / 1024 )) MB, duckdb $(( $(rss "$duck") / 1024 )) MB, jq $(( $(rss "$jqq") / 1024 )) MB"

out=target/compare-$events.json
"$bin" list "$file" --count > /dev/null
echo "peak memory of a reopen (RSS, the mapped snapshot's pages included): $(( $(rss "$dr") / 1024 )) MB"
hyperfine --style basic --warmup 1 --runs "${RUNS:-5}" -N "$dl" "$duck" "$dr" --export-json "$out.fast" >&2
hyperfine --style basic --runs 1 "$jqq" --export-json "$out.jq" >&2
python3 - "$out.fast" "$out.jq" <<'PY'
import json, sys
fast = json.load(open(sys.argv[1]))["results"]
slow = json.load(open(sys.argv[2]))["results"]
t = {"dateline": fast[0]["median"], "duckdb": fast[1]["median"], "jq": slow[0]["median"], "reopen": fast[2]["median"]}
print("median wall time:")
for name, secs in t.items():
    print(f"  {name:<9} {secs:7.3f} s   ({secs / t['dateline']:.2f}x dateline)")
PY
