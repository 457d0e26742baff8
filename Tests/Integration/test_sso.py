"""IAM Identity Center (SSO): vault, the Debian AWS CLI v2 and boto3 against
the model-checked stand-in (Tests/fixtures/sso.py), sharing one token cache.

Every test ends with the stand-in's check that no request broke botocore's
service models.
"""
import hashlib
import json
import os
import pathlib
import re
import subprocess
import sys
import time
import urllib.request

import botocore.session
import pytest

from conftest import run_vault

AWS = "/usr/bin/aws"  # Debian's AWS CLI v2 (pip's `aws` is v1, which has no `sso login`)
ACCOUNT, ROLE = "111111111111", "Admin"
CODE = re.compile(r"\b([0-9A-F]{4}-[0-9A-F]{4})\b")


def _config(sso, session_extra: str = "") -> str:
    return (f"[profile dev]\nsso_session = corp\nsso_account_id = {ACCOUNT}\nsso_role_name = {ROLE}\nregion = eu-west-1\n\n"
            f"[sso-session corp]\nsso_start_url = {sso.start_url}\nsso_region = us-east-1\n{session_extra}")


@pytest.fixture
def world(sso, base_env, home, tmp_path):
    """A config with an SSO profile and an environment pointing vault, aws and boto3 at the stand-in."""
    if not os.access(AWS, os.X_OK):
        pytest.skip("Debian's awscli is not installed (scripts/bootstrap --test installs it)")
    sso.add_account(ACCOUNT, "dev", roles=["ReadOnly", ROLE])
    (home / ".aws" / "config").write_text(_config(sso, "sso_registration_scopes = sso:account:access\n"))
    env = dict(base_env, **sso.cli_env(tmp_path / "aws-data"))
    return {"env": env, "home": home, "cache": home / ".aws" / "sso" / "cache", "sso": sso}


def _approving(argv, env, sso, stream: str, timeout: float = 90) -> subprocess.CompletedProcess:
    """Runs a sign-in, reads the user code it shows on `stream` and approves that code, as the person would."""
    process = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    shown = ""
    source = process.stderr if stream == "stderr" else process.stdout
    for line in source:
        shown += line
        match = CODE.search(line)
        if match:
            assert sso.approve(match.group(1)) == 1, f"the code shown ({match.group(1)}) is not pending"
            break
    out, err = process.communicate(timeout=timeout)
    if stream == "stderr":
        err = shown + err
    else:
        out = shown + out
    return subprocess.CompletedProcess(argv, process.returncode, out, err)


def _vault_login(vault_bin, world, *args):
    return _approving([vault_bin, "sso", "login", *args, "--no-browser"], world["env"], world["sso"], "stderr")


def _token_file(world) -> pathlib.Path:
    # botocore's name: sha1 of the session name.
    return world["cache"] / (hashlib.sha1(b"corp").hexdigest() + ".json")


def _credentials(vault_bin, world, profile="dev", *extra):
    return run_vault(vault_bin, ["sso", "credentials", profile, *extra], world["env"])


def _expire_cached_access_token(world):
    path = _token_file(world)
    token = json.loads(path.read_text())
    token["expiresAt"] = "2001-01-01T00:00:00Z"
    path.write_text(json.dumps(token))
    world["sso"].expire_access_tokens()


def test_the_stand_in_refuses_requests_the_models_do_not_allow(sso):
    def post(path, body, headers=None):
        request = urllib.request.Request(sso.url + path, data=json.dumps(body).encode(), method="POST",
                                         headers={"Content-Type": "application/json", **(headers or {})})
        try:
            return urllib.request.urlopen(request).status
        except urllib.error.HTTPError as error:
            return error.code

    def get(path, headers=None):
        try:
            return urllib.request.urlopen(urllib.request.Request(sso.url + path, headers=headers or {})).status
        except urllib.error.HTTPError as error:
            return error.code

    assert post("/client/register", {"clientName": "x"}) == 400                      # clientType required
    assert post("/client/register", {"clientName": "x", "clientType": "public", "scopes": "a"}) == 400  # list
    assert post("/client/register", {"clientName": "x", "clientType": "public", "colour": "red"}) == 400
    assert post("/client/register", {"clientName": "x", "clientType": "public"},
                {"Authorization": "AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20261201/us-east-1/sso-oauth/aws4_request"}) == 400        # noAuth: never signed
    assert get(f"/federation/credentials?account_id={ACCOUNT}&role_name=R") == 400     # no bearer header
    assert get("/assignment/accounts?max_result=500", {"x-amz-sso_bearer_token": "t"}) == 400  # max 100
    assert get("/assignment/accounts?colour=red", {"x-amz-sso_bearer_token": "t"}) == 400
    assert post("/nowhere", {}) == 400
    assert len(sso.violations) == 8 and sum(sso.counts.values()) == 0
    assert post("/client/register", {"clientName": "x", "clientType": "public"}) == 200
    sso.violations.clear()


