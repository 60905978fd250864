#!/usr/bin/env bash
# Fuzzes the loader and every importer with cargo fuzz (libFuzzer) for SECONDS (default 300),
# starting from the test corpus. Installs cargo-fuzz when it is missing.
# cargo fuzz wants a nightly toolchain; on stable, RUSTC_BOOTSTRAP=1 lets the
# compiler accept the sanitizer flags it passes.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
mkdir -p fuzz/corpus/load
cp tests/bad/*.json tests/bad/*.jsonl tests/good/*.json data/*.json fuzz/corpus/load/ 2>/dev/null || true
find tests/fixtures -type f ! -name NOTICE -exec cp {} fuzz/corpus/load/ \; 2>/dev/null || true
cd fuzz
RUSTC_BOOTSTRAP=1 cargo fuzz run load -- -max_total_time="$seconds" -rss_limit_mb=4096 2>&1 | tail -n 3
