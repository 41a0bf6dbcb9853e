#!/usr/bin/env bash
# Benchmark: the time to seat the sample (257 delegates) and 10 000 delegates in a large
# hall, with the release test build (the same build as `cargo test --release`).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/vanthu-target}
cargo test --release --quiet --test integration -- --ignored --nocapture bench_seating 2>&1 | grep '^seating'
