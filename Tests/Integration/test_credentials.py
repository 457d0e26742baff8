"""The aws-vault walkthrough end to end, against moto on 127.0.0.1.

vault stores an IAM user's keys, gets session tokens (with MFA) and role
credentials from moto, caches them in the store, and hands them to the real
AWS CLI and boto3. moto's known limits shape two choices here:
- the credentials its GetSessionToken returns are fixed and unknown to its
  IAM, so calls made with them cannot pass signature checking; the session
  tests therefore turn signature checking off (`set_free_requests`), and the
  signature-checked path is shown with `--no-session`;
- it accepts any MFA code, so a "wrong" code cannot be rejected by it.
"""
import base64
import concurrent.futures
import json
import os
import pathlib
import stat

import pexpect
import pytest

from conftest import run_vault
from fixtures.world import UNCHECKED, share_mfa_session, vault

SAMPLE = """\
import boto3
client = boto3.client('sts')
try:
    client.get_caller_identity()
except Exception as e:
    print(e)
else:
    print('success')
"""


def identity(output: str) -> str:
    return json.loads(output)["Arn"]


def test_user_keys_checked_by_signature_no_session(world):
    # Signature checking is on: the stored keys sign the call, moto verifies them.
    result = vault(world, "exec", "classmethod", "--no-session", "--", "aws", "sts", "get-caller-identity")
    assert result.returncode == 0, result.stderr
    assert identity(result.stdout) == world["user"].arn


def test_user_session_gives_the_child_temporary_credentials(world):
    world["moto"].set_free_requests(UNCHECKED)
    script = "import os, json; print(json.dumps({k: v for k, v in os.environ.items() if k.startswith('AWS_')}))"
    result = vault(world, "exec", "classmethod", "--", "python3", "-c", script)
    assert result.returncode == 0, result.stderr
    child = json.loads(result.stdout)
    assert child["AWS_ACCESS_KEY_ID"] != world["user"].access_key_id
    assert child["AWS_SESSION_TOKEN"] and child["AWS_SECURITY_TOKEN"] == child["AWS_SESSION_TOKEN"]
    assert child["AWS_CREDENTIAL_EXPIRATION"].endswith("Z")
    assert child["AWS_VAULT"] == "classmethod"
    assert "AWS_PROFILE" not in child
    assert world["moto"].action_count("GetSessionToken") == 1
    # And the AWS CLI runs with them.
    cli = vault(world, "exec", "classmethod", "--", "aws", "sts", "get-caller-identity")
    assert cli.returncode == 0, cli.stderr
    assert world["moto"].action_count("GetSessionToken") == 1, "the second exec reuses the cached session"


def spawn_vault(world, *args):
    env = dict(world["env"])
    return pexpect.spawn(world["bin"], list(args), env=env, encoding="utf-8", timeout=60)


def test_role_asks_for_mfa_once_then_reuses_the_session(world):
    moto = world["moto"]
    share_mfa_session(world)
    moto.set_free_requests(UNCHECKED)
    child = spawn_vault(world, "exec", "myrole1", "--", "aws", "sts", "get-caller-identity")
    child.expect_exact(f"Enter MFA code for {world['mfa']}: ")
    child.sendline("123456")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    assert "assumed-role/r1/cm-user" in child.before
    assert moto.action_count("GetSessionToken") == 1
    gst = [r for r in moto.requests() if r["action"] == "GetSessionToken"][0]
    assert gst["params"]["SerialNumber"] == world["mfa"] and gst["params"]["TokenCode"] == "123456"
    assume = [r for r in moto.requests() if r["action"] == "AssumeRole"][0]
    assert "SerialNumber" not in assume["params"], "the MFA was used once, on GetSessionToken"
    # Second call: no prompt, no STS call at all.
    again = spawn_vault(world, "exec", "myrole1", "--", "aws", "sts", "get-caller-identity")
    again.expect(pexpect.EOF)
    again.close()
    assert again.exitstatus == 0
    assert "Enter MFA code" not in again.before
    assert "assumed-role/r1/cm-user" in again.before
    assert moto.action_count("GetSessionToken") == 1 and moto.action_count("AssumeRole") == 1
    # myrole2 shares the MFA session: no prompt, one more AssumeRole only.
    other = spawn_vault(world, "exec", "myrole2", "--", "aws", "sts", "get-caller-identity")
    other.expect(pexpect.EOF)
    other.close()
    assert "Enter MFA code" not in other.before and "assumed-role/r2/cm-user" in other.before
    assert moto.action_count("GetSessionToken") == 1 and moto.action_count("AssumeRole") == 2


def test_malformed_mfa_code_is_asked_again(world):
    world["moto"].set_free_requests(UNCHECKED)
    child = spawn_vault(world, "export", "myrole1", "--format", "json")
    child.expect_exact("Enter MFA code for ")
    child.sendline("12ab")
    child.expect_exact("6 digits")
    child.expect_exact("Enter MFA code for ")
    child.sendline("654321")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert '"Version": 1' in child.before


