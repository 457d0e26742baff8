"""Prompt toolkits in a real zsh through tmux: powerlevel9k with vault's
`prompt_vault` segment (shell/prompt_vault.zsh, loaded by the
oh-my-zsh-style shell/vault.plugin.zsh) and powerline with its Python
segment (shell/powerline/vault_powerline.py). Each shows the profile and
the time left, and a `%` in a profile name stays literal."""
import json
import os
import re
import shutil

import pytest

from fixtures.shells import ROOT, wait_for

P9K = "/usr/share/powerlevel9k/powerlevel9k.zsh-theme"
POWERLINE_ZSH = "/usr/share/powerline/bindings/zsh/powerline.zsh"
# `%d` is zsh's prompt escape for the working folder: unescaped, the pane
# would show a path where the profile name has "%d".
PROFILE = "dev%d"
TIME_LEFT = r"(59m|1h0m)"


def _prompt_line(sh):
    lines = [l for l in sh.pane().splitlines() if l.strip()]
    return lines[-1] if lines else ""


@pytest.fixture
def vault_project(shell_world):
    shell_world.write_config({PROFILE: 60})
    return shell_world.project("p9k", f"profile = {PROFILE}\n")


def test_powerlevel9k_segment_shows_profile_and_time_left(shell_world, start_shell, vault_project):
    if not os.path.exists(P9K):
        pytest.skip("zsh-theme-powerlevel9k not installed (scripts/bootstrap --test installs it)")
    # The plugin file as oh-my-zsh would source it (it evals the hook itself),
    # then the theme, as ~/.zshrc would.
    extra = (f"POWERLEVEL9K_MODE=compatible\nPOWERLEVEL9K_LEFT_PROMPT_ELEMENTS=(vault)\n"
             f"POWERLEVEL9K_RIGHT_PROMPT_ELEMENTS=()\nsource {ROOT}/shell/vault.plugin.zsh\nsource {P9K}\n")
    sh = start_shell("zsh", extra=extra)
    # Two hooks would run vault twice: the plugin's eval is the one hook (the rc's is skipped as a repeat).
    assert sh.eval_out("print -l $precmd_functions").count("__vault_hook") == 1
    assert sh.eval_out("print -r -- $precmd_functions[1]").strip() == "__vault_hook"
    sh.run(f"cd {vault_project}")
    line = wait_for(lambda: next((l for l in [_prompt_line(sh)] if PROFILE in l), None), what="segment in the prompt")
    assert re.search(re.escape(PROFILE) + " " + TIME_LEFT, line), line
    assert str(vault_project) not in line.replace(f"cd {vault_project}", "")
    sh.run("cd /")
    wait_for(lambda: PROFILE not in _prompt_line(sh), what="segment gone after leaving")


def test_powerline_segment_shows_profile_and_time_left(shell_world, start_shell, vault_project, tmp_path):
    if not os.path.exists(POWERLINE_ZSH) or not shutil.which("powerline-render"):
        pytest.skip("powerline not installed (scripts/bootstrap --test installs it)")
    config = tmp_path / "xdg" / "powerline"
    (config / "themes" / "shell").mkdir(parents=True)
    (config / "config.json").write_text(json.dumps({
        "common": {"paths": [str(ROOT / "shell" / "powerline")]},
        "ext": {"shell": {"theme": "vault_test"}}}))
    (config / "themes" / "shell" / "vault_test.json").write_text(json.dumps({
        "segments": {"left": [{"function": "vault_powerline.vault"}, {"function": "powerline.segments.shell.cwd"}]}}))
    # No daemon: each prompt renders in a fresh powerline-render, the segment's code as the config names it.
    env = dict(shell_world.env, XDG_CONFIG_HOME=str(tmp_path / "xdg"), POWERLINE_NO_ZSH_ZPYTHON="1",
               POWERLINE_COMMAND="powerline-render")
    sh = start_shell("zsh", env=env, extra=f"source {POWERLINE_ZSH}\n")
    sh.run(f"cd {vault_project}")
    line = wait_for(lambda: next((l for l in [_prompt_line(sh)] if PROFILE in l), None), what="segment in the prompt")
    # powerline pads with no-break spaces.
    assert re.search(re.escape(PROFILE) + "[ \xa0]" + TIME_LEFT, line), line
    assert str(vault_project) not in line
    sh.run("cd /")
    wait_for(lambda: PROFILE not in _prompt_line(sh), what="segment gone after leaving")
