#!/usr/bin/env bash
# Checks a `ppay report` output directory: every figure's CSV, SVG and PNG exist and are non-trivial, REPORT.md and
# index.html exist, runs.csv is a runs.csv of version 2 whose runs all completed, and index.html renders in headless
# Chromium (screenshot not blank, every inline chart laid out).
# Usage: .ci/check-report.sh OUTDIR      (EXPECT_FIGURES="1 2 ..." to check a --figures subset; default 1..9)
set -euo pipefail

out="${1:?usage: $0 OUTDIR}"
figures="${EXPECT_FIGURES:-1 2 3 4 5 6 7 8 9}"
failures=0

fail() { echo "check-report: FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "check-report: ok: $*"; }

size_of() { if [ -f "$1" ]; then wc -c <"$1" | tr -d ' '; else echo 0; fi; }

need_size() { # file, minimum bytes, what
    local n; n=$(size_of "$1")
    if [ "$n" -ge "$2" ]; then ok "$3 ($1, $n bytes)"; else fail "$3: $1 is missing or too small ($n < $2 bytes)"; fi
}

[ -d "$out" ] || { echo "check-report: no such directory: $out" >&2; exit 2; }

for n in $figures; do
    csv="$out/figure-$n.csv"
    need_size "$csv" 200 "figure $n CSV"
    if [ -f "$csv" ]; then
        rows=$(($(wc -l <"$csv") - 1))
        if [ "$rows" -ge 2 ]; then ok "figure $n CSV has $rows points"; else fail "figure $n CSV has $rows points"; fi
        if grep -q '^figure,series,metric,x_key,x,runs,failures,mean' "$csv"; then ok "figure $n CSV header"; \
            else fail "figure $n CSV header is not the report's"; fi
    fi
    need_size "$out/figure-$n.svg" 5000 "figure $n SVG"
    if [ -f "$out/figure-$n.svg" ] && ! head -c 200 "$out/figure-$n.svg" | grep -q '<svg'; then
        fail "figure $n SVG does not start with <svg"
    fi
    need_size "$out/figure-$n.png" 5000 "figure $n PNG"
    if [ -f "$out/figure-$n.png" ] && [ "$(head -c 4 "$out/figure-$n.png" | od -An -tx1 | tr -d ' \n')" != "89504e47" ]; then
        fail "figure $n PNG is not a PNG file"
    fi
done
need_size "$out/REPORT.md" 2000 "REPORT.md"
need_size "$out/index.html" 10000 "index.html"
need_size "$out/runs.csv" 500 "runs.csv"
if [ -f "$out/runs.csv" ]; then
    if runs_summary=$(python3 - "$out/runs.csv" <<'PY'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
assert header[:7] == ["runs_csv_version", "ppay_version", "plan", "plan_sha256", "run_id", "status", "error"], \
    "runs.csv does not start with the columns of version 2: %s" % header[:7]
assert len(body) >= 2, "runs.csv holds %d runs" % len(body)
assert all(len(r) == len(header) for r in body), "a row has another number of cells than the header"
assert {r[0] for r in body} == {"2"}, "runs_csv_version is not 2 on every row"
assert len({r[3] for r in body}) == 1, "rows of more than one plan"
ids = [r[4] for r in body]
assert len(set(ids)) == len(ids), "a run id twice"
failed = [r[4] for r in body if r[5] != "ok"]
assert not failed, "runs not ok: %s" % failed
print("%d runs of plan '%s', all ok, %d columns" % (len(body), body[0][2], len(header)))
PY
    ); then ok "runs.csv: $runs_summary"; else fail "runs.csv is not a complete runs.csv of version 2"; fi
fi
for n in $figures; do
    grep -q "^## Figure $n:" "$out/REPORT.md" 2>/dev/null || fail "REPORT.md lacks figure $n"
    grep -q "data-figure=\"$n\"><svg" "$out/index.html" 2>/dev/null || fail "index.html lacks inline chart $n"
done

# ---- headless Chromium ----
browser=""
for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then browser="$candidate"; break; fi
done
if [ -z "$browser" ]; then
    echo "check-report: installing Debian's chromium ..."
    sudo_cmd=""
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo_cmd="sudo"; fi
    $sudo_cmd apt-get update -qq && $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    browser=chromium
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
page="file://$(cd "$out" && pwd)/index.html"
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$work/profile")

"$browser" "${flags[@]}" --window-size=1280,4000 --screenshot="$work/shot.png" "$page" >/dev/null 2>&1 || true
need_size "$work/shot.png" 20000 "screenshot of index.html"
if [ -f "$work/shot.png" ]; then
    if python3 - "$work/shot.png" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, width, height = 8, b"", 0, 0
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        width, height = struct.unpack(">II", body[:8])
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
raw = zlib.decompress(idat)
distinct = len(set(raw[::7]))
print(f"screenshot {width}x{height}, {distinct} distinct sampled byte values")
sys.exit(0 if width >= 1000 and height >= 1000 and distinct > 32 else 1)
PY
    then ok "screenshot is not blank"; else fail "screenshot looks blank or too small"; fi
fi

"$browser" "${flags[@]}" --window-size=1280,4000 --dump-dom "$page" >"$work/dom.html" 2>/dev/null || true
rendered=$(grep -o 'data-charts-rendered="[0-9]*"' "$work/dom.html" | grep -o '[0-9]*' || echo 0)
total=$(grep -o 'data-charts-total="[0-9]*"' "$work/dom.html" | grep -o '[0-9]*' || echo 0)
expected=$(echo "$figures" | wc -w | tr -d ' ')
if [ "${rendered:-0}" -eq "$expected" ] && [ "${total:-0}" -eq "$expected" ]; then
    ok "all $expected charts rendered in the browser"
else
    fail "browser rendered ${rendered:-0} of ${total:-0} charts, expected $expected"
fi

if [ "$failures" -gt 0 ]; then
    echo "check-report: $failures check(s) failed" >&2
    exit 1
fi
echo "check-report: all checks passed for $out"
