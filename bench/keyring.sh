#!/usr/bin/env bash
# Reading one stored item, against `vault --version`:
#   - the file store, unlocked through the kernel keyring (no passphrase asked);
#   - the Secret Service: a real GNOME Keyring on a private D-Bus session, the
#     item in an `awsvault` collection as aws-vault users have it.
# The item read is a cached GetSessionToken session, so `vault export PROFILE`
# reads the store and nothing else (no STS call). Targets: +3 ms (file),
# +6 ms (Secret Service) over `vault --version`; `vault list --profiles`
# (a subcommand that loads the config but opens no store) shows how much of
# that is the store.
# vault keeps the file store's unlock key only in a session keyring of its
# own (a login session has one; a container, CI or this script's parent may
# not): run in a fresh one, as a desktop login would.
if [[ -z ${BENCH_SESSION_KEYRING-} ]]; then
    command -v keyctl >/dev/null || { echo "bench/keyring.sh: keyctl is missing (scripts/bootstrap --test)" >&2; exit 1; }
    exec env BENCH_SESSION_KEYRING=1 keyctl session - bash "$0" "$@"
fi
source "$(dirname "$0")/lib.sh"
for tool in hyperfine dbus-daemon gnome-keyring-daemon dbus-send; do
    command -v "$tool" >/dev/null || { echo "bench/keyring.sh: $tool is missing (scripts/bootstrap --test)" >&2; exit 1; }
done

home=$(mktemp -d "$WORK/keyring-XXXXXX")
bus_pid="" keyring_pid=""
cleanup() {
    [[ -n $keyring_pid ]] && kill "$keyring_pid" 2>/dev/null
    [[ -n $bus_pid ]] && kill "$bus_pid" 2>/dev/null
    env -i HOME="$home/home" XDG_DATA_HOME="$home/data" AWS_VAULT_BACKEND=file "$VAULT" lock 2>/dev/null  # forget the unlock key
    return 0
}
trap cleanup EXIT
mkdir -p "$home/home" "$home/run" && chmod 700 "$home/run"
common="HOME=$home/home XDG_DATA_HOME=$home/data XDG_RUNTIME_DIR=$home/run AWS_CONFIG_FILE=$home/config PATH=/usr/bin:/bin"
keys="AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

# --- file store, unlocked through the kernel keyring -------------------------
file_env="$common AWS_VAULT_BACKEND=file"
env -i $file_env $keys AWS_VAULT_FILE_PASSPHRASE=bench "$VAULT" add work --env 2>/dev/null
python3 "$BENCH_DIR/seal_session.py" "$home/data/vault/keys" bench work >/dev/null
env -i $file_env "$VAULT" export work --format json >/dev/null </dev/null ||
    { echo "bench/keyring.sh: the file store did not open through the unlock cache (keyctl blocked?)" >&2; exit 1; }
bench_compare "reading one item: file store unlocked through the kernel keyring" \
    "vault --version" "env -i $file_env $VAULT --version" \
    "vault list --profiles (config, no store)" "env -i $file_env $VAULT list --profiles" \
    "vault export (file store)" "env -i $file_env $VAULT export work --format json"

# --- Secret Service: GNOME Keyring on a private bus ---------------------------
read -r address bus_pid < <(env -i $common dbus-daemon --session --fork --print-address=1 --print-pid=1 \
    --address="unix:path=$home/run/bus" | tr '\n' ' '; echo)
ss_env="$common DBUS_SESSION_BUS_ADDRESS=$address"
printf %s login-password | env -i $ss_env gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
keyring_pid=$!
for _ in $(seq 400); do
    env -i $ss_env dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true' && break
    sleep 0.05
done
client="env -i $ss_env /usr/bin/python3 $ROOT/Tests/Integration/secret_client.py"
$client create-collection awsvault bench >/dev/null
env -i $ss_env $keys "$VAULT" add work --env --no-add-config 2>/dev/null
name=$(python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import seal_session as s; n, d = s.session("work"); open(sys.argv[2], "wb").write(d); print(n)' \
    "$BENCH_DIR" "$home/session.json")
$client store awsvault "$name" <"$home/session.json"
env -i $ss_env "$VAULT" export work --format json >/dev/null </dev/null ||
    { echo "bench/keyring.sh: vault did not read the session from the Secret Service" >&2; exit 1; }
bench_compare "reading one item: Secret Service (GNOME Keyring, awsvault collection)" \
    "vault --version" "env -i $ss_env $VAULT --version" \
    "vault list --profiles (config, no store)" "env -i $ss_env $VAULT list --profiles" \
    "vault export (Secret Service)" "env -i $ss_env $VAULT export work --format json"
