"""vault login against moto (STS) and a local stand-in for the console
federation endpoint (VAULT_FEDERATION_ENDPOINT), which checks what
getSigninToken receives and answers a token."""
import json
import os
import stat
import urllib.parse

import pytest

from conftest import run_vault
from fixtures.world import vault


def login_env(world, federation, **extra):
    return dict(world["env"], VAULT_FEDERATION_ENDPOINT=federation.url, **extra)


def parse_login(url: str, federation) -> dict:
    assert url.startswith(federation.url + "?"), url
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))
    assert query["Action"] == "login" and query["Issuer"] == "vault"
    assert query["SigninToken"] == federation.TOKEN
    return query


def test_role_credentials_sign_in_as_they_are(world, federation):
    moto = world["moto"]
    moto.reset_recording()
    # -d 2h: no GetSessionToken (a chained role is capped at 1h); AssumeRole is signed
    # with the stored keys and checked by moto.
    result = vault(world, "login", "myrole1", "-t", "123456", "-d", "2h", "--stdout", env=login_env(world, federation))
    assert result.returncode == 0, result.stderr
    query = parse_login(result.stdout.strip(), federation)
    assert query["Destination"] == "https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1"
    assert len(federation.requests) == 1
    request = federation.requests[0]
    assert request["path"] == "/federation" and request["query"]["Action"] == "getSigninToken"
    assert request["query"]["SessionDuration"] == "7200"
    session = request["session"]
    assert set(session) == {"sessionId", "sessionKey", "sessionToken"}
    assert session["sessionId"] != world["user"].access_key_id and session["sessionToken"]
    assume = [r for r in moto.requests() if r["action"] == "AssumeRole"]
    assert len(assume) == 1 and assume[0]["params"]["DurationSeconds"] == "7200"
    assert moto.action_count("GetFederationToken") == 0
    # The secret went to the federation endpoint only.
    assert session["sessionKey"] not in result.stdout + result.stderr


def test_user_keys_go_through_get_federation_token(world, federation):
    moto = world["moto"]
    moto.reset_recording()
    result = vault(world, "login", "classmethod", "--stdout", env=login_env(world, federation))
    assert result.returncode == 0, result.stderr
    parse_login(result.stdout.strip(), federation)
    assert "federated session" in result.stderr
    federated = [r for r in moto.requests() if r["action"] == "GetFederationToken"]
    assert len(federated) == 1
    params = federated[0]["params"]
    assert params["Name"] == "cm-user" and params["DurationSeconds"] == "3600"
    assert json.loads(params["Policy"])["Statement"][0]["Action"] == "*"
    request = federation.requests[0]
    assert "SessionDuration" not in request["query"], "a federation token's session lasts as long as the token"
    assert request["session"]["sessionId"] != world["user"].access_key_id
    assert request["session"]["sessionToken"]


def test_environment_credentials_and_a_long_user_name(world, federation):
    moto = world["moto"]
    name = "a-user-with-a-name-longer-than-thirty-two-characters"
    user = moto.create_user_with_key(name)
    moto.reset_recording()
    env = login_env(world, federation, AWS_ACCESS_KEY_ID=user.access_key_id, AWS_SECRET_ACCESS_KEY=user.secret_access_key,
                    AWS_REGION="eu-west-1")
    result = vault(world, "login", "--stdout", "--path", "s3/home", env=env)
    assert result.returncode == 0, result.stderr
    query = parse_login(result.stdout.strip(), federation)
    assert query["Destination"] == "https://eu-west-1.console.aws.amazon.com/s3/home"
    federated = [r for r in moto.requests() if r["action"] == "GetFederationToken"]
    assert federated[0]["params"]["Name"] == name[:32]


def test_path_and_region_on_a_profile(world, federation):
    result = vault(world, "login", "classmethod", "--stdout", "--region", "cn-north-1", "--path", "/ec2/home",
                   env=login_env(world, federation))
    assert result.returncode == 0, result.stderr
    query = parse_login(result.stdout.strip(), federation)
    assert query["Destination"] == "https://cn-north-1.console.amazonaws.cn/ec2/home"


