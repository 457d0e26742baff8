"""The encrypted file store, through the vault binary: round trip, wrong
passphrase, damage, permissions, concurrent writers, SIGKILL at random
moments, and the kernel-keyring unlock cache."""
import hashlib
import json
import os
import pathlib
import random
import shutil
import signal
import subprocess
import sys
import time

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import filestore  # noqa: E402
from session_keyring import in_session  # noqa: E402

from conftest import run_vault  # noqa: E402

KEY_ID = "AKIAIOSFODNN7EXAMPLE"
SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
PASSPHRASE = "correct horse battery"


@pytest.fixture
def store_env(base_env, home):
    env = dict(base_env, AWS_VAULT_BACKEND="file", AWS_VAULT_FILE_PASSPHRASE=PASSPHRASE,
               AWS_ACCESS_KEY_ID=KEY_ID, AWS_SECRET_ACCESS_KEY=SECRET, AWS_VAULT_FILE_UNLOCK_TTL="15m")
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    yield env
    # Forget the unlock key this test's store left in the kernel keyring.
    run_vault(os.environ.get("VAULT_BIN") or str(pathlib.Path(__file__).resolve().parents[2] / ".build/debug/vault"),
              ["lock"], env)


def store_dir(env) -> pathlib.Path:
    return pathlib.Path(env["XDG_DATA_HOME"]) / "vault" / "keys"


def snapshot(directory: pathlib.Path) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.iterdir()) if p.is_file()}


def add(vault_bin, env, profile, **kw):
    return run_vault(vault_bin, ["add", profile, "--env", "--no-add-config"], env, **kw)


def test_round_trip_in_aws_vault_json_with_private_modes(vault_bin, store_env):
    result = run_vault(vault_bin, ["add", "work", "--env"], store_env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    directory = store_dir(store_env)
    assert directory.stat().st_mode & 0o777 == 0o700
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in directory.iterdir())
    stored = json.loads(filestore.read(directory, PASSPHRASE, "work"))
    assert stored == {"AccessKeyID": KEY_ID, "SecretAccessKey": SECRET, "SessionToken": "", "Source": "",
                      "CanExpire": False, "Expires": "0001-01-01T00:00:00Z"}
    # The secret is nowhere in the store in plaintext.
    assert all(SECRET.encode() not in p.read_bytes() for p in directory.iterdir())


def test_add_appends_the_profile_to_the_config_leaving_bytes_alone(vault_bin, store_env):
    config = pathlib.Path(store_env["AWS_CONFIG_FILE"])
    original = b"# keep me\r\n[default]\nregion = eu-west-1\n[profile other]\nregion=us-east-1"
    config.write_bytes(original)
    assert run_vault(vault_bin, ["add", "work", "--env"], store_env).returncode == 0
    assert config.read_bytes() == original + b"\n\n[profile work]\n"
    assert run_vault(vault_bin, ["add", "other", "--env"], store_env).returncode == 0
    assert config.read_bytes() == original + b"\n\n[profile work]\n"
    assert run_vault(vault_bin, ["add", "third", "--env", "--no-add-config"], store_env).returncode == 0
    assert b"third" not in config.read_bytes()


def test_add_refuses_a_profile_with_source_profile(vault_bin, store_env):
    config = pathlib.Path(store_env["AWS_CONFIG_FILE"])
    config.write_text("[profile base]\n[profile role]\nsource_profile = base\nrole_arn = arn:aws:iam::1:role/x\n")
    result = run_vault(vault_bin, ["add", "role", "--env"], store_env)
    assert result.returncode != 0
    assert "source_profile" in result.stderr and f"{config}:3" in result.stderr
    assert not store_dir(store_env).exists()


@pytest.mark.parametrize("key_id,secret", [("AKIA123", SECRET), (KEY_ID, "short"), ("ASIAIOSFODNN7EXAMPLE", SECRET)])
def test_add_checks_the_shape_of_the_keys(vault_bin, store_env, key_id, secret):
    result = run_vault(vault_bin, ["add", "work", "--env"], dict(store_env, AWS_ACCESS_KEY_ID=key_id, AWS_SECRET_ACCESS_KEY=secret))
    assert result.returncode != 0
    assert result.stderr.startswith("vault: ") and result.stderr.count("\n") == 1
    assert secret not in result.stderr or secret == SECRET


def test_wrong_passphrase_is_told_and_changes_nothing(vault_bin, store_env):
    assert add(vault_bin, store_env, "work").returncode == 0
    assert run_vault(vault_bin, ["lock"], store_env).returncode == 0
    before = snapshot(store_dir(store_env))
    result = add(vault_bin, dict(store_env, AWS_VAULT_FILE_PASSPHRASE="wrong"), "other")
    assert result.returncode != 0
    assert result.stderr == f"vault: wrong passphrase for the file store at {store_dir(store_env)}\n"
    assert result.stdout == ""
    assert snapshot(store_dir(store_env)) == before


