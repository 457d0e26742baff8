"""A missing system library is a `vault: …` line naming its Debian package and
an exit status below 128, never a crash (issue 11, item 10).

libcrypto is hidden from vault by bind-mounting an empty file over it in a
private mount namespace (`unshare -m`, as root); everything else runs as usual.
"""
import os
import pathlib
import shutil
import subprocess

import pytest

from conftest import run_vault


def libcrypto_path() -> str | None:
    out = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    paths = [line.split("=>")[-1].strip() for line in out.splitlines() if line.strip().startswith("libcrypto.so.3 (")]
    return paths[0] if paths else None


pytestmark = pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("unshare") or not libcrypto_path(),
                                reason="hiding libcrypto needs root, unshare and libcrypto.so.3")


def without_libcrypto(vault_bin, args, env, cwd):
    """Runs vault with libcrypto.so.3 replaced by an empty file (this process only)."""
    script = 'mount --bind /dev/null "$1" && shift && exec "$@"'
    return subprocess.run(["unshare", "-m", "--propagation", "private", "sh", "-c", script, "sh", libcrypto_path(),
                           vault_bin, *args], env=env, cwd=cwd, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=60)


def assert_clear_failure(result):
    assert 0 < result.returncode < 128, (result.returncode, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("vault: "), result.stderr
    assert "libcrypto.so.3" in lines[0] and "apt install libssl3" in lines[0]


def test_allow_the_hook_and_export_say_libcrypto_is_missing(vault_bin, base_env, tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (project / ".vaultrc").write_text("profile = work\n")
    env = dict(base_env, AWS_VAULT_BACKEND="file", AWS_VAULT_FILE_PASSPHRASE="pass", VAULT_HOOK=f"bash:{os.getpid()}")
    pathlib.Path(env["AWS_CONFIG_FILE"]).write_text("[profile work]\nregion = eu-west-1\n")
    assert_clear_failure(without_libcrypto(vault_bin, ["allow"], env, project))
    # What the bash hook runs on entering the folder (shell/vault.bash).
    hook = ["hook-apply", "bash", "why=cd", f"rc={project / '.vaultrc'}", "origin=", "profile=", "region="]
    assert_clear_failure(without_libcrypto(vault_bin, hook, env, project))
    assert_clear_failure(without_libcrypto(vault_bin, ["export", "work", "--format", "json"], env, project))
    # With libcrypto there the same hook call answers: the failure was the library's.
    result = subprocess.run([vault_bin, *hook], env=env, cwd=project, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "not allowed" in result.stderr, result.stderr


def test_doctor_reports_libcrypto(vault_bin, base_env, tmp_path):
    result = without_libcrypto(vault_bin, ["doctor"], dict(base_env, AWS_VAULT_BACKEND="file"), tmp_path)
    assert 0 < result.returncode < 128
    line = next(line for line in result.stdout.splitlines() if line[2:].startswith("libcrypto:"))
    assert line.startswith("✗ libcrypto: ") and "apt install libssl3" in line
    result = run_vault(vault_bin, ["doctor"], dict(base_env, AWS_VAULT_BACKEND="file"))
    assert "✓ libcrypto: loads" in result.stdout
