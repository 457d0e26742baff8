"""Signals at a prompt, in a real tmux terminal (issue 11, items 6 and 7).

- SIGTERM, SIGHUP and SIGQUIT at an echoed (readline) or hidden prompt end
  vault with that signal, and the terminal has its echo and canonical mode
  back afterwards (only SIGINT was handled before).
- Ctrl-\\ (SIGQUIT) at the MFA prompt with `ulimit -c unlimited` leaves no
  core: vault is non-dumpable and its soft core limit is 0 from the start,
  while a control process in the same set-up does dump core there (so the
  test can fail); another process of a same-uid, capability-less user cannot
  read vault's /proc/PID/environ, where it can read the control's.
"""
import os
import resource
import pathlib
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from fixtures.processes import child_named  # noqa: E402
from fixtures.world import UNCHECKED  # noqa: E402
from test_keyring_terminal import Pane, add_halfway, pane_env, pane_factory  # noqa: E402,F401 (fixtures)


def wait_comm(pid: int, name: str, timeout: float = 20) -> None:
    """Waits until process `pid` runs `name` (after its exec)."""
    deadline = time.monotonic() + timeout
    while pathlib.Path(f"/proc/{pid}/comm").read_text().strip() != name:
        assert time.monotonic() < deadline, f"{pid} never ran {name}"
        time.sleep(0.02)


def pane_pid(pane: Pane) -> int:
    out = subprocess.run(["tmux", "-L", pane.socket, "list-panes", "-F", "#{pane_pid}"], capture_output=True, text=True)
    return int(out.stdout.split()[0])


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT], ids=lambda s: s.name)
@pytest.mark.parametrize("stage", ["readline", "hidden"])
def test_a_fatal_signal_at_a_prompt_restores_the_terminal(vault_bin, pane_env, pane_factory, stage, signum):
    pane = add_halfway(pane_factory(f"{vault_bin} add work", pane_env), stage)
    vault = child_named(pane_pid(pane), "vault")
    os.kill(vault, signum)
    screen = pane.wait_for("rc=")
    assert f"rc={128 + signum}" in screen
    assert pane.tty_flags() == {"echo", "icanon"}


def test_ctrl_backslash_at_the_mfa_prompt_leaves_no_core(world, pane_factory, tmp_path):
    core_pattern = pathlib.Path("/proc/sys/kernel/core_pattern").read_text().strip()
    if core_pattern.startswith("|") or "/" in core_pattern:
        pytest.skip(f"core_pattern {core_pattern!r} does not write cores into the working folder")
    world["moto"].set_free_requests(UNCHECKED)
    here = tmp_path / "cwd"
    here.mkdir()
    # The control: a process set up the same way dumps core here on SIGQUIT.
    control = subprocess.Popen(["sh", "-c", "ulimit -c unlimited; exec sleep 600"], cwd=here)
    wait_comm(control.pid, "sleep")
    control.send_signal(signal.SIGQUIT)
    control.wait(timeout=30)
    control_cores = list(here.glob("core*"))
    if not control_cores:
        pytest.skip("this kernel wrote no core for a plain process (core dumps disabled here)")
    for core in control_cores:
        core.unlink()

    pane = pane_factory(f"sh -c 'cd {here} && ulimit -c unlimited && exec vault exec myrole1 -- true'", world["env"])
    pane.wait_for("Enter MFA code for")
    vault = child_named(pane_pid(pane), "vault")
    limits = pathlib.Path(f"/proc/{vault}/limits").read_text()
    core_line = next(line for line in limits.splitlines() if line.startswith("Max core file size"))
    assert core_line.split()[4] == "0"  # soft limit 0 in vault itself, though the shell said unlimited
    pane.keys("12", "C-\\")
    screen = pane.wait_for("rc=")
    assert f"rc={128 + signal.SIGQUIT}" in screen
    assert pane.tty_flags() == {"echo", "icanon"}
    assert not list(here.glob("core*"))


def test_a_capability_less_process_of_the_same_user_cannot_read_vaults_memory(vault_bin, pane_env, pane_factory, tmp_path):
    # root's processes all hold every capability, so ptrace's checks are tried
    # with nobody: vault and the thief both run as nobody without capabilities.
    drop = "setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all --bounding-set=-all"
    home = pathlib.Path(tempfile.mkdtemp(prefix="vault-nobody-"))  # pytest's folders are root's alone
    (home / ".aws").mkdir()
    subprocess.run(["chown", "-R", "65534:65534", str(home)], check=True)
    env = dict(pane_env, HOME=str(home), AWS_CONFIG_FILE=str(home / ".aws/config"),
               AWS_SHARED_CREDENTIALS_FILE=str(home / ".aws/credentials"), XDG_DATA_HOME=str(home / ".local/share"))
    pane = pane_factory(f"{drop} {vault_bin} add work", env)
    pane.wait_for("Enter Access Key ID: ")
    vault = child_named(pane_pid(pane), "vault")
    control = subprocess.Popen(drop.split() + ["sleep", "600"])
    try:
        wait_comm(control.pid, "sleep")
        thief = drop.split() + ["cat"]
        readable = subprocess.run(thief + [f"/proc/{control.pid}/environ"], capture_output=True)
        assert readable.returncode == 0  # the check can fail: a dumpable process is readable
        stolen = subprocess.run(thief + [f"/proc/{vault}/environ"], capture_output=True, text=True)
        assert stolen.returncode != 0 and "Permission denied" in stolen.stderr
    finally:
        control.kill()
        control.wait()
        shutil.rmtree(home)


def test_programs_vault_starts_get_the_core_limit_and_dumpability_back(world):
    world["moto"].set_free_requests(UNCHECKED)
    # The child's own view: its soft core limit, and whether it is dumpable (prctl PR_GET_DUMPABLE).
    probe = "import ctypes, resource; print(resource.getrlimit(resource.RLIMIT_CORE)[0], ctypes.CDLL(None).prctl(3, 0, 0, 0, 0))"
    result = subprocess.run(["sh", "-c", 'ulimit -c unlimited; exec vault exec classmethod -- python3 -c "$0"', probe],
                            env=world["env"], capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(resource.RLIM_INFINITY), "1"]
