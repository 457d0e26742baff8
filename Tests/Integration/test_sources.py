"""The other credential sources against real parts: web identity at moto
(AssumeRoleWithWebIdentity), `credential_source` from local IMDSv2 and ECS
stand-ins (Tests/fixtures/metadata.py) that botocore itself accepts, and the
role assumed at moto with the keys they serve."""
import json
import os
import pathlib
import re
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from conftest import run_vault

ACCOUNT = "123456789012"


@pytest.fixture
def world(moto, base_env, tmp_path, vault_bin):
    run = tmp_path / "run"
    run.mkdir(mode=0o700)
    env = dict(base_env, AWS_VAULT_BACKEND="file", AWS_VAULT_FILE_PASSPHRASE="sources-pass",
               AWS_ENDPOINT_URL=moto.url, XDG_RUNTIME_DIR=str(run), AWS_REGION=moto.region)
    return World(moto, env, vault_bin, pathlib.Path(base_env["HOME"]), tmp_path)


class World:
    def __init__(self, moto, env, vault_bin, home, tmp):
        self.moto, self.env, self.bin, self.home, self.tmp = moto, env, vault_bin, home, tmp

    def config(self, text: str):
        (self.home / ".aws" / "config").write_text(text)

    def vault(self, *args, env: dict | None = None):
        return run_vault(self.bin, list(args), dict(self.env, **(env or {})))

    def exec_env(self, profile: str, env: dict | None = None) -> dict:
        """`vault exec PROFILE -- env`: the child's environment."""
        result = self.vault("exec", profile, "--", "env", "-0", env=env)
        assert result.returncode == 0, result.stderr
        return dict(line.split("=", 1) for line in result.stdout.split("\0") if "=" in line)

    def instance_credentials(self) -> dict:
        """Temporary credentials of a real moto role, as a metadata service hands out."""
        maker = self.moto.create_user_with_key("instance-maker")
        role = self.moto.create_role("instance", trust=maker.arn)
        sts = self.moto.client("sts", maker.access_key_id, maker.secret_access_key)
        creds = sts.assume_role(RoleArn=role, RoleSessionName="i-0abc")["Credentials"]
        return {"role": "instance", "access_key_id": creds["AccessKeyId"], "secret_access_key": creds["SecretAccessKey"],
                "token": creds["SessionToken"]}

    def signer_of(self, request: dict) -> str:
        """The access key id a recorded request was signed with."""
        auth = request["headers"].get("Authorization") or request["headers"].get("authorization") or ""
        return auth.split("Credential=", 1)[1].split("/", 1)[0] if "Credential=" in auth else ""