def test_browser_gets_the_url(world, federation, tmp_path):
    opened = tmp_path / "opened"
    browser = tmp_path / "bin" / "my-browser"
    browser.parent.mkdir()
    browser.write_text(f'#!/bin/sh\nprintf "%s" "$1" > {opened}\n')
    browser.chmod(browser.stat().st_mode | stat.S_IEXEC)
    env = login_env(world, federation, BROWSER="my-browser", PATH=f"{browser.parent}:{os.environ['PATH']}")
    result = vault(world, "login", "classmethod", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert "opened the console sign-in URL with my-browser" in result.stderr
    parse_login(opened.read_text(), federation)


def test_without_a_browser_the_url_is_printed_and_said_so(world, federation, tmp_path):
    empty = tmp_path / "empty-path"
    empty.mkdir()
    env = login_env(world, federation, PATH=str(empty))
    env.pop("BROWSER", None)
    result = vault(world, "login", "classmethod", env=env)
    assert result.returncode == 0, result.stderr
    parse_login(result.stdout.strip(), federation)
    assert "no browser could be opened (xdg-open: not found)" in result.stderr


def test_federation_endpoint_refusal_prints_nothing(world, federation):
    federation.answer = (400, '{"message": "bad session"}')
    result = vault(world, "login", "classmethod", "--stdout", env=login_env(world, federation))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "gave no sign-in token (HTTP 400)" in result.stderr


def test_no_profile_and_no_keys_in_the_environment(world, federation):
    result = vault(world, "login", "--stdout", env=login_env(world, federation))
    assert result.returncode == 1 and result.stdout == ""
    assert "no profile given and no AWS_ACCESS_KEY_ID" in result.stderr


def test_temporary_environment_credentials_sign_in_as_they_are(world, federation):
    moto = world["moto"]
    moto.reset_recording()
    env = login_env(world, federation, AWS_ACCESS_KEY_ID="ASIAEXAMPLETEMPORARY", AWS_SECRET_ACCESS_KEY="temp/secret",
                    AWS_SESSION_TOKEN="temp-token", AWS_REGION="us-gov-west-1")
    result = vault(world, "login", "--stdout", "-d", "1h", env=env)
    assert result.returncode == 0, result.stderr
    query = parse_login(result.stdout.strip(), federation)
    assert query["Destination"] == "https://us-gov-west-1.console.amazonaws-us-gov.com/console/home?region=us-gov-west-1"
    assert moto.requests() == [], "no STS call for credentials that are already temporary"
    request = federation.requests[0]
    assert request["session"] == {"sessionId": "ASIAEXAMPLETEMPORARY", "sessionKey": "temp/secret", "sessionToken": "temp-token"}
    assert request["query"]["SessionDuration"] == "3600"


def test_federation_token_ttl_from_the_environment(world, federation):
    # aws-vault's AWS_FEDERATION_TOKEN_TTL sets GetFederationToken's duration; -d wins over it.
    moto = world["moto"]
    for extra, flags, expected in (({"AWS_FEDERATION_TOKEN_TTL": "2h"}, [], "7200"),
                                   ({"AWS_FEDERATION_TOKEN_TTL": "2h"}, ["-d", "20m"], "1200")):
        moto.reset_recording()
        result = vault(world, "login", "classmethod", *flags, "--stdout", env=login_env(world, federation, **extra))
        assert result.returncode == 0, result.stderr
        federated = [r for r in moto.requests() if r["action"] == "GetFederationToken"]
        assert [f["params"]["DurationSeconds"] for f in federated] == [expected]
    bad = vault(world, "login", "classmethod", "--stdout", env=login_env(world, federation, AWS_FEDERATION_TOKEN_TTL="soon"))
    assert bad.returncode != 0 and bad.stdout == "" and "'AWS_FEDERATION_TOKEN_TTL=soon' is not a duration" in bad.stderr
