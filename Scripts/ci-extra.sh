#!/usr/bin/env bash
# The reliability harnesses in their short forms, run by .ci/run:
#   - the crash harness: a child writing to SQLite killed with SIGKILL at random for 30 seconds;
#   - the delivery harness: the outbox's deliverer killed 100 times, and two deliverers at once;
#   - the tests under the thread sanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "crash harness (30 s)"
swift build --product CrashHarness >/dev/null
.build/debug/CrashHarness run --seconds 30 --db .build-harness/crash-short.sqlite
echo "delivery harness (100 kills; two deliverers at once)"
.build/debug/CrashHarness deliver --kills 100 --folder .build-harness/deliver
.build/debug/CrashHarness deliver-race --deliverers 2 --folder .build-harness/deliver-race
echo "tests under the thread sanitizer"
# The "text file busy" test is about a moment of timing (the program closed while the send waits to
# start it), which the sanitizer's slowdown makes meaningless; it runs in the main test step.
swift test --sanitize=thread --scratch-path .build-tsan --skip aProgramBusyBeingWrittenIsStartedOnceItIsClosed
