#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks the include order of the layers (docs/architecture.md):
#
#   app → ui → engine → api → pipeline → routing → {security, cost, observability, store, cache}
#       → {http, formats, upstream, providers, config} → {util, clientsetup}
#
# An #include in proxycore/<folder>/ may point only rightward or into its own folder. Folders in the
# same group may include each other only where ALLOWED below says so. app/ may include proxycore's
# engine only, ui/ only the engine's facade (EngineController); both may use clientsetup (the coding
# tools' settings, Qt Core only); proxycore includes neither.
# Prints every violation with file and line; exit status 1 when there is any, 0 when none.
#   scripts/check-layers.sh          check the tree
set -euo pipefail
cd "$(dirname "$0")/.."

# Rank of each proxycore folder: an include must go to a higher rank (or the same folder).
declare -A rank=(
    [engine]=1 [api]=2 [pipeline]=3 [routing]=4
    [security]=5 [cost]=5 [observability]=5 [store]=5 [cache]=5
    [http]=6 [formats]=6 [upstream]=6 [providers]=6 [config]=6
    [util]=7 [clientsetup]=7
)
# Includes between folders of the same group that are part of the design. Keep this short: each
# entry is a dependency the lower layers have to live with.
#   http → config       the front end takes its limits and listen settings as config's value types
#   config → providers  the loader checks provider types and fills endpoint defaults from the presets
#   upstream → http     the transport shares the front end's HeaderList
#   store → cost        the budget file saves the ledger's total
#   store → observability  the request history stores the workers' RequestRecord
#   clientsetup → util  the coding tools' settings use the small helpers, nothing else
allowed=(
    "http config"
    "config providers"
    "upstream http"
    "store cost"
    "store observability"
    "store cache"
    "clientsetup util"
)
# What app/ and ui/ may include from proxycore (path prefixes).
# app/ bootstraps: it loads the configuration and sets up logging before the engine exists; its
# verify-signature and audit verify subcommands check saved responses and audit exports offline,
# without an engine; audit verify also reads the ledger straight from a database (SQLite file or
# PostgreSQL connection string).
app_may=("proxycore/engine/" "proxycore/config/configloader.h" "proxycore/config/secretstore.h"
    "proxycore/observability/logger.h" "proxycore/security/responsesignature.h" "proxycore/store/auditexport.h"
    "proxycore/store/sqlauditstore.h" "proxycore/config/postgresdsn.h" "proxycore/clientsetup/")
# ui/ talks to the engine through its facade; the coding tools' settings need no engine at all.
ui_may=("proxycore/engine/enginecontroller.h" "proxycore/clientsetup/")

order="app → ui → engine → api → pipeline → routing → {security, cost, observability, store, cache} → {http, formats, upstream, providers, config} → {util, clientsetup}"
echo "Layer order (an include points only rightward or into its own folder):"
echo "  $order"
echo "Allowed within a group:"
for pair in "${allowed[@]}"; do
    read -r from to <<<"$pair"
    echo "  $from → $to"
done
echo "app/ may include from proxycore only: ${app_may[*]}"
echo "ui/ may include from proxycore only: ${ui_may[*]}"
echo

is_allowed() {
    local pair
    for pair in "${allowed[@]}"; do
        [[ "$pair" == "$1 $2" ]] && return 0
    done
    return 1
}
starts_with_any() {
    local target=$1 prefix
    shift
    for prefix in "$@"; do
        [[ "$target" == "$prefix"* ]] && return 0
    done
    return 1
}

violations=()
include_pattern='include[[:space:]]*[<"]([^">]+)[">]'
# Every project include, as file:line:path (quoted or angle-bracketed, ignoring moc/local includes).
while IFS= read -r hit; do
    file=${hit%%:*}
    rest=${hit#*:}
    line=${rest%%:*}
    [[ "${rest#*:}" =~ $include_pattern ]] || continue
    target=${BASH_REMATCH[1]}
    top=${file%%/*}
    target_folder=${target#*/}
    target_folder=${target_folder%%/*}
    case "$top" in
    proxycore)
        from=${file#proxycore/}
        from=${from%%/*}
        case "$target" in
        app/* | ui/*)
            violations+=("$file:$line: proxycore/$from includes the desktop shell ($target)")
            continue
            ;;
        proxycore/*) ;;
        *) continue ;;
        esac
        to=$target_folder
        [[ "$from" == "$to" ]] && continue
        if [[ -z "${rank[$from]:-}" || -z "${rank[$to]:-}" ]]; then
            violations+=("$file:$line: $from → $to: folder not in the layer order (add it to scripts/check-layers.sh and docs/architecture.md)")
        elif ((rank[$to] < rank[$from])); then
            violations+=("$file:$line: $from → $to points upward ($target)")
        elif ((rank[$to] == rank[$from])) && ! is_allowed "$from" "$to"; then
            violations+=("$file:$line: $from → $to within one group, not in the allowed list ($target)")
        fi
        ;;
    app)
        case "$target" in
        proxycore/*) starts_with_any "$target" "${app_may[@]}" ||
            violations+=("$file:$line: app → $target_folder: app/ may use the engine and clientsetup only ($target)") ;;
        esac
        ;;
    ui)
        case "$target" in
        proxycore/*) starts_with_any "$target" "${ui_may[@]}" ||
            violations+=("$file:$line: ui → $target_folder: ui/ may use the engine facade and clientsetup only ($target)") ;;
        app/*) violations+=("$file:$line: ui → app points upward ($target)") ;;
        esac
        ;;
    esac
done < <(git ls-files --cached --others --exclude-standard -- 'proxycore/*' 'app/*' 'ui/*' | grep -E '\.(h|cpp)$' |
    xargs -r grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](proxycore|app|ui)/' /dev/null || true)

if [[ ${#violations[@]} -eq 0 ]]; then
    echo "check-layers: every include follows the layer order"
    exit 0
fi
echo "check-layers: ${#violations[@]} include(s) break the layer order:"
printf '  %s\n' "${violations[@]}"
exit 1
