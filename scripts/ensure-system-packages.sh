#!/usr/bin/env bash
# Debian packages innotwin needs besides Python's: `ensure-system-packages.sh run` or `... test`.
#   run:  the PDF reports (WeasyPrint) need Pango and a CJK font (Hangul renders only with one installed).
#         Missing ones are installed when this runs as root with apt; otherwise a warning says what to
#         install, and the platform runs without PDFs.
#   test: the same, plus Debian's Chromium for the browser tests; missing packages that cannot be
#         installed stop the tests.
set -euo pipefail
mode="${1:-test}"
missing=()
if [ "$mode" = "test" ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium chromium-driver)
fi
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || missing+=(fonts-noto-cjk)  # no -q: an early exit would SIGPIPE fc-list under pipefail
ldconfig -p 2>/dev/null | grep "libpango-1.0.so.0" >/dev/null || missing+=(libpango-1.0-0)
ldconfig -p 2>/dev/null | grep "libpangoft2-1.0.so.0" >/dev/null || missing+=(libpangoft2-1.0-0)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  if [ "$mode" = "test" ]; then
    echo "The tests need these Debian packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "PDF reports need these Debian packages: ${missing[*]} (sudo apt-get install -y ${missing[*]}); everything else runs without them." >&2
  exit 0
fi
echo "Installing ${missing[*]}..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
