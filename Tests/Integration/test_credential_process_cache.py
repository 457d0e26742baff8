"""`credential_process` results that say when they expire are cached in
vault's session cache until AWS_MIN_TTL before then: N uses, one run. The
process counts its runs by appending to a file."""
import datetime
import json
import subprocess

import pytest

from conftest import run_vault


def _expiring_in(seconds: int) -> str:
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture
def process_world(base_env, home, tmp_path):
    runs = tmp_path / "runs"
    script = tmp_path / "issue.sh"

    def configure(expiration: str | None, session_token: bool = True):
        document = {"Version": 1, "AccessKeyId": "ASIAPROCESSEXAMPLE", "SecretAccessKey": "process-secret"}
        if session_token:
            document["SessionToken"] = "process-token"
        if expiration:
            document["Expiration"] = expiration
        script.write_text(f"#!/bin/sh\necho run >> '{runs}'\ncat <<'JSON'\n{json.dumps(document)}\nJSON\n")
        script.chmod(0o700)
        (home / ".aws" / "config").write_text(f"[profile proc]\ncredential_process = {script}\n")

    env = dict(base_env, AWS_VAULT_BACKEND="file", AWS_VAULT_FILE_PASSPHRASE="process-pass")
    return {"env": env, "configure": configure, "config": home / ".aws" / "config", "runs": lambda: len(runs.read_text().splitlines()) if runs.exists() else 0}


def _export(vault_bin, world, env=None):
    result = run_vault(vault_bin, ["export", "proc", "--format", "json"], dict(world["env"], **(env or {})))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_result_with_an_expiration_runs_the_process_once_for_n_uses(vault_bin, process_world):
    process_world["configure"](_expiring_in(3600))
    for _ in range(4):
        assert _export(vault_bin, process_world)["AccessKeyId"] == "ASIAPROCESSEXAMPLE"
    assert process_world["runs"]() == 1


def test_a_result_inside_aws_min_ttl_is_not_reused(vault_bin, process_world):
    process_world["configure"](_expiring_in(600))
    for _ in range(3):
        _export(vault_bin, process_world, env={"AWS_MIN_TTL": "15m"})
    assert process_world["runs"]() == 3
    # With the default minimum TTL (5 minutes), the result the last run left is good for all.
    for _ in range(3):
        _export(vault_bin, process_world)
    assert process_world["runs"]() == 3


@pytest.mark.parametrize("expiration,session_token", [(None, True), ("in an hour", False)])
def test_a_result_without_expiration_or_session_token_is_never_cached(vault_bin, process_world, expiration, session_token):
    process_world["configure"](_expiring_in(3600) if expiration else None, session_token=session_token)
    for _ in range(3):
        _export(vault_bin, process_world)
    assert process_world["runs"]() == 3


def test_an_edited_command_runs_anew(vault_bin, process_world):
    process_world["configure"](_expiring_in(3600))
    _export(vault_bin, process_world)
    config_path = process_world["config"]
    config_path.write_text(config_path.read_text().replace("credential_process = ", "credential_process = /bin/sh "))
    _export(vault_bin, process_world)
    assert process_world["runs"]() == 2


def test_a_file_store_that_would_ask_for_its_passphrase_is_left_alone(vault_bin, process_world):
    # No passphrase in the environment: keeping the result would mean asking for
    # one (here, creating the store), which a credential_process profile never did.
    process_world["configure"](_expiring_in(3600))
    env = dict(process_world["env"])
    env.pop("AWS_VAULT_FILE_PASSPHRASE")
    for _ in range(2):
        result = subprocess.run([vault_bin, "export", "proc", "--format", "json"], env=env, stdin=subprocess.DEVNULL,
                                capture_output=True, text=True, timeout=60, start_new_session=True)
        assert result.returncode == 0, result.stderr
    assert process_world["runs"]() == 2
