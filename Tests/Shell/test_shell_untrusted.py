"""What a cloned repository's .vaultrc can't do, in real bash, zsh and fish
(tmux): borrow trust through a symlink, hang the prompt with a FIFO, make
each prompt read 100 MB, or write terminal escapes (window title, OSC 52
clipboard) through vault's messages. Each is refused with a message, the
prompt comes back (generous timeouts, no timings asserted), and the raw
bytes the terminal received hold no escape from the file."""
import os
import pathlib

import pytest

from fixtures.shells import SHELLS, wait_for
from fixtures.dialects import DIALECTS

pytestmark = pytest.mark.parametrize("kind", SHELLS)

# Generous: a hang shows as a failure, not as a slow pass.
PROMPT = 60.0
TITLE = "\x1b]0;PWNED-TITLE\x07"
CLIPBOARD = "\x1b]52;c;cHduZWQ=\x07"


def raw_escapes(raw: bytes) -> list[bytes]:
    return [seq for seq in (b"\x1b]0;PWNED", b"PWNED-TITLE\x07", b"\x1b]52;", b"cHduZWQ=\x07") if seq in raw]


def test_a_symlinked_vaultrc_does_not_borrow_its_targets_trust(kind, shell_world, start_shell):
    prod = shell_world.project("prod", "profile = prod\n")
    clone = shell_world.projects / "clone"
    clone.mkdir()
    (clone / ".vaultrc").symlink_to(prod / ".vaultrc")
    sh = start_shell(kind)
    sh.run(f"cd {clone}", timeout=PROMPT)
    assert sh.get("AWS_VAULT") is None
    assert f"{clone}/.vaultrc is a symbolic link (to {prod}/.vaultrc)" in sh.pane()
    # Denying in the clone denies the link's path, not the real project.
    sh.run("vault deny")
    sh.run(f"cd {prod}")
    assert sh.get("AWS_VAULT") == "prod"
    # Allowing that exact link path is what makes it usable.
    sh.run(f"cd {clone}")
    assert sh.get("AWS_VAULT") is None
    sh.run("vault allow")
    assert sh.get("AWS_VAULT") == "prod"
    assert sh.get("VAULT_ORIGIN") == f"{clone}/.vaultrc"


def test_a_project_reached_through_a_symlinked_folder_needs_its_own_allow(kind, shell_world, start_shell):
    prod = shell_world.project("prod", "profile = prod\n")
    alias = shell_world.projects / "alias"
    alias.symlink_to(prod)
    if not DIALECTS[kind].logical_pwd:
        pytest.skip(f"{kind} sees only the physical path, the allowed {prod}/.vaultrc itself")
    sh = start_shell(kind)
    sh.run(f"cd {alias}", timeout=PROMPT)
    assert sh.get("AWS_VAULT") is None
    assert f"{alias}/.vaultrc is not allowed" in sh.pane()
    sh.run("vault allow")  # keyed on $PWD's path, as the hook sees it
    assert sh.get("AWS_VAULT") == "prod"
    assert sh.get("VAULT_ORIGIN") == f"{alias}/.vaultrc"


def refused_once(sh, folder, message):
    """Entering `folder` applies nothing and says `message`; the next prompts
    come back and say nothing more: the hook neither opens the file nor asks
    vault again while nothing changed."""
    sh.run(f"cd {folder}", timeout=PROMPT)
    assert sh.get("AWS_VAULT") is None
    assert message in sh.pane()
    for _ in range(3):
        sh.run("true", timeout=PROMPT)
    assert sh.pane().count(message) == 1


def test_a_fifo_is_refused_and_the_prompt_comes_back(kind, shell_world, start_shell):
    d = shell_world.projects / "fifo"
    d.mkdir()
    os.mkfifo(d / ".vaultrc")  # nobody ever writes to it: reading it would block
    refused_once(start_shell(kind), d, f"{d}/.vaultrc is a FIFO, not a regular file")


def test_a_100_mb_vaultrc_is_refused_without_reading_it(kind, shell_world, start_shell):
    d = shell_world.projects / "big"
    d.mkdir()
    big = d / ".vaultrc"
    with open(big, "wb") as f:
        f.write(b"profile = dev\n")
        f.write(b"# padding\n" * 10_000_000)  # 100 MB of real bytes, not a sparse hole
    big.chmod(0o644)
    refused_once(start_shell(kind), d, f"{big} has 100000014 bytes, more than a .vaultrc may have (65536)")


