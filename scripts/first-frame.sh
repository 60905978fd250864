#!/usr/bin/env bash
# Times the browser on a large file in a real terminal (tmux, which answers
# the browser's terminal queries as a terminal does): how long from the
# start until the first frame with events (the preview of the file's head,
# "so far, loading…" in the status line) and until the whole timeline is in
# ("loaded: all" in the status line). The screen is read every 10 ms or so.
#
#   scripts/first-frame.sh FILE [RUNS]      (default: 3 runs)
#
# With REOPEN=1, the file is opened from its snapshot (opened once first to
# write it) and the time is until the chronology shows ("event 1 of").
#
# Uses target/release/dateline (build it first: cargo build --release) and
# tmux (apt-get install -y tmux).
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:?usage: scripts/first-frame.sh FILE [RUNS]}
runs=${2:-3}
bin=$PWD/target/release/dateline
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 1; }
command -v tmux >/dev/null || { echo "needs tmux" >&2; exit 1; }
session=first-frame-$$
trap 'tmux kill-session -t "$session" 2>/dev/null || true' EXIT

now() { date +%s.%N; }
reopen=${REOPEN:-0}
flag=--no-snapshot
if [ "$reopen" = 1 ]; then
  flag=
  "$bin" list "$file" --count >/dev/null
fi
for run in $(seq "$runs"); do
  start=$(now)
  # A first load each time unless REOPEN=1: a snapshot would open instead.
  tmux new-session -d -s "$session" -x 120 -y 40 "'$bin' $flag '$file'; sleep 5"
  first=none
  whole=none
  while :; do
    screen=$(tmux capture-pane -p -t "$session" 2>/dev/null || true)
    t=$(now)
    if [ "$first" = none ] && grep -q "so far, loading" <<<"$screen"; then
      first=$(awk "BEGIN { printf \"%.2f s\", $t - $start }")
    fi
    if [ "$reopen" = 1 ] && grep -q "^event 1 of " <<<"$screen"; then
      whole=$(awk "BEGIN { printf \"%.2f s\", $t - $start }")
      break
    fi
    if grep -q "loaded: all" <<<"$screen"; then
      whole=$(awk "BEGIN { printf \"%.2f s\", $t - $start }")
      break
    fi
    if awk "BEGIN { exit !($t - $start > 120) }"; then break; fi
    sleep 0.01
  done
  tmux send-keys -t "$session" q
  sleep 0.5
  tmux kill-session -t "$session" 2>/dev/null || true
  if [ "$reopen" = 1 ]; then
    echo "run $run: reopened, first frame $whole"
  else
    echo "run $run: first frame with events $first, whole timeline $whole"
  fi
done
