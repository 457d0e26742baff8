"""aws-vault's own chain tests (ByteNess/aws-vault vault/vault_test.go and
vault/config_mfa_process_test.go), ported as facts: each config, the keys
aws-vault's test seeds, and the STS calls aws-vault makes for it (order,
durations, where the MFA code goes), checked against moto's recording and
against `vault config show --json` (see fixtures/chains.py). Each test is
named after the aws-vault test it ports.

Not ported: TestUsageWebIdentityExample and TestIssue1195 (web identity and
SSO sources, which vault does not have yet), TestWriteFileAtomic (not a chain).
"""
from fixtures.chains import AR, GST

MFA = "arn:aws:iam::111111111111:mfa/user"
SOURCE_ROLE = "arn:aws:iam::111111111111:role/source"
TARGET_ROLE_1 = "arn:aws:iam::111111111111:role/target"
TARGET_ROLE_2 = "arn:aws:iam::222222222222:role/target"
ADMIN_ROLE = "arn:aws:iam::222222222222:role/admin"
TARGET_ROLE_3 = "arn:aws:iam::333333333333:role/target"
HOUR, EIGHT_HOURS, TWELVE_HOURS = 3600, 8 * 3600, 12 * 3600


def test_TestIssue1176(chains, tmp_path):
    # A profile with credential_process (and an mfa_serial) is its process's output: no STS call.
    script = tmp_path / "creds.sh"
    script.write_text("#!/bin/sh\nprintf '{\"Version\": 1, \"AccessKeyId\": \"%s\", \"SecretAccessKey\": \"%s\"}'\n"
                      % (chains.user.access_key_id, chains.user.secret_access_key))
    script.chmod(0o700)
    chains.config(f"""
[profile my-shared-base-profile]
credential_process={script}
mfa_serial=arn:aws:iam::1234567890:mfa/danielholz
region=eu-west-1

[profile profile-with-role]
source_profile=my-shared-base-profile
include_profile=my-shared-base-profile
region=eu-west-1
role_arn=arn:aws:iam::12345678901:role/allow-view-only-access-from-other-accounts
""")
    assert chains.run("my-shared-base-profile") == []
    shown = chains.vault("config", "show", "my-shared-base-profile", "--json")
    assert '"kind": "credential_process"' in shown.stdout


def test_TestDirectRoleLoginDoesNotUseGetSessionToken(chains):
    # Keys and role_arn on one profile, no source_profile: AssumeRole with MFA straight from its keys
    # (vault used to return the user's session here).
    chains.config(f"""
[profile target]
role_arn=arn:aws:iam::111111111111:role/target
mfa_serial={MFA}
""")
    chains.store("target")
    assert chains.run("target") == [AR(TARGET_ROLE_1, HOUR, MFA)]
    # The AWS CLI refuses this profile; config show says so on the step.
    shown = chains.vault("config", "show", "target")
    assert "note: the AWS CLI refuses a role_arn without source_profile" in shown.stdout


def test_TestRoleChainingMfaUsesGetSessionTokenBeforeAssumeRole(chains):
    chains.config(f"""
[profile source]
role_arn=arn:aws:iam::111111111111:role/source
mfa_serial={MFA}

[profile target]
source_profile=source
role_arn=arn:aws:iam::222222222222:role/target
mfa_serial={MFA}
""")
    chains.store("source")
    assert chains.run("target") == [GST(EIGHT_HOURS, MFA), AR(SOURCE_ROLE, HOUR), AR(TARGET_ROLE_2, HOUR)]


def test_TestNonRoleChainingFlowDoesNotUseChainedMfaPath(chains):
    chains.config(f"""
[profile source]
role_arn=arn:aws:iam::111111111111:role/source
mfa_serial={MFA}

[profile target]
source_profile=source
""")
    chains.store("source")
    assert chains.run("target") == [AR(SOURCE_ROLE, HOUR, MFA)]


def test_TestDefaultMfaRoleChainDoesNotCallGetSessionTokenWithSessionCreds(chains):
    chains.config(f"""
[default]
mfa_serial={MFA}

[profile source]
region=eu-west-1
duration_seconds=7200

[profile admin]
role_arn={ADMIN_ROLE}
source_profile=source
role_session_name=user
duration_seconds=7200

[profile target]
role_arn={TARGET_ROLE_3}
role_session_name=user
source_profile=admin
duration_seconds=7200
""")
    chains.store("source")
    # One MFA code (on GetSessionToken); both chained roles capped at STS's one hour.
    assert chains.run("target") == [GST(EIGHT_HOURS, MFA), AR(ADMIN_ROLE, HOUR), AR(TARGET_ROLE_3, HOUR)]
    shown = chains.vault("config", "show", "target", "--json")
    assert '"capped_from": 7200' in shown.stdout


def test_TestRoleChainingCapsAssumeRoleDurationToOneHour(chains):
    chains.config(f"""
[profile source]
role_arn=arn:aws:iam::111111111111:role/source
mfa_serial={MFA}

[profile target]
source_profile=source
role_arn=arn:aws:iam::222222222222:role/target
mfa_serial={MFA}
""")
    chains.store("source")
    calls = chains.run("target", "-d", "12h", expect_stderr="capped to 1h")
    assert calls == [GST(TWELVE_HOURS, MFA), AR(SOURCE_ROLE, HOUR), AR(TARGET_ROLE_2, HOUR)]


