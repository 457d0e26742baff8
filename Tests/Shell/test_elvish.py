"""elvish only: the completion file is what gen_elvish.py makes of the binary;
the hook loaded twice (eval, then use) installs once; `vault env` at a REPL
with no hook keeps its session for `vault unset`; Tab offers subcommands and
fixed value lists."""
import re
import shutil
import subprocess
import sys

import pytest

from fixtures.shells import ROOT, wait_for

pytestmark = pytest.mark.skipif(not shutil.which("elvish"), reason="elvish not installed")


def test_committed_completion_matches_the_binary(vault_bin):
    generated = subprocess.run([sys.executable, str(ROOT / "shell/completion/gen_elvish.py"), vault_bin],
                               capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert generated == (ROOT / "completions/vault.elv").read_text(), \
        "completions/vault.elv drifted from the binary; run shell/generate.sh and commit"


def test_hook_loaded_by_eval_and_by_use_installs_once(shell_world, start_shell):
    p = shell_world.project("twice", "profile = dev\n")
    sh = start_shell("elvish", preamble="eval (vault hook elvish | slurp)")
    sh.run(f"cd {p}")
    assert sh.get("AWS_VAULT") == "dev"
    assert shell_world.runs("dev") == 1  # one hook, one run
    assert sh.eval_out("echo (count $edit:before-readline)").strip() == "2"  # vault's and the counter


def test_vault_env_without_the_hook_is_undone_by_vault_unset(shell_world, start_shell):
    env = dict(shell_world.env, AWS_REGION="before")
    sh = start_shell("elvish", env=env)
    # A REPL with no hook: the session's holder is made by the first script.
    sh.run("edit:del-var __vault; set edit:before-readline = [$@edit:before-readline[1..]]")
    sh.run("eval (vault env dev | slurp)")
    assert sh.get("AWS_VAULT") == "dev"
    sh.run("eval (vault unset | slurp)")
    assert sh.get("AWS_VAULT") is None
    assert sh.get("AWS_REGION") == "before"


@pytest.mark.parametrize("typed,offered", [("vault ho", "vault hook"), ("vault hook el", "vault hook elvish"),
                                            ("vault list --backend fi", "vault list --backend file")])
def test_tab_offers_subcommands_and_value_lists(typed, offered, shell_world, start_shell):
    sh = start_shell("elvish", extra=f"eval (slurp < {ROOT}/completions/vault.elv)")
    sh.keys(typed, literal=True)
    sh.keys("Tab")
    wait_for(lambda: offered in sh.pane(), what=f"completion of {typed!r}")
    sh.keys("Escape")
    sh.keys("C-u")


def test_vault_prompt_variable_at_the_repl_and_in_the_module(shell_world, start_shell):
    p = shell_world.project("pv", "profile = dev\n")
    sh = start_shell("elvish")
    assert sh.eval_out("print $vault_prompt") == ""
    sh.run(f"cd {p}")
    assert re.fullmatch(r"dev (59m|1h0m)", sh.eval_out("print $vault_prompt"))
    # Both read in one command, so at one prompt: read at two, a minute may
    # pass between them ("dev 1h0m", then "dev 59m").
    module, repl = sh.eval_out("print $vault:vault_prompt'|'$vault_prompt").split("|")
    assert module == repl
    sh.run("cd /")
    assert sh.eval_out("print $vault_prompt") == ""


def test_no_vaultrc_no_process_at_all(shell_world, start_shell):
    """The README's claim: away from any .vaultrc an unchanged prompt starts
    nothing, not even the `test` a prompt with a .vaultrc in use needs."""
    if not shutil.which("strace"):
        pytest.skip("strace not installed")
    from test_shell_hook import process_starts_over_prompts
    sh = start_shell("elvish", cwd=shell_world.projects)
    sh.run("nop")
    assert process_starts_over_prompts(sh) == []
