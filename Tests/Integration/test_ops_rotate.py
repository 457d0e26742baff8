"""vault rotate against moto with signature checking on (see test_credentials.py
for moto's limits: calls signed with its GetSessionToken credentials cannot
pass the check, so the session path runs with checking off)."""
import json

import pytest

from fixtures.world import UNCHECKED, share_mfa_session, vault


def stored_key_works(world) -> str:
    """Runs the AWS CLI with the stored keys (signature checked); returns the ARN."""
    result = vault(world, "exec", "classmethod", "--no-session", "--", "aws", "sts", "get-caller-identity")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["Arn"]


def redacted(key_id: str) -> str:
    return "****" + key_id[-4:]


def assert_no_whole_key(result, *key_ids):
    for key_id in key_ids:
        assert key_id not in result.stdout + result.stderr


def test_rotate_replaces_the_stored_key_and_deletes_the_old_one(world):
    moto, user = world["moto"], world["user"]
    moto.reset_recording()
    result = vault(world, "rotate", "classmethod", "--no-session")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    keys = moto.list_access_keys("cm-user")
    assert len(keys) == 1 and keys[0] != user.access_key_id, keys
    new = keys[0]
    assert redacted(user.access_key_id) in result.stderr and redacted(new) in result.stderr
    assert "deleting the old key" in result.stderr and "done:" in result.stderr
    assert_no_whole_key(result, user.access_key_id, new)
    assert user.secret_access_key not in result.stderr
    assert stored_key_works(world) == user.arn
    # vault waited for the new key: GetCallerIdentity was signed with it before the delete.
    order = [r["action"] for r in moto.requests()]
    assert order.index("CreateAccessKey") < order.index("DeleteAccessKey")
    assert order[order.index("CreateAccessKey"):order.index("DeleteAccessKey")].count("GetCallerIdentity") >= 1
    delete = [r for r in moto.requests() if r["action"] == "DeleteAccessKey"][0]
    assert delete["params"]["AccessKeyId"] == user.access_key_id and delete["params"]["UserName"] == "cm-user"


def test_rotate_through_a_role_drops_the_sessions_of_the_chain(world):
    moto, user = world["moto"], world["user"]
    share_mfa_session(world)
    moto.set_free_requests(UNCHECKED)
    filled = vault(world, "exec", "myrole1", "-t", "123456", "--", "true")
    assert filled.returncode == 0, filled.stderr
    listing = vault(world, "list")
    assert "GetSessionToken" in listing.stdout and "AssumeRole" in listing.stdout, listing.stdout
    moto.set_free_requests(0)
    # -n: the role is assumed from the stored keys; moto checks every signature.
    result = vault(world, "rotate", "myrole1", "--no-session", "-t", "123456")
    assert result.returncode == 0, result.stderr
    assert "through profile 'myrole1'" in result.stderr
    keys = moto.list_access_keys("cm-user")
    assert len(keys) == 1 and keys[0] != user.access_key_id
    after = vault(world, "list")
    assert "GetSessionToken" not in after.stdout and "AssumeRole" not in after.stdout, after.stdout
    assert stored_key_works(world) == user.arn


def test_rotate_with_a_session_and_mfa(world):
    moto, user = world["moto"], world["user"]
    share_mfa_session(world)
    moto.set_free_requests(UNCHECKED)
    moto.reset_recording()
    result = vault(world, "rotate", "myrole1", "-t", "654321")
    assert result.returncode == 0, result.stderr
    session = [r for r in moto.requests() if r["action"] == "GetSessionToken"]
    assert len(session) == 1 and session[0]["params"]["TokenCode"] == "654321"
    create = [r for r in moto.requests() if r["action"] == "CreateAccessKey"]
    assert len(create) == 1 and create[0]["params"]["UserName"] == "cm-user"
    moto.set_free_requests(0)
    assert moto.list_access_keys("cm-user") != [user.access_key_id]
    assert stored_key_works(world) == user.arn


