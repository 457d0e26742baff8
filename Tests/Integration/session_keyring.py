"""Runs commands inside a real kernel session keyring, for the tests of the
file store's unlock cache: vault keeps its data key only in a session keyring
of its own, and a test process often has none (containers, CI)."""
import os
import pathlib
import subprocess

# The user-session keyring's name: joined by name, it gives a process no
# session keyring of its own (as in a container or CI).
USER_SESSION = f"_uid_ses.{os.getuid()}"


def in_session(script: str, env: dict, cwd: pathlib.Path, session: str = "-") -> subprocess.CompletedProcess:
    """Runs a bash script in a new session (setsid: no controlling terminal,
    so nothing can prompt) joined to `session`: `-` a fresh session keyring,
    USER_SESSION the user-session keyring."""
    return subprocess.run(["setsid", "-w", "keyctl", "session", session, "bash", "-euc", script], env=env, cwd=cwd,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=180)
