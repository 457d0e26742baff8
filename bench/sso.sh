#!/usr/bin/env bash
# `vault export` of an SSO profile with its role credentials cached, against
# the AWS CLI v2's `configure export-credentials` (which caches them too, in
# ~/.aws/cli/cache), both from one `vault sso login` token (the cache they
# share). The tests' SSO stand-in serves on loopback (bench/sso_standin.py).
#   bench/sso.sh   (or via bench/run)   needs: hyperfine, Debian's awscli (v2); VAULT= to pick a binary
source "$(dirname "$0")/lib.sh"
vault=$VAULT
work=$WORK/sso
mkdir -p "$work"
coproc STANDIN { python3 "$BENCH_DIR/sso_standin.py" "$vault" "$work"; }
while read -r line <&"${STANDIN[0]}"; do
    eval "$line"
    [[ $line == export\ AWS_ENDPOINT_URL_SSO_OIDC=* ]] && break
done
trap 'exec {STANDIN[1]}>&-; wait' EXIT
aws=/usr/bin/aws
"$vault" export dev --format json >/dev/null   # fills vault's session cache
"$aws" configure export-credentials --profile dev --format env >/dev/null   # fills the CLI's
bench_compare "SSO profile, role credentials cached: vault export vs the AWS CLI v2" \
    "vault export (cached)" "$vault export dev --format env" \
    "aws configure export-credentials (v2)" "$aws configure export-credentials --profile dev --format env"
[[ -n ${BENCH_STANDALONE-} ]] && cat "$BENCH_REPORT"
true