def test_boto3_script_runs_unchanged(world):
    world["moto"].set_free_requests(UNCHECKED)
    sample = world["tmp"] / "sample.py"
    sample.write_text(SAMPLE)
    result = vault(world, "exec", "myrole1", "-t", "123456", "--", "python3", str(sample))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "success\n"


def test_credential_process_profile_used_by_the_aws_cli(world):
    world["moto"].set_free_requests(UNCHECKED)
    counter = world["tmp"] / "mfa-runs"
    config = world["home"] / ".aws" / "config"
    config.write_text(config.read_text() + f"""
[profile viavault]
credential_process = {world['bin']} export --format json myrole1
""")
    # credential_process has no terminal to ask on: the code comes from mfa_process.
    text = config.read_text().replace("role_session_name=cm-user", f"role_session_name=cm-user\nmfa_process = echo x >> {counter}; echo 123456")
    config.write_text(text)
    env = dict(world["env"], AWS_PROFILE="viavault")
    import subprocess
    cli = subprocess.run(["aws", "sts", "get-caller-identity"], env=env, capture_output=True, text=True, timeout=60)
    assert cli.returncode == 0, cli.stderr
    assert "assumed-role/r1/cm-user" in cli.stdout
    assert counter.read_text().count("x") == 1


def test_single_flight_sixteen_parallel_exports(world):
    moto = world["moto"]
    moto.set_free_requests(UNCHECKED)
    counter = world["tmp"] / "mfa-runs"
    share_mfa_session(world, mfa_process=f"echo x >> {counter}; echo 123456")
    moto.reset_recording()

    def export(_):
        return vault(world, "export", "--format", "json", "myrole1")

    with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(export, range(16)))
    for r in results:
        assert r.returncode == 0, r.stderr
    outputs = {r.stdout for r in results}
    assert len(outputs) == 1, "all 16 print the same credentials"
    assert counter.read_text().count("x") == 1, "exactly one MFA run"
    assert moto.action_count("GetSessionToken") == 1
    assert moto.action_count("AssumeRole") == 1


def test_cache_reuse_refresh_and_clear(world):
    moto = world["moto"]
    share_mfa_session(world)
    moto.set_free_requests(UNCHECKED)
    first = vault(world, "export", "myrole1", "-t", "123456", "--format", "json")
    assert first.returncode == 0, first.stderr
    calls = len(moto.requests())
    second = vault(world, "export", "myrole1", "--format", "json")
    assert second.returncode == 0 and second.stdout == first.stdout
    assert len(moto.requests()) == calls, "a cached session makes no STS call"
    # A role session with less than AWS_MIN_TTL left is renewed (the 8h MFA session is not).
    renewed = vault(world, "export", "myrole1", "--format", "json", env=dict(world["env"], AWS_MIN_TTL="2h"))
    assert renewed.returncode == 0, renewed.stderr
    assert renewed.stdout != first.stdout
    assert moto.action_count("AssumeRole") == 2 and moto.action_count("GetSessionToken") == 1
    listing = vault(world, "list")
    assert "GetSessionToken 7h59m" in listing.stdout or "GetSessionToken 8h0m" in listing.stdout
    assert "AssumeRole" in listing.stdout
    cleared = vault(world, "clear")
    assert cleared.returncode == 0 and "cleared 2 sessions" in cleared.stderr  # the renewed role session replaced the old one
    assert "GetSessionToken" not in vault(world, "list").stdout


def test_sessions_shared_across_processes_in_secret_service(world, secret_service):
    share_mfa_session(world)
    world["moto"].set_free_requests(UNCHECKED)
    env = dict(world["env"], **secret_service.env)
    env.pop("AWS_VAULT_BACKEND")
    env["AWS_VAULT_BACKEND"] = "secret-service"
    user = world["user"]
    added = run_vault(world["bin"], ["add", "classmethod", "--env", "--no-add-config"],
                      dict(env, AWS_ACCESS_KEY_ID=user.access_key_id, AWS_SECRET_ACCESS_KEY=user.secret_access_key))
    assert added.returncode == 0, added.stderr
    first = run_vault(world["bin"], ["export", "myrole1", "-t", "123456", "--format", "json"], env)
    assert first.returncode == 0, first.stderr
    second = run_vault(world["bin"], ["export", "myrole1", "--format", "json"], env)
    assert second.stdout == first.stdout
    assert world["moto"].action_count("GetSessionToken") == 1
    listing = run_vault(world["bin"], ["list"], env)
    assert "GetSessionToken" in listing.stdout and "AssumeRole" in listing.stdout, listing.stdout
    # The file store of the same HOME holds none of them: they went to the Secret Service.
    file_listing = vault(world, "list")
    assert "AssumeRole" not in file_listing.stdout


def test_nesting_is_refused(world):
    result = vault(world, "exec", "classmethod", "--", "true", env=dict(world["env"], AWS_VAULT="prod"))
    assert result.returncode != 0 and result.stdout == ""
    assert "already in a vault environment for profile 'prod'" in result.stderr