def test_a_token_from_aws_sso_login_is_used_by_vault(vault_bin, world):
    sso = world["sso"]
    cli = _approving([AWS, "sso", "login", "--profile", "dev", "--no-browser"], world["env"], sso, "stdout")
    assert cli.returncode == 0, cli.stderr
    assert _token_file(world).exists()
    after_cli = dict(sso.counts)

    result = _credentials(vault_bin, world, "dev", "--no-sign-in")
    assert result.returncode == 0, result.stderr
    issued = json.loads(result.stdout)
    assert issued["AccessKeyId"] == sso.issued[(ACCOUNT, ROLE)]["accessKeyId"]
    assert issued["SessionToken"] == sso.issued[(ACCOUNT, ROLE)]["sessionToken"]
    # The CLI's sign-in was the only one; vault made no token call of its own.
    assert after_cli["StartDeviceAuthorization"] == 1
    assert {op: n - after_cli.get(op, 0) for op, n in sso.counts.items() if n != after_cli.get(op, 0)} == {"GetRoleCredentials": 1}


def test_a_token_vault_wrote_is_used_by_the_aws_cli_and_boto3(vault_bin, world):
    sso = world["sso"]
    login = _vault_login(vault_bin, world, "dev")
    assert login.returncode == 0, login.stderr
    assert login.stdout == ""
    path = _token_file(world)
    assert path.stat().st_mode & 0o777 == 0o600 and world["cache"].stat().st_mode & 0o777 == 0o700
    token = json.loads(path.read_text())
    assert set(token) == {"startUrl", "region", "accessToken", "expiresAt", "clientId", "clientSecret",
                          "registrationExpiresAt", "refreshToken"}
    assert token["accessToken"] not in login.stderr and token["refreshToken"] not in login.stderr

    cli = subprocess.run([AWS, "configure", "export-credentials", "--profile", "dev"], env=world["env"],
                         capture_output=True, text=True, timeout=60)
    assert cli.returncode == 0, cli.stderr
    assert json.loads(cli.stdout)["AccessKeyId"] == sso.issued[(ACCOUNT, ROLE)]["accessKeyId"]

    # boto3 reads ~/.aws/sso/cache at import, so it runs in a process with this HOME.
    script = "import boto3; print(boto3.Session(profile_name='dev').get_credentials().access_key)"
    boto = subprocess.run([sys.executable, "-c", script], env=world["env"], capture_output=True, text=True, timeout=60)
    assert boto.returncode == 0, boto.stderr
    assert boto.stdout.strip() == sso.issued[(ACCOUNT, ROLE)]["accessKeyId"]
    assert sso.counts["StartDeviceAuthorization"] == 1 and sso.counts["GetRoleCredentials"] == 2


