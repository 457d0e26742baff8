"""`vault list --profiles` (run on every Tab) answers an all-ASCII config with
a one-pass scan over the mapped file instead of the full reader.

- On ASCII configs from test_config_botocore's generator (odd white space,
  nested values, continuation lines, respelled and quoted headers, CRLF), the
  names are botocore's, in botocore's order, and every file botocore refuses
  is refused.
- A config cut short by another program while vault reads it (an editor or
  `aws configure set` rewriting it in place) is a `vault:` error, not a crash
  by SIGBUS: gdb stops vault right after it maps the file, truncates the file,
  and lets it go on.
"""
import random
import shutil
import subprocess
import sys

import pytest
from botocore import configloader, exceptions

import test_config_botocore as generator
from conftest import run_vault

SEED = 20261201
FILES = 400


def test_ascii_configs_list_botocores_names(tmp_path, vault_bin, base_env, monkeypatch):
    # Only ASCII in every pool, so the scan (not the full reader) answers.
    module = sys.modules[generator.__name__]
    for pool in ("NAMES", "KEYS", "VALUES"):
        monkeypatch.setattr(module, pool, [text for text in getattr(module, pool) if text.isascii()])
    rng = random.Random(SEED)
    accepted = rejected = 0
    for i in range(FILES):
        # The generator's one non-ASCII character outside the pools: an indent of U+00A0.
        text = generator.generate(rng).replace("\u00a0", "\x0b")
        assert text.isascii()
        path = tmp_path / f"config-{i}"
        path.write_bytes(text.encode())
        try:
            expected = list(configloader.build_profile_map(configloader.raw_config_parse(str(path)))["profiles"])
        except exceptions.ConfigParseError:
            expected = None
        result = run_vault(vault_bin, ["list", "--profiles"], dict(base_env, AWS_CONFIG_FILE=str(path)))
        context = f"seed {SEED}, file #{i}:\n{text!r}\nstderr: {result.stderr}"
        if expected is None:
            rejected += 1
            assert result.returncode != 0 and result.stdout == "", context
            assert result.stderr.startswith("vault: ") and result.stderr.count("\n") == 1, context
        else:
            accepted += 1
            assert result.returncode == 0, context
            assert result.stdout.split("\n")[:-1] == expected, context
    assert accepted >= 150 and rejected >= 50, (accepted, rejected)


@pytest.mark.skipif(shutil.which("gdb") is None, reason="gdb is installed by scripts/bootstrap --test")
def test_a_config_cut_short_while_read_is_an_error_not_a_crash(tmp_path, vault_bin, base_env):
    config = tmp_path / "config"
    config.write_text("".join(f"[profile p{i}]\nregion = eu-west-1\n" for i in range(20000)))
    gdb = [
        "gdb", "-q", "-batch", "-nx",
        "-ex", "set breakpoint pending on",
        "-ex", "handle SIGBUS nostop noprint pass",
        # The config's map: the one mmap with MAP_POPULATE (0x8000); its flags are the 4th argument.
        "-ex", "break mmap if ($rcx & 0x8000) != 0",
        "-ex", "run",
        "-ex", "finish",
        "-ex", f"shell truncate -s 10 {config}",
        "-ex", "delete",
        "-ex", "continue",
        "--args", vault_bin, "list", "--profiles",
    ]
    env = dict(base_env, AWS_CONFIG_FILE=str(config))
    result = subprocess.run(gdb, env=env, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    # gdb's own lines go to its stdout; vault's stderr is gdb's stderr.
    assert "Breakpoint 1" in result.stdout, result.stdout + result.stderr
    assert "exited with code 01" in result.stdout, result.stdout + result.stderr
    assert "SIGBUS" not in result.stdout, result.stdout
    assert "p0\n" not in result.stdout  # nothing listed
    line = f"vault: the AWS config {config} was cut short by another program while vault read it; run the command again\n"
    assert line in result.stderr, result.stderr
