"""STS and IAM over the wire against moto with signature checking on.

pytest starts moto_server (fixture `moto`), creates an IAM user with an
sts:*/iam:* policy and a key, a role whose trust policy requires an external
id, and an MFA device, then runs the Swift suite WireIntegration
(Tests/VaultCoreTests/AWS/WireIntegrationTests.swift) against it, and checks
moto's own record of what arrived.
"""
import json

EXPECTED_TESTS = {
    "callerIdentityWithTheUsersKey()",
    "assumeRoleWithExternalIDAndMFAThenCallerIdentityIsTheAssumedRole()",
    "aWrongSecretIsSignatureDoesNotMatch()",
    "anUnknownKeyIsInvalidClientTokenIdSuggestingRotateOrAdd()",
    "aWrongExternalIDIsAccessDenied()",
    "createListAndDeleteAccessKey()",
    "getSessionTokenRequestAndParsing()",
    "getFederationToken()",
}


def test_wire_against_moto_with_signature_checking(moto, swift_suite, tmp_path):
    user = moto.create_user_with_key("alice")
    role_arn = moto.create_role("deploy", trust=user.arn, external_id="ext-7f3a")
    serial = moto.create_mfa_device("alice")
    fixture = {
        "url": moto.url, "region": "us-east-1", "account": "123456789012",
        "userName": user.name, "userARN": user.arn,
        "accessKeyID": user.access_key_id, "secretAccessKey": user.secret_access_key,
        "roleARN": role_arn, "roleName": "deploy", "externalID": "ext-7f3a", "mfaSerial": serial,
    }
    path = tmp_path / "moto-fixture.json"
    path.write_text(json.dumps(fixture))
    moto.reset_recording()

    run = swift_suite("WireIntegration", {"VAULT_TEST_MOTO_FIXTURE": str(path)})

    assert run.returncode == 0, run.output[-4000:]
    assert set(run.passed) == EXPECTED_TESTS, run.output[-4000:]
    assert not run.skipped and not run.failed

    # Exactly one request per call: no retry of 4xx answers.
    assert moto.action_count("AssumeRole") == 2  # with the external id, and with a wrong one
    assert moto.action_count("CreateAccessKey") == 1
    assert moto.action_count("DeleteAccessKey") == 1
    assert moto.action_count("GetSessionToken") == 1
    assert moto.action_count("GetFederationToken") == 1
    # user, assumed role, wrong secret, unknown key, new key
    assert moto.action_count("GetCallerIdentity") == 5

    requests = moto.requests()
    assume = next(r for r in requests if r["action"] == "AssumeRole" and r["params"].get("ExternalId") == "ext-7f3a")
    p = assume["params"]
    assert p["RoleArn"] == role_arn and p["RoleSessionName"] == "vault-wire-test"
    assert p["DurationSeconds"] == "900" and p["SerialNumber"] == serial and p["TokenCode"] == "123456"
    assert p["Tags.member.1.Key"] == "team" and p["Tags.member.1.Value"] == "a b&c"
    assert p["TransitiveTagKeys.member.1"] == "team" and p["SourceIdentity"] == "alice"
    assert p["Version"] == "2011-06-15"
    session = next(r for r in requests if r["action"] == "GetSessionToken")["params"]
    assert (session["DurationSeconds"], session["SerialNumber"], session["TokenCode"]) == ("1800", serial, "654321")

    for r in requests:
        headers = {k.lower(): v for k, v in r["headers"].items()}
        assert r["method"] == "POST"
        assert headers["user-agent"].startswith("vault/")
        assert headers["authorization"].startswith("AWS4-HMAC-SHA256 Credential=")
        assert headers["content-type"].startswith("application/x-www-form-urlencoded")
    # The assumed role's own call carried its session token.
    assert any("x-amz-security-token" in {k.lower() for k in r["headers"]} for r in requests
               if r["action"] == "GetCallerIdentity")
