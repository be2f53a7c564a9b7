#!/bin/sh
# Look at thick's HTML pages as a browser shows and prints them: renders the demo with --format html --handout, then
# opens index.html, handout.html and the first customer of the index in headless Chromium, writing screenshots (wide and narrow screen)
# and the print view (A4 PDF, and a PNG per printed page when poppler's pdftoppm is there) to a folder outside the
# repository.
#
#   scripts/screenshot.sh                 # writes to $TMPDIR/thick-screenshots (default /tmp/thick-screenshots)
#   scripts/screenshot.sh ~/shots --lang de
#
# Chromium is not a dependency of thick; on Debian or Ubuntu: sudo apt-get install -y chromium (poppler-utils for
# the page PNGs).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-${TMPDIR:-/tmp}/thick-screenshots}
[ $# -gt 0 ] && shift
case "$out" in /*) ;; *) out="$(pwd)/$out" ;; esac
case "$out/" in "$root"/*) echo "screenshot.sh: write the pictures outside the repository, not to $out" >&2; exit 2 ;; esac

browser=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then browser=$(command -v "$candidate"); break; fi
done
if [ -z "$browser" ]; then
  echo "screenshot.sh: needs Chromium, which thick itself does not. On Debian or Ubuntu: sudo apt-get install -y chromium" >&2
  exit 1
fi

mkdir -p "$out"
cd "$root"
npm run build --silent
node bin/thick.js analyze fixtures/demo/*.csv --brand nordlicht.kaffee --brand nordlichtkaffee --format html --handout -q -o "$out/reports" "$@"

# The customer the index lists first: the one who needs attention first, usually the fullest page.
customer=$(grep -o 'href="customers/[^"]*\.html"' "$out/reports/index.html" | head -n 1 | sed 's/^href="//; s/"$//')

shoot() { # name, page, window size
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --no-default-browser-check \
    --window-size="$3" --screenshot="$out/$1.png" "file://$out/reports/$2" >/dev/null 2>&1
  echo "$out/$1.png"
}

print() { # name, page
  "$browser" --headless --no-sandbox --disable-gpu --no-first-run --no-default-browser-check \
    --no-pdf-header-footer --print-to-pdf="$out/$1.pdf" "file://$out/reports/$2" >/dev/null 2>&1
  echo "$out/$1.pdf"
  if command -v pdftoppm >/dev/null 2>&1; then
    pdftoppm -png -r 60 "$out/$1.pdf" "$out/$1-page"
    ls "$out/$1"-page*.png
  fi
}

shoot index index.html 1280,2200
shoot handout handout.html 1280,3000
shoot customer "$customer" 1280,3600
shoot customer-narrow "$customer" 420,3600
print index-print index.html
print handout-print handout.html
print customer-print "$customer"
echo "customer page: $customer"