def test_an_expired_access_token_is_renewed_with_the_refresh_token_alone(vault_bin, world):
    sso = world["sso"]
    assert _vault_login(vault_bin, world, "dev").returncode == 0
    _expire_cached_access_token(world)
    before = dict(sso.counts)
    sso.calls.clear()

    result = _credentials(vault_bin, world, "dev", "--no-sign-in")
    assert result.returncode == 0, result.stderr
    token_calls = [c for c in sso.calls if c[0] in ("CreateToken", "StartDeviceAuthorization", "RegisterClient")]
    assert token_calls == [("CreateToken", {"grantType": "refresh_token"})]
    assert sso.counts["StartDeviceAuthorization"] == before["StartDeviceAuthorization"]
    # The renewed token is in the shared cache: the AWS CLI uses it as it is.
    renewed = json.loads(_token_file(world).read_text())
    assert renewed["expiresAt"] > "2026" and renewed["accessToken"] in {t for t in sso.access_tokens
                                                                        if not sso.access_tokens[t]["expired"]}
    cli = subprocess.run([AWS, "configure", "export-credentials", "--profile", "dev"], env=world["env"],
                         capture_output=True, text=True, timeout=60)
    assert cli.returncode == 0, cli.stderr
    assert sso.counts["CreateToken"] == before["CreateToken"] + 1


def test_with_both_tokens_expired_vault_signs_in_again_or_says_to(vault_bin, world):
    sso = world["sso"]
    assert _vault_login(vault_bin, world, "dev").returncode == 0
    _expire_cached_access_token(world)
    sso.expire_refresh_tokens()

    refused = _credentials(vault_bin, world, "dev", "--no-sign-in")
    assert refused.returncode != 0 and refused.stdout == ""
    assert refused.stderr == ("vault: the IAM Identity Center refresh token for sso-session corp has expired or was revoked; "
                              "run `vault sso login --sso-session corp`\n")

    before = dict(sso.counts)
    result = _approving([vault_bin, "sso", "credentials", "dev", "--no-browser"], world["env"], sso, "stderr")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["AccessKeyId"] == sso.issued[(ACCOUNT, ROLE)]["accessKeyId"]
    assert sso.counts["StartDeviceAuthorization"] == before["StartDeviceAuthorization"] + 1
    assert sso.counts["RegisterClient"] == before["RegisterClient"]  # the cached registration is reused


def test_a_profile_without_scopes_gets_the_default_scope_and_so_a_refresh_token(vault_bin, world):
    sso = world["sso"]
    (world["home"] / ".aws" / "config").write_text(_config(sso))
    assert _vault_login(vault_bin, world, "--sso-session", "corp").returncode == 0
    client = next(iter(sso.clients.values()))
    assert client["scopes"] == ["sso:account:access"]
    assert "refreshToken" in json.loads(_token_file(world).read_text())
    # botocore's registration file name for these scopes, so the AWS CLI can reuse it.
    key = json.dumps({"tool": "botocore", "startUrl": sso.start_url, "region": "us-east-1",
                      "scopes": ["sso:account:access"], "session_name": "corp"}, sort_keys=True)
    registration = world["cache"] / (hashlib.sha1(key.encode()).hexdigest() + ".json")
    assert json.loads(registration.read_text())["clientId"] == next(iter(sso.clients))


def test_slow_down_lengthens_the_polling_interval_by_five_seconds(vault_bin, world):
    sso = world["sso"]
    sso.slow_downs = 1
    stamps = []
    original = sso._CreateToken

    def recording(params):
        stamps.append(time.monotonic())
        return original(params)

    sso._CreateToken = recording
    login = _vault_login(vault_bin, world, "dev")
    assert login.returncode == 0, login.stderr
    # The poll after slow_down waits interval (1 s) + 5 s: a lower bound, which a slow machine cannot break.
    assert len(stamps) >= 2 and stamps[1] - stamps[0] >= 6


