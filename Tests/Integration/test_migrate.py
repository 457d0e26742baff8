"""aws-vault's file store read (entries made by jwcrypto in 99designs/keyring's
exact format) and `vault migrate`: 20 profiles moved with none lost, also when
SIGKILLed midway and run again; the two file formats never share a folder."""
import json
import os
import pathlib
import random
import signal
import subprocess
import sys
import time

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import awsvaultfile  # noqa: E402
import filestore  # noqa: E402

from conftest import run_vault  # noqa: E402

PASSPHRASE = "aws-vault file pass"
PRINT_KEYS = ["--", "sh", "-c", 'printf "%s %s" "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY"']


def keys_for(i: int) -> tuple[str, str]:
    return f"AKIAEXAMPLE{i:09d}", f"secret/{i:02d}+" + "x" * 30


@pytest.fixture
def stores(base_env, tmp_path):
    """aws-vault's folder with 20 profiles (and a cached session, which is not
    moved), and vault's file store in its own folder."""
    aws = tmp_path / "awsvault" / "keys"
    for i in range(20):
        awsvaultfile.write(aws, f"p{i:02d}", awsvaultfile.credentials_json(*keys_for(i)), PASSPHRASE)
    awsvaultfile.write(aws, "sts.GetSessionToken,cDAw,,1999999999",
                       b'{"AccessKeyId":"ASIA","SecretAccessKey":"s","SessionToken":"t","Expiration":"2033-05-18T03:33:19Z"}',
                       PASSPHRASE)
    env = dict(base_env, AWS_VAULT_FILE_DIR=str(aws), VAULT_FILE_DIR=str(tmp_path / "vault-keys"),
               AWS_VAULT_FILE_PASSPHRASE=PASSPHRASE)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    return env, aws, tmp_path / "vault-keys"


def profiles() -> list[str]:
    return [f"p{i:02d}" for i in range(20)]


def target_keys(directory: pathlib.Path) -> dict:
    """vault's file store as read by the independent reader (not by vault)."""
    if not (directory / "store.json").exists():
        return {}
    key = filestore.data_key(directory, PASSPHRASE)
    return {name: json.loads(filestore.read(directory, PASSPHRASE, name, key)) for name in filestore.names(directory)}


def assert_all_in_target(target: pathlib.Path):
    found = target_keys(target)
    assert sorted(found) == profiles()
    for i, name in enumerate(profiles()):
        assert (found[name]["AccessKeyID"], found[name]["SecretAccessKey"]) == keys_for(i)


# MARK: reading aws-vault's file store

