#!/usr/bin/env bash
# Benchmark: the hostile inputs of issue 22 — time, peak memory and outcome of one
# `vanthu build` each, under a memory cap (as the issue measured them: `ulimit -v`, 6 GiB by
# default). The big files are made here (the workbooks by wbguard's generators), never
# committed.
#
#   benches/hostile.sh                       # the release binary of this checkout
#   BIN=/path/to/old/vanthu benches/hostile.sh   # another binary (to compare with)
#   CAP_KB=1048576 benches/hostile.sh        # a 1 GiB cap
#
# Needs GNU time (/usr/bin/time) and mkfifo.
set -uo pipefail
export LC_ALL=C.UTF-8
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/vanthu-target}
cargo build --release --quiet
cargo build --release --quiet -p wbguard --example measure --features generate
bin=${BIN:-$CARGO_TARGET_DIR/release/vanthu}
gen="$CARGO_TARGET_DIR/release/examples/measure"
cap=${CAP_KB:-6291456}
limit=${TIMEOUT:-150}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A conference folder for the cases that need one: the commune sample.
conf="$work/xa"
mkdir -p "$conf/van-ban"
cp data/tong-ket-xa-2025/hoi-nghi.yaml "$conf/hoi-nghi.yaml"

# case NAME: prepares $work/NAME/ and prints the file to build.
prepare() {
  local name=$1 dir="$work/$1"
  mkdir -p "$dir"
  case $name in
    fffc)
      # Word's picture placeholder around a forged marker, in the report's text.
      sed '0,/body: |/s//body: |\n        \xef\xbf\xbctable:99\xef\xbf\xbc/' data/tong-ket-xa-2025/hoi-nghi.yaml > "$dir/hoi-nghi.yaml"
      echo "$dir/hoi-nghi.yaml" ;;
    unique-count|far-xfd10000|far-xfd1048576|ods-repeat|whitespace|long-string)
      local ext=xlsx
      [ "$name" = ods-repeat ] && ext=ods
      "$gen" gen "$name" "$dir/bang-tinh.$ext" > /dev/null
      echo "$dir/bang-tinh.$ext" ;;
    yaml-30000|yaml-100000)
      { printf 'id: thu\nx:\n'; yes -- '- ' | head -n "${name#yaml-}" | tr -d '\n'; printf '1\n'; } > "$dir/sau.yaml"
      echo "$dir/sau.yaml" ;;
    flow-400000)
      { printf 'id: thu\nx: '; head -c 400000 /dev/zero | tr '\0' '['; head -c 400000 /dev/zero | tr '\0' ']'; echo; } > "$dir/ngoac.yaml"
      echo "$dir/ngoac.yaml" ;;
    loop-output|loop-endless)
      local f=loi-dan-qua-dai.yaml
      [ "$name" = loop-endless ] && f=loi-dan-vong-lap-vo-tan.yaml
      cp "tests/fixtures/hostile/$f" "$dir/hoi-nghi.yaml"
      echo "$dir/hoi-nghi.yaml" ;;
    text-10mb|text-50mb)
      local mb=${name#text-}
      cp -r "$conf/." "$dir/"
      { printf -- '---\nloại: Thông báo\n---\n\n'; yes 'Nội dung thông báo, mỗi dòng một đoạn.' | head -c "$((${mb%mb} * 1048576))"; } > "$dir/van-ban/dai.md"
      echo "$dir/hoi-nghi.yaml" ;;
    dev-zero)
      ln -s /dev/zero "$dir/hoi-nghi.xlsx"
      echo "$dir/hoi-nghi.xlsx" ;;
    fifo)
      mkfifo "$dir/hoi-nghi.yaml"
      echo "$dir/hoi-nghi.yaml" ;;
  esac
}

echo "| case | exit | time (s) | peak RSS (MiB) | first error |"
echo "| --- | --- | --- | --- | --- |"
for name in fffc unique-count far-xfd10000 far-xfd1048576 ods-repeat whitespace long-string \
  yaml-30000 yaml-100000 flow-400000 loop-output loop-endless text-10mb text-50mb dev-zero fifo; do
  file=$(prepare "$name")
  out="$work/$name-out"
  stats="$work/$name.time"
  err=$( (ulimit -v "$cap"; /usr/bin/time -o "$stats" -f '%e %M' timeout -s KILL "$limit" "$bin" build -q "$file" -o "$out") 2>&1 >/dev/null)
  code=$?
  read -r secs kb < <(tail -n 1 "$stats" | grep -E '^[0-9.]+ [0-9]+$' || echo "? 0")
  first=$(printf '%s\n' "$err" | grep -m1 -E '^(lỗi|error|thread|memory allocation)' | sed -E 's/^(.{140}).+/\1…/')
  case $code in
    124|137) what="killed ($code)" ;;
    134) what="abort (134)" ;;
    *) what=$code ;;
  esac
  echo "| $name | $what | $secs | $((kb / 1024)) | ${first//|/\\|} |"
done
