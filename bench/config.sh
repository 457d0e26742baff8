#!/usr/bin/env bash
# Start-up and config parsing: `vault --version` against a static hello-world
# Swift binary; tab completion (`vault list --profiles`, run on every Tab) on
# 5,000 profiles against `vault --version` and botocore parsing the same file
# (what the AWS CLI does on every call), with issue 15's two targets.
source "$(dirname "$0")/lib.sh"
swiftc -O -static-stdlib "$BENCH_DIR/hello/main.swift" -o "$WORK/hello" 2>/dev/null
python3 "$BENCH_DIR/gen_config.py" 5000 >"$WORK/config"
export AWS_CONFIG_FILE=$WORK/config
bench_compare "start-up: vault --version vs a static hello-world Swift binary" \
    "hello-world (static Swift)" "$WORK/hello" \
    "vault --version" "$VAULT --version"

# Two hyperfine runs: vault's commands take milliseconds (many runs, medians
# that hold on a shared machine), botocore a third of a second (fewer).
bench_json "$WORK/completion-vault.json" --warmup 20 --runs 200 -- \
    "vault --version" "$VAULT --version" \
    "vault list --profiles" "$VAULT list --profiles"
bench_json "$WORK/completion-botocore.json" --warmup 3 --runs 20 -- \
    "botocore build_profile_map(raw_config_parse)" \
    "python3 -c 'import botocore.configloader as c; c.build_profile_map(c.raw_config_parse(\"$WORK/config\"))'"
python3 - "$WORK/completion-vault.json" "$WORK/completion-botocore.json" "$WORK/config" >>"$BENCH_REPORT" <<'PY'
import json, os, sys
results = [r for path in sys.argv[1:3] for r in json.load(open(path))["results"]]
median = {r["command"]: r["median"] * 1000 for r in results}
version, listing = median["vault --version"], median["vault list --profiles"]
botocore = median["botocore build_profile_map(raw_config_parse)"]
size = os.path.getsize(sys.argv[3]) // 1000
print(f"\n#### tab completion: vault list --profiles on 5,000 profiles ({size} KB) vs vault --version and botocore\n")
print("| command | median |")
print("|---|---:|")
for name in median:
    print(f"| {name} | {median[name]:.2f} ms |")
limit = 1.5 * version + 1
met = lambda ok: "met" if ok else "**not met**"
print(f"\nTargets (issue 15): list --profiles ≤ 1.5 × --version + 1 ms = {limit:.2f} ms: "
      f"{listing:.2f} ms, {listing / version:.2f}× --version, {met(listing <= limit)}; "
      f"≥ 50× faster than botocore: {botocore / listing:.0f}×, {met(botocore / listing >= 50)}.")
PY