def test_escape_sequences_from_a_vaultrc_never_reach_the_terminal(kind, shell_world, start_shell, tmp_path):
    # In the profile value (the "not allowed" message), in a bad line (the
    # syntax message) and in the folder's own name (every message's path).
    evil = shell_world.projects / f"evil{TITLE}dir"
    evil.mkdir()
    (evil / ".vaultrc").write_text(f"profile = x{TITLE}{CLIPBOARD}y\n")
    (evil / ".vaultrc").chmod(0o644)
    bad = shell_world.projects / "bad"
    bad.mkdir()
    (bad / ".vaultrc").write_text(f"profile = dev\n{CLIPBOARD}{TITLE}\n")
    (bad / ".vaultrc").chmod(0o644)
    sh = start_shell(kind)
    raw = tmp_path / f"raw-{kind}"
    sh.record(raw)
    title = sh.title()
    sh.run(f"cd {shell_world.projects}/evil*", timeout=PROMPT)
    assert sh.get("AWS_VAULT") is None
    sh.run(f"cd {bad}", timeout=PROMPT)
    assert sh.get("AWS_VAULT") is None
    wait_for(lambda: b"cannot read" in raw.read_bytes(), what="the syntax message in the raw output")
    received = raw.read_bytes()
    assert raw_escapes(received) == []
    # The messages were printed, with the escapes shown as text.
    assert b"evil\\x1b]0;PWNED-TITLE\\x07dir/.vaultrc is not allowed" in received
    assert b"profile x\\x1b]0;PWNED-TITLE\\x07\\x1b]52;c;cHduZWQ=\\x07y here" in received
    assert b".vaultrc:2: cannot read '\\x1b]52;c;cHduZWQ=\\x07\\x1b]0;PWNED-TITLE\\x07'" in received
    assert sh.title() == title
    assert "PWNED-TITLE" not in sh.title()


def test_prompt_text_is_sanitised_and_zsh_does_not_expand_percent_escapes(kind, shell_world, start_shell, tmp_path):
    # Profile names from the config file, shown in the prompt segment.
    script = shell_world.bin / "cp-dev.sh"  # the dev profile's credential_process
    config = shell_world.home / ".aws" / "config"
    config.write_text(config.read_text() + f"\n[profile pct%Sx%F{{red}}]\ncredential_process = {script}\n"
                      f"\n[profile t{TITLE}]\ncredential_process = {script}\n")
    pct = shell_world.project("pct", "profile = pct%Sx%F{red}\n")
    esc = shell_world.project("esc", f"profile = t{TITLE}\n")
    from fixtures.dialects import DIALECTS
    sh = start_shell(kind, extra=DIALECTS[kind].prompt_showing_info())
    raw = tmp_path / f"raw-{kind}"
    sh.record(raw)
    sh.run(f"cd {pct}", timeout=PROMPT)
    assert sh.get("AWS_VAULT") == "pct%Sx%F{red}", sh.pane()
    # Shown as written: zsh did not take %S (standout) or %F{red} as prompt escapes.
    wait_for(lambda: "[pct%Sx%F{red} " in sh.pane(), what="the prompt segment with its % signs")
    sh.run(f"cd {esc}", timeout=PROMPT)
    assert sh.get("AWS_VAULT") == f"t{TITLE}"
    wait_for(lambda: "[t\\x1b]0;PWNED-TITLE\\x07 " in sh.pane(), what="the escaped prompt segment")
    assert raw_escapes(raw.read_bytes()) == []


def test_an_mfa_prompt_shows_the_configs_escapes_as_text(kind, shell_world, start_shell, tmp_path):
    env = dict(shell_world.env, AWS_VAULT_BACKEND="file", AWS_VAULT_FILE_PASSPHRASE="pass",
               AWS_ACCESS_KEY_ID="AKIAMFAUSER000000000", AWS_SECRET_ACCESS_KEY="MfaUserSecret0000000000000000000000000000"[:40])
    cfg = shell_world.home / ".aws" / "config"
    cfg.write_text(cfg.read_text() + f"\n[profile mfa]\nmfa_serial = arn:aws:iam::123456789012:mfa/me{TITLE}\nregion = eu-west-1\n")
    shell_world.env = env
    shell_world.vault("add", "--env", "mfa")
    sh = start_shell(kind, env={k: v for k, v in env.items() if k not in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")})
    raw = tmp_path / f"raw-{kind}"
    sh.record(raw)
    sh.keys("vault exec mfa -- true", literal=True)
    sh.keys("Enter")
    wait_for(lambda: b"Enter MFA code for arn:aws:iam::123456789012:mfa/me\\x1b]0;PWNED-TITLE\\x07" in raw.read_bytes(),
             timeout=PROMPT, what="the MFA prompt, escapes shown as text")
    sh.interrupt()
    assert raw_escapes(raw.read_bytes()) == []