def botocore_credentials(env: dict) -> dict:
    """What boto3's default chain finds with `env` (and nothing else)."""
    code = ("import boto3, json; c = boto3.Session().get_credentials(); "
            "f = c.get_frozen_credentials(); "
            "print(json.dumps({'method': c.method, 'key': f.access_key, 'token': f.token}))")
    clean = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    result = subprocess.run([sys.executable, "-c", code], env=dict(clean, **env), capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# --- the stand-ins are faithful: botocore gets credentials from them --------

def test_botocore_gets_credentials_from_the_imds_standin_and_v1_is_refused(imds, world):
    creds = world.instance_credentials()
    imds.serve(**creds)
    got = botocore_credentials({"AWS_EC2_METADATA_SERVICE_ENDPOINT": imds.url, "AWS_CONFIG_FILE": os.devnull,
                                "AWS_SHARED_CREDENTIALS_FILE": os.devnull, "HOME": str(world.home)})
    assert got == {"method": "iam-role", "key": creds["access_key_id"], "token": creds["token"]}
    assert imds.refused == []
    assert [r["method"] for r in imds.requests][:1] == ["PUT"]
    # An IMDSv1 GET (no token) is refused, as on an instance that requires IMDSv2.
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(imds.url + "/latest/meta-data/iam/security-credentials/", timeout=10)
    assert refused.value.code == 401


def test_botocore_gets_credentials_from_the_ecs_standin_with_its_token(ecs, world):
    creds = world.instance_credentials()
    ecs.serve(**creds)
    token_file = world.tmp / "ecs-token"
    token_file.write_text(ecs.auth)
    env = {"AWS_CONTAINER_CREDENTIALS_FULL_URI": ecs.url + ecs.path, "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": str(token_file),
           "AWS_CONFIG_FILE": os.devnull, "AWS_SHARED_CREDENTIALS_FILE": os.devnull, "HOME": str(world.home),
           "AWS_EC2_METADATA_DISABLED": "true"}
    got = botocore_credentials(env)
    assert got == {"method": "container-role", "key": creds["access_key_id"], "token": creds["token"]}
    assert ecs.refused == []
    # A wrong token is refused.
    request = urllib.request.Request(ecs.url + ecs.path, headers={"Authorization": "Bearer wrong"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403


# --- vault exec of a role from each credential_source ----------------------

@pytest.mark.parametrize("kind", ["Ec2InstanceMetadata", "EcsContainer", "Environment"])
def test_exec_assumes_the_role_with_the_keys_the_source_gave(kind, imds, ecs, world):
    creds = world.instance_credentials()
    # moto matches a trust principal literally, not a role's sessions: "*".
    target = world.moto.create_role("target", trust="*")
    env = {}
    if kind == "Ec2InstanceMetadata":
        imds.serve(**creds)
        env["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = imds.url
    elif kind == "EcsContainer":
        ecs.serve(**creds)
        env["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = ecs.url + ecs.path
        env["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = ecs.auth
    else:
        env.update(AWS_ACCESS_KEY_ID=creds["access_key_id"], AWS_SECRET_ACCESS_KEY=creds["secret_access_key"],
                   AWS_SESSION_TOKEN=creds["token"])
    world.config(f"[profile r]\ncredential_source = {kind}\nrole_arn = {target}\nrole_session_name = from-{kind}\n")

    shown = world.vault("config", "show", "r", "--json", env=env)
    assert shown.returncode == 0, shown.stderr
    plan = json.loads(shown.stdout)["plan"]
    assert plan["source"]["kind"] == "credential_source" and plan["source"]["credential_source"] == kind
    assert [s["call"] for s in plan["steps"]] == ["AssumeRole"]

    world.moto.reset_recording()
    child = world.exec_env("r", env=env)
    calls = [r for r in world.moto.requests() if r["action"] == "AssumeRole"]
    assert len(calls) == 1 and calls[0]["params"]["RoleArn"] == target
    assert world.signer_of(calls[0]) == creds["access_key_id"], "the role was not assumed with the source's keys"
    assert calls[0]["headers"].get("X-Amz-Security-Token") == creds["token"]
    assert child["AWS_ACCESS_KEY_ID"] != creds["access_key_id"]
    assert child["AWS_SESSION_TOKEN"] != creds["token"]
    # The child got the role's session: moto says who it is.
    who = world.moto.client("sts", child["AWS_ACCESS_KEY_ID"], child["AWS_SECRET_ACCESS_KEY"],
                            child["AWS_SESSION_TOKEN"]).get_caller_identity()
    assert who["Arn"].endswith(f":assumed-role/target/from-{kind}")
    if kind == "Ec2InstanceMetadata":
        assert imds.refused == [] and [r["method"] for r in imds.requests] == ["PUT", "GET", "GET"]
        assert all(r["headers"].get("x-aws-ec2-metadata-token") for r in imds.requests[1:])
    if kind == "EcsContainer":
        assert ecs.refused == [] and len(ecs.requests) == 1


def test_source_errors_name_the_endpoint_and_say_what_to_do(imds, ecs, world):
    world.config("[profile e]\ncredential_source = Ec2InstanceMetadata\nrole_arn = arn:aws:iam::1:role/x\n"
                 "[profile c]\ncredential_source = EcsContainer\nrole_arn = arn:aws:iam::1:role/x\n"
                 "[profile v]\ncredential_source = Environment\nrole_arn = arn:aws:iam::1:role/x\n")
    off = world.vault("exec", "e", "--", "true", env={"AWS_EC2_METADATA_DISABLED": "true",
                                                      "AWS_EC2_METADATA_SERVICE_ENDPOINT": imds.url})
    assert off.returncode != 0 and off.stdout == ""
    assert off.stderr.startswith("vault: credential_source Ec2InstanceMetadata of profile 'e'") and "AWS_EC2_METADATA_DISABLED" in off.stderr
    assert imds.requests == []
    # An IMDS with no role attached.
    none = world.vault("exec", "e", "--", "true", env={"AWS_EC2_METADATA_SERVICE_ENDPOINT": imds.url})
    assert none.returncode != 0 and imds.url in none.stderr and none.stderr.count("\n") == 1
    # A FULL_URI to a host botocore would not send the token to: refused before any request.
    token = "Bearer do-not-leak-" + "x" * 8
    far = world.vault("exec", "c", "--", "true", env={"AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://198.51.100.7/creds",
                                                      "AWS_CONTAINER_AUTHORIZATION_TOKEN": token})
    assert far.returncode != 0 and "must be https, or http to a loopback address" in far.stderr
    assert token not in far.stderr
    wrong = world.vault("exec", "c", "--", "true", env={"AWS_CONTAINER_CREDENTIALS_FULL_URI": ecs.url + ecs.path,
                                                        "AWS_CONTAINER_AUTHORIZATION_TOKEN": token})
    assert wrong.returncode != 0 and "HTTP 403" in wrong.stderr and token not in wrong.stderr
    assert ecs.refused == ["missing or wrong Authorization header"]
    bare = world.vault("exec", "v", "--", "true")
    assert bare.returncode != 0 and "AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY is not set" in bare.stderr


# --- web identity ------------------------------------------------------------

def _web_calls(moto) -> list[dict]:
    return [r for r in moto.requests() if r["action"] == "AssumeRoleWithWebIdentity"]


def test_web_identity_is_cached_and_the_token_file_is_read_again_at_refresh(world):
    role = world.moto.create_role("web", trust=f"arn:aws:iam::{ACCOUNT}:root")
    token_file = world.tmp / "token"
    token_file.write_text("first-oidc-token")
    world.config(f"[profile web]\nweb_identity_token_file = {token_file}\nrole_arn = {role}\nrole_session_name = ci\n")
    world.moto.reset_recording()
    # moto checks signatures on every request; AssumeRoleWithWebIdentity is
    # unsigned by design (real STS authorises it by the token), so let it in.
    world.moto.set_free_requests(1)
    child = world.exec_env("web")
    calls = _web_calls(world.moto)
    assert len(calls) == 1
    assert calls[0]["params"]["WebIdentityToken"] == "first-oidc-token"
    assert calls[0]["params"]["RoleArn"] == role and calls[0]["params"]["RoleSessionName"] == "ci"
    assert not (calls[0]["headers"].get("Authorization") or calls[0]["headers"].get("authorization"))
    who = world.moto.client("sts", child["AWS_ACCESS_KEY_ID"], child["AWS_SECRET_ACCESS_KEY"],
                            child["AWS_SESSION_TOKEN"]).get_caller_identity()
    assert who["Arn"].endswith(":assumed-role/web/ci")
    listed = world.vault("list")
    assert listed.returncode == 0 and re.search(r"^web +web_identity +- +AssumeRoleWithWebIdentity \d", listed.stdout, re.M), listed.stdout
    assert "first-oidc-token" not in listed.stdout

    # Cached: a second exec makes no call and hands out the same session.
    world.moto.reset_recording()
    again = world.exec_env("web")
    assert _web_calls(world.moto) == [] and again["AWS_ACCESS_KEY_ID"] == child["AWS_ACCESS_KEY_ID"]

    # The file rotates; once the cached session counts as expired, the new token is used.
    token_file.write_text("second-oidc-token")
    world.moto.reset_recording()
    world.moto.set_free_requests(1)
    fresh = world.exec_env("web", env={"AWS_MIN_TTL": "2h"})
    calls = _web_calls(world.moto)
    assert [c["params"]["WebIdentityToken"] for c in calls] == ["second-oidc-token"]
    assert fresh["AWS_ACCESS_KEY_ID"] != child["AWS_ACCESS_KEY_ID"]


def test_web_identity_from_the_environment_with_a_role_on_top(world):
    base = world.moto.create_role("pod", trust=f"arn:aws:iam::{ACCOUNT}:root")
    top = world.moto.create_role("deploy", trust="*")  # moto matches principals literally
    token_file = world.tmp / "eks-token"
    token_file.write_text("eks-oidc-token")
    world.config(f"[profile pod]\nregion = {world.moto.region}\n[profile deploy]\nsource_profile = pod\nrole_arn = {top}\n")
    env = {"AWS_WEB_IDENTITY_TOKEN_FILE": str(token_file), "AWS_ROLE_ARN": base, "AWS_ROLE_SESSION_NAME": "pod-1"}
    shown = world.vault("config", "show", "pod", env=env)
    assert shown.returncode == 0, shown.stderr
    assert "web_identity_token_file" in shown.stdout and "environment AWS_WEB_IDENTITY_TOKEN_FILE" in shown.stdout
    assert "AssumeRoleWithWebIdentity " + base in shown.stdout
    world.moto.reset_recording()
    world.moto.set_free_requests(1)
    world.exec_env("pod", env=env)
    calls = _web_calls(world.moto)
    assert [(c["params"]["RoleArn"], c["params"]["RoleSessionName"], c["params"]["WebIdentityToken"]) for c in calls] \
        == [(base, "pod-1", "eks-oidc-token")]

    # A role chained on top of a web identity profile (from the config this time).
    world.config(f"[profile pod]\nweb_identity_token_file = {token_file}\nrole_arn = {base}\n"
                 f"[profile deploy]\nsource_profile = pod\nrole_arn = {top}\n")
    world.moto.reset_recording()
    world.moto.set_free_requests(1)
    child = world.exec_env("deploy", env={"AWS_MIN_TTL": "2h"})
    assert [r["action"] for r in world.moto.requests() if r["action"] and r["action"].startswith("Assume")] \
        == ["AssumeRoleWithWebIdentity", "AssumeRole"]
    who = world.moto.client("sts", child["AWS_ACCESS_KEY_ID"], child["AWS_SECRET_ACCESS_KEY"],
                            child["AWS_SESSION_TOKEN"]).get_caller_identity()
    assert ":assumed-role/deploy/" in who["Arn"]


def test_a_missing_token_file_is_named_and_no_token_is_ever_printed(world):
    role = world.moto.create_role("web", trust=f"arn:aws:iam::{ACCOUNT}:root")
    token_file = world.tmp / "gone"
    world.config(f"[profile web]\nweb_identity_token_file = {token_file}\nrole_arn = {role}\n")
    missing = world.vault("exec", "web", "--", "true")
    assert missing.returncode != 0 and missing.stdout == ""
    assert missing.stderr.startswith(f"vault: cannot read the web_identity_token_file {token_file} of profile 'web'")
    # STS refuses (moto with signature checks refuses the unsigned call): the token is not in the error.
    token_file.write_text("secret-oidc-token-value")
    refused = world.vault("exec", "web", "--", "true")
    assert refused.returncode != 0 and "secret-oidc-token-value" not in refused.stderr + refused.stdout


def test_doctor_and_config_show_say_what_each_kind_is(world, imds):
    world.config("[profile web]\nweb_identity_token_file = /run/t\nrole_arn = arn:aws:iam::1:role/w\n"
                 "[profile e]\ncredential_source = Ec2InstanceMetadata\nrole_arn = arn:aws:iam::1:role/e\n"
                 "[profile c]\ncredential_source = EcsContainer\nrole_arn = arn:aws:iam::1:role/c\n"
                 "[profile v]\ncredential_source = Environment\nrole_arn = arn:aws:iam::1:role/v\n")
    words = {"web": "AssumeRoleWithWebIdentity arn:aws:iam::1:role/w 3600s with the token in /run/t",
             "e": "credential_source Ec2InstanceMetadata of 'e': the EC2 instance's role (IMDSv2)",
             "c": "credential_source EcsContainer of 'c'", "v": "credential_source Environment of 'v'"}
    for name, said in words.items():
        shown = world.vault("config", "show", name)
        assert shown.returncode == 0 and said in shown.stdout, shown.stdout + shown.stderr
        doctor = world.vault("doctor", name, env={"AWS_ACCESS_KEY_ID": "AKIAEXAMPLE", "AWS_SECRET_ACCESS_KEY": "s",
                                                   "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:9/creds"})
        assert f"✓ profile {name}: {said}" in doctor.stdout, doctor.stdout
        assert "✓ source: " in doctor.stdout or (name == "web" and "✗ source: the web_identity_token_file /run/t" in doctor.stdout), doctor.stdout
        if name == "v":
            bare = world.vault("doctor", name)
            assert "✗ source: credential_source Environment of 'v' needs AWS_ACCESS_KEY_ID" in bare.stdout, bare.stdout
        rotate = world.vault("rotate", name)
        assert rotate.returncode != 0 and "no long-term key to rotate" in rotate.stderr, rotate.stderr


# --- aws-vault's duration variables ------------------------------------------

def test_vault_duration_is_the_default_duration_and_config_show_names_the_variables(world):
    user = world.moto.create_user_with_key("keys-user")
    role = world.moto.create_role("dur", trust=user.arn, max_session_duration=7200)
    world.config(f"[profile k]\nregion = {world.moto.region}\n[profile r]\nsource_profile = k\nrole_arn = {role}\n")
    added = world.vault("add", "k", "--env", "--no-add-config",
                        env={"AWS_ACCESS_KEY_ID": user.access_key_id, "AWS_SECRET_ACCESS_KEY": user.secret_access_key})
    assert added.returncode == 0, added.stderr
    env = {"AWS_VAULT_DURATION": "2h", "AWS_FEDERATION_TOKEN_TTL": "3h"}
    shown = world.vault("config", "show", "r", "--json", env=env)
    assert shown.returncode == 0, shown.stderr
    plan = json.loads(shown.stdout)["plan"]
    # No GetSessionToken (the one role asks for more than an hour), AssumeRole for 2h.
    assert [(s["call"], s["duration_seconds"]) for s in plan["steps"]] == [("AssumeRole", 7200)]
    assert "environment AWS_VAULT_DURATION=2h: every call's duration when -d/--duration is not given" in plan["remarks"]
    assert "environment AWS_FEDERATION_TOKEN_TTL=3h: vault login's GetFederationToken duration" in plan["remarks"]
    text = world.vault("config", "show", "r", env=env)
    assert "note: environment AWS_VAULT_DURATION=2h" in text.stdout
    # exec runs what show printed.
    world.moto.reset_recording()
    world.exec_env("r", env=env)
    assert [c["duration_seconds"] for c in world.moto.sts_calls()] == [7200]
    # -d wins over the variable.
    shorter = world.vault("config", "show", "r", "--json", "-d", "15m", env=env)
    assert [(s["call"], s["duration_seconds"]) for s in json.loads(shorter.stdout)["plan"]["steps"]] \
        == [("AssumeRole", 900)]
