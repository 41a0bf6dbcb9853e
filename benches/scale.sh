#!/usr/bin/env bash
# Benchmark: the scale and speed table of the README (issue 15), with the release binary.
# Each row is a whole `vanthu build` process run RUNS times (median, spread = max - min,
# largest peak RSS), from an empty output folder unless the row says otherwise; then the
# per-stage times (`--timings`) of one full build for 260, 2,000 and 10,000 delegates, and
# the memory-bounded 10,000-invitation test. Synthetic conferences come from
# `vanthu tao-du-lieu` (seed 1); 260 is the embedded sample itself.
#
#   benches/scale.sh              # RUNS=5 for small rows, BIG_RUNS=3 for 10,000 (≈ 10 min)
#   RUNS=3 BIG_RUNS=1 benches/scale.sh
#
# Needs GNU time (/usr/bin/time) for peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/vanthu-target}
cargo build --release --quiet
bin="$CARGO_TARGET_DIR/release/vanthu"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
runs=${RUNS:-5}
big_runs=${BIG_RUNS:-3}

cp data/so-ket-ocop-2023/hoi-nghi.yaml "$work/260.yaml"
for n in 2000 10000; do
  "$bin" tao-du-lieu -q "$work/gen-$n" --dai-bieu "$n" --seed 1
  cp "$work/gen-$n/hoi-nghi.yaml" "$work/$n.yaml"
done

# measure LABEL RUNS PREPARE -- ARGS...: PREPARE runs before each timed run (not timed).
measure() {
  local label=$1 n=$2 prepare=$3
  shift 4
  : > "$work/times"
  for _ in $(seq "$n"); do
    eval "$prepare"
    /usr/bin/time -f "%e %M" -o "$work/t" "$bin" build -q "$@" > /dev/null
    cat "$work/t" >> "$work/times"
  done
  sort -n "$work/times" | awk -v label="$label" '
    { t[NR] = $1; if ($2 > m) m = $2 }
    END {
      med = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
      printf "| %s | %.2f s | %.2f s | %d MiB |\n", label, med, t[NR] - t[1], m / 1024
    }'
}

fresh='rm -rf "$work/pack"'
edit_one='cp "$work/260.yaml" "$work/edit.yaml"; "$bin" build -q "$work/edit.yaml" -o "$work/pack-edit" > /dev/null; sed -i "0,/position: Chuyên viên chính Văn phòng Điều phối/s//position: Chuyên viên cao cấp Văn phòng Điều phối/" "$work/edit.yaml"'
"$bin" build -q "$work/260.yaml" -o "$work/warm" > /dev/null # warm the page cache
"$bin" build -q "$work/260.yaml" -o "$work/pack-same" > /dev/null

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr), $("$bin" --version)"
echo
echo "| run | median | spread | peak RSS |"
echo "| --- | --- | --- | --- |"
measure "sample (260 delegates), full pack, from empty" "$runs" "$fresh" -- "$work/260.yaml" -o "$work/pack"
measure "sample, invitations only (\`--only giay-moi\`), from empty" "$runs" "$fresh" -- "$work/260.yaml" -o "$work/pack" --only giay-moi
measure "sample, rebuild, nothing changed" "$runs" ":" -- "$work/260.yaml" -o "$work/pack-same"
measure "sample, rebuild after one delegate's position changed" "$runs" "rm -rf \"\$work/pack-edit\"; $edit_one" -- "$work/edit.yaml" -o "$work/pack-edit"
measure "2,000 delegates, full pack" "$runs" "$fresh" -- "$work/2000.yaml" -o "$work/pack"
measure "10,000 delegates, full pack" "$big_runs" "$fresh" -- "$work/10000.yaml" -o "$work/pack"
measure "10,000 delegates, \`--only giay-moi\`" "$big_runs" "$fresh" -- "$work/10000.yaml" -o "$work/pack" --only giay-moi
measure "10,000 delegates, \`--only so-do\`" "$big_runs" "$fresh" -- "$work/10000.yaml" -o "$work/pack" --only so-do

echo
for n in 260 2000 10000; do
  rm -rf "$work/pack"
  start=$(date +%s.%N)
  "$bin" build -q --timings "$work/$n.yaml" -o "$work/pack" > "$work/timings-$n" 2>&1
  awk -v s="$start" -v e="$(date +%s.%N)" -v n="$n" \
    'BEGIN { printf "stages, %d delegates (total %.2f s, %.2f ms per delegate):\n", n, e - s, (e - s) * 1000 / n }'
  grep -E '^ +[a-z]+ +[0-9.]+ ms' "$work/timings-$n" | sed 's/^/  /'
done

echo
echo "memory-bounded test (10,000 invitations under 1 GiB, every file checked):"
cargo test --release --quiet --test integration scale::ten_thousand -- --ignored 2>&1 | grep -E "^test result|panicked|peak RSS" | sed 's/^/  /'
