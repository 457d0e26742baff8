"""Theft attempts on the file store's unlock key, as a process of the same
user would make them (issue 11, item 1 and 2).

vault runs inside a real session keyring (`keyctl session -`), so its unlock
cache is in force. Then a child of `vault exec`, a process in another session
keyring and one with none each read every key /proc/keys lists; none gets the
store's data key, the child's environment holds no passphrase, and `vault
export` inside the child cannot reach the long-term keys. A sibling in the same
session does read the key: that is the threat model README states (as with the
Secret Service, which any process of that login session can query), and it
shows the thief would see the key where it is reachable.

Without a session keyring of its own (its session keyring is the user-session
keyring: containers, CI) vault keeps nothing in the kernel and asks for the
passphrase each time.
"""
import json
import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import filestore  # noqa: E402
from session_keyring import USER_SESSION, in_session  # noqa: E402

from fixtures.world import UNCHECKED  # noqa: E402

STEAL = pathlib.Path(__file__).parent / "steal_keys.py"
PASSPHRASE = "walkthrough-pass"


def steal_report(path: pathlib.Path) -> dict:
    return json.loads(path.read_text())


def cache_name(env: dict) -> str:
    """The description of this test's store's key in the kernel keyring (other
    vault processes of this user may have keys of their own stores there)."""
    header = json.loads((pathlib.Path(env["XDG_DATA_HOME"]) / "vault" / "keys" / "store.json").read_text())
    return "vault:file-store:" + header["id"]


@pytest.fixture
def cached_world(world):
    world["moto"].set_free_requests(UNCHECKED)
    env = dict(world["env"], AWS_VAULT_FILE_UNLOCK_TTL="15m")
    return world, env


def test_no_process_vault_starts_and_no_other_session_reads_the_unlock_key(cached_world):
    world, env = cached_world
    tmp = world["tmp"]
    user = world["user"]
    script = f"""
        keyctl session - true >/dev/null  # keyctl works here
        vault exec classmethod -- true                   # unlocks: the data key goes to this session keyring
        env -u AWS_VAULT_FILE_PASSPHRASE vault export classmethod > export.out   # the cache serves this session (no passphrase, no terminal)
        python3 {STEAL} > sibling.json                   # same session, not started by vault
        vault exec classmethod -- python3 {STEAL} env -u AWS_VAULT vault export classmethod --format json > child.json
        keyctl session - python3 {STEAL} > other.json 2>/dev/null   # another session keyring
        keyctl session {USER_SESSION} python3 {STEAL} > nosession.json 2>/dev/null  # no session keyring of its own
    """
    result = in_session(script, env, tmp)
    assert result.returncode == 0, result.stderr
    key = filestore.data_key(pathlib.Path(env["XDG_DATA_HOME"]) / "vault" / "keys", PASSPHRASE).hex()
    assert "AWS_SESSION_TOKEN" in (tmp / "export.out").read_text()

    # Where the key is reachable the thief does see it: the test can fail.
    assert key in steal_report(tmp / "sibling.json")["stolen"].values()

    child = steal_report(tmp / "child.json")
    assert key not in child["stolen"].values()
    assert not [line for line in child["listed"] if cache_name(env) in line]
    assert "AWS_VAULT_FILE_PASSPHRASE" not in child["environ"]
    assert not [name for name, value in child["environ"].items() if PASSPHRASE in value]
    assert child["environ"]["AWS_ACCESS_KEY_ID"] != user.access_key_id  # temporary credentials only
    export = child["export"]
    assert export["status"] != 0 and export["stdout"] == ""
    assert "locked" in export["stderr"]
    assert user.secret_access_key not in json.dumps(child)

    for name in ("other.json", "nosession.json"):
        report = steal_report(tmp / name)
        assert key not in report["stolen"].values(), name
        assert not [line for line in report["listed"] if cache_name(env) in line], name


def test_credential_and_mfa_processes_get_a_fresh_keyring_and_no_passphrase(cached_world):
    world, env = cached_world
    tmp = world["tmp"]
    config = world["home"] / ".aws" / "config"
    # credential_process's output must be the AWS JSON; a failing run shows us its stderr.
    steal_then_fail = tmp / "steal_then_fail.sh"
    steal_then_fail.write_text(f"#!/bin/sh\npython3 {STEAL} > \"$1\"\nexit 3\n")
    steal_then_fail.chmod(0o700)
    config.write_text(config.read_text() + f"""
[profile thief]
credential_process = {steal_then_fail} {tmp / 'process.json'}

[profile mfathief]
source_profile = classmethod
role_arn = {world['role1']}
mfa_serial = {world['mfa']}
mfa_process = {steal_then_fail} {tmp / 'mfa.json'}
""")
    script = """
        vault exec classmethod -- true
        vault export thief --format json > /dev/null 2>&1 || true
        vault export mfathief --format json > /dev/null 2> mfa.err || true
    """
    result = in_session(script, env, tmp)
    assert result.returncode == 0, result.stderr
    key = filestore.data_key(pathlib.Path(env["XDG_DATA_HOME"]) / "vault" / "keys", PASSPHRASE).hex()
    for name in ("process.json", "mfa.json"):
        report = steal_report(tmp / name)
        assert key not in report["stolen"].values(), name
        assert "AWS_VAULT_FILE_PASSPHRASE" not in report["environ"], name


def test_without_a_session_keyring_of_its_own_the_passphrase_is_asked_each_time(cached_world):
    world, env = cached_world
    tmp = world["tmp"]
    script = """
        vault exec classmethod -- true
        if env -u AWS_VAULT_FILE_PASSPHRASE vault export classmethod > export.out 2> export.err; then echo served; else echo asked; fi
        vault doctor > doctor.out 2>&1 || true
    """
    result = in_session(script, env, tmp, session=USER_SESSION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "asked"
    assert "locked and there is no terminal" in (tmp / "export.err").read_text()
    with open("/proc/keys") as keys:
        assert cache_name(env) not in keys.read()
    assert "unlock cache: off" in (tmp / "doctor.out").read_text()
    assert "no session keyring of its own" in (tmp / "doctor.out").read_text()
    # In a session keyring of its own, doctor says the cache is in force.
    result = in_session("vault doctor > doctor.out 2>&1 || true", env, tmp)
    assert "unlock cache: on" in (tmp / "doctor.out").read_text()
