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

# hook_world DIR: the hook benches' world. A HOME under DIR whose one profile
# gets credentials valid two hours from credential_process, and DIR/project
# with a .vaultrc and an .envrc, both allowed; exports what vault and direnv read.
hook_world() {
    local work=$1
    export HOME=$work/home XDG_DATA_HOME=$work/home/.local/share XDG_CONFIG_HOME=$work/home/.config
    export AWS_CONFIG_FILE=$HOME/.aws/config PATH=$(dirname "$VAULT"):$PATH
    mkdir -p "$HOME/.aws" "$work/project"
    local exp
    exp=$(date -u -d '+2 hours' +%Y-%m-%dT%H:%M:%SZ)
    printf '{"Version":1,"AccessKeyId":"AKIAIOSFODNN7EXAMPLE","SecretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY","SessionToken":"token","Expiration":"%s"}\n' "$exp" > "$work/creds.json"
    printf '[profile bench]\ncredential_process = cat %s\n' "$work/creds.json" > "$AWS_CONFIG_FILE"
    printf 'profile = bench\n' > "$work/project/.vaultrc"
    printf 'export BENCH_DIRENV=1\n' > "$work/project/.envrc"
    chmod 644 "$work/project/.vaultrc"
    # Written before it is allowed, as when edited and then allowed (tcsh's -M has whole seconds).
    touch -d "-2 seconds" "$work/project/.vaultrc"
    "$VAULT" allow "$work/project"
    (cd "$work/project" && direnv allow . ) 2>/dev/null
}

# The median of the numbers on stdin, one a line.
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
