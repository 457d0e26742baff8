"""`vault list --sessions` and `--credentials` (with `--json`) against a real
file store filled by a real session from moto."""
import json

from fixtures.world import UNCHECKED, vault


def test_sessions_and_credentials_text_and_json(world):
    world["moto"].set_free_requests(UNCHECKED)
    assert vault(world, "exec", "classmethod", "--", "true").returncode == 0

    text = vault(world, "list", "--sessions")
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert len(lines) == 1
    profile, kind, expiration, left = lines[0].split(" ")
    assert (profile, kind) == ("classmethod", "GetSessionToken")
    assert expiration.endswith("Z") and left

    sessions = json.loads(vault(world, "list", "--sessions", "--json").stdout)
    assert sessions == [{"profile": "classmethod", "kind": "GetSessionToken", "mfa_serial": None,
                         "expiration": expiration}]

    assert vault(world, "list", "--credentials").stdout == "classmethod\n"
    assert json.loads(vault(world, "list", "--credentials", "--json").stdout) == ["classmethod"]

    out = vault(world, "list", "--sessions", "--credentials", "--json").stdout + text.stdout
    assert world["user"].access_key_id not in out and world["user"].secret_access_key not in out


def test_no_sessions_is_an_empty_list(world):
    assert vault(world, "list", "--sessions").stdout == ""
    assert json.loads(vault(world, "list", "--sessions", "--json").stdout) == []


def test_sessions_and_credentials_together_are_refused(world):
    result = vault(world, "list", "--sessions", "--credentials")
    assert result.returncode != 0 and result.stdout == ""
    assert result.stderr.startswith("vault: ")
