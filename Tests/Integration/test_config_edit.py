"""`vault add` edits ~/.aws/config under a lock, atomically through a symlink,
keeping its mode: many adds at once lose nothing and duplicate nothing, and
botocore (the real parser the AWS CLI uses) reads the result."""
import os
import pathlib
import subprocess
import stat

import pytest
from botocore.configloader import raw_config_parse

KEY_ID = "AKIAIOSFODNN7EXAMPLE"
SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"


@pytest.fixture
def add_env(base_env):
    env = dict(base_env, AWS_VAULT_BACKEND="file", AWS_VAULT_FILE_PASSPHRASE="pass phrase",
               AWS_ACCESS_KEY_ID=KEY_ID, AWS_SECRET_ACCESS_KEY=SECRET)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    return env


def add_all(vault_bin, env, names):
    """Starts one `vault add NAME --env` per name at the same moment; waits for all."""
    procs = [subprocess.Popen([vault_bin, "add", name, "--env"], env=env, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for name in names]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    for code, err in results:
        assert code == 0, err


def sections(path: pathlib.Path) -> list[str]:
    return [line.strip() for line in path.read_text().splitlines() if line.strip().startswith("[")]


def test_parallel_adds_keep_every_profile_once(vault_bin, add_env, home):
    config = home / ".aws" / "config"
    config.write_text("[default]\nregion = eu-west-1\n")
    config.chmod(0o640)
    # The store exists first: this test is about the config file, not the store's creation.
    add_all(vault_bin, add_env, ["seed"])
    add_all(vault_bin, add_env, ["same"] * 6)
    names = [f"p{i:02d}" for i in range(20)]
    add_all(vault_bin, add_env, names)
    found = sections(config)
    for name in ["seed", "same", *names]:
        assert found.count(f"[profile {name}]") == 1, found
    assert found.count("[default]") == 1
    parsed = raw_config_parse(str(config))  # botocore refuses duplicate sections
    assert set(parsed) == {"default", "profile seed", "profile same", *(f"profile {n}" for n in names)}
    assert parsed["default"]["region"] == "eu-west-1"
    assert stat.S_IMODE(config.stat().st_mode) == 0o640
    assert not [p.name for p in config.parent.iterdir() if p.name.startswith(".config.vault-")]


def test_a_symlinked_config_stays_a_symlink_with_its_mode(vault_bin, add_env, home, tmp_path):
    dotfiles = tmp_path / "dotfiles" / "aws"
    dotfiles.mkdir(parents=True)
    real = dotfiles / "config"
    real.write_text("[profile kept]\nregion = us-east-2\n")
    real.chmod(0o604)
    config = home / ".aws" / "config"
    os.symlink("../../dotfiles/aws/config", config)
    add_all(vault_bin, add_env, ["one", "two", "one", "three"])
    assert config.is_symlink() and os.readlink(config) == "../../dotfiles/aws/config"
    assert stat.S_IMODE(real.stat().st_mode) == 0o604
    parsed = raw_config_parse(str(config))
    assert set(parsed) == {"profile kept", "profile one", "profile two", "profile three"}
    assert parsed["profile kept"]["region"] == "us-east-2"
    # The temporary file was made beside the target, and is gone.
    assert sorted(p.name for p in dotfiles.iterdir()) == ["config"]
