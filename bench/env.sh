#!/usr/bin/env bash
# `vault env` on a cached session against awsume and the AWS CLI, side by side
# (hyperfine; medians and ratios). A local moto_server stands in for STS.
#   bench/env.sh   (or via bench/run)   needs: hyperfine, moto_server, awsume, Debian's awscli (v2); VAULT= to pick a binary
#
# vault:   a profile with stored keys (file store); the first run gets a
#          session from STS and caches it; the timed runs read the cache.
# awsume:  the same keys in ~/.aws/credentials; `awsumepy bench` prints what
#          its shell wrapper exports (awsume caches only MFA sessions; with plain keys it does no STS call).
# aws:     Debian's AWS CLI v2 (/usr/bin/aws; PyPI's `aws` is v1, which has
#          no `configure export-credentials`): the same keys in
#          ~/.aws/credentials, exported for a shell.
source "$(dirname "$0")/lib.sh"
vault=$VAULT
work=$WORK/env
mkdir -p "$work"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
moto_server -p "$port" >"$work/moto.log" 2>&1 &
moto=$!
trap 'kill $moto 2>/dev/null' EXIT
for _ in $(seq 100); do curl -s "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.1; done

export HOME=$work/home XDG_DATA_HOME=$work/home/.local/share AWS_CONFIG_FILE=$work/home/.aws/config
export AWS_SHARED_CREDENTIALS_FILE=$work/home/.aws/credentials AWS_ENDPOINT_URL=http://127.0.0.1:$port
export AWS_VAULT_BACKEND=file AWS_VAULT_FILE_PASSPHRASE=bench
mkdir -p "$HOME/.aws"
read -r key secret < <(python3 - "$AWS_ENDPOINT_URL" <<'PY'
import sys, boto3
iam = boto3.client("iam", endpoint_url=sys.argv[1], region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x")
iam.create_user(UserName="bench")
k = iam.create_access_key(UserName="bench")["AccessKey"]
print(k["AccessKeyId"], k["SecretAccessKey"])
PY
)
printf '[profile bench]\nregion = us-east-1\n' > "$AWS_CONFIG_FILE"
printf '[bench]\naws_access_key_id = %s\naws_secret_access_key = %s\n' "$key" "$secret" > "$AWS_SHARED_CREDENTIALS_FILE"
AWS_ACCESS_KEY_ID=$key AWS_SECRET_ACCESS_KEY=$secret "$vault" add --env bench >/dev/null
"$vault" env bench --shell bash >/dev/null   # fills the session cache
# The Python entry points themselves, not pyenv's shims or awsume's shell wrapper
# (which only evals what awsumepy prints).
pybin=$(python3 -c 'import os, sys; print(os.path.dirname(sys.executable))')
awsumepy=$pybin/awsumepy
aws=/usr/bin/aws
"$aws" --version 2>&1 | grep -q '^aws-cli/2' || { echo "bench/env.sh: $aws is not the AWS CLI v2 (scripts/bootstrap --test installs Debian's awscli)" >&2; exit 1; }
"$awsumepy" bench >/dev/null 2>&1 || true        # first run writes awsume's own config

"$aws" configure export-credentials --profile bench --format env | grep -q "^export AWS_ACCESS_KEY_ID=$key\$" ||
    { echo "bench/env.sh: the AWS CLI v2 did not export the profile's keys" >&2; exit 1; }
echo -e "\nAWS CLI: $("$aws" --version 2>&1) (Debian's package)." >>"$BENCH_REPORT"
bench_compare "vault env on a cached session vs awsume and the AWS CLI v2" \
    "vault env (cached session)" "$vault env bench --shell bash" \
    "awsume (awsumepy, plain keys)" "$awsumepy bench" \
    "aws configure export-credentials (v2)" "$aws configure export-credentials --profile bench --format env"
[[ -n ${BENCH_STANDALONE-} ]] && cat "$BENCH_REPORT"
true
