"""vault doctor through the binary: every check in a set-up where it passes
(one set-up, all green, exit 0) and in one where it fails (exit 1, the fix
on the same line). Expired sessions are only unit-tested (DoctorTests.swift):
the binary cannot be made to hold an expired session without waiting for one."""
import os
import shutil
import subprocess

import pytest

from conftest import run_vault
from fixtures.world import UNCHECKED, share_mfa_session, vault


def good_env(world, tmp_path, **extra):
    """Everything right: the hook marker names this process (vault's parent),
    completions where bash-completion looks."""
    share = tmp_path / "share"
    (share / "bash-completion" / "completions").mkdir(parents=True, exist_ok=True)
    (share / "bash-completion" / "completions" / "vault").write_text("# vault completions\n")
    env = dict(world["env"], VAULT_HOOK=f"bash:{os.getpid()}", SHELL="/bin/bash", XDG_DATA_DIRS=str(share))
    env.update(extra)
    return env


def lines(result) -> dict:
    """check name → (ok, line)."""
    found = {}
    for line in result.stdout.splitlines():
        mark, rest = line.split(" ", 1)
        assert mark in ("✓", "✗"), line
        name = rest.split(":", 1)[0]
        found[name] = (mark == "✓", line)
    return found


def test_everything_right_passes_every_check(world, tmp_path):
    share_mfa_session(world)
    world["moto"].set_free_requests(UNCHECKED)
    assert vault(world, "exec", "myrole1", "-t", "123456", "--", "true").returncode == 0
    world["moto"].set_free_requests(0)
    result = vault(world, "doctor", "myrole1", env=good_env(world, tmp_path))
    checks = lines(result)
    assert result.returncode == 0, result.stdout + result.stderr
    assert set(checks) == {"config", "store", "unlock cache", "hook", "completions", "libcrypto", "libcurl", "libdbus",
                           "readline", "sessions", "profile myrole1", "keys", "clock"}, checks
    assert all(ok for ok, _ in checks.values()), result.stdout
    assert f"profile myrole1: stored keys of 'classmethod' → GetSessionToken 28800s (MFA {world['mfa']}) → AssumeRole " \
        in checks["profile myrole1"][1], checks["profile myrole1"]
    assert world["user"].arn in checks["keys"][1]
    assert "2 cached, none expired" in checks["sessions"][1]
    assert "installed in this bash" in checks["hook"][1]
    assert result.stderr == ""


def failing(result, name: str) -> str:
    assert result.returncode == 1, result.stdout + result.stderr
    checks = lines(result)
    ok, line = checks[name]
    assert not ok and " — fix: " in line, line
    assert "check" in result.stderr and "failed" in result.stderr
    return line


def test_broken_config(world, tmp_path):
    config = world["home"] / ".aws" / "config"
    config.write_text("[profile classmethod\nregion = us-east-1\n")
    line = failing(vault(world, "doctor", env=good_env(world, tmp_path)), "config")
    assert f"{config}:1" in line


def test_store_that_does_not_unlock(world, tmp_path):
    env = good_env(world, tmp_path, AWS_VAULT_FILE_PASSPHRASE="not-the-passphrase")
    result = vault(world, "doctor", env=env)
    line = failing(result, "store")
    assert "file store at" in line and "passphrase" in line
    assert "sessions" not in lines(result), "no store, no session check"


def test_hook_of_another_shell(world, tmp_path):
    env = good_env(world, tmp_path, VAULT_HOOK="zsh:1", SHELL="/usr/bin/zsh")
    line = failing(vault(world, "doctor", env=env), "hook")
    assert 'eval "$(vault hook zsh)"' in line and "~/.zshrc" in line


def test_no_completions(world, tmp_path):
    env = good_env(world, tmp_path, XDG_DATA_DIRS=str(tmp_path / "nothing"))
    line = failing(vault(world, "doctor", env=env), "completions")
    assert "--generate-completion-script bash" in line


