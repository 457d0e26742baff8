"""The profile picker in real bash, zsh and fish (tmux): no profile named,
no AWS_PROFILE, a terminal → a list on /dev/tty; stdout carries only the
script or the data asked for."""
import json
import subprocess

import pytest

from fixtures.shells import SHELLS, wait_for

PICKER_TITLE = "Profile (type to filter"


def open_picker(sh, command: str):
    before = sh.count()
    sh.keys(command, literal=True)
    sh.keys("Enter")
    wait_for(lambda: PICKER_TITLE in sh.pane(), what=f"picker in {sh.kind}")
    return before


def wait_prompt(sh, before: int):
    wait_for(lambda: sh.count() > before, what=f"prompt in {sh.kind}")


@pytest.fixture
def world3(shell_world):
    shell_world.write_config({"dev": 60, "prod": 60, "staging": 60})
    return shell_world


@pytest.mark.parametrize("kind", SHELLS)
def test_filter_and_choose_with_eval(world3, start_shell, kind):
    sh = start_shell(kind)
    before = open_picker(sh, sh.d.source("vault env"))
    assert "staging" in sh.pane() and "process" in sh.pane()
    sh.keys("prd", literal=True)
    wait_for(lambda: "> prd" in sh.pane() and "1/3" in sh.pane(), what="filtered list")
    sh.keys("Enter")
    wait_prompt(sh, before)
    assert sh.get("AWS_VAULT") == "prod"
    assert sh.get("AWS_ACCESS_KEY_ID") == "AKIAPROD"
    assert PICKER_TITLE not in sh.pane(), "the picker erases itself"


@pytest.mark.parametrize("kind", SHELLS)
def test_arrows_choose_and_stdout_holds_only_the_data(world3, start_shell, kind, tmp_path):
    sh = start_shell(kind)
    out, status = tmp_path / "out", tmp_path / "status"
    before = open_picker(sh, sh.d.sequence(f"vault export --format json > {out}", f"echo {sh.d.status} > {status}"))
    sh.keys("Down")
    wait_for(lambda: "▸ prod" in sh.pane(), what="selection moved")
    sh.keys("Enter")
    wait_prompt(sh, before)
    wait_for(status.exists, what="status written")
    assert status.read_text().strip() == "0"
    text = out.read_text()
    assert "\x1b" not in text and PICKER_TITLE not in text
    assert json.loads(text)["AccessKeyId"] == "AKIAPROD"


@pytest.mark.parametrize("kind", SHELLS)
def test_escape_cancels_with_130_and_prints_nothing(world3, start_shell, kind, tmp_path):
    sh = start_shell(kind)
    out, status = tmp_path / "out", tmp_path / "status"
    before = open_picker(sh, sh.d.sequence(f"vault env > {out}", f"echo {sh.d.status} > {status}"))
    sh.keys("Escape")
    wait_prompt(sh, before)
    wait_for(status.exists, what="status written")
    assert status.read_text().strip() == "130"
    assert out.read_text() == ""
    assert "vault: no profile chosen" in sh.pane()


def test_aws_profile_is_used_and_no_terminal_is_a_clear_error(world3, vault_bin):
    env = dict(world3.env)
    # No controlling terminal: a new session.
    bare = subprocess.run([vault_bin, "export", "--format", "json"], env=env, capture_output=True, text=True,
                          start_new_session=True, stdin=subprocess.DEVNULL)
    assert bare.returncode == 64 and bare.stdout == ""
    assert bare.stderr.startswith("vault: no profile given;") and "AWS_PROFILE" in bare.stderr
    chosen = subprocess.run([vault_bin, "export", "--format", "json"], env=dict(env, AWS_PROFILE="staging"),
                            capture_output=True, text=True, start_new_session=True, stdin=subprocess.DEVNULL)
    assert chosen.returncode == 0, chosen.stderr
    assert json.loads(chosen.stdout)["AccessKeyId"] == "AKIASTAGING"
    ran = subprocess.run([vault_bin, "exec", "--", "sh", "-c", "echo $AWS_VAULT"], env=dict(env, AWS_PROFILE="dev"),
                         capture_output=True, text=True, start_new_session=True, stdin=subprocess.DEVNULL)
    assert ran.returncode == 0 and ran.stdout == "dev\n", ran.stderr
