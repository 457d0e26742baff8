#!/usr/bin/env bash
# Reading one stored item, against `vault --version`:
#   - the file store, unlocked through the kernel keyring (no passphrase asked);
#   - the Secret Service (a real GNOME Keyring on a private D-Bus session,
#     the item in an `awsvault` collection as aws-vault users have it).
# The item read is a cached GetSessionToken session, so `vault export PROFILE`
# reads the store and nothing else (no STS call).
#
#   bench/keyring.sh [RESULTS_DIR]     (VAULT_BIN: default the release build)
# Writes RESULTS_DIR/keyring-*.json (hyperfine) and prints medians.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
vault="${VAULT_BIN:-$root/.build/release/vault}"
results="${1:-$root/bench/results}"
mkdir -p "$results"
for tool in hyperfine dbus-daemon gnome-keyring-daemon; do
    command -v "$tool" >/dev/null || { echo "bench/keyring.sh: $tool is missing (scripts/bootstrap --test)" >&2; exit 1; }
done
[[ -x "$vault" ]] || { echo "bench/keyring.sh: no vault at $vault; build it (make build)" >&2; exit 1; }

work="$(mktemp -d /tmp/vault-bench-XXXXXX)"
bus_pid="" keyring_pid=""
cleanup() {
    [[ -n "$keyring_pid" ]] && kill "$keyring_pid" 2>/dev/null || true
    [[ -n "$bus_pid" ]] && kill "$bus_pid" 2>/dev/null || true
    # forget the file store's unlock key
    env -i HOME="$work/home" XDG_DATA_HOME="$work/data" AWS_VAULT_BACKEND=file "$vault" lock 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/home" "$work/run" && chmod 700 "$work/run"
common=(HOME="$work/home" XDG_DATA_HOME="$work/data" XDG_RUNTIME_DIR="$work/run" AWS_CONFIG_FILE="$work/config"
        PATH=/usr/bin:/bin LANG=C.UTF-8)
keys=(AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY)

# --- file store, unlocked through the kernel keyring -------------------------
file_env=("${common[@]}" AWS_VAULT_BACKEND=file)
env -i "${file_env[@]}" "${keys[@]}" AWS_VAULT_FILE_PASSPHRASE=bench "$vault" add work --env 2>/dev/null
python3 "$root/bench/seal_session.py" "$work/data/vault/keys" bench work >/dev/null
env -i "${file_env[@]}" "$vault" export work --format json >/dev/null </dev/null \
    || { echo "bench/keyring.sh: the file store did not read through the unlock cache (keyctl blocked?)" >&2; exit 1; }

hyperfine -N --warmup 10 --runs 200 --export-json "$results/keyring-file.json" \
    -n "vault --version" "env -i ${file_env[*]} $vault --version" \
    -n "file store, one item" "env -i ${file_env[*]} $vault export work --format json"

# --- Secret Service: GNOME Keyring on a private bus ---------------------------
read -r address bus_pid < <(env -i "${common[@]}" dbus-daemon --session --fork --print-address=1 --print-pid=1 \
    --address="unix:path=$work/run/bus" | tr '\n' ' '; echo)
ss_env=("${common[@]}" DBUS_SESSION_BUS_ADDRESS="$address")
printf %s login-password | env -i "${ss_env[@]}" gnome-keyring-daemon --foreground --unlock --components=secrets \
    >/dev/null 2>&1 &
keyring_pid=$!
for _ in $(seq 200); do
    env -i "${ss_env[@]}" dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true' && break
    sleep 0.05
done
client=(env -i "${ss_env[@]}" /usr/bin/python3 "$root/Tests/Integration/secret_client.py")
"${client[@]}" create-collection awsvault bench >/dev/null
env -i "${ss_env[@]}" "${keys[@]}" "$vault" add work --env --no-add-config 2>/dev/null
name="$(python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import seal_session; n, d = seal_session.session("work"); open(sys.argv[2], "wb").write(d); print(n)' \
    "$root/bench" "$work/session.json")"
"${client[@]}" store awsvault "$name" <"$work/session.json"
env -i "${ss_env[@]}" "$vault" export work --format json >/dev/null </dev/null

hyperfine -N --warmup 10 --runs 200 --export-json "$results/keyring-secret-service.json" \
    -n "vault --version" "env -i ${ss_env[*]} $vault --version" \
    -n "Secret Service, one item" "env -i ${ss_env[*]} $vault export work --format json"

python3 - "$results/keyring-file.json" "$results/keyring-secret-service.json" <<'PY'
import json, sys
for path in sys.argv[1:]:
    runs = json.load(open(path))["results"]
    base = runs[0]["median"] * 1000
    for r in runs[1:]:
        m = r["median"] * 1000
        print(f"{r['command']}: median {m:.1f} ms; vault --version {base:.1f} ms; +{m - base:.1f} ms")
PY