def test_aws_vault_file_entries_are_read(vault_bin, stores):
    env, aws, _ = stores
    awsvaultfile.write(aws, "team/a%b", awsvaultfile.credentials_json(*keys_for(99)), PASSPHRASE)
    assert (aws / "team%2Fa%25b").is_file()
    listed = run_vault(vault_bin, ["list", "--json", "--backend", "aws-vault-file"], env)
    assert listed.returncode == 0, listed.stderr
    for name in profiles() + ["team/a%b"]:
        assert f'"{name}"' in listed.stdout
    result = run_vault(vault_bin, ["exec", "-n", "--backend", "aws-vault-file", "team/a%b", *PRINT_KEYS], env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == " ".join(keys_for(99))


def test_a_wrong_passphrase_a_changed_byte_and_another_algorithm_are_one_clear_line_each(vault_bin, stores):
    env, aws, _ = stores
    argv = ["exec", "-n", "--backend", "aws-vault-file", "p00", *PRINT_KEYS]
    wrong = run_vault(vault_bin, argv, dict(env, AWS_VAULT_FILE_PASSPHRASE="nope"))
    assert wrong.returncode != 0 and wrong.stdout == ""
    assert wrong.stderr == f"vault: wrong passphrase for the file store at {aws}\n"
    token = (aws / "p00").read_text().split(".")
    token[3] = token[3][:-2] + ("A" if token[3][-2] != "A" else "B") + token[3][-1]
    (aws / "p00").write_text(".".join(token))
    changed = run_vault(vault_bin, argv, env)
    assert changed.returncode != 0 and changed.stdout == ""
    assert changed.stderr.startswith(f"vault: the file store file {aws}/p00 is damaged") and changed.stderr.count("\n") == 1
    awsvaultfile.write(aws, "p00", awsvaultfile.credentials_json(*keys_for(0)), PASSPHRASE, alg="PBES2-HS512+A256KW")
    other = run_vault(vault_bin, argv, env)
    assert other.returncode != 0 and "only alg PBES2-HS256+A128KW with enc A256GCM is read" in other.stderr
    huge = awsvaultfile.write(aws, "p01", b"{}", PASSPHRASE)
    header, *rest = huge.read_text().split(".")
    import base64
    fields = json.loads(base64.urlsafe_b64decode(header + "=" * (-len(header) % 4)))
    fields["p2c"] = 10**9
    forged = base64.urlsafe_b64encode(json.dumps(fields).encode()).decode().rstrip("=")
    huge.write_text(".".join([forged, *rest]))
    costly = run_vault(vault_bin, ["exec", "-n", "--backend", "aws-vault-file", "p01", *PRINT_KEYS], env)
    assert costly.returncode != 0 and "p2c is missing or outside" in costly.stderr


def test_aws_vault_file_is_read_only(vault_bin, stores):
    env, _, _ = stores
    result = run_vault(vault_bin, ["add", "new", "--env", "--no-add-config", "--backend", "aws-vault-file"],
                       dict(env, AWS_ACCESS_KEY_ID=keys_for(1)[0], AWS_SECRET_ACCESS_KEY="a" * 40))
    assert result.returncode != 0
    assert "read-only for vault" in result.stderr and "vault migrate --from aws-vault-file --to file" in result.stderr


# MARK: the two formats never share a folder

def test_vaults_file_store_refuses_aws_vaults_folder(vault_bin, stores):
    env, aws, _ = stores
    before = sorted(p.name for p in aws.iterdir())
    result = run_vault(vault_bin, ["add", "x", "--env", "--no-add-config", "--backend", "file"],
                       dict(env, VAULT_FILE_DIR=str(aws), AWS_ACCESS_KEY_ID=keys_for(1)[0], AWS_SECRET_ACCESS_KEY="a" * 40))
    assert result.returncode != 0 and result.stdout == ""
    assert result.stderr.startswith(f"vault: the folder {aws} holds files that are not vault's file store")
    assert sorted(p.name for p in aws.iterdir()) == before


def test_aws_vault_file_refuses_vaults_folder_and_the_old_variable_points_to_the_new_one(vault_bin, stores):
    env, _, target = stores
    assert run_vault(vault_bin, ["migrate", "--from", "aws-vault-file", "--to", "file", "p00"], env).returncode == 0
    wrong = run_vault(vault_bin, ["list", "--backend", "aws-vault-file"], dict(env, AWS_VAULT_FILE_DIR=str(target)))
    assert wrong.returncode != 0 and f"the folder {target} holds vault's own file store" in wrong.stderr
    # Someone who set AWS_VAULT_FILE_DIR for vault's own store is told what to set now.
    legacy = dict(env, AWS_VAULT_FILE_DIR=str(target))
    del legacy["VAULT_FILE_DIR"]
    moved = run_vault(vault_bin, ["list", "--backend", "file"], legacy)
    assert moved.returncode != 0
    assert moved.stderr == (f"vault: AWS_VAULT_FILE_DIR ({target}) holds vault's own file store, but vault now reads "
                            f"that variable as aws-vault's folder only; set VAULT_FILE_DIR={target} to keep using it\n")


# MARK: migrate

def test_migrate_moves_20_profiles_and_verifies_them(vault_bin, stores):
    env, aws, target = stores
    dry = run_vault(vault_bin, ["migrate", "--from", "aws-vault-file", "--to", "file", "--dry-run", "--delete"], env)
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.splitlines() == [line for p in profiles() for line in
                                       (f"would copy {p} to file", f"would remove {p} from aws-vault-file")]
    assert not target.exists()
    result = run_vault(vault_bin, ["migrate", "--from", "aws-vault-file", "--to", "file"], env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"copied {p} to file" for p in profiles()]
    assert_all_in_target(target)
    assert all(awsvaultfile.read(aws, p, PASSPHRASE) for p in profiles())  # copied, not moved
    again = run_vault(vault_bin, ["migrate", "--from", "aws-vault-file", "--to", "file"], env)
    assert again.stdout.splitlines() == [f"p{i:02d} already in file" for i in range(20)]
    snapshot = {p.name: p.read_bytes() for p in target.iterdir() if p.is_file()}
    assert {p.name: p.read_bytes() for p in target.iterdir() if p.is_file()} == snapshot  # nothing rewritten
    moved = run_vault(vault_bin, ["migrate", "--from", "aws-vault-file", "--to", "file", "--delete", "p03", "p04"], env)
    assert moved.returncode == 0, moved.stderr
    assert not (aws / "p03").exists() and not (aws / "p04").exists() and (aws / "p05").exists()


def test_different_keys_in_the_target_are_never_overwritten(vault_bin, stores):
    env, aws, target = stores
    added = run_vault(vault_bin, ["add", "p07", "--env", "--no-add-config", "--backend", "file"],
                      dict(env, AWS_ACCESS_KEY_ID="AKIAOTHERKEY00000000", AWS_SECRET_ACCESS_KEY="b" * 40))
    assert added.returncode == 0, added.stderr
    result = run_vault(vault_bin, ["migrate", "--from", "aws-vault-file", "--to", "file", "--delete"], env)
    assert result.returncode == 1
    assert "vault: profile 'p07' already has different keys in file; nothing was changed for it" in result.stderr
    assert "vault: 1 profile was not moved" in result.stderr
    assert target_keys(target)["p07"]["AccessKeyID"] == "AKIAOTHERKEY00000000"
    assert (aws / "p07").exists() and not (aws / "p06").exists()


def test_a_named_profile_missing_everywhere_fails_clearly(vault_bin, stores):
    env, _, _ = stores
    result = run_vault(vault_bin, ["migrate", "--from", "aws-vault-file", "--to", "file", "nosuch"], env)
    assert result.returncode == 1 and result.stdout == ""
    assert "vault: profile 'nosuch' has no keys in aws-vault-file" in result.stderr


def _run_and_kill(vault_bin, env, kill) -> int:
    process = subprocess.Popen([vault_bin, "migrate", "--from", "aws-vault-file", "--to", "file", "--delete"], env=env,
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    kill(process)
    process.wait(timeout=120)
    process.stdout.close()
    process.stderr.close()
    return process.returncode


def _nothing_lost(aws: pathlib.Path, target: pathlib.Path):
    """Every profile is in the source or the target (or both), with its keys."""
    in_target = target_keys(target)
    for i, name in enumerate(profiles()):
        if name in in_target:
            assert (in_target[name]["AccessKeyID"], in_target[name]["SecretAccessKey"]) == keys_for(i)
        else:
            assert json.loads(awsvaultfile.read(aws, name, PASSPHRASE))["AccessKeyID"] == keys_for(i)[0]


def test_migrate_killed_after_a_random_step_then_run_again_loses_nothing(vault_bin, stores):
    env, aws, target = stores
    rng = random.Random()
    steps = rng.randrange(1, 39)  # 40 steps: a copy and a removal per profile

    def after_steps(process):
        for _ in range(steps):
            assert process.stdout.readline()
        process.send_signal(signal.SIGKILL)

    assert _run_and_kill(vault_bin, env, after_steps) == -signal.SIGKILL, steps
    _nothing_lost(aws, target)
    again = run_vault(vault_bin, ["migrate", "--from", "aws-vault-file", "--to", "file", "--delete"], env)
    assert again.returncode == 0, again.stderr
    assert_all_in_target(target)
    assert sorted(p.name for p in aws.iterdir()) == ["sts.GetSessionToken,cDAw,,1999999999"]
    assert filestore.temp_files(target) == []


def test_migrate_killed_at_random_moments_then_run_again_loses_nothing(vault_bin, stores):
    env, aws, target = stores
    rng = random.Random()
    span, outcomes = 0.05, set()
    for _ in range(12):
        def at_a_random_moment(process):
            time.sleep(rng.uniform(0, span))
            process.send_signal(signal.SIGKILL)

        code = _run_and_kill(vault_bin, env, at_a_random_moment)
        outcomes.add(code)
        _nothing_lost(aws, target)
        span *= 1.5 if code == -signal.SIGKILL else 0.8
    again = run_vault(vault_bin, ["migrate", "--from", "aws-vault-file", "--to", "file", "--delete"], env)
    assert again.returncode == 0, again.stderr
    assert_all_in_target(target)
    assert -signal.SIGKILL in outcomes


def test_migrate_between_file_and_pass_both_ways(vault_bin, stores, pass_store):
    env, _, target = stores
    env = dict(env, GNUPGHOME=pass_store.env["GNUPGHOME"], PASSWORD_STORE_DIR=str(pass_store.directory))
    assert run_vault(vault_bin, ["migrate", "--from", "aws-vault-file", "--to", "file", "p01", "p02"], env).returncode == 0
    to_pass = run_vault(vault_bin, ["migrate", "--from", "file", "--to", "pass", "--delete"], env)
    assert to_pass.returncode == 0, to_pass.stderr
    assert sorted(p.name for p in pass_store.directory.glob("*.gpg")) == ["p01.gpg", "p02.gpg"]
    assert target_keys(target) == {}
    back = run_vault(vault_bin, ["migrate", "--from", "pass", "--to", "file"], env)
    assert back.returncode == 0, back.stderr
    found = target_keys(target)
    assert (found["p02"]["AccessKeyID"], found["p02"]["SecretAccessKey"]) == keys_for(2)


def test_migrate_from_aws_vault_file_into_the_secret_service_and_on_to_pass(vault_bin, stores, secret_service, pass_store):
    env, aws, _ = stores
    env = dict(env, **secret_service.env, GNUPGHOME=pass_store.env["GNUPGHOME"],
               PASSWORD_STORE_DIR=str(pass_store.directory))
    into = run_vault(vault_bin, ["migrate", "--from", "aws-vault-file", "--to", "secret-service", "--delete"], env)
    assert into.returncode == 0, into.stderr
    assert sorted(p.name for p in aws.iterdir()) == ["sts.GetSessionToken,cDAw,,1999999999"]
    on = run_vault(vault_bin, ["migrate", "--from", "secret-service", "--to", "pass", "p05", "p06", "--delete"], env)
    assert on.returncode == 0, on.stderr
    assert on.stdout.splitlines() == ["copied p05 to pass", "removed p05 from secret-service",
                                      "copied p06 to pass", "removed p06 from secret-service"]
    listed = run_vault(vault_bin, ["list", "--json", "--backend", "secret-service"], env)
    assert '"p05"' not in listed.stdout and '"p07"' in listed.stdout
    result = run_vault(vault_bin, ["exec", "-n", "--backend", "pass", "p06", *PRINT_KEYS], env)
    assert result.stdout == " ".join(keys_for(6)), result.stderr
