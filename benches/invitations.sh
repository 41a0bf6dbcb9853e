#!/usr/bin/env bash
# Benchmark: time and peak memory to build the sample's invitations (253 personal PDFs,
# the merged PDF and the register) with the release binary, from an empty output folder.
# Prints every run, then the minimum and median wall time and the largest peak RSS.
#
#   benches/invitations.sh            # 7 runs
#   RUNS=15 benches/invitations.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/vanthu-target}
cargo build --release --quiet
bin="$CARGO_TARGET_DIR/release/vanthu"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
runs=${RUNS:-7}
"$bin" build -q --only giay-moi -o "$work/warm" # warm the page cache
for i in $(seq "$runs"); do
  rm -rf "$work/pack"
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin" build -q --only giay-moi -o "$work/pack"
  read -r secs kb < "$work/time"
  echo "run $i: ${secs} s, peak RSS $((kb / 1024)) MiB"
  echo "$secs $kb" >> "$work/all"
done
files=$(find "$work/pack" -type f | wc -l)
sort -n "$work/all" | awk -v files="$files" -v cores="$(nproc)" '
  { t[NR] = $1; if ($2 > m) m = $2 }
  END {
    med = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
    printf "invitations: %d files, %d runs on %d cores: min %.2f s, median %.2f s, peak RSS %d MiB\n", files, NR, cores, t[1], med, m / 1024
  }'
