"""Prompts on the terminal, in a real tmux pane: the Access Key ID echoed
through readline, the secret and the passphrase hidden, Ctrl-C cancelling
cleanly (terminal settings restored), and a clear error without a terminal."""
import os
import pathlib
import shlex
import shutil
import subprocess
import sys
import time
import uuid

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import filestore  # noqa: E402

KEY_ID = "AKIAIOSFODNN7EXAMPLE"
SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

pytestmark = pytest.mark.skipif(not shutil.which("tmux"), reason="tmux runs the terminal")


class Pane:
    def __init__(self, command: str, env: dict):
        self.socket = "vault-" + uuid.uuid4().hex[:8]
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        # After vault exits, print its status and the terminal's echo/icanon settings.
        script = f"env -i {exports} {command}; echo rc=$?; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\?echo\\|-\\?icanon' | tr '\\n' ' '; echo; echo stty-done; sleep 600"
        subprocess.run(["tmux", "-L", self.socket, "new-session", "-d", "-x", "150", "-y", "30", script], check=True)

    def screen(self) -> str:
        return subprocess.run(["tmux", "-L", self.socket, "capture-pane", "-p"], capture_output=True, text=True).stdout

    def wait_for(self, text: str, timeout: float = 20) -> str:
        text = text.rstrip()  # capture-pane drops trailing blanks
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never appeared; screen:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        subprocess.run(["tmux", "-L", self.socket, "send-keys", *keys], check=True)

    def tty_flags(self) -> set:
        """The echo/icanon flags stty showed after vault exited (`-echo` when off)."""
        lines = self.wait_for("stty-done").splitlines()
        index = next(i for i, line in enumerate(lines) if line.startswith("rc="))
        return set(lines[index + 1].split())

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


@pytest.fixture
def pane_env(base_env):
    env = dict(base_env, AWS_VAULT_BACKEND="file", AWS_VAULT_FILE_UNLOCK_TTL="0")
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    return env


@pytest.fixture
def pane_factory():
    panes = []

    def make(command, env):
        pane = Pane(command, env)
        panes.append(pane)
        return pane
    yield make
    for pane in panes:
        pane.close()


def answer_add(pane, first: str, second: str) -> str:
    """Answers `vault add`'s four questions on a new file store; returns the final screen."""
    for prompt, answer in (("Enter Access Key ID: ", KEY_ID), ("Enter Secret Access Key: ", SECRET),
                           ("Choose a passphrase for the new file store", first), ("Enter it again: ", second)):
        pane.wait_for(prompt)
        pane.keys(answer, "Enter")
    return pane.wait_for("rc=")


def test_add_asks_with_the_secret_and_passphrases_hidden(vault_bin, pane_env, pane_factory):
    pane = pane_factory(f"{vault_bin} add work", pane_env)
    screen = answer_add(pane, "pass phrase", "pass phrase")
    assert "rc=0" in screen and f"Enter Access Key ID: {KEY_ID}" in screen
    assert SECRET not in screen and "pass phrase" not in screen
    assert pane.tty_flags() == {"echo", "icanon"}  # settings restored
    directory = pathlib.Path(pane_env["XDG_DATA_HOME"]) / "vault" / "keys"
    assert SECRET in filestore.read(directory, "pass phrase", "work").decode()


def test_mismatched_passphrases_store_nothing(vault_bin, pane_env, pane_factory):
    pane = pane_factory(f"{vault_bin} add work", pane_env)
    screen = answer_add(pane, "one", "two")
    assert "the two passphrases differ" in screen and "rc=1" in screen
    assert not (pathlib.Path(pane_env["XDG_DATA_HOME"]) / "vault" / "keys" / "store.json").exists()


def add_halfway(pane, stage: str):
    """`vault add` with part of an answer typed at its readline (Access Key ID)
    or its hidden (Secret Access Key) prompt."""
    pane.wait_for("Enter Access Key ID: ")
    if stage == "hidden":
        pane.keys(KEY_ID, "Enter")
        pane.wait_for("Enter Secret Access Key: ")
        pane.keys("wJalr")
    else:
        pane.keys("AKIA")
    return pane


@pytest.mark.parametrize("stage", ["readline", "hidden"])
def test_ctrl_c_at_a_prompt_cancels_and_restores_the_terminal(vault_bin, pane_env, pane_factory, stage):
    pane = add_halfway(pane_factory(f"{vault_bin} add work", pane_env), stage)
    pane.keys("C-c")
    screen = pane.wait_for("rc=")
    assert "vault: cancelled at the prompt" in screen and "rc=130" in screen
    assert pane.tty_flags() == {"echo", "icanon"}
    assert not (pathlib.Path(pane_env["XDG_DATA_HOME"]) / "vault").exists()


def test_remove_asks_for_confirmation(vault_bin, pane_env, pane_factory):
    env = dict(pane_env, AWS_VAULT_FILE_PASSPHRASE="pw", AWS_ACCESS_KEY_ID=KEY_ID, AWS_SECRET_ACCESS_KEY=SECRET)
    assert subprocess.run([vault_bin, "add", "work", "--env"], env=env, capture_output=True).returncode == 0
    directory = pathlib.Path(env["XDG_DATA_HOME"]) / "vault" / "keys"
    pane = pane_factory(f"{vault_bin} remove work", env)
    pane.wait_for('Delete credentials for profile "work"? (y|N) ')
    pane.keys("n", "Enter")
    assert "rc=0" in pane.wait_for("rc=")
    assert filestore.names(directory) == ["work"]
    pane = pane_factory(f"{vault_bin} remove work", env)
    pane.wait_for("(y|N) ")
    pane.keys("y", "Enter")
    assert "rc=0" in pane.wait_for("rc=")
    assert filestore.names(directory) == []


def test_without_a_terminal_add_says_so(vault_bin, pane_env):
    result = subprocess.run([vault_bin, "add", "work"], env=pane_env, capture_output=True, text=True,
                            stdin=subprocess.DEVNULL, start_new_session=True, timeout=30)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("vault: no terminal to ask on")


def test_a_sigint_sent_during_the_hidden_prompt_restores_the_terminal(vault_bin, pane_env, pane_factory):
    pane = pane_factory(f"{vault_bin} add work", pane_env)
    pane.wait_for("Enter Access Key ID: ")
    pane.keys(KEY_ID, "Enter")
    pane.wait_for("Enter Secret Access Key: ")
    shell = subprocess.run(["tmux", "-L", pane.socket, "list-panes", "-F", "#{pane_pid}"],
                           capture_output=True, text=True, check=True).stdout.split()[0]
    children = subprocess.run(["ps", "-o", "pid=,comm=", "--ppid", shell], capture_output=True, text=True).stdout
    vault_pid = next(int(line.split()[0]) for line in children.splitlines() if line.split()[1] == "vault")
    os.kill(vault_pid, 2)
    screen = pane.wait_for("rc=")
    assert "vault: cancelled at the prompt" in screen and "rc=130" in screen
    assert pane.tty_flags() == {"echo", "icanon"}
