"""`vault env --shell json|gha|dotenv`, and every generated script ending with
status 0, run through the real binary.

Hostile values reach vault the way a compromised or careless helper could
send them: in the JSON a `credential_process` prints. Each format must carry
them exactly (json, gha) or refuse them (dotenv, where single quotes can't),
and `--shell gha` must mask every secret on stdout before a later step could
log it.
"""
import json
import os
import pathlib
import random
import re
import subprocess

import pytest

from conftest import run_vault
from fixtures.dialects import DIALECTS
from fixtures.shells import SHELLS

TRAPS = ["$(touch CANARY)", "`touch CANARY`", "'; touch CANARY; '", "\"; touch CANARY; \"", "${HOME}",
         "\nAWS_PROFILE=evil\n", "ghadelimiter_x\nEVIL=1", "::add-mask::", "%0A", "\r\n", "\\n", "=", " spaced "]


def corpus(seed: int, count: int = 40) -> list[str]:
    rng = random.Random(seed)
    values = []
    for i in range(count):
        chars = [chr(rng.choice([rng.randint(1, 0x7f), rng.randint(0xa0, 0x2fff)])) for _ in range(rng.randint(1, 30))]
        if i % 3 == 0:
            chars.insert(rng.randint(0, len(chars)), TRAPS[i % len(TRAPS)])
        values.append("".join(chars))
    return values


def profile_printing(home: pathlib.Path, name: str, key: str, secret: str, token: str) -> None:
    """A profile whose credential_process prints these exact values."""
    doc = home / f"{name}.json"
    doc.write_text(json.dumps({"Version": 1, "AccessKeyId": key, "SecretAccessKey": secret, "SessionToken": token,
                               "Expiration": "2099-01-01T00:00:00Z"}))
    with open(home / ".aws" / "config", "a") as f:
        f.write(f"[profile {name}]\ncredential_process = cat {doc}\n")


@pytest.fixture
def env(base_env, home):
    return dict(base_env, AWS_VAULT_BACKEND="file", AWS_VAULT_FILE_PASSPHRASE="machine-formats")


def test_json_carries_every_value_exactly(vault_bin, env, home, tmp_path):
    values = corpus(1)
    for i in range(0, len(values), 3):
        key, secret, token = values[i:i + 3] + ["k", "s", "t"][len(values[i:i + 3]):]
        profile_printing(home, f"p{i}", key, secret, token)
        result = run_vault(vault_bin, ["env", f"p{i}", "--shell", "json"], env)
        assert result.returncode == 0, result.stderr
        doc = json.loads(result.stdout)
        assert doc["set"]["AWS_ACCESS_KEY_ID"] == key
        assert doc["set"]["AWS_SECRET_ACCESS_KEY"] == secret
        assert doc["set"]["AWS_SESSION_TOKEN"] == token == doc["set"]["AWS_SECURITY_TOKEN"]
        assert "AWS_PROFILE" in doc["unset"]
    assert not (tmp_path / "CANARY").exists()
    unset = run_vault(vault_bin, ["env", "--unset", "--shell", "json"], env)
    assert json.loads(unset.stdout) == {"set": {}, "unset": sorted(json.loads(unset.stdout)["unset"])}
    assert "AWS_SECRET_ACCESS_KEY" in json.loads(unset.stdout)["unset"]


def parse_github_env(text: str) -> dict:
    """GitHub's runner's reading of a GITHUB_ENV file: NAME=value, or NAME<<DELIMITER … DELIMITER."""
    out, lines, i = {}, text.split("\n"), 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line:
            continue
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            body = []
            while lines[i] != delimiter:
                body.append(lines[i])
                i += 1
            i += 1
            out[name] = "\n".join(body)
        else:
            name, value = line.split("=", 1)
            out[name] = value
    return out


def test_gha_masks_every_secret_before_writing_it(vault_bin, env, home, tmp_path):
    values = corpus(2)
    github_env = tmp_path / "github_env"
    for i in range(0, len(values) - 2, 3):
        key, secret, token = values[i:i + 3]
        profile_printing(home, f"g{i}", key, secret, token)
        github_env.write_text("")
        # Bytes, not text: universal newlines would turn a CR into a line break.
        result = subprocess.run([vault_bin, "env", f"g{i}", "--shell", "gha"], env=dict(env, GITHUB_ENV=str(github_env)),
                                capture_output=True, stdin=subprocess.DEVNULL, timeout=60)
        assert result.returncode == 0, result.stderr
        # The runner reads workflow commands a line at a time, split on LF.
        lines = result.stdout.decode().split("\n")
        assert lines[-1] == "" and [l for l in lines[:-1] if not l.startswith("::add-mask::")] == []
        masks = [line[len("::add-mask::"):] for line in lines[:-1]]
        escape = lambda v: v.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        for secret_value in (key, secret, token):
            assert escape(secret_value) in masks
        written = parse_github_env(github_env.read_bytes().decode())
        assert written["AWS_ACCESS_KEY_ID"] == key and written["AWS_SECRET_ACCESS_KEY"] == secret
        assert written["AWS_SESSION_TOKEN"] == token and written["AWS_PROFILE"] == ""
        assert "EVIL" not in written and written.get("AWS_VAULT") == f"g{i}", "no value adds a variable"


def test_gha_without_github_env_is_a_clean_error(vault_bin, env, home):
    profile_printing(home, "g", "AKIA1", "s", "t")
    result = run_vault(vault_bin, ["env", "g", "--shell", "gha"], env)
    assert result.returncode != 0 and result.stdout == ""
    assert result.stderr.startswith("vault: ") and "GITHUB_ENV" in result.stderr and result.stderr.count("\n") == 1


def test_dotenv_is_read_back_by_python_dotenv_or_refused(vault_bin, env, home):
    dotenv = pytest.importorskip("dotenv")
    import io
    values = corpus(3)
    read, refused = 0, 0
    for i, value in enumerate(values):
        profile_printing(home, f"d{i}", "AKIAPLAIN", value, "token/with+plain=chars")
        result = run_vault(vault_bin, ["env", f"d{i}", "--shell", "dotenv"], env)
        if result.returncode != 0:
            assert result.stdout == "" and "dotenv" in result.stderr and value not in result.stderr
            assert "'" in value or any(ord(c) < 0x20 or ord(c) == 0x7f for c in value)
            refused += 1
            continue
        parsed = dotenv.dotenv_values(stream=io.StringIO(result.stdout), interpolate=True)
        assert parsed["AWS_SECRET_ACCESS_KEY"] == value and parsed["AWS_SESSION_TOKEN"] == "token/with+plain=chars"
        read += 1
    assert read and refused, (read, refused)


@pytest.mark.parametrize("shell", SHELLS)
@pytest.mark.parametrize("with_token", [True, False])
def test_every_generated_script_ends_with_status_zero(shell, with_token, vault_bin, env, home):
    doc = {"Version": 1, "AccessKeyId": "AKIA1", "SecretAccessKey": "s"}
    if with_token:
        doc.update(SessionToken="t", Expiration="2099-01-01T00:00:00Z")
    (home / "p.json").write_text(json.dumps(doc))
    (home / ".aws" / "config").write_text(f"[profile p]\ncredential_process = cat {home}/p.json\n")
    d = DIALECTS[shell]
    script = d.and_then(d.source(f"{vault_bin} env p"), "echo ran-after-env", d.source(f"{vault_bin} env p"), "echo ran-again",
                        d.source(f"{vault_bin} unset"), "echo ran-after-unset")
    result = subprocess.run([shell, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["ran-after-env", "ran-again", "ran-after-unset"], result.stderr
