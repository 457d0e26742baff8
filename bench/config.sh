#!/usr/bin/env bash
# Start-up and config parsing: `vault --version` against a static hello-world
# Swift binary; `vault list --profiles` on 5,000 profiles against botocore
# parsing the same file (what the AWS CLI does on every call).
source "$(dirname "$0")/lib.sh"
swiftc -O -static-stdlib "$BENCH_DIR/hello/main.swift" -o "$WORK/hello" 2>/dev/null
python3 "$BENCH_DIR/gen_config.py" 5000 >"$WORK/config"
export AWS_CONFIG_FILE=$WORK/config
bench_compare "start-up: vault --version vs a static hello-world Swift binary" \
    "hello-world (static Swift)" "$WORK/hello" \
    "vault --version" "$VAULT --version"
bench_compare "5,000-profile config: vault list --profiles vs botocore" \
    "vault list --profiles" "$VAULT list --profiles" \
    "botocore build_profile_map(raw_config_parse)" \
    "python3 -c 'import botocore.configloader as c; c.build_profile_map(c.raw_config_parse(\"$WORK/config\"))'"