def test_TestSourceProfileRoleLoginDoesNotCapAssumeRoleDuration(chains):
    chains.config(f"""
[profile source]
region=us-east-1
mfa_serial={MFA}

[profile target]
source_profile=source
region=us-east-1
mfa_serial={MFA}
role_arn=arn:aws:iam::111111111111:role/target
""")
    chains.store("source")
    assert chains.run("target", "-d", "12h") == [AR(TARGET_ROLE_1, TWELVE_HOURS, MFA)]


def test_TestAliasedSourceProfileRoleLoginDoesNotCapAssumeRoleDuration(chains):
    chains.config(f"""
[profile source]
region=us-east-1
mfa_serial={MFA}

[profile alias]
source_profile=source
region=us-east-1
mfa_serial={MFA}

[profile target]
source_profile=alias
region=us-east-1
mfa_serial={MFA}
role_arn=arn:aws:iam::111111111111:role/target
""")
    chains.store("source")
    assert chains.run("target", "-d", "12h") == [AR(TARGET_ROLE_1, TWELVE_HOURS, MFA)]


def test_TestSingleRoleWithinCapPrimesGetSessionToken(chains):
    chains.config(f"""
[profile source]
region=us-east-1
mfa_serial={MFA}

[profile target]
source_profile=source
region=us-east-1
mfa_serial={MFA}
role_arn=arn:aws:iam::111111111111:role/target
""")
    chains.store("source")
    assert chains.run("target") == [GST(EIGHT_HOURS, MFA), AR(TARGET_ROLE_1, HOUR)]


def test_TestPassthroughRoleChainingCapsAssumeRoleDurationToOneHour(chains):
    chains.config(f"""
[profile source]
mfa_serial={MFA}

[profile admin]
source_profile=source
mfa_serial={MFA}
role_arn={ADMIN_ROLE}
role_session_name=user

[profile passthrough]
source_profile=admin
region=us-east-1

[profile target]
source_profile=passthrough
mfa_serial={MFA}
role_arn={TARGET_ROLE_3}
role_session_name=user
""")
    chains.store("source")
    calls = chains.run("target", "-d", "12h", expect_stderr="capped to 1h")
    assert calls == [GST(TWELVE_HOURS, MFA), AR(ADMIN_ROLE, HOUR), AR(TARGET_ROLE_3, HOUR)]


def mfa_process_script(tmp_path, name: str, code: str):
    log = tmp_path / f"{name}.log"
    return f"echo run >> {log}; echo {code}", log


def test_TestMfaProcessInheritedFromSourceProfile(chains, tmp_path):
    # The role has no mfa_process of its own and no terminal: its source profile's is used.
    creds = tmp_path / "creds.sh"
    creds.write_text("#!/bin/sh\nprintf '{\"Version\": 1, \"AccessKeyId\": \"%s\", \"SecretAccessKey\": \"%s\"}'\n"
                     % (chains.user.access_key_id, chains.user.secret_access_key))
    creds.chmod(0o700)
    process, log = mfa_process_script(tmp_path, "foo-otp", "314159")
    chains.config(f"""
[profile fooprofile]
credential_process = {creds}
mfa_process = {process}
mfa_serial = arn:aws:iam::123456789012:mfa/me
region = us-east-1

[profile barprofile]
mfa_serial = arn:aws:iam::123456789012:mfa/me
region = us-east-1
role_arn = arn:aws:iam::987654321098:role/Administrator
source_profile = fooprofile
""")
    calls = chains.run("barprofile", mfa_token=None)
    assert calls == [AR("arn:aws:iam::987654321098:role/Administrator", HOUR, "arn:aws:iam::123456789012:mfa/me")]
    assert chains.moto.sts_calls()[0]["token_code"] == "314159"
    assert log.read_text() == "run\n"
    shown = chains.vault("config", "show", "barprofile", "--json")
    assert f'"mfa_process": "{process}"' in shown.stdout


def test_TestMfaProcessOnProfileNotOverriddenBySource(chains, tmp_path):
    chains.store("source")
    source_process, source_log = mfa_process_script(tmp_path, "source-otp", "111111")
    target_process, target_log = mfa_process_script(tmp_path, "target-otp", "222222")
    chains.config(f"""
[profile source]
mfa_process = {source_process}
mfa_serial = arn:aws:iam::123456789012:mfa/me
region = us-east-1

[profile target]
mfa_process = {target_process}
mfa_serial = arn:aws:iam::123456789012:mfa/me
role_arn = arn:aws:iam::987654321098:role/Administrator
source_profile = source
region = us-east-1
""")
    # The source's GetSessionToken asks the source's process; the role's code would be the target's.
    calls = chains.run("target", mfa_token=None)
    assert calls == [GST(EIGHT_HOURS, "arn:aws:iam::123456789012:mfa/me"),
                     AR("arn:aws:iam::987654321098:role/Administrator", HOUR)]
    assert chains.moto.sts_calls()[0]["token_code"] == "111111"
    shown = chains.vault("config", "show", "target", "--json", "-d", "2h")
    assert f'"mfa_process": "{target_process}"' in shown.stdout, "a single long role asks with the target's own process"