def _hidden(library: str) -> list[str]:
    """A command prefix that runs vault with `library` unloadable: /dev/null
    bound over it in a private mount namespace."""
    found = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    path = next((line.split("=>")[1].strip() for line in found.splitlines() if line.strip().startswith(library + " ")), None)
    if path is None or not shutil.which("unshare"):
        pytest.skip(f"{library} or unshare not found")
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("cannot make a mount namespace here")
    return ["unshare", "-m", "sh", "-c", f'mount --bind /dev/null "{os.path.realpath(path)}" && exec "$@"', "sh"]


@pytest.mark.parametrize("library,check,package", [("libcurl.so.4", "libcurl", "libcurl4"),
                                                   ("libdbus-1.so.3", "libdbus", "libdbus-1-3")])
def test_library_that_cannot_be_loaded(world, tmp_path, library, check, package):
    prefix = _hidden(library)
    result = subprocess.run(prefix + [world["bin"], "doctor"], env=good_env(world, tmp_path), capture_output=True,
                            text=True, timeout=60, stdin=subprocess.DEVNULL)
    line = failing(result, check)
    assert "cannot be loaded" in line and f"apt install {package}" in line
    other = "libdbus" if check == "libcurl" else "libcurl"
    assert lines(result)[other][0], "only the hidden library fails"


def test_profile_whose_chain_does_not_resolve(world, tmp_path):
    config = world["home"] / ".aws" / "config"
    config.write_text(config.read_text() + "\n[profile broken]\nsource_profile = nowhere\nrole_arn = arn:aws:iam::123456789012:role/x\n")
    line = failing(vault(world, "doctor", "broken", env=good_env(world, tmp_path)), "profile broken")
    assert "nowhere" in line


def test_profile_without_stored_keys(world, tmp_path):
    config = world["home"] / ".aws" / "config"
    config.write_text(config.read_text() + "\n[profile lonely]\nregion = us-east-1\n")
    line = failing(vault(world, "doctor", "lonely", env=good_env(world, tmp_path)), "keys")
    assert "vault add lonely" in line


def test_stored_key_that_aws_no_longer_knows(world, tmp_path):
    user = world["user"]
    world["moto"].client("iam").delete_access_key(UserName="cm-user", AccessKeyId=user.access_key_id)
    line = failing(vault(world, "doctor", "classmethod", env=good_env(world, tmp_path)), "keys")
    assert "InvalidClientTokenId" in line and "vault rotate" in line


def test_clock_ten_minutes_off(world, tmp_path, forwarder):
    forwarder.date_offset = 600  # AWS's clock (the Date header) 10 minutes ahead of ours
    env = good_env(world, tmp_path, AWS_ENDPOINT_URL_STS=forwarder.url)
    result = vault(world, "doctor", "classmethod", env=env)
    line = failing(result, "clock")
    assert "10 minutes behind AWS's" in line and "ntp" in line
    assert lines(result)["keys"][0], "the key itself works"


def test_secret_service_store_that_answers_and_one_that_is_locked(vault_bin, base_env, secret_service):
    secret_service.create_collection("awsvault")
    env = dict(base_env, **secret_service.env, AWS_ACCESS_KEY_ID="AKIAIOSFODNN7EXAMPLE",
               AWS_SECRET_ACCESS_KEY="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    assert run_vault(vault_bin, ["add", "work", "--env", "--no-add-config"], env).returncode == 0
    ok = lines(run_vault(vault_bin, ["doctor"], env))["store"]
    assert ok[0] and "Secret Service from GNOME Keyring (gnome-keyring-d" in ok[1] and "1 profile with keys" in ok[1], ok
    assert "collection 'awsvault' unlocked" in ok[1], ok
    secret_service.lock("awsvault")
    result = run_vault(vault_bin, ["doctor"], env)
    line = failing(result, "store")
    assert "collection 'awsvault' locked" in line and "fix: unlock it in your keyring manager (GNOME Keyring)" in line


def test_secret_service_asked_for_without_a_session_bus(world, tmp_path):
    env = good_env(world, tmp_path, AWS_VAULT_BACKEND="secret-service")
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    line = failing(vault(world, "doctor", env=env), "store")
    assert "no D-Bus session bus" in line and "fix: try --backend file" in line
