"""Differential test: vault reads AWS config files exactly as botocore does.

Generates config files from a fixed seed (printed on failure) and compares
`vault config dump --json` (and `vault list --profiles`) with botocore's
`build_profile_map(raw_config_parse(path))` for every file botocore accepts,
and expects an error (nothing on stdout, `vault: …` on stderr) wherever
botocore rejects the file.
"""
import json
import random

import pytest
from botocore import configloader, exceptions

from conftest import run_vault

SEED = 20261129
FILES = 320

NAMES = ["dev", "prod", "a b", "x.y", "Ünï", "o'neil", 'q"uote', "with]bracket", "tab\tname",
         "#hash", ";semi", "=eq", "c:olon", "default", "DEFAULT", "", " lead", "UPPER", "日本"]
KEYS = ["region", "Region", "role_arn", "source_profile", "mfa_serial", "output", "s3", "x-y",
        "key with space", "UPPER_KEY", "sts", "a:b", "ключ", "#notcomment"]
VALUES = ["us-east-1", "arn:aws:iam::123456789012:role/r", "", "a = b", "x: y", "# not a comment",
          "; nor this", "  padded  ", "üñí", "$HOME", "`cmd`", "a\\b", "'q'", '"dq"', "[br]",
          # Unicode and control white space that Python's strip() removes and plain ASCII code would not.
          "\u00a0nbsp\u00a0", "em\u2003space", "\x1cfs\x1f", "\x0bvt\x0c", "\u3000ideo"]


def section_header(rng: random.Random) -> str:
    kind = rng.choice(["profile", "profile", "profile", "default", "sso-session", "services", "other",
                       "DEFAULT", "profilex", "quoted", "bare-profile", "unclosed", "three"])
    name = rng.choice(NAMES)
    ws = rng.choice(["", " ", "  ", "\t"])
    if kind == "default":
        return "[default]"
    if kind == "DEFAULT":
        return "[DEFAULT]"
    if kind == "other":
        return f"[{rng.choice(['preview', 'plugins', 'x'])}]"
    if kind == "quoted":
        return f'[profile "{name}"]'
    if kind == "bare-profile":
        return "[profile]"
    if kind == "unclosed":
        return f'[profile "{name}]'
    if kind == "three":
        return f"[profile {name} extra]"
    if kind == "profilex":
        return f"[profilex {name}]"
    return f"[{ws}{kind} {name}{ws}]" + rng.choice(["", "", " trailing"])


def option_lines(rng: random.Random) -> list[str]:
    key = rng.choice(KEYS)
    delim = rng.choice(["=", "=", ":", " = ", " : ", "= ", "\t=\t"])
    indent = rng.choice(["", "", "", " ", "\u00a0", "\x0b"])
    roll = rng.random()
    if roll < 0.15:  # nested block
        lines = [f"{indent}{key}{delim}"]
        for _ in range(rng.randint(0, 3)):
            sub = rng.choice(["addressing_style = path", "endpoint_url=http://localhost:5000",
                              "Signature_Version = s3v4", "  spaced  =  out  ", "no_equals_here",
                              "a = b = c", ""])
            lines.append(indent + rng.choice(["  ", "    ", "\t"]) + sub)
        return lines
    if roll < 0.25:  # continuation lines
        lines = [f"{indent}{key}{delim}{rng.choice(VALUES)}"]
        for _ in range(rng.randint(1, 3)):
            lines.append(indent + rng.choice(["  ", "\t", "   "]) + rng.choice(VALUES + ["# comment in value"]))
            if rng.random() < 0.3:
                lines.append("")
        return lines
    if roll < 0.28:
        return [f"{indent}no delimiter here"]
    return [f"{indent}{key}{delim}{rng.choice(VALUES)}"]


def generate(rng: random.Random) -> str:
    lines: list[str] = []
    if rng.random() < 0.05:
        lines.append("orphan = before any section")
    if rng.random() < 0.1:
        lines.append(rng.choice(["# leading comment", "; leading comment", "   # indented comment"]))
    for _ in range(rng.randint(0, 6)):
        lines.append(section_header(rng))
        for _ in range(rng.randint(0, 6)):
            r = rng.random()
            if r < 0.1:
                lines.append(rng.choice(["# comment", "; comment", "  # indented", "", "   "]))
            else:
                lines.extend(option_lines(rng))
    newline = rng.choice(["\n", "\n", "\n", "\r\n"])
    text = newline.join(lines)
    if rng.random() < 0.8:
        text += newline
    return text


def botocore_result(path: str):
    try:
        return configloader.build_profile_map(configloader.raw_config_parse(path))
    except (exceptions.ConfigParseError, UnicodeDecodeError):
        return None


def test_vault_reads_configs_exactly_as_botocore(tmp_path, vault_bin, base_env):
    rng = random.Random(SEED)
    accepted = rejected = 0
    for i in range(FILES):
        text = generate(rng)
        path = tmp_path / f"config-{i}"
        path.write_bytes(text.encode("utf-8"))
        expected = botocore_result(str(path))
        env = dict(base_env, AWS_CONFIG_FILE=str(path))
        result = run_vault(vault_bin, ["config", "dump", "--json"], env)
        context = f"seed {SEED}, file #{i}:\n{text!r}\nstderr: {result.stderr}"
        # `list --profiles` checks the file with its own names-only pass: same verdict, same names.
        names = run_vault(vault_bin, ["list", "--profiles"], env)
        if expected is None:
            rejected += 1
            for r in (result, names):
                assert r.returncode != 0, context
                assert r.stdout == "", context
                assert r.stderr.startswith("vault: ") and r.stderr.count("\n") == 1, context
        else:
            accepted += 1
            assert result.returncode == 0, context
            got = json.loads(result.stdout)
            want = {k: expected[k] for k in ("profiles", "sso_sessions", "services")}
            assert got == want, context
            assert names.returncode == 0, context + names.stderr
            assert names.stdout.split("\n")[:-1] == list(expected["profiles"]), context
    print(f"seed {SEED}: {accepted} files accepted, {rejected} rejected, all as botocore")
    # Both kinds must be exercised for the comparison to mean anything.
    assert accepted >= 100 and rejected >= 50, (accepted, rejected)


def test_missing_config_is_empty(vault_bin, base_env, tmp_path):
    env = dict(base_env, AWS_CONFIG_FILE=str(tmp_path / "nope"))
    result = run_vault(vault_bin, ["config", "dump", "--json"], env)
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"profiles": {}, "sso_sessions": {}, "services": {}}
