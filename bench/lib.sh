# Shared by the bench/*.sh parts: where things are, and a hyperfine wrapper
# that appends one markdown table (median, ratio to the first command) to
# $BENCH_REPORT.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
VAULT=${VAULT:-$(cd "$ROOT" && swift build -c release --static-swift-stdlib -Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs --show-bin-path)/vault}
WORK=${BENCH_WORK:-$(mktemp -d)}
BENCH_REPORT=${BENCH_REPORT:-$WORK/report.md}

# bench_json JSON HYPERFINE_OPTIONS… -- NAME1 CMD1 NAME2 CMD2 …: one hyperfine
# run of all the commands, its results in JSON.
bench_json() {
    local json=$1
    shift
    local options=()
    while [[ $1 != -- ]]; do
        options+=("$1")
        shift
    done
    shift
    local args=()
    while (($#)); do
        args+=(--command-name "$1" "$2")
        shift 2
    done
    hyperfine --style none "${options[@]}" -N --export-json "$json" "${args[@]}" >/dev/null 2>&1 ||
        hyperfine --style none "${options[@]}" --export-json "$json" "${args[@]}" >/dev/null
}

# bench_compare TITLE NAME1 CMD1 NAME2 CMD2 …: runs all in one hyperfine run.
bench_compare() {
    local title=$1
    shift
    local json=$WORK/$(echo "$title" | tr -c 'a-zA-Z0-9' '_').json
    bench_json "$json" --warmup 5 --min-runs 60 -- "$@"
    python3 - "$json" "$title" >>"$BENCH_REPORT" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))["results"]
base = data[0]["median"]
print(f"\n#### {sys.argv[2]}\n")
print("| command | median | ratio to first |")
print("|---|---:|---:|")
for r in data:
    print(f"| {r['command']} | {r['median'] * 1000:.2f} ms | {r['median'] / base:.2f}× |")
PY
}
