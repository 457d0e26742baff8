"""`make deb` builds a Debian package that installs with dpkg, works from
its standard places (binary, hooks, completions, man page) and removes
cleanly. Needs root (dpkg -i), as CI runs."""
import os
import pathlib
import subprocess

import pytest

from conftest import ROOT


def run(*args, **kw):
    return subprocess.run(list(args), capture_output=True, text=True, timeout=kw.pop("timeout", 120), **kw)


@pytest.fixture(scope="module")
def deb():
    if os.geteuid() != 0:
        pytest.skip("dpkg -i needs root")
    if pathlib.Path("/usr/bin/vault").exists():
        pytest.skip("/usr/bin/vault is already there; not replacing it")
    built = run("make", "-s", "deb", cwd=ROOT, timeout=1800)
    assert built.returncode == 0, built.stderr[-3000:]
    path = pathlib.Path(ROOT, built.stdout.strip().splitlines()[-1])
    assert path.suffix == ".deb" and path.exists()
    return path


def test_the_package_installs_runs_and_removes_cleanly(deb):
    fields = run("dpkg-deb", "--field", str(deb), "Package", "Version", "Architecture", "Depends").stdout
    assert "Package: vault" in fields and "Architecture: " + run("dpkg", "--print-architecture").stdout.strip() in fields
    assert "swift" not in fields.lower(), "the Swift runtime is linked in, not a dependency"
    installed = run("dpkg", "-i", str(deb))
    assert installed.returncode == 0, installed.stderr
    try:
        files = run("dpkg", "-L", "vault").stdout.split()
        for expected in ("/usr/bin/vault", "/usr/share/man/man1/vault.1.gz", "/usr/share/bash-completion/completions/vault",
                         "/usr/share/zsh/vendor-completions/_vault", "/usr/share/fish/vendor_completions.d/vault.fish",
                         "/usr/share/vault/vault.bash", "/usr/share/vault/completions/vault.tcsh",
                         "/usr/share/vault/vault.xsh", "/usr/share/vault/completions/vault.xsh"):
            assert expected in files, expected
        version = run("/usr/bin/vault", "--version")
        assert version.returncode == 0 and version.stdout.strip() == fields.split("Version: ")[1].split()[0]
        # The binary needs no Swift toolchain: nothing it links comes from /opt/swift.
        assert "/opt/swift" not in run("ldd", "/usr/bin/vault").stdout
        hook = run("bash", "--norc", "-c", 'eval "$(/usr/bin/vault hook bash)" && type vault_prompt_info >/dev/null && echo hooked',
                   env={"PATH": "/usr/bin:/bin", "HOME": "/nonexistent"})
        assert hook.stdout.strip() == "hooked", hook.stderr
        assert run("man", "-w", "vault", env={"PATH": "/usr/bin:/bin"}).stdout.strip() == "/usr/share/man/man1/vault.1.gz"
    finally:
        removed = run("dpkg", "--purge", "vault")
    assert removed.returncode == 0, removed.stderr
    assert run("dpkg", "-s", "vault").returncode != 0
    assert [f for f in files if f != "/." and pathlib.Path(f).is_file()] == [], "every file the package installed is gone"
