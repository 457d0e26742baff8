"""Shared pytest fixtures for the real-shell and integration suites.

Each service has its own fixture module under Tests/fixtures/.
"""
import os
import pathlib
import subprocess

import pytest

# Every module in Tests/fixtures/ is a fixture plugin (moto, keyring, shells…).
pytest_plugins = sorted(
    f"fixtures.{p.stem}" for p in (pathlib.Path(__file__).parent / "fixtures").glob("*.py") if p.stem != "__init__"
)

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _vault_bin() -> str:
    path = os.environ.get("VAULT_BIN") or str(ROOT / ".build" / "debug" / "vault")
    if not os.access(path, os.X_OK):
        pytest.exit(f"vault binary not found at {path}; run swift build first", 2)
    return path


@pytest.fixture(scope="session")
def vault_bin() -> str:
    return _vault_bin()


@pytest.fixture
def home(tmp_path: pathlib.Path) -> pathlib.Path:
    """A private HOME with ~/.aws and the XDG folders, mode 0700."""
    h = tmp_path / "home"
    (h / ".aws").mkdir(parents=True)
    h.chmod(0o700)
    return h


@pytest.fixture
def base_env(home: pathlib.Path, vault_bin: str) -> dict:
    """An environment with nothing of the developer's AWS set-up in it."""
    env = {
        "HOME": str(home),
        "PATH": f"{pathlib.Path(vault_bin).parent}:{os.environ.get('PATH', '/usr/bin:/bin')}",
        "LANG": "C.UTF-8",
        "AWS_CONFIG_FILE": str(home / ".aws" / "config"),
        "AWS_SHARED_CREDENTIALS_FILE": str(home / ".aws" / "credentials"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "TERM": "xterm-256color",
        # No file-store unlock keys left in the kernel keyring by tests; the
        # tests of that cache turn it on themselves.
        "AWS_VAULT_FILE_UNLOCK_TTL": "0",
    }
    return env


def run_vault(vault_bin: str, args, env: dict, input: str | None = None, timeout: float = 60):
    """Runs vault with no terminal; returns the CompletedProcess."""
    return subprocess.run(
        [vault_bin, *args], env=env, input=input, capture_output=True, text=True, timeout=timeout,
        stdin=None if input is not None else subprocess.DEVNULL,
    )
