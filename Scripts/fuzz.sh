#!/usr/bin/env bash
# Builds the libFuzzer targets under Tests/Fuzz/Targets with the address sanitizer and runs each for
# a set time from its committed seed corpus, failing on the first crash.
#   Scripts/fuzz.sh              every target for 60 seconds
#   Scripts/fuzz.sh 10 CSVReader every named target for 10 seconds
# New inputs libFuzzer finds go to .build-fuzz/corpus/<target>, not into the committed corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(CSVReader ObservationImport PublishedStatistics JSONImport TextParsers)
fi
out=.build-fuzz
mkdir -p "$out/modules" "$out/bin"
flags=(-sanitize=fuzzer,address -swift-version 6 -O -g -parse-as-library -package-name main
    -enable-upcoming-feature ExistentialAny -enable-upcoming-feature MemberImportVisibility
    -enable-upcoming-feature InternalImportsByDefault -enable-upcoming-feature NonisolatedNonsendingByDefault
    -I "$out/modules" -L "$out/modules")

# The library modules a target links, each built once as a static library with the sanitizers.
build_module() {
    local module=$1
    shift
    local links=()
    for dependency in "$@"; do links+=(-l"$dependency"); done
    if [ ! -f "$out/modules/lib$module.a" ] || [ -n "$(find "Sources/$module" -name '*.swift' -newer "$out/modules/lib$module.a")" ]; then
        echo "fuzz: building $module"
        swiftc "${flags[@]}" -module-name "$module" -emit-module -emit-module-path "$out/modules/$module.swiftmodule" \
            -emit-library -static -o "$out/modules/lib$module.a" \
            $(find "Sources/$module" -name '*.swift' | sort)
    fi
}
build_module Domain
build_module Measures Domain
build_module Section11 Domain

status=0
for target in "${targets[@]}"; do
    source="Tests/Fuzz/Targets/${target}Fuzz.swift"
    [ -f "$source" ] || { echo "fuzz: no target $target" >&2; exit 64; }
    echo "fuzz: $target for ${seconds}s"
    swiftc "${flags[@]}" -module-name "${target}Fuzz" "$source" -lMeasures -lSection11 -lDomain -lswiftSynchronization -o "$out/bin/$target" \
        2> >(grep -v "Cannot export local symbol" >&2)
    corpus="$out/corpus/$target"
    mkdir -p "$corpus"
    cp -n "Tests/Fuzz/Corpus/$target"/* "$corpus"/ 2>/dev/null || true
    if ! "$out/bin/$target" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=4096 \
        -artifact_prefix="$out/crash-$target-" "$corpus" >"$out/$target.log" 2>&1; then
        tail -40 "$out/$target.log" >&2
        echo "fuzz: $target failed; the input is in $out/crash-$target-*" >&2
        status=1
    fi
    grep -E "^Done [0-9]+ runs|#[0-9]+.*DONE" "$out/$target.log" | tail -1 | sed "s/^/fuzz: $target: /"
done
exit $status