def test_exit_status_is_passed_through(world):
    world["moto"].set_free_requests(UNCHECKED)
    result = vault(world, "exec", "classmethod", "--", "sh", "-c", "exit 7")
    assert result.returncode == 7


def test_nothing_on_stdout_on_failure(world):
    for args in (["export", "nope"], ["exec", "nope", "--", "true"], ["export", "classmethod", "--format", "yaml"],
                 ["exec", "classmethod", "-d", "forever", "--", "true"]):
        result = vault(world, *args)
        assert result.returncode != 0, args
        assert result.stdout == "", args
        assert result.stderr.startswith("vault: ") and result.stderr.count("\n") == 1, (args, result.stderr)


def test_no_terminal_error_names_the_ways_out(world):
    world["moto"].set_free_requests(UNCHECKED)
    result = vault(world, "export", "myrole1")  # run_vault gives no terminal (no controlling tty)
    assert result.returncode != 0 and result.stdout == ""
    assert "--mfa-token" in result.stderr and "mfa_process" in result.stderr


def test_store_files_are_private(world):
    keys = world["home"] / ".local" / "share" / "vault" / "keys"
    assert stat.S_IMODE(keys.stat().st_mode) == 0o700
    for f in keys.iterdir():
        assert stat.S_IMODE(f.stat().st_mode) == 0o600
        assert world["user"].secret_access_key.encode() not in f.read_bytes()


def test_role_longer_than_an_hour_is_assumed_from_the_keys(world):
    moto = world["moto"]
    share_mfa_session(world)  # even then: a single role over 1h is not assumed from a session
    moto.set_free_requests(UNCHECKED)
    result = vault(world, "exec", "myrole1", "-d", "2h", "-t", "123456", "--", "aws", "sts", "get-caller-identity")
    assert result.returncode == 0, result.stderr
    assert moto.action_count("GetSessionToken") == 0, "STS caps roles assumed from a session at 1h"
    assume = [r for r in moto.requests() if r["action"] == "AssumeRole"][0]
    assert assume["params"]["DurationSeconds"] == "7200"
    assert assume["params"]["SerialNumber"] == world["mfa"] and assume["params"]["TokenCode"] == "123456"


def test_credential_process_as_a_source_and_role_from_the_environment(world, tmp_path):
    moto = world["moto"]
    moto.set_free_requests(UNCHECKED)
    user = world["user"]
    script = tmp_path / "creds.sh"
    script.write_text(f"""#!/bin/sh
printf '{{"Version": 1, "AccessKeyId": "{user.access_key_id}", "SecretAccessKey": "{user.secret_access_key}"}}'
""")
    script.chmod(0o700)
    config = world["home"] / ".aws" / "config"
    config.write_text(config.read_text() + f"\n[profile proc]\ncredential_process = {script}\n"
                                           f"[profile proc-role]\nsource_profile = proc\nrole_arn = {world['role1']}\n")
    result = vault(world, "exec", "proc-role", "--", "aws", "sts", "get-caller-identity")
    assert result.returncode == 0, result.stderr
    assert "assumed-role/r1/" in result.stdout
    # AWS_ROLE_ARN / AWS_ROLE_SESSION_NAME apply to the target profile, as in aws-vault.
    env = dict(world["env"], AWS_ROLE_ARN=world["role1"].replace("r1", "r2"), AWS_ROLE_SESSION_NAME="from-env")
    result = vault(world, "exec", "proc-role", "--", "aws", "sts", "get-caller-identity", env=env)
    assert result.returncode == 0, result.stderr
    assert "assumed-role/r2/from-env" in result.stdout
    broken = tmp_path / "broken.sh"
    broken.write_text("#!/bin/sh\necho oops >&2\nexit 3\n")
    broken.chmod(0o700)
    config.write_text(config.read_text() + f"\n[profile bad]\ncredential_process = {broken}\n")
    failed = vault(world, "export", "bad")
    assert failed.returncode != 0 and failed.stdout == ""
    assert "exited with status 3: oops" in failed.stderr


def test_a_damaged_cached_session_is_dropped_with_a_warning_and_fetched_again(world):
    world["moto"].set_free_requests(UNCHECKED)
    assert vault(world, "exec", "classmethod", "--", "true").returncode == 0
    directory = pathlib.Path(world["env"]["XDG_DATA_HOME"]) / "vault" / "keys"
    sessions = [p for p in directory.glob("*.item") if b"sts.GetSessionToken" in base64.urlsafe_b64decode(p.stem + "==")]
    assert len(sessions) == 1
    sessions[0].write_bytes(sessions[0].read_bytes()[:30] + b"\x00garbage")
    result = vault(world, "exec", "classmethod", "--", "true")
    assert result.returncode == 0, result.stderr
    assert "dropped the damaged cached session" in result.stderr and "classmethod" in result.stderr
    assert world["moto"].action_count("GetSessionToken") == 2
    again = vault(world, "exec", "classmethod", "--", "true")  # the new session is used; no warning
    assert again.returncode == 0 and again.stderr == ""
    assert world["moto"].action_count("GetSessionToken") == 2
