"""SSO profiles in the credential chain: `vault exec`/`export` against the
model-checked stand-in (Tests/fixtures/sso.py), roles chained on top assumed
at moto, the result cached in vault's session cache with one caller at a
time, and what doctor, config show, rotate and list say about them.
"""
import json
import os
import subprocess

import pytest

from conftest import run_vault
from test_sso import ACCOUNT, AWS, ROLE, _approving, _config, _expire_cached_access_token

ROLE_ARN = "arn:aws:iam::123456789012:role/on-sso"


@pytest.fixture
def world(sso, base_env, home, tmp_path):
    sso.add_account(ACCOUNT, "dev", roles=["ReadOnly", ROLE])
    (home / ".aws" / "config").write_text(
        _config(sso) + f"\n[profile admin]\nsource_profile = dev\nrole_arn = {ROLE_ARN}\n")
    env = dict(base_env, **sso.cli_env(tmp_path / "aws-data"), AWS_VAULT_BACKEND="file",
               AWS_VAULT_FILE_PASSPHRASE="sso-chain-pass")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER"):
        env.pop(name, None)
    return {"env": env, "home": home, "sso": sso}


def login(vault_bin, world):
    done = _approving([vault_bin, "sso", "login", "dev", "--no-browser"], world["env"], world["sso"], "stderr")
    assert done.returncode == 0, done.stderr


def vault(vault_bin, world, *args, env=None):
    return run_vault(vault_bin, list(args), dict(world["env"], **(env or {})))


def exported(result) -> dict:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_export_and_exec_hand_out_the_sso_role_credentials_fetched_once(vault_bin, world):
    sso = world["sso"]
    login(vault_bin, world)
    issued = exported(vault(vault_bin, world, "export", "dev", "--format", "json"))
    assert issued["AccessKeyId"] == sso.issued[(ACCOUNT, ROLE)]["accessKeyId"]
    assert issued["SessionToken"] == sso.issued[(ACCOUNT, ROLE)]["sessionToken"]
    assert sso.counts["GetRoleCredentials"] == 1

    shown = vault(vault_bin, world, "exec", "dev", "--", "sh", "-c", 'printf "%s %s" "$AWS_ACCESS_KEY_ID" "$AWS_VAULT"')
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout == f"{issued['AccessKeyId']} dev"
    env_out = vault(vault_bin, world, "export", "dev")
    assert f"AWS_ACCESS_KEY_ID={issued['AccessKeyId']}" in env_out.stdout
    # Both answered from vault's session cache, under aws-vault's name for it.
    assert sso.counts["GetRoleCredentials"] == 1
    listed = json.loads(vault(vault_bin, world, "list", "--json").stdout)
    dev = next(row for row in listed if row["profile"] == "dev")
    assert dev["kind"] == "sso" and dev["sessions"][0].startswith("GetRoleCredentials ")
    assert next(row for row in listed if row["profile"] == "admin")["kind"] == "sso + role"


def test_a_token_from_the_aws_cli_serves_vault_exec(vault_bin, world):
    if not os.access(AWS, os.X_OK):
        pytest.skip("Debian's awscli is not installed (scripts/bootstrap --test installs it)")
    sso = world["sso"]
    cli = _approving([AWS, "sso", "login", "--profile", "dev", "--no-browser"], world["env"], sso, "stdout")
    assert cli.returncode == 0, cli.stderr
    before = dict(sso.counts)
    shown = vault(vault_bin, world, "exec", "dev", "--", "sh", "-c", 'printf %s "$AWS_SESSION_TOKEN"')
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout == sso.issued[(ACCOUNT, ROLE)]["sessionToken"]
    assert {op: n - before.get(op, 0) for op, n in sso.counts.items() if n != before.get(op, 0)} == {"GetRoleCredentials": 1}


