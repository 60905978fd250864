#!/usr/bin/env bash
# Scores `dateline dates` against the annotated news of ../shared/corpora
# (MEANTIME, 120 articles) with ../shared/tools/timex_score.py, the way
# TempEval-3 scored taggers. Needs ../shared beside the repository; skips
# cleanly without it.
#
#   scripts/timex_score.sh        the score over the whole articles, then over
#                                 the part of each article that is annotated
#   scripts/timex_score.sh -v     also every miss
#
# MEANTIME annotates only the title and the first sentences of each article,
# so every correct expression found further down counts against precision in
# the first figure. The second figure cuts each text after its fourth sentence
# past the headline and dateline lines (MEANTIME's "first five sentences"
# count the headline; LEAD_SENTENCES=5 cuts one sentence later) and scores the
# same command on that; no annotated expression is lost by the cut (the
# script checks it).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
corpus=$shared/corpora/meantime-timex.jsonl
scorer=$shared/tools/timex_score.py
if [[ ! -f $corpus || ! -f $scorer ]]; then
    echo "timex_score: $shared not found; skipping"
    exit 0
fi
[[ -n ${DATELINE_BIN:-} ]] || cargo build --release --quiet

bin=${DATELINE_BIN:-target/release/dateline}
sentences=${LEAD_SENTENCES:-4}
echo "== whole articles"
python3 "$scorer" "$corpus" "$@" -- "$bin" dates --published '{published}' --json
lead=$(mktemp)
trap 'rm -f "$lead"' EXIT
python3 - "$corpus" "$lead" "$sentences" <<'PY'
import json, re, sys
src, dst, sentences = sys.argv[1], sys.argv[2], int(sys.argv[3])
end = re.compile(r"[.!?]['`\"”’]*\s+(?=[A-Z`\"“‘'])")
# a full stop after these ends no sentence ("Apple Inc. said", "the U.S. Department")
abbrev = re.compile(r"(?:\b(?:Inc|Corp|Co|Ltd|Jr|Sr|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov)|\b[A-Z](?:\.[A-Z])*)\.$")
def sentence_end(text, at):
    m = end.search(text, at)
    while m is not None and abbrev.search(text, 0, m.start() + 1):
        m = end.search(text, m.end())
    return len(text) if m is None else m.end()
with open(dst, "w", encoding="utf-8") as out:
    for line in open(src, encoding="utf-8"):
        doc = json.loads(line)
        text = doc["text"]
        # headline and dateline lines, then the sentences MEANTIME annotates
        cut = 0
        for _ in range(2):
            nl = text.find("\n", cut)
            cut = len(text) if nl < 0 else nl + 1
        for _ in range(sentences):
            cut = sentence_end(text, cut)
        last = max((t["end"] for t in doc["timex"]), default=0)
        if last > cut:
            sys.exit(f"{doc['doc']}: an annotated expression lies past the cut")
        doc["text"] = text[:cut]
        out.write(json.dumps(doc) + "\n")
PY
echo "== the annotated part of each article (headline, dateline, $sentences sentences)"
python3 "$scorer" "$lead" "$@" -- "$bin" dates --published '{published}' --json
