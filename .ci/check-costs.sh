#!/usr/bin/env bash
# Checks a costs.csv from `ppay calibrate`: the documented header, one row for every action the embedded default
# calibration prices, all for the expected suite, every ns_per_op and cycles_per_op a positive number.
# Usage: .ci/check-costs.sh COSTS.CSV SUITE
set -euo pipefail
costs="${1:?usage: $0 COSTS.CSV SUITE}"
suite="${2:?usage: $0 COSTS.CSV SUITE}"
reference=cost-calibration/src/main/resources/org/ppay/costs/default-costs.csv
header='action,suite,ns_per_op,ns_error,cycles_per_op,bytes,source_benchmark,cpu_model,ghz,jdk'

[ -s "$costs" ] || { echo "check-costs: $costs is missing or empty" >&2; exit 1; }
[ "$(head -1 "$costs")" = "$header" ] || { echo "check-costs: $costs: header is not $header" >&2; exit 1; }
expected=$(tail -n +2 "$reference" | cut -d, -f1 | sort)
actual=$(tail -n +2 "$costs" | cut -d, -f1 | sort)
missing=$(comm -23 <(echo "$expected") <(echo "$actual"))
[ -z "$missing" ] || { echo "check-costs: $costs lacks actions: $missing" >&2; exit 1; }
awk -F, -v suite="$suite" 'NR > 1 {
    if ($2 != suite) { printf "check-costs: row %d (%s) is for suite %s, not %s\n", NR, $1, $2, suite; bad = 1 }
    if (!($3 + 0 > 0) || !($5 + 0 > 0)) { printf "check-costs: row %d (%s): ns_per_op %s, cycles_per_op %s\n", NR, $1, $3, $5; bad = 1 }
} END { exit bad }' "$costs" >&2
echo "check-costs: ok: $(($(wc -l < "$costs") - 1)) actions for $suite in $costs"
