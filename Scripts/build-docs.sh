#!/usr/bin/env bash
# Builds each library module's DocC documentation with the toolchain's docc (no plugin),
# failing on any warning, such as a link to a symbol that does not exist.
#   Scripts/build-docs.sh              every library module
#   Scripts/build-docs.sh Domain Audit  only those
set -euo pipefail
cd "$(dirname "$0")/.."
modules=("$@")
if [ ${#modules[@]} -eq 0 ]; then
    modules=(Domain Section11 Audit Measures Learning Reporting SQLiteStore AssuranceTesting Tables Spreadsheets Delivery)
fi
docc=$(dirname "$(readlink -f "$(command -v swift)")")/docc
[ -x "$docc" ] || docc=docc
scratch=.build-docs
mkdir -p "$scratch/raw-graphs" "$scratch/out"
for module in "${modules[@]}"; do
    [ -d "Sources/$module" ] || continue
    swift build --target "$module" --scratch-path "$scratch/build" \
        -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$PWD/$scratch/raw-graphs" >/dev/null
    graphs="$scratch/symbol-graphs/$module"
    rm -rf "$graphs" && mkdir -p "$graphs"
    cp "$scratch/raw-graphs/$module.symbols.json" "$graphs/"
    cp "$scratch"/raw-graphs/"$module"@*.symbols.json "$graphs/" 2>/dev/null || true
    catalog=()
    [ -d "Sources/$module/$module.docc" ] && catalog=("Sources/$module/$module.docc")
    echo "docs: $module"
    "$docc" convert "${catalog[@]}" \
        --additional-symbol-graph-dir "$graphs" \
        --fallback-display-name "$module" --fallback-bundle-identifier "org.safeguarding-qa.$module" \
        --output-path "$scratch/out/$module.doccarchive" --warnings-as-errors --analyze >"$scratch/$module.log" 2>&1 \
        || { cat "$scratch/$module.log" >&2; echo "docs: $module failed" >&2; exit 1; }
done
