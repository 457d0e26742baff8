"""What only tcsh needs proved (tmux, the real interactive tcsh): values with
history `!`, quotes, backquotes and non-ASCII text through `eval "`vault env`"`
where history expansion is on; an edit the whole-second `-M` cannot see;
the clock with and without vault's private folder; the person's precmd."""
import json
import os
import re
import shutil

import pytest

from fixtures.shells import wait_for

pytestmark = pytest.mark.skipif(shutil.which("tcsh") is None, reason="tcsh not installed")

HOSTILE = "s!1 $(touch PWNED) `touch PWNED` 'q\"\\ !! ^x^y\u00e9\t!$ ~root *"


def _hostile_profile(shell_world):
    doc = {"Version": 1, "AccessKeyId": "AKIAHOSTILE", "SecretAccessKey": HOSTILE, "SessionToken": "t!k"}
    script = shell_world.bin / "hostile.sh"
    script.write_text(f"#!/bin/sh\ncat <<'EOF'\n{json.dumps(doc)}\nEOF\n")
    script.chmod(0o755)
    cfg = shell_world.home / ".aws" / "config"
    cfg.write_text(cfg.read_text() + f"\n[profile hostile]\ncredential_process = {script}\n")


def test_history_characters_and_quotes_survive_interactive_eval(shell_world, start_shell):
    _hostile_profile(shell_world)
    sh = start_shell("tcsh")
    sh.run(sh.d.source("vault env hostile"))
    assert sh.get("AWS_SECRET_ACCESS_KEY") == HOSTILE
    assert sh.get("AWS_SESSION_TOKEN") == "t!k"
    assert "Event not found" not in sh.pane()
    sh.run(sh.d.source("vault unset"))
    assert sh.get("AWS_SECRET_ACCESS_KEY") is None
    assert not (shell_world.root / "PWNED").exists()


def test_an_edit_that_keeps_the_mtime_is_seen_by_its_size(shell_world, start_shell):
    """tcsh's -M has whole seconds; an edit in the same second as the stamp
    looks unchanged to it. Here the mtime is put back to the nanosecond, so
    only the size (which the hook notes) tells."""
    p = shell_world.project("same-second", "profile = dev\n")
    sh = start_shell("tcsh")
    sh.run(f"cd {p}")
    assert sh.get("AWS_VAULT") == "dev"
    rc = p / ".vaultrc"
    before = os.stat(rc)
    with open(rc, "a") as f:
        f.write("region = eu-west-3\n")
    os.utime(rc, ns=(before.st_atime_ns, before.st_mtime_ns))
    sh.run("true")
    assert sh.get("AWS_VAULT") is None  # changed: not allowed until allowed again
    assert "is not allowed" in sh.pane()


@pytest.mark.parametrize("private_folder", [True, False])
def test_prompt_time_left_with_either_clock(private_folder, shell_world, start_shell):
    """With vault's private folder the clock is a file the hook truncates;
    before vault made it, the terminal's times."""
    if private_folder:
        shell_world.project("made-seen", "profile = prod\n")
    sh = start_shell("tcsh", extra=sh_prompt())
    if private_folder:
        sh.run(f"cd {shell_world.projects / 'made-seen'}")
        sh.run("cd /")
    seen = shell_world.home / ".local/share/vault/seen"
    assert seen.is_dir() == private_folder
    sh.run(sh.d.source("vault env dev"))
    sh.run("true")
    wait_for(lambda: re.search(r"\[dev (59m|1h0m)\]\$", sh.pane()), what="time left in the prompt")
    assert (seen / f"{sh.pid()}.clock").exists() == private_folder


def sh_prompt():
    return "set prompt = '[%$vault_prompt]$ '"


def test_the_persons_precmd_alias_runs_after_the_hook(shell_world, start_shell):
    p = shell_world.project("mine", "profile = dev\n")
    mine = shell_world.root / "mine.txt"
    sh = start_shell("tcsh", preamble=f"alias precmd 'printenv AWS_VAULT >> {mine}; echo p >> $PROMPTS'")
    sh.run(f"cd {p}")
    # The person's precmd saw what the hook had just applied, at that same prompt.
    assert "dev" in mine.read_text().splitlines()
    assert sh.eval_out("alias precmd").count("__vault_hook") == 1


def test_ctrl_c_while_the_hook_waits_leaves_globbing_on(shell_world, start_shell):
    """The hook reads vault's answer with noglob set; Ctrl-C there must not leave it set."""
    p, started = shell_world.slow_project()
    sh = start_shell("tcsh")
    assert sh.get("noglob") is None
    sh.keys(f"cd {p}", literal=True)
    sh.keys("Enter")
    wait_for(started.exists, what="credential_process started")
    sh.interrupt()
    assert sh.get("noglob") is None
    sh.run("cd /")
    assert sh.get("noglob") is None
