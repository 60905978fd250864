#!/usr/bin/env bash
# Renders the TimelineJS export of the built-in timeline with TimelineJS
# itself in Debian's headless chromium, served from this machine (nothing is
# fetched while rendering), and saves screenshots/timelinejs.png. Fails when
# TimelineJS reports an error or draws no slides.
#
# Installs what it needs: the @knight-lab/timelinejs package from npm (into
# target/timelinejs) and Debian's chromium and npm packages when missing.
#
#   scripts/timelinejs_render.sh           render, check, save the screenshot
#   scripts/timelinejs_render.sh --serve   then keep serving for a browser
set -euo pipefail
cd "$(dirname "$0")/.."
serve_after=${1:-}
work=target/timelinejs
port=${TIMELINEJS_PORT:-8734}

need=()
command -v npm >/dev/null || need+=(npm)
command -v chromium >/dev/null || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
mkdir -p "$work" screenshots
if [ ! -f "$work/node_modules/@knight-lab/timelinejs/dist/js/timeline.js" ]; then
  (cd "$work" && npm install --no-audit --no-fund --silent @knight-lab/timelinejs)
fi

# The example is the export of the built-in timeline, grouped by country.
cargo run -q -- export --to timelinejs --group country --force \
  -o examples/rubio-witkoff-paris.timeline.json
cp examples/rubio-witkoff-paris.timeline.json "$work/timeline.json"

cat > "$work/index.html" <<'HTML'
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>dateline export in TimelineJS</title>
<link rel="stylesheet" href="node_modules/@knight-lab/timelinejs/dist/css/timeline.css">
<script src="node_modules/@knight-lab/timelinejs/dist/js/timeline.js"></script>
<style>html, body { height: 100%; margin: 0; } #timeline { width: 100%; height: 100%; }</style>
</head>
<body>
<div id="timeline"></div>
<pre id="render-result" hidden></pre>
<script>
  var errors = [];
  window.addEventListener("error", function (e) { errors.push(String(e.message)); });
  var loaded = false;
  var timeline = new TL.Timeline("timeline", "timeline.json", { ga_property_id: null, track_events: [], hash_bookmark: true });
  timeline.on("loaded", function () { loaded = true; });
  setTimeout(function () {
    var messages = Array.prototype.map.call(
      document.querySelectorAll(".tl-message-full .tl-message-content"),
      function (m) { return m.textContent.trim(); }).filter(Boolean);
    document.getElementById("render-result").textContent = JSON.stringify({
      loaded: loaded,
      slides: document.querySelectorAll(".tl-slide").length,
      markers: document.querySelectorAll(".tl-timemarker").length,
      errors: errors,
      messages: messages
    });
  }, 5000);
</script>
</body>
</html>
HTML

python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work" >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -fsS "http://127.0.0.1:$port/index.html" >/dev/null 2>&1 && break
  sleep 0.1
done

chrome() {
  local profile
  profile=$(mktemp -d)
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --virtual-time-budget=8000 "$@" 2>/dev/null
  rm -rf "$profile"
}

# The screenshot shows an event slide: its actors, quotes and sources.
url="http://127.0.0.1:$port/index.html#event-paris-talks"
result=$(chrome --dump-dom "$url" | sed -n 's:.*<pre id="render-result" hidden="">\(.*\)</pre>.*:\1:p')
echo "TimelineJS: ${result:-no result}"
python3 - "$result" <<'PY'
import html, json, sys
raw = sys.argv[1]
if not raw:
    sys.exit("TimelineJS did not finish rendering")
r = json.loads(html.unescape(raw))
if r["errors"] or any("rror" in m for m in r["messages"]):
    sys.exit(f"TimelineJS reported an error: {r['errors'] + r['messages']}")
if r["slides"] == 0 or not r["loaded"]:
    sys.exit("TimelineJS drew no slides")
PY
chrome --window-size=1280,800 --hide-scrollbars --screenshot="$PWD/screenshots/timelinejs.png" "$url" >/dev/null
echo "saved screenshots/timelinejs.png"

if [ "$serve_after" = "--serve" ]; then
  echo "serving on http://127.0.0.1:$port/ (Ctrl-C stops)"
  wait "$server"
fi
