#!/usr/bin/env bash
# The reliability harnesses in their long forms (bash .ci/run --long), run by hand; their figures
# go in Documentation/Reliability.md:
#   - the crash harness for 1,000 kills;
#   - every fuzz target for 60 seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "crash harness (1,000 kills)"
swift build -c release --product CrashHarness >/dev/null
.build/release/CrashHarness run --kills 1000 --db .build-harness/crash-long.sqlite
echo "fuzzing (60 s a target)"
Scripts/fuzz.sh 60
