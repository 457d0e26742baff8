"""Commands that make no request must not load libcurl (nor libdbus, libsecret, libcrypto or readline) (it is dlopen'ed on
the first request), so they start fast and run where libcurl is absent."""
import pytest

from conftest import run_vault


def _loaded_libraries(vault_bin, args, env):
    env = dict(env, LD_DEBUG="files")
    proc = run_vault(vault_bin, args, env)
    return proc, proc.stderr


@pytest.mark.parametrize("args", [["--version"], ["list", "--profiles"]])
def test_commands_without_requests_do_not_load_libcurl(args, vault_bin, base_env):
    proc, debug = _loaded_libraries(vault_bin, args, base_env)
    assert proc.returncode == 0, proc.stderr
    # LD_DEBUG works here: the libraries vault links are reported.
    assert "libc.so.6" in debug
    assert "libcurl" not in debug, [line for line in debug.splitlines() if "libcurl" in line][:5]
    for library in ("libsecret", "libdbus", "libglib"):
        assert library not in debug, [line for line in debug.splitlines() if library in line][:5]
    # libcrypto and readline are dlopen'd too, by the commands that hash, encrypt or ask.
    assert "libcrypto" not in debug and "libreadline" not in debug
