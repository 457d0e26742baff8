"""What is xonsh's own: the completer file is what gen_xonsh.py makes of the
binary and offers commands, options, fixed values and profile names; the hook
runs on on_pre_prompt_format, so the prompt drawn right after a `cd` already
shows the new segment; `vault_prompt` and `vault_prompt_info` work from Python;
a `vault env` script run by `execx` leaves nothing in the caller's globals."""
import shutil
import subprocess
import sys

import pytest

from fixtures.shells import ROOT, wait_for

pytestmark = pytest.mark.skipif(not shutil.which("xonsh"), reason="xonsh not installed")


def test_committed_completer_matches_the_binary(vault_bin):
    generated = subprocess.run([sys.executable, str(ROOT / "shell/completion/gen_xonsh.py"), vault_bin],
                               capture_output=True, text=True, check=True).stdout
    assert generated == (ROOT / "completions/vault.xsh").read_text(), \
        "completions/vault.xsh drifted from the binary; run shell/generate.sh and commit"


COMPLETE = """
source {file}
from xonsh.parsers.completion_context import CommandArg, CommandContext, CompletionContext
def __c(words, prefix):
    context = CompletionContext(command=CommandContext(args=tuple(CommandArg(w) for w in words),
                                                       arg_index=len(words), prefix=prefix))
    print(repr(sorted(str(x) for x in (__xonsh__.completers['vault'](context) or []))))
__c(['vault'], 'e')
__c(['vault', 'env'], 'prod')
__c(['vault', 'env', '--region', 'x', '-d', '1h'], '')
__c(['vault', 'env'], '--no-s')
__c(['vault', 'sso'], '')
__c(['vault', 'hook'], '')
__c(['vault', 'exec', 'dev', '--'], 'pr')
"""


def test_completer_offers_commands_options_values_and_profiles(shell_world):
    shell_world.write_config({"dev": 60, "prod-admin": 60, "prod-ro": 60})
    result = subprocess.run(["xonsh", "--no-rc", "-c", COMPLETE.format(file=ROOT / "completions/vault.xsh")],
                            env=shell_world.env, capture_output=True, text=True, timeout=120)
    lines = [eval(line) for line in result.stdout.splitlines()]
    assert lines[0] == ["env", "exec", "export"], result.stderr
    assert lines[1] == ["prod-admin", "prod-ro"]  # `vault list --profiles`, at Tab time
    assert lines[2] == ["dev", "prod-admin", "prod-ro"]  # option values skipped
    assert lines[3] == ["--no-session"]
    assert lines[4] == ["login", "logout", "populate"]
    assert "xonsh" in lines[5] and "bash" in lines[5]
    assert "prod-admin" not in lines[6]  # after --: the command's own words


def test_prompt_drawn_after_cd_already_shows_the_new_segment(shell_world, start_shell):
    p = shell_world.project("seg", "profile = dev\n")
    sh = start_shell("xonsh", extra="$PROMPT = '[{vault}]$ '")
    wait_for(lambda: sh.pane().rstrip().endswith("[]$"), what="the empty segment")
    sh.run(f"cd {p}")
    # The hook ran before xonsh formatted this prompt (else it would show [] until the next one).
    wait_for(lambda: sh.pane().rstrip().splitlines()[-1].startswith("[dev "), what="the segment in the next prompt")
    assert sh.eval_out("echo @(vault_prompt)").startswith("dev ")
    assert sh.eval_out("echo @(aliases['vault_prompt_info']())").startswith("dev ")


def test_vault_env_by_execx_leaves_no_globals(shell_world, start_shell):
    sh = start_shell("xonsh")
    sh.run(sh.d.source("vault env dev"))
    assert sh.get("AWS_VAULT") == "dev"
    names = sh.eval_out("echo @(' '.join(sorted(n for n in globals() if n.startswith('__vault'))))").split()
    # Only the session's bookkeeping (in __xonsh__.ctx, the prompt's globals); no loop variable.
    assert "__vault_n" not in names and "__vault_active" in names and "__vault_old_AWS_PROFILE" not in names


def test_braces_in_a_profile_name_are_text_in_the_prompt(shell_world, start_shell):
    # xonsh takes {RED} in a prompt as a colour: the field gives it as text.
    shell_world.write_config({"dev": 60, "c{RED}x": 60})
    p = shell_world.project("brace", "profile = c{RED}x\n")
    sh = start_shell("xonsh", extra="$PROMPT = '[{vault}]$ '")
    sh.run(f"cd {p}")
    assert sh.get("AWS_VAULT") == "c{RED}x"
    wait_for(lambda: "[c{RED}x " in sh.pane(), what="the profile with its braces in the prompt")
