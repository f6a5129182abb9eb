#!/usr/bin/env bash
# The dependency rule of the design: Domain imports Foundation (and the standard library's
# Synchronization) only; each feature module imports Domain and Foundation only; no feature
# module imports another. Exits 1 and names every offending import.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
allowed_common="Foundation|FoundationEssentials|Synchronization|Dispatch"
check() {
    local module=$1 allowed=$2
    [ -d "Sources/$module" ] || return 0
    while IFS= read -r line; do
        file=${line%%:*}
        imported=$(echo "$line" | sed -E 's/.*import[[:space:]]+([A-Za-z0-9_]+).*/\1/')
        if ! echo "$imported" | grep -qxE "$allowed"; then
            echo "$module may not import $imported ($file)" >&2
            status=1
        fi
    done < <(grep -rnE '^[[:space:]]*(@testable |@_exported |public |package |internal |private |fileprivate )?import[[:space:]]+[A-Za-z0-9_]+' "Sources/$module" --include='*.swift' || true)
}
check Domain "$allowed_common"
for feature in Section11 Audit Measures Learning Reporting; do
    check "$feature" "$allowed_common|Domain"
done
check SQLiteStore "$allowed_common|Domain|CSQLite"
check AssuranceTesting "$allowed_common|Domain"
exit $status
