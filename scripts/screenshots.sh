#!/usr/bin/env bash
# Captures the real TUI in a real terminal (tmux) and renders each screen to
# a PNG in screenshots/. Installs tmux and the DejaVu fonts from Debian's
# packages and Pillow into target/shots-venv when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v tmux >/dev/null || need+=(tmux)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ] || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi
venv=target/shots-venv
if ! "$venv/bin/python" -c 'import PIL' 2>/dev/null; then
  python3 -m venv "$venv" && "$venv/bin/pip" install -q pillow
fi
cargo build --release -q
mkdir -p screenshots target/shots
cols=120 rows=40

# shot NAME KEYS...: starts dateline (on $ARGS, else the built-in
# timeline), types the keys, captures the screen.
shot() {
  local name=$1; shift
  tmux kill-session -t shots 2>/dev/null || true
  tmux new-session -d -s shots -x $cols -y $rows "env TERM=xterm-256color target/release/dateline ${ARGS:-}"
  sleep 0.5
  for key in "$@"; do
    tmux send-keys -t shots "$key"
    sleep 0.15
  done
  sleep 0.3
  tmux capture-pane -e -p -t shots > "target/shots/$name.ansi"
  tmux kill-session -t shots
  "$venv/bin/python" scripts/ansi_to_png.py "target/shots/$name.ansi" "screenshots/$name.png" $cols $rows
  echo "screenshots/$name.png"
}

shot main : witkoff-putin-st-petersburg Enter
shot actor-picker a Space Down Down Space Down
shot followed-link : paris-talks Enter 2 j j j j j Enter
shot help '?'
shot filtered-search c R U Enter / s t r i k e s Enter
shot source-view : witkoff-putin-st-petersburg Enter 4 j Enter
# The small layout: one detail pane at a time, here the actor's.
cols=80 rows=24 shot small-80x24 : paris-talks Enter 3
# An imported GDELT export: dates with their origin, sources without text.
ARGS=tests/fixtures/gdelt/20250807220000.export.CSV shot imported-gdelt j j j j j j j j
