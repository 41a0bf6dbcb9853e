#!/usr/bin/env bash
# Makes the README's pictures: a PNG of the first page of each document of the sample
# pack. Needs poppler-utils (pdftoppm). Run from anywhere:  docs/make-pictures.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/docs/images"
pack="$(mktemp -d)"
trap 'rm -rf "$pack"' EXIT

cd "$root"
cargo run --release --quiet -- --quiet build -o "$pack"

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
)
mkdir -p "$out"
for entry in "${pages[@]}"; do
  name="${entry%%:*}"
  pdf="$pack/${entry#*:}"
  # 50 dpi: readable layout, small files (an A4 page is 413 × 585 px).
  pdftoppm -png -r 50 -f 1 -l 1 -singlefile "$pdf" "$out/$name"
  echo "docs/images/$name.png"
done
