"""Writes an AWS config with N profiles (default 5000) for the benchmarks:
a mix of key holders, roles with MFA and include_profile, as people have."""
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
rng = random.Random(5000)
out = ["[default]", "region = us-east-1", ""]
for i in range(n):
    out.append(f"[profile p{i:05d}]")
    if i % 10 == 0:
        out.append(f"mfa_serial = arn:aws:iam::{rng.randrange(10**12):012d}:mfa/user{i}")
    else:
        out.append(f"source_profile = p{i - i % 10:05d}")
        out.append(f"role_arn = arn:aws:iam::{rng.randrange(10**12):012d}:role/r{i}")
        out.append(f"include_profile = p{i - i % 10:05d}")
    out.append(f"region = {rng.choice(['eu-west-1', 'us-east-1', 'ap-northeast-1'])}")
    if i % 7 == 0:
        out += ["s3 =", "  addressing_style = path"]
    out.append("")
sys.stdout.write("\n".join(out))