def test_sixteen_parallel_exports_make_one_refresh_and_one_get_role_credentials(vault_bin, world):
    sso = world["sso"]
    login(vault_bin, world)
    _expire_cached_access_token(world | {"cache": world["home"] / ".aws" / "sso" / "cache"})
    sso.calls.clear()
    before = dict(sso.counts)
    processes = [subprocess.Popen([vault_bin, "export", "dev", "--format", "json"], env=world["env"],
                                  stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(16)]
    results = [(p.communicate(timeout=120), p.returncode) for p in processes]
    assert all(code == 0 for _, code in results), [err for (_, err), _ in results]
    keys = {json.loads(out)["AccessKeyId"] for (out, _), _ in results}
    assert keys == {sso.issued[(ACCOUNT, ROLE)]["accessKeyId"]}
    assert [c[0] for c in sso.calls] == ["CreateToken", "GetRoleCredentials"], sso.calls
    assert sso.counts["StartDeviceAuthorization"] == before["StartDeviceAuthorization"]


def test_without_a_terminal_or_browser_vault_says_to_sign_in_instead_of_waiting(vault_bin, world):
    sso = world["sso"]
    # A new session: no controlling terminal, as for credential_process run by an SDK.
    result = subprocess.run([vault_bin, "export", "dev", "--format", "json"], env=world["env"], stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, timeout=60, start_new_session=True)
    assert result.returncode != 0 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("vault: ") and "vault sso login --sso-session corp" in lines[0], result.stderr
    assert sso.counts["StartDeviceAuthorization"] == 0 and sso.counts["GetRoleCredentials"] == 0


def test_a_role_on_an_sso_profile_is_assumed_at_sts_with_the_sso_credentials(vault_bin, world, moto):
    sso = world["sso"]
    moto.create_role("on-sso", trust='{"Version":"2012-10-17","Statement":[{"Effect":"Allow",'
                                      '"Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}')
    login(vault_bin, world)
    # moto cannot check a signature made with credentials it did not issue.
    moto.set_free_requests(10**9)
    moto.reset_recording()
    env = moto.endpoint_env()
    issued = exported(vault(vault_bin, world, "export", "admin", "--format", "json", env=env))
    sso_key = sso.issued[(ACCOUNT, ROLE)]["accessKeyId"]
    assert issued["AccessKeyId"] != sso_key
    calls = moto.sts_calls()
    assert [(c["call"], c["role_arn"], c["duration_seconds"]) for c in calls] == [("AssumeRole", ROLE_ARN, 3600)]
    # Signed with the role credentials IAM Identity Center gave, not with any stored key.
    authorization = next(r for r in moto.requests() if r["action"] == "AssumeRole")["headers"]["Authorization"]
    assert f"Credential={sso_key}/" in authorization
    again = exported(vault(vault_bin, world, "export", "admin", "--format", "json", env=env))
    assert again["AccessKeyId"] == issued["AccessKeyId"] and len(moto.sts_calls()) == 1
    assert sso.counts["GetRoleCredentials"] == 1


def test_doctor_says_it_is_sso_and_what_to_do(vault_bin, world):
    before = vault(vault_bin, world, "doctor", "dev")
    assert before.returncode != 0
    assert "IAM Identity Center GetRoleCredentials 111111111111/Admin of 'dev'" in before.stdout + before.stderr
    assert "not signed in to IAM Identity Center (sso-session corp)" in before.stdout + before.stderr
    assert "vault sso login --sso-session corp" in before.stdout + before.stderr
    assert "vault add" not in before.stdout + before.stderr
    login(vault_bin, world)
    after = vault(vault_bin, world, "doctor", "dev")
    text = after.stdout + after.stderr
    assert "signed in to sso-session corp, valid until" in text and "refresh token" in text, text
    _expire_cached_access_token(world | {"cache": world["home"] / ".aws" / "sso" / "cache"})
    expired = vault(vault_bin, world, "doctor", "dev")
    assert "vault renews it with its refresh token at next use" in expired.stdout + expired.stderr


def test_config_show_shows_the_sso_step(vault_bin, world):
    text = vault(vault_bin, world, "config", "show", "admin")
    assert text.returncode == 0, text.stderr
    assert "1. IAM Identity Center GetRoleCredentials 111111111111/Admin of 'dev' (sso-session corp)" in text.stdout
    assert f"2. AssumeRole {ROLE_ARN} 3600s [profile admin]" in text.stdout
    shown = json.loads(vault(vault_bin, world, "config", "show", "admin", "--json").stdout)
    assert shown["chain"] == ["admin", "dev"]
    source = shown["plan"]["source"]
    assert source == {"kind": "sso", "profile": "dev", "call": "GetRoleCredentials", "account_id": ACCOUNT,
                      "role_name": ROLE, "sso_session": "corp", "start_url": world["sso"].start_url,
                      "sso_region": "us-east-1"}


def test_rotate_says_an_sso_profile_has_no_key(vault_bin, world):
    for profile in ("dev", "admin"):
        result = vault(vault_bin, world, "rotate", profile)
        assert result.returncode != 0 and result.stdout == ""
        assert result.stderr.strip() == ("vault: no long-term key to rotate for an SSO profile: profile 'dev' gets "
                                         "short-lived credentials from IAM Identity Center")


def test_console_login_signs_in_with_the_sso_role_credentials(vault_bin, world, federation):
    sso = world["sso"]
    login(vault_bin, world)
    result = vault(vault_bin, world, "login", "dev", "--stdout", env={"VAULT_FEDERATION_ENDPOINT": federation.url})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(federation.url + "?")
    assert len(federation.requests) == 1
    session = federation.requests[0]["session"]
    issued = sso.issued[(ACCOUNT, ROLE)]
    # Role credentials sign in as they are: no GetFederationToken, no long-term key anywhere.
    assert session == {"sessionId": issued["accessKeyId"], "sessionKey": issued["secretAccessKey"],
                       "sessionToken": issued["sessionToken"]}
    assert issued["secretAccessKey"] not in result.stdout + result.stderr