def test_a_device_code_that_expires_ends_the_sign_in(vault_bin, world):
    sso = world["sso"]
    process = subprocess.Popen([vault_bin, "sso", "login", "dev", "--no-browser"], env=world["env"],
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for line in process.stderr:
        if CODE.search(line):
            sso.expire_device_codes()
            break
    out, err = process.communicate(timeout=60)
    assert process.returncode != 0 and out == ""
    assert "expired before it was approved; run `vault sso login --sso-session corp` again" in err
    assert not _token_file(world).exists()


def test_a_wrong_start_url_is_named_with_where_it_is_set(vault_bin, world):
    config = world["home"] / ".aws" / "config"
    config.write_text(_config(world["sso"]).replace(world["sso"].start_url, "https://d-0000000000.awsapps.com/start"))
    result = run_vault(vault_bin, ["sso", "login", "dev", "--no-browser"], world["env"])
    assert result.returncode != 0 and result.stdout == ""
    assert f"refused the start URL https://d-0000000000.awsapps.com/start ({config}:8)" in result.stderr
    assert "check sso_start_url" in result.stderr


@pytest.mark.parametrize("text, where, what", [
    ("[profile dev]\nsso_session = corp\nsso_account_id = 111111111111\nsso_role_name = Admin\n"
     "[sso-session corp]\nsso_start_url = https://x.awsapps.com/start\n", 5, "[sso-session corp] lacks sso_region"),
    ("[profile dev]\nsso_session = nope\nsso_account_id = 111111111111\nsso_role_name = Admin\n", 2,
     "there is no [sso-session nope]"),
    ("[profile dev]\nsso_start_url = https://x.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 111111111111\n",
     1, "profile 'dev' uses IAM Identity Center but lacks sso_role_name"),
    ("[profile dev]\nsso_start_url = https://x.awsapps.com/start\nsso_account_id = 111111111111\nsso_role_name = A\n",
     1, "profile 'dev' uses IAM Identity Center but lacks sso_region"),
])
def test_incomplete_sso_config_is_an_error_at_its_line(vault_bin, world, text, where, what):
    config = world["home"] / ".aws" / "config"
    config.write_text(text)
    result = _credentials(vault_bin, world, "dev", "--no-sign-in")
    assert result.returncode != 0 and result.stdout == ""
    assert result.stderr.startswith(f"vault: {config}:{where}: {what}"), result.stderr
    assert result.stderr.count("\n") == 1


def test_a_role_the_user_lost_says_so(vault_bin, world):
    sso = world["sso"]
    assert _vault_login(vault_bin, world, "dev").returncode == 0
    sso.revoke_role(ACCOUNT, ROLE)
    result = _credentials(vault_bin, world, "dev", "--no-sign-in")
    assert result.returncode != 0 and result.stdout == ""
    assert f"ForbiddenException: IAM Identity Center gives you no role Admin in account {ACCOUNT} (profile dev)" in result.stderr
    assert "vault sso populate --dry-run" in result.stderr


def test_logout_ends_the_session_and_deletes_the_token(vault_bin, world):
    sso = world["sso"]
    assert _vault_login(vault_bin, world, "dev").returncode == 0
    assert sso.valid_access_tokens() == 1
    result = run_vault(vault_bin, ["sso", "logout", "dev"], world["env"])
    assert result.returncode == 0, result.stderr
    assert sso.counts["Logout"] == 1 and sso.valid_access_tokens() == 0
    assert not _token_file(world).exists()
    assert "signed out of sso-session corp" in result.stderr
    again = run_vault(vault_bin, ["sso", "logout", "dev"], world["env"])
    assert again.returncode == 0 and "nothing to do" in again.stderr and sso.counts["Logout"] == 1


def test_logout_says_what_it_could_not_revoke(vault_bin, world):
    sso = world["sso"]
    assert _vault_login(vault_bin, world, "dev").returncode == 0
    _expire_cached_access_token(world)
    result = run_vault(vault_bin, ["sso", "logout"], world["env"])
    assert result.returncode == 0, result.stderr
    assert sso.counts["Logout"] == 0 and not _token_file(world).exists()
    assert "could not revoke it: the access token had already expired; its refresh token has no revocation call" in result.stderr


def test_populate_writes_a_profile_per_account_and_role(vault_bin, world):
    sso = world["sso"]
    sso.accounts.clear()
    sso.roles.clear()
    for account, name in (("111111111111", "dev"), ("222222222222", "Prod Main"), ("333333333333", "audit")):
        sso.add_account(account, name, roles=["ReadOnly", "Admin"])
    sso.page_size = 1  # every listing takes several pages
    config = world["home"] / ".aws" / "config"
    existing = ("[profile mine]\nregion = eu-central-1\noutput = json\n\n"
                "[profile sso-audit-Admin]\nregion = us-west-2\n\n"
                f"[sso-session corp]\nsso_start_url = {sso.start_url}\nsso_region = us-east-1\n")
    config.write_text(existing)
    mode = config.stat().st_mode & 0o777
    assert _vault_login(vault_bin, world, "--sso-session", "corp").returncode == 0

    dry = run_vault(vault_bin, ["sso", "populate", "--prefix", "sso-", "--dry-run"], world["env"])
    assert dry.returncode == 0, dry.stderr
    assert config.read_text() == existing
    assert sso.counts["ListAccounts"] == 3 and sso.counts["ListAccountRoles"] == 6  # 3 pages; 2 pages per account

    result = run_vault(vault_bin, ["sso", "populate", "--prefix", "sso-"], world["env"])
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    text = config.read_text()
    assert text.startswith(existing) and config.stat().st_mode & 0o777 == mode
    # The dry run's diff is exactly the change made.
    patched = config.parent / "config.patched"
    patched.write_text(existing)
    subprocess.run(["patch", "-s", str(patched)], input=dry.stdout, text=True, check=True)
    assert patched.read_text() == text

    session = botocore.session.Session()
    session.set_config_variable("config_file", str(config))
    profiles = session.full_config["profiles"]
    new = {"sso-dev-ReadOnly", "sso-dev-Admin", "sso-Prod-Main-ReadOnly", "sso-Prod-Main-Admin",
           "sso-audit-ReadOnly", "sso-audit-Admin-333333333333"}  # sso-audit-Admin was taken
    assert set(profiles) == new | {"mine", "sso-audit-Admin"}
    assert profiles["sso-Prod-Main-Admin"] == {"sso_session": "corp", "sso_account_id": "222222222222",
                                              "sso_role_name": "Admin"}
    assert profiles["sso-audit-Admin"] == {"region": "us-west-2"}
    assert profiles["mine"] == {"region": "eu-central-1", "output": "json"}
    assert "added 6 profiles" in result.stderr

    # A second run finds every pair set up already and writes nothing.
    again = run_vault(vault_bin, ["sso", "populate", "--prefix", "sso-"], world["env"])
    assert again.returncode == 0 and config.read_text() == text
    assert "added 0 profiles" in again.stderr and "left sso-dev-Admin alone: already set up" in again.stderr

    # A populated profile works with vault and with the AWS CLI.
    creds = _credentials(vault_bin, world, "sso-Prod-Main-ReadOnly", "--no-sign-in")
    assert creds.returncode == 0, creds.stderr
    assert json.loads(creds.stdout)["AccessKeyId"] == sso.issued[("222222222222", "ReadOnly")]["accessKeyId"]
    cli = subprocess.run([AWS, "configure", "export-credentials", "--profile", "sso-audit-Admin-333333333333"],
                         env=world["env"], capture_output=True, text=True, timeout=60)
    assert cli.returncode == 0, cli.stderr
    assert json.loads(cli.stdout)["AccessKeyId"] == sso.issued[("333333333333", "Admin")]["accessKeyId"]


def test_populate_writes_through_a_symlinked_config(vault_bin, world, tmp_path):
    config = world["home"] / ".aws" / "config"
    real = tmp_path / "dotfiles" / "aws-config"
    real.parent.mkdir()
    real.write_text(config.read_text())
    config.unlink()
    config.symlink_to(real)
    assert _vault_login(vault_bin, world, "dev").returncode == 0
    result = run_vault(vault_bin, ["sso", "populate"], world["env"])
    assert result.returncode == 0, result.stderr
    assert config.is_symlink() and "[profile dev-ReadOnly]" in real.read_text()


def test_parallel_callers_make_one_refresh(vault_bin, world):
    sso = world["sso"]
    assert _vault_login(vault_bin, world, "dev").returncode == 0
    _expire_cached_access_token(world)
    sso.calls.clear()
    argv = [vault_bin, "sso", "credentials", "dev", "--no-sign-in"]
    processes = [subprocess.Popen(argv, env=world["env"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for _ in range(8)]
    results = [(p.communicate(timeout=120), p.returncode) for p in processes]
    assert all(code == 0 for _, code in results), [err for (_, err), _ in results]
    # Refresh tokens rotate: a second refresh with the same one would fail and force a sign-in.
    assert [c for c in sso.calls if c[0] != "GetRoleCredentials"] == [("CreateToken", {"grantType": "refresh_token"})]


def test_parallel_populates_lose_nothing(vault_bin, world):
    sso = world["sso"]
    config = world["home"] / ".aws" / "config"
    sessions = [f"team{i}" for i in range(6)]
    config.write_text("".join(f"[sso-session {name}]\nsso_start_url = {sso.start_url}\nsso_region = us-east-1\n\n"
                              for name in sessions))
    for name in sessions:
        assert _vault_login(vault_bin, world, "--sso-session", name).returncode == 0
    processes = [subprocess.Popen([vault_bin, "sso", "populate", "--sso-session", name, "--prefix", name + "-"],
                                  env=world["env"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for name in sessions]
    for p in processes:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    session = botocore.session.Session()
    session.set_config_variable("config_file", str(config))
    # Every run's two profiles are there: none overwrote another's append.
    assert set(session.full_config["profiles"]) == {f"{n}-dev-{r}" for n in sessions for r in ("ReadOnly", "Admin")}
    assert set(session.full_config["sso_sessions"]) == set(sessions)
    assert not list(config.parent.glob(".vault-*"))


def test_login_opens_the_browser_on_the_url_with_the_code(vault_bin, world, tmp_path):
    sso = world["sso"]
    opened = tmp_path / "opened"
    browser = tmp_path / "browser"
    browser.write_text(f"#!/bin/sh\nprintf '%s' \"$1\" > {opened}\n")
    browser.chmod(0o755)
    env = dict(world["env"], BROWSER=str(browser))
    process = subprocess.Popen([vault_bin, "sso", "login", "dev"], env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    shown = ""
    for line in process.stderr:
        shown += line
        if CODE.search(line):
            break
    url = opened.read_text()
    code = CODE.search(shown).group(1)
    assert url == f"{sso.url}/start/#/device?user_code={code}"
    assert sso.approve(code) == 1
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0 and out == "", err
    assert "in the browser (" in shown and _token_file(world).exists()


def test_no_browser_never_starts_one(vault_bin, world, tmp_path):
    marker = tmp_path / "browser-ran"
    browser = tmp_path / "browser"
    browser.write_text(f"#!/bin/sh\ntouch {marker}\n")
    browser.chmod(0o755)
    world["env"]["BROWSER"] = str(browser)
    assert _vault_login(vault_bin, world, "dev").returncode == 0
    assert not marker.exists()


def test_a_legacy_profile_shares_its_token_with_the_aws_cli(vault_bin, world):
    sso = world["sso"]
    config = world["home"] / ".aws" / "config"
    config.write_text(f"[profile old]\nsso_start_url = {sso.start_url}\nsso_region = us-east-1\n"
                      f"sso_account_id = {ACCOUNT}\nsso_role_name = ReadOnly\n")
    login = _approving([vault_bin, "sso", "login", "old", "--no-browser"], world["env"], sso, "stderr")
    assert login.returncode == 0, login.stderr
    legacy = world["cache"] / (hashlib.sha1(sso.start_url.encode()).hexdigest() + ".json")
    assert json.loads(legacy.read_text())["startUrl"] == sso.start_url
    cli = subprocess.run([AWS, "configure", "export-credentials", "--profile", "old"], env=world["env"],
                         capture_output=True, text=True, timeout=60)
    assert cli.returncode == 0, cli.stderr
    assert json.loads(cli.stdout)["AccessKeyId"] == sso.issued[(ACCOUNT, "ReadOnly")]["accessKeyId"]


def test_a_token_for_another_start_url_is_not_used(vault_bin, world):
    sso = world["sso"]
    assert _vault_login(vault_bin, world, "dev").returncode == 0
    config = world["home"] / ".aws" / "config"
    config.write_text(config.read_text().replace(sso.start_url, "https://d-1111111111.awsapps.com/start"))
    result = _credentials(vault_bin, world, "dev", "--no-sign-in")
    assert result.returncode != 0 and result.stdout == ""
    assert "no valid IAM Identity Center token for sso-session corp (not signed in)" in result.stderr
    assert sso.counts["GetRoleCredentials"] == 0