def test_a_damaged_header_is_named_and_never_overwritten(vault_bin, store_env):
    assert add(vault_bin, store_env, "work").returncode == 0
    run_vault(vault_bin, ["lock"], store_env)
    header = store_dir(store_env) / "store.json"
    header.write_bytes(header.read_bytes()[:40])
    damaged = header.read_bytes()
    result = add(vault_bin, store_env, "other")
    assert result.returncode != 0
    assert str(header) in result.stderr and "damaged" in result.stderr
    assert header.read_bytes() == damaged
    assert filestore.names(store_dir(store_env)) == ["work"]


def test_a_store_others_can_write_is_refused(vault_bin, store_env):
    assert add(vault_bin, store_env, "work").returncode == 0
    directory = store_dir(store_env)
    directory.chmod(0o777)
    result = add(vault_bin, store_env, "other")
    assert result.returncode != 0
    assert f"refusing the file store at {directory}" in result.stderr
    directory.chmod(0o700)
    run_vault(vault_bin, ["lock"], store_env)
    (directory / "store.json").chmod(0o666)
    result = add(vault_bin, store_env, "other")
    assert result.returncode != 0
    assert f"refusing the file store at {directory / 'store.json'}" in result.stderr
    assert filestore.names(directory) == ["work"]


def test_twenty_concurrent_adds_all_land(vault_bin, store_env):
    assert add(vault_bin, store_env, "seed").returncode == 0
    procs = [subprocess.Popen([vault_bin, "add", f"p{i}", "--env", "--no-add-config"], env=store_env,
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for i in range(20)]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    directory = store_dir(store_env)
    assert filestore.names(directory) == sorted(["seed"] + [f"p{i}" for i in range(20)])
    key = filestore.data_key(directory, PASSPHRASE)
    for i in range(20):
        assert json.loads(filestore.read(directory, PASSPHRASE, f"p{i}", key))["AccessKeyID"] == KEY_ID
    assert filestore.temp_files(directory) == []


def test_twenty_concurrent_adds_on_a_new_store_share_one_header(vault_bin, store_env):
    procs = [subprocess.Popen([vault_bin, "add", f"p{i}", "--env", "--no-add-config"], env=store_env,
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for i in range(20)]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    assert filestore.names(store_dir(store_env)) == sorted(f"p{i}" for i in range(20))
    key = filestore.data_key(store_dir(store_env), PASSPHRASE)
    for i in range(20):
        filestore.read(store_dir(store_env), PASSPHRASE, f"p{i}", key)


def test_sigkill_at_random_moments_never_loses_a_returned_write(vault_bin, store_env):
    assert add(vault_bin, store_env, "seed").returncode == 0  # the unlock cache makes each run quick
    # Kill moments spread over a whole write: uniform in [0, 2 × a write's usual duration].
    durations = []
    for i in range(5):
        start = time.monotonic()
        assert add(vault_bin, store_env, f"warm{i}").returncode == 0
        durations.append(time.monotonic() - start)
    span = 2 * sorted(durations)[2]  # adapted after each kill (below) so that load cannot starve either outcome
    rng = random.Random(20261129)
    returned = {"seed"} | {f"warm{i}" for i in range(5)}
    killed = 0
    for i in range(200):
        profile = f"k{i}"
        p = subprocess.Popen([vault_bin, "add", profile, "--env", "--no-add-config"], env=store_env,
                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0, span))
        p.send_signal(signal.SIGKILL)
        code = p.wait(timeout=30)
        if code == 0:
            returned.add(profile)
            span *= 0.9  # the write finished first: aim earlier next time
        else:
            assert code == -signal.SIGKILL
            killed += 1
            span *= 1.1  # killed first: aim later next time (keeps both outcomes common under load)
    assert killed > 10 and len(returned) > 10, (killed, len(returned), span)  # both outcomes were exercised
    directory = store_dir(store_env)
    key = filestore.data_key(directory, PASSPHRASE)
    present = filestore.names(directory)
    assert returned <= set(present)
    for name in present:  # every file present opens: old or new state, never torn
        assert json.loads(filestore.read(directory, PASSPHRASE, name, key))["AccessKeyID"] == KEY_ID
    # and vault itself still opens and writes the store, and clears what a
    # killed writer left (one planted, in case no kill above fell mid-write)
    planted = filestore.item_path(directory, "k0").with_name("." + filestore.item_path(directory, "k0").name + ".vault-AbC123.tmp")
    planted.write_bytes(b"half")
    assert add(vault_bin, store_env, "after").returncode == 0
    assert filestore.temp_files(directory) == []


def test_the_unlock_cache_serves_other_processes_and_lock_clears_it(vault_bin, store_env, tmp_path):
    # In a session keyring of its own (a login session's): the cache is in force.
    script = """
        vault add work --env --no-add-config
        env -u AWS_VAULT_FILE_PASSPHRASE vault add second --env --no-add-config && echo second-served
        vault lock
        env -u AWS_VAULT_FILE_PASSPHRASE vault add third --env --no-add-config 2> third.err || echo third-refused
    """
    result = in_session(script, store_env, tmp_path)
    assert result.returncode == 0, result.stderr
    # no passphrase, no terminal: the kernel keyring served, until vault lock
    assert result.stdout.split() == ["second-served", "third-refused"]
    third = (tmp_path / "third.err").read_text()
    assert "locked and there is no terminal" in third and "AWS_VAULT_FILE_PASSPHRASE" in third


def test_the_unlock_cache_expires(vault_bin, store_env, tmp_path):
    script = """
        AWS_VAULT_FILE_UNLOCK_TTL=1s vault add work --env --no-add-config
        env -u AWS_VAULT_FILE_PASSPHRASE vault add served --env --no-add-config 2>/dev/null && echo served
        for i in $(seq 150); do  # up to 15 s
            env -u AWS_VAULT_FILE_PASSPHRASE vault add later --env --no-add-config 2> later.err || { echo expired; break; }
            sleep 0.1
        done
    """
    result = in_session(script, store_env, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == "expired" and "locked" in (tmp_path / "later.err").read_text()


def test_ttl_zero_keeps_nothing_in_the_kernel(vault_bin, store_env):
    env = dict(store_env, AWS_VAULT_FILE_UNLOCK_TTL="0")
    assert add(vault_bin, env, "work").returncode == 0
    without = dict(env)
    del without["AWS_VAULT_FILE_PASSPHRASE"]
    assert add(vault_bin, without, "second").returncode != 0


@pytest.mark.skipif(not shutil.which("strace"), reason="strace injects the keyctl failure")
def test_works_silently_where_keyctl_is_blocked(vault_bin, store_env, tmp_path):
    blocked = ["strace", "-f", "-o", str(tmp_path / "trace"), "-e", "trace=add_key,keyctl",
               "-e", "inject=add_key,keyctl:error=EPERM"]
    result = subprocess.run([*blocked, vault_bin, "add", "work", "--env"], env=store_env, capture_output=True, text=True,
                            stdin=subprocess.DEVNULL, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stderr == 'Added credentials to profile "work" in the store.\n'
    assert "EPERM (Operation not permitted) (INJECTED)" in (tmp_path / "trace").read_text()
    result = subprocess.run([*blocked, vault_bin, "add", "two", "--env"], env=store_env, capture_output=True, text=True,
                            stdin=subprocess.DEVNULL, timeout=60)
    assert result.returncode == 0, result.stderr


def test_lock_without_a_store_is_quiet(vault_bin, store_env):
    result = run_vault(vault_bin, ["lock"], store_env)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_remove_deletes_keys_and_sessions(vault_bin, store_env):
    assert add(vault_bin, store_env, "work").returncode == 0
    result = run_vault(vault_bin, ["remove", "-f", "work"], store_env)
    assert result.returncode == 0, result.stderr
    assert filestore.names(store_dir(store_env)) == []
    result = run_vault(vault_bin, ["rm", "-f", "work"], store_env)
    assert result.returncode != 0 and "no credentials stored for profile 'work'" in result.stderr
    assert add(vault_bin, store_env, "work").returncode == 0
    result = run_vault(vault_bin, ["remove", "work"], store_env)  # no terminal to confirm
    assert result.returncode != 0 and "no terminal" in result.stderr
    assert filestore.names(store_dir(store_env)) == ["work"]


def test_a_missing_header_beside_items_is_refused_never_recreated(vault_bin, store_env):
    assert add(vault_bin, store_env, "work").returncode == 0
    directory = store_dir(store_env)
    header = directory / "store.json"
    header.unlink()
    before = snapshot(directory)
    for args in (["add", "other", "--env", "--no-add-config"], ["export", "work", "--no-session"]):
        result = run_vault(vault_bin, args, store_env)
        assert result.returncode != 0 and result.stdout == ""
        assert result.stderr.startswith(f"vault: the file store at {directory} has 1 item but no store.json")
        assert "restore" in result.stderr and result.stderr.count("\n") == 1
        assert not header.exists()
        assert snapshot(directory) == before


@pytest.mark.parametrize("field", ["key", "salt", "id", "check", "logN"])
def test_a_tampered_header_says_what_is_wrong_not_wrong_passphrase(vault_bin, store_env, field):
    assert add(vault_bin, store_env, "work").returncode == 0
    header = store_dir(store_env) / "store.json"
    fields = json.loads(header.read_text())
    if field == "logN":
        fields["scrypt"]["logN"] += 1
    else:
        value = fields[field]
        middle = len(value) // 2
        fields[field] = value[:middle] + ("A" if value[middle] != "A" else "B") + value[middle + 1:]
    header.write_text(json.dumps(fields))
    result = add(vault_bin, store_env, "other")
    assert result.returncode != 0
    assert "wrong passphrase" not in result.stderr
    assert result.stderr == (f"vault: the file store file {header} was changed after vault wrote it (its fields do not "
                             "match its digest); restore it from a backup\n")
    assert filestore.names(store_dir(store_env)) == ["work"]
