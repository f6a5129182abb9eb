#!/usr/bin/env bash
# Checks HTML reports against WCAG 2.2 AA with axe-core in headless Chromium, installing what is
# missing: Debian's chromium and chromium-driver, Selenium, and axe-core's script from the PyPI
# package axe-playwright-python.
#   Scripts/axe.sh qaf-demo/*.html
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || { echo "usage: Scripts/axe.sh REPORT.html [REPORT.html ...]"; exit 64; }
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
python3 -c "import selenium" 2>/dev/null || pip install -q selenium
cache=.build-axe
if [ ! -f "$cache/axe.min.js" ]; then
    mkdir -p "$cache"
    pip download -q --no-deps axe-playwright-python==0.1.8 -d "$cache"
    python3 -c "import zipfile,glob; z=zipfile.ZipFile(glob.glob('$cache/axe_playwright_python-*.whl')[0]); open('$cache/axe.min.js','wb').write(z.read('axe_playwright_python/axe.min.js'))"
fi
python3 Scripts/axe.py "$cache/axe.min.js" "$@"
