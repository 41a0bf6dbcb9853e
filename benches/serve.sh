#!/usr/bin/env bash
# Times `vanthu serve` on the sample conference (issue 26's targets): each page, a thumbnail
# made and then kept, and the rebuild after an upload of a one-cell change, from the upload's
# start to the build's end as the page is told it (the build's record is written just before
# the "xong" event). Needs curl.
#
#   CARGO_TARGET_DIR=… benches/serve.sh        (after cargo build --release)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-${CARGO_TARGET_DIR:-target}/release/vanthu}
PORT=${PORT:-8097}
WS=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null; rm -rf "$WS"' EXIT
mkdir "$WS/ocop"
cp data/so-ket-ocop-2023/hoi-nghi.yaml "$WS/ocop/"
"$BIN" serve "$WS" --khong-mo --cong "$PORT" >/dev/null 2>&1 &
SERVER=$!
URL=http://127.0.0.1:$PORT
until curl -sf "$URL/tinh-trang" >/dev/null; do sleep 0.05; done
JAR=$WS/cookies
csrf() { curl -s -c "$JAR" -b "$JAR" "$URL/hn/ocop" | grep -o 'data-csrf="[0-9a-f]*"' | cut -d'"' -f2; }
LAST=$WS/ocop/.vanthu/lan-tao.json
wait_build() { # waits until the build record differs from $1; prints seconds since $2
  while [ ! -f "$LAST" ] || [ "$(cat "$LAST")" = "$1" ]; do sleep 0.01; done
  python3 -c "import time; print(f'{time.time() - $2:.2f}')"
}
now() { python3 -c 'import time; print(time.time())'; }

T=$(csrf)
t0=$(now); curl -s -o /dev/null -b "$JAR" -X POST -H "x-csrf: $T" "$URL/hn/ocop/tao"
echo "first build of the sample (316 files): $(wait_build "" "$t0") s"

timed() { # path → median of 10 times in ms
  for _ in $(seq 10); do curl -s -o /dev/null -b "$JAR" -w '%{time_total}\n' "$URL$1"; done |
    sort -n | awk '{a[NR]=$1} END {printf "%.1f ms (min %.1f, max %.1f)\n", a[int((NR+1)/2)]*1000, a[1]*1000, a[NR]*1000}'
}
for p in / /hn/ocop /hn/ocop/kiem-tra /hn/ocop/xem/kich-ban.pdf /nhat-ky; do
  printf '%-28s %s\n' "page $p" "$(timed "$p")"
done
printf '%-28s %s\n' "thumbnail, first" "$(curl -s -o /dev/null -b "$JAR" -w '%{time_total}' "$URL/hn/ocop/anh/giay-moi.pdf?trang=1&co=nho" | awk '{printf "%.1f ms", $1*1000}')"
printf '%-28s %s\n' "thumbnail, kept" "$(timed '/hn/ocop/anh/giay-moi.pdf?trang=1&co=nho')"
printf '%-28s %s\n' "page picture, first" "$(curl -s -o /dev/null -b "$JAR" -w '%{time_total}' "$URL/hn/ocop/anh/kich-ban.pdf?trang=2" | awk '{printf "%.1f ms", $1*1000}')"
printf '%-28s %s\n' "ZIP of the pack" "$(curl -s -o /dev/null -b "$JAR" -w '%{time_total} %{size_download}' "$URL/hn/ocop/tai-ca-bo" | awk '{printf "%.1f ms, %.1f MB", $1*1000, $2/1048576}')"

# One cell changed: a delegate's position.
sed 's/position: Phó Chánh Văn phòng Điều phối nông thôn mới Trung ương/position: Chánh Văn phòng Điều phối nông thôn mới Trung ương/' \
  data/so-ket-ocop-2023/hoi-nghi.yaml > "$WS/changed.yaml"
cmp -s "$WS/changed.yaml" data/so-ket-ocop-2023/hoi-nghi.yaml && { echo "the change did not apply"; exit 1; }
before=$(cat "$LAST"); T=$(csrf)
t0=$(now)
curl -s -o /dev/null -b "$JAR" -F "tep=@$WS/changed.yaml;filename=hoi-nghi.yaml" "$URL/hn/ocop/tai-len?csrf=$T"
echo "upload of a one-cell change → build done: $(wait_build "$before" "$t0") s ($(grep -o '"thong_bao": "[^"]*"' "$LAST" | cut -d'"' -f4))"
