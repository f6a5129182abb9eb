#!/usr/bin/env bash
# The dependency rule of the design: Domain imports Foundation (and the standard library's
# Synchronization) only; each feature module imports Domain and Foundation only; no feature
# module imports another. Exits 1 and names every offending import.
#
# Every folder under Sources/ is a feature module unless it is named below as something else, so a
# new module is held to the rule from its first file. The library targets of the packages under
# Examples/ are feature modules too: they show what a partnership adds on the public API alone.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
allowed_common="Foundation|FoundationEssentials|Synchronization|Dispatch"
check() {
    local directory=$1 allowed=$2
    [ -d "$directory" ] || return 0
    while IFS= read -r line; do
        file=${line%%:*}
        imported=$(echo "$line" | sed -E 's/.*import[[:space:]]+([A-Za-z0-9_]+).*/\1/')
        if ! echo "$imported" | grep -qxE "$allowed"; then
            echo "$directory may not import $imported ($file)" >&2
            status=1
        fi
    done < <(grep -rnE '^[[:space:]]*(@testable |@_exported |public |package |internal |private |fileprivate )?import[[:space:]]+[A-Za-z0-9_]+' "$directory" --include='*.swift' || true)
}

# What is not a feature module, and what each may import.
declare -A infrastructure=(
    [Domain]="$allowed_common"
    [SQLiteStore]="$allowed_common|Domain|CSQLite"
    [AssuranceTesting]="$allowed_common|Domain"
    [Tables]="$allowed_common|Domain"
    [Delivery]="$allowed_common|Domain|FoundationNetworking"
    [CSQLite]=""
    [qaf]="*"
    [SyntheticPartnership]="*"
    [CrashHarness]="*"
)
features=()
for directory in Sources/*/; do
    module=$(basename "$directory")
    if [ -n "${infrastructure[$module]+set}" ]; then
        allowed=${infrastructure[$module]}
        [ -z "$allowed" ] || [ "$allowed" = "*" ] || check "Sources/$module" "$allowed"
    else
        features+=("$module")
        check "Sources/$module" "$allowed_common|Domain"
    fi
done
for directory in Examples/*/Sources/*/; do
    [ -d "$directory" ] || continue
    case "$(basename "$directory")" in
        *Tool|*Demo) ;;  # an example's executable may wire anything together
        *) check "${directory%/}" "$allowed_common|Domain" ;;
    esac
done
echo "feature modules held to the rule: ${features[*]}"
exit $status