@pytest.mark.parametrize("failure", ["500", "dropped connection"])
def test_failed_delete_leaves_a_working_key_and_names_the_leftover(world, forwarder, failure):
    moto, user = world["moto"], world["user"]
    forwarder.fail("DeleteAccessKey", status=500, drop=failure != "500")
    env = dict(world["env"], AWS_ENDPOINT_URL_IAM=forwarder.url)
    result = vault(world, "rotate", "classmethod", "--no-session", env=env)
    assert result.returncode == 1
    assert result.stdout == ""
    keys = moto.list_access_keys("cm-user")
    assert len(keys) == 2 and user.access_key_id in keys, "the old key is still in IAM"
    new = [k for k in keys if k != user.access_key_id][0]
    message = result.stderr.strip().splitlines()[-1]
    assert message.startswith("vault: the new key " + redacted(new)), message
    assert f"deleting the old key {redacted(user.access_key_id)} failed" in message
    assert "still in IAM" in message and "--user-name cm-user" in message
    assert "try again later" not in message, "the inner error's own advice is left out"
    assert_no_whole_key(result, user.access_key_id, new)
    # QueryClient's three attempts, then the message; a dropped connection that
    # was kept alive from the call before is retried once more by libcurl itself.
    attempts = forwarder.count("DeleteAccessKey")
    assert attempts == 3 if failure == "500" else 3 <= attempts <= 4, attempts
    # The store holds the new key, and it works (signature checked, straight at moto).
    assert stored_key_works(world) == user.arn
    exported = vault(world, "export", "classmethod", "--no-session", "--format", "json")
    assert json.loads(exported.stdout)["AccessKeyId"] == new


def test_two_keys_stop_before_any_change(world):
    moto, user = world["moto"], world["user"]
    second, _ = moto.create_access_key("cm-user")
    moto.reset_recording()
    result = vault(world, "rotate", "classmethod", "--no-session")
    assert result.returncode == 1
    assert "already has two access keys" in result.stderr and "nothing was changed" in result.stderr
    assert f"vault uses {redacted(user.access_key_id)}" in result.stderr
    assert f"delete the other one, {redacted(second)}" in result.stderr
    assert_no_whole_key(result, user.access_key_id, second)
    assert moto.action_count("CreateAccessKey") == 0 and moto.action_count("DeleteAccessKey") == 0
    assert sorted(moto.list_access_keys("cm-user")) == sorted([user.access_key_id, second])
    exported = vault(world, "export", "classmethod", "--no-session", "--format", "json")
    assert json.loads(exported.stdout)["AccessKeyId"] == user.access_key_id


def test_a_new_key_refused_at_first_is_tried_again(world, forwarder):
    moto, user = world["moto"], world["user"]
    # IAM is eventually consistent: STS refuses the new key twice, then accepts it.
    forwarder.fail("GetCallerIdentity", status=403, code="InvalidClientTokenId", times=2, unless_key=user.access_key_id)
    env = dict(world["env"], AWS_ENDPOINT_URL_STS=forwarder.url)
    result = vault(world, "rotate", "classmethod", "--no-session", env=env)
    assert result.returncode == 0, result.stderr
    new = moto.list_access_keys("cm-user")
    assert len(new) == 1 and new[0] != user.access_key_id
    assert forwarder.count("GetCallerIdentity", new[0]) == 3
    assert stored_key_works(world) == user.arn


def test_a_new_key_never_accepted_puts_the_old_one_back(world, forwarder):
    moto, user = world["moto"], world["user"]
    forwarder.fail("GetCallerIdentity", status=403, code="InvalidClientTokenId", unless_key=user.access_key_id)
    env = dict(world["env"], AWS_ENDPOINT_URL_STS=forwarder.url)
    result = vault(world, "rotate", "classmethod", "--no-session", env=env)
    assert result.returncode == 1
    assert "did not accept the new access key" in result.stderr and "stored again and still works" in result.stderr
    assert "the new key was deleted again" in result.stderr
    assert moto.list_access_keys("cm-user") == [user.access_key_id]
    exported = vault(world, "export", "classmethod", "--no-session", "--format", "json")
    assert json.loads(exported.stdout)["AccessKeyId"] == user.access_key_id
    # Tried again, and bounded: about 30 s of tries with pauses growing to 4 s (about 10), not one per moment.
    assert 2 <= forwarder.count("GetCallerIdentity") - 1 <= 15
