"""What a process vault starts (`vault exec`'s command, credential_process)
gets of vault's environment: every entry vault passes on arrives byte for
byte, including names and values that are not UTF-8, which a Swift String
can only hold with U+FFFD in place of the bytes; vault's own secret
variable never arrives."""
import json
import os
import subprocess

ODD_VALUE = b"\xff\xfe caf\xc3\xa9 \xc3"
ODD_NAME = b"ODD\xffNAME"


def _bytes_environment(env: dict) -> dict:
    out = {os.fsencode(k): os.fsencode(v) for k, v in env.items()}
    out[b"ODD_VALUE"] = ODD_VALUE
    out[ODD_NAME] = b"plain"
    return out


def _entries(block: bytes) -> list[bytes]:
    return [entry for entry in block.split(b"\0") if entry]


def test_exec_passes_names_and_values_that_are_not_utf8_unchanged(world):
    env = _bytes_environment(world["env"])
    result = subprocess.run([world["bin"], "exec", "classmethod", "--", "cat", "/proc/self/environ"],
                            env=env, capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr
    entries = _entries(result.stdout)
    assert b"ODD_VALUE=" + ODD_VALUE in entries
    assert ODD_NAME + b"=plain" in entries
    assert [e for e in entries if e.startswith(b"AWS_SESSION_TOKEN=")]  # vault's own additions are there
    assert not [e for e in entries if e.startswith(b"AWS_VAULT_FILE_PASSPHRASE=")]
    assert b"\xef\xbf\xbd" not in result.stdout  # no U+FFFD anywhere
    names = [e.split(b"=", 1)[0] for e in entries]
    assert len(names) == len(set(names))


def test_credential_process_gets_the_same_bytes(vault_bin, base_env, home, tmp_path):
    seen = tmp_path / "environ"
    script = tmp_path / "issue.py"
    document = {"Version": 1, "AccessKeyId": "ASIAPROCESSEXAMPLE", "SecretAccessKey": "process-secret"}
    script.write_text("#!/usr/bin/python3\n"
                      f"open({str(seen)!r}, 'wb').write(open('/proc/self/environ', 'rb').read())\n"
                      f"print({json.dumps(document)!r})\n")
    script.chmod(0o700)
    (home / ".aws" / "config").write_text(f"[profile proc]\ncredential_process = {script}\n")
    env = _bytes_environment(dict(base_env, AWS_VAULT_BACKEND="file", AWS_VAULT_FILE_PASSPHRASE="process-pass"))
    result = subprocess.run([vault_bin, "export", "proc", "--format", "json"], env=env, capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["AccessKeyId"] == "ASIAPROCESSEXAMPLE"
    entries = _entries(seen.read_bytes())
    assert b"ODD_VALUE=" + ODD_VALUE in entries
    # (ODD_NAME is not checked here: credential_process runs through /bin/sh,
    # as aws-vault runs it, and dash drops names that are not identifiers.)
    assert not [e for e in entries if e.startswith(b"AWS_VAULT_FILE_PASSPHRASE=")]
