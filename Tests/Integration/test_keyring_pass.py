"""The `pass` store against real pass and gpg (a key made for the test):
entries in aws-vault's layout both ways, its variables, sessions cached
there, secrets only on pass's stdin, and failures as one `vault:` line."""
import base64
import json
import os
import pathlib
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import awsvaultfile  # noqa: E402

from conftest import run_vault  # noqa: E402

KEY_ID = "AKIAIOSFODNN7EXAMPLE"
SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
ROOT = pathlib.Path(__file__).resolve().parents[2]
PRINT_KEYS = ["--", "sh", "-c", 'printf "%s %s" "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY"']


def test_the_behavioural_suite_passes_against_pass(pass_store):
    result = subprocess.run(["swift", "test", "--skip-build", "--filter", "KeyringBehaviour"], cwd=ROOT,
                            env=dict(os.environ, **pass_store.env, VAULT_TEST_PASS="1"), capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    # every test ran for memory, file and pass
    assert result.stdout.count("with 3 test cases passed") >= 5, result.stdout[-3000:]


def test_an_entry_aws_vault_wrote_with_pass_insert_is_read(vault_bin, pass_store):
    # Exactly what aws-vault's pass backend sends to `pass insert -m -f work`.
    pass_store.insert("work", awsvaultfile.item_json("work", awsvaultfile.credentials_json(KEY_ID, SECRET)))
    listed = run_vault(vault_bin, ["list"], pass_store.env)
    assert listed.returncode == 0, listed.stderr
    assert "work" in listed.stdout
    result = run_vault(vault_bin, ["exec", "-n", "work", *PRINT_KEYS], pass_store.env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{KEY_ID} {SECRET}"


def test_vaults_entry_is_aws_vaults_json_under_pass_show_and_the_secret_only_went_through_stdin(vault_bin, pass_store, tmp_path):
    # A pass that records its argv and stdin, then runs the real one.
    log = tmp_path / "argv.log"
    wrapper = tmp_path / "pass-recorder"
    wrapper.write_text(f'#!/bin/sh\nprintf "%s\\n" "$*" >> {log}\nexec pass "$@"\n')
    wrapper.chmod(0o700)
    env = dict(pass_store.env, AWS_VAULT_PASS_CMD=str(wrapper), AWS_ACCESS_KEY_ID=KEY_ID, AWS_SECRET_ACCESS_KEY=SECRET)
    result = run_vault(vault_bin, ["add", "dev", "--env", "--no-add-config"], env)
    assert result.returncode == 0, result.stderr
    assert log.read_text().splitlines() == ["insert -m -f dev"]  # nothing secret in argv
    item = json.loads(pass_store.show("dev"))
    assert item["Key"] == "dev" and item["Label"] == "aws-vault (dev)"
    assert json.loads(base64.b64decode(item["Data"])) == {
        "AccessKeyID": KEY_ID, "SecretAccessKey": SECRET, "SessionToken": "", "Source": "", "CanExpire": False,
        "Expires": "0001-01-01T00:00:00Z"}
    assert (pass_store.directory / "dev.gpg").is_file()
    assert SECRET.encode() not in (pass_store.directory / "dev.gpg").read_bytes()
    # and vault reads it back, then removes it through pass rm
    back = run_vault(vault_bin, ["exec", "-n", "dev", *PRINT_KEYS], env)
    assert back.stdout == f"{KEY_ID} {SECRET}", back.stderr
    assert run_vault(vault_bin, ["remove", "-f", "dev"], env).returncode == 0
    assert not (pass_store.directory / "dev.gpg").exists()
    assert log.read_text().splitlines()[-1] == "rm -f dev"


def test_aws_vaults_variables_choose_the_folder_and_the_prefix(vault_bin, pass_store, tmp_path):
    other = tmp_path / "other-store"
    init = pass_store.run("init", "vault-test@example.invalid", env=dict(pass_store.env, PASSWORD_STORE_DIR=str(other)))
    assert init.returncode == 0, init.stderr
    env = dict(pass_store.env, AWS_VAULT_PASS_PASSWORD_STORE_DIR=str(other), AWS_VAULT_PASS_PREFIX="aws/keys",
               AWS_ACCESS_KEY_ID=KEY_ID, AWS_SECRET_ACCESS_KEY=SECRET)
    assert run_vault(vault_bin, ["add", "dev", "--env", "--no-add-config"], env).returncode == 0
    assert (other / "aws" / "keys" / "dev.gpg").is_file()
    assert not (pass_store.directory / "dev.gpg").exists()
    # Entries outside the prefix are not the store's.
    pass_store.insert("elsewhere", b"not ours")
    listed = run_vault(vault_bin, ["list", "--json"], env)
    assert listed.returncode == 0, listed.stderr
    assert "dev" in listed.stdout and "elsewhere" not in listed.stdout


def test_sessions_are_cached_in_pass(vault_bin, pass_store, moto):
    user = moto.create_user_with_key("pass-user")
    home = pathlib.Path(pass_store.env["HOME"])
    (home / ".aws" / "config").write_text("[profile work]\nregion = us-east-1\n")
    env = dict(pass_store.env, AWS_ENDPOINT_URL=moto.url, AWS_DEFAULT_REGION="us-east-1")
    added = run_vault(vault_bin, ["add", "work", "--env"],
                      dict(env, AWS_ACCESS_KEY_ID=user.access_key_id, AWS_SECRET_ACCESS_KEY=user.secret_access_key))
    assert added.returncode == 0, added.stderr
    first = run_vault(vault_bin, ["export", "--format", "json", "work"], env)
    assert first.returncode == 0, first.stderr
    sessions = [p for p in pass_store.directory.iterdir() if p.name.startswith("sts.GetSessionToken,")]
    assert len(sessions) == 1
    cached = json.loads(base64.b64decode(json.loads(pass_store.show(sessions[0].name[:-4]))["Data"]))
    assert cached["AccessKeyId"] == json.loads(first.stdout)["AccessKeyId"]
    second = run_vault(vault_bin, ["export", "--format", "json", "work"], env)
    assert json.loads(second.stdout)["AccessKeyId"] == cached["AccessKeyId"]  # served from the pass cache


def test_a_missing_pass_program_is_one_clear_line(vault_bin, pass_store):
    result = run_vault(vault_bin, ["list"], dict(pass_store.env, AWS_VAULT_PASS_CMD="no-such-pass"))
    assert result.returncode != 0 and result.stdout == ""
    assert result.stderr.startswith("vault: the pass program 'no-such-pass' is not on PATH") and result.stderr.count("\n") == 1


def test_an_entry_gpg_cannot_decrypt_is_one_clear_line(vault_bin, pass_store):
    pass_store.insert("work", awsvaultfile.item_json("work", awsvaultfile.credentials_json(KEY_ID, SECRET)))
    (pass_store.directory / "work.gpg").write_bytes(b"\x85\x01garbage")
    result = run_vault(vault_bin, ["exec", "-n", "work", *PRINT_KEYS], pass_store.env)
    assert result.returncode != 0 and result.stdout == ""
    assert result.stderr.startswith("vault: pass could not read 'work': ") and result.stderr.count("\n") == 1


def test_a_name_that_would_leave_the_store_is_refused(vault_bin, pass_store):
    env = dict(pass_store.env, AWS_ACCESS_KEY_ID=KEY_ID, AWS_SECRET_ACCESS_KEY=SECRET)
    for name in ["../escape", "a/./b", "-x"]:
        result = run_vault(vault_bin, ["add", "--env", "--no-add-config", "--", name], env)
        assert result.returncode != 0
        assert result.stderr.startswith(f"vault: the key name '{name}' cannot name an entry of the pass store"), result.stderr
    assert not (pass_store.directory.parent / "escape.gpg").exists()
    assert [p.name for p in pass_store.directory.iterdir()] == [".gpg-id"]


def test_a_store_not_initialised_says_what_pass_says(vault_bin, pass_store, tmp_path):
    env = dict(pass_store.env, PASSWORD_STORE_DIR=str(tmp_path / "empty-store"), AWS_ACCESS_KEY_ID=KEY_ID,
               AWS_SECRET_ACCESS_KEY=SECRET)
    result = run_vault(vault_bin, ["add", "work", "--env", "--no-add-config"], env)
    assert result.returncode != 0 and result.stdout == ""
    assert result.stderr.startswith("vault: pass could not store 'work': Error: You must run: pass init")
    assert "before you may use the password store" in result.stderr and result.stderr.count("\n") == 1
    assert SECRET not in result.stderr
