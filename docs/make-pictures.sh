#!/usr/bin/env bash
# Makes the README's pictures: a PNG of the first page of each document of the sample
# pack. Needs poppler-utils (pdftoppm). Run from anywhere:  docs/make-pictures.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/docs/images"
pack="$(mktemp -d)"
other="$(mktemp -d)"
trap 'rm -rf "$pack" "$other"' EXIT

cd "$root"
cargo run --release --quiet -- --quiet build -o "$pack"
# A commune's conference, for the certificates a province does not give.
cargo run --release --quiet -- --quiet build tests/fixtures/agencies/xa.yaml -o "$other"

# document → the PDF whose first page shows it
pages=(
  "giay-moi:giay-moi.pdf"
  "so-do-cho-ngoi:so-do-cho-ngoi.pdf"
  "bien-ten:bien-ten.pdf"
  "chuong-trinh:chuong-trinh.pdf"
  "kich-ban:kich-ban.pdf"
  "quyet-dinh-khen-thuong:quyet-dinh-bang-khen.pdf"
  "bang-khen:bang-khen.pdf"
  "bao-cao-so-ket:bao-cao-so-ket.pdf"
  "ke-hoach:van-ban/ke-hoach.pdf"
)
mkdir -p "$out"
for entry in "${pages[@]}"; do
  name="${entry%%:*}"
  pdf="$pack/${entry#*:}"
  # 50 dpi: readable layout, small files (an A4 page is 413 × 585 px).
  pdftoppm -png -r 50 -f 1 -l 1 -singlefile "$pdf" "$out/$name"
  echo "docs/images/$name.png"
done
for entry in "giay-khen:giay-khen.pdf" "giay-chung-nhan:giay-chung-nhan-chien-si-thi-dua-co-so.pdf"; do
  name="${entry%%:*}"
  pdftoppm -png -r 40 -f 1 -l 1 -singlefile "$other/${entry#*:}" "$out/$name"
  echo "docs/images/$name.png"
done
# The second sample (a commune's conference after the 2025 reform): its seating and script.
xa="$(mktemp -d)"
trap 'rm -rf "$pack" "$other" "$xa"' EXIT
cargo run --release --quiet -- --quiet build --mau xa -o "$xa"
pdftoppm -png -r 40 -f 1 -l 1 -singlefile "$xa/so-do-cho-ngoi.pdf" "$out/xa-so-do-cho-ngoi"
pdftoppm -png -r 50 -f 1 -l 1 -singlefile "$xa/kich-ban.pdf" "$out/xa-kich-ban"
echo "docs/images/xa-so-do-cho-ngoi.png"
echo "docs/images/xa-kich-ban.png"
# The commune's documents written as text: a công văn, a thông báo, a tờ trình.
for doc in cong-van thong-bao to-trinh; do
  pdftoppm -png -r 40 -f 1 -l 1 -singlefile "$xa/van-ban/$doc.pdf" "$out/xa-$doc"
  echo "docs/images/xa-$doc.png"
done
# The commune's year-end report: its own budget table and charts (pages 1–2).
for page in 1 2; do
  pdftoppm -png -r 50 -f "$page" -l "$page" -singlefile "$other/bao-cao-tong-ket.pdf" "$out/bao-cao-xa-$page"
  echo "docs/images/bao-cao-xa-$page.png"
done
# Central bodies and public service units (issue 23): a ministry's flag decision, a
# university's school-year certificate.
central="$(mktemp -d)"
trap 'rm -rf "$pack" "$other" "$xa" "$central"' EXIT
cargo run --release --quiet -- --quiet build tests/fixtures/agencies/bo.yaml -o "$central/bo"
cargo run --release --quiet -- --quiet build tests/fixtures/agencies/truong.yaml -o "$central/truong"
pdftoppm -png -r 50 -f 1 -l 1 -singlefile "$central/bo/quyet-dinh-co-thi-dua.pdf" "$out/bo-quyet-dinh"
pdftoppm -png -r 40 -f 1 -l 1 -singlefile "$central/truong/giay-chung-nhan-lao-dong-tien-tien.pdf" "$out/truong-giay-chung-nhan"
echo "docs/images/bo-quyet-dinh.png"
echo "docs/images/truong-giay-chung-nhan.png"
# Who comes where (issue 24): a ministry's hybrid conference — the bridge points' list and an
# invitation to a bridge point — and a university's staff conference with its secretariat.
protocol="$(mktemp -d)"
trap 'rm -rf "$pack" "$other" "$xa" "$central" "$protocol"' EXIT
cargo run --release --quiet -- --quiet build tests/fixtures/protocol/bo-truc-tuyen.yaml -o "$protocol/bo"
cargo run --release --quiet -- --quiet build tests/fixtures/protocol/truong-vien-chuc.yaml -o "$protocol/truong"
pdftoppm -png -r 50 -f 1 -l 1 -singlefile "$protocol/bo/diem-cau.pdf" "$out/bo-diem-cau"
pdftoppm -png -r 50 -f 1 -l 1 -singlefile "$protocol/bo/giay-moi/giang-a-tong.pdf" "$out/bo-giay-moi-diem-cau"
pdftoppm -png -r 40 -f 1 -l 1 -singlefile "$protocol/truong/so-do-cho-ngoi.pdf" "$out/truong-so-do-cho-ngoi"
echo "docs/images/bo-diem-cau.png"
echo "docs/images/bo-giay-moi-diem-cau.png"
echo "docs/images/truong-so-do-cho-ngoi.png"
