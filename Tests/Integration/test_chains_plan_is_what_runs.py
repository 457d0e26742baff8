"""The chain `vault config show --json` prints is the chain `vault exec` runs,
for generated chains up to 5 deep; deep or hostile configs fail cleanly; and
`config dump` keeps secrets masked."""
import random

from conftest import run_vault

SERIALS = [None, "arn:aws:iam::111111111111:mfa/a", "arn:aws:iam::111111111111:mfa/b"]
CASES = 40


def generated_chain(rng: random.Random, case: int) -> tuple[str, list[str], list[str], list[str]]:
    """A config of 1–5 profiles linked by source_profile; returns (config, names, profiles with keys, flags)."""
    depth = rng.randint(1, 5)
    names = [f"c{case}p{i}" for i in range(depth)]  # fresh names: no cached session from another case
    # Every MFA code comes from mfa_process (lent by [default]), so any number of codes can be asked.
    text = "[default]\nmfa_process = echo 123456\n"
    for i, name in enumerate(names):
        text += f"\n[profile {name}]\n"
        if i + 1 < depth:
            text += f"source_profile = {names[i + 1]}\n"
        if rng.random() < 0.6:
            text += f"role_arn = arn:aws:iam::{100000000000 + i}:role/{name}\n"
        serial = rng.choice(SERIALS)
        if serial:
            text += f"mfa_serial = {serial}\n"
        seconds = rng.choice([None, None, 900, 7200])
        if seconds:
            text += f"duration_seconds = {seconds}\n"
    keys = [names[-1]] + [n for n in names[:-1] if rng.random() < 0.15]
    flags = rng.choice([[], [], ["-d", "30m"], ["-d", "2h"], ["-d", "12h"], ["-n"]])
    return text, names, keys, flags


def test_generated_chains_exec_makes_the_calls_config_show_prints(chains):
    rng = random.Random(16)  # fixed seed: a failure names its case and replays
    shapes = set()
    for case in range(CASES):
        text, names, keys, flags = generated_chain(rng, case)
        chains.config("")  # `vault add` refuses profiles with a source_profile; store first
        chains.store(*keys)
        chains.config(text)
        try:
            calls = chains.run(names[0], *flags, mfa_token=None, expect_stderr="" if "-d" not in flags else None)
        except AssertionError as e:
            raise AssertionError(f"case {case}, flags {flags}, keys {keys}:\n{text}") from e
        shapes.add(tuple(c[0] for c in calls))
    # The generator reached the interesting shapes, not only trivial ones.
    assert ("GetSessionToken", "AssumeRole", "AssumeRole") in shapes or ("GetSessionToken", "AssumeRole", "AssumeRole", "AssumeRole") in shapes
    assert ("AssumeRole",) in shapes and ("GetSessionToken",) in shapes


def deep(key: str, depth: int) -> str:
    return "".join(f"[profile p{i}]\n{key} = p{i + 1}\n" for i in range(depth)) + f"[profile p{depth}]\n"


def test_ten_thousand_deep_chains_fail_with_file_and_line(base_env, vault_bin, home):
    config = home / ".aws" / "config"
    env = dict(base_env, AWS_VAULT_BACKEND="file", AWS_VAULT_FILE_PASSPHRASE="deep-pass")
    for key in ("source_profile", "include_profile"):
        config.write_text(deep(key, 10_000))
        for args in (["config", "show", "p0"], ["config", "show", "p0", "--json"], ["exec", "p0", "--", "true"],
                     ["export", "p0"]):
            result = run_vault(vault_bin, args, env)
            assert result.returncode == 1, (args, result.returncode, result.stderr[-300:])
            assert result.stdout == ""
            assert result.stderr == (f"vault: {config}:128: profile 'p63' has {key} leading more than 64 profiles deep; "
                                     "shorten the chain\n")


def test_config_dump_masks_secrets_left_in_the_config(base_env, vault_bin, home):
    secret, token = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "FwoGZXIvYXdzEXAMPLETOKEN"
    (home / ".aws" / "config").write_text(
        f"[profile leaky]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = {secret}\n"
        f"aws_session_token = {token}\nregion = us-east-1\ns3 =\n  aws_secret_access_key = {secret}\n")
    for args in (["config", "dump", "--json"], ["config", "show", "leaky", "--json"], ["config", "show", "leaky"]):
        result = run_vault(vault_bin, args, base_env)
        assert result.returncode == 0, result.stderr
        assert secret not in result.stdout and token not in result.stdout, args
        assert "****" in result.stdout and "AKIAIOSFODNN7EXAMPLE" in result.stdout


def test_aws_mfa_serial_reaches_every_profile_and_aws_role_arn_only_the_target(chains):
    from fixtures.chains import AR, GST
    mfa = "arn:aws:iam::111111111111:mfa/env"
    chains.config("[profile base]\n\n[profile role]\nsource_profile = base\nrole_arn = arn:aws:iam::111111111111:role/r\n")
    chains.store("base")
    # Without it: no serial anywhere, so no MFA session; the role is assumed from the keys.
    assert chains.run("role") == [AR("arn:aws:iam::111111111111:role/r", 3600)]
    chains.vault("clear")
    # With it, as in aws-vault: both profiles name the same device, so one MFA session carries the role.
    env = {"AWS_MFA_SERIAL": mfa, "AWS_ROLE_ARN": "arn:aws:iam::111111111111:role/from-env"}
    assert chains.run("role", env=env) == [GST(8 * 3600, mfa), AR("arn:aws:iam::111111111111:role/from-env", 3600)]
