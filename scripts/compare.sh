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
# export two ways, in one run: into a table of every column (opening the
# file, as dateline's first load does) and as a query that reads only the
# three columns it tests.
#
#   scripts/compare.sh gdelt [EVENTS] [ISO2 CAMEO3 FIPS]   (defaults: 1000000 RU RUS RS)
#
# With `sizes` first, the first load at each size (default 100k, 1M and 3M
# events, generated into target/bench-data): dateline, DuckDB and
# `jq empty`, and the peak memory of each, in one run.
#
#   scripts/compare.sh sizes [EVENTS...]
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
sizes=()
if [ "${1:-}" = sizes ]; then
  mode=sizes
  shift
  sizes=("${@:-100000 1000000 3000000}")
  sizes=(${sizes[*]})
  set --
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
  # First loads read the input itself; the reopen reads the snapshot the
  # warm-up run writes into a cache of the script's own.
  export XDG_CACHE_HOME="$PWD/target/compare-cache"
  dl="$bin list $export_file --country $iso --count --no-snapshot"
  dn="$bin list $native_file --country $iso --count --no-snapshot"
  dr="$bin list $export_file --country $iso --count"
  duck="$venv/bin/python scripts/duckdb_gdelt_count.py $export_file $cameo $fips"
  table="$venv/bin/python scripts/duckdb_gdelt_table.py $export_file"
  echo "export: $export_file ($(( $(stat -c %s "$export_file") / 1000000 )) MB), native: $native_file ($(( $(stat -c %s "$native_file") / 1000000 )) MB), $events events; country: $iso"
  a=$(eval "$dl"); b=$(eval "$dn"); c=$(eval "$duck"); d=$(eval "$dr"); rows=$(eval "$table")
  echo "answers (must agree): dateline on the export $a   dateline on native JSON Lines $b   duckdb $c   reopen $d"
  if [ "$a" != "$b" ] || [ "$a" != "$c" ] || [ "$a" != "$d" ]; then
    echo "the tools disagree" >&2
    exit 1
  fi
  if [ "$rows" != "$events" ]; then
    echo "DuckDB's table holds $rows rows, not $events" >&2
    exit 1
  fi
  echo "peak memory (RSS): export $(( $(rss "$dl") / 1024 )) MB, native $(( $(rss "$dn") / 1024 )) MB, duckdb table $(( $(rss "$table") / 1024 )) MB, duckdb query $(( $(rss "$duck") / 1024 )) MB"
  out=target/compare-gdelt-$events.json
  hyperfine --style basic --warmup 1 --runs "${RUNS:-5}" -N "$dl" "$dn" "$table" "$duck" "$dr" --export-json "$out" >&2
  python3 - "$out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
names = ["export", "native", "duckdb table", "duckdb query", "reopen"]
t = dict(zip(names, (x["median"] for x in r)))
print("median wall time:")
for name, secs in t.items():
    print(f"  {name:<12} {secs:7.3f} s   ({secs / t['export']:.2f}x the export)")
PY
  exit 0
fi
if [ "$mode" = sizes ]; then
  # First load at several sizes, in one run: dateline (load, validate,
  # index, filter), DuckDB reading the two columns it needs, and `jq empty`
  # (parse only); wall time (median of RUNS, jq once) and peak memory.
  actor=a0
  table=target/compare-sizes.txt
  : > "$table"
  for n in "${sizes[@]}"; do
    file=target/bench-data/gen-$n.jsonl
    [ -s "$file" ] || "$bin" gen --events "$n" --seed 1 > "$file"
    mb=$(( $(stat -c %s "$file") / 1000000 ))
    dl="$bin list $file --actor $actor --count --no-snapshot"
    duck="$venv/bin/python scripts/duckdb_count.py $file $actor"
    jqe="jq empty $file"
    a=$(eval "$dl"); b=$(eval "$duck")
    if [ "$a" != "$b" ]; then
      echo "dateline ($a) and duckdb ($b) disagree on $file" >&2
      exit 1
    fi
    rss_dl=$(( $(rss "$dl") / 1024 )); rss_duck=$(( $(rss "$duck") / 1024 ))
    out=target/compare-sizes-$n.json
    hyperfine --style basic --warmup 1 --runs "${RUNS:-5}" -N "$dl" "$duck" --export-json "$out.fast" >&2
    hyperfine --style basic --runs 1 "$jqe" --export-json "$out.jq" >&2
    python3 - "$out.fast" "$out.jq" "$n" "$mb" "$rss_dl" "$rss_duck" >> "$table" <<'PY'
import json, sys
fast = json.load(open(sys.argv[1]))["results"]
jq = json.load(open(sys.argv[2]))["results"][0]["median"]
n, mb, rss_dl, rss_duck = (int(a) for a in sys.argv[3:])
dl, duck = fast[0]["median"], fast[1]["median"]
print(f"{n:>9} {mb:>6} MB  dateline {dl:6.2f} s  duckdb {duck:6.2f} s ({dl / duck:.2f}x)"
      f"  jq empty {jq:7.2f} s ({jq / dl:.1f}x dateline)"
      f"  peak RSS dateline {rss_dl} MB ({rss_dl / mb:.2f}x the file), duckdb {rss_duck} MB")
PY
  done
  echo "first load, $(date -u +%Y-%m-%d), $(nproc) cores; events, file, median wall time, peak RSS:"
  cat "$table"
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
